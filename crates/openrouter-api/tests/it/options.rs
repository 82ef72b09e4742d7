//! Per-call options compose with the client's configuration and with each
//! other: later values win field by field, headers and body fields accumulate.

use std::time::{Duration, Instant};

use openrouter_api::{Client, Error, RequestOptions, RetryPolicy};
use serde_json::json;
use wiremock::matchers::path;
use wiremock::{Mock, ResponseTemplate};

use crate::support::{KEY, chat_request, fixture, respond, sent, server};

#[tokio::test]
async fn max_retries_adjusts_the_clients_policy_instead_of_replacing_it() {
    let server = server().await;
    // A 429 asking for 5 s: above the client's 1 s cap, so the call must stop at once.
    Mock::given(path("/api/v1/chat/completions"))
        .respond_with(
            ResponseTemplate::new(429)
                .insert_header("retry-after", "5")
                .set_body_raw(
                    r#"{"error":{"code":429,"message":"Rate limit exceeded"}}"#,
                    "application/json",
                ),
        )
        .expect(1)
        .mount(&server)
        .await;
    let client = Client::builder()
        .api_key(KEY)
        .base_url(format!("{}/api/v1", server.uri()))
        .retry_policy(RetryPolicy::default().max_retry_after(Duration::from_secs(1)))
        .build()
        .unwrap();
    let started = Instant::now();
    let error = client
        .with_options(RequestOptions::new().max_retries(3))
        .chat(&chat_request())
        .await
        .unwrap_err();
    assert!(error.is_rate_limited(), "{error:?}");
    assert_eq!(
        error.attempts().len(),
        1,
        "the 1 s Retry-After cap still holds"
    );
    assert_eq!(error.retry_after(), Some(Duration::from_secs(5)));
    assert!(started.elapsed() < Duration::from_secs(2));
}

#[tokio::test]
async fn layered_options_merge_field_by_field() {
    let server = server().await;
    Mock::given(path("/api/v1/chat/completions"))
        .respond_with(respond(fixture("chat/demo")))
        .expect(1)
        .mount(&server)
        .await;
    let client = Client::builder()
        .api_key(KEY)
        .base_url(format!("{}/api/v1", server.uri()))
        .build()
        .unwrap();
    let team = client.with_options(
        RequestOptions::new()
            .header("x-team", "search")
            .header("x-session-id", "first")
            .body_field("user", json!("team-search"))
            .capture_raw_body(true),
    );
    let call = team.with_options(
        RequestOptions::new()
            .header("x-session-id", "second")
            .body_field("preset", json!("fast")),
    );
    let completion = call.chat(&chat_request()).await.unwrap();
    assert!(
        completion.meta().raw_body().is_some(),
        "capture_raw_body survives a later with_options that does not set it"
    );
    let requests = sent(&server).await;
    assert_eq!(requests[0].header("x-team"), Some("search"));
    assert_eq!(
        requests[0].header("x-session-id"),
        Some("second"),
        "later wins"
    );
    let body = requests[0].body_json().unwrap();
    assert_eq!(body["user"], "team-search");
    assert_eq!(body["preset"], "fast");
}

#[tokio::test]
async fn a_whole_policy_set_later_replaces_an_earlier_retry_count() {
    let options = RequestOptions::new()
        .max_retries(5)
        .merge(RequestOptions::new().retry(RetryPolicy::none()));
    let server = server().await;
    Mock::given(path("/api/v1/chat/completions"))
        .respond_with(ResponseTemplate::new(500))
        .expect(1)
        .mount(&server)
        .await;
    let client = Client::builder()
        .api_key(KEY)
        .base_url(format!("{}/api/v1", server.uri()))
        .build()
        .unwrap();
    let error = client
        .with_options(options)
        .chat(&chat_request())
        .await
        .unwrap_err();
    assert!(matches!(error, Error::Api(_)));
    assert_eq!(error.attempts().len(), 1);
}
