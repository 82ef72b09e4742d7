//! Reasoning: the request's `reasoning` config and the `reasoning_details` the model returns.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::Extra;
use crate::open_enum::open_enum;

/// The `reasoning` request object: how much the model should think, and
/// whether you see it.
///
/// Use `effort` **or** `max_tokens`, not both.
///
/// ```
/// use openrouter_types::chat::{Reasoning, ReasoningEffort};
/// let r = Reasoning::effort(ReasoningEffort::High).exclude(true);
/// assert_eq!(serde_json::to_value(&r)?, serde_json::json!({"effort": "high", "exclude": true}));
/// assert_eq!(serde_json::to_value(Reasoning::max_tokens(2048))?, serde_json::json!({"max_tokens": 2048}));
/// assert_eq!(serde_json::to_value(Reasoning::disabled())?, serde_json::json!({"enabled": false}));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Reasoning {
    /// OpenAI/Grok-style effort level; `none` disables reasoning.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effort: Option<ReasoningEffort>,
    /// Anthropic/Gemini/Qwen-style token budget.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_tokens: Option<u32>,
    /// Reason, but leave the reasoning out of the response.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exclude: Option<bool>,
    /// Turn reasoning on (medium effort) or off.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
    /// Summary verbosity: `auto`, `concise`, `detailed`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<ReasoningSummary>,
    /// Which turns' reasoning the model sees: `auto`, `all_turns`, `current_turn`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub context: Option<String>,
    /// `standard` or `pro` (some OpenAI models).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mode: Option<String>,
    /// Unmodelled fields sent as they are.
    #[serde(flatten)]
    pub extra: Extra,
}

impl Reasoning {
    /// Reasoning at this effort.
    pub fn effort(effort: ReasoningEffort) -> Self {
        Self {
            effort: Some(effort),
            ..Self::default()
        }
    }

    /// Reasoning with this token budget.
    pub fn max_tokens(max_tokens: u32) -> Self {
        Self {
            max_tokens: Some(max_tokens),
            ..Self::default()
        }
    }

    /// Reasoning enabled at the model's default effort.
    pub fn enabled() -> Self {
        Self {
            enabled: Some(true),
            ..Self::default()
        }
    }

    /// Reasoning disabled (`{"enabled": false}`).
    pub fn disabled() -> Self {
        Self {
            enabled: Some(false),
            ..Self::default()
        }
    }

    /// Hides the reasoning from the response while still reasoning.
    #[must_use]
    pub fn exclude(mut self, exclude: bool) -> Self {
        self.exclude = Some(exclude);
        self
    }

    /// Sets the summary verbosity.
    #[must_use]
    pub fn summary(mut self, summary: ReasoningSummary) -> Self {
        self.summary = Some(summary);
        self
    }
}

open_enum! {
    /// Reasoning effort (`reasoning.effort`, `reasoning_effort`).
    pub enum ReasoningEffort {
        /// The most.
        Max = "max",
        /// Extra high.
        Xhigh = "xhigh",
        /// High.
        High = "high",
        /// Medium.
        Medium = "medium",
        /// Low.
        Low = "low",
        /// Minimal.
        Minimal = "minimal",
        /// No reasoning.
        None = "none",
    }
}

open_enum! {
    /// Reasoning summary verbosity.
    pub enum ReasoningSummary {
        /// Model default.
        Auto = "auto",
        /// Short.
        Concise = "concise",
        /// Long.
        Detailed = "detailed",
    }
}

