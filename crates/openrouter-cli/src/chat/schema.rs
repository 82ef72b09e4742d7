//! `openrouter chat --schema FILE`: a JSON Schema sent as a strict `json_schema` response
//! format (properties in the file's order: serde_json keeps it), and the answer checked
//! against it before it reaches stdout.

use std::path::Path;

use openrouter_types::chat::ResponseFormat;
use serde_json::Value;

use crate::exit::{Code, Failure};

/// Schemas are documents a person writes; one this large is a mistake.
const MAX_SCHEMA_BYTES: u64 = 4 * 1024 * 1024;

/// The longest schema name OpenAI-style providers accept.
const MAX_NAME: usize = 64;

/// A loaded, compiled schema.
pub struct Schema {
    name: String,
    document: Value,
    validator: jsonschema::Validator,
}

impl std::fmt::Debug for Schema {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Schema")
            .field("name", &self.name)
            .finish_non_exhaustive()
    }
}

impl Schema {
    /// Reads and compiles the schema in `path` (usage errors name the file).
    pub fn load(path: &Path) -> Result<Schema, Failure> {
        let fail = |why: String| {
            Failure::new(
                Code::Usage,
                format!("cannot use the schema {}: {why}", path.display()),
            )
        };
        let size = std::fs::metadata(path)
            .map_err(|e| fail(e.to_string()))?
            .len();
        if size > MAX_SCHEMA_BYTES {
            return Err(fail("it is larger than 4 MiB".to_owned()));
        }
        let text = std::fs::read_to_string(path).map_err(|e| fail(e.to_string()))?;
        let document: Value =
            serde_json::from_str(&text).map_err(|e| fail(format!("it is not JSON: {e}")))?;
        if !document.is_object() {
            return Err(fail("a JSON Schema is an object".to_owned()));
        }
        let validator = jsonschema::validator_for(&document)
            .map_err(|e| fail(format!("it is not a valid JSON Schema: {e}")))?;
        let name = name_of(&document, path);
        Ok(Schema {
            name,
            document,
            validator,
        })
    }

    /// The `response_format` to send: strict `json_schema` with the document as written.
    pub fn response_format(&self) -> ResponseFormat {
        ResponseFormat::json_schema(self.name.as_str(), self.document.clone()).strict(true)
    }

    /// The answer as JSON that validates, or a failure (exit code 6) naming the JSON path of
    /// the first violation and quoting the raw answer.
    pub fn check(&self, answer: &str) -> Result<Value, Failure> {
        let mismatch = |why: String| {
            let raw = if answer.trim().is_empty() {
                "the answer was empty".to_owned()
            } else {
                format!("the raw answer was:\n{answer}")
            };
            Failure::new(
                Code::Schema,
                format!("the answer does not match the schema: {why}\n{raw}"),
            )
        };
        let value: Value = serde_json::from_str(answer.trim())
            .map_err(|e| mismatch(format!("it is not JSON ({e})")))?;
        if let Some(error) = self.validator.iter_errors(&value).next() {
            let path = error.instance_path().as_str();
            let path = if path.is_empty() { "/" } else { path };
            return Err(mismatch(format!("at {path}: {}", error.masked())));
        }
        Ok(value)
    }
}

/// The schema's name for the API: its `title`, else the file name, reduced to
/// `[a-zA-Z0-9_-]` and 64 characters.
fn name_of(document: &Value, path: &Path) -> String {
    let candidate = document
        .get("title")
        .and_then(Value::as_str)
        .map(str::to_owned)
        .or_else(|| {
            path.file_stem()
                .map(|s| s.to_string_lossy().trim_end_matches(".schema").to_owned())
        })
        .unwrap_or_default();
    let name: String = candidate
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '_' || c == '-' {
                c
            } else {
                '_'
            }
        })
        .take(MAX_NAME)
        .collect();
    if name.trim_matches('_').is_empty() {
        "response".to_owned()
    } else {
        name
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn names_come_from_the_title_or_the_file() {
        let path = Path::new("/tmp/weather.schema.json");
        assert_eq!(
            name_of(&json!({"title": "City weather"}), path),
            "City_weather"
        );
        assert_eq!(name_of(&json!({}), path), "weather");
        assert_eq!(name_of(&json!({"title": "??"}), path), "response");
    }
}
