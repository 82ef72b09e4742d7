//! The chat completions request (`POST /chat/completions`): messages, tools, routing, sampling.
//!
//! Build requests with [`ChatRequest::new`] and chainable setters; unset
//! fields are omitted from the body, so the provider's own defaults apply
//! (OpenRouter forwards only what you send). Anything this crate does not
//! model yet goes through [`ChatRequest::extra_field`].
//!
//! # Examples
//!
//! Tool calling:
//!
//! ```
//! use openrouter_types::chat::{ChatRequest, Message, Tool, ToolChoice};
//! use serde_json::json;
//!
//! let request = ChatRequest::new(
//!     "google/gemini-3-flash-preview",
//!     vec![Message::user("What are the titles of some James Joyce books?")],
//! )
//! .tools(vec![Tool::function(
//!     "search_gutenberg_books",
//!     "Search for books in the Project Gutenberg library",
//!     json!({
//!         "type": "object",
//!         "properties": {"search_terms": {"type": "array", "items": {"type": "string"}}},
//!         "required": ["search_terms"]
//!     }),
//! )])
//! .tool_choice(ToolChoice::Auto)
//! .parallel_tool_calls(true);
//! let body = serde_json::to_value(&request)?;
//! assert_eq!(body["tools"][0]["function"]["name"], "search_gutenberg_books");
//! # Ok::<(), serde_json::Error>(())
//! ```
//!
//! Structured output, reasoning and provider routing:
//!
//! ```
//! use openrouter_types::chat::{ChatRequest, Message, Reasoning, ReasoningEffort, ResponseFormat};
//! use openrouter_types::routing::{ProviderPreferences, ProviderSort};
//! use serde_json::json;
//!
//! let request = ChatRequest::new("openai/gpt-5-mini", vec![
//!     Message::system("Answer in JSON."),
//!     Message::user("What's the weather like in London?"),
//! ])
//! .response_format(ResponseFormat::json_schema("weather", json!({
//!     "type": "object",
//!     "properties": {"temperature": {"type": "number"}, "conditions": {"type": "string"}},
//!     "required": ["temperature", "conditions"],
//!     "additionalProperties": false
//! })).strict(true))
//! .reasoning(Reasoning::effort(ReasoningEffort::Low))
//! .provider(ProviderPreferences::new().require_parameters(true).sort(ProviderSort::Latency))
//! .models(["openai/gpt-4.1-mini"])
//! .temperature(0.2)
//! .max_tokens(256)
//! .extra_field("safe_prompt", json!(true));
//!
//! let body = serde_json::to_value(&request)?;
//! assert_eq!(body["response_format"]["type"], "json_schema");
//! assert_eq!(body["reasoning"], json!({"effort": "low"}));
//! assert_eq!(body["provider"], json!({"require_parameters": true, "sort": "latency"}));
//! assert_eq!(body["safe_prompt"], true);
//! assert!(body.get("top_p").is_none(), "unset fields are omitted");
//! # Ok::<(), serde_json::Error>(())
//! ```

mod message;
mod options;
mod reasoning;
mod tools;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::routing::ProviderPreferences;
use crate::{Extra, ModelId};

pub use message::{
    AssistantMessage, Content, ContentPart, FileData, FilePart, FunctionCall, ImageDetail,
    ImageUrl, ImageUrlPart, InputAudio, InputAudioPart, Message, SystemMessage, TextPart, ToolCall,
    ToolMessage, ToolType, UserMessage, VideoUrl, VideoUrlPart,
};
pub use options::{
    AudioOptions, CacheControl, DebugOptions, JsonSchemaFormat, Modality, Plugin, PluginId,
    Prediction, PromptCacheOptions, ResponseFormat, ResponseFormatType, ServiceTier, Stop,
    StreamOptions, UsageOptions, Verbosity,
};
pub use reasoning::{
    Reasoning, ReasoningDetail, ReasoningDetailType, ReasoningEffort, ReasoningFormat,
    ReasoningSummary,
};
pub use tools::{FunctionDefinition, Tool, ToolChoice};

