//! The OpenRouter API as serde types: requests, responses, stream chunks,
//! errors, models, credits, keys and generations, plus a pure stream
//! accumulator.
//!
//! This crate performs no IO: it has no HTTP client, no async runtime, reads no
//! environment and no clock. Pair it with `openrouter-api` for transport, or
//! with any HTTP stack of your own.
//!
//! # Forward compatibility
//!
//! OpenRouter adds fields and enum values every month. Every response type
//! keeps fields it does not model in an `extra` map, and every open-ended
//! string (finish reasons, roles, providers, modalities…) is an enum with an
//! `Other(String)` variant, so decoding never fails on something new and a
//! decode → encode round trip loses nothing (a `null`-valued key and a
//! missing key count as the same, as OpenRouter documents).
//!
//! # Example
//!
//! ```
//! use openrouter_types::chat::{ChatRequest, Message};
//! use openrouter_types::{ChatCompletion, ErrorResponse, error::is_error_body};
//!
//! let request = ChatRequest::new("openai/gpt-4o", vec![Message::user("Hello!")]).max_tokens(64);
//! let body = serde_json::to_string(&request)?;
//! assert_eq!(body, r#"{"model":"openai/gpt-4o","messages":[{"role":"user","content":"Hello!"}],"max_tokens":64}"#);
//!
//! // An HTTP 200 body can still be an error: check before decoding.
//! let response = br#"{"id":"gen-1","object":"chat.completion","created":1,"model":"openai/gpt-4o",
//!   "choices":[{"index":0,"finish_reason":"stop","message":{"role":"assistant","content":"Hi!"}}]}"#;
//! if is_error_body(response) {
//!     let error: ErrorResponse = serde_json::from_slice(response)?;
//!     panic!("{}", error.error);
//! }
//! let completion: ChatCompletion = serde_json::from_slice(response)?;
//! assert_eq!(completion.text(), Some("Hi!"));
//! # Ok::<(), serde_json::Error>(())
//! ```
//!
//! The [`chat`] module docs show requests with tools, structured output,
//! reasoning and provider routing; [`accumulator`] folds a stream.
//!
//! Dependencies: `serde`, `serde_json` and `serde_path_to_error` (the JSON path of a
//! [`ParseError`]); the `schemars` feature adds `schemars` for strict schemas from Rust types
//! (`ResponseFormat::json_schema_for`, `Tool::for_args`). MSRV 1.88.
#![warn(missing_docs)]

mod id;
mod nullable;
mod open_enum;
mod paging;
mod shared_str;
mod tagged;

// Chat completions and streaming.
pub mod accumulator;
pub mod chat;
pub mod chunk;
pub mod error;
pub mod response;
pub mod routing;
pub mod structured;
pub mod usage;

// Catalogue, account and the other endpoints.
pub mod credits;
pub mod embeddings;
pub mod endpoints;
pub mod generation;
pub mod key;
pub mod keys;
pub mod messages;
pub mod models;
pub mod providers;
pub mod responses;
// Management-key administration: guardrails, workspaces, broadcast, SCIM.
pub mod guardrails;
pub mod management;
pub mod observability;
pub mod scim;
pub mod workspaces;
// Media, reranking and usage analytics.
pub mod audio;
pub mod classifications;
pub mod feedback;
pub mod generation_content;
pub mod images;
pub mod media;
pub mod rerank;
pub mod videos;
// Platform and account: BYOK, activity, analytics, datasets, benchmarks,
// Coinbase (removed), OAuth, files, presets (read side), organization.
pub mod activity;
pub mod analytics;
pub mod benchmarks;
pub mod byok;
pub mod coinbase;
pub mod datasets;
pub mod files;
pub mod oauth;
pub mod organization;
pub mod presets;

pub use accumulator::{StreamAccumulator, StreamOutcome, StreamResult};
pub use chat::{ChatRequest, Message, Tool, ToolCall};
pub use chunk::ChatChunk;
pub use error::{ErrorBody, ErrorResponse};
pub use id::{GenerationId, KeyHash, ModelId};
pub use response::ChatCompletion;
pub use shared_str::SharedStr;
pub use structured::ParseError;
pub use usage::Usage;

// Catalogue, account and the other endpoints.
pub use credits::Credits;
pub use embeddings::{EmbeddingsRequest, EmbeddingsResponse};
pub use endpoints::{Endpoint, EndpointsList};
pub use generation::Generation;
pub use key::KeyInfo;
pub use keys::{ApiKey, CreateKeyRequest, CreateKeyResponse, KeySecret, UpdateKeyRequest};
pub use models::{Data, Model, ModelsList, ModelsQuery, Price};
pub use providers::Provider;
pub use responses::{Response, ResponsesRequest, StreamEvent};

/// The README's example, compiled and run as a doctest so it cannot rot.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;

/// Fields an object carried that this version does not model, kept for the round trip.
pub type Extra = serde_json::Map<String, serde_json::Value>;
