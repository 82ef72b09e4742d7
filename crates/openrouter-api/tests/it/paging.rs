//! A paged list followed to its end, one request per page, as the caller pulls.

use futures::{StreamExt, TryStreamExt};
use openrouter_types::models::PageQuery;
use serde_json::json;
use wiremock::matchers::{path, query_param};
use wiremock::{Mock, ResponseTemplate};

use crate::support::{client, fixture, response_json, sent, server};

/// A page of workspaces named `ids`, each shaped like the recorded one.
fn page(ids: &[&str], total: u64) -> ResponseTemplate {
    let recorded = response_json(fixture("workspaces/list"))["data"][0].clone();
    let data: Vec<_> = ids
        .iter()
        .map(|id| {
            let mut workspace = recorded.clone();
            workspace["id"] = json!(id);
            workspace["name"] = json!(id);
            workspace["slug"] = json!(id);
            workspace
        })
        .collect();
    ResponseTemplate::new(200).set_body_json(json!({"data": data, "total_count": total}))
}

#[tokio::test]
async fn every_page_is_requested_once_and_in_order() {
    let server = server().await;
    for (offset, ids) in [("0", &["a", "b"][..]), ("2", &["c", "d"]), ("4", &["e"])] {
        Mock::given(path("/api/v1/workspaces"))
            .and(query_param("offset", offset))
            .respond_with(page(ids, 5))
            .expect(1)
            .mount(&server)
            .await;
    }
    let client = client(&server.uri());
    let names: Vec<String> = openrouter_api::paginate(|offset| {
        let client = client.clone();
        async move {
            client
                .list_workspaces(&PageQuery::new().offset(offset))
                .await
        }
    })
    .map_ok(|w| w.name)
    .try_collect()
    .await
    .unwrap();
    assert_eq!(names, ["a", "b", "c", "d", "e"]);
    assert_eq!(sent(&server).await.len(), 3);
}

#[tokio::test]
async fn a_failed_page_ends_the_stream_with_its_error_after_the_items_before_it() {
    let server = server().await;
    Mock::given(path("/api/v1/workspaces"))
        .and(query_param("offset", "0"))
        .respond_with(page(&["a", "b"], 9))
        .mount(&server)
        .await;
    Mock::given(path("/api/v1/workspaces"))
        .and(query_param("offset", "2"))
        .respond_with(ResponseTemplate::new(403).set_body_json(
            json!({"error": {"code": 403, "message": "Only management keys can perform this operation"}}),
        ))
        .mount(&server)
        .await;
    let client = client(&server.uri());
    let items: Vec<_> = openrouter_api::paginate(|offset| {
        let client = client.clone();
        async move {
            client
                .list_workspaces(&PageQuery::new().offset(offset))
                .await
        }
    })
    .collect()
    .await;
    assert_eq!(items.len(), 3);
    assert!(items[0].is_ok() && items[1].is_ok());
    let error = items[2].as_ref().unwrap_err();
    assert!(error.is_auth(), "{error:?}");
    assert!(error.to_string().contains("management key"), "{error}");
}

#[tokio::test]
async fn files_follow_their_cursor_until_it_runs_out() {
    let server = server().await;
    let recorded = response_json(fixture("files/list"));
    let page = |id: &str, cursor: Option<&str>| {
        let mut body = recorded.clone();
        let mut file = recorded["data"][0].clone();
        file["id"] = json!(id);
        body["data"] = json!([file]);
        body["cursor"] = json!(cursor);
        ResponseTemplate::new(200).set_body_json(body)
    };
    Mock::given(path("/api/v1/files"))
        .and(query_param("cursor", "page-2"))
        .respond_with(page("or_file_2", None))
        .expect(1)
        .with_priority(1)
        .mount(&server)
        .await;
    Mock::given(path("/api/v1/files"))
        .respond_with(page("or_file_1", Some("page-2")))
        .expect(1)
        .with_priority(2)
        .mount(&server)
        .await;
    let client = client(&server.uri());
    let ids: Vec<String> = client
        .all_files(openrouter_types::files::ListFilesQuery::new())
        .map_ok(|f| f.id)
        .try_collect()
        .await
        .unwrap();
    assert_eq!(ids, ["or_file_1", "or_file_2"]);
}
