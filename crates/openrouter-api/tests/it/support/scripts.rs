//! Scripts for the testkit's raw server in the shape OpenRouter streams: a chunked
//! `text/event-stream` response whose events go out one HTTP chunk each, bundled fixtures
//! served that way, and real-shaped chat chunks for the faults no fixture shows.

use openrouter_testkit::Fixture;
use openrouter_testkit::raw::{self, Script, Step};

/// The generation id the streamed responses' header carries.
pub const GENERATION_ID: &str = "gen-raw-1";

/// A `200 text/event-stream` chunked response (`connection: close`) running `steps` after its
/// head; end the body with [`Step::last_chunk`].
pub fn sse(steps: impl IntoIterator<Item = Step>) -> Script {
    let head = raw::head(
        200,
        &[
            ("content-type", "text/event-stream"),
            ("transfer-encoding", "chunked"),
            ("connection", "close"),
            ("x-generation-id", GENERATION_ID),
        ],
    );
    std::iter::once(Step::send(head)).chain(steps).collect()
}

/// `fixture`'s streamed response with its recorded status and headers, chunked one event
/// (up to its blank line) per HTTP chunk, then the last chunk; `connection: close`.
pub fn fixture_sse(fixture: &Fixture) -> Script {
    let response = fixture.response();
    let mut headers: Vec<(&str, &str)> = response
        .headers()
        .iter()
        .map(|(name, value)| (name.as_str(), value.as_str()))
        .collect();
    headers.extend([("transfer-encoding", "chunked"), ("connection", "close")]);
    let events = response.body().split_inclusive(|&b| b == b'\n').fold(
        Vec::<Vec<u8>>::new(),
        |mut events, line| {
            match events.last_mut() {
                Some(event) if !event.ends_with(b"\n\n") => event.extend_from_slice(line),
                _ => events.push(line.to_vec()),
            }
            events
        },
    );
    std::iter::once(Step::send(raw::head(response.status(), &headers)))
        .chain(events.into_iter().map(Step::chunk))
        .chain([Step::last_chunk()])
        .collect()
}

/// `fixture`'s whole response (status, recorded headers, body) in one write;
/// `connection: close`.
pub fn fixture_response(fixture: &Fixture) -> Script {
    let response = fixture.response();
    let mut headers: Vec<(&str, &str)> = response
        .headers()
        .iter()
        .map(|(name, value)| (name.as_str(), value.as_str()))
        .collect();
    headers.push(("connection", "close"));
    Script::new([Step::send(raw::response(
        response.status(),
        &headers,
        response.body(),
    ))])
}

/// A complete JSON response with this status (`connection: close`).
pub fn json_response(status: u16, body: &str) -> Script {
    Script::new([Step::send(raw::response(
        status,
        &[
            ("content-type", "application/json"),
            ("connection", "close"),
        ],
        body.as_bytes(),
    ))])
}

/// `data: <json>\n\n` as one chunk.
pub fn data(json: &str) -> Step {
    Step::chunk(format!("data: {json}\n\n"))
}

/// `: OPENROUTER PROCESSING\n\n` as one chunk.
pub fn keep_alive() -> Step {
    Step::chunk(": OPENROUTER PROCESSING\n\n")
}

/// A chat chunk with a content delta and an optional finish reason.
pub fn chunk(content: &str, finish: Option<&str>) -> String {
    serde_json::json!({
        "id": "gen-1769532074", "provider": "Liquid", "model": "liquid/lfm-2.5-1.2b-instruct:free",
        "object": "chat.completion.chunk", "created": 1769532074,
        "choices": [{"index": 0, "delta": {"role": "assistant", "content": content},
                     "finish_reason": finish, "native_finish_reason": finish, "logprobs": null}],
        "system_fingerprint": ""
    })
    .to_string()
}

/// The usage chunk in its real shape (non-empty choices, null finish reason).
pub fn usage_chunk() -> String {
    serde_json::json!({
        "id": "gen-1769532074", "provider": "Liquid", "model": "liquid/lfm-2.5-1.2b-instruct:free",
        "object": "chat.completion.chunk", "created": 1769532074,
        "choices": [{"index": 0, "delta": {"role": "assistant", "content": ""}, "finish_reason": null,
                     "native_finish_reason": null, "logprobs": null}],
        "usage": {"prompt_tokens": 15, "completion_tokens": 10, "total_tokens": 25, "cost": 0, "is_byok": false}
    })
    .to_string()
}
