//! The stream accumulator over every captured and fixture stream, snapshotted.
//!
//! Each stream gives one YAML snapshot (`snapshots/chat_it__accumulator__<name>.snap`)
//! of the final message, tool calls, usage and outcome. Long strings (base64
//! images, encrypted reasoning) are abbreviated with their byte length.

use openrouter_types::chat::ReasoningDetail;
use openrouter_types::response::FinishReason;
use openrouter_types::{ChatChunk, StreamAccumulator, StreamOutcome};
use serde::Serialize;
use serde_json::{Value, json};

use crate::support;

#[derive(Serialize)]
struct Summary {
    chunks: u64,
    outcome: Value,
    id: String,
    model: String,
    provider: Option<String>,
    choices: Vec<Value>,
    usage: Value,
}

fn accumulate(bytes: &[u8]) -> StreamAccumulator {
    let mut acc = StreamAccumulator::new();
    for data in support::sse_payloads(bytes) {
        let chunk: ChatChunk = serde_json::from_str(&data).expect("chunk decodes");
        acc.push(chunk);
    }
    acc
}

fn outcome_value(outcome: &StreamOutcome) -> Value {
    match outcome {
        StreamOutcome::Completed { finish_reason } => json!({"completed": finish_reason.as_str()}),
        StreamOutcome::Errored(error) => json!({"errored": serde_json::to_value(error).unwrap()}),
        StreamOutcome::Incomplete => json!("incomplete"),
        other => json!(format!("{other:?}")),
    }
}

fn detail_value(detail: &ReasoningDetail) -> Value {
    support::abbreviate_value(&Value::Object(detail.as_map().clone()))
}

fn summarize(acc: StreamAccumulator) -> Summary {
    let chunks = acc.chunk_count();
    let result = acc.finish();
    let completion = result.completion;
    let choices = completion
        .choices
        .iter()
        .map(|choice| {
            let m = &choice.message;
            json!({
                "index": choice.index,
                "finish_reason": choice.finish_reason.as_ref().map(FinishReason::as_str),
                "native_finish_reason": choice.native_finish_reason,
                "content": m.text().map(support::abbreviate),
                "reasoning": m.reasoning.as_deref().map(support::abbreviate),
                "reasoning_details": m.reasoning_details.as_ref()
                    .map(|d| d.iter().map(detail_value).collect::<Vec<_>>()),
                "tool_calls": m.tool_calls.as_ref().map(|calls| calls.iter().map(|c| json!({
                    "id": c.id, "name": c.name(), "arguments": c.arguments(),
                })).collect::<Vec<_>>()),
                "annotations": m.annotations.as_ref()
                    .map(|a| support::abbreviate_value(&serde_json::to_value(a).unwrap())),
                "images": m.images.as_ref()
                    .map(|i| support::abbreviate_value(&serde_json::to_value(i).unwrap())),
                "error": choice.error.as_ref().map(|e| serde_json::to_value(e).unwrap()),
            })
        })
        .collect();
    Summary {
        chunks,
        outcome: outcome_value(&result.outcome),
        id: completion.id.to_string(),
        model: completion.model,
        provider: completion.provider.map(|p| p.to_string()),
        choices,
        usage: serde_json::to_value(&completion.usage).unwrap(),
    }
}

#[test]
fn accumulator_snapshots_every_stream() {
    let streams = support::chat_streams();
    for (name, bytes) in &streams {
        let summary = summarize(accumulate(bytes));
        insta::assert_yaml_snapshot!(name.as_str(), summary);
    }
    println!("{} streams accumulated", streams.len());
}

#[test]
fn accumulated_streams_decode_like_non_streaming_completions() {
    // The assembled completion is a valid `ChatCompletion` JSON: it survives
    // its own round trip, so callers can store or replay it.
    for (name, bytes) in support::chat_streams() {
        let completion = accumulate(&bytes).finish().completion;
        let value = serde_json::to_value(&completion).unwrap();
        let again: openrouter_types::ChatCompletion =
            serde_json::from_value(value.clone()).unwrap_or_else(|e| panic!("{name}: {e}"));
        support::assert_round_trip(&name, &value, &serde_json::to_value(&again).unwrap());
    }
}

