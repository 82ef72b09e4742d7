//! One chat request with openrouter-api: the smallest real program, for
//! the build-footprint comparison.

use openrouter_api::Client;
use openrouter_types::chat::{ChatRequest, Message};

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), openrouter_api::Error> {
    let client = Client::from_env()?;
    let request = ChatRequest::new("openai/gpt-4o-mini", vec![Message::user("Say hi")]);
    let completion = client.chat(&request).await?;
    println!("{}", completion.text().unwrap_or_default());
    Ok(())
}
