//! Round trip of every real capture of our endpoints in `../shared/captures`.
//!
//! Decoding must succeed; decode → encode must give back the same JSON value
//! (see `support::diff` for the two documented equivalences).

use std::fs;

use openrouter_types::models::{ModelReasoning, ModelsList};
use openrouter_types::responses::{Item, Response, StreamEvent};
use serde_json::Value;

use crate::kinds::{Kind, shared_dir, sse_data};
use crate::support::assert_round_trip;

/// Objects whose key order no declaration order can reproduce, because two
/// real captures send the same type's keys in different orders: a struct
/// serialises in one order. Maps (`extra`, schemas, `Value`s) keep theirs
/// everywhere; this list is checked to be needed (an entry that no capture
/// uses fails the test).
const ORDER_CONFLICTS: &[(&str, &str, &str)] = &[
    (
        "responses_api_",
        "",
        "the Responses API's captures disagree: the 2026 plain answer is alphabetical, the \
         streams use OpenAI's order, and the two streams differ from each other",
    ),
    (
        "endpoints_empty_",
        "$.data.architecture",
        "`architecture` leads with `tokenizer` here and ends with it in /models",
    ),
    (
        "generation_partial_",
        "$.data",
        "a partial capture whose keys were reordered by its capturer (PROVENANCE.md)",
    ),
];

