//! `cargo xtask fuzz <target> --time N`: runs a cargo-fuzz target for N
//! seconds. The targets live in their own nightly-only workspaces (excluded
//! from the main one), so this task is the one place that knows how to run them.

use std::path::PathBuf;
use std::process::Command;

/// A fuzzable crate: its short name, its cargo-fuzz directory and target.
struct Target {
    name: &'static str,
    dir: &'static str,
    fuzz_target: &'static str,
    regressions: &'static str,
}

const TARGETS: &[Target] = &[Target {
    name: "sse",
    dir: "crates/openrouter-sse/fuzz",
    fuzz_target: "chunked_vs_whole",
    regressions: "crates/openrouter-sse/tests/fuzz-regressions",
}];

const USAGE: &str = "usage: cargo xtask fuzz <target> [--time SECONDS] [-- LIBFUZZER_ARGS...]\n\
                     targets: sse (default time: 60 seconds)";

/// Entry point: `args` are what follows `fuzz` on the command line.
pub fn run(args: &[String]) -> Result<(), String> {
    let (ours, libfuzzer_args) = match args.iter().position(|a| a == "--") {
        Some(i) => (&args[..i], &args[i + 1..]),
        None => (args, &[][..]),
    };
    let mut name = None;
    let mut seconds: u64 = 60;
    let mut iter = ours.iter();
    while let Some(arg) = iter.next() {
        match arg.as_str() {
            "--time" => {
                let value = iter
                    .next()
                    .ok_or_else(|| format!("--time needs a number of seconds\n{USAGE}"))?;
                seconds = value
                    .parse()
                    .map_err(|_| format!("--time expects whole seconds, got `{value}`\n{USAGE}"))?;
            }
            "-h" | "--help" => {
                println!("{USAGE}");
                return Ok(());
            }
            other if name.is_none() && !other.starts_with('-') => name = Some(other.to_owned()),
            other => return Err(format!("unexpected argument `{other}`\n{USAGE}")),
        }
    }
    let name = name.ok_or_else(|| format!("which target?\n{USAGE}"))?;
    let target = TARGETS
        .iter()
        .find(|t| t.name == name)
        .ok_or_else(|| format!("unknown fuzz target `{name}`\n{USAGE}"))?;

    check_cargo_fuzz()?;
    let root = workspace_root();
    let dir = root.join(target.dir);
    eprintln!(
        "fuzzing {} ({}) for {seconds} s in {}",
        target.name,
        target.fuzz_target,
        dir.display()
    );
    let status = Command::new("cargo")
        .args(["+nightly", "fuzz", "run", target.fuzz_target, "--"])
        .arg(format!("-max_total_time={seconds}"))
        .args(libfuzzer_args)
        .current_dir(&dir)
        .status()
        .map_err(|e| format!("could not start cargo +nightly fuzz: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!(
            "the fuzzer stopped with {status}: a crash input is in {}/artifacts/{}/; copy it into {} \
             under a name saying what it caught, fix the bug, and `cargo test -p openrouter-sse` replays it",
            target.dir, target.fuzz_target, target.regressions
        ))
    }
}

fn check_cargo_fuzz() -> Result<(), String> {
    let nightly = Command::new("cargo")
        .args(["+nightly", "--version"])
        .output();
    if !nightly.is_ok_and(|o| o.status.success()) {
        return Err(
            "fuzzing needs the nightly toolchain: run `rustup toolchain install nightly`"
                .to_owned(),
        );
    }
    let fuzz = Command::new("cargo")
        .args(["+nightly", "fuzz", "--version"])
        .output();
    if !fuzz.is_ok_and(|o| o.status.success()) {
        return Err("cargo-fuzz is not installed: run `cargo install cargo-fuzz` (a few minutes), then retry".to_owned());
    }
    Ok(())
}

fn workspace_root() -> PathBuf {
    let manifest_dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    manifest_dir
        .parent()
        .map(PathBuf::from)
        .unwrap_or(manifest_dir)
}
