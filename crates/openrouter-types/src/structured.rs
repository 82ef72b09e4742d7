//! Typed structured outputs and tool arguments: decode a model's JSON answer (or a tool
//! call's arguments) into a Rust type, with an error that names the JSON path that failed.
//!
//! ```
//! use openrouter_types::ChatCompletion;
//! use openrouter_types::structured::ParseError;
//!
//! #[derive(serde::Deserialize, Debug, PartialEq)]
//! struct Weather { city: String, celsius: f64 }
//!
//! let body = r#"{"id":"gen-1","object":"chat.completion","created":1,"model":"m",
//!   "choices":[{"index":0,"finish_reason":"stop",
//!     "message":{"role":"assistant","content":"{\"city\":\"Lisbon\",\"celsius\":\"warm\"}"}}]}"#;
//! let completion: ChatCompletion = serde_json::from_str(body)?;
//! match completion.parse::<Weather>() {
//!     Err(ParseError::Json(e)) => {
//!         assert_eq!(e.path(), "celsius");
//!         assert!(e.raw().contains("warm"));
//!     }
//!     other => panic!("expected a JSON error, got {other:?}"),
//! }
//! # Ok::<(), serde_json::Error>(())
//! ```

#[cfg(feature = "schemars")]
mod schema;
mod strict;

use std::fmt;

use serde::de::DeserializeOwned;

#[cfg(feature = "schemars")]
pub use schema::{strict_schema_for, strict_schema_name};
pub use strict::make_strict;

/// Why a model's answer could not be read as the type asked for.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum ParseError {
    /// The model refused; its refusal text.
    Refusal(String),
    /// The answer has no text to parse (for example a turn that only calls tools).
    NoContent,
    /// The text is not JSON of the expected shape.
    Json(JsonError),
}

/// The answer's text did not decode: where, why, and the text itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsonError {
    path: String,
    message: String,
    raw: String,
}

impl JsonError {
    /// The JSON path that failed, like `items[2].price`; `.` for the document itself.
    pub fn path(&self) -> &str {
        &self.path
    }

    /// What serde said (without the path).
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The exact text that failed to decode, to log or show the user.
    pub fn raw(&self) -> &str {
        &self.raw
    }
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Refusal(text) => write!(f, "the model refused: {text}"),
            Self::NoContent => {
                f.write_str("the answer has no text to parse (did the model call a tool instead?)")
            }
            Self::Json(e) => e.fmt(f),
        }
    }
}

impl fmt::Display for JsonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "the answer does not match the expected type at `{}`: {}",
            self.path, self.message
        )
    }
}

impl std::error::Error for ParseError {}
impl std::error::Error for JsonError {}

/// Decodes `text` as `T`, naming the JSON path on failure and keeping the text.
///
/// ```
/// use openrouter_types::structured::{parse_json, ParseError};
/// let err = parse_json::<Vec<u32>>("[1, 2, \"x\"]").unwrap_err();
/// let ParseError::Json(e) = err else { unreachable!() };
/// assert_eq!(e.path(), "[2]");
/// ```
pub fn parse_json<T: DeserializeOwned>(text: &str) -> Result<T, ParseError> {
    let json_error = |path: String, message: String| {
        ParseError::Json(JsonError {
            path,
            message,
            raw: text.to_owned(),
        })
    };
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let value: T = serde_path_to_error::deserialize(&mut deserializer)
        .map_err(|e| json_error(e.path().to_string(), e.inner().to_string()))?;
    // Text after the value (a second object, a trailing explanation) is not an answer of type T.
    deserializer
        .end()
        .map_err(|e| json_error(".".to_owned(), e.to_string()))?;
    Ok(value)
}

impl crate::ChatCompletion {
    /// The first choice's answer decoded as `T`: a refusal is [`ParseError::Refusal`], a turn
    /// without text (only tool calls) is [`ParseError::NoContent`].
    ///
    /// Pair it with [`ResponseFormat::json_schema_for`](crate::chat::ResponseFormat::json_schema_for)
    /// (feature `schemars`) so the model is held to `T`'s schema.
    pub fn parse<T: DeserializeOwned>(&self) -> Result<T, ParseError> {
        let message = self.message().ok_or(ParseError::NoContent)?;
        if let Some(refusal) = message.refusal.as_deref().filter(|r| !r.is_empty()) {
            return Err(ParseError::Refusal(refusal.to_owned()));
        }
        let text = message
            .content
            .as_ref()
            .map(|c| c.to_text())
            .unwrap_or_default();
        if text.trim().is_empty() {
            return Err(ParseError::NoContent);
        }
        parse_json(&text)
    }
}

