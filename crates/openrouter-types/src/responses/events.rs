//! Stream events of `POST /responses` with `stream: true`: one per SSE `data:` line.

use crate::tagged::string_tagged;
use serde::{Deserialize, Serialize};

use super::content::ContentPart;
use super::items::Item;
use super::response::Response;
use crate::Extra;

string_tagged! {
    #[tag = "type", remote = "StreamEvent", fallback = Unknown]
    /// One server-sent event of a Responses API stream, tagged by `type`.
    ///
    /// The stream ends with a `data: [DONE]` line, which is not JSON: stop
    /// before decoding it. Event types this version does not model (image
    /// generation, code interpreter, web search progress, fusion…) decode to
    /// [`StreamEvent::Unknown`] with the whole JSON kept.
    ///
    /// ```
    /// use openrouter_types::responses::StreamEvent;
    /// let event: StreamEvent =
    ///     serde_json::from_str(r#"{"type":"response.image_generation_call.generating","sequence_number":7}"#)?;
    /// assert_eq!(event.event_type(), "response.image_generation_call.generating");
    /// assert!(matches!(event, StreamEvent::Unknown(_)));
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    #[derive(Debug, Clone, PartialEq)]
    #[non_exhaustive]
    pub enum StreamEvent {
        /// `response.created`: the first event, with an `in_progress` snapshot.
        #[serde(rename = "response.created")]
        Created(Box<ResponseEvent>),
        /// `response.in_progress`.
        #[serde(rename = "response.in_progress")]
        InProgress(Box<ResponseEvent>),
        /// `response.queued`.
        #[serde(rename = "response.queued")]
        Queued(Box<ResponseEvent>),
        /// `response.completed`: the final response, with usage.
        #[serde(rename = "response.completed")]
        Completed(Box<ResponseEvent>),
        /// `response.incomplete`: finished early (see `incomplete_details`).
        #[serde(rename = "response.incomplete")]
        Incomplete(Box<ResponseEvent>),
        /// `response.failed`: see `response.error`.
        #[serde(rename = "response.failed")]
        Failed(Box<ResponseEvent>),
        /// `response.output_item.added`.
        #[serde(rename = "response.output_item.added")]
        OutputItemAdded(OutputItemEvent),
        /// `response.output_item.done`.
        #[serde(rename = "response.output_item.done")]
        OutputItemDone(OutputItemEvent),
        /// `response.content_part.added`.
        #[serde(rename = "response.content_part.added")]
        ContentPartAdded(ContentPartEvent),
        /// `response.content_part.done`.
        #[serde(rename = "response.content_part.done")]
        ContentPartDone(ContentPartEvent),
        /// `response.output_text.delta`: a piece of the answer.
        #[serde(rename = "response.output_text.delta")]
        OutputTextDelta(DeltaEvent),
        /// `response.output_text.done`: the whole text of a part.
        #[serde(rename = "response.output_text.done")]
        OutputTextDone(DoneEvent),
        /// `response.output_text.annotation.added`.
        #[serde(rename = "response.output_text.annotation.added")]
        OutputTextAnnotationAdded(AnnotationEvent),
        /// `response.refusal.delta`.
        #[serde(rename = "response.refusal.delta")]
        RefusalDelta(DeltaEvent),
        /// `response.refusal.done`.
        #[serde(rename = "response.refusal.done")]
        RefusalDone(DoneEvent),
        /// `response.function_call_arguments.delta`: a piece of a call's arguments.
        #[serde(rename = "response.function_call_arguments.delta")]
        FunctionCallArgumentsDelta(DeltaEvent),
        /// `response.function_call_arguments.done`: the whole arguments.
        #[serde(rename = "response.function_call_arguments.done")]
        FunctionCallArgumentsDone(DoneEvent),
        /// `response.reasoning_text.delta`: a piece of raw reasoning.
        #[serde(rename = "response.reasoning_text.delta")]
        ReasoningTextDelta(DeltaEvent),
        /// `response.reasoning_text.done`.
        #[serde(rename = "response.reasoning_text.done")]
        ReasoningTextDone(DoneEvent),
        /// `response.reasoning_summary_part.added`.
        #[serde(rename = "response.reasoning_summary_part.added")]
        ReasoningSummaryPartAdded(SummaryPartEvent),
        /// `response.reasoning_summary_part.done`.
        #[serde(rename = "response.reasoning_summary_part.done")]
        ReasoningSummaryPartDone(SummaryPartEvent),
        /// `response.reasoning_summary_text.delta`.
        #[serde(rename = "response.reasoning_summary_text.delta")]
        ReasoningSummaryTextDelta(DeltaEvent),
        /// `response.reasoning_summary_text.done`.
        #[serde(rename = "response.reasoning_summary_text.done")]
        ReasoningSummaryTextDone(DoneEvent),
        /// `error`: the stream failed.
        #[serde(rename = "error")]
        Error(ErrorEvent),
        /// An event type this version does not model, kept whole (including `type`).
        #[serde(untagged)]
        Unknown(serde_json::Value),
    }
}

