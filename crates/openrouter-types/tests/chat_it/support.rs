//! Finding the shared captures and our fixtures, turning stream bodies into
//! data payloads, and diffing JSON values by path.

use std::path::{Path, PathBuf};

use openrouter_sse::{Frame, Parser};
use serde_json::Value;

/// `../shared` next to the repository, or `None` (with a notice) when absent.
pub fn shared_dir() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
    if dir.is_dir() {
        Some(dir)
    } else {
        println!(
            "notice: {} is absent; tests over the shared captures are skipped",
            dir.display()
        );
        None
    }
}

/// The repository's `fixtures/` directory.
pub fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures")
}

/// Files in `dir` whose name starts with `prefix` and ends with `suffix`, sorted.
pub fn files(dir: &Path, prefix: &str, suffix: &str) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut out: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            let name = file_name(p);
            name.starts_with(prefix) && name.ends_with(suffix)
        })
        .collect();
    out.sort();
    out
}

/// Capture files of one kind: `captures/<prefix>*<suffix>`.
pub fn captures(prefix: &str, suffix: &str) -> Vec<PathBuf> {
    match shared_dir() {
        Some(shared) => files(&shared.join("captures"), prefix, suffix),
        None => Vec::new(),
    }
}

pub fn file_name(path: &Path) -> String {
    path.file_name().unwrap().to_string_lossy().into_owned()
}

/// A JSON body as the wire delivers it: OpenRouter pads slow non-streaming
/// answers with whitespace keep-alives, which a JSON parser skips anyway;
/// trimming makes that explicit.
pub fn read_json(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap();
    serde_json::from_str(text.trim_start())
        .unwrap_or_else(|e| panic!("{}: not JSON: {e}", path.display()))
}

/// The `data:` payloads of an SSE body, comments and `[DONE]` skipped.
pub fn sse_payloads(bytes: &[u8]) -> Vec<String> {
    let mut parser = Parser::new();
    parser.feed(bytes);
    let mut out = Vec::new();
    while let Some(frame) = parser.next_frame() {
        if let Frame::Event(event) = frame.expect("the SSE parser rejected a capture")
            && event.data() != "[DONE]"
        {
            out.push(event.into_data());
        }
    }
    // A truncated last event is dropped by the parser, which is what a
    // client sees when the connection is cut.
    let _ = parser.finish();
    out
}

/// Rebuilds the SSE bytes of a `@effect-native/fetch-hooks` transcript:
/// `{"comment"}` lines are raw comment text, `{"json"}` lines are one parsed
/// data payload, `{"text"}` lines are raw data payloads that were not JSON,
/// either `[DONE]` or a fragment of an event split across network reads
/// (the continuation carries the closing blank line).
pub fn fetchhooks_to_sse(transcript: &str) -> Vec<u8> {
    let mut out = String::new();
    let mut open_fragment = false;
    for line in transcript.lines().filter(|l| !l.trim().is_empty()) {
        let entry: Value = serde_json::from_str(line).unwrap();
        if let Some(comment) = entry.get("comment").and_then(Value::as_str) {
            out.push_str(comment);
        } else if let Some(json) = entry.get("json") {
            out.push_str("data: ");
            out.push_str(&serde_json::to_string(json).unwrap());
            out.push_str("\n\n");
        } else if let Some(text) = entry.get("text").and_then(Value::as_str) {
            if !open_fragment {
                out.push_str("data: ");
            }
            out.push_str(text);
            let complete = text.ends_with("\n\n");
            let whole = text == "[DONE]" || serde_json::from_str::<Value>(text).is_ok();
            if whole && !complete {
                out.push_str("\n\n");
            }
            open_fragment = !(complete || whole);
        }
    }
    out.into_bytes()
}

