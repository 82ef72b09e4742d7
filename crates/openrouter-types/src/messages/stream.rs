//! Stream events of `POST /messages` with `stream: true`: one per SSE `data:` line.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::content::ContentBlock;
use super::response::{MessagesError, MessagesResponse, MessagesUsage, StopDetails, StopReason};
use crate::Extra;
use crate::tagged::string_tagged;

string_tagged! {
    #[tag = "type", remote = "MessagesStreamEvent", fallback = Other, rename_all = "snake_case"]
    /// One server-sent event of a Messages stream, tagged by `type` (the SSE
    /// `event:` line repeats it).
    ///
    /// A stream runs `message_start`, then for each content block
    /// `content_block_start`, `content_block_delta`s and `content_block_stop`
    /// (blocks are told apart by `index`), then `message_delta` (stop reason,
    /// cumulative usage) and `message_stop`. `ping`s and `: OPENROUTER
    /// PROCESSING` comments may come anywhere; an `error` event ends a failed
    /// stream. Event types this version does not model decode to
    /// [`MessagesStreamEvent::Other`], whole.
    ///
    /// ```
    /// use openrouter_types::messages::MessagesStreamEvent;
    /// let event: MessagesStreamEvent = serde_json::from_str(
    ///     r#"{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Hel"}}"#,
    /// )?;
    /// assert_eq!(event.event_type(), "content_block_delta");
    /// assert_eq!(event.index(), Some(0));
    /// assert_eq!(event.text_delta(), Some("Hel"));
    ///
    /// let new: MessagesStreamEvent = serde_json::from_str(r#"{"type":"message_progress","pct":50}"#)?;
    /// assert!(matches!(new, MessagesStreamEvent::Other(_)));
    /// assert_eq!(new.event_type(), "message_progress");
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    #[derive(Debug, Clone, PartialEq)]
    #[non_exhaustive]
    pub enum MessagesStreamEvent {
        /// `message_start`: the message with empty `content` and the input usage
        /// (boxed: the message is most of the enum's size otherwise).
        MessageStart(Box<MessageStartEvent>),
        /// `content_block_start`: a block opens at `index`.
        ContentBlockStart(ContentBlockStartEvent),
        /// `content_block_delta`: a piece of the block at `index`.
        ContentBlockDelta(ContentBlockDeltaEvent),
        /// `content_block_stop`: the block at `index` is complete.
        ContentBlockStop(ContentBlockStopEvent),
        /// `message_delta`: stop reason and cumulative usage (boxed, like `message_start`).
        MessageDelta(Box<MessageDeltaEvent>),
        /// `message_stop`: the stream completed.
        MessageStop(MessageStopEvent),
        /// `ping`: keep-alive.
        Ping(PingEvent),
        /// `error`: the stream failed.
        Error(ErrorEvent),
        /// An event type this version does not model, kept whole (including `type`).
        #[serde(untagged)]
        Other(Value),
    }
}

impl MessagesStreamEvent {
    /// The event's `type`.
    pub fn event_type(&self) -> &str {
        match self {
            Self::MessageStart(_) => "message_start",
            Self::ContentBlockStart(_) => "content_block_start",
            Self::ContentBlockDelta(_) => "content_block_delta",
            Self::ContentBlockStop(_) => "content_block_stop",
            Self::MessageDelta(_) => "message_delta",
            Self::MessageStop(_) => "message_stop",
            Self::Ping(_) => "ping",
            Self::Error(_) => "error",
            Self::Other(value) => value.get("type").and_then(Value::as_str).unwrap_or(""),
        }
    }

    /// The content block `index` of a `content_block_*` event.
    pub fn index(&self) -> Option<u32> {
        match self {
            Self::ContentBlockStart(e) => Some(e.index),
            Self::ContentBlockDelta(e) => Some(e.index),
            Self::ContentBlockStop(e) => Some(e.index),
            _ => None,
        }
    }

    /// The text of a `text_delta`.
    pub fn text_delta(&self) -> Option<&str> {
        match self {
            Self::ContentBlockDelta(ContentBlockDeltaEvent {
                delta: BlockDelta::TextDelta { text, .. },
                ..
            }) => Some(text),
            _ => None,
        }
    }

