//! The OpenRouter API as serde types: requests, responses, stream chunks,
//! errors, models, credits, keys and generations, plus a pure stream
//! accumulator.
//!
//! This crate performs no IO: it has no HTTP client, no async runtime, reads no
//! environment and no clock. Pair it with `openrouter-client` for transport, or
//! with any HTTP stack of your own.
//!
//! # Forward compatibility
//!
//! OpenRouter adds fields and enum values every month. Every response type
//! keeps fields it does not model in an `extra` map, and every open-ended
//! string (finish reasons, roles, providers, modalities…) is an enum with an
//! `Other(String)` variant, so decoding never fails on something new and a
//! decode → encode round trip loses nothing.
#![warn(missing_docs)]

mod id;
mod open_enum;

// Chat completions and streaming.
pub mod accumulator;
pub mod chat;
pub mod chunk;
pub mod error;
pub mod response;
pub mod routing;
pub mod usage;

// Catalogue, account and the other endpoints.
pub mod credits;
pub mod embeddings;
pub mod endpoints;
pub mod generation;
pub mod key;
pub mod keys;
pub mod models;
pub mod providers;
pub mod responses;

pub use accumulator::{StreamAccumulator, StreamOutcome, StreamResult};
pub use chat::{ChatRequest, Message, Tool, ToolCall};
pub use chunk::ChatChunk;
pub use error::{ErrorBody, ErrorResponse};
pub use id::{GenerationId, KeyHash, ModelId};
pub use response::ChatCompletion;
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

/// Fields an object carried that this version does not model, kept for the round trip.
pub type Extra = serde_json::Map<String, serde_json::Value>;
