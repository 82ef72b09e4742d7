//! Typed answers and tool arguments: parse errors name their JSON path and keep the text,
//! refusals are their own error, and strict schemas from Rust types hold strict mode's rules.

use openrouter_types::structured::ParseError;
use openrouter_types::{ChatCompletion, ToolCall};
use serde::Deserialize;
use serde_json::json;

#[derive(Debug, Deserialize, PartialEq, schemars::JsonSchema)]
struct Forecast {
    city: String,
    days: Vec<Day>,
    note: Option<String>,
}

#[derive(Debug, Deserialize, PartialEq, schemars::JsonSchema)]
struct Day {
    high: f64,
    low: f64,
    sky: Sky,
}

#[derive(Debug, Deserialize, PartialEq, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
enum Sky {
    Clear,
    Rain,
}

fn completion(message: &serde_json::Value) -> ChatCompletion {
    serde_json::from_value(json!({
        "id": "gen-1", "object": "chat.completion", "created": 1, "model": "m",
        "choices": [{"index": 0, "finish_reason": "stop", "message": message}]
    }))
    .unwrap()
}

#[test]
fn a_valid_answer_parses() {
    let text = r#"{"city":"Lisbon","days":[{"high":21.5,"low":14,"sky":"clear"}],"note":null}"#;
    let forecast: Forecast = completion(&json!({"role": "assistant", "content": text}))
        .parse()
        .unwrap();
    assert_eq!(forecast.days[0].sky, Sky::Clear);
    assert_eq!(forecast.note, None);
}

#[test]
fn parse_errors_name_the_json_path_and_keep_the_text() {
    // (answer, path that fails)
    let cases = [
        (
            r#"{"city":"Lisbon","days":[{"high":21,"low":14,"sky":"snow"}],"note":null}"#,
            "days[0].sky",
        ),
        (
            r#"{"city":"Lisbon","days":[{"high":"hot","low":14,"sky":"rain"}],"note":null}"#,
            "days[0].high",
        ),
        (r#"{"city":7,"days":[],"note":null}"#, "city"),
        (
            r#"{"city":"Lisbon","days":[{"high":1,"low":2,"sky":"rain"},{"high":1,"sky":"rain"}],"note":null}"#,
            "days[1]",
        ),
        (r#"{"city":"Lisbon","days":[],"note":null} and more"#, "."),
    ];
    for (text, path) in cases {
        let error = completion(&json!({"role": "assistant", "content": text}))
            .parse::<Forecast>()
            .unwrap_err();
        let ParseError::Json(json_error) = &error else {
            panic!("{text}: expected a JSON error, got {error:?}");
        };
        assert_eq!(json_error.path(), path, "{text}");
        assert_eq!(json_error.raw(), text);
        assert!(error.to_string().contains(&format!("`{path}`")), "{error}");
    }
}

#[test]
fn a_refusal_and_a_tool_turn_are_their_own_errors() {
    let refused = completion(
        &json!({"role": "assistant", "content": null, "refusal": "I can't help with that."}),
    );
    assert_eq!(
        refused.parse::<Forecast>(),
        Err(ParseError::Refusal("I can't help with that.".to_owned()))
    );
    let tool_turn = completion(&json!({"role": "assistant", "content": "", "tool_calls": [
        {"id": "c1", "type": "function", "function": {"name": "f", "arguments": "{}"}}]}));
    assert_eq!(tool_turn.parse::<Forecast>(), Err(ParseError::NoContent));
}

#[test]
fn responses_and_messages_results_parse_too() {
    let response: openrouter_types::Response = serde_json::from_value(json!({
        "id": "resp-1", "object": "response", "created_at": 1, "model": "m", "status": "completed",
        "output": [{"type": "message", "id": "msg-1", "role": "assistant", "status": "completed",
            "content": [{"type": "output_text", "text": "{\"high\":1,\"low\":0,\"sky\":\"rain\"}", "annotations": []}]}]
    }))
    .unwrap();
    assert_eq!(response.parse::<Day>().unwrap().sky, Sky::Rain);

    let message: openrouter_types::messages::MessagesResponse = serde_json::from_value(json!({
        "id": "msg_1", "type": "message", "role": "assistant", "model": "m",
        "content": [{"type": "text", "text": "{\"high\":1,\"low\":\"x\",\"sky\":\"rain\"}"}],
        "stop_reason": "end_turn", "usage": {"input_tokens": 1, "output_tokens": 1}
    }))
    .unwrap();
    let Err(ParseError::Json(e)) = message.parse::<Day>() else {
        panic!("expected a JSON error");
    };
    assert_eq!(e.path(), "low");
}

#[test]
fn tool_arguments_omitted_or_empty_read_as_an_empty_object() {
    #[derive(Debug, Deserialize, PartialEq)]
    struct Args {
        #[serde(default)]
        limit: Option<u32>,
    }
    for arguments in [None, Some(""), Some("  "), Some("{}")] {
        let mut call = ToolCall::function("c1", "list", "");
        call.function.arguments = arguments.map(str::to_owned);
        assert_eq!(
            call.parse_arguments::<Args>(),
            Ok(Args { limit: None }),
            "{arguments:?}"
        );
    }
    let bad = ToolCall::function("c1", "list", r#"{"limit":-1}"#);
    let Err(ParseError::Json(e)) = bad.parse_arguments::<Args>() else {
        panic!("expected a JSON error");
    };
    assert_eq!(e.path(), "limit");
}

#[test]
fn strict_schemas_follow_strict_mode_rules_in_declaration_order() {
    let schema = openrouter_types::structured::strict_schema_for::<Forecast>();
    assert_eq!(
        schema,
        json!({
            "title": "Forecast",
            "type": "object",
            "properties": {
                "city": {"type": "string"},
                "days": {"type": "array", "items": {
                    "type": "object",
                    "properties": {
                        "high": {"type": "number"},
                        "low": {"type": "number"},
                        "sky": {"type": "string", "enum": ["clear", "rain"]}
                    },
                    "required": ["high", "low", "sky"],
                    "additionalProperties": false
                }},
                "note": {"type": ["string", "null"]}
            },
            "required": ["city", "days", "note"],
            "additionalProperties": false
        })
    );
    let keys: Vec<&String> = schema["properties"].as_object().unwrap().keys().collect();
    assert_eq!(keys, ["city", "days", "note"]);
    let format = openrouter_types::chat::ResponseFormat::json_schema_for::<Vec<Day>>();
    assert_eq!(format.json_schema.as_ref().unwrap().name, "Array_of_Day");
}
