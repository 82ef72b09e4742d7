//! Strict-mode JSON Schemas from Rust types (`schemars` feature): what OpenAI-style strict
//! structured outputs and strict tools accept, with properties in declaration order.

use schemars::JsonSchema;
use schemars::generate::SchemaSettings;
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

/// The strict-mode schema of `T`: every property required, `additionalProperties: false` on
/// every object, `Option` fields nullable, properties in the struct's declaration order,
/// subschemas inlined (a recursive type keeps its `$defs`).
///
/// ```
/// use schemars::JsonSchema;
/// use serde_json::json;
///
/// #[derive(JsonSchema)]
///
/// struct Weather { city: String, unit: Option<String>, celsius: f64 }
///
/// let schema = openrouter_types::structured::strict_schema_for::<Weather>();
/// assert_eq!(schema["required"], json!(["city", "unit", "celsius"]));
/// assert_eq!(schema["additionalProperties"], json!(false));
/// assert_eq!(schema["properties"]["unit"]["type"], json!(["string", "null"]));
/// let order: Vec<&String> = schema["properties"].as_object().unwrap().keys().collect();
/// assert_eq!(order, ["city", "unit", "celsius"]);
/// ```
pub fn strict_schema_for<T: JsonSchema + ?Sized>() -> Value {
    let generator = SchemaSettings::draft2020_12()
        .with(|settings| {
            settings.meta_schema = None;
            settings.inline_subschemas = true;
        })
        .into_generator();
    let mut value = generator.into_root_schema_for::<T>().to_value();
    make_strict(&mut value);
    value
}

/// `T`'s schema name made fit for `json_schema.name` and function names
/// (`[a-zA-Z0-9_-]`, at most 64 characters): `Vec<Item>` becomes `Array_of_Item`.
pub fn strict_schema_name<T: JsonSchema + ?Sized>() -> String {
    T::schema_name()
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' {
                c
            } else {
                '_'
            }
        })
        .take(64)
        .collect()
}

/// Rewrites a schema in place for strict mode (see [`strict_schema_for`]); for schemas
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
