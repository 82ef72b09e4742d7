//! The streamed chat completion chunk and its deltas.
//!
//! Each SSE `data:` payload of a `stream: true` request (other than
//! `[DONE]`) is one [`ChatChunk`]. Fold them with
//! [`StreamAccumulator`](crate::accumulator::StreamAccumulator).
//!
//! Real streams differ from the docs in ways these types absorb: `role` is
//! repeated on every delta, usage arrives in a separate last chunk whose
//! `choices` is either `[]` or one empty delta (with `finish_reason` `null` or
//! repeated), and a failure after the first token is a chunk with a top-level
//! `error` (plus, in the documented form, `finish_reason: "error"`).

mod cursor;
mod decode;

use bytes::Bytes;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::chat::{ReasoningDetail, ServiceTier, ToolType};
use crate::error::ErrorBody;
use crate::response::{
    Annotation, AudioOutput, FinishReason, ImageOutput, Logprobs, ObjectKind, ProviderName, Role,
};
use crate::usage::Usage;
use crate::{Extra, SharedStr};

/// One streamed chunk (`object: "chat.completion.chunk"`).
///
/// Fields other than `choices` default when missing, so an odd error chunk
/// never aborts the stream; check [`ChatChunk::error`] on every chunk.
///
/// ```
/// use openrouter_types::ChatChunk;
/// let chunk: ChatChunk = serde_json::from_str(r#"{"id":"gen-1","provider":"OpenAI","model":"openai/gpt-4o",
///   "object":"chat.completion.chunk","created":1,"choices":[{"index":0,
///   "delta":{"role":"assistant","content":"Hel"},"finish_reason":null}]}"#)?;
/// assert_eq!(chunk.content(), Some("Hel"));
/// assert!(chunk.error.is_none());
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChatChunk {
    /// The generation id, the same on every chunk.
    #[serde(default)]
    pub id: SharedStr,
    /// `chat.completion.chunk`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub object: Option<ObjectKind>,
    /// Unix seconds.
    #[serde(default)]
    pub created: i64,
    /// The model that is answering.
    #[serde(default)]
    pub model: SharedStr,
    /// Display name of the serving provider.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provider: Option<ProviderName>,
    /// OpenAI system fingerprint.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub system_fingerprint: Option<SharedStr>,
    /// Service tier (on the last chunk only, in 2026 streams).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service_tier: Option<ServiceTier>,
    /// Deltas; empty on debug chunks and some usage/error chunks.
    #[serde(default)]
    pub choices: Vec<ChunkChoice>,
    /// Tokens and cost: on the last chunk (detect it by presence, not by empty `choices`).
    /// Boxed, like the other rare parts of a chunk, so a chunk stays cheap to move.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub usage: Option<Box<Usage>>,
    /// A failure after the stream started (HTTP status is already 200).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<Box<ErrorBody>>,
    /// `{echo_upstream_body: …}` on the first chunk with `debug.echo_upstream_body`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub debug: Option<Value>,
    /// Routing diagnostics.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub openrouter_metadata: Option<Value>,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

impl ChatChunk {
    /// Decodes one chunk's JSON: the same result as `serde_json::from_str`
    /// (the same value, or the same error), about twice as fast, and without
    /// an allocation per string.
    ///
    /// The chunk's own fields are read directly; nested and rare ones
    /// (`usage`, `error`, tool calls…) go through serde_json, and anything
    /// unusual (escaped keys, repeated fields, malformed text) sends the
    /// whole text through serde_json instead.
    ///
    /// ```
    /// use openrouter_types::ChatChunk;
    /// let json = r#"{"id":"gen-1","model":"openai/gpt-4o","created":1,
    ///   "choices":[{"index":0,"delta":{"content":"Hel"},"finish_reason":null}]}"#;
    /// let chunk = ChatChunk::from_json(json)?;
    /// assert_eq!(chunk.content(), Some("Hel"));
    /// assert_eq!(chunk, serde_json::from_str(json)?);
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn from_json(json: &str) -> Result<Self, serde_json::Error> {
        match decode::chunk(json, None) {
            Some(chunk) => Ok(chunk),
            None => serde_json::from_str(json),
        }
    }

    /// Like [`ChatChunk::from_json`], for `json` that lies inside `buffer`
    /// (an SSE event's data and its `Bytes`): strings too long to keep
    /// inline become slices of `buffer` instead of copies. If `json` is not
    /// inside `buffer`, strings are copied.
    ///
    /// ```
    /// use bytes::Bytes;
    /// use openrouter_types::ChatChunk;
    /// let buffer = Bytes::from_static(br#"{"id":"gen-1754441342-hIkMo7SMi0ZecQw3oR4d","choices":[]}"#);
    /// let json = std::str::from_utf8(&buffer)?;
    /// let chunk = ChatChunk::from_json_in(json, &buffer)?;
    /// assert_eq!(chunk.id, "gen-1754441342-hIkMo7SMi0ZecQw3oR4d");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_json_in(json: &str, buffer: &Bytes) -> Result<Self, serde_json::Error> {
        match decode::chunk(json, Some(buffer)) {
            Some(chunk) => Ok(chunk),
            None => serde_json::from_str(json),
        }
    }

    /// The first choice's content delta.
    pub fn content(&self) -> Option<&str> {
        self.choices.first()?.delta.content.as_deref()
    }

    /// The first choice's reasoning delta.
    pub fn reasoning(&self) -> Option<&str> {
        self.choices.first()?.delta.reasoning.as_deref()
    }

    /// The first non-null finish reason among the choices.
    pub fn finish_reason(&self) -> Option<&FinishReason> {
        self.choices.iter().find_map(|c| c.finish_reason.as_ref())
    }

    /// The chunk's error: the top-level `error`, else a choice's `error`.
    pub fn error(&self) -> Option<&ErrorBody> {
        self.error
            .as_deref()
            .or_else(|| self.choices.iter().find_map(|c| c.error.as_deref()))
    }

    /// Whether this is the debug chunk (`debug.echo_upstream_body`).
    pub fn is_debug(&self) -> bool {
        self.debug.is_some()
    }
}