/// The body of `POST /chat/completions`.
///
/// Every optional field is `None` by default and then left out of the JSON.
/// Fields are public for reading and editing; construct with [`ChatRequest::new`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChatRequest {
    /// `author/slug[:variant]`, `openrouter/auto`, `@preset/name`… Absent: the account default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub model: Option<ModelId>,
    /// Fallback models, tried in order when `model` fails.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub models: Option<Vec<ModelId>>,
    /// The conversation (at least one message).
    pub messages: Vec<Message>,
    /// Provider routing preferences.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provider: Option<ProviderPreferences>,
    /// Deprecated alias of `provider.sort.partition` (`fallback` or `sort`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub route: Option<String>,
    /// Stream the answer as server-sent events. The client sets this.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stream: Option<bool>,
    /// Deprecated no-op (usage is always streamed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stream_options: Option<StreamOptions>,
    /// Deprecated no-op (usage is always sent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub usage: Option<UsageOptions>,
    /// Maximum tokens to generate (also routes to providers that can return that many).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_tokens: Option<u32>,
    /// Maximum completion tokens (the spec's preferred spelling).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_completion_tokens: Option<u32>,
    /// 0.0–2.0.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub temperature: Option<f64>,
    /// 0.0–1.0.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub top_p: Option<f64>,
    /// ≥ 0 (0 disables).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub top_k: Option<u32>,
    /// 0.0–1.0.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_p: Option<f64>,
    /// 0.0–1.0.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub top_a: Option<f64>,
    /// −2.0–2.0.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub frequency_penalty: Option<f64>,
    /// −2.0–2.0.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub presence_penalty: Option<f64>,
    /// 0.0–2.0 (1.0 = none).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub repetition_penalty: Option<f64>,
    /// Sampling seed (determinism not guaranteed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seed: Option<i64>,
    /// Token id (as a string) → bias in −100..100.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub logit_bias: Option<BTreeMap<String, f64>>,
    /// Return log probabilities.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub logprobs: Option<bool>,
    /// 0–20; requires `logprobs`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub top_logprobs: Option<u32>,
    /// Stop sequences (at most 4).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stop: Option<Stop>,
    /// Output format (JSON mode, JSON Schema).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub response_format: Option<ResponseFormat>,
    /// Tools the model may call.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tools: Option<Vec<Tool>>,
    /// Whether and which tool to call.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tool_choice: Option<ToolChoice>,
    /// Allow several tool calls in one turn (default true).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parallel_tool_calls: Option<bool>,
    /// Reasoning configuration.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reasoning: Option<Reasoning>,
    /// Shorthand for `reasoning.effort` (do not combine with a different one).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reasoning_effort: Option<ReasoningEffort>,
    /// Deprecated: `true` is `reasoning: {}`, `false` is `reasoning: {exclude: true}`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub include_reasoning: Option<bool>,
    /// Answer length/detail (`low`…`max`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub verbosity: Option<Verbosity>,
    /// Plugins (web, file-parser, response-healing, context-compression…).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plugins: Option<Vec<Plugin>>,
    /// Legacy transforms (`["middle-out"]`); prefer the context-compression plugin.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transforms: Option<Vec<String>>,
    /// Native web search options (`search_context_size`…).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub web_search_options: Option<Value>,
    /// Predicted output.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prediction: Option<Prediction>,
    /// Stable end-user id for abuse isolation (hashed before it reaches providers).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user: Option<String>,
    /// Groups requests for sticky routing and observability (≤ 256 chars).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub session_id: Option<String>,
    /// ≤ 16 string pairs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metadata: Option<BTreeMap<String, String>>,
    /// Observability trace (`trace_id`, `trace_name`, `span_name`…).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trace: Option<Extra>,
    /// Debug options (streaming only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub debug: Option<DebugOptions>,
    /// Output modalities (`text`, `image`, `audio`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub modalities: Option<Vec<Modality>>,
    /// Audio output voice and format (requires streaming).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub audio: Option<AudioOptions>,
    /// Provider-specific image options (`aspect_ratio`…).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image_config: Option<Extra>,
    /// Requested service tier.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service_tier: Option<ServiceTier>,
    /// Top-level automatic prompt caching.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cache_control: Option<CacheControl>,
    /// OpenAI prompt cache key.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prompt_cache_key: Option<String>,
    /// OpenAI explicit caching.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prompt_cache_options: Option<PromptCacheOptions>,
    /// Conditions that stop the server-tool loop.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stop_server_tools_when: Option<Vec<Value>>,
    /// A saved preset to apply.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub preset: Option<String>,
    /// Fields this crate does not model, merged into the body as they are.
    #[serde(flatten)]
    pub extra: Extra,
}

