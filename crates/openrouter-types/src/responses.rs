//! The Responses API (`POST /responses`): request, response and its stream events.
//!
//! OpenRouter's `/responses` is OpenAI-Responses-compatible and stateless
//! (`store: true` and `previous_response_id` are rejected). A non-streaming
//! call answers a [`Response`]; with `stream: true` every SSE `data:` line is
//! a [`StreamEvent`] until the literal `[DONE]`.
//!
//! ```
//! use openrouter_types::responses::{ResponsesRequest, StreamEvent};
//! let request = ResponsesRequest::new("openai/gpt-5-nano", "What is 2+2?")
//!     .instructions("Answer with a number.")
//!     .max_output_tokens(128)
//!     .stream(true);
//! assert_eq!(serde_json::to_value(&request)?["input"], "What is 2+2?");
//!
//! let event: StreamEvent = serde_json::from_str(
//!     r#"{"type":"response.output_text.delta","output_index":1,"item_id":"msg_1",
//!        "content_index":0,"delta":"4","logprobs":[],"sequence_number":32}"#,
//! )?;
//! assert_eq!(event.text_delta(), Some("4"));
//! # Ok::<(), serde_json::Error>(())
//! ```

mod content;
mod events;
mod items;
mod request;
mod response;

pub use content::{ContentPart, MessageContent};
pub use events::{
    AnnotationEvent, ContentPartEvent, DeltaEvent, DoneEvent, ErrorEvent, OutputItemEvent,
    ResponseEvent, StreamEvent, SummaryPartEvent,
};
pub use items::{
    FunctionCallItem, FunctionCallOutputItem, Item, ItemStatus, MessageItem, ReasoningItem, Role,
};
pub use request::{
    FunctionTool, ResponsesInput, ResponsesRequest, ResponsesTool, TextConfig, TextFormat,
    ToolChoice, ToolChoiceMode,
};
pub use response::{
    IncompleteDetails, InputTokensDetails, OutputTokensDetails, Response, ResponseError,
    ResponseStatus, ResponsesUsage,
};