/// One choice of a chunk.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChunkChoice {
    /// Which choice this delta extends.
    #[serde(default)]
    pub index: u32,
    /// What changed.
    #[serde(default)]
    pub delta: Delta,
    /// Set once, on the finish chunk (later chunks may repeat it or send `null`).
    #[serde(default)]
    pub finish_reason: Option<FinishReason>,
    /// The provider's raw finish reason.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub native_finish_reason: Option<SharedStr>,
    /// Log probabilities of this delta's tokens (boxed: rare, and large).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub logprobs: Option<Box<Logprobs>>,
    /// A per-choice error (boxed: rare, and large).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<Box<ErrorBody>>,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

/// The incremental part of a message.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Delta {
    /// `assistant` (repeated on every chunk in practice).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<Role>,
    /// Text to append.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content: Option<SharedStr>,
    /// Reasoning text to append.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reasoning: Option<SharedStr>,
    /// Reasoning detail fragments; merge by `index`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reasoning_details: Option<Vec<ReasoningDetail>>,
    /// Tool-call fragments; merge by `index`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tool_calls: Option<Vec<ToolCallDelta>>,
    /// Refusal text to append.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refusal: Option<SharedStr>,
    /// Audio fragment (`data` and `transcript` to append).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub audio: Option<AudioOutput>,
    /// Generated images (whole, not fragments).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub images: Option<Vec<ImageOutput>>,
    /// Citations.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub annotations: Option<Vec<Annotation>>,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

/// A fragment of a tool call.
///
/// The first fragment of a call carries `id`, `type` and `function.name`;
/// later ones only `index` and a piece of `function.arguments`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ToolCallDelta {
    /// Which call this fragment belongs to (0, 1, … for parallel calls).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub index: Option<u32>,
    /// The call id (first fragment).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// `function` (first fragment, sometimes repeated).
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<ToolType>,
    /// Name and argument piece.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub function: Option<FunctionCallDelta>,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

/// `tool_calls[].function` in a delta.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct FunctionCallDelta {
    /// The function name (first fragment).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// A piece of the arguments JSON text, to append as is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub arguments: Option<String>,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}
