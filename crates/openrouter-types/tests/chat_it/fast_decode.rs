//! `ChatChunk::from_json_in` (a fast path over serde_json) against
//! `serde_json::from_str`: the same chunk or the same error, on every chunk
//! we have and on mutations of them; and the fast path actually taken on
//! real streams (a chunk whose long `id` is a slice of the buffer did not go
//! through serde_json, which copies).

use bytes::Bytes;
use openrouter_types::ChatChunk;
use proptest::prelude::*;

use crate::support;

/// Every `data:` payload of every SSE body we have (read once).
fn payloads() -> &'static [(String, String)] {
    static PAYLOADS: std::sync::OnceLock<Vec<(String, String)>> = std::sync::OnceLock::new();
    PAYLOADS.get_or_init(read_payloads)
}

fn read_payloads() -> Vec<(String, String)> {
    let mut bodies = support::chat_streams();
    for path in support::captures("", ".sse") {
        bodies.push((support::stem(&path), std::fs::read(&path).unwrap()));
    }
    bodies
        .into_iter()
        .flat_map(|(name, bytes)| {
            support::sse_payloads(&bytes)
                .into_iter()
                .map(move |data| (name.clone(), data))
        })
        .collect()
}

/// Decodes `data` both ways; panics if they disagree. Returns whether the
/// fast path answered (`None` if it could not be told: no long id).
fn agree(context: &str, data: &str) -> Option<bool> {
    let buffer = Bytes::copy_from_slice(data.as_bytes());
    let text = std::str::from_utf8(&buffer).unwrap();
    let fast = ChatChunk::from_json_in(text, &buffer);
    match (&fast, serde_json::from_str::<ChatChunk>(data)) {
        (Ok(fast), Ok(serde)) => assert_eq!(*fast, serde, "{context}: {data}"),
        (Err(fast), Err(serde)) => assert_eq!(fast.to_string(), serde.to_string(), "{context}"),
        (fast, serde) => panic!("{context}: fast {fast:?}, serde_json {serde:?}\n{data}"),
    }
    let chunk = fast.ok()?;
    (chunk.id.len() > 22).then(|| buffer.as_ptr_range().contains(&chunk.id.as_ptr()))
}

#[test]
fn every_recorded_chunk_decodes_as_serde_json_does_and_takes_the_fast_path() {
    let payloads = payloads();
    let (mut fast, mut told) = (0, 0);
    let mut slow = Vec::new();
    for (name, data) in payloads {
        if let Some(was_fast) = agree(name, data) {
            told += 1;
            if was_fast {
                fast += 1;
            } else {
                slow.push(format!("{name}: {}", support::abbreviate(data)));
            }
        }
    }
    println!(
        "{} payloads, {told} with a long id, {fast} of them decoded by the fast path",
        payloads.len()
    );
    assert!(
        told > 100,
        "too few chunks with a long id ({told}) to tell the paths apart"
    );
    // Every chat chunk OpenRouter sent takes the fast path; other event
    // kinds of the same bodies (Responses API events) are not chunks.
    for line in &slow {
        assert!(
            !line.contains("chat.completion.chunk"),
            "a chat chunk took the slow path: {line}"
        );
    }
}

#[test]
fn edge_cases_decode_as_serde_json_does() {
    for data in [
        "{}",
        " { } ",
        "[]",
        "null",
        "",
        "{",
        r#"{"id":"a","id":"b"}"#,
        r#"{"x":1,"x":2}"#,
        r#"{"id":null}"#,
        r#"{"created":-1}"#,
        r#"{"created":1.5}"#,
        r#"{"created":1e3}"#,
        r#"{"created":01}"#,
        r#"{"created":99999999999999999999}"#,
        r#"{"choices":null}"#,
        r#"{"choices":[{"index":4294967296}]}"#,
        r#"{"choices":[{"index":0,"delta":{"content":null,"role":"tool"}}]}"#,
        r#"{"choices":[{"delta":{"content":"a\u0000b\ud83d\ude00"}}]}"#,
        r#"{"choices":[{"delta":{"content":"\ud83d"}}]}"#,
        r#"{"choices":[{"delta":{"content":"tab	inside"}}]}"#,
        r#"{"\u0069d":"escaped key"}"#,
        r#"{"id":"x"} trailing"#,
        r#"{"usage":{"prompt_tokens":1]}"#,
        r#"{"usage":{"prompt_tokens":1},"debug":{"a":[1,{"b":"}"}]}}"#,
        r#"{"future":{"nested":[1,2,{"k":"v"}]},"also_new":true}"#,
        r#"{"choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"id":"call_1","type":"function","function":{"name":"f","arguments":"{\"a\""}}]}}]}"#,
        r#"{"object":"chat.completion.chunk","provider":"Brand New AI","service_tier":"flex"}"#,
        r#"{"choices":[{"finish_reason":"brand_new","native_finish_reason":"STOP"}]}"#,
        "{\"id\" : \"spaced\" ,\n\t\"created\" : 7 }",
    ] {
        agree("edge case", data);
    }
}

/// JSON text edits that keep most chunks valid but move them off the
/// common shape: whitespace, escapes, repeated and unknown keys, nulls.
fn mutate(data: &str, kind: usize, at: usize) -> String {
    let at = (0..=at.min(data.len()))
        .rev()
        .find(|i| data.is_char_boundary(*i))
        .unwrap_or(0);
    let (head, tail) = data.split_at(at);
    match kind % 8 {
        0 => format!("{head} \n\t{tail}"),
        1 => data.replacen("\"content\":\"", "\"content\":\"\\u00e9\\n", 1),
        2 => data.replacen("{", "{\"id\":\"dup\",", 1),
        3 => data.replacen("{", "{\"unknown\":[{\"a\":null}],", 1),
        4 => data.replacen(":\"", ":null,\"x\":\"", 1),
        5 => format!("{head}{}", &tail[tail.len().min(1)..]),
        6 => data.replacen(":0", ":-0", 1),
        _ => data.replacen("\"", "\"\\\\", 1),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn mutated_chunks_decode_as_serde_json_does(
        pick in any::<prop::sample::Index>(),
        kind in 0usize..8,
        at in 0usize..400,
    ) {
        let payloads = payloads();
        let (name, data) = &payloads[pick.index(payloads.len())];
        agree(name, &mutate(data, kind, at));
    }
}
