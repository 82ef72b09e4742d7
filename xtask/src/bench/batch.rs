//! `cargo xtask bench batch`: `openrouter batch run` against what users write today (Python
//! asyncio, the official `openai` SDK, a semaphore) over the same 10,000-line file and mock
//! server, then the peak RSS of dry runs; `bench/batch/run.py` measures each client with
//! wait4(2) and prints the BENCHMARKS.md section.

use std::path::Path;
use std::process::Command;

use crate::peer::{run_step, venv_python};

/// The section of BENCHMARKS.md this task rewrites.
pub const HEADING: &str = "## Batch runs";

/// Builds the release binaries, sets up the peer venv, runs the driver; returns the section.
pub fn run(root: &Path, target: &Path, quick: bool) -> Result<String, String> {
    eprintln!("bench batch: building openrouter and openrouter-mock (release)");
    run_step(
        Command::new("cargo")
            .args([
                "build",
                "--quiet",
                "--release",
                "-p",
                "openrouter-cli",
                "--bin",
                "openrouter",
                "-p",
                "openrouter-testkit",
                "--bin",
                "openrouter-mock",
            ])
            .current_dir(root),
        "cargo build --release",
    )?;
    let python = venv_python(root, "python3")?;
    let release = target.join("release");
    let work = target.join("bench-batch");
    let mut driver = Command::new(&python);
    driver
        .arg(root.join("bench/batch/run.py"))
        .arg("--openrouter")
        .arg(release.join("openrouter"))
        .arg("--mock")
        .arg(release.join("openrouter-mock"))
        .arg("--python")
        .arg(&python)
        .arg("--workdir")
        .arg(&work);
    if quick {
        driver.args(["--lines", "2000", "--dry-lines", "100000"]);
    }
    eprintln!("running {driver:?}");
    let output = driver
        .stderr(std::process::Stdio::inherit())
        .output()
        .map_err(|e| format!("could not start bench/batch/run.py: {e}"))?;
    if !output.status.success() {
        return Err(format!("the batch benchmark failed ({})", output.status));
    }
    let _ = std::fs::remove_dir_all(&work);
    Ok(String::from_utf8_lossy(&output.stdout).into_owned())
}
