//! The Rust peers: our client and async-openai, each reading one stream into
//! a final completion, or many streams at once.

use std::time::Instant;

use futures::StreamExt;

use crate::alloc::Snapshot;

/// What one stream produced, and what reading it cost in this process.
#[derive(Debug, Default)]
pub struct Outcome {
    pub chunks: u64,
    pub content: String,
    pub completion_tokens: u64,
    pub allocs: Snapshot,
    pub wall_s: f64,
}

/// The Rust peers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Peer {
    Ours,
    AsyncOpenAi,
}

impl Peer {
    pub fn parse(text: &str) -> Result<Self, String> {
        match text {
            "ours" => Ok(Self::Ours),
            "async-openai" => Ok(Self::AsyncOpenAi),
            other => Err(format!("unknown peer `{other}` (ours|async-openai)")),
        }
    }
}

/// A client of either kind, built once per base URL and shared by streams.
#[derive(Clone)]
pub enum AnyClient {
    Ours(openrouter_api::Client),
    AsyncOpenAi(async_openai::Client<async_openai::config::OpenAIConfig>),
}

impl AnyClient {
    pub fn new(peer: Peer, base_url: &str) -> Result<Self, String> {
        Ok(match peer {
            Peer::Ours => Self::Ours(
                openrouter_api::Client::builder()
                    .base_url(base_url)
                    .api_key("sk-or-v1-bench")
                    .build()
                    .map_err(|e| format!("our client: {e}"))?,
            ),
            Peer::AsyncOpenAi => {
                let config = async_openai::config::OpenAIConfig::new()
                    .with_api_base(base_url)
                    .with_api_key("sk-or-v1-bench");
                Self::AsyncOpenAi(async_openai::Client::with_config(config))
            }
        })
    }

    /// Streams one completion to its end, counting this process's
    /// allocations from the request to the assembled result.
    pub async fn stream_one(&self) -> Result<Outcome, String> {
        let before = Snapshot::now();
        let start = Instant::now();
        let mut outcome = match self {
            Self::Ours(client) => ours(client).await?,
            Self::AsyncOpenAi(client) => async_openai_stream(client).await?,
        };
        outcome.wall_s = start.elapsed().as_secs_f64();
        outcome.allocs = before.since();
        Ok(outcome)
    }
}

const PROMPT: &str = "Write a very long story about a streaming client.";

async fn ours(client: &openrouter_api::Client) -> Result<Outcome, String> {
    use openrouter_api::StreamEvent;
    use openrouter_types::chat::{ChatRequest, Message};

    let request = ChatRequest::new("openai/gpt-4o", vec![Message::user(PROMPT)]);
    let mut stream = client
        .chat_stream(&request)
        .await
        .map_err(|e| format!("ours: {e}"))?;
    let mut chunks = 0;
    while let Some(event) = stream.next().await {
        if let StreamEvent::Chunk(_) = event.map_err(|e| format!("ours: {e}"))? {
            chunks += 1;
        }
    }
    if !stream.is_done() {
        return Err("ours: the stream ended without Done".into());
    }
    let completion = stream.into_completion();
    Ok(Outcome {
        chunks,
        content: completion.text().unwrap_or_default().to_owned(),
        completion_tokens: completion
            .usage
            .as_ref()
            .and_then(|u| u.completion_tokens)
            .unwrap_or_default(),
        ..Outcome::default()
    })
}

/// What an async-openai user writes to get the completion: it has no
/// accumulator, so the content is appended and the usage kept by hand.
async fn async_openai_stream(
    client: &async_openai::Client<async_openai::config::OpenAIConfig>,
) -> Result<Outcome, String> {
    use async_openai::types::chat::{
        ChatCompletionRequestUserMessageArgs, CreateChatCompletionRequestArgs,
    };

    let message = ChatCompletionRequestUserMessageArgs::default()
        .content(PROMPT)
        .build()
        .map_err(|e| e.to_string())?;
    let request = CreateChatCompletionRequestArgs::default()
        .model("openai/gpt-4o")
        .messages(vec![message.into()])
        .build()
        .map_err(|e| e.to_string())?;
    let mut stream = client
        .chat()
        .create_stream(request)
        .await
        .map_err(|e| format!("async-openai: {e}"))?;
    let mut outcome = Outcome::default();
    let mut finished = false;
    while let Some(chunk) = stream.next().await {
        let chunk = chunk.map_err(|e| format!("async-openai: {e}"))?;
        outcome.chunks += 1;
        for choice in chunk.choices {
            if let Some(text) = choice.delta.content {
                outcome.content.push_str(&text);
            }
            finished |= choice.finish_reason.is_some();
        }
        if let Some(usage) = chunk.usage {
            outcome.completion_tokens = usage.completion_tokens.into();
        }
    }
    if !finished {
        return Err("async-openai: no finish_reason".into());
    }
    Ok(outcome)
}