/// One entry of `reasoning_details`: text, summary, encrypted blob or server-tool record.
///
/// Stored as the JSON object it arrived as, with typed accessors. Why not a
/// typed struct: these objects are opaque provider state you send back on
/// the next turn (Anthropic verifies `signature`, OpenAI decrypts `data`), so
/// the exact keys, including explicit `null`s like `"signature": null`, must
/// survive untouched, and new detail types appear without notice. The map is
/// lossless by construction; the accessors give typed reads.
///
/// ```
/// use openrouter_types::chat::{ReasoningDetail, ReasoningDetailType};
/// let d: ReasoningDetail = serde_json::from_str(
///     r#"{"type":"reasoning.text","text":"Let me think","signature":null,"format":"anthropic-claude-v1","index":0}"#,
/// )?;
/// assert_eq!(d.kind(), Some(ReasoningDetailType::Text));
/// assert_eq!(d.text(), Some("Let me think"));
/// assert_eq!(d.index(), Some(0));
/// // Explicit nulls survive the round trip.
/// assert!(serde_json::to_string(&d)?.contains(r#""signature":null"#));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ReasoningDetail(pub Extra);

impl ReasoningDetail {
    /// A `reasoning.text` detail.
    pub fn text_detail(text: impl Into<String>) -> Self {
        let mut map = Extra::new();
        map.insert("type".into(), Value::from("reasoning.text"));
        map.insert("text".into(), Value::from(text.into()));
        Self(map)
    }

    /// The `type`.
    pub fn kind(&self) -> Option<ReasoningDetailType> {
        self.str_field("type").map(ReasoningDetailType::from)
    }

    /// The `type` as sent.
    pub fn kind_str(&self) -> Option<&str> {
        self.str_field("type")
    }

    /// `text` of a `reasoning.text` detail.
    pub fn text(&self) -> Option<&str> {
        self.str_field("text")
    }

    /// `summary` of a `reasoning.summary` detail.
    pub fn summary(&self) -> Option<&str> {
        self.str_field("summary")
    }

    /// `data` of a `reasoning.encrypted` detail.
    pub fn data(&self) -> Option<&str> {
        self.str_field("data")
    }

    /// `signature` (Anthropic).
    pub fn signature(&self) -> Option<&str> {
        self.str_field("signature")
    }

    /// `id` (e.g. `rs_…`).
    pub fn id(&self) -> Option<&str> {
        self.str_field("id")
    }

    /// `format`, e.g. `anthropic-claude-v1`, `openai-responses-v1`.
    pub fn format(&self) -> Option<ReasoningFormat> {
        self.str_field("format").map(ReasoningFormat::from)
    }

    /// `index`: the position in the sequence; stream fragments with the same
    /// index belong together.
    pub fn index(&self) -> Option<u64> {
        self.0.get("index").and_then(Value::as_u64)
    }

    /// Any field by name.
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.0.get(key)
    }

    /// The underlying JSON object.
    pub fn as_map(&self) -> &Extra {
        &self.0
    }

    fn str_field(&self, key: &str) -> Option<&str> {
        self.0.get(key).and_then(Value::as_str)
    }
}

open_enum! {
    /// `reasoning_details[].type`.
    pub enum ReasoningDetailType {
        /// Plain reasoning text (with an optional signature).
        Text = "reasoning.text",
        /// A summary of the reasoning.
        Summary = "reasoning.summary",
        /// Encrypted reasoning (`data`).
        Encrypted = "reasoning.encrypted",
        /// A record of an OpenRouter server-tool call.
        ServerToolCall = "reasoning.server_tool_call",
    }
}

open_enum! {
    /// `reasoning_details[].format`: which provider family produced it.
    pub enum ReasoningFormat {
        /// Unknown.
        Unknown = "unknown",
        /// OpenAI Responses.
        OpenaiResponsesV1 = "openai-responses-v1",
        /// Azure OpenAI Responses.
        AzureOpenaiResponsesV1 = "azure-openai-responses-v1",
        /// Bedrock OpenAI Responses.
        BedrockOpenaiResponsesV1 = "bedrock-openai-responses-v1",
        /// Bedrock xAI Responses.
        BedrockXaiResponsesV1 = "bedrock-xai-responses-v1",
        /// xAI Responses.
        XaiResponsesV1 = "xai-responses-v1",
        /// Meta Responses.
        MetaResponsesV1 = "meta-responses-v1",
        /// Anthropic Claude.
        AnthropicClaudeV1 = "anthropic-claude-v1",
        /// Google Gemini.
        GoogleGeminiV1 = "google-gemini-v1",
    }
}
