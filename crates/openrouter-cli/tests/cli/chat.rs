//! `openrouter chat`: streaming, whole answers, JSON lines, stdin prompts, options and
//! reasoning, checked on stdout, stderr and the request the server received.

use serde_json::{Value, json};

use crate::support::{DEMO_ANSWER, DEMO_ID, KEY, Mock};

#[test]
fn streams_the_answer_to_stdout_and_the_summary_to_stderr() {
    let mock = Mock::start();
    let run = mock.run(&["chat", "Tell me about OpenRouter"]);
    run.expect_code(0);
    assert_eq!(run.stdout, format!("{DEMO_ANSWER}\n"));
    assert!(run.stderr.contains(DEMO_ID), "{}", run.stderr);
    insta::assert_snapshot!(run.dump());

    let requests = mock.requests();
    assert_eq!(requests.len(), 1);
    let sent = &requests[0];
    assert_eq!(sent.path(), "/api/v1/chat/completions");
    assert_eq!(
        sent.header("authorization"),
        Some(format!("Bearer {KEY}").as_str())
    );
    assert_eq!(sent.header("x-openrouter-title"), Some("openrouter-cli"));
    // The referer is the workspace's `repository`, and absent while it names none
    // (`attribution.rs` covers the overrides).
    let repository = env!("CARGO_PKG_REPOSITORY");
    assert_eq!(
        sent.header("http-referer"),
        (!repository.is_empty()).then_some(repository)
    );
    assert!(
        sent.header("user-agent")
            .is_some_and(|a| a.starts_with("openrouter-cli/"))
    );
    assert_eq!(
        sent.body_json(),
        Some(json!({
            "model": "openrouter/auto",
            "messages": [{"role": "user", "content": "Tell me about OpenRouter"}],
            "stream": true
        }))
    );
}

#[test]
fn no_stream_prints_the_whole_answer() {
    let mock = Mock::start();
    let run = mock.run(&["chat", "--no-stream", "Hello"]);
    run.expect_code(0);
    assert_eq!(run.stdout, format!("{DEMO_ANSWER}\n"));
    insta::assert_snapshot!(run.dump());
    assert_eq!(mock.requests()[0].body_field("stream"), None);
}

#[test]
fn json_prints_each_chunk_as_one_json_line() {
    let mock = Mock::start();
    let run = mock.run(&["chat", "--json", "Hello"]);
    run.expect_code(0);
    let chunks: Vec<Value> = run
        .stdout
        .lines()
        .map(|line| serde_json::from_str(line).expect("each line is JSON"))
        .collect();
    assert!(chunks.len() > 10, "{}", run.stdout);
    assert!(
        chunks
            .iter()
            .all(|c| c["object"] == "chat.completion.chunk" && c["id"] == DEMO_ID)
    );
    let text: String = chunks
        .iter()
        .filter_map(|c| c["choices"][0]["delta"]["content"].as_str())
        .collect();
    assert_eq!(text, DEMO_ANSWER);
    assert!(
        chunks
            .last()
            .is_some_and(|c| c["usage"]["total_tokens"] == 95)
    );
}

#[test]
fn json_without_streaming_prints_the_completion() {
    let mock = Mock::start();
    let run = mock.run(&["chat", "--json", "--no-stream", "Hello"]);
    run.expect_code(0);
    let completion: Value = serde_json::from_str(&run.stdout).expect("one JSON document");
    assert_eq!(completion["choices"][0]["message"]["content"], DEMO_ANSWER);
}

#[test]
fn reads_the_prompt_from_stdin_when_absent_or_dash() {
    for args in [&["chat"][..], &["chat", "-"][..]] {
        let mock = Mock::start();
        let run = mock.run_with_stdin(args, "What is 2 + 2?\n");
        run.expect_code(0);
        assert_eq!(run.stdout, format!("{DEMO_ANSWER}\n"));
        let messages = mock.requests()[0].body_field("messages");
        assert_eq!(
            messages,
            Some(json!([{"role": "user", "content": "What is 2 + 2?\n"}]))
        );
    }
}

