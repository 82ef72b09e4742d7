//! Fixture round trips and behaviour of the media endpoints (images, videos,
//! speech, transcription) and their neighbours (rerank, generation content
//! and feedback, task classifications, preset-from-request fixtures).
//!
//! Each JSON body decodes into its type and re-encodes to the same JSON text:
//! same keys in the same order, same `null`s, same number spelling.

#[path = "media/audio.rs"]
mod audio;
#[path = "media/classifications.rs"]
mod classifications;
#[path = "media/generation_extras.rs"]
mod generation_extras;
#[path = "media/images.rs"]
mod images;
#[path = "media/presets.rs"]
mod presets;
#[path = "media/rerank.rs"]
mod rerank;
#[path = "media/videos.rs"]
mod videos;

use std::fs;
use std::path::PathBuf;

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::support::{diff, fixtures_dir};

/// Suffix of an exchange parked until the testkit loads binary `body_file`s
/// (it reads only `.json` and `.sse` files today): `audio/speech`,
/// `videos/content`. Renaming one to `.json` needs no change here.
const PARKED: &str = ".json.pending";

/// The exchange `fixtures/<name>.json` (or a parked `<name>.json.pending`).
pub fn exchange(name: &str) -> Value {
    let mut path = fixtures_dir().join(format!("{name}.json"));
    if !path.exists() {
        path = fixtures_dir().join(format!("{name}{PARKED}"));
    }
    let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("parse {}: {e}", path.display()))
}

/// Round-trips the request body of fixture `name` through `T`.
#[track_caller]
pub fn request<T: DeserializeOwned + Serialize>(name: &str) -> T {
    let exchange = exchange(name);
    let body = exchange["request"]
        .get("body")
        .unwrap_or_else(|| panic!("{name} has no request body"));
    round_trip(&format!("{name} request"), body)
}

/// Round-trips the (2xx, inline JSON) response body of fixture `name` through `T`.
#[track_caller]
pub fn response<T: DeserializeOwned + Serialize>(name: &str) -> T {
    let exchange = exchange(name);
    let status = exchange["response"]["status"].as_u64().unwrap_or(0);
    assert!((200..300).contains(&status), "{name}: status {status}");
    round_trip(&format!("{name} response"), &exchange["response"]["body"])
}

/// The bytes of a fixture's `body_file` and its `content-type`.
pub fn body_file(name: &str) -> (Vec<u8>, String) {
    let exchange = exchange(name);
    let file = exchange["response"]["body_file"]
        .as_str()
        .unwrap_or_else(|| panic!("{name} has no body_file"));
    let folder = name.rsplit_once('/').map_or("", |(folder, _)| folder);
    let path = fixtures_dir().join(folder).join(file);
    let bytes = fs::read(&path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()));
    let content_type = exchange["response"]["headers"]["content-type"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    (bytes, content_type)
}

/// A file of the fixture folder that is not an exchange (an upload for tests).
pub fn fixture_file(path: &str) -> Vec<u8> {
    let path: PathBuf = fixtures_dir().join(path);
    fs::read(&path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()))
}

/// Decodes `value` as `T`, re-encodes it, and asserts the JSON text is identical.
#[track_caller]
pub fn round_trip<T: DeserializeOwned + Serialize>(what: &str, value: &Value) -> T {
    let typed: T = serde_path_to_error::deserialize(value.clone())
        .unwrap_or_else(|e| panic!("{what}: decode failed at {}: {}", e.path(), e.inner()));
    let back = serde_json::to_value(&typed).unwrap_or_else(|e| panic!("{what}: encode: {e}"));
    let (expected, actual) = (
        serde_json::to_string(value).expect("encode"),
        serde_json::to_string(&back).expect("encode"),
    );
    assert!(
        expected == actual,
        "{what}: the round trip changed the JSON\n  differences: {:?}\n  expected: {expected}\n  actual:   {actual}",
        diff(value, &back)
    );
    typed
}

/// Asserts `names` are exactly the exchanges of `folder` (a folder these tests own).
#[track_caller]
pub fn covers(folder: &str, names: &[&str]) {
    let mut files: Vec<String> = fs::read_dir(fixtures_dir().join(folder))
        .expect("list the fixture folder")
        .map(|e| {
            e.expect("a fixture")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .filter_map(|file| {
            let stem = file
                .strip_suffix(".json")
                .or_else(|| file.strip_suffix(PARKED))?;
            Some(stem.to_owned())
        })
        .collect();
    files.sort();
    let mut expected: Vec<String> = names.iter().map(|n| (*n).to_owned()).collect();
    expected.sort();
    assert_eq!(
        files, expected,
        "fixtures of {folder}/ and the tests that check them"
    );
}
