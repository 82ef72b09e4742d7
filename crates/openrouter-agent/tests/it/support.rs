//! Shared pieces: clients for local servers, the weather tool of the bundled two-step
//! exchange, and canned completions for wiremock.

use std::sync::OnceLock;

use openrouter_agent::{Agent, FnTool, tool};
use openrouter_api::Client;
use openrouter_testkit::{Fixture, FixtureSet};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

/// A fake key; the mock accepts any inference key.
pub const KEY: &str = "sk-or-v1-agent-tests-not-a-real-key";

/// The model of the bundled two-step exchange (`chat/agent_weather_step1`, `…_step2`).
pub const WEATHER_MODEL: &str = "mockai/weather-agent";

pub fn client(base_url: &str) -> Client {
    Client::builder()
        .api_key(KEY)
        .base_url(base_url)
        .build()
        .expect("client builds")
}

/// A client for a wiremock server (`uri` without the API prefix).
pub fn wiremock_client(server: &wiremock::MockServer) -> Client {
    client(&format!("{}/api/v1", server.uri()))
}

#[derive(Debug, Deserialize, JsonSchema)]
pub struct WeatherArgs {
    /// City name, e.g. Lisbon.
    pub city: String,
}

#[derive(Debug, Serialize)]
pub struct Weather {
    pub city: String,
    pub celsius: f64,
    pub sky: &'static str,
}

/// `get_weather`, answering what the bundled exchange's second step expects.
pub fn weather_tool() -> FnTool {
    tool(
        "get_weather",
        "Current weather for a city",
        |args: WeatherArgs| async move {
            Ok::<_, String>(Weather {
                city: args.city,
                celsius: 21.5,
                sky: "clear",
            })
        },
    )
}

pub fn weather_agent(client: Client) -> Agent {
    Agent::new(client, WEATHER_MODEL).tool(weather_tool())
}

pub fn fixture(name: &str) -> &'static Fixture {
    static SET: OnceLock<FixtureSet> = OnceLock::new();
    SET.get_or_init(FixtureSet::bundled)
        .get(name)
        .unwrap_or_else(|| panic!("no bundled fixture {name}"))
}

/// A completion calling `calls` (`(id, name, arguments)`), with a reported cost.
pub fn tool_calls_completion(calls: &[(&str, &str, &str)]) -> Value {
    let calls: Vec<Value> = calls
        .iter()
        .map(|(id, name, arguments)| {
            json!({"id": id, "type": "function", "function": {"name": name, "arguments": arguments}})
        })
        .collect();
    completion(
        &json!({"role": "assistant", "content": null, "tool_calls": calls}),
        "tool_calls",
    )
}

/// A completion answering `text`, with a reported cost.
pub fn text_completion(text: &str) -> Value {
    completion(&json!({"role": "assistant", "content": text}), "stop")
}

fn completion(message: &Value, finish_reason: &str) -> Value {
    json!({
        "id": "gen-1767800100-Zx8cV7bN6mQ5wE4rT3yU",
        "object": "chat.completion",
        "created": 1767800100,
        "model": "mockai/tools",
        "provider": "OpenAI",
        "choices": [{"index": 0, "finish_reason": finish_reason, "message": message}],
        "usage": {"prompt_tokens": 10, "completion_tokens": 5, "total_tokens": 15, "cost": 0.001}
    })
}

/// The JSON bodies of the chat requests `server` received, in order.
pub async fn chat_bodies(server: &wiremock::MockServer) -> Vec<Value> {
    openrouter_testkit::mount::received_requests(server)
        .await
        .iter()
        .filter_map(|r| r.body_json())
        .collect()
}
