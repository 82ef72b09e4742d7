//! Provider routing and model fallbacks: which providers may serve the call, in what order, and
//! which models to try when the first cannot answer. The answer says who served it.
//!
//! `cargo run -p openrouter-api --example routing` (add `--offline` to use the bundled mock).

mod support;

use openrouter_api::types::chat::{ChatRequest, Message};
use openrouter_api::types::routing::{DataCollection, ProviderPreferences, ProviderSort};

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let session = support::connect().await?;
    let request = ChatRequest::new(
        session.model("openai/gpt-4o-mini"),
        vec![Message::user("Name three rivers in Portugal.")],
    )
    // When the first model is down, rate-limited or refuses, OpenRouter tries these in order
    // (and bills the one that answers).
    .models(["anthropic/claude-3.5-haiku", "google/gemini-2.0-flash-001"])
    .provider(
        ProviderPreferences::new()
            // Cheapest first, skipping providers that may train on the prompt.
            .sort(ProviderSort::Price)
            .data_collection(DataCollection::Deny)
            // Providers that ignore a parameter of this request are skipped, not used.
            .require_parameters(true)
            .allow_fallbacks(true),
    );
    println!("sent: {}", serde_json::to_string(&request)?);

    let completion = session.client.chat(&request).await?;
    println!("{}", completion.text().unwrap_or_default());
    eprintln!(
        "answered by {} via {}",
        completion.model,
        completion
            .provider
            .as_ref()
            .map_or("an unnamed provider", |p| p.as_str()),
    );
    Ok(())
}
