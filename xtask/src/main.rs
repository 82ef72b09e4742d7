//! Project automation (`cargo xtask`): what CI runs, fuzzing, benchmarks and fixtures.

fn main() {
    eprintln!("cargo xtask: tasks are being set up");
}
