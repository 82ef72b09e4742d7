//! Replays the fuzz corpus and the crash regressions through the fuzz
//! target's differential check, so the target never rots and every crash
//! found stays fixed, in plain `cargo test` (no nightly needed).

use std::path::Path;

use crate::differential;

fn replay(dir: &Path) -> usize {
    let Ok(entries) = std::fs::read_dir(dir) else {
        panic!("{} is missing", dir.display());
    };
    let mut count = 0;
    for entry in entries {
        let path = entry.expect("directory entry").path();
        if !path.is_file() || path.extension().is_some_and(|ext| ext == "md") {
            continue;
        }
        let data = std::fs::read(&path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()));
        let outcome = std::panic::catch_unwind(|| differential::check(&data));
        assert!(
            outcome.is_ok(),
            "differential check failed on {}",
            path.display()
        );
        count += 1;
    }
    count
}

#[test]
fn fuzz_corpus_replays_cleanly() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/corpus/chunked_vs_whole");
    let count = replay(&dir);
    assert!(
        count >= 100,
        "only {count} corpus files in {}",
        dir.display()
    );
}

#[test]
fn fuzz_regressions_stay_fixed() {
    replay(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz-regressions"));
}
