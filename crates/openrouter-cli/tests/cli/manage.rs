//! `openrouter keys`, `openrouter byok` and `openrouter activity` against the mock.

use crate::support::Mock;

#[test]
fn keys_list_shows_names_and_masked_keys_never_the_keys() {
    let mock = Mock::start();
    let run = mock.run(&["keys", "list"]);
    run.expect_code(0);
    assert!(run.stdout.starts_with("NAME"), "{}", run.stdout);
    assert!(
        run.stdout.contains("ci-runner") && run.stdout.contains("disabled"),
        "{}",
        run.stdout
    );
    assert_eq!(
        mock.requests()[0].query_param("include_disabled"),
        Some("true")
    );
}

#[test]
fn keys_create_sends_the_name_and_limit_and_prints_the_key_once_on_stdout() {
    let mock = Mock::start();
    let run = mock.run(&["keys", "create", "mock-created", "--limit", "10"]);
    run.expect_code(0);
    assert_eq!(run.stdout, "sk-or-v1-REDACTED\n");
    assert!(run.stderr.contains("shown once"), "{}", run.stderr);
    let body = mock.requests()[0].body_json().unwrap();
    assert_eq!(
        body,
        serde_json::json!({"name": "mock-created", "limit": 10.0})
    );
    let run = mock.run(&["keys", "create", "x", "--limit", "-1"]);
    run.expect_code(2);
    assert!(run.stderr.contains("0 or more"), "{}", run.stderr);
}

#[test]
fn byok_add_reads_the_provider_key_from_stdin_and_never_prints_it() {
    let mock = Mock::start();
    let secret = "sk-proj-NEWKEYabcdefghijklmnopqrstu";
    let run = mock.run_with_stdin(&["byok", "add", "openai", "--name", "prod"], secret);
    run.expect_code(0);
    assert!(!run.stdout.contains(secret) && !run.stderr.contains(secret));
    let body = mock.requests()[0].body_json().unwrap();
    assert_eq!(body["key"], secret);
    assert_eq!(body["provider"], "openai");
    let run = mock.run_with_stdin(&["byok", "add", "openai"], "  \n");
    run.expect_code(2);
    assert!(run.stderr.contains("no provider key"), "{}", run.stderr);
}

#[test]
fn byok_list_and_activity_print_tables_or_json() {
    let mock = Mock::start();
    let run = mock.run(&["byok", "list"]);
    run.expect_code(0);
    assert!(run.stdout.starts_with("PROVIDER"), "{}", run.stdout);
    let run = mock.run(&["activity", "--json"]);
    run.expect_code(0);
    let items: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert!(items.as_array().is_some_and(|a| !a.is_empty()), "{items}");
    let run = mock.run(&["activity", "--date", "2025-08-24"]);
    run.expect_code(0);
    assert!(run.stdout.starts_with("DATE"), "{}", run.stdout);
    assert_eq!(
        mock.requests().last().unwrap().query_param("date"),
        Some("2025-08-24")
    );
}
