//! A streamed chat completion printed as it arrives, then assembled.
//!
//! `cargo run -p openrouter-api --example stream -- "your prompt"` (add `--offline` to use the
//! bundled mock).

mod support;

use std::io::Write;

use futures::StreamExt;
use openrouter_api::types::chat::{ChatRequest, Message};
use openrouter_api::{Error, StreamEvent};

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let session = support::connect().await?;
    let prompt = session
        .args
        .first()
        .cloned()
        .unwrap_or_else(|| "Count from 1 to 10.".to_owned());
    let request = ChatRequest::new(
        session.model("openrouter/auto"),
        vec![Message::user(prompt)],
    );

    let mut stream = session.client.chat_stream(&request).await?;
    let mut out = std::io::stdout();
    while let Some(event) = stream.next().await {
        match event {
            Ok(StreamEvent::Chunk(chunk)) => {
                write!(out, "{}", chunk.content().unwrap_or_default())?;
                out.flush()?;
            }
            // OpenRouter's `: OPENROUTER PROCESSING` comments: the model is still thinking.
            Ok(StreamEvent::KeepAlive) => eprint!("."),
            Ok(StreamEvent::Done) => {}
            Ok(_) => {} // events added in later versions
            Err(Error::TruncatedStream(e)) => {
                // The connection ended before a finish reason: what arrived is kept.
                eprintln!("\n{e}");
                eprintln!("partial: {:?}", e.partial().and_then(|c| c.text()));
                std::process::exit(1);
            }
            Err(e) => return Err(e.into()),
        }
    }
    println!();
    // The stream kept every chunk's pieces: the whole completion, as a non-streamed call gives.
    let completion = stream.into_completion();
    eprintln!(
        "finish reason {:?}, usage {:?}",
        completion
            .choices
            .first()
            .and_then(|c| c.finish_reason.as_ref()),
        completion.usage
    );
    Ok(())
}
