//! Turns criterion's results (`<target>/criterion/**/new/estimates.json`)
//! into the Markdown tables of BENCHMARKS.md: median throughput per parser
//! and its ratio to openrouter-sse, one table per input.
//!
//! Usage: `report <criterion-dir>` (what `cargo xtask bench` runs).

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use openrouter_sse_bench::{PARSERS, long_line, openrouter_stream};

const OURS: &str = "openrouter-sse (Bytes)";

fn main() -> Result<(), String> {
    let dir = std::env::args()
        .nth(1)
        .ok_or("usage: report <criterion-dir>")?;
    let dir = Path::new(&dir);
    let stream_len = openrouter_stream(512 * 1024).len() as f64;
    let line_len = long_line(2 << 20).len() as f64;

    let mut groups: Vec<(String, String, f64)> = vec![];
    for chunking in ["whole", "1", "7", "64", "1460", "4KiB", "16KiB"] {
        groups.push((
            format!("openrouter_stream/{chunking}"),
            format!("stream, {chunking}"),
            stream_len,
        ));
    }
    groups.push((
        "long_line_2MiB/1460".to_owned(),
        "2 MiB line, 1460".to_owned(),
        line_len,
    ));

    // throughput[parser][group] in MiB/s
    let mut table: BTreeMap<&str, Vec<Option<f64>>> = BTreeMap::new();
    for (name, _) in PARSERS {
        let row = groups
            .iter()
            .map(|(group, _, bytes)| {
                median_ns(&dir.join(dir_name(group)).join(dir_name(name)))
                    .map(|ns| bytes / ns * 1e9 / (1 << 20) as f64)
            })
            .collect();
        table.insert(name, row);
    }

    let mut out = String::new();
    let _ = writeln!(
        out,
        "Median throughput in MiB/s (higher is better); in brackets, the ratio to openrouter-sse fed `Bytes`.\n"
    );
    let _ = write!(out, "| parser |");
    for (_, label, _) in &groups {
        let _ = write!(out, " {label} |");
    }
    let _ = write!(out, "\n|---|");
    for _ in &groups {
        let _ = write!(out, "---:|");
    }
    out.push('\n');
    let ours = table.get(OURS).cloned().unwrap_or_default();
    for (name, _) in PARSERS {
        let _ = write!(out, "| {name} |");
        for (i, value) in table[name].iter().enumerate() {
            match (value, ours.get(i).copied().flatten()) {
                (Some(v), Some(base)) if *name != OURS => {
                    let _ = write!(out, " {} ({:.2}×) |", fmt(*v), v / base);
                }
                (Some(v), _) => {
                    let _ = write!(out, " {} |", fmt(*v));
                }
                (None, _) => out.push_str(" – |"),
            }
        }
        out.push('\n');
    }
    print!("{out}");
    Ok(())
}

fn fmt(mib_s: f64) -> String {
    if mib_s >= 100.0 {
        format!("{mib_s:.0}")
    } else {
        format!("{mib_s:.1}")
    }
}

/// Criterion's directory name for a group or benchmark id (it replaces the
/// path separator).
fn dir_name(id: &str) -> String {
    id.replace(['/', '\\'], "_")
}

fn median_ns(bench_dir: &Path) -> Option<f64> {
    let text = std::fs::read_to_string(bench_dir.join("new/estimates.json")).ok()?;
    let json: serde_json::Value = serde_json::from_str(&text).ok()?;
    json["median"]["point_estimate"].as_f64()
}
