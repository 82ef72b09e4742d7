//! `cargo xtask examples`: runs every example of every workspace crate against the bundled mock
//! (`-- --offline`), so an example that rots fails CI instead of the first user who copies it.
//!
//! Examples are found with `cargo metadata`, so a new one is run without being listed here.
//! Each gets a deadline; one that hangs is killed and reported.

use std::io::Read as _;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::ci::workspace_root;

/// Crates whose examples need no server and take no `--offline` switch.
const WITHOUT_SERVER: &[&str] = &["openrouter-sse"];

/// How long one example may run once built.
const DEADLINE: Duration = Duration::from_secs(120);

/// Builds all examples, then runs each one; fails listing every example that failed.
pub fn run(args: &[String]) -> Result<(), String> {
    if !args.is_empty() {
        return Err(format!("`examples` takes no arguments, got {args:?}"));
    }
    let root = workspace_root();
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let metadata = metadata(&cargo)?;
    let examples = discover(&metadata);
    if examples.is_empty() {
        return Err("cargo metadata lists no examples".into());
    }
    let status = Command::new(&cargo)
        .args(["build", "--workspace", "--examples"])
        .current_dir(&root)
        .status()
        .map_err(|e| format!("could not start cargo build: {e}"))?;
    if !status.success() {
        return Err(format!("building the examples failed ({status})"));
    }
    let target: std::path::PathBuf = metadata["target_directory"]
        .as_str()
        .ok_or("cargo metadata has no target_directory")?
        .into();
    let mut failed = Vec::new();
    for (package, name) in &examples {
        let binary = target.join("debug/examples").join(name);
        let mut command = Command::new(&binary);
        command.current_dir(&root).env_remove("OPENROUTER_API_KEY");
        if !WITHOUT_SERVER.contains(&package.as_str()) {
            command.arg("--offline");
        }
        let started = Instant::now();
        match run_with_deadline(&mut command) {
            Ok(()) => eprintln!(
                "ok   {package} --example {name} ({:.1?})",
                started.elapsed()
            ),
            Err(why) => {
                eprintln!("FAIL {package} --example {name}: {why}");
                failed.push(format!("{package}/{name}"));
            }
        }
    }
    if failed.is_empty() {
        eprintln!("{} examples ran offline", examples.len());
        Ok(())
    } else {
        Err(format!(
            "{} example(s) failed: {}",
            failed.len(),
            failed.join(", ")
        ))
    }
}

/// `(package, example)` for every example target of the workspace's members.
fn discover(metadata: &Value) -> Vec<(String, String)> {
    let mut examples = Vec::new();
    for package in metadata["packages"].as_array().into_iter().flatten() {
        let name = package["name"].as_str().unwrap_or_default();
        for target in package["targets"].as_array().into_iter().flatten() {
            let is_example = target["kind"]
                .as_array()
                .is_some_and(|kinds| kinds.iter().any(|k| k == "example"));
            if is_example {
                let example = target["name"].as_str().unwrap_or_default();
                examples.push((name.to_owned(), example.to_owned()));
            }
        }
    }
    examples.sort();
    examples
}

fn metadata(cargo: &str) -> Result<Value, String> {
    let output = Command::new(cargo)
        .args(["metadata", "--format-version", "1", "--no-deps"])
        .current_dir(workspace_root())
        .output()
        .map_err(|e| format!("could not start cargo metadata: {e}"))?;
    if !output.status.success() {
        return Err(format!(
            "cargo metadata failed: {}",
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    serde_json::from_slice(&output.stdout).map_err(|e| format!("cargo metadata's JSON: {e}"))
}

/// Runs `command` to completion within [`DEADLINE`]; its stdout is discarded, its stderr
/// returned in the error when it fails.
fn run_with_deadline(command: &mut Command) -> Result<(), String> {
    let mut child = command
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("could not start: {e}"))?;
    let mut stderr = child.stderr.take().expect("piped");
    // Read stderr on a thread so a chatty example cannot block on a full pipe.
    let reader = std::thread::spawn(move || {
        let mut text = String::new();
        let _ = stderr.read_to_string(&mut text);
        text
    });
    let started = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if started.elapsed() > DEADLINE => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(format!("still running after {DEADLINE:?}; killed"));
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(50)),
            Err(e) => return Err(format!("could not wait for it: {e}")),
        }
    };
    let stderr = reader.join().unwrap_or_default();
    if status.success() {
        Ok(())
    } else {
        Err(format!("{status}\n{stderr}"))
    }
}
