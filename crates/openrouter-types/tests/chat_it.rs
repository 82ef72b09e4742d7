//! Acceptance tests of the chat half of the crate (requests, completions,
//! stream chunks, errors, the accumulator), in one test binary.

#[path = "chat_it/accumulator.rs"]
mod accumulator;
#[path = "chat_it/contract.rs"]
mod contract;
#[path = "chat_it/errors.rs"]
mod errors;
#[path = "chat_it/fast_decode.rs"]
mod fast_decode;
#[path = "chat_it/injection.rs"]
mod injection;
#[path = "chat_it/push_ref.rs"]
mod push_ref;
#[path = "chat_it/requests.rs"]
mod requests;
#[path = "chat_it/roundtrip.rs"]
mod roundtrip;
#[path = "chat_it/structured.rs"]
mod structured;
#[path = "chat_it/support.rs"]
mod support;
