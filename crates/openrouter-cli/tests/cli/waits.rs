//! Waits and failures a user can see: each retry announced on stderr with its reason, wait and
//! attempt number; the models OpenRouter suggests instead; `--max-retries` and `--timeout`; an
//! unreachable server named once, with its cause and what to check.

use std::net::TcpListener;
use std::time::Duration;

use openrouter_testkit::raw::{self, Step};

use crate::support::{KEY, Raw, Run, openrouter};

/// A provider's 429 asking for a one-second wait.
pub fn rate_limited() -> Vec<Step> {
    vec![Step::send(raw::response(
        429,
        &[("content-type", "application/json"), ("retry-after", "1")],
        br#"{"error":{"code":429,"message":"Provider returned error","metadata":{"provider_name":"Together","raw":"too many requests"}}}"#,
    ))]
}

/// A whole answer: `hello`.
pub fn answer() -> Vec<Step> {
    vec![Step::send(raw::response(
        200,
        &[("content-type", "application/json")],
        br#"{"id":"gen-1764000000-waitswaitswaitswait","object":"chat.completion","created":1764000000,"model":"mockai/waits","choices":[{"index":0,"message":{"role":"assistant","content":"hello"},"finish_reason":"stop"}]}"#,
    ))]
}

/// The documented model-availability 429 (`error.availability`), naming a fallback model; it
/// asks for a 10 ms wait so a retry is quick.
fn capacity_exhausted() -> Vec<Step> {
    vec![Step::send(raw::response(
        429,
        &[("content-type", "application/json"), ("retry-after-ms", "10")],
        br#"{"error":{"message":"All providers for anthropic/claude-sonnet-4.5 are at capacity.","error_type":"rate_limit_exceeded","http_status":429,"availability":{"code":"capacity_exhausted","retryable":true,"requested_models":["anthropic/claude-sonnet-4.5"],"affected_providers":["anthropic","amazon-bedrock"],"fallback_models":["anthropic/claude-haiku-4.5","openai/gpt-4o-mini"],"docs_url":"https://openrouter.ai/docs/errors#capacity_exhausted"}}}"#,
    ))]
}

#[test]
fn each_retry_is_announced_with_the_provider_the_wait_and_the_attempt() {
    let server = Raw::start([rate_limited(), rate_limited(), answer()]);
    let run = server.run(&["chat", "--no-stream", "--model", "mockai/waits", "Hello"]);
    run.expect_code(0);
    assert_eq!(run.stdout, "hello\n");
    assert_eq!(server.requests().len(), 3);
    assert!(
        run.stderr
            .contains("rate-limited by Together; retrying in 1 s (attempt 2 of 3)\n"),
        "{}",
        run.stderr
    );
    insta::assert_snapshot!(run.dump());
}

#[test]
fn suggested_fallback_models_are_listed_with_the_flags_that_use_them() {
    let server = Raw::start([capacity_exhausted()]);
    let run = server.run(&[
        "--max-retries",
        "1",
        "chat",
        "--no-stream",
        "--model",
        "anthropic/claude-sonnet-4.5",
        "Hello",
    ]);
    run.expect_code(1);
    assert_eq!(server.requests().len(), 2);
    let hint = "hint: OpenRouter suggests anthropic/claude-haiku-4.5, openai/gpt-4o-mini instead: \
                use one with `--model anthropic/claude-haiku-4.5`, or keep your model and add \
                `--models anthropic/claude-haiku-4.5,openai/gpt-4o-mini` to fall back to them \
                automatically";
    // Once while waiting (the user may stop and switch), once with the final error.
    assert_eq!(run.stderr.matches(hint).count(), 2, "{}", run.stderr);
    insta::assert_snapshot!(run.dump());
}