    /// Whether this event ends the stream (`message_stop` or `error`).
    pub fn is_terminal(&self) -> bool {
        matches!(self, Self::MessageStop(_) | Self::Error(_))
    }
}

/// `message_start`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct MessageStartEvent {
    /// The message so far: id, model, empty content, input usage.
    pub message: MessagesResponse,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

/// `content_block_start`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ContentBlockStartEvent {
    /// Position of the block in the message's `content`.
    pub index: u32,
    /// The block, empty (`text: ""`, `input: {}`) until its deltas arrive.
    pub content_block: ContentBlock,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

/// `content_block_delta`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ContentBlockDeltaEvent {
    /// Position of the block in the message's `content`.
    pub index: u32,
    /// The piece to add.
    pub delta: BlockDelta,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

/// `content_block_stop`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ContentBlockStopEvent {
    /// Position of the block in the message's `content`.
    pub index: u32,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

string_tagged! {
    #[tag = "type", remote = "BlockDelta", fallback = Other, rename_all = "snake_case"]
    /// The `delta` of a `content_block_delta`, tagged by `type`.
    ///
    /// Delta kinds this version does not model (`compaction_delta`…) are kept
    /// whole in [`BlockDelta::Other`].
    #[derive(Debug, Clone, PartialEq)]
    #[non_exhaustive]
    pub enum BlockDelta {
        /// `text_delta`: text to append to a `text` block.
        TextDelta {
            /// The text.
            text: String,
            /// Fields this version does not model.
            #[serde(flatten)]
            extra: Extra,
        },
        /// `input_json_delta`: a fragment of a tool call's input JSON text.
        /// Fragments are not valid JSON on their own: concatenate them.
        InputJsonDelta {
            /// The fragment.
            partial_json: String,
            /// Fields this version does not model.
            #[serde(flatten)]
            extra: Extra,
        },
        /// `thinking_delta`: thinking text to append.
        ThinkingDelta {
            /// The text.
            thinking: String,
            /// Fields this version does not model.
            #[serde(flatten)]
            extra: Extra,
        },
        /// `signature_delta`: the thinking block's signature (sent once, at its end).
        SignatureDelta {
            /// The signature.
            signature: String,
            /// Fields this version does not model.
            #[serde(flatten)]
            extra: Extra,
        },
        /// `citations_delta`: a citation to add to a `text` block.
        CitationsDelta {
            /// The citation.
            citation: Value,
            /// Fields this version does not model.
            #[serde(flatten)]
            extra: Extra,
        },
        /// A delta kind this version does not model, kept whole.
        #[serde(untagged)]
        Other(Value),
    }
}

impl BlockDelta {
    /// The delta's `type` as sent on the wire.
    pub fn kind(&self) -> &str {
        match self {
            Self::TextDelta { .. } => "text_delta",
            Self::InputJsonDelta { .. } => "input_json_delta",
            Self::ThinkingDelta { .. } => "thinking_delta",
            Self::SignatureDelta { .. } => "signature_delta",
            Self::CitationsDelta { .. } => "citations_delta",
            Self::Other(value) => value.get("type").and_then(Value::as_str).unwrap_or(""),
        }
    }
}

/// `message_delta`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct MessageDeltaEvent {
    /// Top-level message fields that changed.
    pub delta: MessageDelta,
    /// Usage so far; counts are cumulative, not increments.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub usage: Option<MessagesUsage>,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

/// `message_delta.delta`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct MessageDelta {
    /// The code-execution container, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub container: Option<Value>,
    /// Why generation stopped.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stop_reason: Option<StopReason>,
    /// Details of a refusal.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stop_details: Option<StopDetails>,
    /// Which stop sequence was hit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stop_sequence: Option<String>,
    /// Fields this version does not model (other top-level message fields).
    #[serde(flatten)]
    pub extra: Extra,
}

/// `message_stop`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct MessageStopEvent {
    /// Routing diagnostics, sent with `X-OpenRouter-Metadata: enabled`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub openrouter_metadata: Option<Value>,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

/// `ping`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PingEvent {
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

/// `error`: the stream failed after it started (the HTTP status was 200).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ErrorEvent {
    /// The error (`overloaded_error`, …).
    pub error: MessagesError,
    /// Routing diagnostics, sent with `X-OpenRouter-Metadata: enabled`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub openrouter_metadata: Option<Value>,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}
