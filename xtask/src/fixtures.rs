//! `cargo xtask fixtures check|record` and `cargo xtask corpus DIR`: keep the recorded
//! exchanges in `fixtures/` honest (they parse, their streams are valid SSE, their JSON decodes
//! into `openrouter-types` and survives a round trip) and run the same checks over raw captures.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use openrouter_sse::{Frame, Parser};
use openrouter_types as types;
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::ci::workspace_root;

mod record;
mod routes;

use routes::{Decoder, ROUTES};

const USAGE: &str = "usage:
  cargo xtask fixtures check            validate every exchange in fixtures/
  cargo xtask fixtures record [--out DIR] [--model SLUG] [--base-url URL]
                                        re-record a few live exchanges (needs OPENROUTER_API_KEY; never in CI)
  cargo xtask corpus [DIR]              run the same checks over raw captures (default ../shared/captures)";

/// `cargo xtask fixtures …`.
pub fn run(args: &[String]) -> Result<(), String> {
    match args.first().map(String::as_str) {
        Some("check") | None => check(&workspace_root().join("fixtures")),
        Some("record") => record::run(&args[1..]),
        Some(other) => Err(format!("unknown fixtures command `{other}`\n{USAGE}")),
    }
}

/// `cargo xtask corpus [DIR]`: every capture in DIR (default `../shared/captures`) must be
/// valid SSE or JSON and decode into our types without losing a field.
pub fn corpus(args: &[String]) -> Result<(), String> {
    let dir = match args {
        [] => workspace_root().join("../shared/captures"),
        [dir] => PathBuf::from(dir),
        _ => return Err(format!("corpus takes at most one directory\n{USAGE}")),
    };
    if !dir.is_dir() {
        eprintln!("corpus: {} is absent; nothing to check", dir.display());
        return Ok(());
    }
    let mut report = Report::default();
    let mut files = list(&dir)?;
    files.sort();
    for path in files {
        let name = file_name(&path);
        let problems = check_capture(&path, &name);
        report.add(&name, &problems);
    }
    report.finish("captures")
}

// ---------------------------------------------------------------- check

#[derive(Default)]
struct Report {
    checked: usize,
    failures: Vec<String>,
}

impl Report {
    fn add(&mut self, name: &str, problems: &[String]) {
        self.checked += 1;
        if problems.is_empty() {
            eprintln!("ok    {name}");
        } else {
            eprintln!("FAIL  {name}");
            for problem in problems {
                eprintln!("      {problem}");
            }
            self.failures
                .push(format!("{name}: {}", problems.join("; ")));
        }
    }

    fn finish(self, what: &str) -> Result<(), String> {
        eprintln!(
            "{} {what} checked, {} failed",
            self.checked,
            self.failures.len()
        );
        if self.failures.is_empty() {
            Ok(())
        } else {
            Err(format!(
                "{} of {} {what} failed:\n{}",
                self.failures.len(),
                self.checked,
                self.failures.join("\n")
            ))
        }
    }
}

fn check(dir: &Path) -> Result<(), String> {
    let mut report = Report::default();
    let mut referenced = BTreeSet::new();
    let mut streams = BTreeSet::new();
    let mut folders = list(dir)?;
    folders.sort();
    for folder in folders
        .iter()
        .filter(|p| p.is_dir() && file_name(p) != "sse")
    {
        let mut files = list(folder)?;
        files.sort();
        for path in files {
            let name = format!("{}/{}", file_name(folder), file_name(&path));
            if name.ends_with(".sse") {
                streams.insert(name);
            } else if let Some(stem) = name.strip_suffix(".json") {
                let (problems, body_file) = check_exchange(&path, stem);
                if let Some(file) = body_file {
                    referenced.insert(format!("{}/{file}", file_name(folder)));
                }
                report.add(stem, &problems);
            }
        }
    }
    for orphan in streams.difference(&referenced) {
        report.add(
            orphan,
            &["no exchange names this file in `body_file`".to_owned()],
        );
    }
    report.finish("fixtures")
}

