//! The retry hook: one notice per retry the client really makes, before its
//! wait, saying which attempt comes next, of how many, after how long and why.

use std::net::TcpListener;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use openrouter_api::{Client, RequestOptions, RetryNotice, RetryPolicy, TransportKind};
use wiremock::matchers::path;
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::support::{builder, chat_request, demo_text, fixture, respond, server};

/// What a test keeps of a notice (the notice itself borrows the error).
#[derive(Debug, Clone, PartialEq)]
struct Seen {
    attempt: u32,
    max_attempts: u32,
    delay: Duration,
    status: Option<u16>,
    rate_limited: bool,
    provider: Option<String>,
    message: Option<String>,
    transport: Option<TransportKind>,
    operation: &'static str,
    target: String,
    line: String,
}

fn keep(notice: &RetryNotice<'_>) -> Seen {
    Seen {
        attempt: notice.attempt(),
        max_attempts: notice.max_attempts(),
        delay: notice.delay(),
        status: notice.status().map(|s| s.as_u16()),
        rate_limited: notice.is_rate_limited(),
        provider: notice.provider().map(str::to_owned),
        message: notice.message().map(str::to_owned),
        transport: notice.transport_kind(),
        operation: notice.operation().id,
        target: format!("{} {}", notice.method(), notice.path()),
        line: notice.to_string(),
    }
}

type Log = Arc<Mutex<Vec<Seen>>>;

fn recorder() -> (Log, impl Fn(&RetryNotice<'_>) + Send + Sync + 'static) {
    let log: Log = Arc::default();
    let sink = Arc::clone(&log);
    (log, move |notice: &RetryNotice<'_>| {
        sink.lock().unwrap().push(keep(notice));
    })
}

/// A provider's 429 asking for 20 ms, named in `error.metadata.provider_name`.
fn provider_429() -> ResponseTemplate {
    ResponseTemplate::new(429)
        .insert_header("retry-after-ms", "20")
        .set_body_raw(
            r#"{"error":{"code":429,"message":"Provider returned error","metadata":{"provider_name":"Together","raw":"slow down"}}}"#,
            "application/json",
        )
}

async fn fail_then_succeed(server: &MockServer, failure: ResponseTemplate, times: u64) {
    Mock::given(path("/api/v1/chat/completions"))
        .respond_with(failure)
        .up_to_n_times(times)
        .with_priority(1)
        .expect(times)
        .mount(server)
        .await;
    Mock::given(path("/api/v1/chat/completions"))
        .respond_with(respond(fixture("chat/demo")))
        .with_priority(2)
        .expect(1)
        .mount(server)
        .await;
}

#[tokio::test]
async fn each_retry_is_announced_before_its_wait_with_the_reason() {
    let server = server().await;
    fail_then_succeed(&server, provider_429(), 2).await;
    let (log, hook) = recorder();
    let client = builder(&server.uri()).on_retry(hook).build().unwrap();
    let response = client.chat(&chat_request()).await.unwrap();
    assert_eq!(response.text(), Some(demo_text().as_str()));
    let seen = log.lock().unwrap().clone();
    assert_eq!(seen.len(), 2, "{seen:#?}");
    for (i, notice) in seen.iter().enumerate() {
        assert_eq!(notice.attempt, i as u32 + 2, "the attempt about to be sent");
        assert_eq!(notice.max_attempts, 3, "the default policy: two retries");
        assert_eq!(notice.delay, Duration::from_millis(20), "the server's wait");
        assert_eq!(notice.status, Some(429));
        assert!(notice.rate_limited);
        assert_eq!(notice.provider.as_deref(), Some("Together"));
        assert_eq!(notice.message.as_deref(), Some("Provider returned error"));
        assert_eq!(notice.transport, None);
        assert_eq!(notice.operation, "sendChatCompletionRequest");
        assert_eq!(notice.target, "POST /chat/completions");
    }
    assert_eq!(
        seen[0].line,
        "429 from Together: rate-limited; retrying in 20 ms (attempt 2 of 3)"
    );
}

#[tokio::test]
async fn a_failure_that_ends_the_call_is_not_announced() {
    let server = server().await;
    Mock::given(path("/api/v1/chat/completions"))
        .respond_with(provider_429())
        .expect(1)
        .mount(&server)
        .await;
    let (log, hook) = recorder();
    let client = builder(&server.uri())
        .retry_policy(RetryPolicy::none())
        .on_retry(hook)
        .build()
        .unwrap();
    let error = client.chat(&chat_request()).await.unwrap_err();
    assert!(error.is_rate_limited(), "{error}");
    assert!(log.lock().unwrap().is_empty(), "no retry, no notice");
}

#[tokio::test]
async fn a_refused_connection_is_announced_with_its_transport_kind() {
    // A port that was free a moment ago: nothing listens there.
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let (log, hook) = recorder();
    let client = Client::builder()
        .api_key("sk-or-v1-test")
        .base_url(format!("http://127.0.0.1:{port}/api/v1"))
        .retry_policy(
            RetryPolicy::default()
                .max_retries(1)
                .initial_backoff(Duration::from_millis(1)),
        )
        .on_retry(hook)
        .build()
        .unwrap();
    let error = client.credits().await.unwrap_err();
    let seen = log.lock().unwrap().clone();
    assert_eq!(seen.len(), 1, "{seen:#?}");
    assert_eq!(seen[0].transport, Some(TransportKind::Connect));
    assert_eq!(seen[0].status, None);
    assert_eq!((seen[0].attempt, seen[0].max_attempts), (2, 2));
    assert_eq!(seen[0].target, "GET /credits");
    assert!(
        seen[0].line.starts_with("could not connect; retrying in"),
        "{}",
        seen[0].line
    );
    // The call's own error names the URL and the cause once, and the attempts once.
    let text = error.to_string();
    assert_eq!(text.matches("connection refused").count(), 1, "{text}");
    assert!(
        text.contains(&format!("http://127.0.0.1:{port}/api/v1/credits")),
        "{text}"
    );
    assert!(text.ends_with("(tried 2 times)"), "{text}");
}

#[tokio::test]
async fn a_call_s_own_hook_replaces_the_client_s() {
    let server = server().await;
    fail_then_succeed(&server, provider_429(), 1).await;
    let (client_log, client_hook) = recorder();
    let (call_log, call_hook) = recorder();
    let client = builder(&server.uri())
        .on_retry(client_hook)
        .build()
        .unwrap();
    client
        .with_options(RequestOptions::new().max_retries(5).on_retry(call_hook))
        .chat(&chat_request())
        .await
        .unwrap();
    assert!(client_log.lock().unwrap().is_empty());
    let seen = call_log.lock().unwrap().clone();
    assert_eq!(seen.len(), 1);
    assert_eq!(seen[0].max_attempts, 6, "the call's retry count");
}
