//! `cargo xtask bench [--quick]`: runs the SSE benchmarks (openrouter-sse
//! beside its peers, in the separate `bench/` workspace so the peers never
//! enter the main build) and prints the table that goes in BENCHMARKS.md.
//! Then the whole-stack benchmark (`bench/src/bin/e2e/main.rs`: our client
//! against async-openai and a Python loop, allocations, concurrency), whose
//! generated section of BENCHMARKS.md it rewrites. Then the build
//! footprint (`bench/footprint/measure.sh`: clean builds of a minimal binary
//! with our client and with async-openai), whose section it rewrites too.
//! Last, the instruction counts under callgrind (`bench/callgrind.rs`: the
//! SSE parsers per byte, the whole client per chunk), a third generated
//! section.

mod batch;
mod callgrind;

use std::path::PathBuf;
use std::process::Command;

use crate::ci::workspace_root;

const USAGE: &str = "usage: cargo xtask bench [sse|e2e|footprint|instructions|batch]... [--quick] [-- CRITERION_ARGS...]\n\
                     sse: the SSE parsers (prints the criterion table)\n\
                     e2e: the whole stack (rewrites `## Whole stack` in BENCHMARKS.md)\n\
                     footprint: clean builds (rewrites `## Build footprint`)\n\
                     instructions: callgrind counts and CPU times (rewrites `## Instruction counts`; needs valgrind)\n\
                     batch: `openrouter batch run` against Python asyncio + openai (rewrites `## Batch runs`;\n\
                     not in the default set: it needs the peer venv and writes ~300 MB of input)\n\
                     (default: all four; footprint takes two clean builds, about 15 minutes on 2 cores;\n\
                     instructions about 2 minutes after the build)\n\
                     --quick: short criterion and e2e runs (numbers are rough; instructions are unaffected)";

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
    let (mut sse, mut e2e, mut footprint, mut instructions) = (false, false, false, false);
    let mut batch = false;
    for arg in ours {
        match arg.as_str() {
            "sse" => sse = true,
            "e2e" => e2e = true,
            "footprint" => footprint = true,
            "instructions" => instructions = true,
            "batch" => batch = true,
            "--quick" => quick = true,
            "-h" | "--help" => {
                println!("{USAGE}");
                return Ok(());
            }
            other => return Err(format!("unexpected argument `{other}`\n{USAGE}")),
        }
    }

    // Asked for by name, a missing valgrind is an error; as part of a plain
    // `cargo xtask bench` it only skips the instruction counts.
    let explicit = instructions;
    if !(sse || e2e || footprint || instructions || batch) {
        (sse, e2e, footprint, instructions) = (true, true, true, true);
    }

    let root = workspace_root();
    let manifest = root.join("bench/Cargo.toml");
    if batch {
        let section = batch::run(&root, &target_dir(&root), quick)?;
        print!("{section}");
        splice_benchmarks(&root, batch::HEADING, &section)?;
    }
    if sse {
        // Printed, not written: BENCHMARKS.md's SSE section is prose around
        // this table, edited by hand.
        run_sse(&root, &manifest, quick, criterion_args)?;
    }
    if e2e {
        let out = target_dir(&root).join("e2e.md");
        let mut run = Command::new("cargo");
        run.args(["run", "--quiet", "--release", "--manifest-path"])
            .arg(&manifest)
            .args(["--bin", "e2e", "--", "run", "--out"])
            .arg(&out);
        if quick {
            run.arg("--quick");
        }
        eprintln!("running {run:?}");
        let status = run
            .status()
            .map_err(|e| format!("could not start the whole-stack benchmark: {e}"))?;
        if !status.success() {
            return Err(format!("the whole-stack benchmark failed ({status})"));
        }
        let section = std::fs::read_to_string(&out)
            .map_err(|e| format!("could not read {}: {e}", out.display()))?;
        splice_benchmarks(&root, "## Whole stack", &section)?;
    }
    if footprint {
        let script = root.join("bench/footprint/measure.sh");
        eprintln!("running {} (two clean builds)", script.display());
        let output = Command::new("bash")
            .arg(&script)
            .stderr(std::process::Stdio::inherit())
            .output()
            .map_err(|e| format!("could not start {}: {e}", script.display()))?;
        if !output.status.success() {
            return Err(format!(
                "the footprint measurement failed ({})",
                output.status
            ));
        }
        let section = String::from_utf8_lossy(&output.stdout);
        print!("{section}");
        splice_benchmarks(&root, "## Build footprint", &section)?;
    }
    if instructions {
        match callgrind::check_valgrind() {
            Ok(valgrind) => {
                let section = callgrind::run(&root, &target_dir(&root), &valgrind)?;
                print!("{section}");
                splice_benchmarks(&root, callgrind::HEADING, &section)?;
            }
            Err(message) if explicit => return Err(message),
            Err(message) => eprintln!("skipping the instruction counts: {message}"),
        }
    }
    Ok(())
}

/// The SSE parser benchmarks; prints the report's Markdown table.
fn run_sse(
    root: &std::path::Path,
    manifest: &std::path::Path,
    quick: bool,
    criterion_args: &[String],
) -> Result<(), String> {
    let mut bench = Command::new("cargo");
    bench
        .args(["bench", "--manifest-path"])
        .arg(manifest)
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

    let criterion_dir = target_dir(root).join("criterion");
    let status = Command::new("cargo")
        .args(["run", "--quiet", "--release", "--manifest-path"])
        .arg(manifest)
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

/// Replaces the section of BENCHMARKS.md that starts with `heading` (up to
/// the next `## ` heading) with `section`, or appends it: the generated
/// section is rewritten and the hand-written ones are kept.
fn splice_benchmarks(root: &std::path::Path, heading: &str, section: &str) -> Result<(), String> {
    let path = root.join("BENCHMARKS.md");
    let doc = std::fs::read_to_string(&path).unwrap_or_else(|_| {
        "# Benchmarks\n\nWritten by `cargo xtask bench` (see `xtask/src/bench.rs`); \
         each section names its machine, date and command.\n\n"
            .to_owned()
    });
    let doc = match doc.find(&format!("\n{heading}")) {
        Some(start) => {
            let start = start + 1;
            let end = doc[start + heading.len()..]
                .find("\n## ")
                .map_or(doc.len(), |i| start + heading.len() + i + 1);
            format!("{}{section}{}", &doc[..start], &doc[end..])
        }
        None => format!("{}\n\n{section}", doc.trim_end()),
    };
    std::fs::write(&path, doc).map_err(|e| format!("could not write {}: {e}", path.display()))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splice_replaces_only_its_own_section() {
        let root = std::env::temp_dir().join(format!("xtask-splice-{}", std::process::id()));
        std::fs::create_dir_all(&root).unwrap();
        let path = root.join("BENCHMARKS.md");
        std::fs::write(
            &path,
            "# Benchmarks\n\n## Instruction counts (callgrind)\n\nold\n\n\
             ## Against the targets\n\nkept\n",
        )
        .unwrap();
        splice_benchmarks(
            &root,
            callgrind::HEADING,
            "## Instruction counts (callgrind)\n\nnew\n\n",
        )
        .unwrap();
        splice_benchmarks(
            &root,
            "## Build footprint",
            "## Build footprint\n\nappended\n",
        )
        .unwrap();
        let doc = std::fs::read_to_string(&path).unwrap();
        std::fs::remove_dir_all(&root).unwrap();
        assert_eq!(
            doc,
            "# Benchmarks\n\n## Instruction counts (callgrind)\n\nnew\n\n\
             ## Against the targets\n\nkept\n\n## Build footprint\n\nappended\n"
        );
    }
}
