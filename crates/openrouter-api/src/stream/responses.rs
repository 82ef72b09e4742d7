//! Streaming `POST /responses`: typed events with the same end-of-stream
//! contract as chat streams.

use std::pin::Pin;
use std::task::{Context, Poll, ready};

use futures::{Stream, StreamExt};
use http::StatusCode;
use openrouter_types::error::{ErrorBody, ErrorResponse};
use openrouter_types::responses::{Response as ResponseObject, StreamEvent as ResponsesEvent};
use serde_json::{Value, json};
use tracing::Span;

use super::{FrameItem, Frames, decode_event};
use crate::Error;
use crate::error::{ApiError, MidStreamError, TruncatedStreamError, TruncationReason};
use crate::meta::{Response, ResponseMeta};
use crate::transport::OpenStream;

/// One event of a Responses API stream.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum ResponsesStreamEvent {
    /// A typed event (`response.output_text.delta`, `response.completed`…).
    Event(Box<ResponsesEvent>),
    /// OpenRouter's `: OPENROUTER PROCESSING` keep-alive comment.
    KeepAlive,
    /// The stream finished normally. Nothing follows.
    Done,
}

/// A streaming Responses API call.
///
/// Ends with [`ResponsesStreamEvent::Done`] on `data: [DONE]`, or at the end
/// of the body once a terminal event (`response.completed`,
/// `response.incomplete`) arrived. A `response.failed` or `error` event ends
/// it with [`Error::MidStream`]; a body that ends before any terminal event
/// ends it with [`Error::TruncatedStream`]. Pull-based, and dropping it closes
/// the connection, like [`ChatStream`](crate::ChatStream).
pub struct ResponsesStream {
    frames: Frames,
    meta: ResponseMeta,
    last: Option<ResponseObject>,
    terminal_seen: bool,
    finished: bool,
    span: Span,
}

impl std::fmt::Debug for ResponsesStream {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ResponsesStream")
            .field("status", &self.meta.status)
            .field("finished", &self.finished)
            .finish_non_exhaustive()
    }
}

impl ResponsesStream {
    pub(crate) fn new(open: OpenStream) -> Self {
        Self {
            frames: Frames::new(
                open.response.bytes_stream(),
                open.idle,
                open.deadline,
                open.max_event_bytes,
            ),
            meta: open.meta,
            last: None,
            terminal_seen: false,
            finished: false,
            span: open.span,
        }
    }

    /// Status, headers and attempts of the response.
    pub fn meta(&self) -> &ResponseMeta {
        &self.meta
    }

    /// The latest response snapshot (from `response.created`,
    /// `response.completed`…), if one arrived.
    pub fn latest(&self) -> Option<&ResponseObject> {
        self.last.as_ref()
    }

    /// Reads the stream to its end and returns the final response snapshot.
    pub async fn collect_response(mut self) -> Result<Response<ResponseObject>, Error> {
        while let Some(event) = self.next().await {
            event?;
        }
        let meta = self.meta.clone();
        match self.last {
            Some(response) => Ok(Response::new(response, meta)),
            None => Err(self_truncated(
                None,
                meta.generation_id().map(str::to_owned),
                TruncationReason::EndOfBody,
                false,
                None,
            )),
        }
    }

    fn on_data(&mut self, data: &str) -> Result<ResponsesStreamEvent, Error> {
        if data == "[DONE]" {
            self.finished = true;
            return Ok(ResponsesStreamEvent::Done);
        }
        let event: ResponsesEvent =
            decode_event("responses stream event", data).inspect_err(|_| {
                self.finished = true;
            })?;
        match &event {
            ResponsesEvent::Failed(e) => {
                self.finished = true;
                let error = error_body(e.response.error.as_ref(), e.response.error_type.as_deref());
                self.last = Some(e.response.clone());
                return Err(self.mid_stream(error));
            }
            ResponsesEvent::Error(e) => {
                self.finished = true;
                let error = error_body(Some(e), None);
                return Err(self.mid_stream(error));
            }
            ResponsesEvent::Created(e)
            | ResponsesEvent::InProgress(e)
            | ResponsesEvent::Queued(e) => {
                self.last = Some(e.response.clone());
            }
            ResponsesEvent::Completed(e) | ResponsesEvent::Incomplete(e) => {
                self.terminal_seen = true;
                self.last = Some(e.response.clone());
            }
            _ => {}
        }
        Ok(ResponsesStreamEvent::Event(Box::new(event)))
    }

