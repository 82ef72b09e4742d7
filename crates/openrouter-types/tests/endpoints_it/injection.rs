//! Forward compatibility under random change: unknown fields inserted into
//! any object and unknown strings in place of any string (enum values, tags,
//! ids) must decode and survive the round trip. Keys removed anywhere may
//! make decoding fail (a required field), but whatever decodes must still
//! round-trip exactly: no default is invented for a key the wire left out.

use proptest::prelude::*;
use proptest::sample::Index;
use serde_json::{Value, json};

use crate::kinds::Kind;
use crate::support::diff;

/// Small real-shaped samples of every body kind (values ours; shapes from
/// the captures and the spec).
fn samples() -> Vec<(Kind, Value)> {
    vec![
        (
            Kind::ModelsList,
            json!({"data": [{
            "id": "anthropic/claude-sonnet-4.5", "canonical_slug": "anthropic/claude-4.5-sonnet-20250929",
            "hugging_face_id": "", "name": "Anthropic: Claude Sonnet 4.5", "created": 1759161676,
            "description": "Sonnet...", "context_length": 1000000,
            "architecture": {"modality": "text+image+file->text", "input_modalities": ["text", "image", "file"],
                             "output_modalities": ["text"], "tokenizer": "Claude", "instruct_type": null},
            "pricing": {"prompt": "0.000003", "completion": "0.000015", "input_cache_write_1h": "0.000006",
                        "overrides": [{"min_prompt_tokens": 200000, "prompt": "0.000006"}]},
            "top_provider": {"context_length": 1000000, "max_completion_tokens": 64000, "is_moderated": true},
            "per_request_limits": null, "supported_parameters": ["tools", "reasoning"],
            "default_parameters": {"temperature": null},
            "links": {"details": "/api/v1/models/anthropic/claude-4.5-sonnet-20250929/endpoints"},
            "reasoning": {"mandatory": false, "supported_efforts": ["high", "low"], "default_effort": "medium"},
            "benchmarks": {"design_arena": [{"arena": "models", "category": "3d", "elo": 1020, "win_rate": 36.1, "rank": 95}],
                           "artificial_analysis": {"intelligence_index": 60.1, "coding_index": null, "agentic_index": null}}
        }], "total_count": 1, "links": {"next": null}}),
        ),
        (
            Kind::EndpointsList,
            json!({"data": {"id": "openai/gpt-4", "name": "GPT-4", "created": 1692901234,
            "description": "d", "architecture": {"tokenizer": "GPT", "instruct_type": "chatml", "modality": "text->text",
            "input_modalities": ["text"], "output_modalities": ["text"]},
            "endpoints": [{"name": "OpenAI: GPT-4", "model_id": "openai/gpt-4", "model_name": "GPT-4",
                "context_length": 8192, "pricing": {"prompt": "0.00003", "completion": "0.00006"},
                "provider_name": "OpenAI", "tag": "openai", "quantization": "fp16", "max_completion_tokens": 4096,
                "max_prompt_tokens": 8192, "status": 0, "supported_parameters": ["temperature"],
                "uptime_last_30m": 99.5, "supports_implicit_caching": true,
                "latency_last_30m": {"p50": 0.25, "p75": 0.35, "p90": 0.48, "p99": 0.85}, "throughput_last_30m": null}]}}),
        ),
        (
            Kind::Providers,
            json!({"data": [{"name": "Amazon Bedrock", "slug": "amazon-bedrock",
            "privacy_policy_url": "https://aws.amazon.com/privacy/", "headquarters": "US", "datacenters": ["US"]}]}),
        ),
        (
            Kind::KeyInfo,
            json!({"data": {"label": "sk-or-v1-0fa...240", "limit": null, "usage": 0.65,
            "limit_remaining": null, "limit_reset": "monthly", "is_free_tier": false,
            "rate_limit": {"requests": 40, "interval": "10s"}}}),
        ),
        (
            Kind::Credits,
            json!({"data": {"total_credits": 100.5, "total_usage": 25.75}}),
        ),
        (
            Kind::Generation,
            json!({"data": {"id": "gen-1772030107-1FJRHH9DliPkfVmjcn64", "api_type": "completions",
            "provider_name": "Google AI Studio", "total_cost": 0.0001402, "upstream_inference_cost": 0,
            "provider_responses": [{"endpoint_id": "e", "provider_name": "Google", "status": 429, "latency": 327}]}}),
        ),
        (
            Kind::CreateKeyResponse,
            json!({"data": {"hash": "f01d", "name": "n", "label": "sk-or-v1-0e6...1c96",
            "disabled": false, "limit": 10, "limit_reset": "weekly", "usage": 0, "created_at": "2026-01-01T00:00:00Z"},
            "key": "sk-or-v1-REDACTED"}),
        ),
        (
            Kind::UpdateKeyRequest,
            json!({"name": "n", "disabled": true, "limit": null, "limit_reset": "daily"}),
        ),
        (
            Kind::EmbeddingsRequest,
            json!({"model": "openai/text-embedding-3-small",
            "input": [{"content": [{"type": "text", "text": "a"}, {"type": "image_url", "image_url": {"url": "https://x/y.png"}}]}],
            "encoding_format": "float", "provider": {"order": ["openai"]}}),
        ),
        (
            Kind::EmbeddingsResponse,
            json!({"object": "list", "data": [{"object": "embedding", "embedding": [0.25, -0.5], "index": 0}],
            "model": "text-embedding-3-small", "usage": {"prompt_tokens": 3, "total_tokens": 3, "cost": 6e-8},
            "provider": "OpenAI", "id": "gen-emb-1767766555-eaj08YHljYmoThxgWWp5"}),
        ),
        (
            Kind::ResponsesRequest,
            json!({"model": "openai/gpt-5", "input": [
            {"role": "user", "content": "hi"},
            {"type": "function_call", "call_id": "call_1", "name": "f", "arguments": "{}"},
            {"type": "function_call_output", "call_id": "call_1", "output": "42"}],
            "tools": [{"type": "function", "name": "f", "parameters": {"type": "object"}}],
            "tool_choice": "auto", "text": {"format": {"type": "json_schema", "name": "a", "schema": {}}},
            "reasoning": {"effort": "low"}}),
        ),
        (
            Kind::StreamEvent,
            json!({"type": "response.completed", "response": {"id": "gen-1", "object": "response",
            "created_at": 1, "status": "completed", "output": [
                {"type": "reasoning", "id": "rs_1", "summary": [], "content": [{"type": "reasoning_text", "text": "t"}]},
                {"type": "message", "id": "msg_1", "role": "assistant", "status": "completed",
                 "content": [{"type": "output_text", "text": "4", "annotations": []}]},
                {"type": "function_call", "id": "fc_1", "call_id": "c", "name": "f", "arguments": "{}", "status": "completed"}],
            "tools": [], "tool_choice": "auto", "text": {"format": {"type": "text"}},
            "usage": {"input_tokens": 1, "output_tokens": 2, "total_tokens": 3, "cost": 0.1,
                      "input_tokens_details": {"cached_tokens": 0}, "output_tokens_details": {"reasoning_tokens": 1}}},
            "sequence_number": 9}),
        ),
        (
            Kind::StreamEvent,
            json!({"type": "response.output_text.delta", "logprobs": [], "output_index": 1,
            "item_id": "msg_1", "content_index": 0, "delta": "4", "sequence_number": 32}),
        ),
        (
            Kind::StreamEvent,
            json!({"type": "response.function_call_arguments.done", "output_index": 0,
            "item_id": "fc_1", "name": "f", "arguments": "{}", "sequence_number": 4}),
        ),
        (
            Kind::StreamEvent,
            json!({"type": "error", "code": "server_error", "message": "boom", "param": null, "sequence_number": 3}),
        ),
    ]
}