impl StreamEvent {
    /// The event's `type`.
    pub fn event_type(&self) -> &str {
        match self {
            Self::Created(_) => "response.created",
            Self::InProgress(_) => "response.in_progress",
            Self::Queued(_) => "response.queued",
            Self::Completed(_) => "response.completed",
            Self::Incomplete(_) => "response.incomplete",
            Self::Failed(_) => "response.failed",
            Self::OutputItemAdded(_) => "response.output_item.added",
            Self::OutputItemDone(_) => "response.output_item.done",
            Self::ContentPartAdded(_) => "response.content_part.added",
            Self::ContentPartDone(_) => "response.content_part.done",
            Self::OutputTextDelta(_) => "response.output_text.delta",
            Self::OutputTextDone(_) => "response.output_text.done",
            Self::OutputTextAnnotationAdded(_) => "response.output_text.annotation.added",
            Self::RefusalDelta(_) => "response.refusal.delta",
            Self::RefusalDone(_) => "response.refusal.done",
            Self::FunctionCallArgumentsDelta(_) => "response.function_call_arguments.delta",
            Self::FunctionCallArgumentsDone(_) => "response.function_call_arguments.done",
            Self::ReasoningTextDelta(_) => "response.reasoning_text.delta",
            Self::ReasoningTextDone(_) => "response.reasoning_text.done",
            Self::ReasoningSummaryPartAdded(_) => "response.reasoning_summary_part.added",
            Self::ReasoningSummaryPartDone(_) => "response.reasoning_summary_part.done",
            Self::ReasoningSummaryTextDelta(_) => "response.reasoning_summary_text.delta",
            Self::ReasoningSummaryTextDone(_) => "response.reasoning_summary_text.done",
            Self::Error(_) => "error",
            Self::Unknown(value) => value.get("type").and_then(|t| t.as_str()).unwrap_or(""),
        }
    }

    /// The response snapshot of a lifecycle event (`created`, `completed`…).
    pub fn response(&self) -> Option<&Response> {
        match self {
            Self::Created(e)
            | Self::InProgress(e)
            | Self::Queued(e)
            | Self::Completed(e)
            | Self::Incomplete(e)
            | Self::Failed(e) => Some(&e.response),
            _ => None,
        }
    }

    /// The answer text of an `output_text.delta` event.
    pub fn text_delta(&self) -> Option<&str> {
        match self {
            Self::OutputTextDelta(e) => Some(&e.delta),
            _ => None,
        }
    }

    /// Whether this event ends the stream (`completed`, `incomplete`, `failed`, `error`).
    pub fn is_terminal(&self) -> bool {
        matches!(
            self,
            Self::Completed(_) | Self::Incomplete(_) | Self::Failed(_) | Self::Error(_)
        )
    }

