//! Contract against OpenRouter's OpenAPI spec (`../shared/openrouter-openapi.yaml`).
//!
//! 1. For each chat schema, every spec property is put, with a sample value,
//!    into a minimal valid object and decoded into our type: a property that
//!    lands in `extra` is *unmodelled* (printed); one the type rejects is a
//!    *type mismatch* (printed). Unmodelled REQUIRED properties fail the test.
//! 2. Request bodies built by our constructors validate against the spec's
//!    `ChatRequest` schema (with `jsonschema`, `$ref`s resolved in-document).

use std::sync::OnceLock;

use openrouter_types::chat::{
    ContentPart, FunctionDefinition, JsonSchemaFormat, Message, Reasoning, Tool,
};
use openrouter_types::chunk::{ChunkChoice, Delta, ToolCallDelta};
use openrouter_types::error::{ErrorBody, ErrorMetadata};
use openrouter_types::response::{AudioOutput, Choice, Logprobs, ResponseMessage, TokenLogprob};
use openrouter_types::routing::ProviderPreferences;
use openrouter_types::usage::{CostDetails, ServerToolUseDetails};
use openrouter_types::{
    ChatChunk, ChatCompletion, ChatRequest, ErrorResponse, Extra, ToolCall, Usage,
};
use serde::de::DeserializeOwned;
use serde_json::{Value, json};

use crate::support;

fn spec() -> Option<&'static Value> {
    static SPEC: OnceLock<Option<Value>> = OnceLock::new();
    SPEC.get_or_init(|| {
        let path = support::shared_dir()?.join("openrouter-openapi.yaml");
        let text = std::fs::read_to_string(path).ok()?;
        Some(serde_norway::from_str(&text).expect("the spec parses as YAML"))
    })
    .as_ref()
}

/// Follows `$ref`s (`#/components/schemas/X`) until a concrete schema.
fn resolve<'a>(spec: &'a Value, mut schema: &'a Value) -> &'a Value {
    while let Some(reference) = schema.get("$ref").and_then(Value::as_str) {
        let pointer = reference.trim_start_matches('#');
        schema = spec
            .pointer(pointer)
            .unwrap_or_else(|| panic!("dangling $ref {reference}"));
    }
    schema
}

/// Properties and required names of an object schema (through `allOf`).
fn properties(spec: &Value, schema: &Value) -> (Vec<(String, Value)>, Vec<String>) {
    let schema = resolve(spec, schema);
    let mut props = Vec::new();
    let mut required = Vec::new();
    if let Some(map) = schema.get("properties").and_then(Value::as_object) {
        props.extend(map.iter().map(|(k, v)| (k.clone(), v.clone())));
    }
    if let Some(list) = schema.get("required").and_then(Value::as_array) {
        required.extend(list.iter().filter_map(Value::as_str).map(str::to_owned));
    }
    for part in schema
        .get("allOf")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        let (p, r) = properties(spec, part);
        props.extend(p);
        required.extend(r);
    }
    (props, required)
}

/// A plausible value for a schema: its example, else one built from its type.
fn sample(spec: &Value, schema: &Value, depth: usize) -> Value {
    let schema = resolve(spec, schema);
    if let Some(example) = schema.get("example") {
        return example.clone();
    }
    if let Some(values) = schema.get("enum").and_then(Value::as_array)
        && let Some(first) = values.iter().find(|v| !v.is_null())
    {
        return first.clone();
    }
    for key in ["anyOf", "oneOf"] {
        if let Some(variants) = schema.get(key).and_then(Value::as_array) {
            let non_null = variants
                .iter()
                .find(|v| resolve(spec, v).get("type") != Some(&json!("null")));
            if let Some(variant) = non_null {
                return sample(spec, variant, depth + 1);
            }
        }
    }
    if let Some(parts) = schema.get("allOf").and_then(Value::as_array) {
        let mut merged = serde_json::Map::new();
        for part in parts {
            if let Value::Object(map) = sample(spec, part, depth + 1) {
                merged.extend(map);
            }
        }
        return Value::Object(merged);
    }
    let kind = match schema.get("type") {
        Some(Value::String(t)) => t.as_str(),
        Some(Value::Array(types)) => types
            .iter()
            .filter_map(Value::as_str)
            .find(|t| *t != "null")
            .unwrap_or("null"),
        _ if schema.get("properties").is_some() => "object",
        _ => "null",
    };
    match kind {
        "string" => json!("sample"),
        "integer" => json!(1),
        "number" => json!(1.5),
        "boolean" => json!(true),
        "array" if depth < 8 => match schema.get("items") {
            Some(items) => json!([sample(spec, items, depth + 1)]),
            None => json!([]),
        },
        "object" if depth < 8 => {
            let (props, required) = properties(spec, schema);
            let mut map = serde_json::Map::new();
            for (name, prop) in props.iter().filter(|(n, _)| required.contains(n)) {
                map.insert(name.clone(), sample(spec, prop, depth + 1));
            }
            Value::Object(map)
        }
        _ => Value::Null,
    }
}

