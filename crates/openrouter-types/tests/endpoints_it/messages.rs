//! The Anthropic Messages API (`POST /messages`, `POST /presets/{slug}/messages`):
//! our fixtures round-trip through the types, their streams fold into the
//! expected message, and the spec's own examples decode.

use std::fs;
use std::path::Path;

use openrouter_sse::{Frame, Parser};
use openrouter_types::messages::{
    BlockDelta, ContentBlock, MessageParam, MessagesAccumulator, MessagesErrorResponse,
    MessagesErrorType, MessagesRequest, MessagesResponse, MessagesStreamEvent,
    MessagesStreamOutcome, MessagesStreamResult, StopReason, Tool,
};
use openrouter_types::{Data, ErrorResponse};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};

use crate::kinds::shared_dir;
use crate::support::{diff, fixtures_dir};

/// The exchanges of this area, by name.
const FIXTURES: &[&str] = &[
    "messages/create",
    "messages/error_400",
    "messages/stream",
    "messages/stream_error",
    "messages/stream_truncated",
    "presets/messages",
];

fn exchange(name: &str) -> Value {
    let path = fixtures_dir().join(format!("{name}.json"));
    let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// `value` without its `null`-valued keys: the crate decodes `null` and an
/// absent key alike and leaves `None` out (the documented equivalence).
fn without_nulls(value: &Value) -> Value {
    match value {
        Value::Object(map) => Value::Object(
            map.iter()
                .filter(|(_, v)| !v.is_null())
                .map(|(k, v)| (k.clone(), without_nulls(v)))
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.iter().map(without_nulls).collect()),
        other => other.clone(),
    }
}

/// Decodes `value` as `T`, encodes it back and requires the same JSON text
/// (key order included), `null` keys aside.
#[track_caller]
fn round_trip<T: DeserializeOwned + Serialize>(what: &str, value: &Value) -> T {
    let typed: T = serde_path_to_error::deserialize(value.clone())
        .unwrap_or_else(|e| panic!("{what}: decode failed at {}: {}", e.path(), e.inner()));
    let back = serde_json::to_value(&typed).expect("encode");
    assert_eq!(
        serde_json::to_string(&without_nulls(&back)).unwrap(),
        serde_json::to_string(&without_nulls(value)).unwrap(),
        "{what}: the round trip changed the JSON"
    );
    typed
}

/// [`round_trip`] for the spec's examples, whose keys the YAML sorted:
/// compared by JSON path, not by text.
#[track_caller]
fn round_trip_any_order<T: DeserializeOwned + Serialize>(what: &str, value: &Value) -> T {
    let typed: T = serde_path_to_error::deserialize(value.clone())
        .unwrap_or_else(|e| panic!("{what}: decode failed at {}: {}", e.path(), e.inner()));
    let back = serde_json::to_value(&typed).expect("encode");
    let differences = diff(value, &back);
    assert!(differences.is_empty(), "{what}: {differences:#?}");
    typed
}

/// Every SSE event of a body: `(event line, data)`, and whether the body ended cleanly.
fn sse_events(bytes: &[u8]) -> (Vec<(Option<String>, String)>, bool) {
    let mut parser = Parser::new();
    parser.feed(bytes);
    let mut events = Vec::new();
    while let Some(frame) = parser.next_frame() {
        if let Frame::Event(event) = frame.expect("the SSE parser rejected a fixture") {
            events.push((event.event_type().map(str::to_owned), event.into_data()));
        }
    }
    (events, parser.finish().is_clean())
}

fn sse_body(name: &str) -> Vec<u8> {
    let exchange = exchange(name);
    let file = exchange["response"]["body_file"]
        .as_str()
        .unwrap_or_else(|| panic!("{name} has no body_file"));
    let dir = fixtures_dir().join(Path::new(name).parent().unwrap());
    fs::read(dir.join(file)).unwrap()
}

fn decode_events(name: &str) -> Vec<MessagesStreamEvent> {
    let (events, _) = sse_events(&sse_body(name));
    events
        .iter()
        .enumerate()
        .map(|(i, (event_line, data))| {
            let value: Value = serde_json::from_str(data)
                .unwrap_or_else(|e| panic!("{name} event #{i} is not JSON: {e}"));
            let event: MessagesStreamEvent = round_trip(&format!("{name} event #{i}"), &value);
            assert!(
                !matches!(event, MessagesStreamEvent::Other(_)),
                "{name} event #{i} is not modelled: {data}"
            );
            if let MessagesStreamEvent::ContentBlockDelta(delta) = &event {
                assert!(
                    !matches!(delta.delta, BlockDelta::Other(_)),
                    "{name} event #{i}: delta kind not modelled"
                );
            }
            assert_eq!(
                event_line.as_deref(),
                Some(event.event_type()),
                "{name} event #{i}: the `event:` line names the data's type"
            );
            event
        })
        .collect()
}

fn fold(name: &str) -> MessagesStreamResult {
    let mut acc = MessagesAccumulator::new();
    for event in decode_events(name) {
        acc.push(&event);
    }
    acc.finish()
}

#[test]
fn every_fixture_round_trips() {
    for name in FIXTURES {
        let exchange = exchange(name);
        let request = &exchange["request"];
        let path = request["path"].as_str().unwrap();
        assert!(
            path == "/api/v1/messages"
                || (path.starts_with("/api/v1/presets/") && path.ends_with("/messages")),
            "{name}: {path}"
        );
        let body = round_trip::<MessagesRequest>(&format!("{name} request"), &request["body"]);
        let streaming = body.stream == Some(true);
        let response = &exchange["response"];
        let status = response["status"].as_u64().unwrap();
        if !(200..300).contains(&status) {
            let error: MessagesErrorResponse =
                round_trip(&format!("{name} error"), &response["body"]);
            assert_eq!(error.kind, "error");
            // A generic error path (OpenRouter's envelope) still reads the message.
            let generic: ErrorResponse = serde_json::from_value(response["body"].clone()).unwrap();
            assert_eq!(generic.error.message, error.error.message);
        } else if path.starts_with("/api/v1/presets/") {
            // The preset answer is the presets area's type; check its envelope only.
            let preset: Data<Value> = serde_json::from_value(response["body"].clone()).unwrap();
            assert_eq!(preset.data["slug"], "my-preset");
        } else if streaming {
            assert_eq!(response["headers"]["content-type"], "text/event-stream");
            assert!(!decode_events(name).is_empty(), "{name}: no events");
        } else {
            round_trip::<MessagesResponse>(&format!("{name} response"), &response["body"]);
        }
    }
}

#[test]
fn stream_folds_into_the_final_message() {
    let result = fold("messages/stream");
    assert_eq!(
        result.outcome,
        MessagesStreamOutcome::Completed {
            stop_reason: Some(StopReason::ToolUse)
        }
    );
    let message = &result.message;
    assert_eq!(message.id, "msg_01Hx3sPqW8mN2vK7tRzY5cLd");
    assert_eq!(
        message.text(),
        "I'll check the current weather in Paris for you."
    );
    assert_eq!(
        message.thinking(),
        "The user wants the current weather in Paris. I should call get_weather with city \"Paris\"."
    );
    let thinking = message.thinking_blocks().next().unwrap();
    assert!(thinking.signature.as_deref().unwrap().starts_with("EqMB"));
    let calls: Vec<_> = message.tool_uses().collect();
    assert_eq!(calls.len(), 1);
    assert_eq!(calls[0].name, "get_weather");
    assert_eq!(
        calls[0].input,
        json!({"city": "Paris", "unit": "celsius", "region": "Île-de-France ☀"})
    );
    assert_eq!(
        result.tool_inputs[0].json,
        r#"{"city": "Paris", "unit": "celsius", "region": "Île-de-France ☀"}"#,
        "the exact bytes of the fragments"
    );
    assert_eq!(message.usage.input_tokens, Some(412));
    assert_eq!(message.usage.output_tokens, Some(96));
    assert_eq!(
        message
            .usage
            .output_tokens_details
            .as_ref()
            .and_then(|d| d.thinking_tokens),
        Some(31)
    );
    assert_eq!(message.usage.service_tier.as_deref(), Some("standard"));
    assert_eq!(
        message.provider.as_ref().map(|p| p.as_str()),
        Some("Anthropic")
    );
    assert!(result.ignored.is_empty(), "{:?}", result.ignored);

    // The assembled message is a valid non-streaming answer, and can be sent back.
    let encoded = serde_json::to_value(message).unwrap();
    round_trip::<MessagesResponse>("folded message", &encoded);
    insta::assert_json_snapshot!("messages_stream_final_message", encoded);
    let next = MessagesRequest::new(
        "anthropic/claude-sonnet-4.5",
        vec![
            MessageParam::user("What's the weather in Paris right now?"),
            MessageParam::from(message.clone()),
            MessageParam::user(vec![ContentBlock::tool_result(
                calls[0].id.clone(),
                r#"{"temp_c": 18}"#,
            )]),
        ],
    );
    let sent = serde_json::to_value(&next).unwrap();
    assert_eq!(sent["messages"][1]["content"][0]["type"], "thinking");
    assert_eq!(
        sent["messages"][1]["content"][2]["input"]["city"],
        json!("Paris")
    );
}

#[test]
fn stream_error_folds_into_an_errored_outcome_with_the_partial_message() {
    let result = fold("messages/stream_error");
    let MessagesStreamOutcome::Errored(error) = &result.outcome else {
        panic!("{:?}", result.outcome);
    };
    assert_eq!(error.kind, MessagesErrorType::OverloadedError);
    assert_eq!(error.message, "Overloaded");
    assert_eq!(
        error.error_type.as_ref().map(|t| t.as_str()),
        Some("provider_overloaded")
    );
    assert_eq!(
        result.message.text(),
        "Here is a long answer that starts well"
    );
    assert_eq!(result.message.stop_reason, None);
    assert_eq!(result.message.model, "anthropic/claude-opus-4.1");
}

#[test]
fn stream_truncated_folds_into_an_incomplete_outcome_with_the_raw_input() {
    let (_, clean) = sse_events(&sse_body("messages/stream_truncated"));
    assert!(!clean, "the fixture ends mid-event");
    let result = fold("messages/stream_truncated");
    assert_eq!(result.outcome, MessagesStreamOutcome::Incomplete);
    assert_eq!(result.message.text(), "Searching the docs.");
    let call = result.message.tool_uses().next().unwrap();
    assert_eq!(call.name, "search_docs");
    assert_eq!(call.input, json!({}), "the cut input cannot be parsed");
    let raw = &result.tool_inputs[0];
    assert_eq!(raw.json, r#"{"query": "serde flatten enums", "li"#);
    assert!(raw.error.is_some());
    assert_eq!(result.message.usage.input_tokens, Some(96));
}

#[test]
fn folding_does_not_depend_on_how_the_bytes_were_split() {
    let body = sse_body("messages/stream");
    let whole = fold("messages/stream");
    let mut parser = Parser::new();
    let mut acc = MessagesAccumulator::new();
    for byte in &body {
        parser.feed(std::slice::from_ref(byte));
        while let Some(frame) = parser.next_frame() {
            if let Frame::Event(event) = frame.unwrap() {
                acc.push(&serde_json::from_str(event.data()).unwrap());
            }
        }
    }
    assert!(parser.finish().is_clean());
    assert_eq!(acc.finish(), whole);
}

#[test]
fn unknown_fields_blocks_events_and_values_survive() {
    let message = json!({
        "id": "msg_x", "type": "message", "role": "assistant",
        "content": [
            {"type": "text", "text": "Found it.", "citations": [{"type": "web_search_result_location", "url": "https://example.com"}], "glow": true},
            {"type": "web_search_tool_result", "tool_use_id": "srvtoolu_1", "content": []},
            {"type": "server_tool_use", "id": "srvtoolu_1", "name": "web_search", "input": {"query": "q"}}
        ],
        "model": "anthropic/claude-sonnet-4.5", "stop_reason": "brand_new_reason",
        "stop_sequence": null, "usage": {"input_tokens": 1, "output_tokens": 2, "future_tokens": 3},
        "provider": "Brand New AI", "future_field": {"a": 1}
    });
    let decoded: MessagesResponse = round_trip("message with unknowns", &message);
    assert_eq!(
        decoded.stop_reason.as_ref().map(StopReason::as_str),
        Some("brand_new_reason")
    );
    assert!(decoded.stop_reason.as_ref().unwrap().is_unknown());
    assert!(matches!(decoded.content[1], ContentBlock::Other(_)));
    assert_eq!(decoded.content[1].kind(), "web_search_tool_result");
    assert_eq!(decoded.extra["future_field"], json!({"a": 1}));
    assert_eq!(decoded.usage.extra["future_tokens"], 3);

    for event in [
        json!({"type": "message_progress", "pct": 50}),
        json!({"type": "content_block_delta", "index": 3, "delta": {"type": "compaction_delta", "content": "x"}}),
        json!({"type": "content_block_start", "index": 0, "content_block": {"type": "compaction", "content": null}}),
        json!({"type": "message_stop", "openrouter_metadata": {"pipeline": []}, "extra_key": 1}),
        json!({"type": "error", "error": {"type": "brand_new_error", "message": "m", "detail": 1}}),
    ] {
        round_trip::<MessagesStreamEvent>("event with unknowns", &event);
    }

    let request = json!({
        "model": "x/y", "messages": [{"role": "user", "content": [
            {"type": "tool_reference", "tool_name": "t"},
            {"type": "image", "source": {"type": "base64", "media_type": "image/png", "data": "iVBORw0KGgo="}},
            {"type": "document", "source": {"type": "file", "file_id": "file_1"}, "title": "Spec"}
        ]}],
        "thinking": {"type": "adaptive", "display": "summarized"},
        "tools": [
            {"type": "custom", "name": "a", "input_schema": {"type": "object"}, "strict": true},
            {"type": "openrouter:web_search", "parameters": {"max_results": 3}}
        ],
        "tool_choice": {"type": "tool", "name": "a", "disable_parallel_tool_use": true},
        "route": "fallback"
    });
    let decoded: MessagesRequest = round_trip("request with unknowns", &request);
    let tools = decoded.tools.as_deref().unwrap();
    assert!(matches!(&tools[0], Tool::Custom(t) if t.extra["strict"] == true));
    assert!(matches!(&tools[1], Tool::Server(t) if t.kind == "openrouter:web_search"));
    assert_eq!(decoded.extra["route"], "fallback");
}

/// The spec's examples for this route decode to modelled variants and round-trip.
#[test]
fn the_spec_examples_decode() {
    let Some(dir) = shared_dir("") else {
        return;
    };
    let text = fs::read_to_string(dir.join("openrouter-openapi.yaml")).unwrap();
    let spec: Value = serde_norway::from_str(&text).unwrap();
    let schemas = &spec["components"]["schemas"];
    let example = |name: &str| -> Value { schemas[name]["example"].clone() };
    round_trip_any_order::<MessagesRequest>("MessagesRequest example", &example("MessagesRequest"));
    let post = &spec["paths"]["/messages"]["post"];
    round_trip_any_order::<MessagesRequest>(
        "POST /messages request example",
        &post["requestBody"]["content"]["application/json"]["example"],
    );
    round_trip_any_order::<MessagesRequest>(
        "POST /presets/{slug}/messages request example",
        &spec["paths"]["/presets/{slug}/messages"]["post"]["requestBody"]["content"]["application/json"]
            ["example"],
    );
    for name in ["MessagesResult", "BaseMessagesResult"] {
        round_trip_any_order::<MessagesResponse>(name, &example(name));
    }
    round_trip_any_order::<MessagesResponse>(
        "POST /messages 200 example",
        &post["responses"]["200"]["content"]["application/json"]["example"],
    );
    for name in [
        "MessagesStartEvent",
        "MessagesContentBlockStartEvent",
        "MessagesContentBlockDeltaEvent",
        "MessagesContentBlockStopEvent",
        "MessagesDeltaEvent",
        "MessagesStopEvent",
        "MessagesPingEvent",
        "MessagesErrorEvent",
    ] {
        let event: MessagesStreamEvent = round_trip_any_order(name, &example(name));
        assert!(!matches!(event, MessagesStreamEvent::Other(_)), "{name}");
    }
    round_trip_any_order::<MessagesErrorResponse>(
        "AnthropicMessagesErrorResponse",
        &example("AnthropicMessagesErrorResponse"),
    );
    for (status, response) in post["responses"].as_object().unwrap() {
        let content = &response["content"]["application/json"];
        let examples: Vec<&Value> = match content.get("examples") {
            Some(named) => named
                .as_object()
                .unwrap()
                .values()
                .map(|e| &e["value"])
                .collect(),
            None => vec![&content["example"]],
        };
        if status.starts_with('2') {
            continue;
        }
        for example in examples {
            round_trip_any_order::<MessagesErrorResponse>(
                &format!("POST /messages {status}"),
                example,
            );
        }
    }
}
