//! Failures: each says what to do on stderr and exits with its documented code; a partial
//! answer already printed stays on stdout.

use std::net::TcpListener;

use crate::support::{Mock, Run, openrouter};

/// A chat whose model routes to the error fixture for `model`, not streamed (the recorded
/// HTTP errors are answers to plain requests).
fn chat_error(mock: &Mock, model: &str) -> Run {
    mock.run(&["chat", "--no-stream", "--model", model, "Hello"])
}

#[test]
fn no_key_says_how_to_set_one() {
    for args in [&["chat", "Hello"][..], &["credits"][..], &["key"][..]] {
        let run = Run::plain(openrouter(args), None);
        run.expect_code(5);
        assert_eq!(run.stdout, "");
        assert!(
            run.stderr.contains("export OPENROUTER_API_KEY="),
            "{}",
            run.stderr
        );
        assert!(run.stderr.contains("--offline"), "{}", run.stderr);
    }
    let run = Run::plain(openrouter(&["chat", "Hello"]), None);
    insta::assert_snapshot!(run.dump());
}

#[test]
fn unauthorized_401() {
    let mock = Mock::start();
    let run = chat_error(&mock, "openai/gpt-5-mini");
    run.expect_code(1);
    assert!(run.stderr.contains("OPENROUTER_API_KEY"), "{}", run.stderr);
    insta::assert_snapshot!(run.dump());
}

#[test]
fn payment_required_402() {
    let mock = Mock::start();
    let run = chat_error(&mock, "anthropic/claude-opus-4.1");
    run.expect_code(1);
    assert!(run.stderr.contains("credits"), "{}", run.stderr);
    insta::assert_snapshot!(run.dump());
}

#[test]
fn moderation_403_names_the_reasons() {
    let mock = Mock::start();
    let run = chat_error(&mock, "meta-llama/llama-guard-mock:free");
    run.expect_code(1);
    assert!(run.stderr.contains("flagged"), "{}", run.stderr);
    insta::assert_snapshot!(run.dump());
}

#[test]
fn rate_limited_429_says_when_to_retry() {
    let mock = Mock::start();
    let run = chat_error(&mock, "deepseek/deepseek-chat-v3.1:free");
    run.expect_code(1);
    assert!(run.stderr.contains("429"), "{}", run.stderr);
    assert!(
        run.stderr.contains("resets in") || run.stderr.contains("retry"),
        "{}",
        run.stderr
    );
    // The reset time is relative to now: check its shape, snapshot the rest.
    let stable = run
        .stderr
        .split_once("resets in ")
        .map(|(head, tail)| {
            let rest = tail.split_once(',').map_or("", |(_, rest)| rest);
            format!("{head}resets in [duration],{rest}")
        })
        .unwrap_or_else(|| run.stderr.clone());
    insta::assert_snapshot!(stable);
}

#[test]
fn server_error_500_after_the_clients_retries() {
    let mock = Mock::start();
    let run = chat_error(&mock, "qwen/qwen3-235b-a22b");
    run.expect_code(1);
    assert!(run.stderr.contains("500"), "{}", run.stderr);
    assert!(
        mock.requests().len() > 1,
        "the client retries a 500 before giving up"
    );
}

#[test]
fn a_truncated_stream_says_the_answer_is_incomplete() {
    let mock = Mock::start();
    let run = mock.run(&[
        "chat",
        "--model",
        "mistralai/mistral-small-3.2-24b-instruct",
        "Hello",
    ]);
    run.expect_code(3);
    assert!(!run.stdout.is_empty());
    assert!(run.stderr.contains("incomplete"), "{}", run.stderr);
    insta::assert_snapshot!(run.dump());
}

#[test]
fn an_unknown_model_is_404() {
    let mock = Mock::start();
    let run = mock.run(&["model", "mockai/no-such-model"]);
    run.expect_code(1);
    assert!(run.stderr.contains("404"), "{}", run.stderr);
}

