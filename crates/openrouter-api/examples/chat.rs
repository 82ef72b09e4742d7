//! One chat completion, with its metadata: `cargo run -p openrouter-api --example chat -- "your prompt"`.

use openrouter_api::Client;
use openrouter_api::types::chat::{ChatRequest, Message};

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let client = Client::from_env()?;
    let prompt = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "Say hi in five words.".to_owned());
    let model =
        std::env::var("OPENROUTER_MODEL").unwrap_or_else(|_| "openai/gpt-4o-mini".to_owned());
    let request = ChatRequest::new(model, vec![Message::user(prompt)]);
    match client.chat(&request).await {
        Ok(completion) => {
            println!("{}", completion.text().unwrap_or_default());
            let meta = completion.meta();
            eprintln!(
                "generation {:?}, {} attempt(s), usage {:?}",
                meta.generation_id(),
                meta.attempts(),
                completion.usage
            );
            Ok(())
        }
        Err(error) => {
            eprintln!("error: {error}");
            if let Some(wait) = error.retry_after() {
                eprintln!("the server asked to wait {wait:?}");
            }
            std::process::exit(1);
        }
    }
}
