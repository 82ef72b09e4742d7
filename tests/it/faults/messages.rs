//! A Messages API stream (`POST /messages`) under the faults chat streams
//! survive: cut at every event boundary, an error event, keep-alives, silence.

use std::time::Duration;

use futures::StreamExt;
use openrouter_api::{Error, MessagesStream, MessagesStreamItem, TruncationReason};
use openrouter_types::messages::{MessageParam, MessagesRequest};

use super::bounded;
use crate::support::{self, RawServer, Step, sse_head};

fn request() -> MessagesRequest {
    MessagesRequest::new(
        "anthropic/claude-sonnet-4.5",
        vec![MessageParam::user("hi")],
    )
    .max_tokens(64)
}

fn recorded(name: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../fixtures/messages")
        .join(name);
    std::fs::read_to_string(path).expect("a recorded Messages stream")
}

/// Reads a stream to its end: the items, then the error that ended it.
async fn drain(stream: &mut MessagesStream) -> (Vec<MessagesStreamItem>, Option<Error>) {
    let mut items = Vec::new();
    while let Some(item) = stream.next().await {
        match item {
            Ok(item) => items.push(item),
            Err(error) => {
                assert!(stream.next().await.is_none(), "nothing follows an error");
                return (items, Some(error));
            }
        }
    }
    (items, None)
}

async fn serve(body: &str, then: Step) -> (Vec<MessagesStreamItem>, Option<Error>) {
    let server = RawServer::start(vec![vec![
        Step::send([sse_head(), body.as_bytes().to_vec()].concat()),
        then,
    ]])
    .await
    .unwrap();
    let client = support::builder(&server).build().unwrap();
    let mut stream = client.messages_stream(&request()).await.unwrap();
    drain(&mut stream).await
}

#[tokio::test]
async fn a_cut_at_every_event_boundary_is_a_truncation_with_the_message_so_far() {
    bounded(async {
        let full = recorded("stream.sse");
        let frames: Vec<&str> = full.split_inclusive("\n\n").collect();
        let stop = frames
            .iter()
            .position(|f| f.contains("\"message_stop\""))
            .expect("the recording stops");
        for cut in 0..frames.len() {
            let body: String = frames[..cut].concat();
            let (items, error) = serve(&body, Step::Close).await;
            if cut > stop {
                assert!(error.is_none(), "cut after message_stop ({cut}): {error:?}");
                assert_eq!(items.last(), Some(&MessagesStreamItem::Done));
                continue;
            }
            let Some(Error::TruncatedStream(e)) = &error else {
                panic!("cut at {cut}: expected a truncation, got {error:?}");
            };
            assert_eq!(e.reason(), TruncationReason::EndOfBody, "cut at {cut}");
            assert!(
                e.partial_message().is_some(),
                "cut at {cut}: the partial is kept"
            );
            assert!(error.as_ref().unwrap().is_ambiguous());
        }
        // The whole recording: keep-alives surfaced, the tool input assembled.
        let (items, error) = serve(&full, Step::Close).await;
        assert!(error.is_none(), "{error:?}");
        assert!(items.contains(&MessagesStreamItem::KeepAlive));
    })
    .await;
}

#[tokio::test]
async fn an_error_event_is_a_mid_stream_error_with_the_message_so_far() {
    bounded(async {
        let (items, error) = serve(&recorded("stream_error.sse"), Step::Close).await;
        let Some(Error::MidStream(e)) = &error else {
            panic!("expected a mid-stream error, got {error:?}");
        };
        assert!(e.partial_message().is_some());
        assert!(!items.is_empty(), "events before the error were yielded");
        let error = error.unwrap();
        assert!(error.status().is_some(), "{error}");
    })
    .await;
}

#[tokio::test]
async fn silence_past_the_idle_timeout_is_a_truncation() {
    bounded(async {
        let full = recorded("stream.sse");
        let first: String = full.split_inclusive("\n\n").take(4).collect();
        let (_, error) = serve(&first, Step::Sleep(Duration::from_secs(3))).await;
        let Some(Error::TruncatedStream(e)) = &error else {
            panic!("expected a truncation, got {error:?}");
        };
        assert!(
            matches!(e.reason(), TruncationReason::Timeout(_)),
            "{:?}",
            e.reason()
        );
        assert!(error.unwrap().is_timeout());
    })
    .await;
}
