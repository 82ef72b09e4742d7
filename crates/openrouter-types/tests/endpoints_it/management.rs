//! The fixture round trip of the management-key areas (guardrails,
//! workspaces, observability, SCIM), shared by their test modules: each body
//! decodes into its type and re-encodes to the same JSON text, key order and
//! `null`s included; only a number's spelling may change (`100` → `100.0` for
//! an `f64`), so both sides are compared with every number as an `f64`.

use std::collections::BTreeSet;
use std::fs;
use std::path::PathBuf;

use openrouter_types::management::{Deleted, ListPage};
use openrouter_types::models::PageQuery;
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Number, Value};

use crate::support::{diff, fixtures_dir};

/// The fixtures of one folder, each checked once; [`Folder::finish`] fails
/// on a fixture no test checked.
pub struct Folder {
    name: &'static str,
    checked: BTreeSet<String>,
}

impl Folder {
    pub fn new(name: &'static str) -> Self {
        Self {
            name,
            checked: BTreeSet::new(),
        }
    }

    /// The exchange `<folder>/<name>.json`.
    pub fn exchange(&mut self, name: &str) -> Value {
        self.checked.insert(name.to_owned());
        let path = self.dir().join(format!("{name}.json"));
        let text =
            fs::read_to_string(&path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()));
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("parse {}: {e}", path.display()))
    }

    /// Round-trips the request body of `name` through `T` and returns it.
    pub fn request<T: DeserializeOwned + Serialize>(&mut self, name: &str) -> T {
        let exchange = self.exchange(name);
        let body = exchange["request"]
            .get("body")
            .unwrap_or_else(|| panic!("{name} has no request body"));
        round_trip(&format!("{}/{name} request", self.name), body)
    }

    /// Round-trips the response body of `name` (a 2xx) through `T` and returns it.
    pub fn response<T: DeserializeOwned + Serialize>(&mut self, name: &str) -> T {
        let exchange = self.exchange(name);
        let status = exchange["response"]["status"].as_u64().unwrap_or(0);
        assert!((200..300).contains(&status), "{name}: status {status}");
        round_trip(
            &format!("{}/{name} response", self.name),
            &exchange["response"]["body"],
        )
    }

    /// Checks a request without a body: the request has none.
    pub fn no_request_body(&mut self, name: &str) {
        let exchange = self.exchange(name);
        assert!(
            exchange["request"].get("body").is_none(),
            "{name}: unexpected request body"
        );
    }

    /// The recorded query of `name`, in order.
    pub fn query(&mut self, name: &str) -> Vec<(String, String)> {
        let exchange = self.exchange(name);
        exchange["request"]
            .get("query")
            .and_then(Value::as_object)
            .map(|query| {
                query
                    .iter()
                    .map(|(k, v)| (k.clone(), v.as_str().unwrap_or_default().to_owned()))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Fails unless every fixture of the folder was checked.
    pub fn finish(self) {
        let mut files: Vec<String> = fs::read_dir(self.dir())
            .expect("list the fixture folder")
            .map(|e| e.expect("a fixture").path())
            .filter(|p| p.extension().is_some_and(|ext| ext == "json"))
            .filter_map(|p| Some(p.file_stem()?.to_string_lossy().into_owned()))
            .collect();
        files.sort();
        let unchecked: Vec<&String> = files
            .iter()
            .filter(|f| !self.checked.contains(*f))
            .collect();
        assert!(
            unchecked.is_empty(),
            "fixtures of {}/ no test checks: {unchecked:?}",
            self.name
        );
    }

    fn dir(&self) -> PathBuf {
        fixtures_dir().join(self.name)
    }
}

/// Decodes `value` as `T`, re-encodes it and asserts the JSON text is the
/// same (numbers compared as `f64`).
#[track_caller]
pub fn round_trip<T: DeserializeOwned + Serialize>(what: &str, value: &Value) -> T {
    let typed: T = serde_path_to_error::deserialize(value.clone())
        .unwrap_or_else(|e| panic!("{what}: decode failed at {}: {}", e.path(), e.inner()));
    let back = serde_json::to_value(&typed).unwrap_or_else(|e| panic!("{what}: encode: {e}"));
    let (expected, actual) = (canonical(value), canonical(&back));
    assert!(
        expected == actual,
        "{what}: the round trip changed the JSON\n  differences: {:?}\n  expected: {expected}\n  actual:   {actual}",
        diff(value, &back)
    );
    typed
}

/// The JSON text of `value` with every number spelled as an `f64`.
pub fn canonical(value: &Value) -> String {
    fn numbers_as_f64(value: &Value) -> Value {
        match value {
            Value::Number(n) => n
                .as_f64()
                .and_then(Number::from_f64)
                .map_or_else(|| value.clone(), Value::Number),
            Value::Array(items) => Value::Array(items.iter().map(numbers_as_f64).collect()),
            Value::Object(map) => Value::Object(
                map.iter()
                    .map(|(k, v)| (k.clone(), numbers_as_f64(v)))
                    .collect(),
            ),
            other => other.clone(),
        }
    }
    serde_json::to_string(&numbers_as_f64(value)).expect("serialize a Value")
}

/// `(name, value)` pairs as owned strings, to compare with a fixture's query.
pub fn owned(pairs: Vec<(&'static str, String)>) -> Vec<(String, String)> {
    pairs.into_iter().map(|(k, v)| (k.to_owned(), v)).collect()
}

/// The `PageQuery` that reproduces a fixture's `offset`/`limit` query.
pub fn page_query(offset: u64, limit: u64) -> Vec<(String, String)> {
    owned(
        PageQuery::new()
            .offset(offset)
            .limit(limit)
            .to_query_pairs(),
    )
}

/// Checks a `DELETE` fixture: no body, `{"deleted": true}`.
pub fn deleted(folder: &mut Folder, name: &str) {
    folder.no_request_body(name);
    let answer: Deleted = folder.response(name);
    assert!(answer.deleted, "{name}");
}

#[test]
fn a_page_keeps_unknown_envelope_fields_and_items() {
    let wire: Value = serde_json::json!({
        "data": [{"id": "x", "new_field": [1, 2]}],
        "total_count": 7,
        "links": {"next": "/api/v1/guardrails?offset=1"}
    });
    let page: ListPage<Value> = round_trip("page", &wire);
    assert_eq!(page.extra["links"]["next"], "/api/v1/guardrails?offset=1");
    assert_eq!(page.next_offset(0), Some(1));
}

#[test]
fn the_fixture_folders_exist() {
    for folder in ["guardrails", "workspaces", "observability", "scim"] {
        assert!(
            fixtures_dir().join(folder).is_dir(),
            "fixtures/{folder} is missing"
        );
    }
}
