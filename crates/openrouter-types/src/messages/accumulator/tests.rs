//! Unit tests of the Messages accumulator's invariants, one per rule.

use serde_json::{Value, json};

use super::*;
use crate::messages::MessagesErrorType;

fn event(value: Value) -> MessagesStreamEvent {
    serde_json::from_value(value).expect("a valid event")
}

fn fold(events: &[Value]) -> MessagesStreamResult {
    let mut acc = MessagesAccumulator::new();
    for value in events {
        acc.push(&event(value.clone()));
    }
    acc.finish()
}

fn start() -> Value {
    json!({"type": "message_start", "message": {
        "id": "msg_01", "type": "message", "role": "assistant", "content": [],
        "model": "anthropic/claude-sonnet-4.5", "stop_reason": null, "stop_sequence": null,
        "usage": {"input_tokens": 25, "output_tokens": 1, "cache_read_input_tokens": 7}
    }})
}

fn block_start(index: u32, block: Value) -> Value {
    let mut event = json!({"type": "content_block_start", "index": index});
    event["content_block"] = block;
    event
}

fn delta(index: u32, delta: Value) -> Value {
    let mut event = json!({"type": "content_block_delta", "index": index});
    event["delta"] = delta;
    event
}

fn text(index: u32, text: &str) -> Value {
    delta(index, json!({"type": "text_delta", "text": text}))
}

fn json_piece(index: u32, partial: &str) -> Value {
    delta(
        index,
        json!({"type": "input_json_delta", "partial_json": partial}),
    )
}

fn stop(index: u32) -> Value {
    json!({"type": "content_block_stop", "index": index})
}

fn tool_start(index: u32, id: &str) -> Value {
    block_start(
        index,
        json!({"type": "tool_use", "id": id, "name": "get_weather", "input": {}}),
    )
}

fn message_delta(stop_reason: &str, output_tokens: u64) -> Value {
    json!({"type": "message_delta", "delta": {"stop_reason": stop_reason, "stop_sequence": null},
           "usage": {"input_tokens": null, "output_tokens": output_tokens}})
}

fn message_stop() -> Value {
    json!({"type": "message_stop"})
}

#[test]
fn a_complete_stream_is_completed_with_text_thinking_tool_and_usage() {
    let result = fold(&[
        start(),
        block_start(
            0,
            json!({"type": "thinking", "thinking": "", "signature": ""}),
        ),
        delta(0, json!({"type": "thinking_delta", "thinking": "Paris, "})),
        delta(
            0,
            json!({"type": "thinking_delta", "thinking": "so the tool."}),
        ),
        delta(
            0,
            json!({"type": "signature_delta", "signature": "EqQBsig"}),
        ),
        stop(0),
        block_start(1, json!({"type": "text", "text": ""})),
        text(1, "Let me "),
        json!({"type": "ping"}),
        text(1, "check."),
        stop(1),
        tool_start(2, "toolu_01"),
        json_piece(2, ""),
        json_piece(2, "{\"city\":"),
        json_piece(2, " \"Paris\"}"),
        stop(2),
        message_delta("tool_use", 89),
        message_stop(),
    ]);
    assert_eq!(
        result.outcome,
        MessagesStreamOutcome::Completed {
            stop_reason: Some(StopReason::ToolUse)
        }
    );
    let message = &result.message;
    assert_eq!(message.id, "msg_01");
    assert_eq!(message.text(), "Let me check.");
    assert_eq!(message.thinking(), "Paris, so the tool.");
    let thinking = message.thinking_blocks().next().unwrap();
    assert_eq!(thinking.signature.as_deref(), Some("EqQBsig"));
    let call = message.tool_uses().next().unwrap();
    assert_eq!(
        (call.id.as_str(), call.name.as_str()),
        ("toolu_01", "get_weather")
    );
    assert_eq!(call.input, json!({"city": "Paris"}));
    assert_eq!(
        message.usage.input_tokens,
        Some(25),
        "a null in message_delta keeps the start's count"
    );
    assert_eq!(message.usage.output_tokens, Some(89));
    assert_eq!(message.usage.cache_read_input_tokens, Some(7));
    assert_eq!(result.tool_inputs.len(), 1);
    assert_eq!(result.tool_inputs[0].json, "{\"city\": \"Paris\"}");
    assert_eq!(result.tool_inputs[0].error, None);
    assert!(result.ignored.is_empty(), "{:?}", result.ignored);
}

#[test]
fn an_error_event_errors_the_stream_and_keeps_the_partial_message() {
    let result = fold(&[
        start(),
        block_start(0, json!({"type": "text", "text": ""})),
        text(0, "The answer is"),
        json!({"type": "error", "error": {"type": "overloaded_error", "message": "Overloaded",
               "error_type": "provider_overloaded"}}),
    ]);
    let MessagesStreamOutcome::Errored(error) = &result.outcome else {
        panic!("{:?}", result.outcome);
    };
    assert_eq!(error.kind, MessagesErrorType::OverloadedError);
    assert_eq!(error.message, "Overloaded");
    assert_eq!(result.message.text(), "The answer is");
    assert_eq!(result.message.stop_reason, None);
}

