//! Transient statuses and what the retry loop makes of them: `Retry-After`
//! in every spelling, bursts of 503, a transient code wrapped in a 400, and
//! an exhausted budget that reports every attempt.

use std::time::{Duration, SystemTime};

use openrouter_api::{AttemptOutcome, Error, RetryPolicy};
use tokio::time::Instant;

use super::{CLOSE_BOUND, bounded};
use crate::support::{self, RawServer, Step, completion_body, json, request};

fn error_json(code: u16, message: &str) -> String {
    serde_json::json!({"error": {"code": code, "message": message}}).to_string()
}

fn status_with(status: u16, headers: &[(&str, &str)]) -> Vec<Step> {
    let mut all = vec![("content-type", "application/json")];
    all.extend_from_slice(headers);
    vec![Step::send(support::response(
        status,
        &all,
        error_json(status, "slow down").as_bytes(),
    ))]
}

fn ok() -> Vec<Step> {
    vec![Step::send(json(200, &completion_body("Hello")))]
}

fn statuses(error: &Error) -> Vec<u16> {
    error
        .attempts()
        .iter()
        .map(|a| match a.outcome() {
            AttemptOutcome::Status(s) => s.as_u16(),
            other => panic!("unexpected attempt outcome {other:?}"),
        })
        .collect()
}

fn quick(retries: u32) -> RetryPolicy {
    RetryPolicy::default()
        .max_retries(retries)
        .initial_backoff(Duration::from_millis(5))
        .max_backoff(Duration::from_millis(20))
}

#[tokio::test]
async fn retry_after_in_seconds_is_honoured() {
    bounded(async {
        let server = RawServer::start(vec![status_with(429, &[("retry-after", "1")]), ok()])
            .await
            .unwrap();
        let client = support::builder(&server)
            .retry_policy(quick(1))
            .build()
            .unwrap();
        let start = Instant::now();
        let response = client.chat(&request()).await.unwrap();
        assert!(start.elapsed() >= Duration::from_secs(1));
        assert_eq!(response.text(), Some("Hello"));
        let log = response.meta().attempt_log();
        assert_eq!(log.len(), 2);
        assert_eq!(
            log[0].outcome(),
            &AttemptOutcome::Status(http::StatusCode::TOO_MANY_REQUESTS)
        );
        assert_eq!(log[1].waited(), Duration::from_secs(1));
        drop(client);
        assert_eq!(server.wait_closed(CLOSE_BOUND).await, Ok(2));
    })
    .await;
}

#[tokio::test]
async fn retry_after_as_an_http_date_is_read() {
    bounded(async {
        let at = httpdate::fmt_http_date(SystemTime::now() + Duration::from_secs(30));
        let server = RawServer::start(vec![status_with(429, &[("retry-after", &at)])])
            .await
            .unwrap();
        // 30 s is over this policy's cap: the call ends at once and says when to return.
        let client = support::builder(&server)
            .retry_policy(quick(2).max_retry_after(Duration::from_secs(5)))
            .build()
            .unwrap();
        let start = Instant::now();
        let error = client.chat(&request()).await.unwrap_err();
        assert!(start.elapsed() < Duration::from_secs(2));
        let wait = error.retry_after().expect("the date was read");
        assert!(
            wait > Duration::from_secs(27) && wait <= Duration::from_secs(30),
            "{wait:?}"
        );
        assert_eq!(statuses(&error), [429]);
        assert!(error.is_retryable());
        drop(client);
        assert_eq!(server.wait_closed(CLOSE_BOUND).await, Ok(1));
    })
    .await;
}

#[tokio::test]
async fn an_absurd_retry_after_is_not_slept_on() {
    bounded(async {
        for value in ["999999999", "18446744073709551615", "1e300", "1e19"] {
            for header in ["retry-after", "retry-after-ms"] {
                let server = RawServer::start(vec![status_with(429, &[(header, value)])])
                    .await
                    .unwrap();
                let client = support::builder(&server)
                    .retry_policy(quick(3))
                    .build()
                    .unwrap();
                let start = Instant::now();
                let error = client.chat(&request()).await.unwrap_err();
                assert!(
                    start.elapsed() < Duration::from_secs(2),
                    "{header}: {value}"
                );
                assert_eq!(statuses(&error), [429], "{header}: {value}");
                assert!(matches!(error, Error::Api(_)));
                let wait = error.retry_after();
                assert!(
                    wait.is_none_or(|w| w > Duration::from_secs(60)),
                    "{header}: {value} gave {wait:?}"
                );
                drop(client);
                assert_eq!(server.wait_closed(CLOSE_BOUND).await, Ok(1));
            }
        }
    })
    .await;
}

