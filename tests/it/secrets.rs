//! The API key never leaks: not in `Debug` or `Display` of the key, the
//! client or its builder, not in any error the client can be driven into
//! (nor anywhere in their source chains), and not in `TRACE`-level logs of
//! a full chat, stream and error exchange.

use std::error::Error as StdError;
use std::io::Write;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use futures::StreamExt;
use openrouter_api::{ApiKey, Client, Error, RequestOptions, RetryPolicy, Timeouts};

use crate::support::{
    self, DONE, RawServer, Step, completion_body, content_event, finish_event, json, request,
    sse_head, test_key,
};

/// Fails if `text` holds the key or its `Bearer` header form.
fn assert_clean(what: &str, text: &str) {
    let key = test_key();
    assert!(!text.contains(&key), "{what} leaks the key: {text}");
    assert!(
        !text.contains(&format!("Bearer {key}")),
        "{what} leaks the bearer header: {text}"
    );
    // A fragment is a leak too (a truncated excerpt, a hex dump).
    assert!(
        !text.contains(&key[9..33]),
        "{what} leaks part of the key: {text}"
    );
}

/// Display and Debug of an error and of every source below it.
fn assert_error_clean(label: &str, error: &Error) {
    assert_clean(label, &error.to_string());
    assert_clean(label, &format!("{error:?}"));
    let mut source = error.source();
    let mut depth = 0;
    while let Some(inner) = source {
        depth += 1;
        assert_clean(&format!("{label} source {depth}"), &inner.to_string());
        assert_clean(&format!("{label} source {depth}"), &format!("{inner:?}"));
        source = inner.source();
    }
}

#[test]
fn the_key_the_client_and_the_builder_print_redacted() {
    let key = ApiKey::new(test_key());
    assert_clean("ApiKey Display", &key.to_string());
    assert_clean("ApiKey Debug", &format!("{key:?}"));
    assert_clean("ApiKey Debug (alternate)", &format!("{key:#?}"));
    let builder = Client::builder()
        .api_key(test_key())
        .default_header("x-custom", "visible");
    assert_clean("ClientBuilder Debug", &format!("{builder:?}"));
    let client = builder.build().unwrap();
    assert_clean("Client Debug", &format!("{client:?}"));
    assert_clean("Client Debug (alternate)", &format!("{client:#?}"));
    let with = client.with_options(RequestOptions::new().header("x-session-id", "s"));
    assert_clean("Client with options Debug", &format!("{with:#?}"));
    // The key is still usable: redaction is in the rendering only.
    assert_eq!(key.expose(), test_key());
}

#[test]
fn a_key_passed_as_a_sensitive_header_stays_redacted() {
    let builder = Client::builder()
        .default_header("authorization", &format!("Bearer {}", test_key()))
        .default_header("x-api-key", &test_key());
    assert_clean("ClientBuilder Debug", &format!("{builder:#?}"));
    let client = builder.build().unwrap();
    assert_clean("Client Debug", &format!("{client:#?}"));
}

#[test]
fn configuration_errors_do_not_echo_the_key() {
    for bad in [
        format!("{}\n", test_key()),
        format!("{} extra", test_key()),
        format!("{}é", test_key()),
    ] {
        let error = Client::builder().api_key(bad).build().unwrap_err();
        assert!(matches!(error, Error::Config(_)), "{error:?}");
        assert_error_clean("config error", &error);
    }
    let error = Client::builder()
        .api_key(test_key())
        .base_url(format!("not a url {}", "x"))
        .build()
        .unwrap_err();
    assert_error_clean("base URL error", &error);
}

