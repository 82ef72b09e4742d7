//! `openrouter chat --schema FILE`: the schema on the wire as a strict `json_schema` response
//! format in the file's property order, the answer printed only once it validates, exit code 7
//! with the JSON path and the raw answer otherwise.

use serde_json::json;

use crate::support::{Mock, scratch_dir};

const MODEL: &str = "openai/gpt-4o-2024-08-06";

/// The fixture answers `{"city":"Lisbon","temperature_c":21,"conditions":"sunny"}`.
fn schema(temperature_type: &str) -> String {
    // Properties deliberately not in alphabetical order: the wire must keep this order.
    format!(
        r#"{{
  "title": "weather",
  "type": "object",
  "properties": {{
    "city": {{"type": "string"}},
    "temperature_c": {{"type": "{temperature_type}"}},
    "conditions": {{"type": "string"}}
  }},
  "required": ["city", "temperature_c", "conditions"],
  "additionalProperties": false
}}"#
    )
}

fn write_schema(test: &str, text: &str) -> String {
    let path = scratch_dir(test).join("weather.schema.json");
    std::fs::write(&path, text).expect("the schema is written");
    path.to_string_lossy().into_owned()
}

#[test]
fn a_valid_answer_is_printed_as_json() {
    let mock = Mock::start();
    let path = write_schema("schema-valid", &schema("integer"));
    let run = mock.run(&[
        "chat",
        "--model",
        MODEL,
        "--schema",
        &path,
        "Weather in Lisbon as JSON",
    ]);
    run.expect_code(0);
    let printed: serde_json::Value = serde_json::from_str(&run.stdout).expect("stdout is JSON");
    assert_eq!(
        printed,
        json!({"city": "Lisbon", "temperature_c": 21, "conditions": "sunny"})
    );

    let sent = &mock.requests()[0];
    // Checked whole: no streaming.
    assert_eq!(sent.body_field("stream"), None);
    let format = sent
        .body_field("response_format")
        .expect("a response format");
    assert_eq!(format["type"], "json_schema");
    assert_eq!(format["json_schema"]["name"], "weather");
    assert_eq!(format["json_schema"]["strict"], true);
    assert_eq!(format["json_schema"]["schema"]["required"][2], "conditions");
    // The property order of the file, on the wire byte for byte.
    let body = String::from_utf8_lossy(sent.body()).into_owned();
    let city = body.find("\"city\":{").expect("city");
    let temperature = body.find("\"temperature_c\":{").expect("temperature_c");
    let conditions = body.find("\"conditions\":{").expect("conditions");
    assert!(city < temperature && temperature < conditions, "{body}");
}

#[test]
fn an_invalid_answer_is_an_error_with_its_path_and_the_raw_answer() {
    let mock = Mock::start();
    let path = write_schema("schema-invalid", &schema("string"));
    let run = mock.run(&["chat", "--model", MODEL, "--schema", &path, "Weather?"]);
    run.expect_code(7);
    assert_eq!(run.stdout, "", "nothing unvalidated reaches stdout");
    assert!(
        run.stderr
            .contains("the answer does not match the schema: at /temperature_c:"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains(r#"{"city":"Lisbon","temperature_c":21,"conditions":"sunny"}"#),
        "the raw answer: {}",
        run.stderr
    );
}

#[test]
fn an_answer_that_is_not_json_is_an_error() {
    // Any other model gets the demo answer, which is prose.
    let mock = Mock::start();
    let path = write_schema("schema-prose", &schema("integer"));
    let run = mock.run(&["chat", "--schema", &path, "Weather?"]);
    run.expect_code(7);
    assert!(run.stderr.contains("it is not JSON"), "{}", run.stderr);
    assert!(
        run.stderr.contains("Hello from the OpenRouter mock"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_tool_call_answer_is_shown_as_one() {
    let mock = Mock::start();
    let path = write_schema("schema-tool", &schema("integer"));
    let model = "mistralai/mistral-small-3.2-24b-instruct";
    let run = mock.run(&[
        "chat",
        "--model",
        model,
        "--schema",
        &path,
        "Weather in Lisbon?",
    ]);
    run.expect_code(7);
    assert!(
        run.stdout.starts_with("tool call: get_weather"),
        "{}",
        run.stdout
    );
    assert!(
        run.stderr.contains("the answer is a tool call"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_bad_schema_file_is_a_usage_error_naming_it() {
    let mock = Mock::start();
    for (test, text, why) in [
        ("schema-not-json", "{\"type\": ", "it is not JSON"),
        (
            "schema-not-schema",
            "{\"type\": 12}",
            "not a valid JSON Schema",
        ),
        ("schema-array", "[]", "a JSON Schema is an object"),
    ] {
        let path = write_schema(test, text);
        let run = mock.run(&["chat", "--schema", &path, "hi"]);
        run.expect_code(2);
        assert!(run.stderr.contains(&path), "{}", run.stderr);
        assert!(run.stderr.contains(why), "{}", run.stderr);
    }
    let run = mock.run(&["chat", "--schema", "/nonexistent/s.json", "hi"]);
    run.expect_code(2);
    assert!(mock.requests().is_empty(), "nothing is sent");
}
