//! On a terminal: the keep-alive spinner and the interactive multi-turn session, run in a
//! pseudo-terminal made by util-linux `script` (stdout and stderr both go to the terminal).

use std::process::Command;
use std::time::Duration;

use openrouter_testkit::server::Pacing;
use serde_json::json;

use crate::support::{DEMO_ANSWER, KEY, Mock, Run, clean_env};

/// Runs the binary with `args` in a pseudo-terminal fed with `input`; `None` (with a notice)
/// when `script` is not installed.
fn in_terminal(mock: &Mock, args: &[&str], input: &str) -> Option<Run> {
    if Command::new("script").arg("--version").output().is_err() {
        eprintln!("notice: util-linux `script` is not installed; terminal tests skipped");
        return None;
    }
    let quote = |arg: &str| format!("'{}'", arg.replace('\'', r"'\''"));
    let mut line = quote(env!("CARGO_BIN_EXE_openrouter"));
    for arg in args {
        line.push(' ');
        line.push_str(&quote(arg));
    }
    let mut command = Command::new("script");
    clean_env(&mut command);
    command
        .args(["-qec", &line, "/dev/null"])
        .env("OPENROUTER_BASE_URL", mock.base_url())
        .env("OPENROUTER_API_KEY", KEY);
    Some(Run::of(command, Some(input), mock))
}

#[test]
fn a_spinner_shows_while_only_keep_alives_arrive() {
    // The reasoning stream opens with two keep-alives; 150 ms apart, the spinner has time to
    // draw, and the 15 events take about two seconds.
    let mock = Mock::paced(Pacing::new().per_event().delay(Duration::from_millis(150)));
    let args = [
        "chat",
        "--model",
        "anthropic/claude-sonnet-4.5",
        "What is 17 × 3?",
    ];
    let Some(run) = in_terminal(&mock, &args, "") else {
        return;
    };
    run.expect_code(0);
    assert!(
        run.stdout.contains("the provider is still working"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("17 × 3 is **51**."), "{}", run.stdout);
    // On a terminal the reasoning is dimmed.
    assert!(run.stdout.contains("\x1b[2mThe user"), "{:?}", run.stdout);
}

#[test]
fn an_interactive_session_keeps_the_conversation() {
    let mock = Mock::start();
    let Some(run) = in_terminal(
        &mock,
        &["chat", "--system", "Be brief."],
        "first question\nsecond question\n",
    ) else {
        return;
    };
    // Ctrl-D (end of input) leaves the session successfully.
    run.expect_code(0);
    assert!(
        run.stdout
            .contains("chatting with meta-llama/llama-3.3-70b-instruct:free"),
        "{}",
        run.stdout
    );
    let requests = mock.requests();
    assert_eq!(requests.len(), 2, "one request per line");
    assert_eq!(
        requests[1].body_field("messages"),
        Some(json!([
            {"role": "system", "content": "Be brief."},
            {"role": "user", "content": "first question"},
            {"role": "assistant", "content": DEMO_ANSWER},
            {"role": "user", "content": "second question"}
        ]))
    );
}