/// Generates chainable setters for `Option` fields.
macro_rules! setters {
    ($($(#[$doc:meta])* $name:ident: $ty:ty $(=> $conv:ident)?;)*) => {
        $(
            $(#[$doc])*
            #[must_use]
            pub fn $name(mut self, value: $ty) -> Self {
                self.$name = Some(setters!(@conv value $(, $conv)?));
                self
            }
        )*
    };
    (@conv $v:ident) => { $v };
    (@conv $v:ident, into) => { $v.into() };
}

impl ChatRequest {
    /// A request for `model` with these messages; everything else unset.
    pub fn new(model: impl Into<ModelId>, messages: impl Into<Vec<Message>>) -> Self {
        Self::without_model(messages).model(model)
    }

    /// A request without `model` (the account's default model is used).
    pub fn without_model(messages: impl Into<Vec<Message>>) -> Self {
        Self {
            model: None,
            models: None,
            messages: messages.into(),
            provider: None,
            route: None,
            stream: None,
            stream_options: None,
            usage: None,
            max_tokens: None,
            max_completion_tokens: None,
            temperature: None,
            top_p: None,
            top_k: None,
            min_p: None,
            top_a: None,
            frequency_penalty: None,
            presence_penalty: None,
            repetition_penalty: None,
            seed: None,
            logit_bias: None,
            logprobs: None,
            top_logprobs: None,
            stop: None,
            response_format: None,
            tools: None,
            tool_choice: None,
            parallel_tool_calls: None,
            reasoning: None,
            reasoning_effort: None,
            include_reasoning: None,
            verbosity: None,
            plugins: None,
            transforms: None,
            web_search_options: None,
            prediction: None,
            user: None,
            session_id: None,
            metadata: None,
            trace: None,
            debug: None,
            modalities: None,
            audio: None,
            image_config: None,
            service_tier: None,
            cache_control: None,
            prompt_cache_key: None,
            prompt_cache_options: None,
            stop_server_tools_when: None,
            preset: None,
            extra: Extra::new(),
        }
    }

    /// Appends a message.
    #[must_use]
    pub fn message(mut self, message: impl Into<Message>) -> Self {
        self.messages.push(message.into());
        self
    }

    /// Sets the fallback models (`models`).
    #[must_use]
    pub fn models<I: IntoIterator<Item = M>, M: Into<ModelId>>(mut self, models: I) -> Self {
        self.models = Some(models.into_iter().map(Into::into).collect());
        self
    }

    /// Sets one metadata pair.
    #[must_use]
    pub fn metadata_entry(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
        self.metadata
            .get_or_insert_with(BTreeMap::new)
            .insert(key.into(), value.into());
        self
    }

    /// Sets one logit bias.
    #[must_use]
    pub fn logit_bias_entry(mut self, token_id: impl Into<String>, bias: f64) -> Self {
        self.logit_bias
            .get_or_insert_with(BTreeMap::new)
            .insert(token_id.into(), bias);
        self
    }

    /// Appends a plugin.
    #[must_use]
    pub fn plugin(mut self, plugin: Plugin) -> Self {
        self.plugins.get_or_insert_with(Vec::new).push(plugin);
        self
    }

    /// Appends a tool.
    #[must_use]
    pub fn tool(mut self, tool: Tool) -> Self {
        self.tools.get_or_insert_with(Vec::new).push(tool);
        self
    }

    /// Adds a body field this crate does not model; it is merged into the
    /// JSON as is (e.g. provider extras such as `safe_prompt`). A modelled
    /// field of the same name is sent twice, so use the typed setter for those.
    ///
    /// ```
    /// use openrouter_types::chat::{ChatRequest, Message};
    /// let r = ChatRequest::new("mistralai/mistral-small", vec![Message::user("hi")])
    ///     .extra_field("safe_prompt", serde_json::json!(true));
    /// assert_eq!(serde_json::to_value(&r)?["safe_prompt"], true);
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    #[must_use]
    pub fn extra_field(mut self, key: impl Into<String>, value: Value) -> Self {
        self.extra.insert(key.into(), value);
        self
    }

    setters! {
        /// Sets `model`.
        model: impl Into<ModelId> => into;
        /// Sets `provider` routing preferences.
        provider: ProviderPreferences;
        /// Sets `stream` (the client sets it for you when streaming).
        stream: bool;
        /// Sets `stream_options` (deprecated no-op).
        stream_options: StreamOptions;
        /// Sets `usage` (deprecated no-op).
        usage: UsageOptions;
        /// Sets `max_tokens`.
        max_tokens: u32;
        /// Sets `max_completion_tokens`.
        max_completion_tokens: u32;
        /// Sets `temperature`.
        temperature: f64;
        /// Sets `top_p`.
        top_p: f64;
        /// Sets `top_k`.
        top_k: u32;
        /// Sets `min_p`.
        min_p: f64;
        /// Sets `top_a`.
        top_a: f64;
        /// Sets `frequency_penalty`.
        frequency_penalty: f64;
        /// Sets `presence_penalty`.
        presence_penalty: f64;
        /// Sets `repetition_penalty`.
        repetition_penalty: f64;
        /// Sets `seed`.
        seed: i64;
        /// Sets `logit_bias`.
        logit_bias: BTreeMap<String, f64>;
        /// Sets `logprobs`.
        logprobs: bool;
        /// Sets `top_logprobs`.
        top_logprobs: u32;
        /// Sets `stop` (a string or a list).
        stop: impl Into<Stop> => into;
        /// Sets `response_format`.
        response_format: ResponseFormat;
        /// Sets `tools`.
        tools: Vec<Tool>;
        /// Sets `tool_choice`.
        tool_choice: ToolChoice;
        /// Sets `parallel_tool_calls`.
        parallel_tool_calls: bool;
        /// Sets `reasoning`.
        reasoning: Reasoning;
        /// Sets `reasoning_effort`.
        reasoning_effort: ReasoningEffort;
        /// Sets `include_reasoning` (deprecated; prefer [`reasoning`](Self::reasoning)).
        include_reasoning: bool;
        /// Sets `route` (deprecated; prefer `provider.sort`).
        route: impl Into<String> => into;
        /// Sets `verbosity`.
        verbosity: Verbosity;
        /// Sets `plugins`.
        plugins: Vec<Plugin>;
        /// Sets `transforms` (legacy).
        transforms: Vec<String>;
        /// Sets `web_search_options`.
        web_search_options: Value;
        /// Sets `prediction`.
        prediction: Prediction;
        /// Sets `user`.
        user: impl Into<String> => into;
        /// Sets `session_id`.
        session_id: impl Into<String> => into;
        /// Sets `metadata`.
        metadata: BTreeMap<String, String>;
        /// Sets `trace`.
        trace: Extra;
        /// Sets `debug`.
        debug: DebugOptions;
        /// Sets `modalities`.
        modalities: Vec<Modality>;
        /// Sets `audio`.
        audio: AudioOptions;
        /// Sets `image_config`.
        image_config: Extra;
        /// Sets `service_tier`.
        service_tier: ServiceTier;
        /// Sets top-level `cache_control`.
        cache_control: CacheControl;
        /// Sets `prompt_cache_key`.
        prompt_cache_key: impl Into<String> => into;
        /// Sets `prompt_cache_options`.
        prompt_cache_options: PromptCacheOptions;
        /// Sets `stop_server_tools_when`.
        stop_server_tools_when: Vec<Value>;
        /// Sets `preset`.
        preset: impl Into<String> => into;
    }
}
