//! The platform and account endpoints (BYOK, activity, analytics, datasets,
//! benchmarks, Coinbase, OAuth, files, presets, organization): every fixture
//! of their folders round-trips through its types with the key order kept.

#[path = "platform/activity.rs"]
mod activity;
#[path = "platform/analytics.rs"]
mod analytics;
#[path = "platform/benchmarks.rs"]
mod benchmarks;
#[path = "platform/byok.rs"]
mod byok;
#[path = "platform/coinbase.rs"]
mod coinbase;
#[path = "platform/datasets.rs"]
mod datasets;
#[path = "platform/files.rs"]
mod files;
#[path = "platform/oauth.rs"]
mod oauth;
#[path = "platform/organization.rs"]
mod organization;
#[path = "platform/presets.rs"]
mod presets;

use std::path::Path;

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

/// Every fixture of these folders is checked by one of the tests below; a
/// new fixture must be added here and given a test.
const COVERED: &[&str] = &[
    "activity/by_workspace",
    "activity/list",
    "analytics/meta",
    "analytics/query",
    "benchmarks/list",
    "byok/create",
    "byok/delete",
    "byok/get",
    "byok/list",
    "byok/update",
    "coinbase/charge",
    "datasets/app_rankings",
    "datasets/rankings_daily",
    "datasets/session_cost",
    "files/content",
    "files/delete",
    "files/get",
    "files/list",
    "files/list_openai",
    "files/upload",
    "oauth/create_code",
    "oauth/exchange",
    "organization/members",
    "presets/get",
    "presets/list",
    "presets/version",
    "presets/versions",
];

/// Folders other areas also write to (`presets/chat.json`…): there only
/// our fixtures' presence is checked.
const SHARED_FOLDERS: &[&str] = &["presets"];

#[test]
fn every_fixture_of_the_platform_folders_has_a_test() {
    let root = fixtures_root();
    let mut found = Vec::new();
    let mut folders: Vec<&str> = COVERED
        .iter()
        .map(|n| n.split('/').next().unwrap())
        .collect();
    folders.dedup();
    for folder in folders {
        for entry in std::fs::read_dir(root.join(folder)).expect("fixture folder") {
            let path = entry.expect("entry").path();
            if path.extension().is_some_and(|e| e == "json") {
                let stem = path.file_stem().unwrap().to_string_lossy();
                let name = format!("{folder}/{stem}");
                if !SHARED_FOLDERS.contains(&folder) || COVERED.contains(&name.as_str()) {
                    found.push(name);
                }
            }
        }
    }
    found.sort();
    assert_eq!(found, COVERED);
}

fn fixtures_root() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures")
}

/// The exchange `fixtures/<name>.json`.
pub fn exchange(name: &str) -> Value {
    let path = fixtures_root().join(format!("{name}.json"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{name}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// Decodes the exchange's request body as `T`, checks the round trip, returns it.
pub fn request<T: DeserializeOwned + Serialize>(name: &str) -> T {
    let exchange = exchange(name);
    let body = exchange["request"]
        .get("body")
        .unwrap_or_else(|| panic!("{name}: no request body"));
    round_trip(&format!("{name} request"), body)
}

/// Decodes the exchange's 2xx response body as `T`, checks the round trip, returns it.
pub fn response<T: DeserializeOwned + Serialize>(name: &str) -> T {
    let exchange = exchange(name);
    let status = exchange["response"]["status"].as_u64().expect("status");
    assert!((200..300).contains(&status), "{name}: status {status}");
    let body = exchange["response"]
        .get("body")
        .unwrap_or_else(|| panic!("{name}: no JSON response body"));
    round_trip(&format!("{name} response"), body)
}

/// Decodes `value` as `T` and encodes it back: the JSON text must be the
/// same, key order and `null`s included. Numbers compare by value (`10` and
/// `10.0` are one amount: an `f64` field writes the latter).
pub fn round_trip<T: DeserializeOwned + Serialize>(what: &str, value: &Value) -> T {
    let typed: T = serde_json::from_value(value.clone()).unwrap_or_else(|e| panic!("{what}: {e}"));
    let back = serde_json::to_value(&typed).unwrap_or_else(|e| panic!("{what}: {e}"));
    assert_eq!(
        serde_json::to_string(&canonical(&back)).unwrap(),
        serde_json::to_string(&canonical(value)).unwrap(),
        "{what} changed in the round trip"
    );
    typed
}

/// Adds `"x_future": {...}` to the object at `pointer` (`""` for the root)
/// and checks that the round trip keeps it.
pub fn keeps_unknown_field<T: DeserializeOwned + Serialize>(
    what: &str,
    value: &Value,
    pointer: &str,
) {
    let mut value = value.clone();
    value
        .pointer_mut(pointer)
        .and_then(Value::as_object_mut)
        .unwrap_or_else(|| panic!("{what}: no object at {pointer:?}"))
        .insert("x_future".into(), serde_json::json!({"nested": [1, "two"]}));
    let _: T = round_trip(
        &format!("{what} with an unknown field at {pointer:?}"),
        &value,
    );
}

/// Replaces the string at `pointer` and checks that the round trip keeps it.
pub fn keeps_unknown_value<T: DeserializeOwned + Serialize>(
    what: &str,
    value: &Value,
    pointer: &str,
) -> T {
    let mut value = value.clone();
    let slot = value
        .pointer_mut(pointer)
        .unwrap_or_else(|| panic!("{what}: nothing at {pointer:?}"));
    assert!(slot.is_string(), "{what}: {pointer} is not a string");
    *slot = Value::from("brand-new-value");
    round_trip(
        &format!("{what} with an unknown value at {pointer:?}"),
        &value,
    )
}

fn canonical(value: &Value) -> Value {
    match value {
        Value::Number(n) => Value::from(n.as_f64().expect("finite")),
        Value::Array(items) => Value::Array(items.iter().map(canonical).collect()),
        Value::Object(map) => {
            Value::Object(map.iter().map(|(k, v)| (k.clone(), canonical(v))).collect())
        }
        other => other.clone(),
    }
}
