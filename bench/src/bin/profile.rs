//! A loop to run under a profiler (`valgrind --tool=callgrind`):
//! `profile <parser-index> <chunk-size|whole> <iterations>`.

use openrouter_sse_bench::{PARSERS, openrouter_stream, split};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let parser: usize = args.get(1).and_then(|a| a.parse().ok()).unwrap_or(0);
    let size = args.get(2).and_then(|a| a.parse().ok());
    let iterations: usize = args.get(3).and_then(|a| a.parse().ok()).unwrap_or(100);
    let input = openrouter_stream(512 * 1024);
    let chunks = split(&input, size);
    let (name, parse) = PARSERS[parser];
    let mut events = 0;
    for _ in 0..iterations {
        events += std::hint::black_box(parse(&chunks)).events;
    }
    println!("{name}: {events} events");
}