#[test]
fn every_capture_of_our_endpoints_round_trips() {
    let Some(dir) = shared_dir("captures") else {
        return;
    };
    let mut names: Vec<String> = fs::read_dir(&dir)
        .expect("read the captures folder")
        .map(|entry| {
            entry
                .expect("list a capture")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    names.sort();
    let mut seen = Vec::new();
    let mut disorder = Vec::new();
    let mut used = vec![false; ORDER_CONFLICTS.len()];
    for name in &names {
        let Some(kind) = Kind::of_capture(name) else {
            continue;
        };
        let bytes = fs::read(dir.join(name)).expect("read a capture");
        if kind == Kind::StreamEvent {
            let events = sse_data(&bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
            assert!(!events.is_empty(), "{name}: no events");
            for (i, data) in events.iter().enumerate() {
                let value: Value =
                    serde_json::from_str(data).unwrap_or_else(|e| panic!("{name} #{i}: {e}"));
                let back = kind
                    .round_trip(&value)
                    .unwrap_or_else(|e| panic!("{name} #{i}: {e}"));
                assert_round_trip(&format!("{name} event #{i}"), &value, &back);
                disorder.extend(
                    order_diff(&value, &back)
                        .into_iter()
                        .filter(|d| !exempt(name, d, &mut used))
                        .map(|d| format!("{name} #{i} {d}")),
                );
            }
        } else {
            let value: Value =
                serde_json::from_slice(&bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
            let back = kind
                .round_trip(&value)
                .unwrap_or_else(|e| panic!("{name}: {e}"));
            assert_round_trip(name, &value, &back);
            disorder.extend(
                order_diff(&value, &back)
                    .into_iter()
                    .filter(|d| !exempt(name, d, &mut used))
                    .map(|d| format!("{name} {d}")),
            );
        }
        seen.push(kind);
    }
    // A renamed or missing capture must not make this test pass vacuously.
    for kind in [
        Kind::ModelsList,
        Kind::EndpointsList,
        Kind::KeyInfoObject,
        Kind::Generation,
        Kind::EmbeddingsResponse,
        Kind::Response,
        Kind::StreamEvent,
    ] {
        assert!(seen.contains(&kind), "no capture decoded as {kind:?}");
    }
    assert!(seen.len() >= 12, "only {} captures matched", seen.len());
    assert!(
        disorder.is_empty(),
        "{} object(s) came back in another key order:\n{}",
        disorder.len(),
        disorder.join("\n")
    );
    for (entry, used) in ORDER_CONFLICTS.iter().zip(&used) {
        assert!(
            used,
            "the order exemption {entry:?} is no longer needed: remove it"
        );
    }
}

/// Whether `difference` (an `order_diff` line) of capture `name` is a known conflict.
fn exempt(name: &str, difference: &str, used: &mut [bool]) -> bool {
    for (i, (prefix, path, _why)) in ORDER_CONFLICTS.iter().enumerate() {
        if name.starts_with(prefix) && difference.starts_with(path) {
            used[i] = true;
            return true;
        }
    }
    false
}

#[test]
fn captured_stream_events_and_items_are_all_modelled() {
    let Some(dir) = shared_dir("captures") else {
        return;
    };
    for name in [
        "responses_api_stream_raw_cot_openai_gpt-oss-20b.sse",
        "responses_api_stream_reasoning_openai_gpt-5-nano.sse",
        "responses_api_stream_tool_call.sse",
    ] {
        let bytes = fs::read(dir.join(name)).expect("read a capture");
        let events: Vec<StreamEvent> = sse_data(&bytes)
            .expect("parse the stream")
            .iter()
            .map(|data| serde_json::from_str(data).expect("decode an event"))
            .collect();
        for event in &events {
            assert!(
                !matches!(event, StreamEvent::Unknown(_)),
                "{name}: {} fell through to Unknown",
                event.event_type()
            );
        }
        // Sequence numbers count up from 0 without gaps.
        let numbers: Vec<u64> = events
            .iter()
            .filter_map(StreamEvent::sequence_number)
            .collect();
        assert_eq!(
            numbers,
            (0..events.len() as u64).collect::<Vec<_>>(),
            "{name}"
        );
        let last = events.last().expect("events");
        assert!(last.is_terminal(), "{name} ends with {}", last.event_type());
        let response = last.response().expect("a completed response");
        assert!(
            response.usage.as_ref().and_then(|u| u.cost).is_some(),
            "{name}: no cost"
        );
        for item in response.items() {
            assert!(
                !matches!(item, Item::Other(_)),
                "{name}: {} item unmodelled",
                item.item_type()
            );
        }
    }
}

#[test]
fn streamed_text_deltas_add_up_to_the_final_text() {
    let Some(dir) = shared_dir("captures") else {
        return;
    };
    let bytes = fs::read(dir.join("responses_api_stream_raw_cot_openai_gpt-oss-20b.sse"))
        .expect("read a capture");
    let events: Vec<StreamEvent> = sse_data(&bytes)
        .expect("parse the stream")
        .iter()
        .map(|data| serde_json::from_str(data).expect("decode an event"))
        .collect();
    let mut reasoning = String::new();
    let mut reasoning_done = None;
    for event in &events {
        match event {
            StreamEvent::ReasoningTextDelta(d) => reasoning.push_str(&d.delta),
            StreamEvent::ReasoningTextDone(d) => reasoning_done = d.text.clone(),
            _ => {}
        }
    }
    assert_eq!(Some(reasoning), reasoning_done);
    let response = events
        .last()
        .and_then(StreamEvent::response)
        .expect("final response");
    assert_eq!(response.text(), "4");
}

#[test]
fn model_capture_facts_survive_decoding() {
    let Some(dir) = shared_dir("captures") else {
        return;
    };
    let list: ModelsList =
        serde_json::from_slice(&fs::read(dir.join("models_list_full_2025-04.json")).expect("read"))
            .expect("decode the 2025 list");
    assert_eq!(list.data.len(), 302);
    assert!(list.total_count.is_none() && list.links.is_none());
    let auto = list
        .data
        .iter()
        .find(|m| m.id == "openrouter/auto")
        .expect("openrouter/auto");
    assert!(auto.pricing.prompt.is_variable(), "auto's price is -1");
    let list: ModelsList = serde_json::from_slice(
        &fs::read(dir.join("models_list_subset_2026-08_reserialized.json")).expect("read"),
    )
    .expect("decode the 2026 list");
    assert_eq!(list.total_count, Some(338));
    assert!(list.data.iter().any(|m| {
        m.reasoning
            .as_ref()
            .is_some_and(ModelReasoning::is_mandatory)
    }));
    let response: Response = serde_json::from_slice(
        &fs::read(dir.join("responses_api_nonstream_prompt_cache_gpt.json")).expect("read"),
    )
    .expect("decode");
    let usage = response.usage.expect("usage");
    assert_eq!(
        usage
            .input_tokens_details
            .and_then(|d| d.cache_write_tokens),
        Some(4012)
    );
}

/// Every object whose keys came back in another order than the wire's, by
/// JSON path: serde_json's `preserve_order` keeps a map's order, and a struct
/// keeps it when it declares its fields in the order the wire sends them.
fn order_diff(expected: &Value, actual: &Value) -> Vec<String> {
    let mut out = Vec::new();
    order_walk("$", expected, actual, &mut out);
    out
}

fn order_walk(path: &str, expected: &Value, actual: &Value, out: &mut Vec<String>) {
    match (expected, actual) {
        (Value::Object(e), Value::Object(a)) => {
            let (order, back) = (kept_keys(e, a), kept_keys(a, e));
            if order != back {
                out.push(format!("{path}: key order {order:?} came back as {back:?}"));
            }
            for (key, ev) in e {
                if let Some(av) = a.get(key) {
                    order_walk(&format!("{path}.{key}"), ev, av, out);
                }
            }
        }
        (Value::Array(e), Value::Array(a)) => {
            for (i, (ev, av)) in e.iter().zip(a).enumerate() {
                order_walk(&format!("{path}[{i}]"), ev, av, out);
            }
        }
        _ => {}
    }
}

/// The keys of `from` that `other` has too, in `from`'s order (nulls count as absent).
fn kept_keys<'a>(
    from: &'a serde_json::Map<String, Value>,
    other: &serde_json::Map<String, Value>,
) -> Vec<&'a str> {
    from.iter()
        .filter(|(k, v)| other.contains_key(*k) && !v.is_null())
        .map(|(k, _)| k.as_str())
        .collect()
}
