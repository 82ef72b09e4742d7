//! `ChatStream::text()`: the text deltas of a stream, with keep-alives skipped and the
//! stream's errors passed through.

use futures::StreamExt;
use openrouter_api::Error;
use openrouter_testkit::raw::RawServer;

use crate::support::scripts::fixture_sse;
use crate::support::{chat_request, client, demo_text, fixture};

#[tokio::test]
async fn text_yields_the_deltas_of_the_answer() {
    let server = RawServer::start(vec![fixture_sse(fixture("chat/demo_stream"))])
        .await
        .unwrap();
    let mut text = client(&server.origin())
        .chat_stream(&chat_request())
        .await
        .unwrap()
        .text();
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
    let server = RawServer::start(vec![fixture_sse(fixture("chat/stream_error_documented"))])
        .await
        .unwrap();
    let mut text = client(&server.origin())
        .chat_stream(&chat_request())
        .await
        .unwrap()
        .text();
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