#[test]
fn first_finish_reason_wins_and_usage_comes_from_its_chunk() {
    let mut acc = StreamAccumulator::new();
    let chunk = |v: Value| serde_json::from_value::<ChatChunk>(v).unwrap();
    acc.push(chunk(
        json!({"id":"g","choices":[{"index":0,"delta":{"content":"a"},"finish_reason":"length"}]}),
    ));
    acc.push(chunk(
        json!({"id":"g","choices":[{"index":0,"delta":{"content":""},"finish_reason":null}],
        "usage":{"prompt_tokens":1,"completion_tokens":1,"total_tokens":2}}),
    ));
    acc.push(chunk(
        json!({"id":"g","choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}),
    ));
    assert_eq!(acc.usage().and_then(|u| u.total_tokens), Some(2));
    assert_eq!(
        acc.outcome(),
        StreamOutcome::Completed {
            finish_reason: FinishReason::Length
        }
    );
}

#[test]
fn parallel_tool_calls_assemble_by_index_with_exact_argument_bytes() {
    let mut acc = StreamAccumulator::new();
    let chunk = |v: Value| serde_json::from_value::<ChatChunk>(v).unwrap();
    let call = |index: u32, id: Option<&str>, name: Option<&str>, args: &str| {
        let mut function = json!({"arguments": args});
        if let Some(name) = name {
            function["name"] = json!(name);
        }
        let mut call = json!({"index": index, "type": "function", "function": function});
        if let Some(id) = id {
            call["id"] = json!(id);
        }
        chunk(
            json!({"id":"g","choices":[{"index":0,"delta":{"content":null,"tool_calls":[call]},"finish_reason":null}]}),
        )
    };
    acc.push(call(0, Some("call_a"), Some("f"), ""));
    acc.push(call(1, Some("call_b"), Some("g"), ""));
    acc.push(call(0, None, None, "{\"x\": "));
    acc.push(call(1, None, None, "{ \"y\":2 }"));
    acc.push(call(0, None, None, "1.50}"));
    let result = acc.finish();
    let calls = result.completion.tool_calls();
    assert_eq!(calls.len(), 2);
    assert_eq!(
        (calls[0].id(), calls[0].name(), calls[0].arguments()),
        ("call_a", "f", "{\"x\": 1.50}")
    );
    assert_eq!(
        (calls[1].id(), calls[1].name(), calls[1].arguments()),
        ("call_b", "g", "{ \"y\":2 }")
    );
    assert_eq!(result.outcome, StreamOutcome::Incomplete);
}

#[test]
fn documented_mid_stream_error_is_errored_with_partial_content() {
    let mut acc = StreamAccumulator::new();
    let chunk = |v: Value| serde_json::from_value::<ChatChunk>(v).unwrap();
    acc.push(chunk(json!({"id":"g","choices":[{"index":0,"delta":{"content":"partial"},"finish_reason":null}]})));
    acc.push(chunk(json!({"id":"g","object":"chat.completion.chunk","created":1,"model":"openai/gpt-4o","provider":"OpenAI",
        "error":{"code":429,"message":"Rate limit exceeded","metadata":{"error_type":"rate_limit_exceeded"}},
        "choices":[{"index":0,"delta":{"content":""},"finish_reason":"error"}]})));
    let result = acc.finish();
    assert_eq!(result.completion.text(), Some("partial"));
    match result.outcome {
        StreamOutcome::Errored(error) => {
            assert_eq!(error.code_u16(), Some(429));
            assert_eq!(
                error.error_type().map(|t| t.as_str()),
                Some("rate_limit_exceeded")
            );
        }
        other => panic!("expected an error outcome, got {other:?}"),
    }
}

#[test]
fn bare_error_finish_reason_is_errored() {
    let mut acc = StreamAccumulator::new();
    acc.push(
        serde_json::from_value(
            json!({"id":"g","choices":[{"index":0,"delta":{},"finish_reason":"error"}]}),
        )
        .unwrap(),
    );
    assert!(matches!(acc.outcome(), StreamOutcome::Errored(_)));
}

#[test]
fn reasoning_details_merge_by_index_keeping_signature() {
    let mut acc = StreamAccumulator::new();
    let detail = |d: Value| {
        serde_json::from_value::<ChatChunk>(json!({"id":"g","choices":[{"index":0,
            "delta":{"reasoning_details":[d]},"finish_reason":null}]}))
        .unwrap()
    };
    acc.push(detail(json!({"type":"reasoning.text","text":"","signature":"","format":"anthropic-claude-v1","index":0})));
    acc.push(detail(
        json!({"type":"reasoning.text","text":"Think","format":"anthropic-claude-v1","index":0}),
    ));
    acc.push(detail(
        json!({"type":"reasoning.text","text":"ing.","format":"anthropic-claude-v1","index":0}),
    ));
    acc.push(detail(json!({"type":"reasoning.text","signature":"EtSig==","format":"anthropic-claude-v1","index":0})));
    acc.push(detail(
        json!({"type":"reasoning.encrypted","data":"gAAA","id":"rs_1","index":1}),
    ));
    let completion = acc.finish().completion;
    let details = completion
        .message()
        .unwrap()
        .reasoning_details
        .as_ref()
        .unwrap();
    assert_eq!(details.len(), 2);
    assert_eq!(details[0].text(), Some("Thinking."));
    assert_eq!(details[0].signature(), Some("EtSig=="));
    assert_eq!(details[1].data(), Some("gAAA"));
}
