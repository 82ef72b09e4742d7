//! Tools of a Messages request: your own (custom) tools, server tools, and `tool_choice`.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::Value;

use crate::Extra;
use crate::chat::CacheControl;
use crate::tagged::string_tagged;

string_tagged! {
    #[tag = "type", remote = "ToolChoice", fallback = Other, rename_all = "snake_case"]
    /// `tool_choice`.
    ///
    /// ```
    /// use openrouter_types::messages::ToolChoice;
    /// assert_eq!(serde_json::to_value(ToolChoice::tool("get_weather"))?,
    ///            serde_json::json!({"type": "tool", "name": "get_weather"}));
    /// assert_eq!(serde_json::to_value(ToolChoice::none())?, serde_json::json!({"type": "none"}));
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    #[derive(Debug, Clone, PartialEq, Eq)]
    #[non_exhaustive]
    pub enum ToolChoice {
        /// `auto`: the model decides.
        Auto {
            /// At most one tool call per turn.
            #[serde(default, skip_serializing_if = "Option::is_none")]
            disable_parallel_tool_use: Option<bool>,
            /// Fields this version does not model.
            #[serde(flatten)]
            extra: Extra,
        },
        /// `any`: some tool must be called.
        Any {
            /// At most one tool call per turn.
            #[serde(default, skip_serializing_if = "Option::is_none")]
            disable_parallel_tool_use: Option<bool>,
            /// Fields this version does not model.
            #[serde(flatten)]
            extra: Extra,
        },
        /// `tool`: this tool must be called.
        Tool {
            /// The tool's name.
            name: String,
            /// At most one tool call per turn.
            #[serde(default, skip_serializing_if = "Option::is_none")]
            disable_parallel_tool_use: Option<bool>,
            /// Fields this version does not model.
            #[serde(flatten)]
            extra: Extra,
        },
        /// `none`: no tool may be called.
        None {
            /// Fields this version does not model.
            #[serde(flatten)]
            extra: Extra,
        },
        /// A choice this version does not model, kept whole.
        #[serde(untagged)]
        Other(Value),
    }
}

impl ToolChoice {
    /// `{"type":"auto"}`.
    pub fn auto() -> Self {
        Self::Auto {
            disable_parallel_tool_use: None,
            extra: Extra::new(),
        }
    }

    /// `{"type":"any"}`.
    pub fn any() -> Self {
        Self::Any {
            disable_parallel_tool_use: None,
            extra: Extra::new(),
        }
    }

    /// `{"type":"tool","name":…}`.
    pub fn tool(name: impl Into<String>) -> Self {
        Self::Tool {
            name: name.into(),
            disable_parallel_tool_use: None,
            extra: Extra::new(),
        }
    }

    /// `{"type":"none"}`.
    pub fn none() -> Self {
        Self::None {
            extra: Extra::new(),
        }
    }
}

/// One of `tools`: a tool you run ([`CustomTool`]) or a server tool the
/// provider or OpenRouter runs ([`ServerTool`]: `web_search_20250305`,
/// `openrouter:web_search`, `bash_20250124`…).
///
/// A tool without `type` (or with `type: "custom"`) is custom; any other
/// `type` is a server tool, kept field for field.
///
/// ```
/// use openrouter_types::messages::{ServerTool, Tool};
/// let tools: Vec<Tool> = serde_json::from_str(r#"[
///   {"name":"get_weather","input_schema":{"type":"object"}},
///   {"type":"web_search_20250305","name":"web_search","max_uses":3}]"#)?;
/// assert!(matches!(&tools[0], Tool::Custom(t) if t.name == "get_weather"));
/// assert!(matches!(&tools[1], Tool::Server(t) if t.kind == "web_search_20250305"));
/// let search = Tool::Server(ServerTool::new("openrouter:web_search"));
/// assert_eq!(serde_json::to_value(&search)?, serde_json::json!({"type": "openrouter:web_search"}));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Tool {
    /// A tool you execute: name, description and JSON Schema of its input.
    Custom(CustomTool),
    /// A server tool, identified by its `type`.
    Server(ServerTool),
}

impl Tool {
    /// A custom tool with its input's JSON Schema.
    pub fn custom(name: impl Into<String>, input_schema: Value) -> CustomTool {
        CustomTool::new(name, input_schema)
    }
}

impl From<CustomTool> for Tool {
    fn from(tool: CustomTool) -> Self {
        Self::Custom(tool)
    }
}

impl From<ServerTool> for Tool {
    fn from(tool: ServerTool) -> Self {
        Self::Server(tool)
    }
}

impl Serialize for Tool {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Custom(tool) => tool.serialize(serializer),
            Self::Server(tool) => tool.serialize(serializer),
        }
    }
}

impl<'de> Deserialize<'de> for Tool {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        use serde::de::Error as _;
        let value = Value::deserialize(deserializer)?;
        let custom = match value.get("type") {
            None => true,
            Some(Value::String(kind)) => kind == "custom",
            Some(_) => false,
        };
        if custom {
            CustomTool::deserialize(value)
                .map(Self::Custom)
                .map_err(D::Error::custom)
        } else {
            ServerTool::deserialize(value)
                .map(Self::Server)
                .map_err(D::Error::custom)
        }
    }
}

/// A tool you execute.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CustomTool {
    /// `custom`, when sent (optional on the wire).
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// The tool's name, as the model will call it.
    pub name: String,
    /// What the tool does, for the model.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// JSON Schema of the input (an object schema), kept key for key.
    pub input_schema: Value,
    /// A cache breakpoint after this tool.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cache_control: Option<CacheControl>,
    /// Load the tool only when tool search finds it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub defer_loading: Option<bool>,
    /// Fields this version does not model (`strict`, `input_examples`…).
    #[serde(flatten)]
    pub extra: Extra,
}

impl CustomTool {
    /// A tool named `name` taking input described by `input_schema`.
    pub fn new(name: impl Into<String>, input_schema: Value) -> Self {
        Self {
            kind: None,
            name: name.into(),
            description: None,
            input_schema,
            cache_control: None,
            defer_loading: None,
            extra: Extra::new(),
        }
    }

    /// Sets `description`.
    #[must_use]
    pub fn description(mut self, description: impl Into<String>) -> Self {
        self.description = Some(description.into());
        self
    }

    /// Marks this tool as a cache breakpoint (caches every tool up to here).
    #[must_use]
    pub fn cache_control(mut self, cache_control: CacheControl) -> Self {
        self.cache_control = Some(cache_control);
        self
    }
}

/// A server tool: `type` names it; its settings are kept as given.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ServerTool {
    /// The tool's versioned type (`web_search_20250305`, `openrouter:web_search`…).
    #[serde(rename = "type")]
    pub kind: String,
    /// Its name (`web_search`, `bash`…), when the type requires one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Settings (`max_uses`, `allowed_domains`, `parameters`, `cache_control`…).
    #[serde(flatten)]
    pub extra: Extra,
}

impl ServerTool {
    /// A server tool of this type, without settings.
    pub fn new(kind: impl Into<String>) -> Self {
        Self {
            kind: kind.into(),
            name: None,
            extra: Extra::new(),
        }
    }

    /// Sets `name`.
    #[must_use]
    pub fn name(mut self, name: impl Into<String>) -> Self {
        self.name = Some(name.into());
        self
    }

    /// Sets one setting.
    #[must_use]
    pub fn option(mut self, key: impl Into<String>, value: Value) -> Self {
        self.extra.insert(key.into(), value);
        self
    }
}
