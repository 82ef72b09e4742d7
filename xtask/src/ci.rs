//! `cargo xtask ci`: the same steps as `.ci/run`, so a local pass means a green CI.
//!
//! `.ci/run` is the source of truth; this task runs it so the two cannot drift.

use std::path::PathBuf;
use std::process::Command;

/// Runs `.ci/run` from the workspace root.
pub fn run(args: &[String]) -> Result<(), String> {
    if !args.is_empty() {
        return Err(format!("`ci` takes no arguments, got {args:?}"));
    }
    let root = workspace_root();
    let status = Command::new("bash")
        .arg(root.join(".ci/run"))
        .current_dir(&root)
        .status()
        .map_err(|e| format!("could not start bash .ci/run: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!(".ci/run failed ({status})"))
    }
}

/// The workspace root: xtask lives one level below it.
pub fn workspace_root() -> PathBuf {
    let manifest_dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    manifest_dir
        .parent()
        .map(PathBuf::from)
        .unwrap_or(manifest_dir)
}