/// Checks one exchange file; returns its problems and the `body_file` it names.
fn check_exchange(path: &Path, name: &str) -> (Vec<String>, Option<String>) {
    let mut problems = Vec::new();
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) => return (vec![format!("cannot read: {e}")], None),
    };
    let exchange: Value = match serde_json::from_str(&text) {
        Ok(value) => value,
        Err(e) => return (vec![format!("not JSON: {e}")], None),
    };
    let known = ["description", "default", "request", "response"];
    for key in exchange
        .as_object()
        .map(|o| o.keys().collect::<Vec<_>>())
        .unwrap_or_default()
    {
        if !known.contains(&key.as_str()) {
            problems.push(format!("unknown top-level key `{key}`"));
        }
    }
    if !exchange["description"].is_string() {
        problems.push("`description` must be a string".to_owned());
    }
    let request = &exchange["request"];
    let method = request["method"].as_str().unwrap_or_default();
    let request_path = request["path"].as_str().unwrap_or_default();
    if method.is_empty() || !request_path.starts_with("/api/v1/") {
        problems.push("request needs `method` and a `path` starting with /api/v1/".to_owned());
    }
    if request["headers"].get("authorization").is_some() {
        problems.push("request.headers must not record `authorization`".to_owned());
    }
    let response = &exchange["response"];
    let status = response["status"].as_u64().unwrap_or(0);
    if !(100..=599).contains(&status) {
        problems.push("response.status must be an HTTP status".to_owned());
    }
    let content_type = response["headers"]["content-type"]
        .as_str()
        .unwrap_or_default();
    let bodies = ["body", "body_text", "body_file"]
        .iter()
        .filter(|k| response.get(**k).is_some())
        .count();
    if bodies != 1 {
        problems.push("response needs exactly one of `body`, `body_text`, `body_file`".to_owned());
        return (problems, None);
    }
    let kind = Kind::of_fixture(name, method, request_path, status, content_type);
    if let Some(file) = response["body_file"].as_str() {
        let sibling = path.with_file_name(file);
        match std::fs::read(&sibling) {
            Ok(bytes) if content_type.starts_with("text/event-stream") => {
                let expect_complete = !name.contains("truncated");
                problems.extend(check_sse(&bytes, kind, expect_complete));
            }
            // A binary body (audio, video, a file): it must exist and say what it is.
            Ok(bytes) if bytes.is_empty() => problems.push(format!("body_file {file} is empty")),
            Ok(_) if content_type.is_empty() => {
                problems.push(format!("body_file {file} needs a content-type"));
            }
            Ok(_) => {}
            Err(e) => problems.push(format!("body_file {file}: {e}")),
        }
        return (problems, Some(file.to_owned()));
    }
    let body = match (&response["body"], response["body_text"].as_str()) {
        (Value::Null, Some(text)) if !content_type.contains("json") => {
            if text.is_empty() {
                problems.push("body_text is empty".to_owned());
            }
            return (problems, None);
        }
        (Value::Null, Some(text)) => match serde_json::from_str(text.trim_start()) {
            Ok(value) => value,
            Err(e) => {
                problems.push(format!("body_text is labelled JSON but is not: {e}"));
                return (problems, None);
            }
        },
        (body, _) => body.clone(),
    };
    problems.extend(kind.decode(&body));
    (problems, None)
}

/// Checks one raw capture file by its name and extension.
fn check_capture(path: &Path, name: &str) -> Vec<String> {
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) => return vec![format!("cannot read: {e}")],
    };
    if name.ends_with(".md") {
        return Vec::new();
    }
    if name.ends_with(".sse") {
        let kind = if name.starts_with("responses_") {
            Kind::ResponsesEvent
        } else {
            Kind::ChatChunk
        };
        return check_sse(&bytes, kind, true);
    }
    if name.ends_with(".jsonl") {
        return check_transcript(&bytes);
    }
    let value: Value = match serde_json::from_slice(trim_start(&bytes)) {
        Ok(value) => value,
        Err(e) => return vec![format!("not JSON: {e}")],
    };
    let kind = match name {
        n if n.starts_with("error_") => Kind::Error,
        n if n.starts_with("chat_") => Kind::ChatCompletion,
        n if n.starts_with("responses_") => Kind::Response,
        n if n.starts_with("embeddings_") => Kind::Embeddings,
        n if n.starts_with("endpoints_") => Kind::Endpoints,
        n if n.starts_with("generation_") => Kind::Generation,
        n if n.starts_with("key_info_data_object") => Kind::KeyInfoObject,
        n if n.starts_with("models_list") => Kind::Models,
        _ => return vec!["no known type for this file name".to_owned()],
    };
    kind.decode(&value)
}

