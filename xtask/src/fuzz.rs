//! `cargo xtask fuzz <target>|--all --time N`: runs cargo-fuzz targets for N
//! seconds each. The targets live in their own nightly-only workspaces
//! (excluded from the main one), so this task is the one place that knows
//! how to run them, with which dictionary, and where a crash must go.
//!
//! Every run ends with a summary of executions and coverage per target, and
//! appends the same to `target/fuzz-runs.tsv`, so the executions of many
//! sessions can be added up.

use std::fmt::Write as _;
use std::io::{BufRead, BufReader, Write as _};
use std::path::Path;
use std::process::{Command, Stdio};

use crate::ci::workspace_root;

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
        dir: "crates/openrouter-api/fuzz",
        fuzz_target: "error_response",
        dict: "fuzz/dict/http.dict",
        regressions: "crates/openrouter-api/fuzz/regressions/error_response",
        replay: "cargo test -p openrouter-tests fuzz_corpus",
    },
];

const USAGE: &str = "usage: cargo xtask fuzz <target>|--all [--time SECONDS] [--sanitizer NAME] [-- LIBFUZZER_ARGS...]\n\
                     targets: sse, decode, accumulate, errors (default time: 60 seconds each)\n\
                     --sanitizer: none (default: the code under test is safe Rust, and\n\
                     AddressSanitizer would cost two thirds of the executions), address, memory, thread\n\
                     after `--`: libFuzzer flags, e.g. `-- -fork=2` to use two cores";