type Probe = fn(Value) -> Result<Extra, String>;

fn probe<T: DeserializeOwned>(value: Value, extra: fn(T) -> Extra) -> Result<Extra, String> {
    serde_path_to_error::deserialize::<_, T>(value)
        .map(extra)
        .map_err(|e| format!("at {}: {}", e.path(), e.inner()))
}

fn message_extra(value: Value) -> Result<Extra, String> {
    probe::<Message>(value, |m| match m {
        Message::System(m) | Message::Developer(m) => m.extra,
        Message::User(m) => m.extra,
        Message::Assistant(m) => m.extra,
        Message::Tool(m) => m.extra,
        _ => Extra::new(),
    })
}

struct Case {
    schema: &'static str,
    rust: &'static str,
    base: Value,
    /// Keys that are the enum tag in our model (not a field).
    skip: &'static [&'static str],
    probe: Probe,
}

fn cases() -> Vec<Case> {
    let case = |schema: &'static str, rust: &'static str, base: Value, probe: Probe| Case {
        schema,
        rust,
        base,
        skip: &[],
        probe,
    };
    vec![
        case(
            "/components/schemas/ChatRequest",
            "ChatRequest",
            json!({"messages": [{"role": "user", "content": "hi"}]}),
            |v| probe::<ChatRequest>(v, |r| r.extra),
        ),
        case(
            "/components/schemas/ProviderPreferences",
            "ProviderPreferences",
            json!({}),
            |v| probe::<ProviderPreferences>(v, |r| r.extra),
        ),
        case(
            "/components/schemas/ChatRequest/properties/reasoning",
            "Reasoning",
            json!({}),
            |v| probe::<Reasoning>(v, |r| r.extra),
        ),
        case(
            "/components/schemas/ChatFunctionTool/anyOf/0",
            "Tool",
            json!({"type": "function", "function": {"name": "f"}}),
            |v| probe::<Tool>(v, |r| r.extra),
        ),
        case(
            "/components/schemas/ChatFunctionTool/anyOf/0/properties/function",
            "FunctionDefinition",
            json!({"name": "f"}),
            |v| probe::<FunctionDefinition>(v, |r| r.extra),
        ),
        case(
            "/components/schemas/ChatJsonSchemaConfig",
            "JsonSchemaFormat",
            json!({"name": "n"}),
            |v| probe::<JsonSchemaFormat>(v, |r| r.extra),
        ),
        Case {
            skip: &["role"],
            ..case(
                "/components/schemas/ChatSystemMessage",
                "Message::System",
                json!({"role": "system", "content": "x"}),
                message_extra,
            )
        },
        Case {
            skip: &["role"],
            ..case(
                "/components/schemas/ChatDeveloperMessage",
                "Message::Developer",
                json!({"role": "developer", "content": "x"}),
                message_extra,
            )
        },
        Case {
            skip: &["role"],
            ..case(
                "/components/schemas/ChatUserMessage",
                "Message::User",
                json!({"role": "user", "content": "x"}),
                message_extra,
            )
        },
        Case {
            skip: &["role"],
            ..case(
                "/components/schemas/ChatAssistantMessage",
                "Message::Assistant",
                json!({"role": "assistant"}),
                message_extra,
            )
        },
        Case {
            skip: &["role"],
            ..case(
                "/components/schemas/ChatToolMessage",
                "Message::Tool",
                json!({"role": "tool", "content": "x", "tool_call_id": "c"}),
                message_extra,
            )
        },
        Case {
            skip: &["type"],
            ..case(
                "/components/schemas/ChatContentText",
                "ContentPart::Text",
                json!({"type": "text", "text": "x"}),
                |v| {
                    probe::<ContentPart>(v, |p| match p {
                        ContentPart::Text(t) => t.extra,
                        _ => Extra::new(),
                    })
                },
            )
        },
        Case {
            skip: &["type"],
            ..case(
                "/components/schemas/ChatContentImage",
                "ContentPart::ImageUrl",
                json!({"type": "image_url", "image_url": {"url": "https://x"}}),
                |v| {
                    probe::<ContentPart>(v, |p| match p {
                        ContentPart::ImageUrl(p) => p.extra,
                        _ => Extra::new(),
                    })
                },
            )
        },
        Case {
            skip: &["type"],
            ..case(
                "/components/schemas/ChatContentAudio",
                "ContentPart::InputAudio",
                json!({"type": "input_audio", "input_audio": {"data": "AA==", "format": "wav"}}),
                |v| {
                    probe::<ContentPart>(v, |p| match p {
                        ContentPart::InputAudio(p) => p.extra,
                        _ => Extra::new(),
                    })
                },
            )
        },
        Case {
            skip: &["type"],
            ..case(
                "/components/schemas/ChatContentVideo",
                "ContentPart::VideoUrl",
                json!({"type": "video_url", "video_url": {"url": "https://x"}}),
                |v| {
                    probe::<ContentPart>(v, |p| match p {
                        ContentPart::VideoUrl(p) => p.extra,
                        _ => Extra::new(),
                    })
                },
            )
        },
        Case {
            skip: &["type"],
            ..case(
                "/components/schemas/ChatContentFile",
                "ContentPart::File",
                json!({"type": "file", "file": {"file_data": "https://x"}}),
                |v| {
                    probe::<ContentPart>(v, |p| match p {
                        ContentPart::File(p) => p.extra,
                        _ => Extra::new(),
                    })
                },
            )
        },
        case(
            "/components/schemas/ChatResult",
            "ChatCompletion",
            json!({"id": "gen-1", "object": "chat.completion", "created": 1, "model": "m", "choices": []}),
            |v| probe::<ChatCompletion>(v, |r| r.extra),
        ),
        case(
            "/components/schemas/ChatChoice",
            "Choice",
            json!({"index": 0, "message": {"role": "assistant"}, "finish_reason": null}),
            |v| probe::<Choice>(v, |r| r.extra),
        ),
        case(
            "/components/schemas/ChatAssistantMessage",
            "ResponseMessage",
            json!({"role": "assistant"}),
            |v| probe::<ResponseMessage>(v, |r| r.extra),
        ),
        case(
            "/components/schemas/ChatToolCall",
            "ToolCall",
            json!({"id": "c", "type": "function", "function": {"name": "f", "arguments": "{}"}}),
            |v| probe::<ToolCall>(v, |r| r.extra),
        ),
        case(
            "/components/schemas/ChatAudioOutput",
            "AudioOutput",
            json!({}),
            |v| probe::<AudioOutput>(v, |r| r.extra),
        ),
        case(
            "/components/schemas/ChatTokenLogprobs",
            "Logprobs",
            json!({"content": null}),
            |v| probe::<Logprobs>(v, |r| r.extra),
        ),
        case(
            "/components/schemas/ChatTokenLogprob",
            "TokenLogprob",
            json!({"token": "a", "logprob": -0.1, "bytes": null, "top_logprobs": []}),
            |v| probe::<TokenLogprob>(v, |r| r.extra),
        ),
        case("/components/schemas/ChatUsage", "Usage", json!({}), |v| {
            probe::<Usage>(v, |r| r.extra)
        }),
        case(
            "/components/schemas/CostDetails",
            "CostDetails",
            json!({}),
            |v| probe::<CostDetails>(v, |r| r.extra),
        ),
        case(
            "/components/schemas/ServerToolUseDetails",
            "ServerToolUseDetails",
            json!({}),
            |v| probe::<ServerToolUseDetails>(v, |r| r.extra),
        ),
        case(
            "/components/schemas/ChatStreamChunk",
            "ChatChunk",
            json!({"id": "g", "object": "chat.completion.chunk", "created": 1, "model": "m", "choices": []}),
            |v| probe::<ChatChunk>(v, |r| r.extra),
        ),
        case(
            "/components/schemas/ChatStreamChunk/properties/error",
            "ErrorBody (chunk error)",
            json!({"code": 500, "message": "m"}),
            |v| probe::<ErrorBody>(v, |r| r.extra),
        ),
        case(
            "/components/schemas/ChatStreamChunk/properties/error/properties/metadata",
            "ErrorMetadata",
            json!({}),
            |v| probe::<ErrorMetadata>(v, |r| r.extra),
        ),
        case(
            "/components/schemas/ChatStreamChoice",
            "ChunkChoice",
            json!({"index": 0, "delta": {}, "finish_reason": null}),
            |v| probe::<ChunkChoice>(v, |r| r.extra),
        ),
        case(
            "/components/schemas/ChatStreamDelta",
            "Delta",
            json!({}),
            |v| probe::<Delta>(v, |r| r.extra),
        ),
        case(
            "/components/schemas/ChatStreamToolCall",
            "ToolCallDelta",
            json!({"index": 0}),
            |v| probe::<ToolCallDelta>(v, |r| r.extra),
        ),
        case(
            "/components/schemas/BadRequestResponse",
            "ErrorResponse",
            json!({"error": {"code": 400, "message": "m"}}),
            |v| probe::<ErrorResponse>(v, |r| r.extra),
        ),
        case(
            "/components/schemas/BadRequestResponseErrorData",
            "ErrorBody",
            json!({"code": 400, "message": "m"}),
            |v| probe::<ErrorBody>(v, |r| r.extra),
        ),
    ]
}

