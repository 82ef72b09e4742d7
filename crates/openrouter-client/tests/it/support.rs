//! Shared test helpers: clients pointed at local servers, wiremock catch-alls,
//! request rendering for snapshots, and the raw scripted server.

pub mod raw;

use std::path::PathBuf;
use std::time::Duration;

use openrouter_client::{Client, ClientBuilder, RetryPolicy};
use openrouter_types::chat::{ChatRequest, Message};
use serde_json::{Value, json};
use wiremock::matchers::any;
use wiremock::{Mock, MockServer, Request, ResponseTemplate};

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

/// A mock server whose unmatched requests fail readably.
pub async fn server() -> MockServer {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(|req: &Request| {
            ResponseTemplate::new(500).set_body_string(format!(
                "unexpected request: {} {}",
                req.method,
                req.url.path()
            ))
        })
        .with_priority(u8::MAX)
        .mount(&server)
        .await;
    server
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

/// Requests as a snapshot-friendly value: volatile and secret headers redacted.
pub fn render(requests: &[Request]) -> Value {
    requests
        .iter()
        .map(|req| {
            let mut headers: Vec<(String, String)> = req
                .headers
                .iter()
                .filter(|(name, _)| !matches!(name.as_str(), "host" | "content-length" | "accept-encoding"))
                .map(|(name, value)| {
                    let value = if name == "authorization" {
                        let text = value.to_str().unwrap_or("");
                        assert_eq!(text, format!("Bearer {KEY}"), "the key is sent as a bearer token");
                        "Bearer [redacted]".to_owned()
                    } else {
                        value.to_str().unwrap_or("<binary>").to_owned()
                    };
                    (name.as_str().to_owned(), value)
                })
                .collect();
            headers.sort();
            let body = if req.body.is_empty() {
                Value::Null
            } else {
                serde_json::from_slice(&req.body).unwrap_or_else(|_| Value::from(String::from_utf8_lossy(&req.body).into_owned()))
            };
            json!({
                "method": req.method.as_str(),
                "path": req.url.path(),
                "query": req.url.query(),
                "headers": headers.into_iter().map(|(n, v)| format!("{n}: {v}")).collect::<Vec<_>>(),
                "body": body,
            })
        })
        .collect()
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
