//! Fuzz target: the stream accumulator fed arbitrary chunk sequences never
//! panics and keeps its invariants (see `checks/accumulate.rs`, which
//! `cargo test` also replays over the corpus).
#![no_main]

#[path = "../checks/accumulate.rs"]
mod accumulate;

libfuzzer_sys::fuzz_target!(|data: &[u8]| accumulate::check(data));
