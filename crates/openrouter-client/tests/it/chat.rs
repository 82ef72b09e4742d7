//! Non-streaming chat against wiremock: the request we send, the metadata we
//! return, whitespace-prefixed bodies, per-call options.

use std::time::Duration;

use openrouter_client::{Client, Error, RequestOptions};
use serde_json::json;
use wiremock::matchers::{body_partial_json, header, method, path};
use wiremock::{Mock, ResponseTemplate};

use crate::support::{
    builder, capture, chat_request, client, completion_json, render, sent, server,
};

#[tokio::test]
async fn chat_sends_the_request_and_returns_metadata() {
    let server = server().await;
    Mock::given(method("POST"))
        .and(path("/api/v1/chat/completions"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(completion_json("Hi!"))
                .insert_header("x-generation-id", "gen-1767762648-gpMQ7v2T1yjLwNu7l65B")
                .insert_header("x-request-id", "req-42"),
        )
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
    assert_eq!(response.text(), Some("Hi!"));
    let meta = response.meta();
    assert_eq!(meta.status().as_u16(), 200);
    assert_eq!(
        meta.generation_id(),
        Some("gen-1767762648-gpMQ7v2T1yjLwNu7l65B")
    );
    assert_eq!(meta.request_id(), Some("req-42"));
    assert_eq!(meta.attempts(), 1);
    assert!(meta.raw_body().is_none(), "raw bodies only on request");
    insta::assert_snapshot!("chat_request", render(&sent(&server).await));
}

#[tokio::test]
async fn raw_body_on_request() {
    let server = server().await;
    let body = serde_json::to_vec(&completion_json("raw")).unwrap();
    Mock::given(path("/api/v1/chat/completions"))
        .respond_with(ResponseTemplate::new(200).set_body_raw(body.clone(), "application/json"))
        .mount(&server)
        .await;
    let client = client(&server.uri()).with_options(RequestOptions::new().capture_raw_body(true));
    let response = client.chat(&chat_request()).await.unwrap();
    assert_eq!(response.meta().raw_body().map(|b| b.to_vec()), Some(body));
}

#[tokio::test]
async fn whitespace_keep_alives_before_the_body_are_tolerated() {
    let server = server().await;
    let body = capture("chat_text_leading_whitespace_keepalive_gemini-2.0-flash.json")
        .unwrap_or_else(|| format!("\n  \n\n   {}", completion_json("fallback")).into_bytes());
    assert!(body[0].is_ascii_whitespace());
    Mock::given(path("/api/v1/chat/completions"))
        .respond_with(ResponseTemplate::new(200).set_body_raw(body, "application/json"))
        .mount(&server)
        .await;
    let response = client(&server.uri()).chat(&chat_request()).await.unwrap();
    assert!(response.text().is_some_and(|t| !t.is_empty()));
}

#[tokio::test]
async fn a_stream_flag_in_the_request_is_ignored_by_chat() {
    let server = server().await;
    Mock::given(path("/api/v1/chat/completions"))
        .and(body_partial_json(json!({"model": "openai/gpt-4o-mini"})))
        .respond_with(ResponseTemplate::new(200).set_body_json(completion_json("ok")))
        .mount(&server)
        .await;
    let request = chat_request().stream(true);
    client(&server.uri()).chat(&request).await.unwrap();
    let request = &sent(&server).await[0];
    assert_eq!(request.body_field("stream"), None, "{}", request.dump());
}

#[tokio::test]
async fn a_choice_level_error_is_a_mid_stream_error_with_the_partial_completion() {
    let server = server().await;
    let mut body = completion_json("half an ans");
    body["choices"][0]["finish_reason"] = json!("error");
    body["choices"][0]["native_finish_reason"] = json!("MALFORMED_FUNCTION_CALL");
    body["choices"][0]["error"] = json!({"code": 502, "message": "Provider returned error", "metadata": {"error_type": "provider_unavailable", "provider_name": "Google"}});
    Mock::given(path("/api/v1/chat/completions"))
        .respond_with(ResponseTemplate::new(200).set_body_json(body))
        .mount(&server)
        .await;
    let error = client(&server.uri())
        .chat(&chat_request())
        .await
        .unwrap_err();
    let Error::MidStream(e) = &error else {
        panic!("expected MidStream, got {error:?}")
    };
    assert_eq!(e.error().status().as_u16(), 502);
    assert_eq!(e.error().provider_name(), Some("Google"));
    assert_eq!(e.partial().unwrap().text(), Some("half an ans"));
    assert!(error.is_retryable());
}

#[tokio::test]
async fn the_body_limit_is_enforced() {
    let server = server().await;
    Mock::given(path("/api/v1/chat/completions"))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(completion_json(&"z".repeat(10_000))),
        )
        .mount(&server)
        .await;
    let client = builder(&server.uri())
        .max_response_bytes(4096)
        .build()
        .unwrap();
    let error = client.chat(&chat_request()).await.unwrap_err();
    let Error::LimitExceeded(e) = &error else {
        panic!("expected a limit error, got {error:?}")
    };
    assert_eq!(e.limit(), 4096);
    assert!(error.to_string().contains("max_response_bytes"), "{error}");
}

#[tokio::test]
async fn decode_errors_name_the_json_path() {
    let server = server().await;
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
    Mock::given(path("/api/v1/models"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"data": []})))
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
    client.models(&Default::default()).await.unwrap();
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
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(completion_json("late"))
                .set_delay(Duration::from_secs(5)),
        )
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
    assert_eq!(e.kind(), openrouter_client::TimeoutKind::Total);
    assert!(!error.is_retryable());
}

#[tokio::test]
async fn a_caller_supplied_authorization_header_replaces_the_key() {
    let server = server().await;
    Mock::given(path("/api/v1/credits"))
        .and(header("authorization", "Bearer proxy-token"))
        .respond_with(ResponseTemplate::new(200).set_body_raw(
            r#"{"data":{"total_credits":1,"total_usage":0}}"#,
            "application/json",
        ))
        .expect(1)
        .mount(&server)
        .await;
    let client = Client::builder()
        .base_url(format!("{}/api/v1", server.uri()))
        .default_header("authorization", "Bearer proxy-token")
        .build()
        .unwrap();
    assert_eq!(client.credits().await.unwrap().total_credits, 1.0);
    assert!(!format!("{client:?}").contains("proxy-token"));
}

#[tokio::test]
async fn router_metadata_session_id_and_the_raw_escape_hatch() {
    let server = server().await;
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
