//! `openrouter credits`, `key` and `generation ID`, as text and as JSON.

use serde_json::Value;

use crate::support::{DEMO_ID, Mock};

#[test]
fn credits() {
    let mock = Mock::start();
    let run = mock.run(&["credits"]);
    run.expect_code(0);
    insta::assert_snapshot!(run.dump());
    let json: Value = serde_json::from_str(&mock.run(&["credits", "--json"]).stdout).expect("JSON");
    assert_eq!(json["total_credits"], 100.5);
}

#[test]
fn key() {
    let mock = Mock::start();
    let run = mock.run(&["key"]);
    run.expect_code(0);
    insta::assert_snapshot!(run.dump());
    let json: Value = serde_json::from_str(&mock.run(&["key", "--json"]).stdout).expect("JSON");
    assert_eq!(json["label"], "sk-or-v1-3f2...9ab");
}

#[test]
fn generation() {
    let mock = Mock::start();
    let run = mock.run(&["generation", DEMO_ID]);
    run.expect_code(0);
    insta::assert_snapshot!(run.dump());
    assert_eq!(mock.requests()[0].query_param("id"), Some(DEMO_ID));
    let json: Value =
        serde_json::from_str(&mock.run(&["generation", DEMO_ID, "--json"]).stdout).expect("JSON");
    assert_eq!(json["tokens_completion"], 71);
}

#[test]
fn generation_stats_not_ready_yet() {
    let mock = Mock::start();
    let run = mock.run(&["generation", "gen-1764129999-NotReadyYet0000000000"]);
    run.expect_code(1);
    assert!(
        mock.requests().len() > 1,
        "the client retries a not-ready generation"
    );
    insta::assert_snapshot!(run.dump());
}
