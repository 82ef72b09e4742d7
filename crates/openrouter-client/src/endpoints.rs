//! One method per OpenRouter endpoint, grouped by area.

mod account;
pub(crate) mod chat;
mod embeddings;
mod keys;
mod models;
mod raw;
mod responses;
