//! A tool-calling round trip: the model asks for `get_weather`, we run it and send the result
//! back, the model answers.
//!
//! `cargo run -p openrouter-api --example tools` (add `--offline` to use the bundled mock, which
//! plays a recorded two-step weather exchange).

mod support;

use openrouter_api::types::chat::{ChatRequest, Message, Tool};
use serde::Deserialize;
use serde_json::json;

/// The tool's arguments, as its schema below describes them.
#[derive(Debug, Deserialize)]
struct WeatherArgs {
    city: String,
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let session = support::connect().await?;
    let model = session.model("mistralai/mistral-small-3.2-24b-instruct");
    let weather = Tool::function(
        "get_weather",
        "Current weather for a city",
        json!({
            "type": "object",
            "properties": {"city": {"type": "string"}},
            "required": ["city"]
        }),
    );
    let mut messages = vec![Message::user("What is the weather in Lisbon?")];
    let request = ChatRequest::new(model.clone(), messages.clone()).tool(weather.clone());
    let first = session
        .answered_by("chat/agent_weather_step1")
        .chat(&request)
        .await?;
    if first.tool_calls().is_empty() {
        println!("{}", first.text().unwrap_or_default());
        return Ok(());
    }
    // The assistant turn, with its tool calls, stays in the conversation.
    if let Some(message) = first.message() {
        messages.push(Message::from(message.clone()));
    }
    for call in first.tool_calls() {
        // Typed arguments; an omitted or empty arguments string (some providers send one for
        // tools whose parameters are all optional) reads as `{}`.
        let result = match (call.name(), call.parse_arguments::<WeatherArgs>()) {
            ("get_weather", Ok(args)) => {
                json!({"city": args.city, "temperature_c": 21.5, "sky": "clear"})
            }
            // A bad call goes back to the model as the tool's answer, so it can correct itself;
            // the error names the JSON path that failed.
            ("get_weather", Err(e)) => json!({"error": format!("invalid arguments: {e}")}),
            (other, _) => json!({"error": format!("no tool named {other}")}),
        };
        eprintln!("tool {}({}) → {result}", call.name(), call.arguments());
        messages.push(Message::tool(call.id(), result.to_string()));
    }
    let second = session
        .answered_by("chat/agent_weather_step2")
        .chat(&ChatRequest::new(model, messages).tool(weather))
        .await?;
    println!("{}", second.text().unwrap_or_default());
    Ok(())
}