/// JSON pointers of every object (for insertion) and every string (for replacement).
fn nodes(value: &Value, pointer: String, objects: &mut Vec<String>, strings: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            objects.push(pointer.clone());
            for (key, child) in map {
                let escaped = key.replace('~', "~0").replace('/', "~1");
                nodes(child, format!("{pointer}/{escaped}"), objects, strings);
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                nodes(child, format!("{pointer}/{i}"), objects, strings);
            }
        }
        Value::String(_) => strings.push(pointer),
        _ => {}
    }
}

#[derive(Debug, Clone)]
enum Change {
    /// Insert `zz_<key>` with a value into an object.
    Insert(Index, String, Value),
    /// Replace a string with an unknown one.
    Replace(Index, String),
    /// Remove a key from an object.
    Remove(Index, Index),
}

fn any_value() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i32>().prop_map(|n| json!(n)),
        "[a-zA-Z0-9 ._-]{0,12}".prop_map(Value::String),
        Just(json!({"nested": [1, {"deep": "x"}]})),
    ]
}

fn change() -> impl Strategy<Value = Change> {
    prop_oneof![
        (any::<Index>(), "[a-z_]{1,10}", any_value()).prop_map(|(i, k, v)| Change::Insert(i, k, v)),
        (any::<Index>(), "[a-zA-Z0-9._/ -]{0,16}").prop_map(|(i, s)| Change::Replace(i, s)),
        (any::<Index>(), any::<Index>()).prop_map(|(o, k)| Change::Remove(o, k)),
    ]
}

