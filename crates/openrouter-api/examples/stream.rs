//! A streamed chat completion printed as it arrives: `cargo run -p openrouter-api --example stream`.

use std::io::Write;

use futures::StreamExt;
use openrouter_api::types::chat::{ChatRequest, Message};
use openrouter_api::{Client, Error, StreamEvent};

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let client = Client::from_env()?;
    let prompt = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "Count from 1 to 10.".to_owned());
    let model =
        std::env::var("OPENROUTER_MODEL").unwrap_or_else(|_| "openai/gpt-4o-mini".to_owned());
    let request = ChatRequest::new(model, vec![Message::user(prompt)]);
    let mut stream = client.chat_stream(&request).await?;
    let mut out = std::io::stdout();
    while let Some(event) = stream.next().await {
        match event {
            Ok(StreamEvent::Chunk(chunk)) => {
                write!(out, "{}", chunk.content().unwrap_or_default())?;
                out.flush()?;
            }
            Ok(StreamEvent::KeepAlive) => eprint!("."),
            Ok(StreamEvent::Done) => eprintln!("\n[done]"),
            Ok(_) => {}
            Err(Error::TruncatedStream(e)) => {
                eprintln!("\n{e}");
                eprintln!("partial: {:?}", e.partial().and_then(|c| c.text()));
                std::process::exit(1);
            }
            Err(e) => {
                eprintln!("\nerror: {e}");
                std::process::exit(1);
            }
        }
    }
    let completion = stream.into_completion();
    eprintln!("usage: {:?}", completion.usage);
    Ok(())
}
