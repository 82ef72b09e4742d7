//! Round trip of our own recorded exchanges (`fixtures/<endpoint>/*.json`) for
//! the non-chat endpoints: the request body through its request type, a 2xx
//! response body (inline, verbatim text, or `.sse` file) through its response type.

use std::fs;
use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::kinds::{Kind, sse_data};
use crate::support::diff;

const FOLDERS: &[&str] = &[
    "models",
    "endpoints",
    "providers",
    "key",
    "credits",
    "generation",
    "keys",
    "embeddings",
    "responses",
];

#[test]
fn every_fixture_of_our_endpoints_round_trips() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures");
    let mut failures = Vec::new();
    let mut checked = 0;
    for folder in FOLDERS {
        let Ok(entries) = fs::read_dir(root.join(folder)) else {
            continue;
        };
        let mut files: Vec<PathBuf> = entries
            .map(|e| e.expect("list a fixture").path())
            .filter(|p| p.extension().is_some_and(|ext| ext == "json"))
            .collect();
        files.sort();
        for file in files {
            let name = format!(
                "{folder}/{}",
                file.file_name().unwrap_or_default().to_string_lossy()
            );
            match check_exchange(&file) {
                Ok(n) => checked += n,
                Err(e) => failures.push(format!("{name}: {e}")),
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} fixture(s) failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
    // The fixture set is being written alongside; once it exists, it must be read.
    if root.join("models").is_dir() {
        assert!(checked > 0, "no fixture body was checked");
    }
}

/// Checks one exchange; returns how many bodies it round-tripped.
fn check_exchange(file: &Path) -> Result<usize, String> {
    let exchange: Value = serde_json::from_slice(&fs::read(file).map_err(|e| e.to_string())?)
        .map_err(|e| e.to_string())?;
    let method = exchange["request"]["method"]
        .as_str()
        .ok_or("no request.method")?;
    let path = exchange["request"]["path"]
        .as_str()
        .ok_or("no request.path")?;
    let Some((request_kind, response_kind)) = Kind::of_route(method, path) else {
        return Err(format!(
            "{method} {path} is not a route of ours: add it to Kind::of_route"
        ));
    };
    let mut checked = 0;
    if let (Some(kind), Some(body)) = (request_kind, exchange["request"].get("body")) {
        compare("request.body", kind, body)?;
        checked += 1;
    }
    let response = &exchange["response"];
    let status = response["status"].as_u64().ok_or("no response.status")?;
    if !(200..300).contains(&status) {
        // Error envelopes are the chat side's `ErrorResponse`, tested there.
        return Ok(checked);
    }
    if let Some(body) = response.get("body") {
        compare("response.body", response_kind, body)?;
        checked += 1;
    } else if let Some(text) = response.get("body_text").and_then(Value::as_str) {
        let body: Value =
            serde_json::from_str(text.trim_start()).map_err(|e| format!("body_text: {e}"))?;
        compare("response.body_text", response_kind, &body)?;
        checked += 1;
    } else if let Some(body_file) = response.get("body_file").and_then(Value::as_str) {
        let bytes =
            fs::read(file.with_file_name(body_file)).map_err(|e| format!("{body_file}: {e}"))?;
        if body_file.ends_with(".sse") {
            let kind = if response_kind == Kind::Response {
                Kind::StreamEvent
            } else {
                response_kind
            };
            for (i, data) in sse_data(&bytes)?.iter().enumerate() {
                let value: Value =
                    serde_json::from_str(data).map_err(|e| format!("{body_file} #{i}: {e}"))?;
                compare(&format!("{body_file} event #{i}"), kind, &value)?;
                checked += 1;
            }
        } else {
            let body: Value =
                serde_json::from_slice(&bytes).map_err(|e| format!("{body_file}: {e}"))?;
            compare(body_file, response_kind, &body)?;
            checked += 1;
        }
    }
    Ok(checked)
}

fn compare(what: &str, kind: Kind, value: &Value) -> Result<(), String> {
    let back = kind
        .round_trip(value)
        .map_err(|e| format!("{what} as {kind:?}: {e}"))?;
    let differences = diff(value, &back);
    if differences.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "{what} as {kind:?} changed:\n  {}",
            differences.join("\n  ")
        ))
    }
}
