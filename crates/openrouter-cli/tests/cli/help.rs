//! The help texts: reviewed as snapshots, and checked for the contract they document.

use crate::support::{Run, openrouter};

#[test]
fn top_level_help_documents_environment_and_exit_codes() {
    let run = Run::plain(openrouter(&["--help"]), None);
    run.expect_code(0);
    for needle in [
        "OPENROUTER_API_KEY",
        "OPENROUTER_BASE_URL",
        "130",
        "--offline",
    ] {
        assert!(run.stdout.contains(needle), "--help lacks {needle}");
    }
    insta::assert_snapshot!(run.stdout);
}

#[test]
fn chat_help_names_the_default_model() {
    let run = Run::plain(openrouter(&["chat", "--help"]), None);
    run.expect_code(0);
    assert!(
        run.stdout.contains("else openrouter/auto"),
        "{}",
        run.stdout
    );
    assert!(!run.stdout.contains("--api-key"));
    insta::assert_snapshot!(run.stdout);
}
