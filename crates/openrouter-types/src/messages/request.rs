//! The body of `POST /messages` (and `POST /presets/{slug}/messages`): Anthropic's
//! request fields plus OpenRouter's routing extensions.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::content::MessageContent;
use super::response::MessagesResponse;
use super::tools::{Tool, ToolChoice};
use crate::chat::{CacheControl, Plugin};
use crate::open_enum::open_enum;
use crate::routing::ProviderPreferences;
use crate::tagged::string_tagged;
use crate::{Extra, ModelId};

/// The body of `POST /messages`.
///
/// The spec requires `model` and `messages` only; `max_tokens` is optional
/// on OpenRouter (Anthropic itself requires it). Unset fields are left out.
/// Fields are declared (and sent) in the order Anthropic's documentation
/// lists them, OpenRouter's extensions last; the spec lists them
/// alphabetically.
///
/// ```
/// use openrouter_types::messages::{MessageParam, MessagesRequest, ThinkingConfig, Tool, ToolChoice};
/// use serde_json::json;
/// let request = MessagesRequest::new("anthropic/claude-sonnet-4.5", vec![MessageParam::user("Weather in Paris?")])
///     .max_tokens(2048)
///     .system("Be brief.")
///     .thinking(ThinkingConfig::enabled(1024))
///     .tools([Tool::custom("get_weather", json!({"type": "object", "properties": {"city": {"type": "string"}}}))
///         .description("Current weather for a city")])
///     .tool_choice(ToolChoice::auto());
/// assert_eq!(
///     serde_json::to_value(&request)?,
///     json!({
///         "model": "anthropic/claude-sonnet-4.5",
///         "max_tokens": 2048,
///         "messages": [{"role": "user", "content": "Weather in Paris?"}],
///         "system": "Be brief.",
///         "thinking": {"type": "enabled", "budget_tokens": 1024},
///         "tools": [{"name": "get_weather", "description": "Current weather for a city",
///                    "input_schema": {"type": "object", "properties": {"city": {"type": "string"}}}}],
///         "tool_choice": {"type": "auto"}
///     }),
/// );
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct MessagesRequest {
    /// Model slug (`anthropic/claude-sonnet-4.5`; other vendors' models work too).
    pub model: ModelId,
    /// Output cap, thinking included.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_tokens: Option<u32>,
    /// The conversation: alternating `user` and `assistant` turns.
    pub messages: Vec<MessageParam>,
    /// System prompt: a string or text blocks (for cache breakpoints).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub system: Option<MessageContent>,
    /// `{user_id}`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metadata: Option<MessagesMetadata>,
    /// Custom texts that stop generation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stop_sequences: Option<Vec<String>>,
    /// Stream the answer as server-sent events.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stream: Option<bool>,
    /// Sampling temperature.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub temperature: Option<f64>,
    /// Nucleus sampling.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub top_p: Option<f64>,
    /// Top-k sampling.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub top_k: Option<u32>,
    /// Extended thinking.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub thinking: Option<ThinkingConfig>,
    /// Tools the model may call: yours (custom) and server tools.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tools: Option<Vec<Tool>>,
    /// Whether/which tool must be called.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tool_choice: Option<ToolChoice>,
    /// Effort, structured output format and task budget.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub output_config: Option<OutputConfig>,
    /// Automatic prompt caching for the whole request.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cache_control: Option<CacheControl>,
    /// Context-management edits (clear tool uses, clear thinking, compact).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub context_management: Option<Value>,
    /// Requested service tier.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service_tier: Option<String>,
    /// `fast` (premium price) or `standard`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speed: Option<String>,
    /// Fallback models, tried in order (OpenRouter).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub models: Option<Vec<ModelId>>,
    /// Fallback models as `{model}` objects, at most 3; not with `models` (OpenRouter).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fallbacks: Option<Vec<Fallback>>,
    /// Provider routing preferences (OpenRouter).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provider: Option<ProviderPreferences>,
    /// OpenRouter plugins (web, file-parser, response-healing…).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plugins: Option<Vec<Plugin>>,
    /// Groups requests of one session; the sticky-routing key (OpenRouter).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub session_id: Option<String>,
    /// Your end user's id, at most 256 characters (OpenRouter).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user: Option<String>,
    /// Observability trace settings (OpenRouter).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trace: Option<Value>,
    /// When to stop running server tools (OpenRouter).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stop_server_tools_when: Option<Value>,
    /// Fields this version does not model, sent as is (the deprecated `route`, …).
    #[serde(flatten)]
    pub extra: Extra,
}

