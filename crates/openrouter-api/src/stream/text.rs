//! `ChatStream::text()`: the common case of a chat stream (print the answer as it arrives)
//! without a `match` over the non-exhaustive `StreamEvent`.

use std::pin::Pin;
use std::task::{Context, Poll, ready};

use futures::Stream;
use futures::stream::FusedStream;
use openrouter_types::response::ChatCompletion;

use crate::Error;
use crate::stream::{ChatStream, StreamEvent};

/// The text deltas of a [`ChatStream`]: each item is a non-empty piece of the first
/// choice's content, in order. Keep-alives and chunks without text are skipped; the end of
/// the stream and its errors (mid-stream, truncation) are those of the underlying stream.
///
/// ```no_run
/// use futures::StreamExt;
/// use openrouter_api::Client;
/// use openrouter_types::chat::{ChatRequest, Message};
///
/// # async fn demo(client: Client) -> Result<(), openrouter_api::Error> {
/// let request = ChatRequest::new("openai/gpt-4o-mini", vec![Message::user("Count to 5")]);
/// let mut text = client.chat_stream(&request).await?.text();
/// while let Some(delta) = text.next().await {
///     print!("{}", delta?);
/// }
/// println!("\n{:?}", text.into_completion().usage);
/// # Ok(()) }
/// ```
#[derive(Debug)]
#[must_use = "streams do nothing unless polled"]
pub struct TextStream {
    inner: ChatStream,
}

impl ChatStream {
    /// This stream's text deltas only (see [`TextStream`]).
    pub fn text(self) -> TextStream {
        TextStream { inner: self }
    }
}

impl TextStream {
    /// The underlying chat stream (for its [`meta`](ChatStream::meta) or accumulator).
    pub fn get_ref(&self) -> &ChatStream {
        &self.inner
    }

    /// Everything received so far, assembled (usage, finish reason, tool calls).
    pub fn into_completion(self) -> ChatCompletion {
        self.inner.into_completion()
    }
}

impl FusedStream for TextStream {
    fn is_terminated(&self) -> bool {
        self.inner.is_terminated()
    }
}

impl Stream for TextStream {
    type Item = Result<String, Error>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = self.get_mut();
        loop {
            match ready!(Pin::new(&mut this.inner).poll_next(cx)) {
                Some(Ok(StreamEvent::Chunk(chunk))) => match chunk.content() {
                    Some(text) if !text.is_empty() => {
                        return Poll::Ready(Some(Ok(text.to_owned())));
                    }
                    _ => continue,
                },
                Some(Ok(_)) => continue,
                Some(Err(error)) => return Poll::Ready(Some(Err(error))),
                None => return Poll::Ready(None),
            }
        }
    }
}
