//! The standalone server: lifecycle, isolation, paced delivery, cut connections, 404s.

use std::time::Duration;

use futures::StreamExt;
use openrouter_testkit::FixtureSet;
use openrouter_testkit::server::{MockOpenRouter, Pacing};

use crate::support::{assert_serves, client, send};

const CHAT_STREAM: &str =
    r#"{"model":"any/model","messages":[{"role":"user","content":"hi"}],"stream":true}"#;

async fn post_chat(base_url: &str, body: &'static str) -> reqwest::Response {
    client()
        .post(format!("{base_url}/chat/completions"))
        .header("content-type", "application/json")
        .body(body)
        .send()
        .await
        .expect("the server answers")
}

fn demo_stream_bytes() -> bytes::Bytes {
    FixtureSet::bundled()
        .get("chat/demo_stream")
        .unwrap()
        .response()
        .body()
        .clone()
}

/// Connecting fails once the listener is gone (retried briefly: an aborted task stops at its
/// next poll, not synchronously).
async fn assert_port_closed(addr: std::net::SocketAddr) {
    for _ in 0..100 {
        if tokio::net::TcpStream::connect(addr).await.is_err() {
            return;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    panic!("{addr} still accepts connections after shutdown");
}

#[tokio::test]
async fn starts_serves_and_shuts_down() {
    let server = MockOpenRouter::start(FixtureSet::bundled()).await.unwrap();
    let base_url = server.base_url();
    assert_eq!(
        base_url,
        format!("http://127.0.0.1:{}/api/v1", server.addr().port())
    );
    let response = post_chat(&base_url, CHAT_STREAM).await;
    assert_eq!(response.headers()["content-type"], "text/event-stream");
    assert!(
        response.headers().get("content-length").is_none(),
        "streams go out chunked"
    );
    assert_eq!(response.bytes().await.unwrap(), demo_stream_bytes());
    let addr = server.addr();
    server.shutdown().await;
    assert_port_closed(addr).await;
}

#[tokio::test]
async fn dropping_the_server_stops_it() {
    let server = MockOpenRouter::start(FixtureSet::bundled()).await.unwrap();
    let addr = server.addr();
    drop(server);
    assert_port_closed(addr).await;
}

#[tokio::test]
async fn chosen_port_is_used_and_a_taken_port_is_a_clear_error() {
    let first = MockOpenRouter::start(FixtureSet::bundled()).await.unwrap();
    let port = first.addr().port();
    let error = MockOpenRouter::builder(FixtureSet::bundled())
        .port(port)
        .start()
        .await
        .unwrap_err();
    let message = error.to_string();
    assert!(
        message.starts_with(&format!("cannot listen on 127.0.0.1:{port}: ")),
        "{message}"
    );
    assert!(
        message.ends_with("choose another port or pass 0 for a free one"),
        "{message}"
    );
    first.shutdown().await;
    let again = MockOpenRouter::builder(FixtureSet::bundled())
        .port(port)
        .start()
        .await
        .unwrap();
    assert_eq!(again.addr().port(), port);
}

#[tokio::test]
async fn two_servers_share_no_state() {
    let set = FixtureSet::bundled();
    let (a, b) = tokio::join!(
        MockOpenRouter::start(set.clone()),
        MockOpenRouter::builder(set.folder("key")).start()
    );
    let (a, b) = (a.unwrap(), b.unwrap());
    assert_ne!(a.addr(), b.addr());
    let client = client();
    let (from_a, from_b) = tokio::join!(
        client.get(format!("{}/credits", a.base_url())).send(),
        client.get(format!("{}/key", b.base_url())).send(),
    );
    assert_eq!(from_a.unwrap().status(), 200);
    assert_eq!(from_b.unwrap().status(), 200);
    // b holds only key/, so what a serves is a 404 on b.
    let missing = client
        .get(format!("{}/credits", b.base_url()))
        .send()
        .await
        .unwrap();
    assert_eq!(missing.status(), 404);
    let paths = |s: &MockOpenRouter| {
        s.received_requests()
            .iter()
            .map(|r| r.path().to_owned())
            .collect::<Vec<_>>()
    };
    assert_eq!(paths(&a), ["/api/v1/credits"]);
    assert_eq!(paths(&b), ["/api/v1/key", "/api/v1/credits"]);
}

#[tokio::test]
async fn paced_streams_deliver_the_same_bytes() {
    let set = FixtureSet::bundled();
    for (name, pacing) in [
        (
            "chat/demo_stream",
            Pacing::new().chunk_size(61).delay(Duration::from_millis(1)),
        ),
        (
            "chat/demo_stream",
            Pacing::new().per_event().delay(Duration::from_millis(1)),
        ),
        // Byte at a time splits the multi-byte `×` characters of this stream.
        ("chat/stream_reasoning", Pacing::new().chunk_size(1)),
    ] {
        let fixture = set.get(name).unwrap();
        let server = MockOpenRouter::builder(set.clone())
            .pacing(pacing.clone())
            .start()
            .await
            .unwrap();
        let response = send(&client(), &server.origin(), fixture, false)
            .send()
            .await
            .unwrap();
        let mut stream = response.bytes_stream();
        let mut received = Vec::new();
        let mut reads = 0;
        while let Some(chunk) = stream.next().await {
            received.extend_from_slice(&chunk.expect("no transport error"));
            reads += 1;
        }
        assert_eq!(
            received,
            fixture.response().body().to_vec(),
            "{name} with {pacing:?}"
        );
        assert!(
            reads > 1,
            "{name} with {pacing:?}: the body arrived in one read"
        );
        server.shutdown().await;
    }
}

#[tokio::test]
async fn paced_plain_bodies_keep_their_length() {
    let server = MockOpenRouter::builder(FixtureSet::bundled())
        .pacing(Pacing::new().chunk_size(5))
        .start()
        .await
        .unwrap();
    let fixture = FixtureSet::bundled().get("models/list").unwrap().clone();
    let response = send(&client(), &server.origin(), &fixture, false)
        .send()
        .await
        .unwrap();
    assert_eq!(
        response.content_length(),
        Some(fixture.response().body().len() as u64)
    );
    assert_serves(response, &fixture, "paced plain body").await;
}

#[tokio::test]
async fn a_cut_stream_is_an_error_for_the_client() {
    let expected = demo_stream_bytes();
    let server = MockOpenRouter::builder(FixtureSet::bundled())
        .pacing(Pacing::new().chunk_size(64).cut_after(300))
        .start()
        .await
        .unwrap();
    let response = post_chat(&server.base_url(), CHAT_STREAM).await;
    assert_eq!(response.status(), 200, "the cut comes after the headers");
    let mut stream = response.bytes_stream();
    let mut received = Vec::new();
    let mut error = None;
    while let Some(chunk) = stream.next().await {
        match chunk {
            Ok(bytes) => received.extend_from_slice(&bytes),
            Err(e) => {
                error = Some(e);
                break;
            }
        }
    }
    assert!(
        error.is_some(),
        "the client saw a clean end after {} bytes",
        received.len()
    );
    assert_eq!(
        received,
        expected[..300].to_vec(),
        "exactly the bytes before the cut arrive"
    );
}

#[tokio::test]
async fn a_cut_plain_body_is_an_error_for_the_client() {
    let server = MockOpenRouter::builder(FixtureSet::bundled())
        .pacing(Pacing::new().cut_after(10))
        .start()
        .await
        .unwrap();
    let response = client()
        .get(format!("{}/models", server.base_url()))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    assert!(
        response.bytes().await.is_err(),
        "a short body with a content-length must fail"
    );
}

#[tokio::test]
async fn unknown_requests_get_a_404_envelope_naming_the_closest_fixture() {
    let server = MockOpenRouter::start(FixtureSet::bundled()).await.unwrap();
    let response = client()
        .get(format!("{}/modles", server.base_url()))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 404);
    assert_eq!(response.headers()["content-type"], "application/json");
    assert_eq!(
        response.text().await.unwrap(),
        r#"{"error":{"message":"no fixture for GET /api/v1/modles; closest: models/list (GET /api/v1/models)","code":404}}"#
    );
}

#[tokio::test]
async fn received_requests_are_recorded_with_secrets_redacted_in_dumps() {
    let server = MockOpenRouter::start(FixtureSet::bundled()).await.unwrap();
    client()
        .post(format!("{}/chat/completions?trace=1", server.base_url()))
        .header("authorization", "Bearer sk-not-a-real-key")
        .header("x-openrouter-title", "testkit")
        .body(CHAT_STREAM)
        .send()
        .await
        .unwrap();
    let requests = server.received_requests();
    assert_eq!(requests.len(), 1);
    let request = &requests[0];
    assert_eq!(request.query_param("trace"), Some("1"));
    assert_eq!(request.expect_header("x-openrouter-title"), "testkit");
    request.expect_body_field("/messages/0/content", "hi");
    let dump = request.dump();
    assert!(!dump.contains("sk-not-a-real-key"), "{dump}");
    assert_eq!(
        dump,
        "POST /api/v1/chat/completions?trace=1\naccept: */*\nauthorization: [redacted]\ncontent-length: 79\nx-openrouter-title: testkit\n\n{\n  \"model\": \"any/model\",\n  \"messages\": [\n    {\n      \"role\": \"user\",\n      \"content\": \"hi\"\n    }\n  ],\n  \"stream\": true\n}\n"
    );
}

#[tokio::test]
async fn recording_is_bounded() {
    let server = MockOpenRouter::builder(FixtureSet::bundled())
        .record_limit(2)
        .start()
        .await
        .unwrap();
    let client = client();
    for path in ["key", "credits", "providers"] {
        client
            .get(format!("{}/{path}", server.base_url()))
            .send()
            .await
            .unwrap();
    }
    let paths: Vec<_> = server
        .received_requests()
        .iter()
        .map(|r| r.path().to_owned())
        .collect();
    assert_eq!(
        paths,
        ["/api/v1/credits", "/api/v1/providers"],
        "the oldest is forgotten first"
    );
}

#[tokio::test]
async fn it_refuses_what_openrouter_refuses_before_any_fixture_answers() {
    let server = MockOpenRouter::start(FixtureSet::bundled()).await.unwrap();
    let plain = reqwest::Client::builder().no_proxy().build().unwrap();
    let base = server.base_url();
    let status_and_body = |response: reqwest::Response| async move {
        let status = response.status().as_u16();
        (status, response.text().await.unwrap())
    };

    // No key: refused where OpenRouter needs one, served where it does not.
    let (status, body) =
        status_and_body(plain.get(format!("{base}/key")).send().await.unwrap()).await;
    assert_eq!(status, 401);
    assert_eq!(
        body,
        r#"{"error":{"message":"No auth credentials found","code":401}}"#
    );
    let (status, _) =
        status_and_body(plain.get(format!("{base}/models")).send().await.unwrap()).await;
    assert_eq!(status, 200, "the catalogue is public");

    let keyed = client();
    // A JSON body that is not JSON, and a chat without messages.
    for (body, needle) in [
        (r#"{"model":"#, "Invalid JSON"),
        (r#"{"model":"openai/gpt-4o"}"#, "specify"),
    ] {
        let response = keyed
            .post(format!("{base}/chat/completions"))
            .header("content-type", "application/json")
            .body(body)
            .send()
            .await
            .unwrap();
        let (status, text) = status_and_body(response).await;
        assert_eq!(status, 400, "{body}");
        assert!(text.contains(needle), "{text}");
    }

    // An inference key on a management route.
    let inference = format!(
        "{}example",
        openrouter_testkit::server::INFERENCE_KEY_PREFIX
    );
    let response = plain
        .get(format!("{base}/keys"))
        .bearer_auth(&inference)
        .send()
        .await
        .unwrap();
    let (status, text) = status_and_body(response).await;
    assert_eq!(status, 401);
    assert!(text.contains("Invalid management key"), "{text}");
    let response = plain
        .get(format!("{base}/key"))
        .bearer_auth(&inference)
        .send()
        .await
        .unwrap();
    assert_eq!(
        response.status(),
        200,
        "inference routes take an inference key"
    );
    server.shutdown().await;
}
