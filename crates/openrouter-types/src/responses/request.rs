//! The body of `POST /responses`.

use crate::tagged::string_tagged;
use serde::{Deserialize, Serialize};

use super::items::Item;
use crate::chat::{CacheControl, DebugOptions, Modality, Plugin, PromptCacheOptions, Reasoning};
use crate::open_enum::open_enum;
use crate::routing::ProviderPreferences;
use crate::{Extra, ModelId};

/// The body of `POST /responses`.
///
/// Unset fields are left out. Fields this version does not model go in
/// `extra` via [`ResponsesRequest::extra_field`].
///
/// ```
/// use openrouter_types::chat::{Reasoning, ReasoningEffort};
/// use openrouter_types::responses::{FunctionTool, Item, ResponsesRequest, ResponsesTool};
/// let request = ResponsesRequest::new("openai/gpt-4.1-mini", vec![Item::user("What version?")])
///     .tools([ResponsesTool::Function(FunctionTool::new(
///         "llm_version",
///         serde_json::json!({"type": "object", "properties": {}}),
///     ))])
///     .reasoning(Reasoning::effort(ReasoningEffort::Low));
/// let json = serde_json::to_value(&request)?;
/// assert_eq!(json["tools"][0]["type"], "function");
/// assert_eq!(json["input"][0]["role"], "user");
/// assert!(json.get("temperature").is_none());
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ResponsesRequest {
    /// Model slug.
    pub model: ModelId,
    /// A prompt string, or a list of items (the conversation so far).
    pub input: ResponsesInput,
    /// System-level instructions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub instructions: Option<String>,
    /// Fallback models, tried in order.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub models: Option<Vec<ModelId>>,
    /// Tools the model may call.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tools: Option<Vec<ResponsesTool>>,
    /// Whether/which tool must be called.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tool_choice: Option<ToolChoice>,
    /// Whether several tool calls may come in one turn.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parallel_tool_calls: Option<bool>,
    /// Output cap, reasoning included.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_output_tokens: Option<u32>,
    /// Cap on built-in tool calls.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_tool_calls: Option<u32>,
    /// Reasoning settings (`effort`, `summary`, `context`, `mode`…).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reasoning: Option<Reasoning>,
    /// Output format and verbosity.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<TextConfig>,
    /// Extra output to include, e.g. `reasoning.encrypted_content`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub include: Option<Vec<String>>,
    /// Sampling temperature.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub temperature: Option<f64>,
    /// Nucleus sampling.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub top_p: Option<f64>,
    /// Top-k sampling.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub top_k: Option<u32>,
    /// Number of most likely tokens to return log probabilities for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub top_logprobs: Option<u32>,
    /// Frequency penalty.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub frequency_penalty: Option<f64>,
    /// Presence penalty.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub presence_penalty: Option<f64>,
    /// Provider routing preferences.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provider: Option<ProviderPreferences>,
    /// OpenRouter plugins (web, file-parser, response-healing…).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plugins: Option<Vec<Plugin>>,
    /// Groups requests of one session (observability, sticky routing).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub session_id: Option<String>,
    /// Up to 16 string key/value pairs kept with the generation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metadata: Option<Extra>,
    /// Your end user's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user: Option<String>,
    /// A stable hashed user id for abuse detection.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub safety_identifier: Option<String>,
    /// `auto`, `default`, `flex`, `priority`…
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service_tier: Option<crate::chat::ServiceTier>,
    /// `auto` or `disabled`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub truncation: Option<String>,
    /// Output modalities (`text`, `image`…).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub modalities: Option<Vec<Modality>>,
    /// Image generation options (`aspect_ratio`, `image_size`…).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image_config: Option<Extra>,
    /// Anthropic cache breakpoint for the whole request.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cache_control: Option<CacheControl>,
    /// Routes requests with the same key to the same cache.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prompt_cache_key: Option<String>,
    /// Prompt caching options.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prompt_cache_options: Option<PromptCacheOptions>,
    /// When to stop running server tools.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stop_server_tools_when: Option<serde_json::Value>,
    /// A stored prompt template (`{id, variables}`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prompt: Option<serde_json::Value>,
    /// Observability trace settings.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trace: Option<serde_json::Value>,
    /// Debug options (echo the upstream body).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub debug: Option<DebugOptions>,
    /// Stream the answer as server-sent events.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stream: Option<bool>,
    /// Run in the background.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub background: Option<bool>,
    /// Fields this version does not model, sent as is (`route`, …).
    #[serde(flatten)]
    pub extra: Extra,
}