macro_rules! setters {
    // `impl Into` for texts and structs; numbers and flags take the exact
    // type so integer literals infer.
    ($($(#[$m:meta])* $name:ident: $kind:ident $ty:ty),* $(,)?) => {
        $(setters!(@one $(#[$m])* $name $kind $ty);)*
    };
    (@one $(#[$m:meta])* $name:ident into $ty:ty) => {
        $(#[$m])*
        #[must_use]
        pub fn $name(mut self, value: impl Into<$ty>) -> Self {
            self.$name = Some(value.into());
            self
        }
    };
    (@one $(#[$m:meta])* $name:ident exact $ty:ty) => {
        $(#[$m])*
        #[must_use]
        pub fn $name(mut self, value: $ty) -> Self {
            self.$name = Some(value);
            self
        }
    };
}

impl MessagesRequest {
    /// A request for `model` with the conversation so far.
    pub fn new(model: impl Into<ModelId>, messages: Vec<MessageParam>) -> Self {
        Self {
            model: model.into(),
            max_tokens: None,
            messages,
            system: None,
            metadata: None,
            stop_sequences: None,
            stream: None,
            temperature: None,
            top_p: None,
            top_k: None,
            thinking: None,
            tools: None,
            tool_choice: None,
            output_config: None,
            cache_control: None,
            context_management: None,
            service_tier: None,
            speed: None,
            models: None,
            fallbacks: None,
            provider: None,
            plugins: None,
            session_id: None,
            user: None,
            trace: None,
            stop_server_tools_when: None,
            extra: Extra::new(),
        }
    }

    setters! {
        /// Sets `max_tokens`.
        max_tokens: exact u32,
        /// Sets `system` (a string, or text blocks for cache breakpoints).
        system: into MessageContent,
        /// Sets `metadata`.
        metadata: into MessagesMetadata,
        /// Sets `stream`.
        stream: exact bool,
        /// Sets `temperature`.
        temperature: exact f64,
        /// Sets `top_p`.
        top_p: exact f64,
        /// Sets `top_k`.
        top_k: exact u32,
        /// Sets `thinking`.
        thinking: into ThinkingConfig,
        /// Sets `tool_choice`.
        tool_choice: into ToolChoice,
        /// Sets `output_config`.
        output_config: into OutputConfig,
        /// Sets the request-level `cache_control` (automatic caching).
        cache_control: into CacheControl,
        /// Sets `context_management`.
        context_management: into Value,
        /// Sets `service_tier`.
        service_tier: into String,
        /// Sets `speed` (`fast` or `standard`).
        speed: into String,
        /// Sets provider routing preferences.
        provider: into ProviderPreferences,
        /// Sets `session_id`.
        session_id: into String,
        /// Sets `user`.
        user: into String,
        /// Sets `trace`.
        trace: into Value,
        /// Sets `stop_server_tools_when`.
        stop_server_tools_when: into Value,
    }

    /// Sets `stop_sequences`.
    #[must_use]
    pub fn stop_sequences<S: Into<String>>(mut self, stops: impl IntoIterator<Item = S>) -> Self {
        self.stop_sequences = Some(stops.into_iter().map(Into::into).collect());
        self
    }

    /// Sets `tools`.
    #[must_use]
    pub fn tools<T: Into<Tool>>(mut self, tools: impl IntoIterator<Item = T>) -> Self {
        self.tools = Some(tools.into_iter().map(Into::into).collect());
        self
    }

    /// Sets fallback `models`.
    #[must_use]
    pub fn models<M: Into<ModelId>>(mut self, models: impl IntoIterator<Item = M>) -> Self {
        self.models = Some(models.into_iter().map(Into::into).collect());
        self
    }

    /// Sets `fallbacks` (`[{model}]`, at most 3; not together with `models`).
    #[must_use]
    pub fn fallbacks<M: Into<ModelId>>(mut self, models: impl IntoIterator<Item = M>) -> Self {
        self.fallbacks = Some(models.into_iter().map(Fallback::new).collect());
        self
    }

    /// Sets `plugins`.
    #[must_use]
    pub fn plugins(mut self, plugins: impl IntoIterator<Item = Plugin>) -> Self {
        self.plugins = Some(plugins.into_iter().collect());
        self
    }

    /// Adds a field this version does not model.
    #[must_use]
    pub fn extra_field(mut self, name: impl Into<String>, value: Value) -> Self {
        self.extra.insert(name.into(), value);
        self
    }
}

/// One turn of the conversation.
///
/// ```
/// use openrouter_types::messages::{ContentBlock, MessageParam};
/// let turn = MessageParam::user(vec![
///     ContentBlock::image_url("https://example.com/cat.png"),
///     ContentBlock::text("What is in this image?"),
/// ]);
/// let json = serde_json::to_value(&turn)?;
/// assert_eq!(json["content"][0]["source"], serde_json::json!({"type": "url", "url": "https://example.com/cat.png"}));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct MessageParam {
    /// `user` or `assistant` (OpenRouter also accepts `system`).
    pub role: MessageRole,
    /// A string or blocks.
    pub content: MessageContent,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

impl MessageParam {
    /// A turn with this role and content.
    pub fn new(role: impl Into<MessageRole>, content: impl Into<MessageContent>) -> Self {
        Self {
            role: role.into(),
            content: content.into(),
            extra: Extra::new(),
        }
    }

    /// A `user` turn (text, images, documents, tool results).
    pub fn user(content: impl Into<MessageContent>) -> Self {
        Self::new(MessageRole::User, content)
    }

    /// An `assistant` turn: a previous answer, or a prefill to continue.
    pub fn assistant(content: impl Into<MessageContent>) -> Self {
        Self::new(MessageRole::Assistant, content)
    }
}

impl From<MessagesResponse> for MessageParam {
    /// Sends an answer back as the next request's assistant turn, every block
    /// (thinking and its signature, tool uses) unchanged, as Anthropic requires.
    fn from(message: MessagesResponse) -> Self {
        Self::new(message.role, MessageContent::Blocks(message.content))
    }
}

open_enum! {
    /// A turn's `role`.
    pub enum MessageRole {
        /// The user (and tool results).
        User = "user",
        /// The model.
        Assistant = "assistant",
        /// System instructions as a turn (OpenRouter extension; prefer `system`).
        System = "system",
    }
}

/// `metadata`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct MessagesMetadata {
    /// An opaque id of your end user (no personal data).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_id: Option<String>,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

impl MessagesMetadata {
    /// Metadata naming the end user.
    pub fn user_id(user_id: impl Into<String>) -> Self {
        Self {
            user_id: Some(user_id.into()),
            extra: Extra::new(),
        }
    }
}

string_tagged! {
    #[tag = "type", remote = "ThinkingConfig", fallback = Other, rename_all = "snake_case"]
    /// `thinking`: extended thinking settings.
    ///
    /// ```
    /// use openrouter_types::messages::ThinkingConfig;
    /// assert_eq!(serde_json::to_value(ThinkingConfig::enabled(2048))?,
    ///            serde_json::json!({"type": "enabled", "budget_tokens": 2048}));
    /// assert_eq!(serde_json::to_value(ThinkingConfig::disabled())?, serde_json::json!({"type": "disabled"}));
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    #[derive(Debug, Clone, PartialEq, Eq)]
    #[non_exhaustive]
    pub enum ThinkingConfig {
        /// `enabled`: think with this many tokens at most (at least 1024, below `max_tokens`).
        Enabled {
            /// The thinking budget.
            budget_tokens: u32,
            /// `summarized` or `omitted`.
            #[serde(default, skip_serializing_if = "Option::is_none")]
            display: Option<String>,
            /// Fields this version does not model.
            #[serde(flatten)]
            extra: Extra,
        },
        /// `disabled`.
        Disabled {
            /// Fields this version does not model.
            #[serde(flatten)]
            extra: Extra,
        },
        /// `adaptive`: the model decides how much to think.
        Adaptive {
            /// `summarized` or `omitted`.
            #[serde(default, skip_serializing_if = "Option::is_none")]
            display: Option<String>,
            /// Fields this version does not model.
            #[serde(flatten)]
            extra: Extra,
        },
        /// A setting this version does not model, kept whole.
        #[serde(untagged)]
        Other(Value),
    }
}

impl ThinkingConfig {
    /// `{"type":"enabled","budget_tokens":…}`.
    pub fn enabled(budget_tokens: u32) -> Self {
        Self::Enabled {
            budget_tokens,
            display: None,
            extra: Extra::new(),
        }
    }

    /// `{"type":"disabled"}`.
    pub fn disabled() -> Self {
        Self::Disabled {
            extra: Extra::new(),
        }
    }

    /// `{"type":"adaptive"}`.
    pub fn adaptive() -> Self {
        Self::Adaptive {
            display: None,
            extra: Extra::new(),
        }
    }
}

/// `output_config`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct OutputConfig {
    /// How hard the model works (`low`, `medium`, `high`, `xhigh`, `max`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effort: Option<Effort>,
    /// Structured output: `{"type":"json_schema","schema":{…}}`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub format: Option<Value>,
    /// An advisory token budget for an agentic turn (`{"type":"tokens","total":…}`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub task_budget: Option<Value>,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

impl OutputConfig {
    /// Only an effort level.
    pub fn effort(effort: impl Into<Effort>) -> Self {
        Self {
            effort: Some(effort.into()),
            ..Self::default()
        }
    }

    /// Structured output following `schema`.
    ///
    /// ```
    /// use openrouter_types::messages::OutputConfig;
    /// let config = OutputConfig::json_schema(serde_json::json!({"type": "object"}));
    /// assert_eq!(serde_json::to_value(&config)?,
    ///            serde_json::json!({"format": {"type": "json_schema", "schema": {"type": "object"}}}));
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn json_schema(schema: Value) -> Self {
        Self {
            format: Some(Value::Object(Extra::from_iter([
                ("type".to_owned(), Value::from("json_schema")),
                ("schema".to_owned(), schema),
            ]))),
            ..Self::default()
        }
    }
}

impl From<Effort> for OutputConfig {
    fn from(effort: Effort) -> Self {
        Self::effort(effort)
    }
}

open_enum! {
    /// `output_config.effort`.
    pub enum Effort {
        /// Low.
        Low = "low",
        /// Medium.
        Medium = "medium",
        /// High.
        High = "high",
        /// Extra high.
        Xhigh = "xhigh",
        /// Max.
        Max = "max",
    }
}

/// One of `fallbacks`: `{model}` (only `model` is accepted).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Fallback {
    /// The fallback model.
    pub model: ModelId,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

impl Fallback {
    /// A fallback to `model`.
    pub fn new(model: impl Into<ModelId>) -> Self {
        Self {
            model: model.into(),
            extra: Extra::new(),
        }
    }
}
