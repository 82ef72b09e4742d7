//! Decode → encode → compare, over every chat capture and chat fixture.
//!
//! Decoding must succeed for every file; the re-encoded value must equal the
//! input up to the two equivalences documented in `support::diff`.

use openrouter_types::error::is_error_value;
use openrouter_types::{ChatChunk, ChatCompletion, ChatRequest, ErrorResponse};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::support::{self, assert_round_trip};

/// Decodes `value` as `T` (naming the failing JSON path) and checks the round trip.
fn round_trip<T: DeserializeOwned + Serialize>(context: &str, value: &Value) -> T {
    let decoded: T = serde_path_to_error::deserialize(value)
        .unwrap_or_else(|e| panic!("{context}: decoding failed at {}: {}", e.path(), e.inner()));
    let encoded = serde_json::to_value(&decoded).unwrap();
    assert_round_trip(context, value, &encoded);
    decoded
}

#[test]
fn every_chat_completion_capture_round_trips() {
    let files = support::captures("chat_", ".json");
    for path in &files {
        let context = support::file_name(path);
        let value = support::read_json(path);
        let completion: ChatCompletion = round_trip(&context, &value);
        assert!(!completion.choices.is_empty(), "{context}: no choices");
    }
    println!("{} chat completion captures round-tripped", files.len());
}

#[test]
fn whitespace_prefixed_bodies_decode_from_bytes() {
    // serde_json skips leading whitespace itself: the client can decode the
    // padded body as it arrives, without trimming.
    for path in support::captures("chat_text_", ".json") {
        let bytes = std::fs::read(&path).unwrap();
        let completion: Result<ChatCompletion, _> = serde_json::from_slice(&bytes);
        assert!(
            completion.is_ok(),
            "{}: {:?}",
            path.display(),
            completion.err()
        );
    }
}

#[test]
fn every_error_capture_round_trips_and_is_detected() {
    let files = support::captures("error_", ".json");
    for path in &files {
        let context = support::file_name(path);
        let value = support::read_json(path);
        assert!(
            is_error_value(&value),
            "{context}: not recognised as an error body"
        );
        assert!(
            openrouter_types::error::is_error_body(&std::fs::read(path).unwrap()),
            "{context}: bytes not recognised as an error body"
        );
        let _: ErrorResponse = round_trip(&context, &value);
    }
    println!("{} error captures round-tripped", files.len());
}

#[test]
fn every_stream_chunk_round_trips() {
    let mut chunks = 0;
    for (name, bytes) in support::chat_streams() {
        for (i, data) in support::sse_payloads(&bytes).iter().enumerate() {
            let context = format!("{name} event {i}");
            let value: Value = serde_json::from_str(data)
                .unwrap_or_else(|e| panic!("{context}: payload is not JSON: {e}"));
            let _: ChatChunk = round_trip(&context, &value);
            chunks += 1;
        }
    }
    assert!(chunks > 0 || support::shared_dir().is_none());
    println!("{chunks} chunks round-tripped");
}

#[test]
fn every_chat_fixture_body_round_trips() {
    let dir = support::fixtures_dir().join("chat");
    let files = support::files(&dir, "", ".json");
    for path in &files {
        let context = format!("fixtures/chat/{}", support::file_name(path));
        let exchange = support::read_json(path);
        if let Some(body) = exchange.pointer("/request/body") {
            let _: ChatRequest = round_trip(&format!("{context} request"), body);
        }
        let response = &exchange["response"];
        let body = match (response.get("body"), response.get("body_text")) {
            (Some(body), _) => body.clone(),
            (None, Some(Value::String(text))) => match serde_json::from_str(text.trim_start()) {
                Ok(body) => body,
                Err(_) => continue, // an HTML page from the CDN: nothing to decode
            },
            _ => continue, // a `.sse` body, covered by the chunk test
        };
        if is_error_value(&body) {
            let _: ErrorResponse = round_trip(&format!("{context} response"), &body);
        } else {
            let _: ChatCompletion = round_trip(&format!("{context} response"), &body);
        }
    }
    println!("{} chat fixtures round-tripped", files.len());
}

#[test]
fn explicit_nulls_are_the_only_normalisation() {
    // The documented equivalence, asserted on a known case so a silent change
    // of convention fails here rather than hiding in the diff helper.
    let value: Value = serde_json::json!({
        "id": "gen-1", "object": "chat.completion", "created": 1, "model": "m",
        "system_fingerprint": null,
        "choices": [{"index": 0, "finish_reason": null, "logprobs": null,
                     "message": {"role": "assistant", "content": "hi", "refusal": null,
                                 "reasoning_details": [{"type": "reasoning.text", "signature": null}]}}]
    });
    let completion: ChatCompletion = serde_json::from_value(value).unwrap();
    let encoded = serde_json::to_value(&completion).unwrap();
    assert!(encoded.get("system_fingerprint").is_none());
    assert!(encoded["choices"][0]["message"].get("refusal").is_none());
    // `finish_reason` is required by the spec and always written.
    assert_eq!(encoded["choices"][0]["finish_reason"], Value::Null);
    // Reasoning details are opaque and keep their nulls.
    assert_eq!(
        encoded["choices"][0]["message"]["reasoning_details"][0],
        serde_json::json!({"type": "reasoning.text", "signature": null})
    );
}
