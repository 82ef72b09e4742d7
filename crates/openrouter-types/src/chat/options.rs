//! Smaller request options: response format, plugins, caching, stop, prediction, streaming.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::Extra;
use crate::open_enum::open_enum;

/// `response_format`: free text, JSON mode, or JSON Schema structured output.
///
/// ```
/// use openrouter_types::chat::ResponseFormat;
/// use serde_json::json;
/// let format = ResponseFormat::json_schema(
///     "weather",
///     json!({"type": "object", "properties": {"temperature": {"type": "number"}},
///            "required": ["temperature"], "additionalProperties": false}),
/// )
/// .strict(true);
/// let value = serde_json::to_value(&format)?;
/// assert_eq!(value["type"], "json_schema");
/// assert_eq!(value["json_schema"]["name"], "weather");
/// assert_eq!(value["json_schema"]["strict"], true);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ResponseFormat {
    /// `text`, `json_object`, `json_schema`, `grammar`, `python`.
    #[serde(rename = "type")]
    pub kind: ResponseFormatType,
    /// The schema (`json_schema` only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub json_schema: Option<JsonSchemaFormat>,
    /// The grammar (`grammar` only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub grammar: Option<String>,
    /// Unmodelled fields.
    #[serde(flatten)]
    pub extra: Extra,
}

impl ResponseFormat {
    fn of(kind: ResponseFormatType) -> Self {
        Self {
            kind,
            json_schema: None,
            grammar: None,
            extra: Extra::new(),
        }
    }

    /// Plain text (the default).
    pub fn text() -> Self {
        Self::of(ResponseFormatType::Text)
    }

    /// JSON mode: any JSON object. Still ask for JSON in the prompt.
    pub fn json_object() -> Self {
        Self::of(ResponseFormatType::JsonObject)
    }

    /// Structured output that must match `schema`. Pair it with
    /// `provider.require_parameters(true)` to avoid providers that ignore it.
    pub fn json_schema(name: impl Into<String>, schema: Value) -> Self {
        Self {
            json_schema: Some(JsonSchemaFormat {
                name: name.into(),
                description: None,
                schema: Some(schema),
                strict: None,
                extra: Extra::new(),
            }),
            ..Self::of(ResponseFormatType::JsonSchema)
        }
    }

    /// A provider-specific grammar.
    pub fn grammar(grammar: impl Into<String>) -> Self {
        Self {
            grammar: Some(grammar.into()),
            ..Self::of(ResponseFormatType::Grammar)
        }
    }

    /// Sets `json_schema.strict`.
    #[must_use]
    pub fn strict(mut self, strict: bool) -> Self {
        if let Some(schema) = &mut self.json_schema {
            schema.strict = Some(strict);
        }
        self
    }

    /// Sets `json_schema.description`.
    #[must_use]
    pub fn description(mut self, description: impl Into<String>) -> Self {
        if let Some(schema) = &mut self.json_schema {
            schema.description = Some(description.into());
        }
        self
    }
}

open_enum! {
    /// `response_format.type`.
    pub enum ResponseFormatType {
        /// Free text.
        Text = "text",
        /// Any JSON object.
        JsonObject = "json_object",
        /// JSON matching a schema.
        JsonSchema = "json_schema",
        /// A custom grammar.
        Grammar = "grammar",
        /// Python code.
        Python = "python",
    }
}

/// `response_format.json_schema`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct JsonSchemaFormat {
    /// `[a-zA-Z0-9_-]`, at most 64 characters.
    pub name: String,
    /// What the schema is for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The JSON Schema.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<Value>,
    /// Strict adherence.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub strict: Option<bool>,
    /// Unmodelled fields.
    #[serde(flatten)]
    pub extra: Extra,
}

/// A plugin (`plugins[]`), identified by `id`, with its options.
///
/// ```
/// use openrouter_types::chat::Plugin;
/// use serde_json::json;
/// let web = Plugin::new("web").option("max_results", json!(3));
/// assert_eq!(serde_json::to_value(&web)?, json!({"id": "web", "max_results": 3}));
/// let off = Plugin::new("context-compression").enabled(false);
/// assert_eq!(serde_json::to_value(&off)?, json!({"id": "context-compression", "enabled": false}));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Plugin {
    /// `web`, `file-parser`, `response-healing`, `context-compression`, `moderation`, `auto-router`…
    pub id: PluginId,
    /// `false` turns off a plugin that is on by default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
    /// The plugin's options (`engine`, `max_results`, `pdf`…), flattened into the object.
    #[serde(flatten)]
    pub options: Extra,
}

impl Plugin {
    /// A plugin with no options.
    pub fn new(id: impl Into<PluginId>) -> Self {
        Self {
            id: id.into(),
            enabled: None,
            options: Extra::new(),
        }
    }

    /// The PDF parser with an engine (`mistral-ocr`, `cloudflare-ai`, `native`).
    pub fn file_parser(engine: impl Into<String>) -> Self {
        Self::new(PluginId::FileParser)
            .option("pdf", serde_json::json!({ "engine": engine.into() }))
    }

    /// Sets `enabled`.
    #[must_use]
    pub fn enabled(mut self, enabled: bool) -> Self {
        self.enabled = Some(enabled);
        self
    }

