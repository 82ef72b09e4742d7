//! `ChatStream::text()`: the text deltas of a stream, with keep-alives skipped and the
//! stream's errors passed through.

use futures::StreamExt;
use openrouter_api::{Error, TextStream};
use openrouter_testkit::raw::RawServer;

use crate::support::scripts::fixture_sse;
use crate::support::{chat_request, client, demo_text, fixture};

/// The text stream of a chat streamed from `name`'s fixture (keep the server
/// alive while reading).
async fn text_of(name: &str) -> (RawServer, TextStream) {
    let server = RawServer::start(vec![fixture_sse(fixture(name))])
        .await
        .unwrap();
    let text = client(&server.origin())
        .chat_stream(&chat_request())
        .await
        .unwrap()
        .text();
    (server, text)
}

#[tokio::test]
async fn text_yields_the_deltas_of_the_answer() {
    let (_server, mut text) = text_of("chat/demo_stream").await;
    let mut deltas = Vec::new();
    while let Some(delta) = text.next().await {
        deltas.push(delta.unwrap());
    }
    assert!(deltas.len() > 1, "one item per delta: {deltas:?}");
    assert!(deltas.iter().all(|d| !d.is_empty()));
    assert_eq!(deltas.concat(), demo_text());
    assert!(text.into_completion().usage.is_some());
}

#[tokio::test]
async fn text_passes_a_mid_stream_error_through_after_the_partial_text() {
    let (_server, mut text) = text_of("chat/stream_error_documented").await;
    let mut received = String::new();
    let error = loop {
        match text.next().await.expect("the stream ends with an error") {
            Ok(delta) => received.push_str(&delta),
            Err(error) => break error,
        }
    };
    assert_eq!(received, "The first part of the answer arrived");
    assert!(matches!(error, Error::MidStream(_)), "{error:?}");
    assert!(text.next().await.is_none());
}
