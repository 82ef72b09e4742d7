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
