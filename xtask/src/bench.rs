//! `cargo xtask bench [--quick]`: runs the SSE benchmarks (openrouter-sse
//! beside its peers, in the separate `bench/` workspace so the peers never
//! enter the main build) and prints the table that goes in BENCHMARKS.md.

use std::path::PathBuf;
use std::process::Command;

const USAGE: &str = "usage: cargo xtask bench [sse] [--quick] [-- CRITERION_ARGS...]\n\
                     --quick: short warm-up and measurement (about a minute; numbers are rough)";

/// Criterion settings for `--quick`.
const QUICK: &[&str] = &[
    "--warm-up-time",
    "0.5",
    "--measurement-time",
    "1",
    "--sample-size",
    "10",
];

/// Entry point: `args` are what follows `bench` on the command line.
pub fn run(args: &[String]) -> Result<(), String> {
    let (ours, criterion_args) = match args.iter().position(|a| a == "--") {
        Some(i) => (&args[..i], &args[i + 1..]),
        None => (args, &[][..]),
    };
    let mut quick = false;
    for arg in ours {
        match arg.as_str() {
            "sse" => {}
            "--quick" => quick = true,
            "-h" | "--help" => {
                println!("{USAGE}");
                return Ok(());
            }
            other => return Err(format!("unexpected argument `{other}`\n{USAGE}")),
        }
    }

    let root = workspace_root();
    let manifest = root.join("bench/Cargo.toml");
    let mut bench = Command::new("cargo");
    bench
        .args(["bench", "--manifest-path"])
        .arg(&manifest)
        .args(["--bench", "sse", "--"]);
    if quick {
        bench.args(QUICK);
    }
    bench.args(criterion_args);
    eprintln!("running {bench:?}");
    let status = bench
        .status()
        .map_err(|e| format!("could not start cargo bench: {e}"))?;
    if !status.success() {
        return Err(format!("cargo bench failed ({status})"));
    }

    let criterion_dir = target_dir(&root).join("criterion");
    let status = Command::new("cargo")
        .args(["run", "--quiet", "--release", "--manifest-path"])
        .arg(&manifest)
        .args(["--bin", "report", "--"])
        .arg(&criterion_dir)
        .status()
        .map_err(|e| format!("could not start the report: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("the report failed ({status})"))
    }
}

/// Where cargo puts the bench workspace's build (and criterion its results).
fn target_dir(root: &std::path::Path) -> PathBuf {
    match std::env::var_os("CARGO_TARGET_DIR") {
        Some(dir) => {
            let dir = PathBuf::from(dir);
            if dir.is_absolute() {
                dir
            } else {
                std::env::current_dir().unwrap_or_default().join(dir)
            }
        }
        None => root.join("bench/target"),
    }
}

fn workspace_root() -> PathBuf {
    let manifest_dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    manifest_dir
        .parent()
        .map(PathBuf::from)
        .unwrap_or(manifest_dir)
}
