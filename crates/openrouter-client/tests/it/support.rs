//! Shared test helpers: clients pointed at local servers, wiremock servers
//! with the testkit's catch-all, request dumps for snapshots, and scripts for
//! the testkit's raw server.

pub mod scripts;

use std::path::PathBuf;
use std::time::Duration;

use openrouter_client::{Client, ClientBuilder, RetryPolicy};
use openrouter_testkit::{RecordedRequest, dump_requests, mount};
use openrouter_types::chat::{ChatRequest, Message};
use serde_json::{Value, json};
use wiremock::MockServer;

/// A recognisable fake key: tests assert it never leaks.
pub const KEY: &str = "sk-or-v1-5ecre7c0ffee0123456789abcdef0123456789abcdef0123456789abcdef";

/// A builder for a client talking to `base`, retrying fast.
pub fn builder(base: &str) -> ClientBuilder {
    Client::builder()
        .api_key(KEY)
        .base_url(format!("{base}/api/v1"))
        .retry_policy(
            RetryPolicy::default()
                .initial_backoff(Duration::from_millis(1))
                .max_backoff(Duration::from_millis(5)),
        )
}

pub fn client(base: &str) -> Client {
    builder(base).build().expect("client builds")
}

/// A mock server whose unmatched requests fail readably (the testkit's
/// catch-all: `500 unexpected request: METHOD /path?query`).
pub async fn server() -> MockServer {
    let server = MockServer::start().await;
    mount::mount_catch_all(&server).await;
    server
}

/// What `server` received, as the testkit records it.
pub async fn sent(server: &MockServer) -> Vec<RecordedRequest> {
    mount::received_requests(server).await
}

pub fn chat_request() -> ChatRequest {
    ChatRequest::new("openai/gpt-4o-mini", vec![Message::user("Say hi")])
}

/// A completion in the real wire shape.
pub fn completion_json(text: &str) -> Value {
    json!({
        "id": "gen-1767762648-gpMQ7v2T1yjLwNu7l65B",
        "provider": "OpenAI",
        "model": "openai/gpt-4o-mini",
        "object": "chat.completion",
        "created": 1767762648,
        "choices": [{
            "logprobs": null,
            "finish_reason": "stop",
            "native_finish_reason": "stop",
            "index": 0,
            "message": {"role": "assistant", "content": text, "refusal": null, "reasoning": null}
        }],
        "system_fingerprint": "fp_1",
        "usage": {"prompt_tokens": 9, "completion_tokens": 2, "total_tokens": 11, "cost": 0.0000027}
    })
}

/// Requests as a snapshot: the testkit's dump (sorted headers, `host` left
/// out, `authorization` redacted, pretty JSON bodies), after checking that
/// the key went out as a bearer token wherever it was sent.
pub fn render(requests: &[RecordedRequest]) -> String {
    for request in requests {
        if let Some(authorization) = request.header("authorization") {
            assert_eq!(
                authorization,
                format!("Bearer {KEY}"),
                "the key is sent as a bearer token"
            );
        }
    }
    dump_requests(requests)
}

/// `../shared/captures/<name>`, or `None` (with a notice) when the folder is absent.
pub fn capture(name: &str) -> Option<Vec<u8>> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/captures")
        .join(name);
    match std::fs::read(&path) {
        Ok(bytes) => Some(bytes),
        Err(_) => {
            eprintln!(
                "notice: {} is absent; skipping this capture-based check",
                path.display()
            );
            None
        }
    }
}