#[test]
fn the_probe_sees_an_unmodelled_property() {
    // Guards `spec_properties_are_modelled`: a key our types do not know
    // must be reported as landing in `extra`.
    let case = &cases()[0];
    let mut object = case.base.clone();
    object["zz_not_a_field"] = json!(1);
    let extra = (case.probe)(object).unwrap();
    assert!(extra.contains_key("zz_not_a_field"));
}

#[test]
fn spec_properties_are_modelled() {
    let Some(spec) = spec() else { return };
    let mut unmodelled = Vec::new();
    let mut mismatches = Vec::new();
    let mut missing_required = Vec::new();
    for case in cases() {
        let schema = spec
            .pointer(case.schema)
            .unwrap_or_else(|| panic!("{} not in the spec", case.schema));
        let (props, required) = properties(spec, schema);
        assert!(!props.is_empty(), "{}: no properties found", case.schema);
        (case.probe)(case.base.clone())
            .unwrap_or_else(|e| panic!("{}: the base object does not decode: {e}", case.rust));
        for (name, prop) in &props {
            if case.skip.contains(&name.as_str()) {
                continue;
            }
            let mut object = case.base.clone();
            object[name.as_str()] = sample(spec, prop, 0);
            let schema_name = case.schema.trim_start_matches("/components/schemas/");
            match (case.probe)(object) {
                Ok(extra) if extra.contains_key(name) => {
                    unmodelled.push(format!("{schema_name}.{name} ({})", case.rust));
                    if required.contains(name) {
                        missing_required.push(format!("{schema_name}.{name}"));
                    }
                }
                Ok(_) => {}
                Err(e) => mismatches.push(format!("{schema_name}.{name} ({}): {e}", case.rust)),
            }
        }
    }
    println!(
        "spec properties not modelled (kept in `extra`, {}):",
        unmodelled.len()
    );
    for line in &unmodelled {
        println!("  {line}");
    }
    println!("spec samples our types reject ({}):", mismatches.len());
    for line in &mismatches {
        println!("  {line}");
    }
    assert!(
        missing_required.is_empty(),
        "REQUIRED spec properties not modelled: {missing_required:?}"
    );
    assert!(
        mismatches.is_empty(),
        "our types reject spec-valid values: {mismatches:#?}"
    );
}

