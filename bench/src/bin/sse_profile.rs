//! Instruction counts per input byte for the SSE parsers, stable where
//! wall-clock time is not (a loaded machine): run one parser over one input
//! under callgrind, counting only inside the parser's adapter.
//!
//! ```text
//! valgrind --tool=callgrind --toggle-collect='openrouter_sse_bench::*' \
//!     sse_profile <parser-index> <whole|1|64|1460|line> [iterations]
//! ```
//!
//! `line` is the 2 MiB `data:` line in 1460-byte chunks; everything else is
//! the 512 KiB OpenRouter-shaped stream. The bytes parsed are printed, so
//! instructions per byte is the callgrind total divided by that.

use openrouter_sse_bench::{PARSERS, long_line, openrouter_stream, split};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let parser: usize = args.get(1).and_then(|a| a.parse().ok()).unwrap_or(0);
    let chunking = args.get(2).map_or("whole", String::as_str);
    let iterations: usize = args.get(3).and_then(|a| a.parse().ok()).unwrap_or(1);
    let (input, size) = match chunking {
        "line" => (long_line(2 << 20), Some(1460)),
        "whole" => (openrouter_stream(512 * 1024), None),
        n => (
            openrouter_stream(512 * 1024),
            Some(n.parse().expect("chunk size")),
        ),
    };
    let chunks = split(&input, size);
    let (name, parse) = PARSERS[parser];
    let mut events = 0;
    for _ in 0..iterations {
        events += std::hint::black_box(parse(std::hint::black_box(&chunks))).events;
    }
    println!(
        "{name} {chunking}: {events} events, {} bytes",
        input.len() * iterations
    );
}
