//! A tool-calling round trip: the model asks for `get_weather`, we answer,
//! the model replies. `cargo run -p openrouter-api --example tools`.

use openrouter_api::Client;
use openrouter_api::types::chat::{ChatRequest, Message, Tool};
use serde_json::json;

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let client = Client::from_env()?;
    let model =
        std::env::var("OPENROUTER_MODEL").unwrap_or_else(|_| "openai/gpt-4o-mini".to_owned());
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
    let first = client.chat(&request).await?;
    let calls = first.tool_calls().to_vec();
    if calls.is_empty() {
        println!("{}", first.text().unwrap_or_default());
        return Ok(());
    }
    // Keep the assistant turn (with its tool calls) in the conversation.
    if let Some(message) = first.message() {
        messages.push(Message::from(message.clone()));
    }
    for call in &calls {
        let arguments: serde_json::Value =
            serde_json::from_str(call.function.arguments.as_deref().unwrap_or("{}"))?;
        eprintln!("model called {}({arguments})", call.function.name);
        let result = json!({"city": arguments["city"], "temperature_c": 21, "sky": "clear"});
        messages.push(Message::tool(
            call.id.clone().unwrap_or_default(),
            result.to_string(),
        ));
    }
    let second = client
        .chat(&ChatRequest::new(model, messages).tool(weather))
        .await?;
    println!("{}", second.text().unwrap_or_default());
    Ok(())
}