fn request_validator(spec: &Value) -> jsonschema::Validator {
    let root = json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$ref": "#/components/schemas/ChatRequest",
        "components": spec["components"],
    });
    jsonschema::validator_for(&root).expect("the ChatRequest schema compiles")
}

#[test]
fn built_requests_validate_against_the_spec() {
    let Some(spec) = spec() else { return };
    let validator = request_validator(spec);
    for (name, request) in crate::requests::built_requests() {
        let body = serde_json::to_value(&request).unwrap();
        let errors: Vec<String> = validator
            .iter_errors(&body)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect();
        assert!(
            errors.is_empty(),
            "{name}: invalid against the spec:\n  {}",
            errors.join("\n  ")
        );
    }
}

#[test]
fn the_validator_rejects_a_malformed_request() {
    // Guards the test above against a validator that accepts everything.
    let Some(spec) = spec() else { return };
    let validator = request_validator(spec);
    assert!(!validator.is_valid(&json!({"messages": []})), "minItems 1");
    assert!(
        !validator.is_valid(&json!({"messages": [{"role": "user"}]})),
        "content required"
    );
    assert!(
        !validator.is_valid(&json!({"messages": [{"role": "user", "content": "x"}],
        "provider": {"order": ["a"], "not_a_field": 1}})),
        "provider is closed"
    );
}

