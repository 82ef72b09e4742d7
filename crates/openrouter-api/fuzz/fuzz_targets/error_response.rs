//! Fuzz target: the client's classification of an HTTP answer (status,
//! `Retry-After`, content type and body bytes) into a response or an
//! [`openrouter_api::Error`], in process through the hidden
//! `openrouter_api::fuzzing` entry point (see `checks/error_response.rs`).
#![no_main]

#[path = "../checks/error_response.rs"]
mod error_response;

libfuzzer_sys::fuzz_target!(|data: &[u8]| error_response::check(data));
