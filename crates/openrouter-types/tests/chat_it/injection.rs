//! Forward compatibility under fire: random unknown fields and unknown enum
//! values injected into real captures and fixtures still decode, and the
//! round trip keeps them.

use std::sync::OnceLock;

use openrouter_types::{ChatChunk, ChatCompletion, ErrorResponse};
use proptest::prelude::*;
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value, json};

use crate::support;

#[derive(Clone, Copy, Debug)]
enum Kind {
    Completion,
    Chunk,
    Error,
}

/// Small documents to mutate: completions, chunks and errors (the 2 MB image
/// captures are left out to keep the cases fast).
fn corpus() -> &'static [(String, Kind, Value)] {
    static CORPUS: OnceLock<Vec<(String, Kind, Value)>> = OnceLock::new();
    CORPUS.get_or_init(|| {
        let small = |p: &std::path::Path| std::fs::metadata(p).map(|m| m.len() < 64 * 1024).unwrap_or(false);
        let mut out = Vec::new();
        for path in support::captures("chat_", ".json").iter().filter(|p| small(p)) {
            out.push((support::file_name(path), Kind::Completion, support::read_json(path)));
        }
        for path in support::captures("error_", ".json") {
            out.push((support::file_name(&path), Kind::Error, support::read_json(&path)));
        }
        for (name, bytes) in support::chat_streams().into_iter().filter(|(_, b)| b.len() < 64 * 1024) {
            for (i, data) in support::sse_payloads(&bytes).into_iter().enumerate().step_by(3) {
                out.push((format!("{name}#{i}"), Kind::Chunk, serde_json::from_str(&data).unwrap()));
            }
        }
        // Documented shapes that no capture shows.
        out.push(("doc mid-stream error".into(), Kind::Chunk, json!({"id":"gen-abc123",
            "object":"chat.completion.chunk","created":1234567890,"model":"openai/gpt-4o","provider":"OpenAI",
            "error":{"code":429,"message":"Rate limit exceeded","metadata":{"error_type":"rate_limit_exceeded"}},
            "choices":[{"index":0,"delta":{"content":""},"finish_reason":"error"}]})));
        out.push(("doc availability".into(), Kind::Error, json!({"error":{"message":"at capacity",
            "error_type":"rate_limit_exceeded","http_status":429,"availability":{"code":"capacity_exhausted",
            "retryable":true,"retry_after":40,"requested_models":["a/b"],"docs_url":"https://x"},
            "metadata":{"previous_errors":[{"provider":"anthropic","code":"capacity_exhausted","status":429}]}}})));
        out
    })
}

/// Keys whose string value is an open enum somewhere in the chat types.
const ENUM_KEYS: [&str; 8] = [
    "finish_reason",
    "role",
    "object",
    "provider",
    "service_tier",
    "error_type",
    "type",
    "format",
];

/// Paths to every object in the document (as index paths), where unknown keys may go.
fn object_paths(value: &Value, path: &mut Vec<PathStep>, out: &mut Vec<Vec<PathStep>>) {
    match value {
        Value::Object(map) => {
            out.push(path.clone());
            for (k, v) in map {
                // Inside free-form values (metadata.raw objects, debug bodies,
                // JSON schemas) anything goes anyway; descending there is harmless.
                path.push(PathStep::Key(k.clone()));
                object_paths(v, path, out);
                path.pop();
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                path.push(PathStep::Index(i));
                object_paths(v, path, out);
                path.pop();
            }
        }
        _ => {}
    }
}

fn enum_paths(value: &Value, path: &mut Vec<PathStep>, out: &mut Vec<Vec<PathStep>>) {
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                path.push(PathStep::Key(k.clone()));
                if v.is_string() && ENUM_KEYS.contains(&k.as_str()) {
                    out.push(path.clone());
                }
                enum_paths(v, path, out);
                path.pop();
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                path.push(PathStep::Index(i));
                enum_paths(v, path, out);
                path.pop();
            }
        }
        _ => {}
    }
}

#[derive(Clone, Debug)]
enum PathStep {
    Key(String),
    Index(usize),
}

fn get_mut<'a>(mut value: &'a mut Value, path: &[PathStep]) -> &'a mut Value {
    for step in path {
        value = match step {
            PathStep::Key(k) => value.get_mut(k.as_str()).unwrap(),
            PathStep::Index(i) => value.get_mut(*i).unwrap(),
        };
    }
    value
}

fn json_leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        "[a-zA-Z0-9 _.:-]{0,12}".prop_map(Value::from),
    ]
}

fn json_value() -> impl Strategy<Value = Value> {
    json_leaf().prop_recursive(2, 8, 3, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..3).prop_map(Value::Array),
            prop::collection::btree_map("[a-z_]{1,6}", inner, 0..3)
                .prop_map(|m| Value::Object(m.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

fn check<T: DeserializeOwned + Serialize>(name: &str, value: &Value) -> Result<(), TestCaseError> {
    let decoded: T = serde_json::from_value(value.clone())
        .map_err(|e| TestCaseError::fail(format!("{name}: decoding failed: {e}")))?;
    let encoded = serde_json::to_value(&decoded).unwrap();
    let differences = support::diff(value, &encoded);
    prop_assert!(differences.is_empty(), "{}: {:#?}", name, differences);
    Ok(())
}

fn check_kind(kind: Kind, name: &str, value: &Value) -> Result<(), TestCaseError> {
    match kind {
        Kind::Completion => check::<ChatCompletion>(name, value),
        Kind::Chunk => check::<ChatChunk>(name, value),
        Kind::Error => check::<ErrorResponse>(name, value),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn unknown_fields_survive(
        doc in any::<prop::sample::Index>(),
        spots in prop::collection::vec((any::<prop::sample::Index>(), "zz_[a-z]{1,8}", json_value()), 1..4),
    ) {
        let corpus = corpus();
        prop_assume!(!corpus.is_empty());
        let (name, kind, original) = &corpus[doc.index(corpus.len())];
        let mut value = original.clone();
        let mut paths = Vec::new();
        object_paths(&value, &mut Vec::new(), &mut paths);
        for (spot, key, extra) in spots {
            let path = &paths[spot.index(paths.len())];
            get_mut(&mut value, path).as_object_mut().unwrap().insert(key, extra);
        }
        check_kind(*kind, name, &value)?;
    }

    #[test]
    fn unknown_enum_values_survive(
        doc in any::<prop::sample::Index>(),
        spots in prop::collection::vec((any::<prop::sample::Index>(), "[a-z][a-z_.:-]{0,15}"), 1..4),
    ) {
        let corpus = corpus();
        prop_assume!(!corpus.is_empty());
        let (name, kind, original) = &corpus[doc.index(corpus.len())];
        let mut value = original.clone();
        let mut paths = Vec::new();
        enum_paths(&value, &mut Vec::new(), &mut paths);
        prop_assume!(!paths.is_empty());
        for (spot, text) in spots {
            let path = &paths[spot.index(paths.len())];
            *get_mut(&mut value, path) = Value::String(format!("x_{text}"));
        }
        check_kind(*kind, name, &value)?;
    }
}
