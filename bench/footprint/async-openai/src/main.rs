//! One chat request with async-openai pointed at OpenRouter: the smallest
//! real program, for the build-footprint comparison.

use async_openai::Client;
use async_openai::config::OpenAIConfig;
use async_openai::types::chat::{
    ChatCompletionRequestUserMessageArgs, CreateChatCompletionRequestArgs,
};

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let config = OpenAIConfig::new()
        .with_api_base("https://openrouter.ai/api/v1")
        .with_api_key(std::env::var("OPENROUTER_API_KEY")?);
    let client = Client::with_config(config);
    let request = CreateChatCompletionRequestArgs::default()
        .model("openai/gpt-4o-mini")
        .messages(vec![
            ChatCompletionRequestUserMessageArgs::default()
                .content("Say hi")
                .build()?
                .into(),
        ])
        .build()?;
    let response = client.chat().create(request).await?;
    let text = response
        .choices
        .first()
        .and_then(|c| c.message.content.clone());
    println!("{}", text.unwrap_or_default());
    Ok(())
}
