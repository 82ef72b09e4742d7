//! Fault injection over real sockets: a server on 127.0.0.1 that resets,
//! stalls, lies about its content or answers with transient errors, and the
//! exact error the client must turn each fault into. Every case also checks
//! that the client closed its connection (no leak), that partial output is
//! kept where some arrived, and that it ends within a bound.

mod connection;
mod content;
mod memory;
mod messages;
mod redirect;
mod resend;
mod status;
mod timing;

use std::time::Duration;

use futures::StreamExt;
use openrouter_api::{ChatStream, Error, StreamEvent};

/// Every case ends well within this (the slowest real-time case waits ~1 s).
const BOUND: Duration = Duration::from_secs(10);

/// How long a server may take to see the client's close.
const CLOSE_BOUND: Duration = Duration::from_secs(3);

/// Runs `fut` under [`BOUND`]: a hang is a failure, not a stuck test run.
async fn bounded<F: Future>(fut: F) -> F::Output {
    bounded_by(BOUND, fut).await
}

/// Runs `fut` under `bound` (virtual time in paused-clock tests).
async fn bounded_by<F: Future>(bound: Duration, fut: F) -> F::Output {
    tokio::time::timeout(bound, fut)
        .await
        .expect("the case did not finish within its bound")
}

/// Reads a stream to its end: the events, then the error that ended it (if any).
async fn drain(stream: &mut ChatStream) -> (Vec<StreamEvent>, Option<Error>) {
    let mut events = Vec::new();
    while let Some(item) = stream.next().await {
        match item {
            Ok(event) => events.push(event),
            Err(error) => {
                assert!(stream.next().await.is_none(), "nothing follows an error");
                return (events, Some(error));
            }
        }
    }
    (events, None)
}

/// The text of the content deltas among `events`.
fn text(events: &[StreamEvent]) -> String {
    events
        .iter()
        .filter_map(|e| match e {
            StreamEvent::Chunk(chunk) => chunk.content(),
            _ => None,
        })
        .collect()
}

/// The content of a partial completion.
fn partial_text(partial: Option<&openrouter_api::types::ChatCompletion>) -> Option<String> {
    partial?.text().map(str::to_owned)
}
