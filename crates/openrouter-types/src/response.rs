//! The chat completions response (non-streaming): choices, messages, tool calls, annotations.
//!
//! # Explicit `null` versus a missing key
//!
//! OpenRouter documents a `null` field as meaning "absent", and providers
//! differ in which they send (`reasoning: null` from one, no `reasoning` key
//! from another). Optional fields here decode both to `None` and encode `None`
//! by leaving the key out, except `finish_reason`, which the spec requires on
//! every choice and is always written (as `null` when unknown). A decode → encode round trip therefore equals the input
//! once `null`-valued keys are ignored. Two places keep nulls exactly because
//! they are sent back to providers: `reasoning_details` entries and any
//! unknown field (kept in `extra` as raw JSON).

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::chat::{Content, ReasoningDetail, ServiceTier, ToolCall};
use crate::error::ErrorBody;
use crate::open_enum::open_enum;
use crate::usage::Usage;
use crate::{Extra, GenerationId};

/// Provider display names as they appear in `provider`: one enum for the whole
/// crate, defined with the provider list.
pub use crate::providers::ProviderName;

/// A chat completion (`object: "chat.completion"`).
///
/// An HTTP 200 is not always a success: check
/// [`is_error_body`](crate::error::is_error_body) before decoding this, then
/// [`ChatCompletion::error`] for a per-choice error.
///
/// ```
/// use openrouter_types::ChatCompletion;
/// use openrouter_types::response::FinishReason;
/// let body = r#"{"id":"gen-1","object":"chat.completion","created":1778184802,
///   "model":"z-ai/glm-4.5-air:free","provider":"Z.AI","system_fingerprint":null,
///   "choices":[{"index":0,"logprobs":null,"finish_reason":"stop","native_finish_reason":"stop",
///     "message":{"role":"assistant","content":"Three.","refusal":null,"reasoning":null}}],
///   "usage":{"prompt_tokens":22,"completion_tokens":17,"total_tokens":39,"cost":0}}"#;
/// let completion: ChatCompletion = serde_json::from_str(body)?;
/// assert_eq!(completion.text(), Some("Three."));
/// assert_eq!(completion.finish_reason(), Some(&FinishReason::Stop));
/// assert_eq!(completion.provider.as_ref().map(|p| p.as_str()), Some("Z.AI"));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChatCompletion {
    /// The generation id (`gen-…`); use it with `GET /generation`.
    pub id: GenerationId,
    /// `chat.completion`.
    pub object: ObjectKind,
    /// Unix seconds (may differ from the id's timestamp).
    pub created: i64,
    /// The model that actually answered (fallbacks and aliases change it).
    pub model: String,
    /// Display name of the provider that served it (`OpenAI`, `Google AI Studio`…).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provider: Option<ProviderName>,
    /// OpenAI system fingerprint; `null`, `""` or absent elsewhere.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub system_fingerprint: Option<String>,
    /// The tier the upstream reported.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service_tier: Option<ServiceTier>,
    /// The answers (one unless `n` was requested).
    pub choices: Vec<Choice>,
    /// Tokens and cost.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub usage: Option<Usage>,
    /// Routing diagnostics (`X-OpenRouter-Metadata: enabled`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub openrouter_metadata: Option<Value>,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

impl ChatCompletion {
    /// The first choice's message.
    pub fn message(&self) -> Option<&ResponseMessage> {
        self.choices.first().map(|c| &c.message)
    }

    /// The first choice's text content, if it is plain text.
    pub fn text(&self) -> Option<&str> {
        self.message()?.content.as_ref()?.as_text()
    }

    /// The first choice's tool calls (empty if none).
    pub fn tool_calls(&self) -> &[ToolCall] {
        self.message()
            .and_then(|m| m.tool_calls.as_deref())
            .unwrap_or(&[])
    }

    /// The first choice's finish reason.
    pub fn finish_reason(&self) -> Option<&FinishReason> {
        self.choices.first()?.finish_reason.as_ref()
    }

    /// The first per-choice error, when a provider failed after starting
    /// (`finish_reason: "error"` with partial content).
    pub fn error(&self) -> Option<&ErrorBody> {
        self.choices.iter().find_map(|c| c.error.as_ref())
    }
}

/// One answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Choice {
    /// Position in `choices`.
    #[serde(default)]
    pub index: u32,
    /// The assistant's message.
    pub message: ResponseMessage,
    /// Normalised reason the generation stopped; `null` when unknown.
    #[serde(default)]
    pub finish_reason: Option<FinishReason>,
    /// The provider's raw reason (`STOP`, `end_turn`, `completed`, `MALFORMED_FUNCTION_CALL`…).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub native_finish_reason: Option<String>,
    /// Log probabilities, when requested.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub logprobs: Option<Logprobs>,
    /// A provider error that ended this choice (with `finish_reason: "error"`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<ErrorBody>,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