#[test]
fn an_unreachable_server_is_a_network_error() {
    // A port that was free a moment ago: nothing listens there.
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let mut command = openrouter(&["credits"]);
    command.env("OPENROUTER_API_KEY", crate::support::KEY).env(
        "OPENROUTER_BASE_URL",
        format!("http://127.0.0.1:{port}/api/v1"),
    );
    let run = Run::plain(command, None);
    run.expect_code(4);
    assert!(run.stderr.contains("could not connect"), "{}", run.stderr);
}

#[test]
fn invalid_arguments_are_usage_errors() {
    for args in [
        &["chat", "--temperature", "7", "Hello"][..],
        &["chat", "--sort", "vibes", "Hello"][..],
        &["chat", "--api-key", "sk-or-v1-x", "Hello"][..],
        &["frobnicate"][..],
    ] {
        let run = Run::plain(openrouter(args), None);
        run.expect_code(2);
        assert!(run.stderr.starts_with("error:"), "{}", run.stderr);
    }
}

#[test]
fn an_invalid_base_url_is_a_configuration_error() {
    let mut command = openrouter(&["--base-url", "not a url", "credits"]);
    command.env("OPENROUTER_API_KEY", crate::support::KEY);
    let run = Run::plain(command, None);
    run.expect_code(5);
    assert!(run.stderr.contains("base URL"), "{}", run.stderr);
}

#[test]
fn a_connection_cut_mid_stream_says_the_answer_is_incomplete() {
    // The server drops the connection after 1500 bytes: a few chunks of the demo answer.
    let mock = Mock::paced(
        openrouter_testkit::server::Pacing::new()
            .per_event()
            .cut_after(1500),
    );
    let run = mock.run(&["chat", "Hello"]);
    run.expect_code(3);
    assert!(run.stdout.starts_with("Hello from"), "{}", run.stdout);
    assert!(run.stdout.len() < crate::support::DEMO_ANSWER.len());
    insta::assert_snapshot!(run.dump());
}

#[test]
fn a_streamed_request_refused_before_any_event() {
    // `chat/stream_error_401` in the shared fixtures.
    let mock = Mock::start();
    let run = mock.run(&["chat", "--model", "mockai/stream-401", "Hello"]);
    run.expect_code(1);
    assert_eq!(run.stdout, "");
    insta::assert_snapshot!(run.dump());
}

#[test]
fn a_retryable_429_is_retried_then_reported_with_when_to_retry() {
    // `chat/stream_error_429` in the shared fixtures.
    let mock = Mock::start();
    let run = mock.run(&["chat", "--model", "mockai/stream-429", "Hello"]);
    run.expect_code(1);
    assert!(mock.requests().len() > 1, "the client retried first");
    assert!(run.stderr.contains("retry after 1s"), "{}", run.stderr);
    insta::assert_snapshot!(run.dump());
}

/// Every recorded mid-stream error form (documented, as seen on the wire, string code, no
/// choices) keeps the text already streamed and exits with 3; with no text yet (only
/// reasoning, on stderr) it is a refusal like any other and exits with 1.
#[test]
fn every_mid_stream_error_form() {
    let mock = Mock::start();
    for (name, model) in [
        ("documented", "openai/gpt-4o"),
        ("real", "minimax/minimax-m2:free"),
        ("string_code", "openai/gpt-4.1"),
        ("no_choices", "nvidia/llama-3.1-nemotron-70b-instruct"),
    ] {
        let run = mock.run(&["chat", "--model", model, "Hello"]);
        let expected = if run.stdout.is_empty() { 1 } else { 3 };
        run.expect_code(expected);
        assert!(
            run.stderr
                .contains("error: the generation failed after it started"),
            "{name}: {}",
            run.stderr
        );
        insta::assert_snapshot!(format!("mid_stream_{name}"), run.dump());
    }
}