impl crate::responses::Response {
    /// The output text decoded as `T`; a `refusal` part is [`ParseError::Refusal`].
    pub fn parse<T: DeserializeOwned>(&self) -> Result<T, ParseError> {
        use crate::responses::{ContentPart, Item, MessageContent};
        let refusal = self.items().iter().find_map(|item| match item {
            Item::Message(m) => match &m.content {
                MessageContent::Parts(parts) => parts.iter().find_map(|p| match p {
                    ContentPart::Refusal { refusal, .. } => Some(refusal.clone()),
                    _ => None,
                }),
                _ => None,
            },
            _ => None,
        });
        if let Some(refusal) = refusal {
            return Err(ParseError::Refusal(refusal));
        }
        parse_text(&self.text())
    }
}

impl crate::messages::MessagesResponse {
    /// The text blocks decoded as `T`; a `refusal` stop is [`ParseError::Refusal`] (with
    /// the explanation when the API gave one).
    pub fn parse<T: DeserializeOwned>(&self) -> Result<T, ParseError> {
        if self.stop_reason.as_ref().map(|r| r.as_str()) == Some("refusal") {
            let explanation = self
                .stop_details
                .as_ref()
                .and_then(|d| d.explanation.clone())
                .unwrap_or_else(|| self.text());
            return Err(ParseError::Refusal(explanation));
        }
        parse_text(&self.text())
    }
}

impl crate::ToolCall {
    /// The call's arguments decoded as `T`. An omitted or empty argument string (sent by
    /// some providers for tools whose parameters are all optional) reads as `{}`.
    ///
    /// ```
    /// use openrouter_types::ToolCall;
    /// #[derive(serde::Deserialize)]
    /// struct Args { city: String }
    /// let call = ToolCall::function("call_1", "get_weather", r#"{"city":"Lisbon"}"#);
    /// assert_eq!(call.parse_arguments::<Args>()?.city, "Lisbon");
    ///
    /// #[derive(serde::Deserialize, Default)]
    /// struct NoArgs {}
    /// let bare = ToolCall::function("call_2", "now", "");
    /// assert!(bare.parse_arguments::<NoArgs>().is_ok());
    /// # Ok::<(), openrouter_types::structured::ParseError>(())
    /// ```
    pub fn parse_arguments<T: DeserializeOwned>(&self) -> Result<T, ParseError> {
        let arguments = self.arguments();
        if arguments.trim().is_empty() {
            parse_json("{}")
        } else {
            parse_json(arguments)
        }
    }
}

fn parse_text<T: DeserializeOwned>(text: &str) -> Result<T, ParseError> {
    if text.trim().is_empty() {
        return Err(ParseError::NoContent);
    }
    parse_json(text)
}

#[cfg(feature = "schemars")]
impl crate::chat::ResponseFormat {
    /// A strict `json_schema` response format for `T` (see
    /// [`strict_schema_for`](crate::structured::strict_schema_for)), named after the type.
    ///
    /// ```
    /// use openrouter_types::chat::ResponseFormat;
    /// #[derive(schemars::JsonSchema, serde::Deserialize)]
    /// struct Weather { city: String, celsius: f64 }
    /// let format = ResponseFormat::json_schema_for::<Weather>();
    /// let value = serde_json::to_value(&format)?;
    /// assert_eq!(value["json_schema"]["name"], "Weather");
    /// assert_eq!(value["json_schema"]["strict"], true);
    /// assert_eq!(value["json_schema"]["schema"]["required"], serde_json::json!(["city", "celsius"]));
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn json_schema_for<T: schemars::JsonSchema + ?Sized>() -> Self {
        Self::json_schema(strict_schema_name::<T>(), strict_schema_for::<T>()).strict(true)
    }
}

#[cfg(feature = "schemars")]
impl crate::Tool {
    /// A strict function tool whose parameters are `T`'s schema; decode a call with
    /// [`ToolCall::parse_arguments`](crate::ToolCall::parse_arguments).
    ///
    /// ```
    /// use openrouter_types::Tool;
    /// #[derive(schemars::JsonSchema, serde::Deserialize)]
    /// struct Args { city: String }
    /// let tool = Tool::for_args::<Args>("get_weather", "Current weather for a city");
    /// let function = tool.function.as_ref().unwrap();
    /// assert_eq!(function.strict, Some(true));
    /// assert_eq!(function.parameters.as_ref().unwrap()["additionalProperties"], false);
    /// ```
    pub fn for_args<T: schemars::JsonSchema + ?Sized>(
        name: impl Into<String>,
        description: impl Into<String>,
    ) -> Self {
        Self::function(name, description, strict_schema_for::<T>()).strict(true)
    }
}