#[test]
fn max_retries_0_sends_one_request() {
    let server = Raw::start([rate_limited(), answer()]);
    let run = server.run(&["--max-retries", "0", "chat", "--no-stream", "Hello"]);
    run.expect_code(1);
    assert_eq!(server.requests().len(), 1);
    assert!(!run.stderr.contains("retrying"), "{}", run.stderr);
    assert!(run.stderr.contains("429"), "{}", run.stderr);
}

#[test]
fn timeout_bounds_a_whole_call() {
    let server = Raw::start([vec![Step::Sleep(Duration::from_secs(30)), Step::Close]]);
    let run = server.run(&["--timeout", "0.5", "credits"]);
    run.expect_code(4);
    assert_eq!(
        run.stderr,
        "error: no answer within the --timeout of 500 ms: raise --timeout, or leave it out for \
         no limit\n"
    );
}

#[test]
fn timeout_bounds_the_start_of_a_stream_but_never_cuts_it() {
    // Four events 300 ms apart: the stream lasts longer than the 0.5 s limit, and is whole.
    let event = |text: &str, finish: &str| {
        format!(
            "data: {{\"id\":\"gen-1764000000-streamstreamstreamst\",\"object\":\"chat.completion.chunk\",\"created\":1764000000,\"model\":\"mockai/waits\",\"choices\":[{{\"index\":0,\"delta\":{{\"content\":\"{text}\"}},\"finish_reason\":{finish}}}]}}\n\n"
        )
    };
    let mut script = vec![Step::send(raw::head(
        200,
        &[
            ("content-type", "text/event-stream"),
            ("transfer-encoding", "chunked"),
        ],
    ))];
    for (text, finish) in [("one ", "null"), ("two ", "null"), ("three", "\"stop\"")] {
        script.push(Step::chunk(event(text, finish)));
        script.push(Step::Sleep(Duration::from_millis(300)));
    }
    script.extend([
        Step::chunk("data: [DONE]\n\n"),
        Step::last_chunk(),
        Step::AwaitClose,
    ]);
    let server = Raw::start([script]);
    let run = server.run(&["--timeout", "0.5", "chat", "Hello"]);
    run.expect_code(0);
    assert_eq!(run.stdout, "one two three\n");

    // A stream that never starts is given up after the limit.
    let silent = Raw::start([vec![Step::Sleep(Duration::from_secs(30)), Step::Close]]);
    let run = silent.run(&["--timeout", "0.5", "chat", "Hello"]);
    run.expect_code(4);
    assert!(run.stderr.contains("--timeout"), "{}", run.stderr);
    assert_eq!(
        silent.requests().len(),
        1,
        "a chat is never sent twice blindly"
    );
}

#[test]
fn an_unreachable_server_is_named_once_with_the_cause_and_what_to_check() {
    // A port that was free a moment ago: nothing listens there.
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let url = format!("http://127.0.0.1:{port}/api/v1");
    let mut command = openrouter(&["chat", "--no-stream", "Hello"]);
    command
        .env("OPENROUTER_API_KEY", KEY)
        .env("OPENROUTER_BASE_URL", &url);
    let run = Run::plain(command, None);
    run.expect_code(4);
    let endpoint = format!("{url}/chat/completions");
    assert_eq!(
        run.stderr.matches(&endpoint).count(),
        1,
        "the URL, once: {}",
        run.stderr
    );
    assert_eq!(
        run.stderr.matches("connection refused").count(),
        1,
        "the cause, once: {}",
        run.stderr
    );
    let stable = run.stderr.replace(&port.to_string(), "[port]");
    // The retries' waits are random (full jitter): keep their shape.
    let stable: String = stable
        .lines()
        .map(|line| match line.split_once("; retrying in ") {
            Some((head, tail)) => {
                let attempt = tail.split_once(" (").map_or("", |(_, rest)| rest);
                format!("{head}; retrying in [wait] ({attempt}\n")
            }
            None => format!("{line}\n"),
        })
        .collect();
    insta::assert_snapshot!(stable);
}
