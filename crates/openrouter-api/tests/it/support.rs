//! Shared test helpers: clients pointed at local servers, wiremock servers
//! with the testkit's catch-all, the bundled fixtures, request dumps for
//! snapshots, and scripts for the testkit's raw server.

pub mod scripts;

use std::sync::OnceLock;
use std::time::Duration;

use openrouter_api::{Client, ClientBuilder, RetryPolicy};
use openrouter_testkit::{Fixture, FixtureSet, RecordedRequest, dump_requests, mount};
use openrouter_types::chat::{ChatRequest, Message};
use serde::de::DeserializeOwned;
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

/// The bundled fixture `name` (`chat/error_429`), from `fixtures/`.
pub fn fixture(name: &str) -> &'static Fixture {
    static SET: OnceLock<FixtureSet> = OnceLock::new();
    SET.get_or_init(FixtureSet::bundled)
        .get(name)
        .unwrap_or_else(|| panic!("no bundled fixture {name}"))
}

/// The request `fixture` recorded, typed: sending it makes the client's request
/// match the fixture strictly (`mount::fixture_mock`: same model, same stream mode).
pub fn recorded<T: DeserializeOwned>(fixture: &Fixture) -> T {
    let body = fixture
        .request()
        .body()
        .unwrap_or_else(|| panic!("{fixture} recorded no request body"));
    serde_json::from_value(body.clone())
        .unwrap_or_else(|e| panic!("{fixture}: the recorded body does not decode: {e}"))
}

/// The response `fixture` recorded, parsed as JSON, to derive expectations from.
pub fn response_json(fixture: &Fixture) -> Value {
    serde_json::from_slice(fixture.response().body())
        .unwrap_or_else(|e| panic!("{fixture}: the response body is not JSON: {e}"))
}

/// The text of `chat/demo`'s answer: what any non-streaming chat request gets
/// offline (and, in this fixture set, what `chat/demo_stream` streams).
pub fn demo_text() -> String {
    response_json(fixture("chat/demo"))["choices"][0]["message"]["content"]
        .as_str()
        .expect("chat/demo has a text answer")
        .to_owned()
}

/// `fixture`'s response as a wiremock template, for mocks with matchers, priorities or
/// delays of their own.
pub use openrouter_testkit::mount::fixture_response as respond;

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
