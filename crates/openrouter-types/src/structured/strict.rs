//! Strict mode's rules applied to any JSON Schema (hand-written, read from a file, or
//! generated): what OpenAI-style strict structured outputs and strict tools accept.

use serde_json::Value;

/// Formats strict mode accepts; schemars adds others (`uint32`, `double`…) that strict
/// providers reject, so those are dropped.
const STRICT_FORMATS: &[&str] = &[
    "date-time",
    "time",
    "date",
    "duration",
    "email",
    "hostname",
    "ipv4",
    "ipv6",
    "uuid",
];

/// Rewrites a schema in place for strict mode (every property required, `additionalProperties: false`,
/// no `default`, only formats strict mode knows, `oneOf` as `anyOf`); for schemas
/// written by hand or generated elsewhere.
///
/// ```
/// use serde_json::json;
/// let mut schema = json!({"type": "object", "properties": {"a": {"type": "integer", "format": "uint32", "default": 1}}});
/// openrouter_types::structured::make_strict(&mut schema);
/// assert_eq!(schema, json!({"type": "object", "properties": {"a": {"type": "integer"}},
///     "required": ["a"], "additionalProperties": false}));
/// ```
pub fn make_strict(schema: &mut Value) {
    let Value::Object(object) = schema else {
        return;
    };
    // Strict mode rejects `default`; an optional field is expressed as nullable instead.
    object.remove("default");
    object.remove("$schema");
    if object
        .get("format")
        .and_then(Value::as_str)
        .is_some_and(|f| !STRICT_FORMATS.contains(&f))
    {
        object.remove("format");
    }
    // `oneOf` is not accepted by strict mode; serde's enums are disjoint, so `anyOf` means the same.
    if let Some(one_of) = object.remove("oneOf") {
        object.insert("anyOf".to_owned(), one_of);
    }
    if let Some(Value::Object(properties)) = object.get("properties") {
        let names: Vec<Value> = properties.keys().cloned().map(Value::String).collect();
        object.insert("required".to_owned(), Value::Array(names));
        object.insert("additionalProperties".to_owned(), Value::Bool(false));
    } else if object.get("type").and_then(Value::as_str) == Some("object")
        && !object.contains_key("additionalProperties")
    {
        object.insert("additionalProperties".to_owned(), Value::Bool(false));
    }
    for (key, child) in object.iter_mut() {
        match key.as_str() {
            "properties" | "$defs" | "definitions" => each_value(child),
            "items" | "additionalProperties" | "not" | "contains" => make_strict(child),
            "anyOf" | "allOf" | "prefixItems" => each_item(child),
            _ => {}
        }
    }
}

fn each_value(map: &mut Value) {
    if let Value::Object(map) = map {
        map.values_mut().for_each(make_strict);
    }
}

fn each_item(list: &mut Value) {
    if let Value::Array(list) = list {
        list.iter_mut().for_each(make_strict);
    }
}
