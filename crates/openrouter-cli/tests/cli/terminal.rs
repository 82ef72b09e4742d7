//! On a terminal: the keep-alive spinner, retry notices printed above it, and rendered
//! markdown, run in a pseudo-terminal made by util-linux `script` (stdout and stderr both go to
//! the terminal). The interactive session is in `session.rs`.

use std::process::Command;
use std::time::Duration;

use openrouter_testkit::server::Pacing;

use crate::support::{KEY, Mock, Raw, Run, clean_env};
use crate::waits::{answer, rate_limited};

/// `script -qec "exec openrouter ARGS" /dev/null` against `mock`, or `None` (with a notice)
/// when util-linux `script` is not installed.
///
/// `script` runs the line with `$SHELL -c`. Without `exec`, a shell that does not replace
/// itself with its last command (dash) stays in the terminal's foreground process group, dies
/// of the Ctrl-C meant for the CLI, and `script` reports that as exit code 130.
pub fn script(mock: &Mock, args: &[&str]) -> Option<Command> {
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
    // On a terminal the answer's markdown is rendered: bold, not asterisks.
    assert!(
        run.stdout.contains("17 × 3 is \x1b[1m51\x1b[0m."),
        "{:?}",
        run.stdout
    );
    // On a terminal the reasoning is dimmed.
    assert!(run.stdout.contains("\x1b[2mThe user"), "{:?}", run.stdout);
}

#[test]
fn raw_and_no_color_print_the_markdown_as_it_is() {
    let mock = Mock::start();
    let args = [
        "chat",
        "--model",
        "anthropic/claude-sonnet-4.5",
        "What is 17 × 3?",
    ];
    let Some(mut command) = script(&mock, &[&args[..], &["--raw"]].concat()) else {
        return;
    };
    let run = Run::of(command, Some(""), &mock);
    run.expect_code(0);
    assert!(run.stdout.contains("17 × 3 is **51**."), "{:?}", run.stdout);

    command = script(&mock, &args).expect("script is installed");
    command.env("NO_COLOR", "1");
    let run = Run::of(command, Some(""), &mock);
    run.expect_code(0);
    assert!(run.stdout.contains("17 × 3 is **51**."), "{:?}", run.stdout);
    assert!(!run.stdout.contains("\x1b[1m51"), "{:?}", run.stdout);
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
