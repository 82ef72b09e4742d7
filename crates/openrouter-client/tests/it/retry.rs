//! The retry matrix: what is retried, how long we wait, when we stop.

use std::time::{Duration, Instant, SystemTime};

use openrouter_client::{
    AttemptOutcome, Error, RequestOptions, RetryPolicy, TimeoutKind, Timeouts,
};
use wiremock::matchers::{path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::support::{builder, chat_request, client, completion_json, server};

async fn fail_once_then_succeed(server: &MockServer, status: u16, headers: &[(&str, String)]) {
    let mut failure = ResponseTemplate::new(status).set_body_raw(
        format!(r#"{{"error":{{"message":"transient","code":{status}}}}}"#),
        "application/json",
    );
    for (name, value) in headers {
        failure = failure.insert_header(*name, value.as_str());
    }
    Mock::given(path("/api/v1/chat/completions"))
        .respond_with(failure)
        .up_to_n_times(1)
        .with_priority(1)
        .expect(1)
        .mount(server)
        .await;
    Mock::given(path("/api/v1/chat/completions"))
        .respond_with(ResponseTemplate::new(200).set_body_json(completion_json("recovered")))
        .with_priority(2)
        .expect(1)
        .mount(server)
        .await;
}

#[tokio::test]
async fn each_retryable_status_then_success() {
    for status in [408, 429, 500, 502, 503, 504, 524, 529] {
        let server = server().await;
        fail_once_then_succeed(&server, status, &[]).await;
        let response = client(&server.uri()).chat(&chat_request()).await.unwrap();
        assert_eq!(response.text(), Some("recovered"), "{status}");
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
    Mock::given(path("/api/v1/chat/completions"))
        .respond_with(ResponseTemplate::new(400).set_body_raw(
            r#"{"error":{"message":"Provider returned error","code":400,"metadata":{"error_type":"provider_overloaded"}}}"#,
            "application/json",
        ))
        .up_to_n_times(1)
        .with_priority(1)
        .mount(&server)
        .await;
    Mock::given(path("/api/v1/chat/completions"))
        .respond_with(ResponseTemplate::new(200).set_body_json(completion_json("ok")))
        .with_priority(2)
        .mount(&server)
        .await;
    let response = client(&server.uri()).chat(&chat_request()).await.unwrap();
    assert_eq!(response.meta().attempts(), 2);
}

#[tokio::test]
async fn non_retryable_statuses_are_sent_once() {
    for status in [400, 401, 402, 403, 404, 413, 422] {
        let server = server().await;
        Mock::given(path("/api/v1/chat/completions"))
            .respond_with(ResponseTemplate::new(status).set_body_raw(
                format!(r#"{{"error":{{"message":"no","code":{status}}}}}"#),
                "application/json",
            ))
            .expect(1)
            .mount(&server)
            .await;
        let error = client(&server.uri())
            .chat(&chat_request())
            .await
            .unwrap_err();
        assert_eq!(error.status().map(|s| s.as_u16()), Some(status));
        assert_eq!(error.attempts().len(), 1);
    }
}

#[tokio::test]
async fn retry_after_in_seconds_is_honoured() {
    let server = server().await;
    fail_once_then_succeed(&server, 429, &[("retry-after", "1".to_owned())]).await;
    let started = Instant::now();
    let response = client(&server.uri()).chat(&chat_request()).await.unwrap();
    assert!(
        started.elapsed() >= Duration::from_millis(950),
        "{:?}",
        started.elapsed()
    );
    assert_eq!(
        response.meta().attempt_log()[1].waited(),
        Duration::from_secs(1)
    );
}

#[tokio::test]
async fn retry_after_as_an_http_date_is_honoured() {
    let server = server().await;
    let date = httpdate::fmt_http_date(SystemTime::now() + Duration::from_secs(3));
    fail_once_then_succeed(&server, 503, &[("retry-after", date)]).await;
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
    fail_once_then_succeed(&server, 429, &[("retry-after-ms", "120".to_owned())]).await;
    let response = client(&server.uri()).chat(&chat_request()).await.unwrap();
    assert_eq!(
        response.meta().attempt_log()[1].waited(),
        Duration::from_millis(120)
    );
}

#[tokio::test]
async fn a_retry_after_beyond_the_cap_is_returned_not_slept() {
    let server = server().await;
    Mock::given(path("/api/v1/chat/completions"))
        .respond_with(
            ResponseTemplate::new(429)
                .insert_header("retry-after", "120")
                .set_body_raw(
                    r#"{"error":{"message":"slow down","code":429}}"#,
                    "application/json",
                ),
        )
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
    Mock::given(path("/api/v1/chat/completions"))
        .respond_with(ResponseTemplate::new(503).set_body_raw(
            r#"{"error":{"message":"busy","code":503}}"#,
            "application/json",
        ))
        .expect(3)
        .mount(&server)
        .await;
    let error = client(&server.uri())
        .chat(&chat_request())
        .await
        .unwrap_err();
    assert_eq!(error.attempts().len(), 3, "default: two retries");
    assert!(
        error
            .to_string()
            .ends_with("(after 3 attempts: 503, 503, 503)"),
        "{error}"
    );
}

#[tokio::test]
async fn the_retry_deadline_is_respected() {
    let server = server().await;
    Mock::given(path("/api/v1/chat/completions"))
        .respond_with(
            ResponseTemplate::new(503)
                .insert_header("retry-after", "1")
                .set_body_raw(
                    r#"{"error":{"message":"busy","code":503}}"#,
                    "application/json",
                ),
        )
        .expect(1)
        .mount(&server)
        .await;
    let policy = RetryPolicy::default()
        .max_retries(5)
        .deadline(Duration::from_millis(500));
    let started = Instant::now();
    let error = client(&server.uri())
        .with_options(RequestOptions::new().retry(policy))
        .chat(&chat_request())
        .await
        .unwrap_err();
    assert_eq!(
        error.attempts().len(),
        1,
        "a 1 s wait would cross the 500 ms deadline"
    );
    assert!(started.elapsed() < Duration::from_millis(900));
}

#[tokio::test]
async fn response_header_timeouts_are_retried_then_reported() {
    let server = server().await;
    Mock::given(path("/api/v1/chat/completions"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(completion_json("late"))
                .set_delay(Duration::from_secs(10)),
        )
        .expect(2)
        .mount(&server)
        .await;
    let client = builder(&server.uri())
        .timeouts(Timeouts::default().response_headers(Duration::from_millis(150)))
        .max_retries(1)
        .build()
        .unwrap();
    let error = client.chat(&chat_request()).await.unwrap_err();
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
    assert_eq!(e.kind(), openrouter_client::TransportKind::Connect);
    assert_eq!(error.attempts().len(), 3);
    assert!(error.is_retryable());
}

#[tokio::test]
async fn generation_retries_its_early_404() {
    let server = server().await;
    Mock::given(path("/api/v1/generation"))
        .and(query_param("id", "gen-1"))
        .respond_with(ResponseTemplate::new(404).set_body_raw(
            r#"{"error":{"message":"Generation not found","code":404}}"#,
            "application/json",
        ))
        .up_to_n_times(2)
        .with_priority(1)
        .expect(2)
        .mount(&server)
        .await;
    Mock::given(path("/api/v1/generation"))
        .respond_with(ResponseTemplate::new(200).set_body_raw(
            r#"{"data":{"id":"gen-1","model":"openai/gpt-4o-mini","total_cost":0.0015,"tokens_prompt":10,"tokens_completion":25,"created_at":"2024-07-15T23:33:19.433273+00:00","provider_name":"OpenAI"}}"#,
            "application/json",
        ))
        .with_priority(2)
        .mount(&server)
        .await;
    let generation = client(&server.uri()).generation("gen-1").await.unwrap();
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
    Mock::given(path("/api/v1/chat/completions"))
        .respond_with(ResponseTemplate::new(200).set_body_raw(
            r#"{"error":{"code":429,"message":"Provider returned error","metadata":{"provider_name":"Google","raw":"rate-limited upstream"}},"user_id":"user_1"}"#,
            "application/json",
        ))
        .up_to_n_times(1)
        .with_priority(1)
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(path("/api/v1/chat/completions"))
        .respond_with(ResponseTemplate::new(200).set_body_json(completion_json("second time")))
        .with_priority(2)
        .expect(1)
        .mount(&server)
        .await;
    let response = client(&server.uri()).chat(&chat_request()).await.unwrap();
    assert_eq!(response.text(), Some("second time"));
    assert_eq!(
        response.meta().attempt_log()[0].outcome(),
        &AttemptOutcome::Status(http::StatusCode::TOO_MANY_REQUESTS),
        "the attempt is logged with the status the body carried"
    );
}