#[test]
fn an_empty_prompt_is_a_usage_error() {
    let mock = Mock::start();
    let run = mock.run_with_stdin(&["chat"], "  \n");
    run.expect_code(2);
    assert_eq!(run.stdout, "");
    assert!(run.stderr.contains("the prompt is empty"), "{}", run.stderr);
    assert!(mock.requests().is_empty());
}

#[test]
fn options_shape_the_request() {
    let mock = Mock::start();
    let run = mock.run(&[
        "chat",
        "--model",
        "openai/gpt-4o-mini",
        "--models",
        "anthropic/claude-sonnet-4.5,google/gemini-2.5-flash",
        "--system",
        "Be brief.",
        "--max-tokens",
        "64",
        "--temperature",
        "0.3",
        "--reasoning",
        "high",
        "--provider-order",
        "openai,azure",
        "--sort",
        "throughput",
        "Hi",
    ]);
    run.expect_code(0);
    insta::assert_json_snapshot!(mock.requests()[0].body_json());
}

#[test]
fn reasoning_goes_to_stderr_and_can_be_hidden() {
    let mock = Mock::start();
    let run = mock.run(&[
        "chat",
        "--model",
        "anthropic/claude-sonnet-4.5",
        "What is 17 × 3?",
    ]);
    run.expect_code(0);
    insta::assert_snapshot!(run.dump());
    assert!(
        !run.stdout.contains("The user"),
        "reasoning stays off stdout"
    );
    assert!(run.stderr.contains("The user"), "{}", run.stderr);

    let hidden = mock.run(&[
        "chat",
        "--model",
        "anthropic/claude-sonnet-4.5",
        "--reasoning",
        "low",
        "--hide-reasoning",
        "What is 17 × 3?",
    ]);
    hidden.expect_code(0);
    assert_eq!(hidden.stdout, run.stdout);
    assert!(!hidden.stderr.contains("The user"), "{}", hidden.stderr);
    assert_eq!(
        mock.requests()[1].body_field("reasoning"),
        Some(json!({"effort": "low", "exclude": true}))
    );
}

#[test]
fn a_streamed_tool_call_answer_is_shown_as_tool_calls() {
    let mock = Mock::start();
    let run = mock.run(&[
        "chat",
        "--model",
        "openai/gpt-4.1-mini",
        "Weather in Paris and Tokyo?",
    ]);
    run.expect_code(0);
    assert_eq!(
        run.stdout,
        "tool call: get_weather (id call_mockW3atherParis00001)\n  {\n    \"city\": \"Paris\",\n    \"unit\": \"celsius\"\n  }\n\
         tool call: get_weather (id call_mockW3atherTokyo00002)\n  {\n    \"city\": \"Tokyo\",\n    \"unit\": \"celsius\"\n  }\n"
    );
}

#[test]
fn a_whole_tool_call_answer_is_shown_as_a_tool_call() {
    let mock = Mock::start();
    let model = "mistralai/mistral-small-3.2-24b-instruct";
    let run = mock.run(&[
        "chat",
        "--no-stream",
        "--model",
        model,
        "Weather in Lisbon?",
    ]);
    run.expect_code(0);
    assert_eq!(
        run.stdout,
        "tool call: get_weather (id Xk3mP9qRt)\n  {\n    \"city\": \"Lisbon\"\n  }\n"
    );
}

#[test]
fn markdown_stays_raw_when_piped() {
    let mock = Mock::start();
    let run = mock.run(&[
        "chat",
        "--model",
        "anthropic/claude-sonnet-4.5",
        "What is 17 × 3?",
    ]);
    run.expect_code(0);
    assert!(run.stdout.contains("17 × 3 is **51**."), "{}", run.stdout);
    assert!(!run.stdout.contains('\x1b'), "{:?}", run.stdout);
}
