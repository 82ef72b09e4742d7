//! The error helpers the client relies on, over every captured and fixture error body.

use openrouter_types::ErrorResponse;
use openrouter_types::error::{ErrorCode, ErrorType, is_error_body, is_error_value};
use serde_json::{Value, json};

use crate::support;

fn helpers(error: &ErrorResponse) -> Value {
    json!({
        "code_u16": error.code_u16(),
        "error_type": error.error_type().map(ErrorType::as_str),
        "provider_name": error.provider_name(),
        "raw_message": error.raw_message().as_deref().map(support::abbreviate),
        "moderation_reasons": error.moderation_reasons(),
        "retry_after_secs": error.retry_after_secs(),
        "retryable": error.error.is_retryable(),
        "message": support::abbreviate(error.message()),
        "display": support::abbreviate(&error.error.to_string()),
    })
}

#[test]
fn error_helpers_snapshot_over_captures_and_fixtures() {
    let mut bodies: Vec<(String, Value)> = support::captures("error_", ".json")
        .iter()
        .map(|p| {
            (
                format!("capture_{}", support::stem(p)),
                support::read_json(p),
            )
        })
        .collect();
    for path in support::files(&support::fixtures_dir().join("chat"), "", ".json") {
        let exchange = support::read_json(&path);
        if let Some(body) = exchange.pointer("/response/body")
            && is_error_value(body)
        {
            bodies.push((format!("fixture_{}", support::stem(&path)), body.clone()));
        }
    }
    for (name, body) in &bodies {
        let error: ErrorResponse =
            serde_json::from_value(body.clone()).unwrap_or_else(|e| panic!("{name}: {e}"));
        insta::assert_yaml_snapshot!(name.as_str(), helpers(&error));
    }
}

#[test]
fn code_is_number_string_or_absent() {
    let number: ErrorResponse =
        serde_json::from_value(json!({"error": {"code": 502, "message": "x"}})).unwrap();
    let text: ErrorResponse =
        serde_json::from_value(json!({"error": {"code": "server_error", "message": "x"}})).unwrap();
    let absent: ErrorResponse = serde_json::from_value(json!({"error": {
        "message": "All providers are at capacity", "error_type": "rate_limit_exceeded",
        "http_status": 429, "availability": {"code": "capacity_exhausted", "retryable": true, "retry_after": 40}
    }}))
    .unwrap();
    assert_eq!(number.code_u16(), Some(502));
    assert_eq!(
        text.error.code,
        Some(ErrorCode::Text("server_error".into()))
    );
    assert_eq!(text.code_u16(), None);
    assert_eq!(absent.code_u16(), Some(429), "falls back to http_status");
    assert_eq!(absent.error_type(), Some(&ErrorType::RateLimitExceeded));
    assert_eq!(absent.retry_after_secs(), Some(40.0));
    assert_eq!(absent.error.is_retryable(), Some(true));
}

#[test]
fn raw_may_be_an_object_and_provider_name_null() {
    let error: ErrorResponse = serde_json::from_value(json!({"error": {"code": 400,
        "message": "Provider returned error",
        "metadata": {"provider_name": null, "raw": {"error": {"message": "bad tool schema"}}}}}))
    .unwrap();
    assert_eq!(error.provider_name(), None);
    assert_eq!(error.raw_message().as_deref(), Some("bad tool schema"));
    let empty: ErrorResponse = serde_json::from_value(json!({"error": {"code": 502,
        "message": "Provider returned error", "metadata": {"raw": ""}}}))
    .unwrap();
    assert_eq!(empty.raw_message(), None);
}

#[test]
fn error_body_detection() {
    assert!(is_error_body(
        b"  \n {\"error\":{\"message\":\"x\",\"code\":429},\"user_id\":\"u\"}"
    ));
    assert!(!is_error_body(
        br#"{"id":"gen","choices":[{"error":{"message":"x"}}]}"#
    ));
    assert!(!is_error_body(br#"{"error":null,"id":"gen"}"#));
    assert!(!is_error_body(b"<html><body>502 Bad Gateway</body></html>"));
    assert!(!is_error_body(b"[1,2]"));
    assert!(!is_error_body(b""));
}