#[test]
fn a_cut_answer_is_not_asked_for_twice_and_names_the_generation() {
    use openrouter_testkit::raw::{RawServer, Step, head};

    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()
        .unwrap();
    let body = br#"{"id":"gen-1764000000-cutcutcutcutcutcutcu","object":"chat.completion","#;
    let mut bytes = head(
        200,
        &[
            ("content-type", "application/json"),
            ("content-length", &(body.len() + 300).to_string()),
            ("x-generation-id", "gen-1764000000-cutcutcutcutcutcutcu"),
        ],
    );
    bytes.extend_from_slice(body);
    let server = runtime
        .block_on(RawServer::start(vec![vec![Step::send(bytes), Step::Reset]]))
        .unwrap();
    let mut command = openrouter(&["chat", "--no-stream", "Hello"]);
    command
        .env("OPENROUTER_API_KEY", crate::support::KEY)
        .env("OPENROUTER_BASE_URL", server.base_url());
    let run = Run::plain(command, None);
    assert_ne!(run.code, Some(0), "{}", run.stderr);
    assert_eq!(
        server.received_requests().len(),
        1,
        "sent once: {}",
        run.stderr
    );
    for needle in [
        "gen-1764000000-cutcutcutcutcutcutcu",
        "may have been processed",
    ] {
        assert!(
            run.stderr.contains(needle),
            "`{needle}` missing: {}",
            run.stderr
        );
    }
}

#[test]
fn negative_numbers_get_a_clear_message() {
    for (args, expected) in [
        (
            &["chat", "--max-tokens", "-1", "Hello"][..],
            "invalid value '-1' for '--max-tokens <N>': expected a positive whole number (1 or more)",
        ),
        (
            &["chat", "--max-tokens", "0", "Hello"][..],
            "invalid value '0' for '--max-tokens <N>': expected a positive whole number (1 or more)",
        ),
        (
            &["rerank", "--top", "-3", "query", "doc"][..],
            "invalid value '-3' for '--top <N>': expected a positive whole number (1 or more)",
        ),
        (
            &["--max-retries", "-1", "credits"][..],
            "invalid value '-1' for '--max-retries <N>': expected a whole number of 0 or more",
        ),
        (
            &["--timeout", "-5", "credits"][..],
            "invalid value '-5' for '--timeout <SECS>': expected a number of seconds above 0",
        ),
        (
            &["models", "--max-price", "-1"][..],
            "invalid value '-1' for '--max-price <USD>'",
        ),
        // A range with no negatives, still told apart from an unknown flag.
        (
            &["chat", "--temperature", "-0.5", "Hello"][..],
            "-0.5 is outside 0 to 2",
        ),
        (
            &["mock", "--port", "-1"][..],
            "invalid value '-1' for '--port <PORT>': expected a port number",
        ),
    ] {
        let run = Run::plain(openrouter(args), None);
        run.expect_code(2);
        assert!(run.stderr.contains(expected), "{args:?}: {}", run.stderr);
        assert!(
            !run.stderr.contains("unexpected argument"),
            "{}",
            run.stderr
        );
    }
}

#[test]
fn numbers_in_range_are_still_accepted() {
    let mock = Mock::start();
    mock.run(&[
        "--max-retries",
        "0",
        "--timeout",
        "30",
        "chat",
        "--max-tokens",
        "1",
        "Hello",
    ])
    .expect_code(0);
    assert_eq!(mock.requests()[0].body_field("max_tokens"), Some(1.into()));
}

#[test]
fn empty_ids_are_usage_errors() {
    for args in [
        &["model", ""][..],
        &["model", "  "][..],
        &["generation", ""][..],
        &["keys", "rm", ""][..],
        &["keys", "create", ""][..],
        &["byok", "rm", ""][..],
        &["byok", "add", ""][..],
        &["chat", "--model", "", "Hello"][..],
        &["chat", "--models", "a/b,,c/d", "Hello"][..],
        &["image", "--model", "", "a cat", "-o", "cat.png"][..],
        &["api", ""][..],
    ] {
        let mut command = openrouter(args);
        command.env("OPENROUTER_API_KEY", crate::support::KEY);
        let run = Run::plain(command, None);
        run.expect_code(2);
        assert!(
            run.stderr.starts_with("error: invalid value ")
                && run.stderr.contains("not an empty value"),
            "{args:?}: {}",
            run.stderr
        );
    }
    let run = Run::plain(openrouter(&["model", ""]), None);
    insta::assert_snapshot!(run.dump());
}
