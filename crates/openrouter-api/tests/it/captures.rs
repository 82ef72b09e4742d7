//! Every recorded OpenRouter stream in `../shared/captures`, served byte for
//! byte from a local server, read through the client; and each chat capture
//! cut at every event boundary.

use std::path::PathBuf;

use futures::StreamExt;
use openrouter_api::{Error, StreamEvent};
use openrouter_types::responses::ResponsesRequest;
use serde_json::{Value, json};

use crate::support::chat_request;
use crate::support::client;
use openrouter_testkit::raw::{RawServer, Step};

use crate::support::scripts::sse;

fn captures(prefix: &str) -> Vec<(String, Vec<u8>)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/captures");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!(
            "notice: {} is absent; skipping the capture replays",
            dir.display()
        );
        return Vec::new();
    };
    let mut files: Vec<(String, Vec<u8>)> = entries
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with(prefix) && name.ends_with(".sse"))
        .map(|name| {
            let bytes = std::fs::read(dir.join(&name)).unwrap();
            (name, bytes)
        })
        .collect();
    files.sort();
    files
}

async fn replay(bytes: &[u8]) -> (usize, Result<openrouter_types::ChatCompletion, Error>) {
    let server = RawServer::start(vec![sse(vec![Step::chunk(bytes), Step::last_chunk()])])
        .await
        .unwrap();
    let mut stream = client(&server.origin())
        .chat_stream(&chat_request())
        .await
        .unwrap();
    let mut keep_alives = 0;
    while let Some(event) = stream.next().await {
        match event {
            Ok(StreamEvent::KeepAlive) => keep_alives += 1,
            Ok(_) => {}
            Err(error) => return (keep_alives, Err(error)),
        }
    }
    (keep_alives, Ok(stream.into_completion()))
}

#[tokio::test]
async fn every_chat_stream_capture_reads_to_its_documented_end() {
    let files = captures("stream_");
    if files.is_empty() {
        return;
    }
    let mut report = serde_json::Map::new();
    for (name, bytes) in files {
        let (keep_alives, result) = replay(&bytes).await;
        let summary = match result {
            Ok(completion) => json!({
                "outcome": "done",
                "keep_alives": keep_alives,
                "finish_reason": completion.finish_reason().map(|f| f.as_str().to_owned()),
                "text_chars": completion.text().map(|t| t.chars().count()),
                "reasoning_chars": completion.message().and_then(|m| m.reasoning.as_ref()).map(|r| r.chars().count()),
                "tool_calls": completion.tool_calls().iter().map(|c| c.function.name.clone()).collect::<Vec<_>>(),
                "total_tokens": completion.usage.as_ref().and_then(|u| u.total_tokens),
            }),
            Err(Error::MidStream(e)) => json!({
                "outcome": "mid_stream_error",
                "keep_alives": keep_alives,
                "status": e.error().status().as_u16(),
                "message": e.error().message(),
            }),
            Err(other) => panic!("{name}: {other}"),
        };
        report.insert(name, summary);
    }
    insta::assert_yaml_snapshot!("chat_stream_captures", Value::Object(report));
}

#[tokio::test]
async fn every_responses_stream_capture_reads_to_its_end() {
    let request = ResponsesRequest::new("openai/gpt-5-nano", "hi");
    for (name, bytes) in captures("responses_api_stream_") {
        let server = RawServer::start(vec![sse(vec![Step::chunk(bytes), Step::last_chunk()])])
            .await
            .unwrap();
        let response = client(&server.origin())
            .responses_stream(&request)
            .await
            .unwrap()
            .collect_response()
            .await
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(!response.id.is_empty(), "{name}");
    }
}

/// Whether a `data:` block carries a non-null finish reason.
fn has_finish_reason(block: &str) -> bool {
    let Some(data) = block.strip_prefix("data: ") else {
        return false;
    };
    let Ok(value) = serde_json::from_str::<Value>(data) else {
        return false;
    };
    value["choices"]
        .as_array()
        .is_some_and(|choices| choices.iter().any(|c| !c["finish_reason"].is_null()))
}

#[tokio::test]
async fn chat_captures_cut_at_every_event_boundary() {
    for (name, bytes) in captures("stream_text_openai_gpt-4o")
        .into_iter()
        .chain(captures("stream_tool_call_openai"))
    {
        let text = String::from_utf8(bytes).unwrap();
        let blocks: Vec<&str> = text.split_inclusive("\n\n").collect();
        for cut in 0..blocks.len() {
            let prefix: String = blocks[..cut].concat();
            let finished = blocks[..cut]
                .iter()
                .any(|b| has_finish_reason(b.trim_end()));
            let done = blocks[..cut].iter().any(|b| b.trim_end() == "data: [DONE]");
            let (_, result) = replay(prefix.as_bytes()).await;
            match result {
                Ok(_) => assert!(
                    finished || done,
                    "{name} cut at {cut}: success without a finish reason"
                ),
                Err(Error::TruncatedStream(e)) => {
                    assert!(
                        !finished,
                        "{name} cut at {cut}: truncated after a finish reason"
                    );
                    assert!(e.partial().is_some());
                }
                Err(other) => panic!("{name} cut at {cut}: {other}"),
            }
        }
    }
}
