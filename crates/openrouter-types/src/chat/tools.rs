//! Tool definitions (`tools`) and the `tool_choice` setting.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::Value;

use crate::Extra;
use crate::chat::{CacheControl, ToolType};

/// A tool the model may call: a function you execute, or an OpenRouter
/// server tool (`openrouter:web_search`…) that OpenRouter executes.
///
/// ```
/// use openrouter_types::chat::Tool;
/// use serde_json::json;
/// let tool = Tool::function(
///     "get_weather",
///     "Get the current weather for a location",
///     json!({"type": "object", "properties": {"location": {"type": "string"}}, "required": ["location"]}),
/// )
/// .strict(true);
/// assert_eq!(tool.function.as_ref().unwrap().name, "get_weather");
///
/// let search = Tool::server("openrouter:web_search").parameters(json!({"max_results": 3}));
/// assert_eq!(serde_json::to_value(&search)?, json!({"type": "openrouter:web_search", "parameters": {"max_results": 3}}));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Tool {
    /// `function`, or the server tool's type.
    #[serde(rename = "type")]
    pub kind: ToolType,
    /// The function definition (function tools only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub function: Option<FunctionDefinition>,
    /// Server tool configuration (server tools only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parameters: Option<Value>,
    /// Cache breakpoint after the tool definitions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cache_control: Option<CacheControl>,
    /// Unmodelled fields (e.g. the OpenAI `web_search` shorthand options).
    #[serde(flatten)]
    pub extra: Extra,
}

impl Tool {
    /// A function tool whose parameters are described by a JSON Schema object.
    pub fn function(
        name: impl Into<String>,
        description: impl Into<String>,
        parameters: Value,
    ) -> Self {
        Self {
            kind: ToolType::Function,
            function: Some(FunctionDefinition {
                name: name.into(),
                description: Some(description.into()),
                parameters: Some(parameters),
                strict: None,
                extra: Extra::new(),
            }),
            parameters: None,
            cache_control: None,
            extra: Extra::new(),
        }
    }

    /// An OpenRouter server tool such as `openrouter:web_search`.
    pub fn server(kind: impl Into<ToolType>) -> Self {
        Self {
            kind: kind.into(),
            function: None,
            parameters: None,
            cache_control: None,
            extra: Extra::new(),
        }
    }

    /// Sets the server tool's configuration.
    #[must_use]
    pub fn parameters(mut self, parameters: Value) -> Self {
        self.parameters = Some(parameters);
        self
    }

    /// Asks for strict schema adherence (function tools).
    #[must_use]
    pub fn strict(mut self, strict: bool) -> Self {
        if let Some(function) = &mut self.function {
            function.strict = Some(strict);
        }
        self
    }

    /// Sets a cache breakpoint on the tool definitions.
    #[must_use]
    pub fn cache_control(mut self, cache_control: CacheControl) -> Self {
        self.cache_control = Some(cache_control);
        self
    }
}

/// `tools[].function`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct FunctionDefinition {
    /// `[a-zA-Z0-9_-]`, at most 64 characters.
    pub name: String,
    /// What the function does, for the model.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// JSON Schema of the arguments object.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parameters: Option<Value>,
    /// Strict schema adherence.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub strict: Option<bool>,
    /// Unmodelled fields.
    #[serde(flatten)]
    pub extra: Extra,
}

/// `tool_choice`: whether and which tool the model must call.
///
/// ```
/// use openrouter_types::chat::ToolChoice;
/// assert_eq!(serde_json::to_value(ToolChoice::Auto)?, serde_json::json!("auto"));
/// assert_eq!(
///     serde_json::to_value(ToolChoice::function("get_weather"))?,
///     serde_json::json!({"type": "function", "function": {"name": "get_weather"}}),
/// );
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum ToolChoice {
    /// Never call a tool.
    None,
    /// The model decides (the default when tools are given).
    Auto,
    /// Call at least one tool.
    Required,
    /// Call this function.
    Function {
        /// The function name.
        name: String,
    },
    /// Any other object, e.g. `{"type":"openrouter:web_search"}` to force a server tool.
    Other(Value),
}

impl ToolChoice {
    /// Forces a call to the named function.
    pub fn function(name: impl Into<String>) -> Self {
        Self::Function { name: name.into() }
    }

    /// Forces a server tool, e.g. `openrouter:web_search`.
    pub fn server_tool(kind: impl Into<String>) -> Self {
        Self::Other(serde_json::json!({ "type": kind.into() }))
    }
}

impl Serialize for ToolChoice {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::None => serializer.serialize_str("none"),
            Self::Auto => serializer.serialize_str("auto"),
            Self::Required => serializer.serialize_str("required"),
            Self::Function { name } => {
                serde_json::json!({"type": "function", "function": {"name": name}})
                    .serialize(serializer)
            }
            Self::Other(value) => value.serialize(serializer),
        }
    }
}

impl<'de> Deserialize<'de> for ToolChoice {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = Value::deserialize(deserializer)?;
        Ok(match &value {
            Value::String(s) if s == "none" => Self::None,
            Value::String(s) if s == "auto" => Self::Auto,
            Value::String(s) if s == "required" => Self::Required,
            Value::Object(o)
                if o.len() == 2
                    && o.get("type").and_then(Value::as_str) == Some("function")
                    && o.get("function")
                        .and_then(Value::as_object)
                        .is_some_and(|f| f.len() == 1) =>
            {
                match o
                    .get("function")
                    .and_then(|f| f.get("name"))
                    .and_then(Value::as_str)
                {
                    Some(name) => Self::Function {
                        name: name.to_owned(),
                    },
                    None => Self::Other(value),
                }
            }
            _ => Self::Other(value),
        })
    }
}