/// A fetch-hooks transcript: `{"json": chunk}`, `{"text": "[DONE]" | fragment}`,
/// `{"comment": …}`, `{"delay_ms": n}` per line; split events are rejoined.
fn check_transcript(bytes: &[u8]) -> Vec<String> {
    let mut problems = Vec::new();
    let mut pending = String::new();
    for (number, line) in String::from_utf8_lossy(bytes).lines().enumerate() {
        let entry: Value = match serde_json::from_str(line) {
            Ok(entry) => entry,
            Err(e) => {
                problems.push(format!("line {}: not JSON: {e}", number + 1));
                continue;
            }
        };
        if let Some(chunk) = entry.get("json") {
            problems.extend(
                Kind::ChatChunk
                    .decode(chunk)
                    .into_iter()
                    .map(|p| format!("line {}: {p}", number + 1)),
            );
        } else if let Some(text) = entry.get("text").and_then(Value::as_str) {
            if text == "[DONE]" {
                continue;
            }
            pending.push_str(text);
            if let Ok(chunk) = serde_json::from_str::<Value>(&pending) {
                problems.extend(Kind::ChatChunk.decode(&chunk));
                pending.clear();
            }
        }
    }
    if !pending.is_empty() {
        problems.push(format!(
            "{} bytes of an event never completed",
            pending.len()
        ));
    }
    problems
}

/// Parses a stream with openrouter-sse; every data payload must be `[DONE]` or decode as
/// `kind`. A complete stream ends cleanly with `[DONE]`; a truncated one must not.
fn check_sse(bytes: &[u8], kind: Kind, expect_complete: bool) -> Vec<String> {
    let mut problems = Vec::new();
    let mut parser = Parser::new();
    parser.feed(bytes);
    let mut events = 0;
    let mut done = false;
    let mut per_event: Vec<(String, usize, usize)> = Vec::new();
    while let Some(frame) = parser.next_frame() {
        match frame {
            Ok(Frame::Event(event)) => {
                events += 1;
                if done {
                    problems.push("data after [DONE]".to_owned());
                }
                if event.data() == "[DONE]" {
                    done = true;
                    continue;
                }
                let found = match serde_json::from_str::<Value>(event.data()) {
                    Ok(value) => {
                        // Anthropic's Messages streams end with `message_stop` (or an `error`), not [DONE].
                        if matches!(kind, Kind::MessagesEvent)
                            && (value["type"] == "message_stop" || value["type"] == "error")
                        {
                            done = true;
                        }
                        kind.decode(&value)
                    }
                    Err(e) => vec![format!("data is not JSON: {e}")],
                };
                for problem in found {
                    // The same mistake on every chunk is reported once, with a count.
                    match per_event.iter_mut().find(|(p, _, _)| *p == problem) {
                        Some((_, _, count)) => *count += 1,
                        None => per_event.push((problem, events, 1)),
                    }
                }
            }
            Ok(_) => {}
            Err(e) => problems.push(format!("SSE error: {e}")),
        }
    }
    for (problem, first, count) in per_event {
        let more = if count > 1 {
            format!(" (and {} more events)", count - 1)
        } else {
            String::new()
        };
        problems.push(format!("event {first}{more}: {problem}"));
    }
    let clean = parser.finish().is_clean();
    if expect_complete && (!clean || !done) {
        problems.push(format!(
            "stream is incomplete (clean end: {clean}, [DONE] seen: {done})"
        ));
    }
    if !expect_complete && clean && done {
        problems.push("a truncated stream must end mid-event without [DONE]".to_owned());
    }
    if events == 0 {
        problems.push("no events".to_owned());
    }
    problems
}