/// Entry point: `args` are what follows `fuzz` on the command line.
pub fn run(args: &[String]) -> Result<(), String> {
    let (ours, libfuzzer_args) = match args.iter().position(|a| a == "--") {
        Some(i) => (&args[..i], &args[i + 1..]),
        None => (args, &[][..]),
    };
    let mut name = None;
    let mut all = false;
    let mut seconds: u64 = 60;
    let mut sanitizer = "none".to_owned();
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
            "--sanitizer" | "-s" => {
                sanitizer = iter
                    .next()
                    .ok_or_else(|| format!("--sanitizer needs a name\n{USAGE}"))?
                    .clone();
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
    let mut runs = Vec::new();
    let mut failure = None;
    for target in targets {
        match fuzz(&root, target, seconds, &sanitizer, libfuzzer_args) {
            Ok((stats, crash)) => {
                runs.push((target.name, stats));
                if crash.is_some() {
                    failure = crash;
                    break;
                }
            }
            Err(e) => {
                failure = Some(e);
                break;
            }
        }
    }
    report(&root, &runs, seconds, &sanitizer);
    failure.map_or(Ok(()), Err)
}

/// What libFuzzer said about one run.
#[derive(Debug, Default)]
struct Stats {
    executions: u64,
    coverage: u64,
    features: u64,
    corpus: u64,
}

impl Stats {
    /// Folds one line of libFuzzer output in: the status lines
    /// (`#1234 NEW cov: 10 ft: 20 corp: 5/1Kb ...`, also in fork mode) and the
    /// final `stat::number_of_executed_units`.
    fn observe(&mut self, line: &str) {
        if let Some(n) = line.strip_prefix("stat::number_of_executed_units:") {
            if let Ok(n) = n.trim().parse() {
                self.executions = n;
            }
            return;
        }
        let Some(rest) = line.strip_prefix('#') else {
            return;
        };
        let mut words = rest.split_whitespace();
        if let Some(n) = words
            .next()
            .and_then(|w| w.trim_end_matches(':').parse().ok())
        {
            self.executions = self.executions.max(n);
        }
        while let Some(word) = words.next() {
            let slot = match word {
                "cov:" => &mut self.coverage,
                "ft:" => &mut self.features,
                "corp:" => &mut self.corpus,
                _ => continue,
            };
            if let Some(n) = words
                .next()
                .and_then(|w| w.split('/').next())
                .and_then(|w| w.parse().ok())
            {
                *slot = n;
            }
        }
    }
}

/// Prints the summary table and appends it to `target/fuzz-runs.tsv`.
fn report(root: &Path, runs: &[(&str, Stats)], seconds: u64, sanitizer: &str) {
    if runs.is_empty() {
        return;
    }
    let mut table =
        String::from("\ntarget       executions   coverage (edges)   features   corpus\n");
    for (name, stats) in runs {
        let _ = writeln!(
            table,
            "{name:<12} {:>10}   {:>16}   {:>8}   {:>6}",
            stats.executions, stats.coverage, stats.features, stats.corpus
        );
    }
    let total: u64 = runs.iter().map(|(_, s)| s.executions).sum();
    let _ = writeln!(table, "{:<12} {total:>10}", "total");
    eprint!("{table}");

    let log = root.join("target").join("fuzz-runs.tsv");
    let _ = std::fs::create_dir_all(root.join("target"));
    let fresh = !log.exists();
    let Ok(mut file) = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(&log)
    else {
        return;
    };
    let stamp = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let mut rows = String::new();
    if fresh {
        rows.push_str(
            "unix_time\ttarget\tseconds\tsanitizer\texecutions\tcoverage\tfeatures\tcorpus\n",
        );
    }
    for (name, stats) in runs {
        let _ = writeln!(
            rows,
            "{stamp}\t{name}\t{seconds}\t{sanitizer}\t{}\t{}\t{}\t{}",
            stats.executions, stats.coverage, stats.features, stats.corpus
        );
    }
    let _ = file.write_all(rows.as_bytes());
    eprintln!("(appended to {})", log.display());
}

fn fuzz(
    root: &Path,
    target: &Target,
    seconds: u64,
    sanitizer: &str,
    libfuzzer_args: &[String],
) -> Result<(Stats, Option<String>), String> {
    let dir = root.join(target.dir);
    eprintln!(
        "fuzzing {} ({}) for {seconds} s in {}",
        target.name,
        target.fuzz_target,
        dir.display()
    );
    let mut child = Command::new("cargo")
        .args(["+nightly", "fuzz", "run", "-O", "--sanitizer", sanitizer])
        .args([target.fuzz_target, "--"])
        .arg(format!("-max_total_time={seconds}"))
        .arg(format!("-dict={}", root.join(target.dict).display()))
        .arg("-print_final_stats=1")
        .args(libfuzzer_args)
        .current_dir(&dir)
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("could not start cargo +nightly fuzz: {e}"))?;
    // libFuzzer reports on stderr: pass it through and keep the figures.
    let mut stats = Stats::default();
    if let Some(stderr) = child.stderr.take() {
        let mut out = std::io::stderr();
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            stats.observe(&line);
            let _ = writeln!(out, "{line}");
        }
    }
    let status = child
        .wait()
        .map_err(|e| format!("cargo +nightly fuzz did not finish: {e}"))?;
    let failure = (!status.success()).then(|| {
        format!(
            "the {} fuzzer stopped with {status}: a crash input is in {}/artifacts/{}/; copy it into {} \
             under a name saying what it caught, fix the bug, and `{}` replays it",
            target.name, target.dir, target.fuzz_target, target.regressions, target.replay
        )
    });
    // A run that found a crash still counts its executions.
    Ok((stats, failure))
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

#[cfg(test)]
mod tests {
    use super::Stats;

    #[test]
    fn stats_follow_libfuzzer_status_lines() {
        let mut stats = Stats::default();
        for line in [
            "INFO: Seed: 1234",
            "#2\tINITED cov: 10 ft: 12 corp: 3/40b exec/s: 0 rss: 30Mb",
            "#4096\tpulse  cov: 812 ft: 2301 corp: 301/12Kb lim: 40 exec/s: 2048 rss: 60Mb",
            "#5000\tNEW    cov: 815 ft: 2310 corp: 302/12Kb lim: 40 exec/s: 2500 rss: 60Mb L: 7/40 MS: 1 ChangeBit-",
            "stat::number_of_executed_units: 5123",
        ] {
            stats.observe(line);
        }
        assert_eq!(
            (
                stats.executions,
                stats.coverage,
                stats.features,
                stats.corpus
            ),
            (5123, 815, 2310, 302)
        );
    }

    #[test]
    fn fork_mode_lines_count_too() {
        let mut stats = Stats::default();
        stats.observe("#120345: cov: 900 ft: 3000 corp: 400 exec/s: 9000 oom/timeout/crash: 0/0/0 time: 13s job: 4 dft_time: 0");
        assert_eq!(
            (stats.executions, stats.coverage, stats.corpus),
            (120_345, 900, 400)
        );
    }
}