#[test]
fn an_error_wins_over_a_message_stop_and_the_first_error_is_kept() {
    let result = fold(&[
        start(),
        json!({"type": "error", "error": {"type": "api_error", "message": "first"}}),
        json!({"type": "error", "error": {"type": "api_error", "message": "second"}}),
        message_stop(),
    ]);
    let MessagesStreamOutcome::Errored(error) = &result.outcome else {
        panic!("{:?}", result.outcome);
    };
    assert_eq!(error.message, "first");
    assert_eq!(result.ignored.len(), 1, "the second error is kept aside");
}

#[test]
fn eof_before_message_stop_is_incomplete_with_the_partial_kept() {
    let result = fold(&[
        start(),
        block_start(0, json!({"type": "text", "text": ""})),
        text(0, "Half"),
        stop(0),
        tool_start(1, "toolu_02"),
        json_piece(1, "{\"city\": \"Pa"),
    ]);
    assert_eq!(result.outcome, MessagesStreamOutcome::Incomplete);
    assert_eq!(result.message.text(), "Half");
    let call = result.message.tool_uses().next().unwrap();
    assert_eq!(
        call.input,
        json!({}),
        "an unparsable input stays as it started"
    );
    let raw = &result.tool_inputs[0];
    assert_eq!((raw.index, raw.id.as_str()), (1, "toolu_02"));
    assert_eq!(raw.json, "{\"city\": \"Pa");
    assert!(raw.error.is_some());
}

#[test]
fn an_empty_stream_is_incomplete() {
    let result = MessagesAccumulator::new().finish();
    assert_eq!(result.outcome, MessagesStreamOutcome::Incomplete);
    assert_eq!(result.message.kind, "message");
    assert!(result.message.content.is_empty());
}

#[test]
fn an_unstopped_but_complete_tool_input_is_parsed_at_finish() {
    let result = fold(&[
        start(),
        tool_start(0, "toolu_03"),
        json_piece(0, "{\"a\":1}"),
    ]);
    assert_eq!(
        result.message.tool_uses().next().unwrap().input,
        json!({"a": 1})
    );
    assert_eq!(result.tool_inputs[0].error, None);
}

#[test]
fn input_json_is_the_exact_concatenation_of_many_fragments() {
    // Spaces, escapes, unicode (one character split over fragments is not
    // possible: fragments are JSON strings), numbers spelled as sent.
    let whole = "{ \"city\" : \"Zürich 🇨🇭\", \"quote\": \"say \\\"hi\\\"\\n\", \"n\": 1.50, \"list\": [1, 2,3] }";
    let mut events = vec![start(), tool_start(0, "toolu_04")];
    let chars: Vec<char> = whole.chars().collect();
    for piece in chars.chunks(3) {
        events.push(json_piece(0, &piece.iter().collect::<String>()));
    }
    events.extend([stop(0), message_delta("tool_use", 30), message_stop()]);
    assert!(events.len() > 30, "many fragments");
    let result = fold(&events);
    assert_eq!(result.tool_inputs[0].json, whole, "byte for byte");
    let input = &result.message.tool_uses().next().unwrap().input;
    assert_eq!(input["city"], "Zürich 🇨🇭");
    assert_eq!(input["quote"], "say \"hi\"\n");
    assert_eq!(input["n"], json!(1.50));
    assert_eq!(input["list"], json!([1, 2, 3]));
}

#[test]
fn an_empty_input_string_means_an_empty_object() {
    let result = fold(&[
        start(),
        block_start(
            0,
            json!({"type": "tool_use", "id": "toolu_05", "name": "now", "input": {"stale": true}}),
        ),
        json_piece(0, ""),
        json_piece(0, " "),
        stop(0),
        message_stop(),
    ]);
    assert_eq!(result.message.tool_uses().next().unwrap().input, json!({}));
    assert_eq!(result.tool_inputs[0].json, " ");
}

#[test]
fn a_tool_use_without_deltas_keeps_its_start_input() {
    let result = fold(&[
        start(),
        block_start(
            0,
            json!({"type": "tool_use", "id": "toolu_06", "name": "now", "input": {"tz": "UTC"}}),
        ),
        stop(0),
        message_stop(),
    ]);
    assert_eq!(
        result.message.tool_uses().next().unwrap().input,
        json!({"tz": "UTC"})
    );
    assert!(result.tool_inputs.is_empty());
}

#[test]
fn deltas_are_routed_by_index_not_by_arrival() {
    // Two tool calls and a text interleaved; indices decide where each piece goes.
    let result = fold(&[
        start(),
        block_start(2, json!({"type": "text", "text": ""})),
        tool_start(0, "toolu_a"),
        tool_start(1, "toolu_b"),
        json_piece(1, "{\"city\":"),
        json_piece(0, "{\"city\":"),
        text(2, "Both "),
        json_piece(0, "\"Oslo\"}"),
        json_piece(1, "\"Rome\"}"),
        text(2, "cities."),
        stop(1),
        stop(0),
        stop(2),
        message_stop(),
    ]);
    let message = &result.message;
    let kinds: Vec<&str> = message.content.iter().map(ContentBlock::kind).collect();
    assert_eq!(kinds, ["tool_use", "tool_use", "text"], "ordered by index");
    let calls: Vec<(&str, &Value)> = message
        .tool_uses()
        .map(|c| (c.id.as_str(), &c.input))
        .collect();
    assert_eq!(
        calls,
        [
            ("toolu_a", &json!({"city": "Oslo"})),
            ("toolu_b", &json!({"city": "Rome"}))
        ]
    );
    assert_eq!(message.text(), "Both cities.");
    let indices: Vec<u32> = result.tool_inputs.iter().map(|t| t.index).collect();
    assert_eq!(indices, [0, 1]);
}