#[tokio::test]
async fn an_absurd_retry_after_in_the_body_is_not_slept_on() {
    bounded(async {
        let body = r#"{"error":{"message":"All providers are at capacity","code":429,"availability":{"code":"capacity_exhausted","retryable":true,"retry_after":1e300}}}"#;
        let server = RawServer::start(vec![vec![Step::send(json(429, body))]]).await
.unwrap();
        let client = support::builder(&server)
            .retry_policy(quick(3))
            .build()
            .unwrap();
        let error = client.chat(&request()).await.unwrap_err();
        assert_eq!(statuses(&error), [429]);
        drop(client);
        assert_eq!(server.wait_closed(CLOSE_BOUND).await, Ok(1));
    })
    .await;
}

#[tokio::test]
async fn a_burst_of_503_is_retried_through() {
    bounded(async {
        let server = RawServer::start(vec![status_with(503, &[]), status_with(503, &[]), ok()])
            .await
            .unwrap();
        let client = support::builder(&server)
            .retry_policy(quick(2))
            .build()
            .unwrap();
        let response = client.chat(&request()).await.unwrap();
        assert_eq!(response.text(), Some("Hello"));
        let outcomes: Vec<_> = response
            .meta()
            .attempt_log()
            .iter()
            .map(|a| a.outcome().to_string())
            .collect();
        assert_eq!(outcomes, ["503", "503", "200"]);
        drop(client);
        assert_eq!(server.wait_closed(CLOSE_BOUND).await, Ok(3));
    })
    .await;
}

#[tokio::test]
async fn a_400_wrapping_a_transient_code_is_retried_and_reports_both_statuses() {
    bounded(async {
        let wrapped = json(400, &error_json(502, "Provider returned error"));
        let server = RawServer::start(vec![vec![Step::send(wrapped)]])
            .await
            .unwrap();
        let client = support::builder(&server)
            .retry_policy(quick(1))
            .build()
            .unwrap();
        let error = client.chat(&request()).await.unwrap_err();
        let Error::Api(api) = &error else {
            panic!("expected an API error, got {error:?}")
        };
        assert_eq!(api.status(), 502);
        assert_eq!(api.http_status(), 400);
        assert!(error.is_retryable());
        assert_eq!(statuses(&error), [502, 502], "retried once");
        assert!(error.to_string().contains("(in a 400 response)"), "{error}");
        drop(client);
        assert_eq!(server.wait_closed(CLOSE_BOUND).await, Ok(2));
    })
    .await;
}

#[tokio::test]
async fn retry_exhaustion_reports_every_attempt() {
    bounded(async {
        let server = RawServer::start(vec![
            status_with(503, &[]),
            status_with(429, &[]),
            status_with(502, &[]),
        ])
        .await
        .unwrap();
        let client = support::builder(&server)
            .retry_policy(quick(2))
            .build()
            .unwrap();
        let error = client.chat(&request()).await.unwrap_err();
        let Error::Api(api) = &error else {
            panic!("expected an API error, got {error:?}")
        };
        assert_eq!(api.status(), 502, "the last attempt's status");
        assert_eq!(statuses(&error), [503, 429, 502]);
        assert_eq!(api.attempts().len(), 3);
        assert!(
            error
                .to_string()
                .ends_with("(after 3 attempts: 503, 429, 502)"),
            "{error}"
        );
        drop(client);
        assert_eq!(server.wait_closed(CLOSE_BOUND).await, Ok(3));
    })
    .await;
}

#[tokio::test]
async fn a_stream_is_retried_before_it_opens() {
    bounded(async {
        let mut stream_ok = support::sse_head();
        stream_ok.extend(support::content_event("Hi").bytes());
        stream_ok.extend(support::finish_event("stop").bytes());
        stream_ok.extend(support::DONE.bytes());
        let server = RawServer::start(vec![
            status_with(503, &[]),
            vec![Step::send(stream_ok), Step::Close],
        ])
        .await
        .unwrap();
        let client = support::builder(&server)
            .retry_policy(quick(1))
            .build()
            .unwrap();
        let stream = client.chat_stream(&request()).await.unwrap();
        assert_eq!(stream.meta().attempts(), 2);
        let completion = stream.collect_completion().await.unwrap();
        assert_eq!(completion.text(), Some("Hi"));
        drop(client);
        assert_eq!(server.wait_closed(CLOSE_BOUND).await, Ok(2));
    })
    .await;
}

#[tokio::test]
async fn an_uncapped_absurd_retry_after_under_a_deadline_stops_the_call() {
    // A caller who lifts the cap entirely and sets a total deadline: the
    // wait cannot be added to the clock, and must end the call, not panic.
    bounded(async {
        let server = RawServer::start(vec![status_with(429, &[("retry-after", "1e300")])])
            .await
            .unwrap();
        let client = support::builder(&server)
            .retry_policy(quick(3).max_retry_after(Duration::MAX))
            .timeouts(openrouter_api::Timeouts::default().total(Duration::from_secs(5)))
            .build()
            .unwrap();
        let error = client.chat(&request()).await.unwrap_err();
        assert_eq!(statuses(&error), [429]);
        assert_eq!(error.retry_after(), Some(Duration::MAX));
        drop(client);
        assert_eq!(server.wait_closed(CLOSE_BOUND).await, Ok(1));
    })
    .await;
}