    fn mid_stream(&self, error: ErrorBody) -> Error {
        let error = ApiError::in_band(
            StatusCode::OK,
            self.meta.headers.clone(),
            ErrorResponse::new(error),
        );
        tracing::warn!(
            status = error.status().as_u16(),
            "openrouter responses stream error event"
        );
        Error::MidStream(Box::new(MidStreamError {
            error,
            partial: None,
            partial_message: None,
        }))
    }

    fn truncated(
        &mut self,
        reason: TruncationReason,
        discarded: bool,
        source: Option<Box<dyn std::error::Error + Send + Sync>>,
    ) -> Error {
        self.finished = true;
        let id = self.meta.generation_id().map(str::to_owned);
        // Cloned, not taken: the error has no slot for a Responses snapshot, so `latest()`
        // is where the caller finds what arrived before the cut.
        self_truncated(self.last.clone(), id, reason, discarded, source)
    }
}

fn self_truncated(
    _last: Option<ResponseObject>,
    generation_id: Option<String>,
    reason: TruncationReason,
    discarded: bool,
    source: Option<Box<dyn std::error::Error + Send + Sync>>,
) -> Error {
    Error::TruncatedStream(Box::new(TruncatedStreamError {
        reason,
        partial: None,
        partial_message: None,
        discarded_partial_event: discarded,
        generation_id,
        source,
    }))
}

/// Builds an `ErrorBody` from a Responses API error object (`{code, message}`:
/// the `error` of a response or an `error` event) and OpenRouter's
/// `error_type` extension. Goes through JSON so it depends only on the wire
/// field names, not on how the types crate models them.
pub(crate) fn error_body(
    error: Option<&impl serde::Serialize>,
    error_type: Option<&str>,
) -> ErrorBody {
    let source = error
        .and_then(|e| serde_json::to_value(e).ok())
        .unwrap_or(Value::Null);
    let message = source
        .get("message")
        .and_then(Value::as_str)
        .filter(|m| !m.is_empty())
        .unwrap_or("the response failed without details");
    let mut value = json!({ "message": message });
    if let Some(code) = source.get("code").filter(|c| !c.is_null()) {
        value["code"] = code.clone();
    }
    if let Some(error_type) = error_type {
        value["error_type"] = Value::from(error_type);
    }
    serde_json::from_value(value).unwrap_or_else(|_| ErrorBody::message_only(message))
}

impl futures::stream::FusedStream for ResponsesStream {
    fn is_terminated(&self) -> bool {
        self.finished
    }
}

impl Stream for ResponsesStream {
    type Item = Result<ResponsesStreamEvent, Error>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = self.get_mut();
        if this.finished {
            return Poll::Ready(None);
        }
        let span = this.span.clone();
        let _entered = span.enter();
        loop {
            let item = match ready!(this.frames.poll_frame(cx)) {
                Ok(FrameItem::Event(event)) if event.data().is_empty() => continue,
                Ok(FrameItem::Event(event)) => this.on_data(event.data()),
                Ok(FrameItem::Comment(_)) => Ok(ResponsesStreamEvent::KeepAlive),
                Ok(FrameItem::End { clean }) => {
                    if this.terminal_seen {
                        this.finished = true;
                        Ok(ResponsesStreamEvent::Done)
                    } else {
                        Err(this.truncated(TruncationReason::EndOfBody, !clean, None))
                    }
                }
                Err(error) => Err(match error.into_end() {
                    Ok((reason, source)) => this.truncated(reason, true, Some(source)),
                    Err(limit) => {
                        this.finished = true;
                        limit
                    }
                }),
            };
            return Poll::Ready(Some(item));
        }
    }
}
