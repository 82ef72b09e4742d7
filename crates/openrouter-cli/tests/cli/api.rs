//! `openrouter api`: any endpoint from the shell, with the library's auth and errors.

use crate::support::{KEY, Mock};

#[test]
fn a_get_prints_the_answer_as_compact_json_when_piped() {
    let mock = Mock::start();
    let run = mock.run(&["api", "/key"]);
    run.expect_code(0);
    assert_eq!(run.stdout.lines().count(), 1, "{}", run.stdout);
    let value: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert!(value["data"]["label"].is_string(), "{value}");
    let requests = mock.requests();
    assert_eq!(requests.len(), 1);
    assert_eq!(
        requests[0].header("authorization"),
        Some(format!("Bearer {KEY}").as_str())
    );
}

#[test]
fn fields_become_the_json_body_of_a_write_in_the_order_given() {
    let mock = Mock::start();
    let run = mock.run(&[
        "api",
        "-X",
        "POST",
        "/keys",
        "-f",
        "name=mock-created",
        "-F",
        "limit=10",
        "-f",
        "limit_reset=monthly",
        "--management",
    ]);
    run.expect_code(0);
    let requests = mock.requests();
    assert_eq!(requests[0].method(), "POST");
    assert_eq!(
        std::str::from_utf8(requests[0].body()).unwrap(),
        r#"{"name":"mock-created","limit":10,"limit_reset":"monthly"}"#,
        "the fields in the order given, -F typed"
    );
    assert!(run.stdout.contains("\"hash\""), "{}", run.stdout);
}

#[test]
fn fields_of_a_read_become_its_query() {
    let mock = Mock::start();
    let run = mock.run(&[
        "api",
        "/generation",
        "-f",
        "id=gen-1764115200-q7LmX2vR9sTnB4wYc8Ke",
    ]);
    run.expect_code(0);
    assert_eq!(
        mock.requests()[0].query_param("id"),
        Some("gen-1764115200-q7LmX2vR9sTnB4wYc8Ke")
    );
}

#[test]
fn bad_input_is_a_usage_error_and_api_errors_keep_their_code() {
    let mock = Mock::start();
    let run = mock.run(&["api", "-X", "NOT A METHOD", "/key"]);
    run.expect_code(2);
    assert!(run.stderr.contains("invalid method"), "{}", run.stderr);
    let run = mock.run(&["api", "/key", "-f", "novalue"]);
    run.expect_code(2);
    assert!(run.stderr.contains("KEY=VALUE"), "{}", run.stderr);
    let run = mock.run(&["api", "/no/such/route"]);
    run.expect_code(1);
    assert!(run.stderr.contains("404"), "{}", run.stderr);
    assert!(mock.requests().len() == 1, "usage errors send nothing");
}
