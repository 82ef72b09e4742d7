//! Project automation (`cargo xtask`): what CI runs, fuzzing, benchmarks, fixtures and the spec check.
//!
//! Kept dependency-light on purpose (matklad's cargo-xtask): tasks shell out to
//! `cargo`, so `cargo xtask` builds in seconds on a fresh machine.

mod bench;
mod ci;
mod examples;
mod fixtures;
mod fuzz;
mod peer;
mod publish;
mod spec;

use std::process::ExitCode;

/// A task: its name, a one-line summary, and its entry point.
struct Task {
    name: &'static str,
    usage: &'static str,
    run: fn(&[String]) -> Result<(), String>,
}

const TASKS: &[Task] = &[
    Task {
        name: "ci",
        usage: "ci                      run exactly what .ci/run runs (fmt, clippy, tests, docs, corpus, peer)",
        run: ci::run,
    },
    Task {
        name: "fixtures",
        usage: "fixtures check|record   validate every fixture / re-record them from the live API (needs OPENROUTER_API_KEY)",
        run: fixtures::run,
    },
    Task {
        name: "corpus",
        usage: "corpus DIR              run the fixture checks over a folder of raw captures (e.g. ../shared/captures)",
        run: fixtures::corpus,
    },
    Task {
        name: "fuzz",
        usage: "fuzz <target>|--all --time N  fuzz sse, decode, accumulate or errors for N seconds (cargo-fuzz, nightly)",
        run: fuzz::run,
    },
    Task {
        name: "bench",
        usage: "bench [sse|e2e|footprint|instructions|batch] [--quick]  run the benchmarks against peers and rewrite BENCHMARKS.md",
        run: bench::run,
    },
    Task {
        name: "peer",
        usage: "peer [--python-only|--rust-only]  the `openai` Python package (venv under target/) and async-openai (bench/) against our mock server",
        run: peer::run,
    },
    Task {
        name: "spec",
        usage: "spec [PATH] [--drift] [--allow-missing]  every operation of the OpenAPI spec (default ../shared/openrouter-openapi.yaml) against the client's declarations",
        run: spec::run,
    },
    Task {
        name: "examples",
        usage: "examples                run every example of every crate against the bundled mock (-- --offline)",
        run: examples::run,
    },
    Task {
        name: "publish-check",
        usage: "publish-check [--allow-dirty] [--require-network]  `cargo publish --dry-run` for every publishable crate (skipped when crates.io is unreachable)",
        run: publish::run,
    },
];

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(name) = args.first() else {
        print_tasks();
        return ExitCode::SUCCESS;
    };
    let Some(task) = TASKS.iter().find(|t| t.name == name) else {
        eprintln!("cargo xtask: unknown task `{name}`\n");
        print_tasks();
        return ExitCode::from(2);
    };
    match (task.run)(&args[1..]) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("cargo xtask {name}: {message}");
            ExitCode::FAILURE
        }
    }
}

fn print_tasks() {
    eprintln!("usage: cargo xtask <task> [args]\n\ntasks:");
    for task in TASKS {
        eprintln!("  {}", task.usage);
    }
}
