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

use crate::error::{LimitError, TimeoutError, TruncationReason};
use crate::{Error, TimeoutKind};

type Body = Pin<Box<dyn Stream<Item = reqwest::Result<Bytes>> + Send>>;

/// What the adapter yields.
pub(crate) enum FrameItem {
    Event(Event),
    Comment(Comment),
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

impl FrameError {
    /// What this read failure means for the stream it ends: a truncation
    /// (its reason and cause) for a broken connection or silence, or the
    /// limit error for an oversized event.
    pub(crate) fn into_end(
        self,
    ) -> Result<(TruncationReason, Box<dyn std::error::Error + Send + Sync>), Error> {
        match self {
            FrameError::Transport(e) => Ok((TruncationReason::ConnectionLost, Box::new(e))),
            FrameError::Timeout(kind, after) => Ok((
                TruncationReason::Timeout(kind),
                Box::new(TimeoutError::new(kind, after)),
            )),
            FrameError::Limit(e, limit) => Err(Error::LimitExceeded(Box::new(LimitError {
                what: "stream event",
                limit,
                source: Some(Box::new(e)),
            }))),
        }
    }
}

/// How far the idle deadline may move before its timer is reset.
const TIMER_SLACK: Duration = Duration::from_millis(1);

pub(crate) struct Frames {
    body: Body,
    parser: Parser,
    idle: Duration,
    idle_timer: Pin<Box<Sleep>>,
    /// When the body last delivered bytes: the idle deadline is this plus
    /// `idle`. The timer itself is moved only when the stream is about to
    /// wait (see `poll_frame`).
    last_data: Instant,
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
            last_data: Instant::now(),
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
                    self.last_data = Instant::now();
                    self.parser.feed_bytes(bytes);
                }
                Poll::Ready(Some(Err(error))) => {
                    return Poll::Ready(Err(FrameError::Transport(error)));
                }
                Poll::Ready(None) => self.ended = Some(self.parser.finish().is_clean()),
                Poll::Pending => {
                    let due = self.last_data + self.idle;
                    // Moving a tokio timer takes its driver's lock, and its
                    // wheel counts whole milliseconds: a deadline that moved
                    // by less is left as it is, and a timer that fires early
                    // is moved then instead of ending the stream.
                    if due > self.idle_timer.deadline() + TIMER_SLACK {
                        self.idle_timer.as_mut().reset(due);
                    }
                    while self.idle_timer.as_mut().poll(cx).is_ready() {
                        if Instant::now() >= due {
                            return Poll::Ready(Err(FrameError::Timeout(
                                TimeoutKind::Idle,
                                self.idle,
                            )));
                        }
                        self.idle_timer.as_mut().reset(due);
                    }
                    return Poll::Pending;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use futures::future::poll_fn;
    use futures::{StreamExt, stream};

    use super::*;

    /// A body that yields each piece after its delay (on tokio's clock).
    fn body(pieces: Vec<(u64, &'static str)>) -> impl Stream<Item = reqwest::Result<Bytes>> + Send {
        stream::unfold(pieces.into_iter(), |mut rest| async move {
            let (delay, text) = rest.next()?;
            tokio::time::sleep(Duration::from_secs(delay)).await;
            Some((Ok(Bytes::from_static(text.as_bytes())), rest))
        })
        .chain(stream::pending())
    }

    async fn next(frames: &mut Frames) -> Result<FrameItem, FrameError> {
        poll_fn(|cx| frames.poll_frame(cx)).await
    }

    #[tokio::test(start_paused = true)]
    async fn the_idle_timeout_fires_exactly_after_the_last_byte() {
        let start = Instant::now();
        let mut frames = Frames::new(
            body(vec![(2, "data: a\n\n"), (30, "data: b\n\n")]),
            Duration::from_secs(5),
            None,
            1 << 20,
        );
        assert!(matches!(next(&mut frames).await, Ok(FrameItem::Event(e)) if e.data() == "a"));
        assert_eq!(start.elapsed(), Duration::from_secs(2));
        let Err(FrameError::Timeout(kind, after)) = next(&mut frames).await else {
            panic!("expected the idle timeout")
        };
        assert_eq!((kind, after), (TimeoutKind::Idle, Duration::from_secs(5)));
        assert_eq!(
            start.elapsed(),
            Duration::from_secs(7),
            "5 s after the last byte, not after the start"
        );
    }

    #[tokio::test(start_paused = true)]
    async fn keep_alive_comments_reset_the_idle_timeout() {
        let keep_alive = ": OPENROUTER PROCESSING\n\n";
        let pieces = vec![
            (4, keep_alive),
            (4, keep_alive),
            (4, keep_alive),
            (4, keep_alive),
            (4, "data: late\n\n"),
        ];
        let mut frames = Frames::new(body(pieces), Duration::from_secs(5), None, 1 << 20);
        for _ in 0..4 {
            assert!(
                matches!(next(&mut frames).await, Ok(FrameItem::Comment(c)) if c.text() == " OPENROUTER PROCESSING")
            );
        }
        assert!(matches!(next(&mut frames).await, Ok(FrameItem::Event(e)) if e.data() == "late"));
    }

    #[tokio::test(start_paused = true)]
    async fn the_total_deadline_cuts_even_a_lively_stream() {
        let start = Instant::now();
        let pieces = vec![(1, ": x\n\n"); 20];
        let deadline = Some((start + Duration::from_secs(7), Duration::from_secs(7)));
        let mut frames = Frames::new(body(pieces), Duration::from_secs(5), deadline, 1 << 20);
        let mut comments = 0;
        let error = loop {
            match next(&mut frames).await {
                Ok(FrameItem::Comment(_)) => comments += 1,
                Ok(_) => panic!("only comments were sent"),
                Err(error) => break error,
            }
        };
        assert!(
            matches!(error, FrameError::Timeout(TimeoutKind::Total, d) if d == Duration::from_secs(7))
        );
        assert_eq!(start.elapsed(), Duration::from_secs(7));
        assert_eq!(
            comments, 6,
            "comments at 1..=6 s; the one due at 7 s loses to the deadline"
        );
    }

    #[tokio::test(start_paused = true)]
    async fn end_of_body_reports_a_discarded_partial_event() {
        let mut frames = Frames::new(
            stream::iter([Ok(Bytes::from_static(b"data: whole\n\ndata: cut"))]),
            Duration::from_secs(5),
            None,
            1 << 20,
        );
        assert!(matches!(next(&mut frames).await, Ok(FrameItem::Event(e)) if e.data() == "whole"));
        assert!(matches!(
            next(&mut frames).await,
            Ok(FrameItem::End { clean: false })
        ));
        assert!(
            matches!(next(&mut frames).await, Ok(FrameItem::End { clean: false })),
            "the end is sticky"
        );
    }
}
