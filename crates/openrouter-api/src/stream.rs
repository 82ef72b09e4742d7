//! Streaming chat completions: a pull-based `futures::Stream` of typed events
//! with a strict end-of-stream contract.

mod frames;
pub(crate) mod messages;
pub(crate) mod responses;
mod text;

use std::pin::Pin;
use std::task::{Context, Poll, ready};

use futures::{Stream, StreamExt};
use http::StatusCode;
use openrouter_types::accumulator::StreamAccumulator;
use openrouter_types::chunk::ChatChunk;
use openrouter_types::error::ErrorResponse;
use openrouter_types::response::{ChatCompletion, FinishReason};
use tracing::Span;

pub(crate) use frames::{FrameError, FrameItem, Frames};
pub use text::TextStream;

use crate::Error;
use crate::error::{ApiError, DecodeError, MidStreamError, TruncatedStreamError, TruncationReason};
use crate::meta::{Response, ResponseMeta};
use crate::transport::OpenStream;

/// One event of a chat stream.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
#[allow(
    clippy::large_enum_variant,
    reason = "a chunk is the common event; boxing it would cost an allocation per chunk"
)]
pub enum StreamEvent {
    /// A chunk of the completion.
    Chunk(ChatChunk),
    /// OpenRouter's `: OPENROUTER PROCESSING` comment: the request is alive
    /// but the model has not produced anything new (useful for a spinner).
    KeepAlive,
    /// The stream finished normally. Nothing follows.
    Done,
}

/// A streaming chat completion.
///
/// Yields [`StreamEvent`]s, then ends. Its contract:
///
/// - `data: [DONE]` ends it with [`StreamEvent::Done`].
/// - An error event (top-level `error`, or a choice with `finish_reason:
///   "error"` or an `error`) ends it with [`Error::MidStream`], carrying the
///   partial completion. This includes the real-world form where the error
///   chunk arrives after a `finish_reason: "length"` chunk.
/// - The body ending without `[DONE]` *after* a finish reason was seen also
///   ends it with [`StreamEvent::Done`] (and a `tracing` warning): proxies
///   commonly drop the terminator, and every choice that reported a finish
///   reason is complete, though the usage chunk may be missing.
/// - The body ending without `[DONE]` and without any finish reason, a
///   broken connection, or silence beyond the idle timeout ends it with
///   [`Error::TruncatedStream`], carrying the partial completion.
///
/// Each chunk decodes with one allocation (its `choices`): strings are kept
/// inline or share the event's buffer ([`SharedStr`](openrouter_types::SharedStr)).
/// On tokio's current-thread runtime, a loop run directly in `block_on` pays a
/// driver poll (an `epoll_wait`) per HTTP chunk, because that runtime polls the
/// `block_on` future only once its task queue is empty; the same loop in a
/// spawned task does not (a sixth less CPU per chunk in `BENCHMARKS.md`).
///
/// After an `Err` or `Done` the stream yields `None`. It is pull-based: the
/// socket is read only when the stream is polled, so a slow consumer slows
/// the server down instead of growing a buffer. Dropping it closes the
/// connection, which cancels the generation (and its billing, for providers
/// that support cancellation).
///
/// ```no_run
/// use futures::StreamExt;
/// use openrouter_api::{Client, StreamEvent};
/// use openrouter_types::chat::{ChatRequest, Message};
///
/// # async fn demo(client: Client) -> Result<(), openrouter_api::Error> {
/// let request = ChatRequest::new("openai/gpt-4o-mini", vec![Message::user("Count to 5")]);
/// let mut stream = client.chat_stream(&request).await?;
/// while let Some(event) = stream.next().await {
///     if let StreamEvent::Chunk(chunk) = event? {
///         print!("{}", chunk.content().unwrap_or_default());
///     }
/// }
/// let completion = stream.into_completion(); // everything, assembled
/// println!("\n{:?}", completion.usage);
/// # Ok(()) }
/// ```
pub struct ChatStream {
    frames: Frames,
    meta: ResponseMeta,
    accumulator: StreamAccumulator,
    saw_finish_reason: bool,
    state: State,
    span: Span,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    Streaming,
    /// Ended normally; the accumulator holds the completion.
    Done,
    /// Ended with an error; the accumulator was moved into it.
    Failed,
}

impl std::fmt::Debug for ChatStream {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ChatStream")
            .field("status", &self.meta.status)
            .field("generation_id", &self.meta.generation_id())
            .field("chunks", &self.accumulator.chunk_count())
            .field("state", &self.state)
            .finish_non_exhaustive()
    }
}