/// Every chat stream body: captures (`stream_*.sse`, fetch-hooks
/// transcripts) and our fixtures (`fixtures/chat/*.sse`), as
/// `(name, bytes)`.
pub fn chat_streams() -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    for path in captures("stream_", ".sse") {
        out.push((
            format!("capture_{}", stem(&path)),
            std::fs::read(&path).unwrap(),
        ));
    }
    for path in captures("stream_", ".fetchhooks.jsonl") {
        let text = std::fs::read_to_string(&path).unwrap();
        out.push((format!("capture_{}", stem(&path)), fetchhooks_to_sse(&text)));
    }
    for path in files(&fixtures_dir().join("chat"), "", ".sse") {
        out.push((
            format!("fixture_{}", stem(&path)),
            std::fs::read(&path).unwrap(),
        ));
    }
    out
}

/// The file name without `.sse`, `.json` or `.fetchhooks.jsonl`.
pub fn stem(path: &Path) -> String {
    let name = file_name(path);
    for suffix in [".fetchhooks.jsonl", ".sse", ".json"] {
        if let Some(stem) = name.strip_suffix(suffix) {
            return stem.to_owned();
        }
    }
    name
}

/// The JSON paths where `actual` differs from `expected`.
///
/// Two equivalences, and only these (documented in `response.rs`):
/// - a key whose value is `null` counts as absent: OpenRouter defines `null`
///   as "absent", the wire mixes both, and the types decode both to `None`;
/// - numbers compare by value (`0` and `0.0`): money fields are `f64`.
pub fn diff(expected: &Value, actual: &Value) -> Vec<String> {
    let mut out = Vec::new();
    walk("$", expected, actual, &mut out);
    out
}

/// Panics naming every differing path and the keys the model dropped.
#[track_caller]
pub fn assert_round_trip(context: &str, expected: &Value, actual: &Value) {
    let differences = diff(expected, actual);
    assert!(
        differences.is_empty(),
        "{context}: the round trip changed {} place(s):\n  {}",
        differences.len(),
        differences.join("\n  ")
    );
}

fn walk(path: &str, expected: &Value, actual: &Value, out: &mut Vec<String>) {
    match (expected, actual) {
        (Value::Object(e), Value::Object(a)) => {
            for (key, ev) in e {
                let child = format!("{path}.{key}");
                match a.get(key) {
                    Some(av) => walk(&child, ev, av, out),
                    None if ev.is_null() => {}
                    None => out.push(format!("{child}: dropped (was {})", short(ev))),
                }
            }
            for (key, av) in a {
                if !e.contains_key(key) && !av.is_null() {
                    out.push(format!("{path}.{key}: added ({})", short(av)));
                }
            }
        }
        (Value::Array(e), Value::Array(a)) => {
            if e.len() != a.len() {
                out.push(format!("{path}: length {} became {}", e.len(), a.len()));
            }
            for (i, (ev, av)) in e.iter().zip(a).enumerate() {
                walk(&format!("{path}[{i}]"), ev, av, out);
            }
        }
        (Value::Number(e), Value::Number(a)) => {
            if e != a && e.as_f64() != a.as_f64() {
                out.push(format!("{path}: {e} became {a}"));
            }
        }
        (e, a) if e.is_null() && a.is_null() => {}
        (e, a) => {
            if e != a {
                out.push(format!("{path}: {} became {}", short(e), short(a)));
            }
        }
    }
}

fn short(value: &Value) -> String {
    let text = value.to_string();
    if text.len() > 80 {
        let cut = (0..=77)
            .rev()
            .find(|&i| text.is_char_boundary(i))
            .unwrap_or(0);
        format!("{}…", &text[..cut])
    } else {
        text
    }
}

/// Truncates long strings (base64 images, encrypted reasoning) for snapshots.
pub fn abbreviate(text: &str) -> String {
    const KEEP: usize = 60;
    if text.len() <= 200 {
        return text.to_owned();
    }
    let cut = (0..=KEEP)
        .rev()
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(0);
    format!("{}… ({} bytes)", &text[..cut], text.len())
}

/// [`abbreviate`] applied to every string in a JSON value.
pub fn abbreviate_value(value: &Value) -> Value {
    match value {
        Value::String(s) => Value::String(abbreviate(s)),
        Value::Array(items) => Value::Array(items.iter().map(abbreviate_value).collect()),
        Value::Object(map) => Value::Object(
            map.iter()
                .map(|(k, v)| (k.clone(), abbreviate_value(v)))
                .collect(),
        ),
        other => other.clone(),
    }
}
