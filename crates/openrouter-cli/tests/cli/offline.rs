//! `--offline` and `OPENROUTER_OFFLINE=1`: every command answers from the bundled mock server,
//! with no key, no network and no `OPENROUTER_*` variable.

use crate::support::{DEMO_ANSWER, DEMO_ID, Run, openrouter};

/// Replaces the mock's port (random per run) in offline notes.
fn redact_port(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(at) = rest.find("127.0.0.1:") {
        let (head, tail) = rest.split_at(at + "127.0.0.1:".len());
        out.push_str(head);
        out.push_str("[port]");
        rest = tail.trim_start_matches(|c: char| c.is_ascii_digit());
    }
    out.push_str(rest);
    out
}

fn offline(args: &[&str]) -> Run {
    let mut run = Run::plain(openrouter(args), None);
    run.stdout = redact_port(&run.stdout);
    run.stderr = redact_port(&run.stderr);
    run
}

#[test]
fn the_quick_start_streams_the_demo_answer() {
    let run = offline(&["chat", "--offline", "Tell me about OpenRouter"]);
    run.expect_code(0);
    assert_eq!(run.stdout, format!("{DEMO_ANSWER}\n"));
    assert!(run.stderr.starts_with("offline: "), "{}", run.stderr);
    assert!(run.stderr.contains(DEMO_ID));
    insta::assert_snapshot!(run.dump());
}

#[test]
fn the_environment_variable_turns_it_on() {
    let mut command = openrouter(&["chat", "Hello"]);
    command.env("OPENROUTER_OFFLINE", "1");
    let run = Run::plain(command, None);
    run.expect_code(0);
    assert_eq!(run.stdout, format!("{DEMO_ANSWER}\n"));

    // `0` means off: then the missing key is reported, not silently worked around.
    let mut command = openrouter(&["chat", "Hello"]);
    command.env("OPENROUTER_OFFLINE", "0");
    Run::plain(command, None).expect_code(5);
}

#[test]
fn offline_ignores_the_configured_server() {
    let mut command = openrouter(&["credits", "--offline"]);
    command.env("OPENROUTER_BASE_URL", "http://127.0.0.1:9/api/v1");
    let run = Run::plain(command, None);
    run.expect_code(0);
    assert!(run.stdout.contains("$100.50"), "{}", run.stdout);
}

#[test]
fn every_command_works_offline() {
    for args in [
        &["models", "--offline"][..],
        &["model", "openai/gpt-4o-mini", "--offline"][..],
        &["credits", "--offline"][..],
        &["key", "--offline"][..],
        &["generation", DEMO_ID, "--offline"][..],
        &["--offline", "chat", "--no-stream", "Hello"][..],
    ] {
        let run = offline(args);
        run.expect_code(0);
        assert!(!run.stdout.is_empty(), "{args:?}");
        assert!(run.stderr.contains("offline: "), "{args:?}: {}", run.stderr);
    }
}
