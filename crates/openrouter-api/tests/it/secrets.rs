//! The key never appears in Debug, Display, errors or traces.

use std::io::Write;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use futures::StreamExt;
use openrouter_api::{Client, Error, RequestOptions, RetryPolicy, Timeouts};
use tracing_subscriber::fmt::MakeWriter;
use wiremock::matchers::path;
use wiremock::{Mock, ResponseTemplate};

use openrouter_testkit::raw::{RawServer, Step};

use openrouter_testkit::mount;

use crate::support::scripts::sse;
use crate::support::{KEY, builder, chat_request, client, fixture, respond, server};

#[derive(Clone, Default)]
struct Buffer(Arc<Mutex<Vec<u8>>>);

impl Write for Buffer {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(bytes);
        Ok(bytes.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl<'a> MakeWriter<'a> for Buffer {
    type Writer = Buffer;
    fn make_writer(&'a self) -> Self::Writer {
        self.clone()
    }
}

#[tokio::test]
async fn the_key_never_leaks() {
    // tracing caches each callsite's interest globally; other tests of this
    // binary hit the client's callsites concurrently with no subscriber, and
    // now and then that race leaves this test's span silenced (its assertions
    // on span fields then fail). Run the check alone in a child process.
    if std::env::var_os("OPENROUTER_SECRETS_CHILD").is_none() {
        let exe = std::env::current_exe().expect("the test binary knows its path");
        let status = std::process::Command::new(exe)
            .args([
                "--exact",
                "secrets::the_key_never_leaks",
                "--test-threads=1",
            ])
            .env("OPENROUTER_SECRETS_CHILD", "1")
            .status()
            .expect("the test binary re-runs itself");
        assert!(
            status.success(),
            "the key-leak check failed in its own process (its output is above)"
        );
        return;
    }
    let buffer = Buffer::default();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_writer(buffer.clone())
        .with_ansi(false)
        .finish();
    let _guard = tracing::subscriber::set_default(subscriber);
    let mut rendered = Vec::new();

    let server = server().await;
    Mock::given(path("/api/v1/chat/completions"))
        .respond_with(respond(fixture("chat/demo")))
        .up_to_n_times(1)
        .with_priority(1)
        .mount(&server)
        .await;
    Mock::given(path("/api/v1/chat/completions"))
        .respond_with(respond(fixture("chat/error_401")))
        .with_priority(2)
        .mount(&server)
        .await;
    // Inline: no fixture has a malformed JSON body.
    Mock::given(path("/api/v1/credits"))
        .respond_with(ResponseTemplate::new(200).set_body_raw("{not json", "application/json"))
        .mount(&server)
        .await;
    Mock::given(path("/api/v1/key"))
        .respond_with(respond(fixture("key/info")).set_delay(Duration::from_secs(5)))
        .mount(&server)
        .await;
    mount::mount_fixture(&server, fixture("providers/list")).await;
    let client = client(&server.uri());
    rendered.push(format!("{client:?}"));
    rendered.push(format!("{:?}", builder(&server.uri())));
    rendered.push(format!("{:?}", openrouter_api::ApiKey::new(KEY)));
    rendered.push(openrouter_api::ApiKey::new(KEY).to_string());

    let ok = client.chat(&chat_request()).await.unwrap();
    rendered.push(format!("{ok:?}"));
    let mut errors: Vec<Error> = Vec::new();
    errors.push(client.chat(&chat_request()).await.unwrap_err()); // Api
    errors.push(client.credits().await.unwrap_err()); // Decode
    errors.push(
        client
            .with_options(
                RequestOptions::new()
                    .timeout(Duration::from_millis(100))
                    .retry(RetryPolicy::none()),
            )
            .key()
            .await
            .unwrap_err(),
    ); // Timeout
    let refused = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    errors.push(
        builder(&format!("http://127.0.0.1:{refused}"))
            .max_retries(0)
            .build()
            .unwrap()
            .credits()
            .await
            .unwrap_err(),
    ); // Transport
    errors.push(
        Client::builder()
            .base_url("nope")
            .api_key(KEY)
            .build()
            .unwrap_err(),
    ); // Config
    errors.push(
        builder(&server.uri())
            .max_response_bytes(10)
            .build()
            .unwrap()
            .providers()
            .await
            .unwrap_err(),
    ); // Limit

    let stream_body = |name: &str| {
        sse(vec![
            Step::chunk(fixture(name).response().body()),
            Step::last_chunk(),
        ])
    };
    let raw = RawServer::start(vec![
        stream_body("chat/stream_error_documented"),
        stream_body("chat/stream_truncated"),
    ])
    .await
    .unwrap();
    let raw_client = builder(&raw.origin())
        .timeouts(Timeouts::default())
        .build()
        .unwrap();
    for _ in 0..2 {
        let mut stream = raw_client.chat_stream(&chat_request()).await.unwrap();
        rendered.push(format!("{stream:?}"));
        while let Some(event) = stream.next().await {
            if let Err(e) = event {
                errors.push(e); // MidStream, then TruncatedStream
            }
        }
    }
    let kinds: Vec<&str> = errors
        .iter()
        .map(|e| match e {
            Error::Api(_) => "api",
            Error::Decode(_) => "decode",
            Error::Timeout(_) => "timeout",
            Error::Transport(_) => "transport",
            Error::Config(_) => "config",
            Error::LimitExceeded(_) => "limit",
            Error::MidStream(_) => "mid_stream",
            Error::TruncatedStream(_) => "truncated",
            _ => "other",
        })
        .collect();
    assert_eq!(
        kinds,
        [
            "api",
            "decode",
            "timeout",
            "transport",
            "config",
            "limit",
            "mid_stream",
            "truncated"
        ]
    );
    for error in &errors {
        rendered.push(format!("{error}"));
        rendered.push(format!("{error:?}"));
        let mut source = std::error::Error::source(error);
        while let Some(cause) = source {
            rendered.push(format!("{cause} {cause:?}"));
            source = cause.source();
        }
    }

    let traces = String::from_utf8(buffer.0.lock().unwrap().clone()).unwrap();
    assert!(
        traces.contains("openrouter.request"),
        "traces were captured"
    );
    assert!(traces.contains("request body"), "TRACE level was on");
    for field in [
        "model=\"openai/gpt-4o-mini\"",
        "path=/chat/completions",
        "status=200",
        "attempts=1",
        // chat/demo's usage.
        "prompt_tokens=24",
        "completion_tokens=71",
        "provider=\"OpenAI\"",
    ] {
        assert!(
            traces.contains(field),
            "the span records {field}:\n{traces}"
        );
    }
    rendered.push(traces);
    let secret_part = &KEY["sk-or-v1-".len()..];
    for text in &rendered {
        assert!(!text.contains(secret_part), "the key leaked into: {text}");
    }
}