fn apply(value: &mut Value, change: &Change) {
    let mut objects = Vec::new();
    let mut strings = Vec::new();
    nodes(value, String::new(), &mut objects, &mut strings);
    match change {
        Change::Insert(index, key, new) => {
            let pointer = index.get(&objects);
            if let Some(Value::Object(map)) = value.pointer_mut(pointer) {
                // The prefix keeps clear of the names we model.
                map.insert(format!("zz_{key}"), new.clone());
            }
        }
        Change::Remove(object, key) => {
            let pointer = object.get(&objects);
            if let Some(Value::Object(map)) = value.pointer_mut(pointer)
                && !map.is_empty()
            {
                let name = key.get(&map.keys().cloned().collect::<Vec<_>>()).clone();
                map.remove(&name);
            }
        }
        Change::Replace(index, text) => {
            if strings.is_empty() {
                return;
            }
            let pointer = index.get(&strings).clone();
            if let Some(slot) = value.pointer_mut(&pointer) {
                *slot = Value::String(text.clone());
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 48,
        // Failures print the minimal case; no regression file in the tree.
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn unknown_fields_and_values_survive(changes in prop::collection::vec(change(), 1..6)) {
        let removes = changes.iter().any(|c| matches!(c, Change::Remove(..)));
        for (kind, sample) in samples() {
            let mut value = sample;
            for change in &changes {
                apply(&mut value, change);
            }
            let back = match kind.round_trip(&value) {
                Ok(back) => back,
                // A removed key may have been required: rejecting is honest.
                Err(_) if removes => continue,
                Err(e) => return Err(TestCaseError::fail(format!("{kind:?} failed to decode {value}: {e}"))),
            };
            let differences = diff(&value, &back);
            prop_assert!(differences.is_empty(), "{kind:?} lost {differences:?} of {value}");
        }
    }
}

#[test]
fn every_sample_round_trips_unchanged() {
    for (kind, value) in samples() {
        let back = kind
            .round_trip(&value)
            .unwrap_or_else(|e| panic!("{kind:?}: {e}"));
        assert!(
            diff(&value, &back).is_empty(),
            "{kind:?}: {:?}",
            diff(&value, &back)
        );
    }
}
