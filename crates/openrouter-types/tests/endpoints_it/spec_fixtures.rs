//! Every fixture of `fixtures/` checked against the spec's schemas for its
//! operation: the recorded request body against the request schema, a 2xx
//! JSON answer against the response schema. Where our fixtures (written in
//! the wire's shapes) and the spec disagree, the snapshot says so, so a new
//! disagreement, or one fixed, shows up in review.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

use serde_json::Value;

use crate::contract::{Spec, validator_at, violations};

/// The spec's path template that `path` fills, literal paths first.
fn template<'a>(spec: &'a Spec, method: &str, path: &str) -> Option<&'a str> {
    let paths = spec.root["paths"].as_object()?;
    let has = |t: &&String| paths[t.as_str()].get(method).is_some();
    let fills = |template: &str| {
        let (mut t, mut p) = (template.split('/'), path.split('/'));
        loop {
            match (t.next(), p.next()) {
                (None, None) => return true,
                (Some(t), Some(p)) if t.starts_with('{') && !p.is_empty() => {}
                (Some(t), Some(p)) if t == p => {}
                _ => return false,
            }
        }
    };
    paths
        .keys()
        .filter(has)
        .find(|t| t.as_str() == path)
        .or_else(|| paths.keys().filter(has).find(|t| fills(t)))
        .map(String::as_str)
}

/// The spec with its OpenAPI 3.0 leftovers (`exclusiveMinimum: true` beside a
/// `minimum`) in JSON Schema 2020-12's form, which the validator requires.
fn modernised() -> Option<&'static Spec> {
    static SPEC: std::sync::OnceLock<Option<Spec>> = std::sync::OnceLock::new();
    SPEC.get_or_init(|| {
        let mut root = Spec::load()?.root.clone();
        modernise(&mut root);
        Some(Spec { root })
    })
    .as_ref()
}

fn modernise(value: &mut Value) {
    match value {
        Value::Object(map) => {
            for (flag, bound) in [
                ("exclusiveMinimum", "minimum"),
                ("exclusiveMaximum", "maximum"),
            ] {
                if let Some(Value::Bool(exclusive)) = map.get(flag).cloned() {
                    map.shift_remove(flag);
                    if exclusive && let Some(limit) = map.shift_remove(bound) {
                        map.insert(flag.to_owned(), limit);
                    }
                }
            }
            map.values_mut().for_each(modernise);
        }
        Value::Array(items) => items.iter_mut().for_each(modernise),
        _ => {}
    }
}

/// A JSON pointer token: `/` and `~` escaped.
fn token(segment: &str) -> String {
    segment.replace('~', "~0").replace('/', "~1")
}

#[test]
fn every_fixture_is_checked_against_the_spec_for_its_operation() {
    let Some(spec) = modernised() else {
        return;
    };
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures");
    let mut report: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut checked = 0;
    let mut folders: Vec<_> = fs::read_dir(&root)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .collect();
    folders.sort();
    for folder in folders
        .into_iter()
        .filter(|f| f.is_dir() && !f.ends_with("sse"))
    {
        let mut files: Vec<_> = fs::read_dir(&folder)
            .unwrap()
            .flatten()
            .map(|e| e.path())
            .collect();
        files.sort();
        for file in files
            .into_iter()
            .filter(|f| f.extension().is_some_and(|e| e == "json"))
        {
            let exchange: Value =
                serde_json::from_str(&fs::read_to_string(&file).unwrap()).unwrap();
            let name = format!(
                "{}/{}",
                folder.file_name().unwrap().to_string_lossy(),
                file.file_stem().unwrap().to_string_lossy()
            );
            let method = exchange["request"]["method"]
                .as_str()
                .unwrap()
                .to_ascii_lowercase();
            let path = exchange["request"]["path"]
                .as_str()
                .unwrap()
                .trim_start_matches("/api/v1");
            let Some(template) = template(spec, &method, path) else {
                report
                    .entry(name)
                    .or_default()
                    .insert("no operation in the spec".to_owned());
                continue;
            };
            let operation = format!("/paths/{}/{method}", token(template));
            let mut found = BTreeSet::new();
            if let Some(body) = exchange["request"].get("body") {
                let pointer = format!("{operation}/requestBody/content/application~1json/schema");
                if spec.root.pointer(&pointer).is_some() {
                    violations(&validator_at(spec, &pointer), body, &mut found);
                    checked += 1;
                }
            }
            let status = exchange["response"]["status"].as_u64().unwrap();
            let body = match (
                &exchange["response"]["body"],
                exchange["response"]["body_text"].as_str(),
            ) {
                (Value::Null, Some(text)) => serde_json::from_str(text.trim_start()).ok(),
                (Value::Null, None) => None,
                (body, _) => Some(body.clone()),
            };
            if let Some(body) = body.filter(|_| (200..300).contains(&status)) {
                let pointer =
                    format!("{operation}/responses/{status}/content/application~1json/schema");
                if spec.root.pointer(&pointer).is_some() {
                    violations(&validator_at(spec, &pointer), &body, &mut found);
                    checked += 1;
                }
            }
            if !found.is_empty() {
                report.insert(name, found);
            }
        }
    }
    assert!(checked > 150, "only {checked} bodies were checked");
    let text: String = report
        .iter()
        .map(|(name, found)| {
            let lines: Vec<String> = found.iter().map(|f| format!("  {f}")).collect();
            format!("{name}\n{}\n", lines.join("\n"))
        })
        .collect();
    insta::assert_snapshot!("fixtures_against_the_spec", text);
}