#[test]
fn a_delta_without_a_start_opens_a_block_of_its_kind() {
    let result = fold(&[
        start(),
        text(0, "orphan"),
        delta(1, json!({"type": "thinking_delta", "thinking": "hm"})),
        json_piece(2, "{}"),
        message_stop(),
    ]);
    let kinds: Vec<&str> = result
        .message
        .content
        .iter()
        .map(ContentBlock::kind)
        .collect();
    assert_eq!(kinds, ["text", "thinking", "tool_use"]);
    assert_eq!(result.message.text(), "orphan");
}

#[test]
fn citations_are_appended_to_their_text_block() {
    let citation = json!({"type": "char_location", "cited_text": "sky is blue", "document_index": 0,
                          "document_title": null, "start_char_index": 0, "end_char_index": 11});
    let result = fold(&[
        start(),
        block_start(0, json!({"type": "text", "text": "", "citations": []})),
        delta(0, json!({"type": "citations_delta", "citation": citation})),
        text(0, "The sky is blue."),
        stop(0),
    ]);
    let ContentBlock::Text(block) = &result.message.content[0] else {
        panic!()
    };
    assert_eq!(block.citations.as_deref(), Some(&[citation][..]));
}

#[test]
fn unknown_events_and_misfit_deltas_are_kept_aside() {
    let result = fold(&[
        start(),
        json!({"type": "message_progress", "pct": 50}),
        block_start(0, json!({"type": "text", "text": ""})),
        json_piece(0, "{}"),
        delta(0, json!({"type": "compaction_delta", "content": "x"})),
        block_start(0, json!({"type": "text", "text": "again"})),
        stop(9),
        start(),
    ]);
    let kinds: Vec<&str> = result
        .ignored
        .iter()
        .map(MessagesStreamEvent::event_type)
        .collect();
    assert_eq!(
        kinds,
        [
            "message_progress",
            "content_block_delta",
            "content_block_delta",
            "content_block_start",
            "content_block_stop",
            "message_start"
        ]
    );
    assert_eq!(result.message.text(), "");
}

#[test]
fn message_delta_overrides_stop_fields_and_merges_usage() {
    let result = fold(&[
        start(),
        json!({"type": "message_delta", "delta": {"stop_reason": "stop_sequence", "stop_sequence": "END"},
               "usage": {"output_tokens": 10, "cost": 0.0012, "brand_new": 1}}),
        json!({"type": "message_delta", "delta": {"stop_reason": "max_tokens"},
               "usage": {"output_tokens": 12}}),
        message_stop(),
    ]);
    let message = &result.message;
    assert_eq!(message.stop_reason, Some(StopReason::MaxTokens));
    assert_eq!(message.stop_sequence.as_deref(), Some("END"));
    assert_eq!(message.usage.output_tokens, Some(12));
    assert_eq!(message.usage.input_tokens, Some(25));
    assert_eq!(message.usage.cost, Some(0.0012));
    assert_eq!(message.usage.extra["brand_new"], 1);
}

#[test]
fn snapshot_and_accessors_show_the_stream_so_far() {
    let mut acc = MessagesAccumulator::new();
    for value in [
        start(),
        block_start(0, json!({"type": "text", "text": ""})),
        text(0, "Hi"),
        tool_start(1, "toolu_07"),
        json_piece(1, "{\"x\""),
    ] {
        acc.push(&event(value));
    }
    assert_eq!(acc.event_count(), 5);
    assert_eq!(acc.text(), "Hi");
    assert_eq!(acc.tool_input_json(1), Some("{\"x\""));
    assert_eq!(acc.usage().input_tokens, Some(25));
    assert_eq!(acc.stop_reason(), None);
    assert_eq!(acc.outcome(), MessagesStreamOutcome::Incomplete);
    assert_eq!(acc.snapshot().text(), "Hi");
    acc.push(&event(json_piece(1, ":1}")));
    acc.push(&event(stop(1)));
    assert_eq!(
        acc.snapshot().tool_uses().next().unwrap().input,
        json!({"x": 1})
    );
}

#[test]
fn message_start_content_takes_the_first_indices() {
    let result = fold(&[
        json!({"type": "message_start", "message": {"id": "msg_p", "type": "message", "role": "assistant",
               "content": [{"type": "text", "text": "Prefilled "}], "model": "m", "usage": {}}}),
        text(0, "and continued"),
        message_stop(),
    ]);
    assert_eq!(result.message.text(), "Prefilled and continued");
}
