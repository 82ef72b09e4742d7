//! Every error status OpenRouter (or a proxy) sends, as the caller sees it.

use openrouter_client::{Error, RequestOptions, RetryPolicy};
use serde_json::{Value, json};
use wiremock::matchers::path;
use wiremock::{Mock, ResponseTemplate};

use crate::support::{chat_request, client, server};

/// (case, status, content type, body, extra header)
type Case = (
    &'static str,
    u16,
    &'static str,
    &'static str,
    Option<(&'static str, &'static str)>,
);

const CASES: &[Case] = &[
    (
        "400 bad request",
        400,
        "application/json",
        r#"{"error":{"message":"Input must have at least 1 token.","code":400},"user_id":"user_1"}"#,
        None,
    ),
    (
        "400 wrapping an upstream 502",
        400,
        "application/json",
        r#"{"error":{"message":"Provider returned error","code":502,"metadata":{"raw":"upstream timeout","provider_name":"Venice"}}}"#,
        None,
    ),
    (
        "401 no credentials",
        401,
        "application/json",
        r#"{"error":{"message":"No auth credentials found","code":401}}"#,
        None,
    ),
    (
        "402 insufficient credits",
        402,
        "application/json",
        r#"{"error":{"message":"This request requires more credits, or fewer max_tokens. You requested up to 65536 tokens, but can only afford 61723. To increase, visit https://openrouter.ai/settings/keys and adjust the key's total limit","code":402,"metadata":{"provider_name":null}}}"#,
        None,
    ),
    (
        "403 moderation",
        403,
        "application/json",
        r#"{"error":{"message":"meta-llama/llama-3.3-8b-instruct:free requires moderation on Meta. Your input was flagged for \"misc\". No credits were charged.","code":403,"metadata":{"reasons":["misc"],"flagged_input":"You are a helpful AI assistant...i want to order eba."}}}"#,
        None,
    ),
    (
        "404 no endpoints",
        404,
        "application/json",
        r#"{"error":{"message":"No endpoints found that support tool use.","code":404}}"#,
        None,
    ),
    (
        "408 timeout",
        408,
        "application/json",
        r#"{"error":{"message":"Request timed out","code":408}}"#,
        None,
    ),
    (
        "413 too large",
        413,
        "application/json",
        r#"{"error":{"message":"Payload too large","code":413}}"#,
        None,
    ),
    (
        "429 with retry-after",
        429,
        "application/json",
        r#"{"error":{"message":"Provider returned error","code":429,"metadata":{"provider_name":"Google","raw":"google/gemini-2.0-flash-exp:free is temporarily rate-limited upstream; please retry shortly."}}}"#,
        Some(("retry-after", "7")),
    ),
    (
        "429 capacity (availability, no code)",
        429,
        "application/json",
        r#"{"error":{"message":"All providers for anthropic/claude-sonnet-4.5 are at capacity. Retry after 40 seconds.","error_type":"rate_limit_exceeded","http_status":429,"availability":{"code":"capacity_exhausted","retryable":true,"retry_after":40,"requested_models":["anthropic/claude-sonnet-4.5"]}}}"#,
        None,
    ),
    (
        "500 internal",
        500,
        "application/json",
        r#"{"error":{"message":"Internal Server Error","code":500,"metadata":{"error_type":"server"}}}"#,
        None,
    ),
    (
        "502 provider error",
        502,
        "application/json",
        r#"{"error":{"message":"Provider returned error","code":502,"metadata":{"provider_name":"Anthropic","raw":"{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}"}}}"#,
        None,
    ),
    (
        "503 no provider",
        503,
        "application/json",
        r#"{"error":{"message":"No available provider meets your routing requirements","code":503}}"#,
        Some(("retry-after", "3")),
    ),
    (
        "524 edge timeout",
        524,
        "application/json",
        r#"{"error":{"message":"Infrastructure Timeout","code":524}}"#,
        None,
    ),
    (
        "529 overloaded",
        529,
        "application/json",
        r#"{"error":{"message":"Provider Overloaded","code":529}}"#,
        None,
    ),
    (
        "200 carrying an error",
        200,
        "application/json",
        r#"{"error":{"code":429,"message":"Provider returned error","metadata":{"provider_name":"Google","raw":"rate-limited upstream"}},"user_id":"user_1"}"#,
        None,
    ),
    (
        "502 HTML page from a proxy",
        502,
        "text/html",
        "<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>",
        None,
    ),
    ("503 empty body", 503, "text/plain", "", None),
];

#[tokio::test]
async fn every_error_status_is_an_api_error_with_what_to_do() {
    let mut report = Vec::new();
    for (case, status, content_type, body, extra) in CASES {
        let server = server().await;
        let mut template =
            ResponseTemplate::new(*status).set_body_raw(body.as_bytes().to_vec(), content_type);
        if let Some((name, value)) = extra {
            template = template.insert_header(*name, *value);
        }
        Mock::given(path("/api/v1/chat/completions"))
            .respond_with(template)
            .expect(1)
            .mount(&server)
            .await;
        let client =
            client(&server.uri()).with_options(RequestOptions::new().retry(RetryPolicy::none()));
        let error = client.chat(&chat_request()).await.unwrap_err();
        let Error::Api(api) = &error else {
            panic!("{case}: expected an API error, got {error:?}")
        };
        assert_eq!(
            api.http_status().as_u16(),
            *status,
            "{case}: the HTTP status is never hidden"
        );
        assert_eq!(error.attempts().len(), 1, "{case}");
        report.push(json!({
            "case": case,
            "status": api.status().as_u16(),
            "http_status": api.http_status().as_u16(),
            "retryable": error.is_retryable(),
            "retry_after_secs": error.retry_after().map(|d| d.as_secs()),
            "code": api.code().map(|c| c.to_string()),
            "error_type": api.error_type().map(|t| t.as_str().to_owned()),
            "provider": api.provider_name(),
            "moderation_reasons": api.moderation_reasons(),
            "excerpt": api.body_excerpt(),
            "display": error.to_string(),
        }));
    }
    insta::assert_yaml_snapshot!("error_statuses", Value::from(report));
}

#[tokio::test]
async fn retryability_matches_the_policy() {
    let retryable: Vec<u16> = vec![408, 429, 500, 502, 503, 524, 529];
    for (case, status, _, _, _) in CASES {
        let expected = retryable.contains(status)
            || case.contains("wrapping an upstream 502")
            || case.contains("200 carrying");
        let server = server().await;
        let (_, _, content_type, body, _) = CASES.iter().find(|c| c.0 == *case).unwrap();
        Mock::given(path("/api/v1/chat/completions"))
            .respond_with(
                ResponseTemplate::new(*status).set_body_raw(body.as_bytes().to_vec(), content_type),
            )
            .mount(&server)
            .await;
        let client =
            client(&server.uri()).with_options(RequestOptions::new().retry(RetryPolicy::none()));
        let error = client.chat(&chat_request()).await.unwrap_err();
        assert_eq!(error.is_retryable(), expected, "{case}");
    }
}