// ---------------------------------------------------------------- decoding

/// Which `openrouter-types` type a body must decode into.
#[derive(Debug, Clone, Copy)]
enum Kind {
    ChatCompletion,
    ChatChunk,
    Response,
    ResponsesEvent,
    Error,
    Models,
    Model,
    Count,
    Endpoints,
    ZdrEndpoints,
    Providers,
    Key,
    KeyInfoObject,
    Credits,
    Generation,
    KeysList,
    KeyCreated,
    KeyOne,
    KeyDeleted,
    Embeddings,
    MessagesEvent,
    /// A route of the rest of the API: its decoder from [`ROUTES`].
    Routed(Decoder),
}

impl Kind {
    fn of_fixture(name: &str, method: &str, path: &str, status: u64, content_type: &str) -> Kind {
        let path = path.trim_start_matches("/api/v1");
        if content_type.starts_with("text/event-stream") {
            return match path {
                "/responses" => Kind::ResponsesEvent,
                "/messages" => Kind::MessagesEvent,
                _ => Kind::ChatChunk,
            };
        }
        if status >= 400 || name.contains("error_in_200") {
            return Kind::Error;
        }
        let declared = openrouter_api::operation::for_path(method, path);
        if let Some((_, decode)) =
            declared.and_then(|op| ROUTES.iter().find(|(route, _)| route.id == op.id))
        {
            return Kind::Routed(*decode);
        }
        match path {
            "/chat/completions" => Kind::ChatCompletion,
            "/responses" => Kind::Response,
            "/models" | "/models/user" | "/embeddings/models" => Kind::Models,
            "/models/count" => Kind::Count,
            "/endpoints/zdr" => Kind::ZdrEndpoints,
            "/providers" => Kind::Providers,
            "/key" | "/auth/key" => Kind::Key,
            "/credits" => Kind::Credits,
            "/generation" => Kind::Generation,
            "/keys" if status == 201 => Kind::KeyCreated,
            "/keys" => Kind::KeysList,
            "/embeddings" => Kind::Embeddings,
            p if p.starts_with("/model/") => Kind::Model,
            p if p.ends_with("/endpoints") => Kind::Endpoints,
            p if p.starts_with("/keys/") && name.ends_with("delete") => Kind::KeyDeleted,
            _ => Kind::KeyOne,
        }
    }

    /// Decodes `value` as this kind and re-encodes it; returns what did not survive.
    fn decode(self, value: &Value) -> Vec<String> {
        match self {
            Kind::ChatCompletion => round_trip::<types::ChatCompletion>(value),
            Kind::ChatChunk => round_trip::<types::ChatChunk>(value),
            Kind::Response => round_trip::<types::Response>(value),
            Kind::ResponsesEvent => round_trip::<types::StreamEvent>(value),
            Kind::Error => round_trip::<types::ErrorResponse>(value),
            Kind::Models => round_trip::<types::ModelsList>(value),
            Kind::Model => round_trip::<types::Data<types::Model>>(value),
            Kind::Count => round_trip::<types::Data<Value>>(value),
            Kind::Endpoints => round_trip::<types::Data<types::EndpointsList>>(value),
            Kind::ZdrEndpoints => round_trip::<types::Data<Vec<types::Endpoint>>>(value),
            Kind::Providers => round_trip::<types::Data<Vec<types::Provider>>>(value),
            Kind::Key => round_trip::<types::Data<types::KeyInfo>>(value),
            Kind::KeyInfoObject => round_trip::<types::KeyInfo>(value),
            Kind::Credits => round_trip::<types::Data<types::Credits>>(value),
            Kind::Generation => round_trip::<types::Data<types::Generation>>(value),
            Kind::KeysList => round_trip::<types::Data<Vec<types::ApiKey>>>(value),
            Kind::KeyCreated => round_trip::<types::CreateKeyResponse>(value),
            Kind::KeyOne => round_trip::<types::Data<types::ApiKey>>(value),
            Kind::KeyDeleted => round_trip::<types::keys::DeleteKeyResponse>(value),
            Kind::Embeddings => round_trip::<types::EmbeddingsResponse>(value),
            Kind::MessagesEvent => round_trip::<types::messages::MessagesStreamEvent>(value),
            Kind::Routed(decode) => decode(value),
        }
    }
}

