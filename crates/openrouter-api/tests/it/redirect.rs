//! Redirects never carry the API key to another host.

use openrouter_api::{Error, TransportKind};
use wiremock::matchers::{any, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::support::{chat_request, client, demo_text, fixture, respond, sent, server};

#[tokio::test]
async fn a_cross_host_redirect_is_refused() {
    let elsewhere = MockServer::start().await;
    Mock::given(any())
        .respond_with(respond(fixture("chat/demo")))
        .expect(0)
        .mount(&elsewhere)
        .await;
    let origin = server().await;
    Mock::given(path("/api/v1/chat/completions"))
        .respond_with(ResponseTemplate::new(307).insert_header(
            "location",
            format!("{}/api/v1/chat/completions", elsewhere.uri()),
        ))
        .expect(1)
        .mount(&origin)
        .await;
    let error = client(&origin.uri())
        .chat(&chat_request())
        .await
        .unwrap_err();
    let Error::Transport(e) = &error else {
        panic!("expected a refused redirect, got {error:?}")
    };
    assert_eq!(e.kind(), TransportKind::Redirect);
    assert!(!error.is_retryable());
    assert!(
        error
            .to_string()
            .contains("never sent off the configured host"),
        "{error}"
    );
    assert!(
        sent(&elsewhere).await.is_empty(),
        "the other host saw nothing"
    );
}

#[tokio::test]
async fn a_same_host_redirect_is_followed_with_the_key() {
    let origin = server().await;
    Mock::given(path("/api/v1/chat/completions"))
        .respond_with(
            ResponseTemplate::new(307).insert_header("location", "/api/v2/chat/completions"),
        )
        .mount(&origin)
        .await;
    Mock::given(path("/api/v2/chat/completions"))
        .respond_with(respond(fixture("chat/demo")))
        .expect(1)
        .mount(&origin)
        .await;
    let response = client(&origin.uri()).chat(&chat_request()).await.unwrap();
    assert_eq!(response.text(), Some(demo_text().as_str()));
    let requests = sent(&origin).await;
    assert_eq!(requests[1].path(), "/api/v2/chat/completions");
    assert!(requests[1].header("authorization").is_some());
}

#[tokio::test]
async fn a_tls_handshake_failure_is_a_tls_transport_error() {
    // A plain-HTTP server spoken to over https: it answers the ClientHello
    // with plain text, so the handshake cannot succeed.
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("https://{}", listener.local_addr().unwrap());
    tokio::spawn(async move {
        while let Ok((mut socket, _)) = listener.accept().await {
            use tokio::io::AsyncWriteExt;
            let _ = socket
                .write_all(b"HTTP/1.1 400 Bad Request\r\ncontent-length: 0\r\n\r\n")
                .await;
            tokio::time::sleep(std::time::Duration::from_millis(200)).await;
        }
    });
    let client = crate::support::builder(&base)
        .max_retries(0)
        .build()
        .unwrap();
    let error = client.credits().await.unwrap_err();
    let Error::Transport(e) = &error else {
        panic!("expected a transport error, got {error:?}")
    };
    let mut chain = Vec::new();
    let mut source = std::error::Error::source(&error);
    while let Some(cause) = source {
        chain.push(format!("{cause}"));
        source = cause.source();
    }
    assert_eq!(e.kind(), TransportKind::Tls, "{chain:?}");
}
