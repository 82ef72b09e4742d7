//! The retry matrix: what is retried, how long we wait, when we stop.

use std::time::{Duration, Instant, SystemTime};

use openrouter_api::{AttemptOutcome, Error, RequestOptions, RetryPolicy, TimeoutKind, Timeouts};
use openrouter_testkit::mount;
use openrouter_types::chat::ChatRequest;
use wiremock::matchers::path;
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::support::{
    builder, chat_request, client, demo_text, fixture, recorded, respond, server,
};

/// A crafted `{"error":…}` failure with `status`, for what no fixture shows.
fn crafted(status: u16, message: &str) -> ResponseTemplate {
    ResponseTemplate::new(status).set_body_raw(
        format!(r#"{{"error":{{"message":"{message}","code":{status}}}}}"#),
        "application/json",
    )
}

/// Answers the first chat request with `failure`, the second with `chat/demo`.
async fn fail_once_then_succeed(server: &MockServer, failure: ResponseTemplate) {
    Mock::given(path("/api/v1/chat/completions"))
        .respond_with(failure)
        .up_to_n_times(1)
        .with_priority(1)
        .expect(1)
        .mount(server)
        .await;
    Mock::given(path("/api/v1/chat/completions"))
        .respond_with(respond(fixture("chat/demo")))
        .with_priority(2)
        .expect(1)
        .mount(server)
        .await;
}

/// A retryable failure with `status` and no `Retry-After`: its fixture where one exists.
fn transient(status: u16) -> ResponseTemplate {
    let name = match status {
        408 => "chat/error_408",
        500 => "chat/error_500",
        502 => "chat/error_502",
        524 => "chat/error_524_html",
        529 => "chat/error_529",
        // Inline: no fixture has a 504, and the 429 and 503 fixtures carry a Retry-After
        // of seconds (those waits are tested below).
        _ => return crafted(status, "transient"),
    };
    respond(fixture(name))
}

#[tokio::test]
async fn each_retryable_status_then_success() {
    for status in [408, 429, 500, 502, 503, 504, 524, 529] {
        let server = server().await;
        fail_once_then_succeed(&server, transient(status)).await;
        let response = client(&server.uri()).chat(&chat_request()).await.unwrap();
        assert_eq!(response.text(), Some(demo_text().as_str()), "{status}");
        let log = response.meta().attempt_log();
        assert_eq!(log.len(), 2, "{status}");
        assert_eq!(
            log[0].outcome(),
            &AttemptOutcome::Status(http::StatusCode::from_u16(status).unwrap())
        );
        assert_eq!(
            log[1].outcome(),
            &AttemptOutcome::Status(http::StatusCode::OK)
        );
    }
}

#[tokio::test]
async fn a_400_wrapping_a_transient_code_is_retried() {
    let server = server().await;
    fail_once_then_succeed(
        &server,
        // Inline: no fixture has a 400 whose `error_type` is transient.
        ResponseTemplate::new(400).set_body_raw(
            r#"{"error":{"message":"Provider returned error","code":400,"metadata":{"error_type":"provider_overloaded"}}}"#,
            "application/json",
        ),
    )
    .await;
    let response = client(&server.uri()).chat(&chat_request()).await.unwrap();
    assert_eq!(response.meta().attempts(), 2);
}

#[tokio::test]
async fn non_retryable_statuses_are_sent_once() {
    for (status, name) in [
        (400, Some("chat/error_400")),
        (401, Some("chat/error_401")),
        (402, Some("chat/error_402")),
        (403, Some("chat/error_403_moderation")),
        (404, Some("chat/error_404")),
        (413, Some("chat/error_413")),
        // Inline: no fixture has a 422.
        (422, None),
    ] {
        let server = server().await;
        let request = match name {
            Some(name) => {
                let fixture = fixture(name);
                mount::fixture_mock(fixture).expect(1).mount(&server).await;
                recorded::<ChatRequest>(fixture)
            }
            None => {
                Mock::given(path("/api/v1/chat/completions"))
                    .respond_with(crafted(status, "no"))
                    .expect(1)
                    .mount(&server)
                    .await;
                chat_request()
            }
        };
        let error = client(&server.uri()).chat(&request).await.unwrap_err();
        assert_eq!(error.status().map(|s| s.as_u16()), Some(status), "{name:?}");
        assert_eq!(error.attempts().len(), 1, "{name:?}");
    }
}

#[tokio::test]
async fn retry_after_in_seconds_is_honoured() {
    let server = server().await;
    // A streaming request rate limited with `Retry-After: 1`, then the demo stream.
    let limited = fixture("chat/stream_error_429");
    assert_eq!(limited.response().header("retry-after"), Some("1"));
    mount::fixture_mock(limited)
        .up_to_n_times(1)
        .with_priority(1)
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(path("/api/v1/chat/completions"))
        .respond_with(respond(fixture("chat/demo_stream")))
        .with_priority(2)
        .expect(1)
        .mount(&server)
        .await;
    let started = Instant::now();
    let stream = client(&server.uri())
        .chat_stream(&recorded::<ChatRequest>(limited))
        .await
        .unwrap();
    assert!(
        started.elapsed() >= Duration::from_millis(950),
        "{:?}",
        started.elapsed()
    );
    assert_eq!(
        stream.meta().attempt_log()[1].waited(),
        Duration::from_secs(1)
    );
    let completion = stream.collect_completion().await.unwrap();
    assert_eq!(completion.text(), Some(demo_text().as_str()));
}

#[tokio::test]
async fn retry_after_as_an_http_date_is_honoured() {
    let server = server().await;
    let date = httpdate::fmt_http_date(SystemTime::now() + Duration::from_secs(3));
    // Inline: no fixture has a Retry-After given as an HTTP date.
    fail_once_then_succeed(
        &server,
        crafted(503, "busy").insert_header("retry-after", date.as_str()),
    )
    .await;
    let response = client(&server.uri()).chat(&chat_request()).await.unwrap();
    let waited = response.meta().attempt_log()[1].waited();
    // HTTP dates have one-second resolution: the wait is in (2 s − latency, 3 s].
    assert!(
        waited > Duration::from_secs(1) && waited <= Duration::from_secs(3),
        "{waited:?}"
    );
}

#[tokio::test]
async fn retry_after_ms_is_honoured() {
    let server = server().await;
    // Inline: no fixture has a `retry-after-ms` header.
    fail_once_then_succeed(
        &server,
        crafted(429, "slow down").insert_header("retry-after-ms", "120"),
    )
    .await;
    let response = client(&server.uri()).chat(&chat_request()).await.unwrap();
    assert_eq!(
        response.meta().attempt_log()[1].waited(),
        Duration::from_millis(120)
    );
}

#[tokio::test]
async fn a_retry_after_beyond_the_cap_is_returned_not_slept() {
    let capped = server().await;
    // `Retry-After: 40` against a 30 s cap.
    let capacity = fixture("chat/error_429_capacity");
    assert_eq!(capacity.response().header("retry-after"), Some("40"));
    mount::fixture_mock(capacity).expect(1).mount(&capped).await;
    let started = Instant::now();
    let error = client(&capped.uri())
        .with_options(
            RequestOptions::new()
                .retry(RetryPolicy::default().max_retry_after(Duration::from_secs(30))),
        )
        .chat(&recorded::<ChatRequest>(capacity))
        .await
        .unwrap_err();
    assert!(started.elapsed() < Duration::from_secs(5), "not slept");
    assert_eq!(error.attempts().len(), 1);
    assert_eq!(error.retry_after(), Some(Duration::from_secs(40)));
    assert!(error.is_retryable());
    assert!(error.to_string().contains("retry after 40s"), "{error}");

    // Inline: no fixture has a Retry-After beyond the default 60 s cap (or of minutes).
    let server = server().await;
    Mock::given(path("/api/v1/chat/completions"))
        .respond_with(crafted(429, "slow down").insert_header("retry-after", "120"))
        .expect(1)
        .mount(&server)
        .await;
    let error = client(&server.uri())
        .chat(&chat_request())
        .await
        .unwrap_err();
    assert_eq!(error.retry_after(), Some(Duration::from_secs(120)));
    assert!(error.is_retryable());
    assert!(error.to_string().contains("retry after 2m00s"), "{error}");
}

#[tokio::test]
async fn exhaustion_reports_every_attempt() {
    let server = server().await;
    // chat/error_502 has no Retry-After (chat/error_503's 5 s would make this take 10 s).
    let failure = fixture("chat/error_502");
    mount::fixture_mock(failure).expect(3).mount(&server).await;
    let error = client(&server.uri())
        .chat(&recorded::<ChatRequest>(failure))
        .await
        .unwrap_err();
    assert_eq!(error.attempts().len(), 3, "default: two retries");
    assert!(
        error
            .to_string()
            .ends_with("(after 3 attempts: 502, 502, 502)"),
        "{error}"
    );
}

#[tokio::test]
async fn the_retry_deadline_is_respected() {
    let server = server().await;
    let busy = fixture("chat/error_503");
    assert_eq!(busy.response().header("retry-after"), Some("5"));
    mount::fixture_mock(busy).expect(1).mount(&server).await;
    let policy = RetryPolicy::default()
        .max_retries(5)
        .deadline(Duration::from_millis(500));
    let started = Instant::now();
    let error = client(&server.uri())
        .with_options(RequestOptions::new().retry(policy))
        .chat(&recorded::<ChatRequest>(busy))
        .await
        .unwrap_err();
    assert_eq!(
        error.attempts().len(),
        1,
        "a 5 s wait would cross the 500 ms deadline"
    );
    assert!(started.elapsed() < Duration::from_millis(900));
}

#[tokio::test]
async fn response_header_timeouts_of_a_read_are_retried_then_reported() {
    let server = server().await;
    Mock::given(path("/api/v1/key"))
        .respond_with(respond(fixture("key/info")).set_delay(Duration::from_secs(10)))
        .expect(2)
        .mount(&server)
        .await;
    let client = builder(&server.uri())
        .timeouts(Timeouts::default().response_headers(Duration::from_millis(150)))
        .max_retries(1)
        .build()
        .unwrap();
    let error = client.key().await.unwrap_err();
    let Error::Timeout(e) = &error else {
        panic!("expected a timeout, got {error:?}")
    };
    assert_eq!(e.kind(), TimeoutKind::ResponseHeaders);
    assert_eq!(e.attempts().len(), 2);
    assert_eq!(
        e.attempts()[0].outcome(),
        &AttemptOutcome::Timeout(TimeoutKind::ResponseHeaders)
    );
}

#[tokio::test]
async fn a_chat_that_timed_out_after_it_was_sent_is_not_sent_again() {
    let server = server().await;
    Mock::given(path("/api/v1/chat/completions"))
        .respond_with(respond(fixture("chat/demo")).set_delay(Duration::from_secs(10)))
        .expect(1)
        .mount(&server)
        .await;
    let client = builder(&server.uri())
        .timeouts(Timeouts::default().response_headers(Duration::from_millis(150)))
        .max_retries(2)
        .build()
        .unwrap();
    let error = client.chat(&chat_request()).await.unwrap_err();
    assert!(error.is_ambiguous(), "{error:?}");
    assert!(error.is_timeout());
    assert_eq!(error.attempts().len(), 1);
    let message = error.to_string();
    assert!(
        message.contains("may have been processed") && message.contains("retry_ambiguous"),
        "{message}"
    );
}

#[tokio::test]
async fn connection_errors_are_retried() {
    // A port that was just bound and released: connections are refused.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let client = builder(&format!("http://127.0.0.1:{port}"))
        .max_retries(2)
        .build()
        .unwrap();
    let error = client.chat(&chat_request()).await.unwrap_err();
    let Error::Transport(e) = &error else {
        panic!("expected a transport error, got {error:?}")
    };
    assert_eq!(e.kind(), openrouter_api::TransportKind::Connect);
    assert_eq!(error.attempts().len(), 3);
    assert!(error.is_retryable());
}

#[tokio::test]
async fn generation_retries_its_early_404() {
    let server = server().await;
    // Two "not ready yet" answers, then the stats, for the id the stats fixture recorded.
    let stats = fixture("generation/stats");
    let id = &stats.request().query()[0].1;
    Mock::given(path("/api/v1/generation"))
        .respond_with(respond(fixture("generation/error_404_not_ready")))
        .up_to_n_times(2)
        .with_priority(1)
        .expect(2)
        .mount(&server)
        .await;
    mount::fixture_mock(stats)
        .with_priority(2)
        .expect(1)
        .mount(&server)
        .await;
    let generation = client(&server.uri()).generation(id).await.unwrap();
    assert_eq!(generation.id.as_str(), id);
    assert_eq!(generation.meta().attempts(), 3);
    assert_eq!(
        generation.meta().attempt_log()[1].waited(),
        Duration::from_millis(500)
    );
    assert_eq!(
        generation.meta().attempt_log()[2].waited(),
        Duration::from_secs(1)
    );
}

#[tokio::test]
async fn a_transient_error_in_a_200_body_is_retried() {
    let server = server().await;
    // An HTTP 200 whose body is an error with code 429, then the demo answer.
    let error_in_200 = fixture("chat/error_in_200");
    mount::fixture_mock(error_in_200)
        .up_to_n_times(1)
        .with_priority(1)
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(path("/api/v1/chat/completions"))
        .respond_with(respond(fixture("chat/demo")))
        .with_priority(2)
        .expect(1)
        .mount(&server)
        .await;
    let response = client(&server.uri())
        .chat(&recorded::<ChatRequest>(error_in_200))
        .await
        .unwrap();
    assert_eq!(response.text(), Some(demo_text().as_str()));
    assert_eq!(
        response.meta().attempt_log()[0].outcome(),
        &AttemptOutcome::Status(http::StatusCode::TOO_MANY_REQUESTS),
        "the attempt is logged with the status the body carried"
    );
}