/// The assistant message of a response.
///
/// Convert it into a request message with `Message::from(message)` to
/// continue the conversation with tool calls and reasoning intact.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ResponseMessage {
    /// `assistant`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<Role>,
    /// The answer; `null` or `""` for tool-call-only turns.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content: Option<Content>,
    /// A refusal, if the model refused.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refusal: Option<String>,
    /// Plain-text reasoning.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reasoning: Option<String>,
    /// Structured reasoning (text, summaries, encrypted blobs), to send back verbatim.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reasoning_details: Option<Vec<ReasoningDetail>>,
    /// Tool calls.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tool_calls: Option<Vec<ToolCall>>,
    /// Citations and parsed files.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub annotations: Option<Vec<Annotation>>,
    /// Generated images.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub images: Option<Vec<ImageOutput>>,
    /// Generated audio.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub audio: Option<AudioOutput>,
    /// Participant name (in the spec's shared assistant-message schema; not seen in responses).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The model that produced the message (spec; not seen in responses).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub model: Option<String>,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

impl ResponseMessage {
    /// The content if it is plain text.
    pub fn text(&self) -> Option<&str> {
        self.content.as_ref()?.as_text()
    }
}

/// An annotation on the message: a URL citation, a parsed file, or something newer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Annotation {
    /// `url_citation`, `file`, `file_annotation`…
    #[serde(rename = "type")]
    pub kind: AnnotationType,
    /// The citation (`url_citation`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url_citation: Option<UrlCitation>,
    /// The parsed file (`file`): send it back to skip re-parsing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file: Option<Value>,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

open_enum! {
    /// `annotations[].type`.
    pub enum AnnotationType {
        /// A web citation.
        UrlCitation = "url_citation",
        /// A parsed file.
        File = "file",
        /// An older file-annotation form.
        FileAnnotation = "file_annotation",
    }
}

/// A web citation. Every field but `url` may be missing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct UrlCitation {
    /// The cited URL.
    #[serde(default)]
    pub url: String,
    /// Page title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Cited text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content: Option<String>,
    /// Start offset in the message content.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_index: Option<u64>,
    /// End offset in the message content.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_index: Option<u64>,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

/// A generated image: `{type:"image_url", image_url:{url}, index?}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ImageOutput {
    /// `image_url` in practice (the spec's example omits it).
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// The image, usually a `data:image/png;base64,…` URL.
    pub image_url: crate::chat::ImageUrl,
    /// Fields this version does not model (streams add `index`).
    #[serde(flatten)]
    pub extra: Extra,
}

/// Generated audio (or a fragment of it, when streaming).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AudioOutput {
    /// Audio id, to refer to it in a later turn.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Base64 audio.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data: Option<String>,
    /// Expiry (unix seconds).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires_at: Option<i64>,
    /// Transcript.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transcript: Option<String>,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

/// `logprobs` of a choice.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Logprobs {
    /// Per content token.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content: Option<Vec<TokenLogprob>>,
    /// Per refusal token.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refusal: Option<Vec<TokenLogprob>>,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

/// Log probability of one token, with alternatives.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct TokenLogprob {
    /// The token.
    pub token: String,
    /// Its log probability.
    pub logprob: f64,
    /// UTF-8 bytes of the token.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bytes: Option<Vec<u16>>,
    /// Most likely alternatives.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub top_logprobs: Option<Vec<TopLogprob>>,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

/// An alternative token.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct TopLogprob {
    /// The token.
    pub token: String,
    /// Its log probability.
    pub logprob: f64,
    /// UTF-8 bytes of the token.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bytes: Option<Vec<u16>>,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

open_enum! {
    /// Normalised finish reason.
    pub enum FinishReason {
        /// Natural end or a stop sequence.
        Stop = "stop",
        /// Hit `max_tokens` or the context limit.
        Length = "length",
        /// The model called tools.
        ToolCalls = "tool_calls",
        /// Output was filtered.
        ContentFilter = "content_filter",
        /// A provider error ended the generation.
        Error = "error",
    }
}

open_enum! {
    /// A message author role.
    pub enum Role {
        /// System.
        System = "system",
        /// Developer.
        Developer = "developer",
        /// User.
        User = "user",
        /// Assistant.
        Assistant = "assistant",
        /// Tool result.
        Tool = "tool",
    }
}

open_enum! {
    /// The `object` field.
    pub enum ObjectKind {
        /// A non-streaming completion.
        ChatCompletion = "chat.completion",
        /// A stream chunk.
        ChatCompletionChunk = "chat.completion.chunk",
    }
}
