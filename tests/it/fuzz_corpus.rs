//! Replays the seed corpora and crash regressions of the fuzz targets in
//! `crates/openrouter-types/fuzz` and `crates/openrouter-api/fuzz`
//! through the same checks the fuzzers run, so plain `cargo test` keeps the
//! targets honest and every crash once found stays fixed. (The SSE parser's
//! target is replayed by `openrouter-sse`'s own tests.)

use std::path::{Path, PathBuf};

#[path = "../../crates/openrouter-types/fuzz/checks/accumulate.rs"]
mod accumulate;
#[path = "../../crates/openrouter-types/fuzz/checks/decode.rs"]
mod decode;
#[path = "../../crates/openrouter-api/fuzz/checks/error_response.rs"]
mod error_response;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// Runs `check` over the committed seeds and regressions of `target`.
fn replay(fuzz_dir: &str, target: &str, min_seeds: usize, check: fn(&[u8])) {
    let fuzz = root().join(fuzz_dir);
    let mut seeds = 0;
    for dir in [
        fuzz.join("corpus").join(target),
        fuzz.join("regressions").join(target),
    ] {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "md") {
                continue;
            }
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            let data = std::fs::read(&path).unwrap();
            if name.starts_with("seed-") {
                seeds += 1;
            }
            let outcome = std::panic::catch_unwind(|| check(&data));
            assert!(
                outcome.is_ok(),
                "{target}: {} fails its check",
                path.display()
            );
        }
    }
    assert!(
        seeds >= min_seeds,
        "{target}: only {seeds} seeds under {}",
        fuzz.display()
    );
}

#[test]
fn decode_roundtrip_corpus_replays_cleanly() {
    replay(
        "crates/openrouter-types/fuzz",
        "decode_roundtrip",
        500,
        decode::check,
    );
    assert_eq!(decode::TYPES.len(), 17, "seed-corpus.py's TYPES must match");
}

#[test]
fn accumulate_corpus_replays_cleanly() {
    replay(
        "crates/openrouter-types/fuzz",
        "accumulate",
        20,
        accumulate::check,
    );
}

#[test]
fn error_response_corpus_replays_cleanly() {
    replay(
        "crates/openrouter-api/fuzz",
        "error_response",
        40,
        error_response::check,
    );
}
