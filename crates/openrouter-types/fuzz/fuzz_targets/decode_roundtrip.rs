//! Fuzz target: every response type decodes arbitrary bytes without
//! panicking, and what decodes survives encode → decode unchanged (see
//! `checks/decode.rs`, which `cargo test` also replays over the corpus).
#![no_main]

#[path = "../checks/decode.rs"]
mod decode;

libfuzzer_sys::fuzz_target!(|data: &[u8]| decode::check(data));
