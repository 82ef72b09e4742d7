//! Strict-mode JSON Schemas from Rust types (`schemars` feature), with properties in
//! declaration order.

use schemars::JsonSchema;
use schemars::generate::SchemaSettings;
use serde_json::Value;

use super::make_strict;

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
