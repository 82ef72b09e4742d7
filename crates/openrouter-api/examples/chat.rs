//! One chat completion, with its metadata.
//!
//! `cargo run -p openrouter-api --example chat -- "your prompt"` (add `--offline` to use the
//! bundled mock instead of `OPENROUTER_API_KEY`).

mod support;

use openrouter_api::types::chat::{ChatRequest, Message};

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let session = support::connect().await?;
    let prompt = session
        .args
        .first()
        .cloned()
        .unwrap_or_else(|| "Say hi in five words.".to_owned());
    let request = ChatRequest::new(
        session.model("openrouter/auto"),
        vec![Message::user(prompt)],
    );

    let completion = session.client.chat(&request).await?;
    println!("{}", completion.text().unwrap_or_default());

    // Every result carries what OpenRouter said about the call.
    let meta = completion.meta();
    eprintln!(
        "model {} via {}, generation {}, {} attempt(s)",
        completion.model,
        completion.provider.as_ref().map_or("?", |p| p.as_str()),
        meta.generation_id().unwrap_or("?"),
        meta.attempts(),
    );
    if let Some(usage) = &completion.usage {
        eprintln!(
            "{} prompt + {} completion tokens, cost {}",
            usage.prompt_tokens.unwrap_or_default(),
            usage.completion_tokens.unwrap_or_default(),
            usage
                .cost
                .map_or_else(|| "not reported".to_owned(), |c| format!("${c}")),
        );
    }
    Ok(())
}
