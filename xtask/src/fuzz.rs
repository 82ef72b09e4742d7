//! `cargo xtask fuzz <target>|--all --time N`: runs cargo-fuzz targets for N
//! seconds each. The targets live in their own nightly-only workspaces
//! (excluded from the main one), so this task is the one place that knows
//! how to run them, with which dictionary, and where a crash must go.

use std::path::{Path, PathBuf};
use std::process::Command;

/// A fuzz target: its short name, its cargo-fuzz directory and target, its
/// dictionary, and where its crash regressions live and are replayed.
struct Target {
    name: &'static str,
    dir: &'static str,
    fuzz_target: &'static str,
    dict: &'static str,
    regressions: &'static str,
    replay: &'static str,
}

const TARGETS: &[Target] = &[
    Target {
        name: "sse",
        dir: "crates/openrouter-sse/fuzz",
        fuzz_target: "chunked_vs_whole",
        dict: "fuzz/dict/sse.dict",
        regressions: "crates/openrouter-sse/tests/fuzz-regressions",
        replay: "cargo test -p openrouter-sse",
    },
    Target {
        name: "decode",
        dir: "crates/openrouter-types/fuzz",
        fuzz_target: "decode_roundtrip",
        dict: "fuzz/dict/json.dict",
        regressions: "crates/openrouter-types/fuzz/regressions/decode_roundtrip",
        replay: "cargo test -p openrouter-tests fuzz_corpus",
    },
    Target {
        name: "accumulate",
        dir: "crates/openrouter-types/fuzz",
        fuzz_target: "accumulate",
        dict: "fuzz/dict/json.dict",
        regressions: "crates/openrouter-types/fuzz/regressions/accumulate",
        replay: "cargo test -p openrouter-tests fuzz_corpus",
    },
    Target {
        name: "errors",
        dir: "crates/openrouter-client/fuzz",
        fuzz_target: "error_response",
        dict: "fuzz/dict/http.dict",
        regressions: "crates/openrouter-client/fuzz/regressions/error_response",
        replay: "cargo test -p openrouter-tests fuzz_corpus",
    },
];

const USAGE: &str = "usage: cargo xtask fuzz <target>|--all [--time SECONDS] [-- LIBFUZZER_ARGS...]\n\
                     targets: sse, decode, accumulate, errors (default time: 60 seconds each)";

/// Entry point: `args` are what follows `fuzz` on the command line.
pub fn run(args: &[String]) -> Result<(), String> {
    let (ours, libfuzzer_args) = match args.iter().position(|a| a == "--") {
        Some(i) => (&args[..i], &args[i + 1..]),
        None => (args, &[][..]),
    };
    let mut name = None;
    let mut all = false;
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
            "--all" => all = true,
            "-h" | "--help" => {
                println!("{USAGE}");
                return Ok(());
            }
            other if name.is_none() && !other.starts_with('-') => name = Some(other.to_owned()),
            other => return Err(format!("unexpected argument `{other}`\n{USAGE}")),
        }
    }
    let targets: Vec<&Target> = match (all, name) {
        (true, None) => TARGETS.iter().collect(),
        (true, Some(_)) => return Err(format!("give a target or --all, not both\n{USAGE}")),
        (false, Some(name)) => vec![
            TARGETS
                .iter()
                .find(|t| t.name == name)
                .ok_or_else(|| format!("unknown fuzz target `{name}`\n{USAGE}"))?,
        ],
        (false, None) => return Err(format!("which target?\n{USAGE}")),
    };

    check_cargo_fuzz()?;
    let root = workspace_root();
    // One after the other: each fuzzer takes a whole core, and the machines
    // this runs on are small.
    for target in targets {
        fuzz(&root, target, seconds, libfuzzer_args)?;
    }
    Ok(())
}

fn fuzz(
    root: &Path,
    target: &Target,
    seconds: u64,
    libfuzzer_args: &[String],
) -> Result<(), String> {
    let dir = root.join(target.dir);
    eprintln!(
        "fuzzing {} ({}) for {seconds} s in {}",
        target.name,
        target.fuzz_target,
        dir.display()
    );
    let status = Command::new("cargo")
        .args(["+nightly", "fuzz", "run", "-O", target.fuzz_target, "--"])
        .arg(format!("-max_total_time={seconds}"))
        .arg(format!("-dict={}", root.join(target.dict).display()))
        .arg("-print_final_stats=1")
        .args(libfuzzer_args)
        .current_dir(&dir)
        .status()
        .map_err(|e| format!("could not start cargo +nightly fuzz: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!(
            "the {} fuzzer stopped with {status}: a crash input is in {}/artifacts/{}/; copy it into {} \
             under a name saying what it caught, fix the bug, and `{}` replays it",
            target.name, target.dir, target.fuzz_target, target.regressions, target.replay
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