fn round_trip<T: DeserializeOwned + Serialize>(value: &Value) -> Vec<String> {
    let typed: T = match serde_json::from_value(value.clone()) {
        Ok(typed) => typed,
        Err(e) => {
            return vec![format!(
                "does not decode as {}: {e}",
                std::any::type_name::<T>()
            )];
        }
    };
    let back = match serde_json::to_value(&typed) {
        Ok(back) => back,
        Err(e) => {
            return vec![format!(
                "{} does not encode: {e}",
                std::any::type_name::<T>()
            )];
        }
    };
    let mut differences = Vec::new();
    diff("", value, &back, &mut differences);
    differences.truncate(5);
    differences
        .into_iter()
        .map(|d| format!("round trip through {}: {d}", std::any::type_name::<T>()))
        .collect()
}

/// Differences between `before` and `after`, by JSON path. Numbers compare by value
/// (`1.0` and `1` are the same amount).
fn diff(path: &str, before: &Value, after: &Value, out: &mut Vec<String>) {
    match (before, after) {
        (Value::Object(a), Value::Object(b)) => {
            // A `null` field and a missing one mean the same (the API's own rule), so a
            // round trip may turn one into the other.
            for (key, value) in a {
                let at = format!("{path}/{key}");
                match b.get(key) {
                    Some(other) => diff(&at, value, other, out),
                    None if value.is_null() => {}
                    None => out.push(format!("{at} was dropped")),
                }
            }
            for (key, _) in b
                .iter()
                .filter(|(k, v)| !a.contains_key(*k) && !v.is_null())
            {
                out.push(format!("{path}/{key} was added"));
            }
        }
        (Value::Array(a), Value::Array(b)) if a.len() == b.len() => {
            for (i, (x, y)) in a.iter().zip(b).enumerate() {
                diff(&format!("{path}/{i}"), x, y, out);
            }
        }
        (Value::Number(a), Value::Number(b)) if a.as_f64() == b.as_f64() => {}
        (a, b) if a == b => {}
        (a, b) => {
            let mut shown = String::new();
            let _ = write!(shown, "{path}: {a} became {b}");
            out.push(shown);
        }
    }
}

// ---------------------------------------------------------------- helpers

fn list(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let entries =
        std::fs::read_dir(dir).map_err(|e| format!("cannot list {}: {e}", dir.display()))?;
    Ok(entries.filter_map(|e| e.ok().map(|e| e.path())).collect())
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

fn trim_start(bytes: &[u8]) -> &[u8] {
    let start = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(bytes.len());
    &bytes[start..]
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `cargo test` runs `fixtures check`, so a change to the types that breaks a fixture
    /// fails the ordinary test suite, not only `cargo xtask`.
    #[test]
    fn the_fixture_folder_passes_check() {
        check(&workspace_root().join("fixtures")).unwrap();
    }

    #[test]
    fn the_shared_captures_pass_corpus() {
        // `corpus` prints a notice and passes when ../shared/captures is absent.
        corpus(&[]).unwrap();
    }

    #[test]
    fn diff_names_the_path() {
        let before = serde_json::json!({"a": {"b": [1, 2]}, "c": 1.0});
        let after = serde_json::json!({"a": {"b": [1, 3]}, "c": 1});
        let mut out = Vec::new();
        diff("", &before, &after, &mut out);
        assert_eq!(out, ["/a/b/1: 2 became 3"]);
    }

    #[test]
    fn truncated_streams_are_told_apart() {
        let complete = b": OPENROUTER PROCESSING\n\ndata: {\"data\":1}\n\ndata: [DONE]\n\n";
        assert!(check_sse(complete, Kind::Count, true).is_empty());
        assert!(!check_sse(b"data: {\"id\":", Kind::Count, true).is_empty());
        assert!(check_sse(b"data: {\"data\":1}\n\ndata: {\"id\":", Kind::Count, false).is_empty());
    }
}
