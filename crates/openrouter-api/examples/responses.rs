//! The OpenAI Responses API through OpenRouter: one call, its output text and usage.
//!
//! `cargo run -p openrouter-api --example responses -- "your prompt"` (add `--offline` to use
//! the bundled mock).

mod support;

use openrouter_api::types::responses::ResponsesRequest;

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let session = support::connect().await?;
    let prompt = session
        .args
        .first()
        .cloned()
        .unwrap_or_else(|| "Where do offline answers come from?".to_owned());
    let request =
        ResponsesRequest::new(session.model("openai/gpt-5-nano"), prompt).max_output_tokens(256);

    let response = session.client.responses(&request).await?;
    println!("{}", response.text());
    if let Some(usage) = &response.usage {
        eprintln!(
            "{} input + {} output tokens, cost {}",
            usage.input_tokens.unwrap_or_default(),
            usage.output_tokens.unwrap_or_default(),
            usage
                .cost
                .map_or_else(|| "not reported".to_owned(), |c| format!("${c}")),
        );
    }
    Ok(())
}
