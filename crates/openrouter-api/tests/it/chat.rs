//! Non-streaming chat against wiremock: the request we send, the metadata we
//! return, whitespace-prefixed bodies, per-call options.

use std::time::Duration;

use openrouter_api::{Client, Error, RequestOptions};
use openrouter_testkit::mount;
use openrouter_types::chat::ChatRequest;
use serde_json::json;
use wiremock::matchers::{header, method, path};
use wiremock::{Mock, ResponseTemplate};

use crate::support::{
    builder, chat_request, client, completion_json, demo_text, fixture, recorded, render, respond,
    sent, server,
};

#[tokio::test]
async fn chat_sends_the_request_and_returns_metadata() {
    let server = server().await;
    let demo = fixture("chat/demo");
    Mock::given(method("POST"))
        .and(path("/api/v1/chat/completions"))
        // Inline header: no fixture records an `x-request-id`.
        .respond_with(respond(demo).insert_header("x-request-id", "req-42"))
        .expect(1)
        .mount(&server)
        .await;
    let client = builder(&server.uri())
        .http_referer("https://example.com/app")
        .app_title("Example App")
        .app_categories(["cli-agent", "general-chat"])
        .user_agent("example/1.0")
        .default_header("x-anthropic-beta", "interleaved-thinking-2025-05-14")
        .build()
        .unwrap();
    let options = RequestOptions::new()
        .header("x-session-id", "conversation-42")
        .body_field("preset", json!("my-preset"));
    let response = client
        .with_options(options)
        .chat(&chat_request())
        .await
        .unwrap();
    assert_eq!(response.text(), Some(demo_text().as_str()));
    let meta = response.meta();
    assert_eq!(meta.status().as_u16(), 200);
    assert_eq!(
        meta.generation_id(),
        Some("gen-1764115260-Hx3PaN8dVu2KcE5rJm7T")
    );
    assert_eq!(meta.request_id(), Some("req-42"));
    assert_eq!(meta.attempts(), 1);
    assert!(meta.raw_body().is_none(), "raw bodies only on request");
    insta::assert_snapshot!("chat_request", render(&sent(&server).await));
}

#[tokio::test]
async fn raw_body_on_request() {
    let server = server().await;
    let demo = fixture("chat/demo");
    mount::fixture_mock(demo).expect(1).mount(&server).await;
    let client = client(&server.uri()).with_options(RequestOptions::new().capture_raw_body(true));
    let response = client.chat(&recorded::<ChatRequest>(demo)).await.unwrap();
    assert_eq!(
        response.meta().raw_body(),
        Some(demo.response().body()),
        "byte for byte, as served"
    );
}

#[tokio::test]
async fn whitespace_keep_alives_before_the_body_are_tolerated() {
    let server = server().await;
    let prefixed = fixture("chat/completion_whitespace_prefix");
    assert!(prefixed.response().body()[0].is_ascii_whitespace());
    mount::fixture_mock(prefixed).expect(1).mount(&server).await;
    let response = client(&server.uri())
        .chat(&recorded::<ChatRequest>(prefixed))
        .await
        .unwrap();
    assert_eq!(response.text(), Some("A lighthouse at dusk."));
}

#[tokio::test]
async fn a_stream_flag_in_the_request_is_ignored_by_chat() {
    let server = server().await;
    // Strict matching: a request still asking for a stream would miss chat/demo.
    let demo = fixture("chat/demo");
    mount::fixture_mock(demo).expect(1).mount(&server).await;
    let request = recorded::<ChatRequest>(demo).stream(true);
    client(&server.uri()).chat(&request).await.unwrap();
    let request = &sent(&server).await[0];
    assert_eq!(request.body_field("stream"), None, "{}", request.dump());
}

#[tokio::test]
async fn a_choice_level_error_is_a_mid_stream_error_with_the_partial_completion() {
    let server = server().await;
    let in_choice = fixture("chat/error_in_choice");
    mount::fixture_mock(in_choice)
        .expect(1)
        .mount(&server)
        .await;
    let error = client(&server.uri())
        .chat(&recorded::<ChatRequest>(in_choice))
        .await
        .unwrap_err();
    let Error::MidStream(e) = &error else {
        panic!("expected MidStream, got {error:?}")
    };
    assert_eq!(e.error().status().as_u16(), 502);
    assert_eq!(
        e.error().message(),
        "Provider returned a malformed function call"
    );
    assert_eq!(
        e.error().error_type().map(|t| t.as_str()),
        Some("provider_unavailable")
    );
    let partial = e.partial().unwrap();
    assert_eq!(
        partial.provider.as_ref().map(|p| p.as_str()),
        Some("Google AI Studio")
    );
    assert_eq!(partial.text(), Some(""));
    assert_eq!(partial.usage.as_ref().unwrap().prompt_tokens, Some(112));
    assert!(error.is_retryable());
}

