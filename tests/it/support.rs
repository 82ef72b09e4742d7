//! Helpers shared by the hardening tests: the testkit's misbehaving raw
//! server with the response heads they script, SSE chunk builders, and a
//! client pointed at the server with a known key and short timeouts.

pub mod alloc;

use std::fmt::Write as _;
use std::time::Duration;

use openrouter_api::types::chat::{ChatRequest, Message};
use openrouter_api::{Client, ClientBuilder, RetryPolicy, Timeouts};
use openrouter_testkit::RecordedRequest;

pub use openrouter_testkit::raw::{RawServer, Step, head, response};

/// The key every hardening test configures; the secrets tests assert it never
/// shows up anywhere. Shaped like a real key (`sk-or-v1-` + 64 hex digits),
/// assembled at run time so the source holds no key-shaped literal.
pub fn test_key() -> String {
    format!("sk-or-v1-{}", "c0ffee42".repeat(8))
}

/// Idle timeout used by the fault tests: long enough for loopback, short
/// enough to keep the suite fast.
pub const IDLE: Duration = Duration::from_millis(200);

/// A builder aimed at `server` with the test key, a 200 ms idle timeout,
/// short response-header and connect timeouts, and no retries.
pub fn builder(server: &RawServer) -> ClientBuilder {
    Client::builder()
        .api_key(test_key())
        .base_url(server.base_url())
        .timeouts(
            Timeouts::default()
                .connect(Duration::from_secs(2))
                .response_headers(Duration::from_secs(2))
                .idle(IDLE),
        )
        .retry_policy(RetryPolicy::none())
}

/// A request's line and headers as text (`POST /api/v1/chat/completions`,
/// then `name: value` lines), for assertions that something appears nowhere
/// in what the client sent before the body.
pub fn head_text(request: &RecordedRequest) -> String {
    let mut out = format!("{} {}", request.method(), request.path());
    for (i, (key, value)) in request.query().iter().enumerate() {
        let _ = write!(out, "{}{key}={value}", if i == 0 { '?' } else { '&' });
    }
    for (name, value) in request.headers() {
        let _ = write!(out, "\n{name}: {value}");
    }
    out
}

/// A minimal chat request.
pub fn request() -> ChatRequest {
    ChatRequest::new("openai/gpt-4o-mini", vec![Message::user("hi")])
}

/// A 200 `text/event-stream` head whose body runs until the connection closes.
pub fn sse_head() -> Vec<u8> {
    head(
        200,
        &[
            ("content-type", "text/event-stream"),
            ("x-generation-id", GENERATION_ID),
            ("connection", "close"),
        ],
    )
}

/// A JSON response.
pub fn json(status: u16, body: &str) -> Vec<u8> {
    response(
        status,
        &[("content-type", "application/json")],
        body.as_bytes(),
    )
}

/// The generation id the chunk builders use.
pub const GENERATION_ID: &str = "gen-hardening-1";

/// One SSE event carrying a content delta.
pub fn content_event(text: &str) -> String {
    let chunk = serde_json::json!({
        "id": GENERATION_ID, "object": "chat.completion.chunk", "created": 1, "model": "m",
        "choices": [{"index": 0, "delta": {"role": "assistant", "content": text}, "finish_reason": null}]
    });
    format!("data: {chunk}\n\n")
}

/// One SSE event carrying the finish reason and usage.
pub fn finish_event(reason: &str) -> String {
    let chunk = serde_json::json!({
        "id": GENERATION_ID, "object": "chat.completion.chunk", "created": 1, "model": "m",
        "choices": [{"index": 0, "delta": {"content": ""}, "finish_reason": reason}],
        "usage": {"prompt_tokens": 3, "completion_tokens": 2, "total_tokens": 5}
    });
    format!("data: {chunk}\n\n")
}

/// The terminator.
pub const DONE: &str = "data: [DONE]\n\n";

/// OpenRouter's keep-alive comment.
pub const KEEP_ALIVE: &str = ": OPENROUTER PROCESSING\n\n";

/// A whole successful chat completion body.
pub fn completion_body(text: &str) -> String {
    serde_json::json!({
        "id": GENERATION_ID, "object": "chat.completion", "created": 1, "model": "m",
        "choices": [{"index": 0, "finish_reason": "stop",
                     "message": {"role": "assistant", "content": text}}],
        "usage": {"prompt_tokens": 3, "completion_tokens": 2, "total_tokens": 5}
    })
    .to_string()
}
