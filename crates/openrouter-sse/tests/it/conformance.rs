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