impl ChatStream {
    pub(crate) fn new(open: OpenStream) -> Self {
        let frames = Frames::new(
            open.response.bytes_stream(),
            open.idle,
            open.deadline,
            open.max_event_bytes,
        );
        Self {
            frames,
            meta: open.meta,
            accumulator: StreamAccumulator::new(),
            saw_finish_reason: false,
            state: State::Streaming,
            span: open.span,
        }
    }

    /// Status, headers (`X-Generation-Id`…) and attempts of the response.
    pub fn meta(&self) -> &ResponseMeta {
        &self.meta
    }

    /// Everything received so far, assembled (content, reasoning, tool calls, usage).
    pub fn accumulated(&self) -> &StreamAccumulator {
        &self.accumulator
    }

    /// Whether the stream ended normally.
    pub fn is_done(&self) -> bool {
        self.state == State::Done
    }

    /// The completion assembled from the chunks read so far: complete once
    /// the stream yielded [`StreamEvent::Done`], partial before. After a
    /// stream error it is empty: the partial completion moved into the error.
    pub fn into_completion(self) -> ChatCompletion {
        self.accumulator.finish().completion
    }

    /// Reads the stream to its end and returns the assembled completion,
    /// with the response metadata.
    ///
    /// ```no_run
    /// # async fn demo(client: openrouter_api::Client) -> Result<(), openrouter_api::Error> {
    /// use openrouter_types::chat::{ChatRequest, Message};
    /// let request = ChatRequest::new("openai/gpt-4o-mini", vec![Message::user("hi")]);
    /// let completion = client.chat_stream(&request).await?.collect_completion().await?;
    /// println!("{:?}", completion.text());
    /// # Ok(()) }
    /// ```
    pub async fn collect_completion(mut self) -> Result<Response<ChatCompletion>, Error> {
        if self.state == State::Failed {
            return Err(Error::config(
                "collect_completion was called after the stream failed: the partial completion is in the error it yielded",
            ));
        }
        while let Some(event) = self.next().await {
            event?;
        }
        let meta = self.meta.clone();
        Ok(Response::new(self.accumulator.finish().completion, meta))
    }

    fn take_partial(&mut self) -> ChatCompletion {
        self.state = State::Failed;
        std::mem::take(&mut self.accumulator).finish().completion
    }

    fn truncated(
        &mut self,
        reason: TruncationReason,
        discarded: bool,
        source: Option<Box<dyn std::error::Error + Send + Sync>>,
    ) -> Error {
        let partial = self.take_partial();
        let generation_id = Some(partial.id.as_str().to_owned())
            .filter(|id| !id.is_empty())
            .or_else(|| self.meta.generation_id().map(str::to_owned));
        tracing::warn!(reason = ?reason, "openrouter stream truncated");
        Error::TruncatedStream(Box::new(TruncatedStreamError {
            reason,
            partial: Some(partial),
            partial_message: None,
            discarded_partial_event: discarded,
            generation_id,
            source,
        }))
    }

    fn on_data(&mut self, event: &openrouter_sse::Event) -> Result<StreamEvent, Error> {
        let data = event.data();
        if data == "[DONE]" {
            self.finish_ok();
            return Ok(StreamEvent::Done);
        }
        // Long strings of the chunk share the event's buffer instead of
        // being copied (see `ChatChunk::from_json_in`).
        let buffer = event.data_bytes();
        let chunk = decode_event_with("stream chunk", data, |data| {
            ChatChunk::from_json_in(data, &buffer)
        })
        .inspect_err(|_| {
            self.state = State::Failed;
        })?;
        let failed = chunk.error().is_some()
            || chunk
                .choices
                .iter()
                .any(|c| c.finish_reason == Some(FinishReason::Error));
        if failed {
            let body = chunk.error().cloned();
            self.accumulator.push(chunk);
            let body = body.unwrap_or_else(|| {
                openrouter_types::error::ErrorBody::message_only(
                    "the provider ended the choice with finish_reason \"error\" and no details",
                )
            });
            let error = ApiError::in_band(
                StatusCode::OK,
                self.meta.headers.clone(),
                ErrorResponse::new(body),
            );
            self.span.record("status", error.status().as_u16());
            tracing::warn!(
                status = error.status().as_u16(),
                "openrouter stream error event"
            );
            let partial = self.take_partial();
            return Err(Error::MidStream(Box::new(MidStreamError {
                error,
                partial: Some(partial),
                partial_message: None,
            })));
        }
        if chunk.finish_reason().is_some() {
            self.saw_finish_reason = true;
        }
        crate::telemetry::record_chunk(&self.span, &chunk, self.accumulator.chunk_count() == 0);
        if self.accumulator.chunk_count() == 0 {
            if let Some(provider) = &chunk.provider {
                self.span.record("provider", provider.as_str());
            }
            if !chunk.id.is_empty() && self.meta.generation_id().is_none() {
                self.span.record("generation_id", chunk.id.as_str());
            }
        }
        self.accumulator.push_ref(&chunk);
        Ok(StreamEvent::Chunk(chunk))
    }