macro_rules! setters {
    // `impl Into` for texts and enums; numbers and flags take the exact type
    // so integer literals infer.
    ($($(#[$m:meta])* $name:ident: $kind:ident $ty:ty),* $(,)?) => {
        $(setters!(@one $(#[$m])* $name $kind $ty);)*
    };
    (@one $(#[$m:meta])* $name:ident into $ty:ty) => {
        $(#[$m])*
        pub fn $name(mut self, value: impl Into<$ty>) -> Self {
            self.$name = Some(value.into());
            self
        }
    };
    (@one $(#[$m:meta])* $name:ident exact $ty:ty) => {
        $(#[$m])*
        pub fn $name(mut self, value: $ty) -> Self {
            self.$name = Some(value);
            self
        }
    };
}

impl ResponsesRequest {
    /// A request for `model` with `input` (a string or a list of [`Item`]s).
    pub fn new(model: impl Into<ModelId>, input: impl Into<ResponsesInput>) -> Self {
        Self {
            model: model.into(),
            input: input.into(),
            instructions: None,
            models: None,
            tools: None,
            tool_choice: None,
            parallel_tool_calls: None,
            max_output_tokens: None,
            max_tool_calls: None,
            reasoning: None,
            text: None,
            include: None,
            temperature: None,
            top_p: None,
            top_k: None,
            top_logprobs: None,
            frequency_penalty: None,
            presence_penalty: None,
            provider: None,
            plugins: None,
            session_id: None,
            metadata: None,
            user: None,
            safety_identifier: None,
            service_tier: None,
            truncation: None,
            modalities: None,
            image_config: None,
            cache_control: None,
            prompt_cache_key: None,
            prompt_cache_options: None,
            stop_server_tools_when: None,
            prompt: None,
            trace: None,
            debug: None,
            stream: None,
            background: None,
            extra: Extra::new(),
        }
    }

    setters! {
        /// Sets `instructions`.
        instructions: into String,
        /// Sets `tool_choice`.
        tool_choice: into ToolChoice,
        /// Sets `parallel_tool_calls`.
        parallel_tool_calls: exact bool,
        /// Sets `max_output_tokens`.
        max_output_tokens: exact u32,
        /// Sets `max_tool_calls`.
        max_tool_calls: exact u32,
        /// Sets `reasoning`.
        reasoning: into Reasoning,
        /// Sets `text` (output format, verbosity).
        text: into TextConfig,
        /// Sets `temperature`.
        temperature: exact f64,
        /// Sets `top_p`.
        top_p: exact f64,
        /// Sets `top_k`.
        top_k: exact u32,
        /// Sets `top_logprobs`.
        top_logprobs: exact u32,
        /// Sets `frequency_penalty`.
        frequency_penalty: exact f64,
        /// Sets `presence_penalty`.
        presence_penalty: exact f64,
        /// Sets provider routing preferences.
        provider: into ProviderPreferences,
        /// Sets `session_id`.
        session_id: into String,
        /// Sets `metadata`.
        metadata: into Extra,
        /// Sets `user`.
        user: into String,
        /// Sets `safety_identifier`.
        safety_identifier: into String,
        /// Sets `service_tier`.
        service_tier: into crate::chat::ServiceTier,
        /// Sets `truncation` (`auto`, `disabled`).
        truncation: into String,
        /// Sets `image_config`.
        image_config: into Extra,
        /// Sets `cache_control`.
        cache_control: into CacheControl,
        /// Sets `prompt_cache_key`.
        prompt_cache_key: into String,
        /// Sets `prompt_cache_options`.
        prompt_cache_options: into PromptCacheOptions,
        /// Sets `stop_server_tools_when`.
        stop_server_tools_when: into serde_json::Value,
        /// Sets the stored `prompt` template.
        prompt: into serde_json::Value,
        /// Sets `trace`.
        trace: into serde_json::Value,
        /// Sets `debug`.
        debug: into DebugOptions,
        /// Sets `stream`.
        stream: exact bool,
        /// Sets `background`.
        background: exact bool,
    }

    /// Sets fallback `models`.
    pub fn models<M: Into<ModelId>>(mut self, models: impl IntoIterator<Item = M>) -> Self {
        self.models = Some(models.into_iter().map(Into::into).collect());
        self
    }

    /// Sets `tools`.
    pub fn tools(mut self, tools: impl IntoIterator<Item = ResponsesTool>) -> Self {
        self.tools = Some(tools.into_iter().collect());
        self
    }

    /// Sets `include`.
    pub fn include<S: Into<String>>(mut self, include: impl IntoIterator<Item = S>) -> Self {
        self.include = Some(include.into_iter().map(Into::into).collect());
        self
    }

    /// Sets `plugins`.
    pub fn plugins(mut self, plugins: impl IntoIterator<Item = Plugin>) -> Self {
        self.plugins = Some(plugins.into_iter().collect());
        self
    }

    /// Sets output `modalities`.
    pub fn modalities(mut self, modalities: impl IntoIterator<Item = Modality>) -> Self {
        self.modalities = Some(modalities.into_iter().collect());
        self
    }

    /// Adds a field this version does not model.
    pub fn extra_field(mut self, name: impl Into<String>, value: serde_json::Value) -> Self {
        self.extra.insert(name.into(), value);
        self
    }
}

/// `input`: a prompt string or a list of items.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
#[non_exhaustive]
pub enum ResponsesInput {
    /// A single user prompt.
    Text(String),
    /// The conversation as items.
    Items(Vec<Item>),
}

impl From<&str> for ResponsesInput {
    fn from(text: &str) -> Self {
        Self::Text(text.to_owned())
    }
}

impl From<String> for ResponsesInput {
    fn from(text: String) -> Self {
        Self::Text(text)
    }
}

impl From<Vec<Item>> for ResponsesInput {
    fn from(items: Vec<Item>) -> Self {
        Self::Items(items)
    }
}

string_tagged! {
    #[tag = "type", remote = "ResponsesTool", fallback = Other, rename_all = "snake_case"]
    /// A tool of the Responses API. Function tools are typed; server tools
    /// (`web_search`, `openrouter:*`, MCP…) are kept as JSON in `Other`.
    #[derive(Debug, Clone, PartialEq)]
    #[non_exhaustive]
    pub enum ResponsesTool {
        /// A function you run (`type: "function"`).
        Function(FunctionTool),
        /// Any other tool, kept whole (including `type`).
        #[serde(untagged)]
        Other(serde_json::Value),
    }
}

/// A function tool (flat, unlike chat's `{type, function: {…}}`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct FunctionTool {
    /// Function name.
    pub name: String,
    /// What it does, for the model.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// JSON Schema of the arguments.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parameters: Option<serde_json::Value>,
    /// Whether arguments must match the schema exactly.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub strict: Option<bool>,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

impl FunctionTool {
    /// A function tool with a JSON Schema for its arguments.
    pub fn new(name: impl Into<String>, parameters: serde_json::Value) -> Self {
        Self {
            name: name.into(),
            description: None,
            parameters: Some(parameters),
            strict: None,
            extra: Extra::new(),
        }
    }

    /// Sets the description.
    pub fn description(mut self, description: impl Into<String>) -> Self {
        self.description = Some(description.into());
        self
    }

    /// Sets `strict`.
    pub fn strict(mut self, strict: bool) -> Self {
        self.strict = Some(strict);
        self
    }
}

/// `tool_choice`: a mode, or an object naming a tool.
///
/// ```
/// use openrouter_types::responses::{ToolChoice, ToolChoiceMode};
/// assert_eq!(serde_json::to_value(ToolChoice::Mode(ToolChoiceMode::Required))?, "required");
/// assert_eq!(
///     serde_json::to_value(ToolChoice::function("get_weather"))?,
///     serde_json::json!({"type": "function", "name": "get_weather"})
/// );
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
#[non_exhaustive]
pub enum ToolChoice {
    /// `auto`, `none` or `required`.
    Mode(ToolChoiceMode),
    /// An object such as `{"type":"function","name":…}`.
    Object(Extra),
}

impl ToolChoice {
    /// Forces a call of the named function.
    pub fn function(name: impl Into<String>) -> Self {
        let mut object = Extra::new();
        object.insert("type".into(), "function".into());
        object.insert("name".into(), name.into().into());
        Self::Object(object)
    }
}

impl From<ToolChoiceMode> for ToolChoice {
    fn from(mode: ToolChoiceMode) -> Self {
        Self::Mode(mode)
    }
}

open_enum! {
    /// A `tool_choice` mode.
    pub enum ToolChoiceMode {
        /// The model decides.
        Auto = "auto",
        /// No tool calls.
        None = "none",
        /// At least one tool call.
        Required = "required",
    }
}

/// `text`: output format and verbosity.
///
/// ```
/// use openrouter_types::responses::{TextConfig, TextFormat};
/// let text = TextConfig::format(TextFormat::json_schema("answer", serde_json::json!({"type": "object"})));
/// assert_eq!(serde_json::to_value(&text)?["format"]["type"], "json_schema");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct TextConfig {
    /// Output format.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub format: Option<TextFormat>,
    /// `low`, `medium` or `high`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub verbosity: Option<String>,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

impl TextConfig {
    /// A text config with this output format.
    pub fn format(format: TextFormat) -> Self {
        Self {
            format: Some(format),
            ..Self::default()
        }
    }
}

string_tagged! {
    #[tag = "type", remote = "TextFormat", fallback = Other, rename_all = "snake_case"]
    /// `text.format`, tagged by `type`.
    #[derive(Debug, Clone, PartialEq)]
    #[non_exhaustive]
    pub enum TextFormat {
        /// Plain text.
        Text {
            /// Fields this version does not model.
            #[serde(flatten)]
            extra: Extra,
        },
        /// Any JSON object.
        JsonObject {
            /// Fields this version does not model.
            #[serde(flatten)]
            extra: Extra,
        },
        /// JSON matching a schema.
        JsonSchema {
            /// Schema name.
            name: String,
            /// The JSON Schema.
            schema: serde_json::Value,
            /// What the output is for.
            #[serde(default, skip_serializing_if = "Option::is_none")]
            description: Option<String>,
            /// Whether the schema is enforced exactly.
            #[serde(default, skip_serializing_if = "Option::is_none")]
            strict: Option<bool>,
            /// Fields this version does not model.
            #[serde(flatten)]
            extra: Extra,
        },
        /// A format this version does not model, kept whole.
        #[serde(untagged)]
        Other(serde_json::Value),
    }
}

impl TextFormat {
    /// `{"type":"json_schema","name":…,"schema":…,"strict":true}`.
    pub fn json_schema(name: impl Into<String>, schema: serde_json::Value) -> Self {
        Self::JsonSchema {
            name: name.into(),
            schema,
            description: None,
            strict: Some(true),
            extra: Extra::new(),
        }
    }
}