    /// The event's `sequence_number`, when present.
    pub fn sequence_number(&self) -> Option<u64> {
        match self {
            Self::Created(e)
            | Self::InProgress(e)
            | Self::Queued(e)
            | Self::Completed(e)
            | Self::Incomplete(e)
            | Self::Failed(e) => e.sequence_number,
            Self::OutputItemAdded(e) | Self::OutputItemDone(e) => e.sequence_number,
            Self::ContentPartAdded(e) | Self::ContentPartDone(e) => e.sequence_number,
            Self::OutputTextDelta(e)
            | Self::RefusalDelta(e)
            | Self::FunctionCallArgumentsDelta(e)
            | Self::ReasoningTextDelta(e)
            | Self::ReasoningSummaryTextDelta(e) => e.sequence_number,
            Self::OutputTextDone(e)
            | Self::RefusalDone(e)
            | Self::FunctionCallArgumentsDone(e)
            | Self::ReasoningTextDone(e)
            | Self::ReasoningSummaryTextDone(e) => e.sequence_number,
            Self::OutputTextAnnotationAdded(e) => e.sequence_number,
            Self::ReasoningSummaryPartAdded(e) | Self::ReasoningSummaryPartDone(e) => {
                e.sequence_number
            }
            Self::Error(e) => e.sequence_number,
            Self::Unknown(value) => value.get("sequence_number").and_then(|n| n.as_u64()),
        }
    }
}

/// A lifecycle event carrying a response snapshot.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ResponseEvent {
    /// The response as of this event.
    pub response: Response,
    /// Position in the stream.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sequence_number: Option<u64>,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

/// `response.output_item.added` / `.done`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct OutputItemEvent {
    /// Index in `output`.
    pub output_index: u32,
    /// The item (partial when added, final when done).
    pub item: Item,
    /// Position in the stream.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sequence_number: Option<u64>,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

/// `response.content_part.added` / `.done`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ContentPartEvent {
    /// Item the part belongs to.
    pub item_id: String,
    /// Index of the item in `output`.
    pub output_index: u32,
    /// Index of the part in the item's content.
    pub content_index: u32,
    /// The part (empty when added, final when done).
    pub part: ContentPart,
    /// Position in the stream.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sequence_number: Option<u64>,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

/// A `*.delta` event: a piece of text or arguments to append.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct DeltaEvent {
    /// Item being extended.
    pub item_id: String,
    /// Index of the item in `output`.
    pub output_index: u32,
    /// Index of the content part (text events).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content_index: Option<u32>,
    /// Index of the summary part (summary events).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary_index: Option<u32>,
    /// The piece to append.
    pub delta: String,
    /// Token log probabilities of the piece.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub logprobs: Option<Vec<serde_json::Value>>,
    /// Position in the stream.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sequence_number: Option<u64>,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

/// A `*.done` event: the whole text or arguments of a part.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct DoneEvent {
    /// Item finished.
    pub item_id: String,
    /// Index of the item in `output`.
    pub output_index: u32,
    /// Index of the content part (text events).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content_index: Option<u32>,
    /// Index of the summary part (summary events).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary_index: Option<u32>,
    /// Whole text (`output_text`, `reasoning_text`, `reasoning_summary_text`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// Whole refusal (`refusal.done`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refusal: Option<String>,
    /// Whole arguments (`function_call_arguments.done`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub arguments: Option<String>,
    /// Function name (`function_call_arguments.done`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Token log probabilities.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub logprobs: Option<Vec<serde_json::Value>>,
    /// Position in the stream.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sequence_number: Option<u64>,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

/// `response.output_text.annotation.added`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AnnotationEvent {
    /// Item annotated.
    pub item_id: String,
    /// Index of the item in `output`.
    pub output_index: u32,
    /// Index of the content part.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content_index: Option<u32>,
    /// Index of the annotation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub annotation_index: Option<u32>,
    /// The annotation (`url_citation`, `file_citation`…).
    pub annotation: serde_json::Value,
    /// Position in the stream.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sequence_number: Option<u64>,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

/// `response.reasoning_summary_part.added` / `.done`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct SummaryPartEvent {
    /// Reasoning item.
    pub item_id: String,
    /// Index of the item in `output`.
    pub output_index: u32,
    /// Index of the summary part.
    pub summary_index: u32,
    /// The part.
    pub part: ContentPart,
    /// Position in the stream.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sequence_number: Option<u64>,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

/// `error`: the stream failed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ErrorEvent {
    /// Error code (a string such as `rate_limit_exceeded`, or a number).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<serde_json::Value>,
    /// Human-readable message.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    /// Parameter at fault.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub param: Option<String>,
    /// Position in the stream.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sequence_number: Option<u64>,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}
