//! Criterion benchmarks: openrouter-sse beside eventsource-stream, sse-stream,
//! sseer, async-sse and a bare memchr newline scan, on the same inputs in the
//! same run. Run with `cargo xtask bench` (or `cargo bench --manifest-path
//! bench/Cargo.toml`); `cargo xtask bench --quick` for a fast pass.

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use openrouter_sse_bench::{PARSERS, long_line, openrouter_stream, split};

/// Size of the OpenRouter-shaped stream.
const STREAM_BYTES: usize = 512 * 1024;

/// Chunk sizes: whole, then from pathological to generous.
const CHUNKINGS: &[(&str, Option<usize>)] = &[
    ("whole", None),
    ("1", Some(1)),
    ("7", Some(7)),
    ("64", Some(64)),
    ("1460", Some(1460)),
    ("4KiB", Some(4096)),
    ("16KiB", Some(16384)),
];

fn openrouter(c: &mut Criterion) {
    let input = openrouter_stream(STREAM_BYTES);
    for (label, size) in CHUNKINGS {
        let chunks = split(&input, *size);
        let mut group = c.benchmark_group(format!("openrouter_stream/{label}"));
        group.throughput(Throughput::Bytes(input.len() as u64));
        for (name, parse) in PARSERS {
            group.bench_with_input(BenchmarkId::from_parameter(name), &chunks, |b, chunks| {
                b.iter(|| black_box(parse(black_box(chunks))));
            });
        }
        group.finish();
    }
}

/// A 2 MiB line in 1460-byte chunks: linear parsers take about as long as
/// for any 2 MiB; ones that rescan their buffer per chunk go quadratic.
fn long_line_in_packets(c: &mut Criterion) {
    let input = long_line(2 << 20);
    let chunks = split(&input, Some(1460));
    let mut group = c.benchmark_group("long_line_2MiB/1460");
    group.throughput(Throughput::Bytes(input.len() as u64));
    group.sample_size(10);
    for (name, parse) in PARSERS {
        group.bench_with_input(BenchmarkId::from_parameter(name), &chunks, |b, chunks| {
            b.iter(|| black_box(parse(black_box(chunks))));
        });
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .sample_size(20)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3));
    targets = openrouter, long_line_in_packets
}
criterion_main!(benches);