    fn finish_ok(&mut self) {
        self.state = State::Done;
        if let Some(usage) = self.accumulator.usage() {
            record_usage(&self.span, usage);
        }
        tracing::debug!(
            chunks = self.accumulator.chunk_count(),
            "openrouter stream done"
        );
    }
}

impl futures::stream::FusedStream for ChatStream {
    fn is_terminated(&self) -> bool {
        self.state != State::Streaming
    }
}

impl Stream for ChatStream {
    type Item = Result<StreamEvent, Error>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = self.get_mut();
        if this.state != State::Streaming {
            return Poll::Ready(None);
        }
        let span = this.span.clone();
        let _entered = span.enter();
        loop {
            let item = match ready!(this.frames.poll_frame(cx)) {
                Ok(FrameItem::Event(event)) => {
                    if event.data().is_empty() {
                        continue;
                    }
                    this.on_data(&event)
                }
                Ok(FrameItem::Comment(comment)) => {
                    tracing::trace!(comment = comment.text(), "keep-alive");
                    Ok(StreamEvent::KeepAlive)
                }
                Ok(FrameItem::End { clean }) => {
                    if this.saw_finish_reason {
                        tracing::warn!(
                            "openrouter stream ended without [DONE] after a finish_reason; treating it as complete"
                        );
                        this.finish_ok();
                        Ok(StreamEvent::Done)
                    } else {
                        Err(this.truncated(TruncationReason::EndOfBody, !clean, None))
                    }
                }
                Err(error) => Err(this.frame_error(error)),
            };
            return Poll::Ready(Some(item));
        }
    }
}

impl ChatStream {
    fn frame_error(&mut self, error: FrameError) -> Error {
        match error.into_end() {
            Ok((reason, source)) => self.truncated(reason, true, Some(source)),
            Err(limit) => {
                self.state = State::Failed;
                limit
            }
        }
    }
}

/// Decodes one event's JSON, naming the path on failure.
pub(crate) fn decode_event<T: serde::de::DeserializeOwned>(
    what: &'static str,
    data: &str,
) -> Result<T, Error> {
    decode_event_with(what, data, |data| serde_json::from_str(data))
}

/// [`decode_event`] with the first pass done by `decode`, which must decode
/// as `serde_json::from_str` does.
pub(crate) fn decode_event_with<T: serde::de::DeserializeOwned>(
    what: &'static str,
    data: &str,
    decode: impl FnOnce(&str) -> serde_json::Result<T>,
) -> Result<T, Error> {
    // A plain decode first: serde_path_to_error copies every map key into
    // a `String` to track the path (about 28 allocations and half the CPU of
    // a typical chunk, measured in bench/src/bin/e2e/). Only an event that
    // fails pays for the second, path-tracking pass, which fails the same way.
    if let Ok(value) = decode(data) {
        return Ok(value);
    }
    let mut deserializer = serde_json::Deserializer::from_str(data);
    let value = serde_path_to_error::deserialize(&mut deserializer).map_err(|e| {
        let path = e.path().to_string();
        Error::Decode(Box::new(DecodeError::new(
            what,
            StatusCode::OK,
            data.as_bytes(),
            path,
            e.into_inner(),
        )))
    })?;
    deserializer.end().map_err(|e| {
        Error::Decode(Box::new(DecodeError::new(
            what,
            StatusCode::OK,
            data.as_bytes(),
            ".".to_owned(),
            e,
        )))
    })?;
    Ok(value)
}

pub(crate) fn record_usage(span: &Span, usage: &openrouter_types::usage::Usage) {
    if let Some(tokens) = usage.prompt_tokens {
        span.record("prompt_tokens", tokens);
    }
    if let Some(tokens) = usage.completion_tokens {
        span.record("completion_tokens", tokens);
    }
    if let Some(cost) = usage.cost {
        span.record("cost", cost);
    }
    crate::telemetry::record_usage(span, usage);
}
