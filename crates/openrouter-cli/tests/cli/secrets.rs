//! The API key never appears in any output: not in answers, summaries, errors, help texts or
//! `RUST_LOG=trace` logs.

use crate::support::{DEMO_ID, KEY, Mock};

#[test]
fn the_key_never_appears_even_with_trace_logging() {
    let mock = Mock::start();
    let runs = [
        &["chat", "Hello"][..],
        &["chat", "--no-stream", "--json", "Hello"][..],
        &[
            "chat",
            "--no-stream",
            "--model",
            "openai/gpt-5-mini",
            "Hello",
        ][..],
        &["chat", "--model", "openai/gpt-4o", "Hello"][..],
        &["models"][..],
        &["model", "openai/gpt-4o-mini"][..],
        &["credits", "--json"][..],
        &["key"][..],
        &["key", "--json"][..],
        &["generation", DEMO_ID][..],
        &["--help"][..],
        &["chat", "--help"][..],
    ];
    let mut logged = 0;
    for args in runs {
        let mut command = mock.command(args);
        command.env("RUST_LOG", "trace");
        let run = crate::support::Run::of(command, None, &mock);
        for (stream, text) in [("stdout", &run.stdout), ("stderr", &run.stderr)] {
            assert!(!text.contains(KEY), "{args:?} printed the key on {stream}");
            // Not even a recognisable piece of it.
            assert!(
                !text.contains(&KEY[9..30]),
                "{args:?} printed part of the key on {stream}"
            );
        }
        logged += run
            .stderr
            .lines()
            .filter(|l| l.contains("TRACE") || l.contains("DEBUG"))
            .count();
    }
    assert!(
        logged > 0,
        "RUST_LOG=trace produced logs, so the check above looked at them"
    );
    // And the key was really in play: the server received it.
    let bearer = format!("Bearer {KEY}");
    assert!(
        mock.requests()
            .iter()
            .any(|r| r.header("authorization") == Some(bearer.as_str()))
    );
}