fn validator_for(spec: &Value, schema: &str) -> jsonschema::Validator {
    let root = json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$ref": format!("#/components/schemas/{schema}"),
        "components": spec["components"],
    });
    jsonschema::validator_for(&root).expect("the schema compiles")
}

/// Where the real wire contradicts the spec: every capture validated against
/// its spec schema, the violations (deduplicated per file, values left out)
/// snapshotted. The types accept all of these (see `roundtrip.rs`); the
/// snapshot makes a new contradiction, or a fixed one, visible in review.
#[test]
fn spec_violations_of_captures() {
    let Some(spec) = spec() else { return };
    let completion = validator_for(spec, "ChatResult");
    let chunk = validator_for(spec, "ChatStreamChunk");
    let error = validator_for(spec, "BadRequestResponse");
    let describe = |validator: &jsonschema::Validator,
                    value: &Value,
                    out: &mut std::collections::BTreeSet<String>| {
        for e in validator.iter_errors(value) {
            // Array indices vary per chunk; one line per shape of violation.
            let path: String = e
                .instance_path()
                .to_string()
                .split('/')
                .map(|s| if s.parse::<usize>().is_ok() { "*" } else { s })
                .collect::<Vec<_>>()
                .join("/");
            out.insert(format!(
                "{path}: {}",
                support::abbreviate(&format!("{:?}", e.kind()))
            ));
        }
    };
    let mut report = std::collections::BTreeMap::new();
    for path in support::captures("chat_", ".json") {
        let mut found = std::collections::BTreeSet::new();
        describe(&completion, &support::read_json(&path), &mut found);
        report.insert(support::stem(&path), found);
    }
    for path in support::captures("error_", ".json") {
        let mut found = std::collections::BTreeSet::new();
        describe(&error, &support::read_json(&path), &mut found);
        report.insert(support::stem(&path), found);
    }
    for (name, bytes) in support::chat_streams()
        .into_iter()
        .filter(|(n, _)| n.starts_with("capture_"))
    {
        let mut found = std::collections::BTreeSet::new();
        for data in support::sse_payloads(&bytes) {
            describe(&chunk, &serde_json::from_str(&data).unwrap(), &mut found);
        }
        report.insert(name.trim_start_matches("capture_").to_owned(), found);
    }
    report.retain(|_, v| !v.is_empty());
    insta::assert_yaml_snapshot!("spec_violations_of_captures", report);
}