#[tokio::test]
async fn the_body_limit_is_enforced() {
    let server = server().await;
    let demo = fixture("chat/demo");
    assert!(demo.response().body().len() > 1024);
    mount::fixture_mock(demo).mount(&server).await;
    let client = builder(&server.uri())
        .max_response_bytes(1024)
        .build()
        .unwrap();
    let error = client
        .chat(&recorded::<ChatRequest>(demo))
        .await
        .unwrap_err();
    let Error::LimitExceeded(e) = &error else {
        panic!("expected a limit error, got {error:?}")
    };
    assert_eq!(e.limit(), 1024);
    assert!(error.to_string().contains("max_response_bytes"), "{error}");
}

#[tokio::test]
async fn decode_errors_name_the_json_path() {
    let server = server().await;
    // Inline: no fixture has a malformed `message`.
    let mut body = completion_json("x");
    body["choices"][0]["message"] = json!(42);
    Mock::given(path("/api/v1/chat/completions"))
        .respond_with(ResponseTemplate::new(200).set_body_json(body))
        .mount(&server)
        .await;
    let error = client(&server.uri())
        .chat(&chat_request())
        .await
        .unwrap_err();
    let Error::Decode(e) = &error else {
        panic!("expected a decode error, got {error:?}")
    };
    assert_eq!(e.path(), "choices[0].message");
    assert!(
        e.excerpt().starts_with("{\"choices\"") || e.excerpt().contains("gen-1767762648"),
        "{}",
        e.excerpt()
    );
    assert!(std::error::Error::source(&**e).is_some());
    assert!(!error.is_retryable());
}

#[tokio::test]
async fn a_key_is_needed_for_chat_but_not_for_models() {
    let server = server().await;
    mount::fixture_mock(fixture("models/list"))
        .expect(1)
        .mount(&server)
        .await;
    let client = Client::builder()
        .base_url(format!("{}/api/v1", server.uri()))
        .build()
        .unwrap();
    assert!(!client.has_api_key());
    let error = client.chat(&chat_request()).await.unwrap_err();
    assert!(matches!(error, Error::Config(_)));
    assert!(error.to_string().contains("OPENROUTER_API_KEY"), "{error}");
    assert_eq!(
        client.models(&Default::default()).await.unwrap().data.len(),
        5
    );
    let requests = sent(&server).await;
    assert_eq!(requests.len(), 1, "the chat call never left the process");
    assert_eq!(requests[0].path(), "/api/v1/models");
    assert_eq!(requests[0].header("authorization"), None);
}

#[tokio::test]
async fn per_call_timeout_and_headers_override_the_client() {
    let server = server().await;
    Mock::given(path("/api/v1/chat/completions"))
        .and(header("x-title", "Per Call"))
        .respond_with(respond(fixture("chat/demo")).set_delay(Duration::from_secs(5)))
        .mount(&server)
        .await;
    let client = builder(&server.uri())
        .app_title("Client Default")
        .build()
        .unwrap();
    let options = RequestOptions::new()
        .header("x-title", "Per Call")
        .timeout(Duration::from_millis(200))
        .max_retries(0);
    let error = client
        .with_options(options)
        .chat(&chat_request())
        .await
        .unwrap_err();
    let Error::Timeout(e) = &error else {
        panic!("expected a timeout, got {error:?}")
    };
    assert_eq!(e.kind(), openrouter_api::TimeoutKind::Total);
    assert!(!error.is_retryable());
}

#[tokio::test]
async fn a_caller_supplied_authorization_header_replaces_the_key() {
    let server = server().await;
    Mock::given(path("/api/v1/credits"))
        .and(header("authorization", "Bearer proxy-token"))
        .respond_with(respond(fixture("credits/balance")))
        .expect(1)
        .mount(&server)
        .await;
    let client = Client::builder()
        .base_url(format!("{}/api/v1", server.uri()))
        .default_header("authorization", "Bearer proxy-token")
        .build()
        .unwrap();
    assert_eq!(client.credits().await.unwrap().total_credits, 100.5);
    assert!(!format!("{client:?}").contains("proxy-token"));
}

#[tokio::test]
async fn router_metadata_session_id_and_the_raw_escape_hatch() {
    let server = server().await;
    // Inline: no fixture covers `/activity`.
    Mock::given(path("/api/v1/activity"))
        .and(header("x-openrouter-metadata", "enabled"))
        .and(header("x-session-id", "s-1"))
        .and(wiremock::matchers::query_param("date", "2026-11-25"))
        .respond_with(ResponseTemplate::new(200).set_body_raw(
            r#"{"data":[{"date":"2026-11-25","requests":3}]}"#,
            "application/json",
        ))
        .expect(1)
        .mount(&server)
        .await;
    let client = builder(&server.uri())
        .router_metadata(true)
        .build()
        .unwrap();
    let activity: serde_json::Value = client
        .with_options(RequestOptions::new().session_id("s-1"))
        .get_json::<serde_json::Value>("/activity", &[("date", "2026-11-25")])
        .await
        .unwrap()
        .into_inner();
    assert_eq!(activity["data"][0]["requests"], 3);
    let error = client
        .get_json::<serde_json::Value>("activity?x=1", &[])
        .await
        .unwrap_err();
    assert!(matches!(error, Error::Config(_)));
}
