//! Data-driven conformance: every case file under `fixtures/sse/` and the
//! public suites in `../shared/sse-conformance/`, each fed whole, in its given
//! chunking, and one byte at a time. Adding a case file needs no code change.

use crate::cases::{self, Case};

fn run_all(cases: &[Case]) {
    let failures: Vec<String> = cases.iter().flat_map(cases::check).collect();
    assert!(
        failures.is_empty(),
        "{} failure(s):\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn own_case_files() {
    let dir = cases::workspace_root().join("fixtures/sse");
    let files = cases::json_files(&dir);
    assert!(!files.is_empty(), "no case files under {}", dir.display());
    let cases: Vec<Case> = files.iter().flat_map(|f| cases::load(f)).collect();
    assert!(
        cases.len() >= 40,
        "only {} cases under {}",
        cases.len(),
        dir.display()
    );
    run_all(&cases);
}

#[test]
fn public_suites() {
    let file = cases::workspace_root().join("../shared/sse-conformance/public-suites.json");
    if !file.parent().is_some_and(|dir| dir.exists()) {
        println!(
            "notice: {} is absent; skipping the public SSE suites",
            file.display()
        );
        return;
    }
    let cases = cases::load(&file);
    assert_eq!(cases.len(), 64, "public-suites.json changed size");
    run_all(&cases);
}

/// Real OpenRouter streams recorded in `../shared/captures/*.sse`: the same
/// frames whole, in network-sized chunks and byte by byte; a clean end; no
/// errors.
#[test]
fn shared_captures_parse_identically_in_any_chunking() {
    let dir = cases::workspace_root().join("../shared/captures");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        println!(
            "notice: {} is absent; skipping the recorded streams",
            dir.display()
        );
        return;
    };
    let mut files: Vec<_> = entries
        .map(|e| e.expect("directory entry").path())
        .filter(|p| p.extension().is_some_and(|ext| ext == "sse"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no .sse files in {}", dir.display());
    for file in files {
        let input = std::fs::read(&file).expect("readable capture");
        let (whole, clean) = cases::run([&input[..]], cases::Feed::Shared);
        assert!(clean, "{} did not end cleanly", file.display());
        assert!(
            whole.iter().any(|f| f["type"] == "event"),
            "{}: no events",
            file.display()
        );
        assert!(
            whole.iter().all(|f| f["type"] != "error"),
            "{}: {whole:?}",
            file.display()
        );
        for size in [1, 7, 1460] {
            let (chunked, clean) = cases::run(input.chunks(size), cases::Feed::Borrowed);
            assert!(
                chunked == whole && clean,
                "{}: {size}-byte chunks differ",
                file.display()
            );
        }
    }
}
