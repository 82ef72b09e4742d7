//! Every error status OpenRouter (or a proxy) sends, as the caller sees it.

use openrouter_api::{Error, RequestOptions, RetryPolicy};
use openrouter_testkit::mount;
use openrouter_types::chat::ChatRequest;
use serde_json::{Value, json};
use wiremock::matchers::path;
use wiremock::{Mock, ResponseTemplate};

use crate::support::{chat_request, client, fixture, recorded, server};

/// Where a case's response comes from.
enum Answer {
    /// A bundled fixture, mounted strictly: the client sends the request it recorded.
    Fixture(&'static str),
    /// A crafted response: (status, content type, body, extra header).
    Inline(
        u16,
        &'static str,
        &'static str,
        Option<(&'static str, &'static str)>,
    ),
}

const CASES: &[(&str, Answer)] = &[
    ("400 bad request", Answer::Fixture("chat/error_400")),
    (
        "400 relayed from the provider",
        Answer::Fixture("chat/error_400_provider"),
    ),
    (
        "400 wrapping an upstream 502",
        // Inline: no fixture has a 400 whose body carries another code (502).
        Answer::Inline(
            400,
            "application/json",
            r#"{"error":{"message":"Provider returned error","code":502,"metadata":{"raw":"upstream timeout","provider_name":"Venice"}}}"#,
            None,
        ),
    ),
    ("401 no credentials", Answer::Fixture("chat/error_401")),
    (
        "402 insufficient credits",
        Answer::Fixture("chat/error_402"),
    ),
    (
        "403 moderation",
        Answer::Fixture("chat/error_403_moderation"),
    ),
    ("404 no endpoints", Answer::Fixture("chat/error_404")),
    ("408 timeout", Answer::Fixture("chat/error_408")),
    ("413 too large", Answer::Fixture("chat/error_413")),
    (
        "429 with retry-after",
        Answer::Fixture("chat/stream_error_429"),
    ),
    ("429 free-tier daily cap", Answer::Fixture("chat/error_429")),
    (
        "429 capacity (availability, no code)",
        Answer::Fixture("chat/error_429_capacity"),
    ),
    ("500 internal", Answer::Fixture("chat/error_500")),
    ("502 provider error", Answer::Fixture("chat/error_502")),
    ("503 no provider", Answer::Fixture("chat/error_503")),
    (
        "524 edge timeout",
        // Inline: no fixture has a 524 in OpenRouter's JSON envelope (chat/error_524_html is the CDN's page).
        Answer::Inline(
            524,
            "application/json",
            r#"{"error":{"message":"Infrastructure Timeout","code":524}}"#,
            None,
        ),
    ),
    (
        "524 HTML page from the CDN",
        Answer::Fixture("chat/error_524_html"),
    ),
    ("529 overloaded", Answer::Fixture("chat/error_529")),
    (
        "200 carrying an error",
        Answer::Fixture("chat/error_in_200"),
    ),
    (
        "502 HTML page from a proxy",
        Answer::Fixture("chat/error_502_html"),
    ),
    // Inline: no fixture has an empty body.
    (
        "503 empty body",
        Answer::Inline(503, "text/plain", "", None),
    ),
];

/// Mounts `answer` on a fresh server, sends the matching request once (no
/// retries) and returns the error, checking the HTTP status is kept.
async fn fail(case: &str, answer: &Answer) -> Error {
    let server = server().await;
    let client =
        client(&server.uri()).with_options(RequestOptions::new().retry(RetryPolicy::none()));
    let (error, status) = match answer {
        Answer::Fixture(name) => {
            let fixture = fixture(name);
            mount::fixture_mock(fixture).expect(1).mount(&server).await;
            let request: ChatRequest = recorded(fixture);
            // Some error exchanges were recorded for streaming requests: send the same kind.
            let error = if fixture.request().is_stream() {
                client.chat_stream(&request).await.unwrap_err()
            } else {
                client.chat(&request).await.unwrap_err()
            };
            (error, fixture.response().status())
        }
        Answer::Inline(status, content_type, body, extra) => {
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
            (client.chat(&chat_request()).await.unwrap_err(), *status)
        }
    };
    let Error::Api(api) = &error else {
        panic!("{case}: expected an API error, got {error:?}")
    };
    assert_eq!(
        api.http_status().as_u16(),
        status,
        "{case}: the HTTP status is never hidden"
    );
    assert_eq!(error.attempts().len(), 1, "{case}");
    error
}

#[tokio::test]
async fn every_error_status_is_an_api_error_with_what_to_do() {
    let mut report = Vec::new();
    for (case, answer) in CASES {
        let error = fail(case, answer).await;
        let Error::Api(api) = &error else {
            unreachable!("`fail` checked the kind")
        };
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
    for (case, answer) in CASES {
        let error = fail(case, answer).await;
        let Error::Api(api) = &error else {
            unreachable!("`fail` checked the kind")
        };
        // A daily cap does not lift within any sensible retry budget.
        let expected = (retryable.contains(&api.http_status().as_u16())
            && !case.contains("daily cap"))
            || case.contains("wrapping an upstream 502")
            || case.contains("200 carrying");
        assert_eq!(error.is_retryable(), expected, "{case}");
    }
}
