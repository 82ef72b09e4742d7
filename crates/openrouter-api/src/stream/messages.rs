//! Streaming `POST /messages` (Anthropic's Messages API): typed events, the
//! message assembled as they arrive, and the same end-of-stream contract as
//! chat streams.

use std::pin::Pin;
use std::task::{Context, Poll, ready};

use futures::{Stream, StreamExt};
use http::StatusCode;
use openrouter_types::error::{ErrorBody, ErrorResponse};
use openrouter_types::messages::{
    MessagesAccumulator, MessagesError, MessagesResponse, MessagesStreamEvent,
};
use tracing::Span;

use super::{FrameItem, Frames, decode_event};
use crate::Error;
use crate::error::{ApiError, MidStreamError, TruncatedStreamError, TruncationReason};
use crate::meta::{Response, ResponseMeta};
use crate::transport::OpenStream;

/// One item of a Messages stream.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
#[allow(
    clippy::large_enum_variant,
    reason = "an event is the common item; boxing it would cost an allocation per event"
)]
pub enum MessagesStreamItem {
    /// A typed event (`message_start`, `content_block_delta`…; `ping` too).
    Event(MessagesStreamEvent),
    /// OpenRouter's `: OPENROUTER PROCESSING` keep-alive comment.
    KeepAlive,
    /// `message_stop` arrived and the body ended. Nothing follows.
    Done,
}

/// A streaming Messages API call.
///
/// Its contract: the body ending after `message_stop` ends it with
/// [`MessagesStreamItem::Done`]; an `error` event ends it with
/// [`Error::MidStream`] carrying the message so far
/// ([`MidStreamError::partial_message`]); a body that ends (or breaks, or
/// goes silent) before `message_stop` ends it with
/// [`Error::TruncatedStream`], with the message so far. Pull-based; dropping
/// it closes the connection.
///
/// ```no_run
/// use futures::StreamExt;
/// use openrouter_api::MessagesStreamItem;
/// use openrouter_types::messages::{MessageParam, MessagesRequest};
///
/// # async fn demo(client: openrouter_api::Client) -> Result<(), openrouter_api::Error> {
/// let request = MessagesRequest::new("anthropic/claude-sonnet-4.5", vec![MessageParam::user("Hi")])
///     .max_tokens(256);
/// let mut stream = client.messages_stream(&request).await?;
/// while let Some(item) = stream.next().await {
///     if let MessagesStreamItem::Event(event) = item? {
///         print!("{}", event.text_delta().unwrap_or_default());
///     }
/// }
/// let message = stream.message(); // the assembled answer
/// # let _ = message; Ok(()) }
/// ```
pub struct MessagesStream {
    frames: Frames,
    meta: ResponseMeta,
    accumulator: MessagesAccumulator,
    stopped: bool,
    finished: bool,
    span: Span,
}

impl std::fmt::Debug for MessagesStream {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MessagesStream")
            .field("status", &self.meta.status)
            .field("finished", &self.finished)
            .finish_non_exhaustive()
    }
}

impl MessagesStream {
    pub(crate) fn new(open: OpenStream) -> Self {
        Self {
            frames: Frames::new(
                open.response.bytes_stream(),
                open.idle,
                open.deadline,
                open.max_event_bytes,
            ),
            meta: open.meta,
            accumulator: MessagesAccumulator::new(),
            stopped: false,
            finished: false,
            span: open.span,
        }
    }

    /// Status, headers and attempts of the response.
    pub fn meta(&self) -> &ResponseMeta {
        &self.meta
    }

    /// The message assembled from the events so far.
    pub fn message(&self) -> MessagesResponse {
        self.accumulator.snapshot()
    }

    /// Reads the stream to its end and returns the assembled message.
    pub async fn collect_message(mut self) -> Result<Response<MessagesResponse>, Error> {
        while let Some(item) = self.next().await {
            item?;
        }
        let meta = self.meta.clone();
        Ok(Response::new(self.accumulator.finish().message, meta))
    }

    fn on_data(&mut self, data: &str) -> Result<MessagesStreamItem, Error> {
        let event: MessagesStreamEvent =
            decode_event("messages stream event", data).inspect_err(|_| {
                self.finished = true;
            })?;
        self.accumulator.push(&event);
        match &event {
            MessagesStreamEvent::Error(e) => {
                self.finished = true;
                return Err(self.mid_stream(&e.error));
            }
            MessagesStreamEvent::MessageStop(_) => self.stopped = true,
            _ => {}
        }
        Ok(MessagesStreamItem::Event(event))
    }

    fn mid_stream(&self, error: &MessagesError) -> Error {
        let body = ErrorBody::new(status_of(error).as_u16(), error.message.clone());
        let error = ApiError::in_band(
            StatusCode::OK,
            self.meta.headers.clone(),
            ErrorResponse::new(body),
        );
        tracing::warn!(
            status = error.status().as_u16(),
            "openrouter messages stream error event"
        );
        Error::MidStream(Box::new(MidStreamError {
            error,
            partial: None,
            partial_message: Some(Box::new(self.accumulator.snapshot())),
        }))
    }

    fn truncated(
        &mut self,
        reason: TruncationReason,
        discarded: bool,
        source: Option<Box<dyn std::error::Error + Send + Sync>>,
    ) -> Error {
        self.finished = true;
        Error::TruncatedStream(Box::new(TruncatedStreamError {
            reason,
            partial: None,
            partial_message: Some(Box::new(self.accumulator.snapshot())),
            discarded_partial_event: discarded,
            generation_id: self.meta.generation_id().map(str::to_owned),
            source,
        }))
    }
}

/// The HTTP status an Anthropic error type stands for, so retries and
/// predicates classify it as they would the status.
fn status_of(error: &MessagesError) -> StatusCode {
    let code = match error.kind.as_str() {
        "invalid_request_error" => 400,
        "authentication_error" => 401,
        "billing_error" => 402,
        "permission_error" => 403,
        "not_found_error" => 404,
        "request_too_large" => 413,
        "rate_limit_error" => 429,
        "timeout_error" => 504,
        "overloaded_error" => 529,
        _ => 500,
    };
    StatusCode::from_u16(code).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
}

impl futures::stream::FusedStream for MessagesStream {
    fn is_terminated(&self) -> bool {
        self.finished
    }
}

impl Stream for MessagesStream {
    type Item = Result<MessagesStreamItem, Error>;

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
                // Not sent by OpenRouter on this route today; tolerated as the end marker.
                Ok(FrameItem::Event(event)) if event.data() == "[DONE]" => continue,
                Ok(FrameItem::Event(event)) => this.on_data(event.data()),
                Ok(FrameItem::Comment(_)) => Ok(MessagesStreamItem::KeepAlive),
                Ok(FrameItem::End { clean }) => {
                    if this.stopped {
                        this.finished = true;
                        Ok(MessagesStreamItem::Done)
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
