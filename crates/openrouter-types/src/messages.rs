//! The Anthropic Messages API as OpenRouter serves it (`POST /messages`):
//! request, message, stream events and a pure stream accumulator.
//!
//! OpenRouter accepts Anthropic's request shape (plus its routing
//! extensions: `models`, `provider`, `plugins`, `session_id`…) for any
//! model, and answers with Anthropic's message object (plus `provider` and
//! `usage.cost`). With `stream: true` the body is Anthropic's event stream:
//! an `event: <type>` line and a `data:` line per event, with
//! `: OPENROUTER PROCESSING` comments as keep-alives. Failing calls answer
//! Anthropic's error envelope ([`MessagesErrorResponse`]), not OpenRouter's
//! usual one.
//!
//! `POST /presets/{slug}/messages` takes the same [`MessagesRequest`] but
//! saves it as a preset instead of running it.
//!
//! ```
//! use openrouter_types::messages::{
//!     ContentBlock, MessageParam, MessagesAccumulator, MessagesRequest, MessagesResponse,
//!     MessagesStreamEvent, StopReason,
//! };
//! use serde_json::json;
//!
//! let request = MessagesRequest::new(
//!     "anthropic/claude-sonnet-4.5",
//!     vec![MessageParam::user("What is 2+2?")],
//! )
//! .max_tokens(1024);
//! assert_eq!(
//!     serde_json::to_value(&request)?,
//!     json!({"model": "anthropic/claude-sonnet-4.5", "max_tokens": 1024,
//!            "messages": [{"role": "user", "content": "What is 2+2?"}]}),
//! );
//!
//! let answer: MessagesResponse = serde_json::from_value(json!({
//!     "id": "msg_01", "type": "message", "role": "assistant",
//!     "content": [{"type": "text", "text": "4"}], "model": "anthropic/claude-sonnet-4.5",
//!     "stop_reason": "end_turn", "stop_sequence": null,
//!     "usage": {"input_tokens": 14, "output_tokens": 5}
//! }))?;
//! assert_eq!(answer.text(), "4");
//! assert_eq!(answer.stop_reason, Some(StopReason::EndTurn));
//!
//! // The next turn sends the answer back unchanged.
//! let next = MessagesRequest::new(
//!     "anthropic/claude-sonnet-4.5",
//!     vec![
//!         MessageParam::user("What is 2+2?"),
//!         MessageParam::from(answer),
//!         MessageParam::user(vec![ContentBlock::text("And times 3?")]),
//!     ],
//! );
//! assert_eq!(serde_json::to_value(&next)?["messages"][1]["content"][0]["text"], "4");
//!
//! // A stream folds into the same message.
//! let mut acc = MessagesAccumulator::new();
//! for data in [
//!     r#"{"type":"message_start","message":{"id":"msg_02","type":"message","role":"assistant","content":[],"model":"m","usage":{"input_tokens":14,"output_tokens":1}}}"#,
//!     r#"{"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}"#,
//!     r#"{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"12"}}"#,
//!     r#"{"type":"content_block_stop","index":0}"#,
//!     r#"{"type":"message_delta","delta":{"stop_reason":"end_turn"},"usage":{"output_tokens":5}}"#,
//!     r#"{"type":"message_stop"}"#,
//! ] {
//!     acc.push(&serde_json::from_str::<MessagesStreamEvent>(data)?);
//! }
//! let result = acc.finish();
//! assert!(result.outcome.is_completed());
//! assert_eq!(result.message.text(), "12");
//! # Ok::<(), serde_json::Error>(())
//! ```

mod accumulator;
mod content;
mod request;
mod response;
mod stream;
mod tools;

pub use accumulator::{
    MessagesAccumulator, MessagesStreamOutcome, MessagesStreamResult, RawToolInput,
};
pub use content::{
    ContentBlock, DocumentBlock, ImageBlock, MessageContent, RedactedThinkingBlock, Source,
    TextBlock, ThinkingBlock, ToolResultBlock, ToolUseBlock,
};
pub use request::{
    Effort, Fallback, MessageParam, MessageRole, MessagesMetadata, MessagesRequest, OutputConfig,
    ThinkingConfig,
};
pub use response::{
    CacheCreation, MessagesError, MessagesErrorResponse, MessagesErrorType, MessagesResponse,
    MessagesUsage, OutputTokensDetails, ServerToolUsage, StopDetails, StopReason,
};
pub use stream::{
    BlockDelta, ContentBlockDeltaEvent, ContentBlockStartEvent, ContentBlockStopEvent, ErrorEvent,
    MessageDelta, MessageDeltaEvent, MessageStartEvent, MessageStopEvent, MessagesStreamEvent,
    PingEvent,
};
pub use tools::{CustomTool, ServerTool, Tool, ToolChoice};
