//! Embeds the workspace's `fixtures/` (except the SSE parser cases in `fixtures/sse/`) into the
//! crate, so `FixtureSet::bundled()` and the CLI's offline mode work from any directory.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn main() {
    let manifest_dir = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("set by cargo"));
    let fixtures = manifest_dir.join("../../fixtures");
    println!("cargo:rerun-if-changed={}", fixtures.display());

    let mut files = Vec::new();
    if fixtures.is_dir() {
        collect(&fixtures, &fixtures, &mut files);
    } else {
        println!(
            "cargo:warning=no fixtures directory at {}; FixtureSet::bundled() will be empty",
            fixtures.display()
        );
    }
    files.sort();

    let mut out = String::from("pub(crate) static FILES: &[(&str, &[u8])] = &[\n");
    for (relative, absolute) in &files {
        let absolute = absolute.canonicalize().unwrap_or_else(|_| absolute.clone());
        writeln!(
            out,
            "    ({relative:?}, include_bytes!({:?})),",
            absolute.display().to_string()
        )
        .expect("writing to a String");
    }
    out.push_str("];\n");
    let out_dir = PathBuf::from(std::env::var_os("OUT_DIR").expect("set by cargo"));
    std::fs::write(out_dir.join("bundled.rs"), out).expect("OUT_DIR is writable");
}

/// Every fixture file (see `is_fixture_file`) below `root`, skipping the top-level `sse/` folder (parser cases
/// in another format).
fn collect(root: &Path, dir: &Path, files: &mut Vec<(String, PathBuf)>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let relative = path.strip_prefix(root).expect("below root");
        let relative = relative.to_string_lossy().replace('\\', "/");
        if path.is_dir() {
            if relative != "sse" {
                collect(root, &path, files);
            }
        } else if is_fixture_file(&relative) {
            files.push((relative, path));
        }
    }
}

/// Exchanges (`.json`) and the bodies they name (`.sse`, and binary bodies such as
/// `.mp3` or `.mp4`); not the folder READMEs.
fn is_fixture_file(relative: &str) -> bool {
    !relative.ends_with(".md") && !relative.ends_with(".pending")
}
