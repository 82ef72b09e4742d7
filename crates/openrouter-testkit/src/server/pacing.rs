//! How response bytes are delivered: all at once, or in chunks with delays, optionally cut off,
//! the way real networks deliver them.

use std::io;
use std::num::NonZeroUsize;
use std::time::Duration;

use bytes::Bytes;
use futures::Stream;
use http_body_util::StreamBody;
use hyper::body::Frame;

/// How the body is split into writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum Chunking {
    /// One write for the whole body.
    #[default]
    Whole,
    /// Writes of at most this many bytes (splitting lines, JSON and UTF-8 characters).
    Bytes(NonZeroUsize),
    /// One write per SSE event or comment (after each blank line), like a live stream.
    Events,
}

/// Delivery of response bodies by the [`MockOpenRouter`](crate::server::MockOpenRouter):
/// chunk sizes, a delay before each chunk after the first, and an optional connection cut.
///
/// The default sends each body in one write with no delay. Pacing applies to every body the
/// server sends, streamed or not.
///
/// ```
/// use std::time::Duration;
/// use openrouter_testkit::server::Pacing;
///
/// // 7-byte writes 2 ms apart, connection dropped after 300 bytes.
/// let pacing = Pacing::new().chunk_size(7).delay(Duration::from_millis(2)).cut_after(300);
/// assert_eq!(pacing.cut_after_bytes(), Some(300));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Pacing {
    chunking: Chunking,
    delay: Duration,
    cut_after: Option<usize>,
}

impl Pacing {
    /// Whole bodies, no delay, no cut.
    pub fn new() -> Pacing {
        Pacing::default()
    }

    /// Writes of at most `bytes` bytes (0 means whole bodies).
    pub fn chunk_size(mut self, bytes: usize) -> Pacing {
        self.chunking = NonZeroUsize::new(bytes).map_or(Chunking::Whole, Chunking::Bytes);
        self
    }

    /// One write per SSE event, for a natural-looking stream (the CLI's offline demo).
    pub fn per_event(mut self) -> Pacing {
        self.chunking = Chunking::Events;
        self
    }

    /// Waits this long before every write but the first.
    pub fn delay(mut self, delay: Duration) -> Pacing {
        self.delay = delay;
        self
    }

    /// Sends only the first `bytes` bytes of each body, then drops the connection without
    /// finishing the response: the client must see an error, not a short success.
    pub fn cut_after(mut self, bytes: usize) -> Pacing {
        self.cut_after = Some(bytes);
        self
    }

    /// The chunking in effect.
    pub fn chunking(&self) -> Chunking {
        self.chunking
    }

    /// The delay between writes.
    pub fn delay_between(&self) -> Duration {
        self.delay
    }

    /// Where bodies are cut, if anywhere.
    pub fn cut_after_bytes(&self) -> Option<usize> {
        self.cut_after
    }

    /// The writes for `body`, before any cut.
    pub(crate) fn split(&self, body: &Bytes) -> Vec<Bytes> {
        let mut chunks = Vec::new();
        match self.chunking {
            Chunking::Whole => chunks.push(body.clone()),
            Chunking::Bytes(size) => {
                let mut start = 0;
                while start < body.len() {
                    let end = (start + size.get()).min(body.len());
                    chunks.push(body.slice(start..end));
                    start = end;
                }
            }
            Chunking::Events => {
                let mut start = 0;
                while start < body.len() {
                    let end = memchr_blank_line(&body[start..]).map_or(body.len(), |at| start + at);
                    chunks.push(body.slice(start..end));
                    start = end;
                }
            }
        }
        chunks.retain(|c| !c.is_empty());
        chunks
    }

    /// The body as a paced stream of frames; ends with an error at the cut.
    pub(crate) fn body(
        &self,
        body: &Bytes,
    ) -> StreamBody<impl Stream<Item = Result<Frame<Bytes>, io::Error>> + Send + use<>> {
        let mut chunks = self.split(body);
        let cut = self.cut_after.is_some_and(|limit| limit < body.len());
        if let Some(limit) = self.cut_after.filter(|_| cut) {
            let mut sent = 0;
            let mut kept = Vec::new();
            for chunk in chunks {
                let room = limit - sent;
                if room == 0 {
                    break;
                }
                let piece = chunk.slice(..chunk.len().min(room));
                sent += piece.len();
                kept.push(piece);
            }
            chunks = kept;
        }
        let delay = self.delay;
        let state = (chunks.into_iter(), true, cut);
        StreamBody::new(futures::stream::unfold(
            state,
            move |(mut chunks, first, cut)| async move {
                match chunks.next() {
                    Some(chunk) => {
                        if !first && !delay.is_zero() {
                            tokio::time::sleep(delay).await;
                        }
                        Some((Ok(Frame::data(chunk)), (chunks, false, cut)))
                    }
                    None if cut => {
                        // Pause before failing: hyper flushes what it holds only when the body
                        // is not ready, and an immediate error would discard the last writes.
                        tokio::time::sleep(delay.max(Duration::from_millis(1))).await;
                        let error = io::Error::new(
                            io::ErrorKind::ConnectionAborted,
                            "cut by Pacing::cut_after",
                        );
                        Some((Err(error), (chunks, false, false)))
                    }
                    None => None,
                }
            },
        ))
    }
}

/// The offset just past the first `\n\n` in `bytes`.
fn memchr_blank_line(bytes: &[u8]) -> Option<usize> {
    bytes.windows(2).position(|w| w == b"\n\n").map(|at| at + 2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_cover_the_body() {
        let body = Bytes::from_static(b": keep\n\ndata: a\n\ndata: [DONE]\n\n");
        let events = Pacing::new().per_event().split(&body);
        assert_eq!(
            events,
            [&b": keep\n\n"[..], b"data: a\n\n", b"data: [DONE]\n\n"]
        );
        let bytes = Pacing::new().chunk_size(4).split(&body);
        assert!(bytes.iter().all(|c| c.len() <= 4));
        assert_eq!(bytes.concat(), body.to_vec());
        assert_eq!(Pacing::new().split(&body), [body]);
        assert_eq!(
            Pacing::new()
                .per_event()
                .split(&Bytes::from_static(b"tail")),
            [&b"tail"[..]]
        );
    }
}