    /// Sets one option.
    #[must_use]
    pub fn option(mut self, key: impl Into<String>, value: Value) -> Self {
        self.options.insert(key.into(), value);
        self
    }
}

open_enum! {
    /// `plugins[].id`.
    pub enum PluginId {
        /// Web search (deprecated in favour of the `openrouter:web_search` tool).
        Web = "web",
        /// PDF and file parsing.
        FileParser = "file-parser",
        /// Repairs malformed JSON output.
        ResponseHealing = "response-healing",
        /// Middle-out context compression.
        ContextCompression = "context-compression",
        /// Moderation.
        Moderation = "moderation",
        /// Auto router.
        AutoRouter = "auto-router",
        /// Auto router (beta).
        AutoBetaRouter = "auto-beta-router",
        /// Web fetch.
        WebFetch = "web-fetch",
        /// Pareto router.
        ParetoRouter = "pareto-router",
        /// Fusion.
        Fusion = "fusion",
    }
}

/// `cache_control`: an Anthropic-style prompt-cache breakpoint.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CacheControl {
    /// Always `ephemeral`.
    #[serde(rename = "type")]
    pub kind: String,
    /// `5m` (default) or `1h` (2x write price).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ttl: Option<String>,
}

impl CacheControl {
    /// `{"type":"ephemeral"}` (5-minute TTL).
    pub fn ephemeral() -> Self {
        Self {
            kind: "ephemeral".into(),
            ttl: None,
        }
    }

    /// `{"type":"ephemeral","ttl":"1h"}`.
    pub fn ephemeral_1h() -> Self {
        Self {
            kind: "ephemeral".into(),
            ttl: Some("1h".into()),
        }
    }
}

/// `prompt_cache_options`: OpenAI explicit caching.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PromptCacheOptions {
    /// `explicit`.
    pub mode: String,
    /// e.g. `30m`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ttl: Option<String>,
}

impl PromptCacheOptions {
    /// `{"mode":"explicit"}`.
    pub fn explicit() -> Self {
        Self {
            mode: "explicit".into(),
            ttl: None,
        }
    }
}

/// `stop`: one sequence or up to four.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Stop {
    /// One stop sequence.
    One(String),
    /// Several (at most 4).
    Many(Vec<String>),
}

impl From<&str> for Stop {
    fn from(s: &str) -> Self {
        Self::One(s.to_owned())
    }
}

impl From<String> for Stop {
    fn from(s: String) -> Self {
        Self::One(s)
    }
}

impl From<Vec<String>> for Stop {
    fn from(v: Vec<String>) -> Self {
        Self::Many(v)
    }
}

impl From<Vec<&str>> for Stop {
    fn from(v: Vec<&str>) -> Self {
        Self::Many(v.into_iter().map(str::to_owned).collect())
    }
}

/// `prediction`: predicted output, to cut latency when most of the answer is known.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Prediction {
    /// Always `content`.
    #[serde(rename = "type")]
    pub kind: String,
    /// The predicted text (a string, or `[{type:"text",text}]`).
    pub content: Value,
}

impl Prediction {
    /// Predicts this text.
    pub fn content(text: impl Into<String>) -> Self {
        Self {
            kind: "content".into(),
            content: Value::String(text.into()),
        }
    }
}

/// `stream_options` (deprecated by OpenRouter: usage is always sent).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct StreamOptions {
    /// No effect on OpenRouter; kept for OpenAI compatibility.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub include_usage: Option<bool>,
}

/// `usage` request option (deprecated: usage is always sent).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct UsageOptions {
    /// No effect on OpenRouter.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub include: Option<bool>,
}

/// `debug` (streaming only; not for production).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct DebugOptions {
    /// Echo the transformed upstream request body in a first `debug` chunk.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub echo_upstream_body: Option<bool>,
}

/// `audio` output options (requires `stream: true`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AudioOptions {
    /// e.g. `alloy`.
    pub voice: String,
    /// `wav`, `mp3`, `flac`, `opus`, `pcm16`.
    pub format: String,
}

impl AudioOptions {
    /// A voice and an output format.
    pub fn new(voice: impl Into<String>, format: impl Into<String>) -> Self {
        Self {
            voice: voice.into(),
            format: format.into(),
        }
    }
}

open_enum! {
    /// Output modality (`modalities[]`).
    pub enum Modality {
        /// Text.
        Text = "text",
        /// Image generation.
        Image = "image",
        /// Audio output.
        Audio = "audio",
    }
}

open_enum! {
    /// `verbosity`.
    pub enum Verbosity {
        /// Low.
        Low = "low",
        /// Medium (default).
        Medium = "medium",
        /// High.
        High = "high",
        /// Extra high.
        Xhigh = "xhigh",
        /// Max.
        Max = "max",
    }
}

open_enum! {
    /// Service tier: requested in the request, reported in the response.
    pub enum ServiceTier {
        /// Provider decides.
        Auto = "auto",
        /// Standard.
        Default = "default",
        /// Alias of `priority`.
        Fast = "fast",
        /// Cheaper, slower.
        Flex = "flex",
        /// Faster, pricier.
        Priority = "priority",
        /// Scale tier.
        Scale = "scale",
    }
}
