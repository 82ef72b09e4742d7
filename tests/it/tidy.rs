//! Architecture invariants checked on every `cargo test`.
//!
//! The pure layers must stay pure: `openrouter-sse` may reach only `bytes` and
//! `memchr`, `openrouter-types` only `serde`, `serde_json`, `serde_path_to_error` (the JSON
//! path of a parse error; serde-only) and, behind its `schemars` feature, `schemars`. A stray
//! dependency on tokio or reqwest would make them unusable in sans-IO settings
//! (wasm, embedded, other runtimes), so the graph is checked here rather than
//! trusted to review.

use std::path::Path;
use std::process::Command;

use serde_json::Value;

/// Normal (non-dev, non-build) dependencies each pure crate may have.
const ALLOWLIST: &[(&str, &[&str])] = &[
    ("openrouter-sse", &["bytes", "memchr"]),
    // `bytes`: a chunk's `SharedStr`s share the SSE event's buffer (the same
    // tiny, IO-free crate the SSE layer hands events out in).
    (
        "openrouter-types",
        &[
            "bytes",
            "serde",
            "serde_json",
            "serde_path_to_error",
            "schemars",
        ],
    ),
];

fn workspace_root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("tests/ has a parent")
}

fn metadata() -> Value {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let output = Command::new(cargo)
        .args([
            "metadata",
            "--format-version",
            "1",
            "--no-deps",
            "--offline",
        ])
        .current_dir(workspace_root())
        .output()
        .expect("cargo metadata runs");
    assert!(
        output.status.success(),
        "cargo metadata failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("cargo metadata prints JSON")
}

/// The names of `package`'s normal dependencies, as declared in its manifest.
fn normal_dependencies(metadata: &Value, package: &str) -> Option<Vec<String>> {
    let packages = metadata["packages"].as_array()?;
    let pkg = packages.iter().find(|p| p["name"] == package)?;
    let deps = pkg["dependencies"].as_array()?;
    Some(
        deps.iter()
            .filter(|d| d["kind"].is_null())
            .filter_map(|d| d["name"].as_str().map(str::to_owned))
            .collect(),
    )
}

#[test]
fn pure_crates_depend_only_on_their_allowlist() {
    let metadata = metadata();
    let mut violations = Vec::new();
    for (package, allowed) in ALLOWLIST {
        let Some(deps) = normal_dependencies(&metadata, package) else {
            violations.push(format!("{package}: not found in the workspace"));
            continue;
        };
        for dep in deps {
            if !allowed.contains(&dep.as_str()) {
                violations.push(format!(
                    "{package} depends on `{dep}`; only {allowed:?} are allowed (pure layer: no IO, no heavy crates)"
                ));
            }
        }
    }
    assert!(
        violations.is_empty(),
        "dependency allowlist violated:\n{}",
        violations.join("\n")
    );
}