/// A proxy or debugging endpoint that echoes the request's headers into its
/// answer: the key must not ride back out in an excerpt, a parsed message or
/// a decode error.
#[tokio::test]
async fn a_server_echoing_the_key_back_does_not_leak_it() {
    let key = test_key();
    let echo = format!("authorization: Bearer {key}\nx-api-key: {key}");
    let html = format!("<html><pre>{echo}</pre></html>");
    let envelope = serde_json::json!({"error": {"code": 400, "message": echo}}).to_string();
    let cases: Vec<(&str, Vec<u8>, bool)> = vec![
        (
            "html 502",
            support::response(502, &[("content-type", "text/html")], html.as_bytes()),
            false,
        ),
        ("json 400", json(400, &envelope), false),
        ("in-band 200", json(200, &envelope), false),
        (
            "decode 200",
            json(200, &format!(r#"{{"choices":"{key}"}}"#)),
            false,
        ),
        (
            "html 200 on a stream",
            support::response(200, &[("content-type", "text/html")], html.as_bytes()),
            true,
        ),
    ];
    for (label, answer, stream) in cases {
        let server = RawServer::start(vec![vec![Step::send(answer)]])
            .await
            .unwrap();
        let client = support::builder(&server).max_retries(0).build().unwrap();
        let error = if stream {
            client.chat_stream(&request()).await.err()
        } else {
            client.chat(&request()).await.err()
        };
        let error = error.unwrap_or_else(|| panic!("{label}: expected an error"));
        assert_error_clean(label, &error);
        if let Error::Api(api) = &error {
            assert_clean(label, api.message());
            assert_clean(label, api.body_excerpt().unwrap_or_default());
            let text = api.body_excerpt().map_or(api.message(), |e| e);
            assert!(text.contains("[REDACTED]"), "{label}: {text}");
        }
        if let Error::Decode(decode) = &error {
            assert_clean(label, decode.excerpt());
            assert!(
                decode.excerpt().contains("[REDACTED]"),
                "{label}: {decode:?}"
            );
        }
    }
}

/// Every error kind the client can be driven into over loopback.
#[tokio::test]
async fn every_error_the_client_produces_is_clean() {
    let mut errors: Vec<(&str, Error)> = Vec::new();
    let quick = RetryPolicy::default()
        .max_retries(1)
        .initial_backoff(Duration::from_millis(1));

    // API errors: 401, a retried 429, a 400 wrapping a 502, HTML from a proxy.
    for (label, steps) in [
        (
            "401",
            vec![Step::send(json(
                401,
                r#"{"error":{"code":401,"message":"No auth credentials found"}}"#,
            ))],
        ),
        (
            "429",
            vec![Step::send(json(
                429,
                r#"{"error":{"code":429,"message":"Rate limit exceeded"}}"#,
            ))],
        ),
        (
            "400/502",
            vec![Step::send(json(
                400,
                r#"{"error":{"code":502,"message":"Provider returned error","metadata":{"raw":"upstream failed","provider_name":"X"}}}"#,
            ))],
        ),
        (
            "html",
            vec![Step::send(support::response(
                502,
                &[("content-type", "text/html")],
                b"<html>bad gateway</html>",
            ))],
        ),
    ] {
        let server = RawServer::start(vec![steps]).await.unwrap();
        let client = support::builder(&server)
            .retry_policy(quick.clone())
            .build()
            .unwrap();
        errors.push((label, client.chat(&request()).await.unwrap_err()));
    }

    // Transport: refused, reset, refused redirect.
    let refused = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        drop(listener);
        Client::builder()
            .api_key(test_key())
            .base_url(format!("http://127.0.0.1:{port}/api/v1"))
            .max_retries(0)
            .build()
            .unwrap()
    };
    errors.push(("refused", refused.chat(&request()).await.unwrap_err()));
    let server = RawServer::start(vec![vec![Step::Reset]]).await.unwrap();
    let client = support::builder(&server).build().unwrap();
    errors.push(("reset", client.chat(&request()).await.unwrap_err()));
    let location = "http://localhost:9/api/v1/chat/completions";
    let server = RawServer::start(vec![vec![Step::send(support::response(
        307,
        &[("location", location)],
        b"",
    ))]])
    .await
    .unwrap();
    let client = support::builder(&server).build().unwrap();
    errors.push(("redirect", client.chat(&request()).await.unwrap_err()));

    // Timeout, decode, limit.
    let server = RawServer::start(vec![vec![]]).await.unwrap();
    let client = support::builder(&server)
        .timeouts(Timeouts::default().response_headers(Duration::from_millis(100)))
        .build()
        .unwrap();
    errors.push(("timeout", client.chat(&request()).await.unwrap_err()));
    let server = RawServer::start(vec![vec![Step::send(json(200, r#"{"choices":"nope"}"#))]])
        .await
        .unwrap();
    let client = support::builder(&server).build().unwrap();
    errors.push(("decode", client.chat(&request()).await.unwrap_err()));
    let server = RawServer::start(vec![vec![Step::send(json(
        200,
        &completion_body(&"x".repeat(4096)),
    ))]])
    .await
    .unwrap();
    let client = support::builder(&server)
        .max_response_bytes(1024)
        .build()
        .unwrap();
    errors.push(("limit", client.chat(&request()).await.unwrap_err()));

    // Stream errors: mid-stream error event, truncation, a bad event.
    for (label, body) in [
        ("mid-stream", [content_event("Hel"), r#"data: {"id":"gen-hardening-1","choices":[],"error":{"code":502,"message":"upstream died"}}"#.to_owned() + "\n\n"].concat()),
        ("truncated", content_event("Hel")),
        ("stream decode", [content_event("Hel"), "data: {oops\n\n".to_owned()].concat()),
    ] {
        let server = RawServer::start(vec![vec![Step::send([sse_head(), body.into_bytes()].concat()), Step::Close]]).await
.unwrap();
        let client = support::builder(&server).build().unwrap();
        let error = client.chat_stream(&request()).await.unwrap().collect_completion().await.unwrap_err();
        errors.push((label, error));
    }

    // Configuration: no key where one is needed.
    let keyless = Client::builder()
        .base_url("http://127.0.0.1:9/api/v1")
        .build()
        .unwrap();
    errors.push(("missing key", keyless.chat(&request()).await.unwrap_err()));

    let kinds: std::collections::HashSet<_> = errors
        .iter()
        .map(|(_, e)| std::mem::discriminant(e))
        .collect();
    assert_eq!(kinds.len(), 8, "every public error variant was provoked");
    for (label, error) in &errors {
        assert_error_clean(label, error);
    }
}

/// A writer into a shared buffer, for the tracing subscriber.
#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[tokio::test]
async fn trace_logs_of_a_full_exchange_are_clean() {
    let captured = Captured::default();
    let writer = captured.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_span_events(tracing_subscriber::fmt::format::FmtSpan::FULL)
        .with_ansi(false)
        .with_writer(move || writer.clone())
        .finish();
    // A current-thread runtime: the client, hyper's connection task and the
    // server all run on this thread, under this subscriber.
    let _guard = tracing::subscriber::set_default(subscriber);
    // Other tests of this binary hit the client's callsites concurrently
    // with no subscriber; recompute their cached interest now that this
    // thread has one, or a callsite cached as "never" would stay silent.
    tracing::callsite::rebuild_interest_cache();

    let stream_body = [
        content_event("Hel"),
        content_event("lo"),
        finish_event("stop"),
        DONE.into(),
    ]
    .concat();
    let server = RawServer::start(vec![
        vec![Step::send(json(200, &completion_body("Hello")))],
        vec![
            Step::send([sse_head(), stream_body.into_bytes()].concat()),
            Step::Close,
        ],
        vec![Step::send(json(
            429,
            r#"{"error":{"code":429,"message":"Rate limit exceeded"}}"#,
        ))],
    ])
    .await
    .unwrap();
    let client = support::builder(&server)
        .retry_policy(
            RetryPolicy::default()
                .max_retries(1)
                .initial_backoff(Duration::from_millis(1)),
        )
        .build()
        .unwrap();
    tracing::debug!(client = ?client, "client built");
    let completion = client.chat(&request()).await.unwrap();
    assert_eq!(completion.text(), Some("Hello"));
    let mut stream = client.chat_stream(&request()).await.unwrap();
    while let Some(event) = stream.next().await {
        event.unwrap();
    }
    let error = client.chat(&request()).await.unwrap_err();
    tracing::error!(error = %error, debug = ?error, "call failed");
    drop((stream, client));

    let heads: Vec<String> = server
        .received_requests()
        .iter()
        .map(support::head_text)
        .collect();
    assert_eq!(heads.len(), 4, "a chat, a stream, a 429 and its retry");
    assert!(
        heads
            .iter()
            .all(|h| h.contains(&format!("Bearer {}", test_key()))),
        "the key did go over the wire, so the log had a chance to leak it"
    );
    let log = String::from_utf8(captured.0.lock().unwrap().clone()).unwrap();
    // Events, not the span name: with other tests emitting concurrently
    // under no subscriber, tracing's per-callsite interest cache can leave
    // this thread's span disabled now and then, while events still arrive.
    assert!(
        log.contains("openrouter_api::transport"),
        "the capture works: {log}"
    );
    assert!(log.contains("TRACE"), "TRACE events were captured: {log}");
    assert!(log.contains("retrying openrouter request"), "{log}");
    assert_clean("trace log", &log);
}

/// A key as `POST /keys` returns it: 64 hex digits after the prefix.
fn returned_key() -> String {
    format!("sk-or-v1-{}", "5eed1e55".repeat(8))
}

#[tokio::test]
async fn keys_the_api_returns_stay_out_of_debug_errors_and_trace_logs() {
    let captured = Captured::default();
    let writer = captured.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_ansi(false)
        .with_writer(move || writer.clone())
        .finish();
    let _guard = tracing::subscriber::set_default(subscriber);
    tracing::callsite::rebuild_interest_cache();

    let key = returned_key();
    let created = format!(
        r#"{{"data":{{"hash":"f01d","name":"ci","label":"sk-or-v1-5ee...e55","disabled":false,"limit":10,"usage":0}},"key":"{key}"}}"#
    );
    // The same key in a body that does not decode: the decode error quotes an excerpt.
    let malformed = format!(r#"{{"data":17,"key":"{key}"}}"#);
    let server = RawServer::start(vec![
        vec![Step::send(json(201, &created))],
        vec![Step::send(json(201, &malformed))],
    ])
    .await
    .unwrap();
    let client = support::builder(&server)
        .build()
        .unwrap()
        .with_options(RequestOptions::new().capture_raw_body(true));
    let request = openrouter_types::keys::CreateKeyRequest::new("ci");
    let response = client.create_key(&request).await.unwrap();
    assert_eq!(response.key.expose(), key, "the caller gets the key");
    assert!(
        response
            .meta()
            .raw_body()
            .is_some_and(|b| b.windows(key.len()).any(|w| w == key.as_bytes())),
        "the raw body the caller asked for is intact"
    );
    let error = client.create_key(&request).await.unwrap_err();
    assert!(matches!(error, Error::Decode(_)), "{error:?}");
    drop(client);

    let shown = [
        format!("{response:?}"),
        format!("{:#?}", response.meta()),
        error.to_string(),
        format!("{error:?}"),
        String::from_utf8(captured.0.lock().unwrap().clone()).unwrap(),
    ];
    assert!(shown[1].contains("bytes>"), "{}", shown[1]);
    let secret = &key["sk-or-v1-".len()..];
    for (i, text) in shown.iter().enumerate() {
        assert!(
            !text.contains(&secret[..24]),
            "output {i} leaks the returned key: {text}"
        );
    }
    assert!(shown[4].contains("TRACE"), "TRACE events were captured");
}
