//! On a terminal: the keep-alive spinner, retry notices printed above it, and the interactive
//! multi-turn session, run in a pseudo-terminal made by util-linux `script` (stdout and stderr
//! both go to the terminal).

use std::io::{Read, Write};
use std::process::{Command, Stdio};
use std::time::Duration;

use openrouter_testkit::server::Pacing;
use serde_json::json;

use crate::support::{DEMO_ANSWER, KEY, Mock, Raw, Run, clean_env};
use crate::waits::{answer, rate_limited};

/// `script -qec "exec openrouter ARGS" /dev/null` against `mock`, or `None` (with a notice)
/// when util-linux `script` is not installed.
///
/// `script` runs the line with `$SHELL -c`. Without `exec`, a shell that does not replace
/// itself with its last command (dash) stays in the terminal's foreground process group, dies
/// of the Ctrl-C meant for the CLI, and `script` reports that as exit code 130.
fn script(mock: &Mock, args: &[&str]) -> Option<Command> {
    script_at(&mock.base_url(), args)
}

/// [`script`] against any server.
fn script_at(base_url: &str, args: &[&str]) -> Option<Command> {
    if Command::new("script").arg("--version").output().is_err() {
        eprintln!("notice: util-linux `script` is not installed; terminal tests skipped");
        return None;
    }
    let quote = |arg: &str| format!("'{}'", arg.replace('\'', r"'\''"));
    let mut line = format!("exec {}", quote(env!("CARGO_BIN_EXE_openrouter")));
    for arg in args {
        line.push(' ');
        line.push_str(&quote(arg));
    }
    let mut command = Command::new("script");
    clean_env(&mut command);
    command
        .args(["-qec", &line, "/dev/null"])
        .env("SHELL", "/bin/sh")
        // A terminal emulator sets TERM; CI runs without one, and indicatif draws nothing
        // when TERM is unset or `dumb`.
        .env("TERM", "xterm-256color")
        .env("OPENROUTER_BASE_URL", base_url)
        .env("OPENROUTER_API_KEY", KEY);
    Some(command)
}

/// Runs the binary with `args` in a pseudo-terminal fed with `input`.
fn in_terminal(mock: &Mock, args: &[&str], input: &str) -> Option<Run> {
    Some(Run::of(script(mock, args)?, Some(input), mock))
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

#[test]
fn ctrl_c_in_a_session_stops_the_answer_and_the_session_goes_on() {
    let mock = Mock::paced(Pacing::new().per_event().delay(Duration::from_millis(60)));
    let Some(mut command) = script(&mock, &["chat"]) else {
        return;
    };
    let mut child = command
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("script runs");
    let mut input = child.stdin.take().expect("piped");
    let mut output = child.stdout.take().expect("piped");
    input
        .write_all(b"first question\n")
        .expect("the terminal takes input");

    let mut seen = Vec::new();
    let mut buffer = [0u8; 256];
    while !String::from_utf8_lossy(&seen).contains("Hello from") {
        let n = output.read(&mut buffer).expect("the terminal is readable");
        assert!(
            n > 0,
            "the session ended early: {}",
            String::from_utf8_lossy(&seen)
        );
        seen.extend_from_slice(&buffer[..n]);
    }
    // Ctrl-C typed on the terminal: the line discipline sends SIGINT to the session.
    input.write_all(b"\x03").expect("the terminal takes input");
    input
        .write_all(b"second question\n")
        .expect("the terminal takes input");
    drop(input);
    output
        .read_to_end(&mut seen)
        .expect("the terminal is readable");
    let status = child.wait().expect("script exits");
    let transcript = String::from_utf8_lossy(&seen);

    assert_eq!(status.code(), Some(0), "{transcript}");
    assert!(
        transcript.contains("interrupted: the answer above is incomplete"),
        "{transcript}"
    );
    assert!(
        transcript.contains("to talk to a real model."),
        "the second answer is whole: {transcript}"
    );
    let requests = mock.requests();
    assert_eq!(requests.len(), 2, "{transcript}");
    // The interrupted turn is not part of the conversation.
    assert_eq!(
        requests[1].body_field("messages"),
        Some(json!([{"role": "user", "content": "second question"}]))
    );
}

#[test]
fn a_rate_limit_is_announced_above_the_spinner() {
    let server = Raw::start([rate_limited(), answer()]);
    let Some(command) = script_at(&server.base_url(), &["chat", "--no-stream", "Hello"]) else {
        return;
    };
    let run = server.finish(Run::plain(command, Some("")));
    run.expect_code(0);
    assert_eq!(server.requests().len(), 2);
    // The spinner is drawn, cleared for the notice, and drawn again below it.
    assert!(
        run.stdout.contains("waiting for the whole answer"),
        "{:?}",
        run.stdout
    );
    let notice = "rate-limited by Together; retrying in 1 s (attempt 2 of 3)\r\n";
    let at = run
        .stdout
        .find(notice)
        .unwrap_or_else(|| panic!("{:?}", run.stdout));
    // The notice starts on a cleared line, not after the spinner's text.
    let before = &run.stdout[..at];
    assert!(
        before.ends_with("\x1b[2K") || before.ends_with('\r') || before.ends_with('\n'),
        "{:?}",
        run.stdout
    );
    assert!(run.stdout[at..].contains("hello"), "{:?}", run.stdout);
}
