//! Fuzz target: parsing whole, in fuzzer-chosen chunks and byte by byte must
//! agree, never panic, and stay within the memory limits (see
//! `tests/it/differential.rs`, which `cargo test` also runs over the corpus).
#![no_main]

#[path = "../../tests/it/differential.rs"]
mod differential;

libfuzzer_sys::fuzz_target!(|data: &[u8]| differential::check(data));
