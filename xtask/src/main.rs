//! Project automation (`cargo xtask`): what CI runs, fuzzing, benchmarks and fixtures.
//!
//! Kept dependency-light on purpose (matklad's cargo-xtask): tasks shell out to
//! `cargo`, so `cargo xtask` builds in seconds on a fresh machine.

mod ci;

use std::process::ExitCode;

/// A task: its name, a one-line summary, and its entry point.
struct Task {
    name: &'static str,
    usage: &'static str,
    run: fn(&[String]) -> Result<(), String>,
}

const TASKS: &[Task] = &[Task {
    name: "ci",
    usage: "ci                      run exactly what .ci/run runs (fmt, clippy, tests, docs, corpus)",
    run: ci::run,
}];

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
