//! Every class of error the client returns, and what a program should do about each.
//!
//! `cargo run -p openrouter-api --example errors -- --offline` makes the bundled mock fail in
//! each way in turn. Online (with `OPENROUTER_API_KEY`) it provokes the failures it can without
//! spending money: a server that is not there and a wrong key.

mod support;

use std::time::Duration;

use futures::StreamExt;
use openrouter_api::types::chat::{ChatRequest, Message};
use openrouter_api::{Client, Error, RequestOptions};

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let session = support::connect().await?;
    let request = ChatRequest::new(session.model("openrouter/auto"), vec![Message::user("Hi")]);
    // No retries, so each failure shows at once (the default is two, with backoff).
    let once = RequestOptions::new().max_retries(0);

    // A port nothing listens on: the connection is refused before anything is sent.
    let closed_port = std::net::TcpListener::bind("127.0.0.1:0")?
        .local_addr()?
        .port();
    let nowhere = Client::builder()
        .base_url(format!("http://127.0.0.1:{closed_port}/api/v1"))
        .api_key("sk-or-v1-example")
        .max_retries(0)
        .build()?;
    let mut cases: Vec<(&str, Client)> = vec![("a server that is not there", nowhere)];
    if session.offline() {
        for (what, fixture) in [
            ("a key OpenRouter does not know", "chat/error_401"),
            ("no credits left", "chat/error_402"),
            ("a prompt moderation flagged", "chat/error_403_moderation"),
            ("rate-limited", "chat/error_429"),
            ("no provider available", "chat/error_503"),
        ] {
            cases.push((
                what,
                session.answered_by(fixture).with_options(once.clone()),
            ));
        }
    } else {
        let wrong_key = once
            .clone()
            .api_key("sk-or-v1-0000000000000000000000000000000000000000");
        cases.push((
            "a key OpenRouter does not know",
            session.client.with_options(wrong_key),
        ));
    }
    for (what, client) in &cases {
        println!("\n# {what}");
        match client.chat(&request).await {
            Ok(completion) => println!("no error: {}", completion.text().unwrap_or_default()),
            Err(error) => explain(&error),
        }
    }

    // Failures after the answer started arrive on the stream, with what was generated so far.
    let streams: &[(&str, &str)] = if session.offline() {
        &[
            ("the provider failed mid-stream", "chat/stream_error_real"),
            ("the connection ended mid-stream", "chat/stream_truncated"),
        ]
    } else {
        &[]
    };
    for (what, fixture) in streams {
        println!("\n# {what}");
        let client = session.answered_by(fixture).with_options(once.clone());
        let mut stream = client.chat_stream(&request).await?;
        while let Some(event) = stream.next().await {
            if let Err(error) = event {
                explain(&error);
                break;
            }
        }
    }
    Ok(())
}

/// What happened, and what to do: the decisions a program makes on an error.
fn explain(error: &Error) {
    println!("error: {error}");
    match error {
        Error::Api(api) => {
            println!("status {}", api.status());
            if error.is_auth() {
                println!("→ fix the key (https://openrouter.ai/keys); retrying will not help");
            } else if error.is_insufficient_credits() {
                println!("→ add credits or lower max_tokens; retrying will not help");
            } else if error.is_moderated() {
                println!("→ change the prompt; the same one is refused again");
            } else if error.is_rate_limited() {
                let wait = error.retry_after().unwrap_or(Duration::from_secs(10));
                println!("→ wait {wait:?} and retry, or slow down");
            } else if error.is_retryable() {
                println!("→ transient: retry later, or try another model");
            } else {
                println!("→ the request itself is wrong: fix it before sending it again");
            }
            if !error.fallback_models().is_empty() {
                println!("→ OpenRouter suggests: {:?}", error.fallback_models());
            }
        }
        Error::MidStream(e) => {
            let partial = e.partial().and_then(|c| c.text()).unwrap_or_default();
            println!(
                "→ the generation failed after {} characters; retry as a new request",
                partial.len()
            );
        }
        Error::TruncatedStream(e) => {
            let partial = e.partial().and_then(|c| c.text()).unwrap_or_default();
            println!(
                "→ kept {} characters; retry as a new request (billed again)",
                partial.len()
            );
        }
        Error::Timeout(_) => {
            println!("→ raise the timeout, or retry: the server may still be working");
        }
        Error::Transport(_) => println!("→ check the network or OPENROUTER_BASE_URL, then retry"),
        Error::Config(_) => println!("→ fix the configuration; nothing was sent"),
        Error::Decode(_) | Error::LimitExceeded(_) => {
            println!(
                "→ an unexpected answer: report it with the generation id {:?}",
                error.generation_id()
            );
        }
        _ => println!("→ an error kind newer than this example"),
    }
    if error.is_ambiguous() {
        println!("→ it may have run (and been billed): check GET /generation before resending");
    }
}
