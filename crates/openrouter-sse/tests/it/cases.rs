//! Conformance case files (the `../shared/sse-conformance` format): loading,
//! and running a case's input through the parser in a given chunking.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use bytes::Bytes;
use openrouter_sse::{Frame, Parser};
use serde_json::{Value, json};

/// One case from a case file.
pub struct Case {
    pub file: PathBuf,
    pub name: String,
    pub input: Vec<u8>,
    pub chunks: Option<Vec<Vec<u8>>>,
    pub expected: Value,
    /// Our extension of the format: whether `Parser::finish` must report a
    /// clean end. Absent in third-party files.
    pub finish_clean: Option<bool>,
}

pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Every `*.json` file under `dir`, recursively, sorted.
pub fn json_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let entries =
            std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("read {}: {e}", dir.display()));
        for entry in entries {
            let path = entry.expect("directory entry").path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|ext| ext == "json") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

pub fn load(file: &Path) -> Vec<Case> {
    let text =
        std::fs::read_to_string(file).unwrap_or_else(|e| panic!("read {}: {e}", file.display()));
    let cases: Vec<Value> = serde_json::from_str(&text)
        .unwrap_or_else(|e| panic!("{} is not a JSON array of cases: {e}", file.display()));
    cases
        .into_iter()
        .map(|case| {
            let name = case["name"]
                .as_str()
                .unwrap_or_else(|| panic!("a case in {} has no name", file.display()));
            let context = format!("{} case {name:?}", file.display());
            let input = match (&case["input"], &case["input_hex"]) {
                (Value::String(s), Value::Null) => s.as_bytes().to_vec(),
                (Value::Null, Value::String(hex)) => from_hex(hex, &context),
                _ => panic!("{context}: exactly one of input, input_hex"),
            };
            let chunks: Option<Vec<Vec<u8>>> = match (&case["chunks"], &case["chunks_hex"]) {
                (Value::Null, Value::Null) => None,
                (Value::Array(chunks), Value::Null) => Some(
                    chunks
                        .iter()
                        .map(|c| c.as_str().expect("string chunk").as_bytes().to_vec())
                        .collect(),
                ),
                (Value::Null, Value::Array(chunks)) => Some(
                    chunks
                        .iter()
                        .map(|c| from_hex(c.as_str().expect("hex chunk"), &context))
                        .collect(),
                ),
                _ => panic!("{context}: at most one of chunks, chunks_hex"),
            };
            if let Some(chunks) = &chunks {
                assert_eq!(
                    chunks.concat(),
                    input,
                    "{context}: chunks do not concatenate to the input"
                );
            }
            assert!(
                case["expected"].is_array(),
                "{context}: expected must be an array"
            );
            Case {
                file: file.to_path_buf(),
                name: name.to_owned(),
                input,
                chunks,
                expected: case["expected"].clone(),
                finish_clean: case["finish_clean"].as_bool(),
            }
        })
        .collect()
}

fn from_hex(hex: &str, context: &str) -> Vec<u8> {
    let hex: Vec<u8> = hex.bytes().filter(|b| !b.is_ascii_whitespace()).collect();
    assert!(hex.len().is_multiple_of(2), "{context}: odd-length hex");
    hex.chunks(2)
        .map(|pair| {
            let s = std::str::from_utf8(pair).expect("ascii hex");
            u8::from_str_radix(s, 16).unwrap_or_else(|_| panic!("{context}: bad hex {s:?}"))
        })
        .collect()
}

/// How to feed the input.
#[derive(Debug, Clone, Copy)]
pub enum Feed {
    /// `feed(&[u8])` per chunk.
    Borrowed,
    /// `feed_bytes(Bytes)` per chunk.
    Shared,
}

/// The frames of `chunks` fed in order, in the case-file shape (events carry
/// the running `retry`), plus whether the end was clean. Limit errors appear
/// as `{"type":"error"}` frames so they show up in a diff.
pub fn run<'a>(chunks: impl IntoIterator<Item = &'a [u8]>, feed: Feed) -> (Vec<Value>, bool) {
    let mut parser = Parser::new();
    let mut frames = Vec::new();
    let mut retry = Value::Null;
    for chunk in chunks {
        match feed {
            Feed::Borrowed => parser.feed(chunk),
            Feed::Shared => parser.feed_bytes(Bytes::copy_from_slice(chunk)),
        }
        drain(&mut parser, &mut frames, &mut retry);
    }
    let clean = parser.finish().is_clean();
    drain(&mut parser, &mut frames, &mut retry);
    (frames, clean)
}

fn drain(parser: &mut Parser, frames: &mut Vec<Value>, retry: &mut Value) {
    while let Some(frame) = parser.next_frame() {
        match frame {
            Ok(Frame::Event(event)) => frames.push(json!({
                "type": "event",
                "event": event.event_type(),
                "data": event.data(),
                "id": event.id(),
                "retry": retry,
            })),
            Ok(Frame::Comment(comment)) => {
                frames.push(json!({"type": "comment", "text": comment.text()}));
            }
            Ok(Frame::Retry(ms)) => *retry = json!(ms),
            Ok(other) => frames.push(json!({"type": "unknown", "debug": format!("{other:?}")})),
            Err(error) => frames.push(json!({"type": "error", "message": error.to_string()})),
        }
    }
}

/// Runs `case` whole (both feed kinds), in its given chunking and one byte at
/// a time; returns a description of every mismatch.
pub fn check(case: &Case) -> Vec<String> {
    let mut runs: Vec<(String, Vec<&[u8]>, Feed)> = vec![
        ("whole, feed".into(), vec![&case.input[..]], Feed::Borrowed),
        (
            "whole, feed_bytes".into(),
            vec![&case.input[..]],
            Feed::Shared,
        ),
        (
            "one byte at a time".into(),
            case.input.chunks(1).collect(),
            Feed::Borrowed,
        ),
    ];
    if let Some(chunks) = &case.chunks {
        runs.push((
            "given chunks".into(),
            chunks.iter().map(Vec::as_slice).collect(),
            Feed::Shared,
        ));
    }
    let mut failures = Vec::new();
    for (how, chunks, feed) in runs {
        let (frames, clean) = run(chunks, feed);
        let mut problem = String::new();
        if Value::Array(frames.clone()) != case.expected {
            let _ = write!(
                problem,
                "\n  expected: {}\n  actual:   {}",
                abbreviate(&case.expected.to_string()),
                abbreviate(&Value::Array(frames).to_string())
            );
        }
        if let Some(want) = case.finish_clean
            && want != clean
        {
            let _ = write!(
                problem,
                "\n  finish().is_clean() = {clean}, expected {want}"
            );
        }
        if !problem.is_empty() {
            failures.push(format!(
                "{} :: {} ({how}):{problem}",
                case.file.display(),
                case.name
            ));
        }
    }
    failures
}

fn abbreviate(s: &str) -> String {
    if s.len() <= 2000 {
        return s.to_owned();
    }
    let mut head = 1000;
    while !s.is_char_boundary(head) {
        head -= 1;
    }
    let mut tail = s.len() - 1000;
    while !s.is_char_boundary(tail) {
        tail += 1;
    }
    format!("{} …[{} bytes]… {}", &s[..head], s.len() - 2000, &s[tail..])
}
