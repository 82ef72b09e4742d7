//! Socket bytes to SSE frames, pulled on demand: the body is polled only when
//! the consumer polls, so nothing buffers between the socket and the caller
//! beyond the parser's one partial event.

use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

use bytes::Bytes;
use futures::Stream;
use openrouter_sse::{Comment, Event, Frame, Parser, ParserConfig};
use tokio::time::{Instant, Sleep};

use crate::TimeoutKind;

type Body = Pin<Box<dyn Stream<Item = reqwest::Result<Bytes>> + Send>>;

/// What the adapter yields.
pub(crate) enum FrameItem {
    Event(Event),
    Comment(#[allow(dead_code, reason = "kept for tracing at trace level")] Comment),
    /// End of body. `clean` is false when an unfinished event was discarded.
    End {
        clean: bool,
    },
}

/// Why the adapter stopped.
pub(crate) enum FrameError {
    Transport(reqwest::Error),
    Timeout(TimeoutKind, Duration),
    Limit(openrouter_sse::Error, usize),
}

pub(crate) struct Frames {
    body: Body,
    parser: Parser,
    idle: Duration,
    idle_timer: Pin<Box<Sleep>>,
    deadline: Option<(Pin<Box<Sleep>>, Duration)>,
    ended: Option<bool>,
    max_event_bytes: usize,
}

impl Frames {
    pub(crate) fn new(
        body: impl Stream<Item = reqwest::Result<Bytes>> + Send + 'static,
        idle: Duration,
        deadline: Option<(Instant, Duration)>,
        max_event_bytes: usize,
    ) -> Self {
        let config = ParserConfig::default()
            .max_event_bytes(max_event_bytes)
            .max_line_bytes(max_event_bytes);
        Self {
            body: Box::pin(body),
            parser: Parser::with_config(config),
            idle,
            idle_timer: Box::pin(tokio::time::sleep(idle)),
            deadline: deadline.map(|(at, total)| (Box::pin(tokio::time::sleep_until(at)), total)),
            ended: None,
            max_event_bytes,
        }
    }

    pub(crate) fn poll_frame(
        &mut self,
        cx: &mut Context<'_>,
    ) -> Poll<Result<FrameItem, FrameError>> {
        loop {
            match self.parser.next_frame() {
                Some(Ok(Frame::Event(event))) => return Poll::Ready(Ok(FrameItem::Event(event))),
                Some(Ok(Frame::Comment(comment))) => {
                    return Poll::Ready(Ok(FrameItem::Comment(comment)));
                }
                Some(Ok(_)) => continue, // `retry:` and future frame kinds mean nothing here
                Some(Err(error)) => {
                    return Poll::Ready(Err(FrameError::Limit(error, self.max_event_bytes)));
                }
                None => {}
            }
            if let Some(clean) = self.ended {
                return Poll::Ready(Ok(FrameItem::End { clean }));
            }
            if let Some((deadline, total)) = &mut self.deadline
                && deadline.as_mut().poll(cx).is_ready()
            {
                return Poll::Ready(Err(FrameError::Timeout(TimeoutKind::Total, *total)));
            }
            // The body first: data already waiting must win over a timer that
            // expired while the consumer was busy elsewhere.
            match self.body.as_mut().poll_next(cx) {
                Poll::Ready(Some(Ok(bytes))) => {
                    self.idle_timer.as_mut().reset(Instant::now() + self.idle);
                    self.parser.feed_bytes(bytes);
                }
                Poll::Ready(Some(Err(error))) => {
                    return Poll::Ready(Err(FrameError::Transport(error)));
                }
                Poll::Ready(None) => self.ended = Some(self.parser.finish().is_clean()),
                Poll::Pending => {
                    if self.idle_timer.as_mut().poll(cx).is_ready() {
                        return Poll::Ready(Err(FrameError::Timeout(TimeoutKind::Idle, self.idle)));
                    }
                    return Poll::Pending;
                }
            }
        }
    }
}
