//! Redirects: the API key never follows one to another host.

use openrouter_api::{Error, TransportKind};

use super::{CLOSE_BOUND, bounded};
use crate::support::{self, RawServer, Step, completion_body, json, request};

fn redirect_to(location: &str) -> Vec<Step> {
    vec![Step::send(support::response(
        307,
        &[("location", location)],
        b"",
    ))]
}

#[tokio::test]
async fn a_redirect_to_another_host_is_refused_and_the_key_stays_home() {
    bounded(async {
        let elsewhere = RawServer::start(vec![vec![Step::send(json(200, &completion_body("x")))]])
            .await
            .unwrap();
        let location = format!(
            "http://localhost:{}/api/v1/chat/completions",
            elsewhere.addr().port()
        );
        let server = RawServer::start(vec![redirect_to(&location)])
            .await
            .unwrap();
        let client = support::builder(&server).build().unwrap();
        let error = client.chat(&request()).await.unwrap_err();
        let Error::Transport(transport) = &error else {
            panic!("expected a refused redirect, got {error:?}")
        };
        assert_eq!(transport.kind(), TransportKind::Redirect);
        assert!(!error.is_retryable());
        assert!(
            error.to_string().contains("API key is never sent"),
            "{error}"
        );
        assert!(
            elsewhere.connections().is_empty(),
            "the other host was contacted"
        );
        let head = support::head_text(&server.received_requests()[0]);
        assert!(head.to_ascii_lowercase().contains("authorization: bearer"));
        drop(client);
        assert_eq!(server.wait_closed(CLOSE_BOUND).await, Ok(1));
    })
    .await;
}

#[tokio::test]
async fn a_redirect_to_another_port_is_refused_too() {
    bounded(async {
        let elsewhere = RawServer::start(vec![vec![Step::send(json(200, &completion_body("x")))]])
            .await
            .unwrap();
        let location = format!(
            "http://127.0.0.1:{}/api/v1/chat/completions",
            elsewhere.addr().port()
        );
        let server = RawServer::start(vec![redirect_to(&location)])
            .await
            .unwrap();
        let client = support::builder(&server).build().unwrap();
        let error = client.chat_stream(&request()).await.unwrap_err();
        assert!(
            matches!(&error, Error::Transport(t) if t.kind() == TransportKind::Redirect),
            "{error:?}"
        );
        assert!(elsewhere.connections().is_empty());
        drop(client);
        assert_eq!(server.wait_closed(CLOSE_BOUND).await, Ok(1));
    })
    .await;
}

#[tokio::test]
async fn with_a_caller_supplied_http_client_the_key_is_stripped_on_a_cross_host_redirect() {
    // `ClientBuilder::http_client` documents that reqwest's own policy then
    // applies, which drops `Authorization` when the host changes: the
    // second server must see the request without it.
    bounded(async {
        let elsewhere =
            RawServer::start(vec![vec![Step::send(json(200, &completion_body("moved")))]])
                .await
                .unwrap();
        let location = format!(
            "http://127.0.0.1:{}/api/v1/chat/completions",
            elsewhere.addr().port()
        );
        let server = RawServer::start(vec![redirect_to(&location)])
            .await
            .unwrap();
        let client = support::builder(&server)
            .http_client(reqwest::Client::new())
            .build()
            .unwrap();
        let response = client.chat(&request()).await.unwrap();
        assert_eq!(response.text(), Some("moved"));
        let there = elsewhere.connections();
        assert_eq!(there.len(), 1);
        let head = support::head_text(&there[0].requests()[0]).to_ascii_lowercase();
        assert!(
            !head.contains("authorization"),
            "the key followed the redirect: {head}"
        );
        assert!(!head.contains(&support::test_key()));
        drop(client);
        assert_eq!(server.wait_closed(CLOSE_BOUND).await, Ok(1));
        assert_eq!(elsewhere.wait_closed(CLOSE_BOUND).await, Ok(1));
    })
    .await;
}
