//! Mounting on wiremock: strict single fixtures, folders, the catch-all, received requests.

use openrouter_testkit::{FixtureSet, dump_requests, mount};

use crate::support::client;

#[tokio::test]
async fn catch_all_names_the_unexpected_request() {
    let server = wiremock::MockServer::start().await;
    mount::mount_folder(&server, &FixtureSet::bundled(), "key").await;
    mount::mount_catch_all(&server).await;
    let client = client();
    let ok = client
        .get(format!("{}/api/v1/key", server.uri()))
        .send()
        .await
        .unwrap();
    assert_eq!(ok.status(), 200, "fixtures win over the catch-all");
    let response = client
        .post(format!("{}/api/v1/chat/completions", server.uri()))
        .body("{}")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 500);
    assert_eq!(
        response.text().await.unwrap(),
        "unexpected request: POST /api/v1/chat/completions"
    );
}

#[tokio::test]
async fn strict_mount_requires_the_recorded_model_and_stream() {
    let set = FixtureSet::bundled();
    let fixture = set.get("chat/stream_reasoning").unwrap();
    let server = wiremock::MockServer::start().await;
    mount::mount_fixture(&server, fixture).await;
    mount::mount_catch_all(&server).await;
    let url = format!("{}/api/v1/chat/completions", server.uri());
    let client = client();
    let post = |body: &'static str| client.post(&url).body(body).send();
    let wrong_model = post(r#"{"model":"openai/gpt-4o","messages":[],"stream":true}"#)
        .await
        .unwrap();
    assert_eq!(wrong_model.status(), 500);
    let not_streaming = post(r#"{"model":"anthropic/claude-sonnet-4.5","messages":[]}"#)
        .await
        .unwrap();
    assert_eq!(not_streaming.status(), 500);
    let right = post(r#"{"model":"anthropic/claude-sonnet-4.5","messages":[],"stream":true}"#)
        .await
        .unwrap();
    assert_eq!(right.status(), 200);
    assert_eq!(
        right.bytes().await.unwrap(),
        fixture.response().body().clone()
    );
}

#[tokio::test]
async fn received_requests_dump_redacts_authorization() {
    let server = wiremock::MockServer::start().await;
    mount::mount_set(&server, &FixtureSet::bundled()).await;
    client()
        .get(format!(
            "{}/api/v1/generation?id=gen-1764115200-q7LmX2vR9sTnB4wYc8Ke",
            server.uri()
        ))
        .header("authorization", "Bearer hunter2-hunter2")
        .send()
        .await
        .unwrap();
    client()
        .get(format!("{}/api/v1/key", server.uri()))
        .header("authorization", "Bearer hunter2-hunter2")
        .send()
        .await
        .unwrap();
    let requests = mount::received_requests(&server).await;
    assert_eq!(
        requests[0].query_param("id"),
        Some("gen-1764115200-q7LmX2vR9sTnB4wYc8Ke")
    );
    requests[1].expect_header("authorization");
    let dump = dump_requests(&requests);
    assert!(!dump.contains("hunter2"), "{dump}");
    assert_eq!(
        dump,
        "GET /api/v1/generation?id=gen-1764115200-q7LmX2vR9sTnB4wYc8Ke\naccept: */*\nauthorization: [redacted]\n---\nGET /api/v1/key\naccept: */*\nauthorization: [redacted]\n"
    );
}
