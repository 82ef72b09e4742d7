//! Shared helpers: request lines, clients pointed at local servers.

use std::time::Duration;

use openrouter_api::{Client, RetryPolicy};
use openrouter_batches::{BatchRequest, Endpoint};
use serde_json::value::RawValue;

pub const KEY: &str = "sk-or-v1-batchtest0123456789abcdef0123456789abcdef0123456789abcdef";

/// A client for `base` (an origin; `/api/v1` is appended) that retries fast.
pub fn client(base: &str) -> Client {
    Client::builder()
        .api_key(KEY)
        .base_url(format!("{base}/api/v1"))
        .retry_policy(
            RetryPolicy::default()
                .initial_backoff(Duration::from_millis(1))
                .max_backoff(Duration::from_millis(5)),
        )
        .build()
        .expect("client builds")
}

/// A chat request with id `id`.
pub fn chat(id: &str) -> BatchRequest {
    let body = RawValue::from_string(format!(
        r#"{{"model":"openai/gpt-4o-mini","messages":[{{"role":"user","content":"{id}"}}]}}"#
    ))
    .expect("json");
    BatchRequest::new(id, Endpoint::ChatCompletions, body)
}

/// A chat answer costing `cost`.
pub fn answer(cost: f64) -> serde_json::Value {
    serde_json::json!({
        "id": "gen-1", "object": "chat.completion", "created": 1, "model": "openai/gpt-4o-mini",
        "choices": [{"index": 0, "finish_reason": "stop", "message": {"role": "assistant", "content": "ok"}}],
        "usage": {"prompt_tokens": 3, "completion_tokens": 1, "total_tokens": 4, "cost": cost}
    })
}

/// A batch input line for `id`.
pub fn line(id: &str) -> String {
    format!(
        r#"{{"custom_id":"{id}","method":"POST","url":"/v1/chat/completions","body":{{"model":"m","messages":[]}}}}"#
    )
}
