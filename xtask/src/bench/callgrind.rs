//! `cargo xtask bench instructions`: instruction counts under callgrind, the
//! figures that stay put on a machine shared with other builds (wall-clock
//! and CPU time do not, and `perf stat -e instructions` is not supported on
//! this virtual machine).
//!
//! Two measurements, written as one section of BENCHMARKS.md: the SSE
//! parsers per input byte (`bench/src/bin/sse_profile.rs`, counting only
//! inside each parser's adapter) with their CPU time beside them, and the
//! whole client per streamed chunk (`e2e client` against `e2e serve`) with
//! `callgrind_annotate` saying where the instructions go.

use std::fmt::Write as _;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};

/// The heading of the generated section, for `splice_benchmarks`.
pub const HEADING: &str = "## Instruction counts (callgrind)";

/// One SSE parser as `sse_profile` knows it.
struct SseParser {
    /// Row label in the tables.
    label: &'static str,
    /// Index into `openrouter_sse_bench::PARSERS`, `sse_profile`'s first argument.
    index: usize,
    /// The name `sse_profile` prints for that index: checked, so a reordered
    /// `PARSERS` fails the run instead of mislabelling a row.
    name: &'static str,
    /// The adapter in `bench/src/lib.rs` that callgrind counts inside. One
    /// exact name per run: a second toggle nested inside the first would
    /// switch collection off again.
    adapter: &'static str,
}

/// The parsers measured, in table order. eventsource-stream is left out: it
/// is quadratic on the 2 MiB line (minutes under callgrind).
const SSE_PARSERS: &[SseParser] = &[
    SseParser {
        label: "openrouter-sse `feed_bytes`",
        index: 0,
        name: "openrouter-sse (Bytes)",
        adapter: "ours_bytes",
    },
    SseParser {
        label: "openrouter-sse `feed`",
        index: 1,
        name: "openrouter-sse (&[u8])",
        adapter: "ours_slice",
    },
    SseParser {
        label: "sse-stream 0.3",
        index: 3,
        name: "sse-stream 0.3",
        adapter: "sse_stream",
    },
    SseParser {
        label: "sseer 0.3",
        index: 4,
        name: "sseer 0.3",
        adapter: "sseer",
    },
    SseParser {
        label: "async-sse 5.1",
        index: 5,
        name: "async-sse 5.1",
        adapter: "async_sse",
    },
    SseParser {
        label: "memchr newline scan",
        index: 6,
        name: "memchr newline scan",
        adapter: "memchr_scan",
    },
];

/// One way of feeding the input, `sse_profile`'s second argument.
struct Chunking {
    arg: &'static str,
    header: &'static str,
    /// Passes over the input for the CPU-time table: each cell takes a few
    /// tenths of a second, long enough to dwarf the input generation and the
    /// clock's 10 ms resolution.
    cpu_passes: u32,
}

const CHUNKINGS: &[Chunking] = &[
    Chunking {
        arg: "whole",
        header: "whole",
        cpu_passes: 5000,
    },
    Chunking {
        arg: "1",
        header: "1-byte",
        cpu_passes: 20,
    },
    Chunking {
        arg: "7",
        header: "7-byte",
        cpu_passes: 80,
    },
    Chunking {
        arg: "64",
        header: "64-byte",
        cpu_passes: 1000,
    },
    Chunking {
        arg: "1460",
        header: "1460-byte",
        cpu_passes: 5000,
    },
    Chunking {
        arg: "line",
        header: "2 MiB line, 1460",
        cpu_passes: 1000,
    },
];

/// CPU-time runs per cell; the best is kept, as other load only adds time.
const CPU_RUNS: usize = 3;

/// Chunks in the long and the short whole-stack stream: the difference
/// divided by `LONG - SHORT` is the cost of one chunk without start-up.
const LONG_CHUNKS: u64 = 10_000;
const SHORT_CHUNKS: u64 = 1;

/// The whole-stack peers: label and `e2e client` argument.
const E2E_PEERS: &[(&str, &str)] = &[
    ("openrouter-api (ours)", "ours"),
    ("async-openai 0.43", "async-openai"),
];

/// One row of "where the instructions go": the functions (demangled, as
/// `callgrind_annotate` prints them; a trailing `*` matches a prefix) whose
/// inclusive counts are summed, for ours and for async-openai (`None`: no
/// such layer).
struct Layer {
    label: &'static str,
    ours: &'static [&'static str],
    theirs: Option<&'static [&'static str]>,
}

const LAYERS: &[Layer] = &[
    Layer {
        label: "JSON decode (ours: `ChatChunk::from_json_in`, its fast path; async-openai: `serde_json::de::from_trait` into `CreateChatCompletionStreamResponse`)",
        ours: &["openrouter_types::chunk::ChatChunk::from_json_in"],
        theirs: Some(&["serde_json::de::from_trait"]),
    },
    Layer {
        label: "SSE framing and body (`Frames::poll_frame`, incl. openrouter-sse and hyper's body / `EventStream::poll_next`, incl. eventsource-stream)",
        ours: &["openrouter_api::stream::frames::Frames::poll_frame"],
        theirs: Some(&[
            "<eventsource_stream::event_stream::EventStream<S> as futures_core::stream::Stream>::poll_next",
        ]),
    },
    Layer {
        label: "`StreamAccumulator::push_ref` (the whole completion assembled as it streams)",
        ours: &["openrouter_types::accumulator::StreamAccumulator::push_ref"],
        theirs: None,
    },
    Layer {
        label: "`memcpy` (`__memcpy_*` / `__memmove_*`, all callers)",
        ours: &["__memcpy_*", "__memmove_*"],
        theirs: Some(&["__memcpy_*", "__memmove_*"]),
    },
    Layer {
        label: "`malloc` + `free` (all callers)",
        ours: &["malloc", "free"],
        theirs: Some(&["malloc", "free"]),
    },
    Layer {
        label: "`realloc` (all callers)",
        ours: &["realloc"],
        theirs: Some(&["realloc"]),
    },
];

/// Checks that valgrind runs; the error names the package to install.
pub fn check_valgrind() -> Result<String, String> {
    let hint = "install the Debian package `valgrind` (`apt-get install valgrind`; \
                it also provides callgrind_annotate)";
    match Command::new("valgrind").arg("--version").output() {
        Ok(out) if out.status.success() => {
            Ok(String::from_utf8_lossy(&out.stdout).trim().to_owned())
        }
        Ok(out) => Err(format!(
            "`valgrind --version` failed ({}): {hint}",
            out.status
        )),
        Err(e) => Err(format!("`valgrind --version` did not run ({e}): {hint}")),
    }
}

/// Builds the bench binaries, runs every measurement and returns the
/// Markdown section. `target` is the bench workspace's target directory.
pub fn run(root: &Path, target: &Path, valgrind: &str) -> Result<String, String> {
    let manifest = root.join("bench/Cargo.toml");
    let mut build = Command::new("cargo");
    build
        .args(["build", "--release", "--manifest-path"])
        .arg(&manifest)
        .args(["--bin", "sse_profile", "--bin", "e2e"]);
    eprintln!("running {build:?}");
    let status = build
        .status()
        .map_err(|e| format!("could not start cargo build: {e}"))?;
    if !status.success() {
        return Err(format!("building the bench binaries failed ({status})"));
    }

    let release = target.join("release");
    let out_dir = target.join("callgrind");
    std::fs::create_dir_all(&out_dir)
        .map_err(|e| format!("could not create {}: {e}", out_dir.display()))?;

    let started = date();
    let load_before = loadavg();
    let sse = measure_sse(&release.join("sse_profile"), &out_dir)?;
    let cpu = measure_cpu(&release.join("sse_profile"))?;
    let e2e = measure_e2e(&release.join("e2e"), &out_dir)?;
    check_layers(&e2e)?;
    let machine = Machine {
        started,
        cpu: cpu_model(),
        cores: std::thread::available_parallelism().map_or(0, usize::from),
        valgrind: valgrind.to_owned(),
        load_before,
        load_after: loadavg(),
    };
    Ok(render(&machine, &sse, &cpu, &e2e))
}

/// Where and when the section was measured.
struct Machine {
    started: String,
    cpu: String,
    cores: usize,
    valgrind: String,
    load_before: String,
    load_after: String,
}

/// Instructions per byte, by parser then chunking (`SSE_PARSERS` × `CHUNKINGS`).
type PerByte = Vec<Vec<f64>>;
/// Best CPU time in seconds, same shape.
type CpuSeconds = Vec<Vec<f64>>;

/// Counts of one whole-stack peer.
struct E2e {
    long: Profile,
    short: Profile,
}

/// One callgrind run: its total and `callgrind_annotate`'s inclusive counts.
struct Profile {
    total: u64,
    inclusive: Vec<(String, u64)>,
}

impl Profile {
    /// The summed inclusive count of the functions `patterns` match, or
    /// `None` when none of them ran (a renamed function should fail the
    /// run, not print a zero).
    fn inclusive(&self, patterns: &[&str]) -> Option<u64> {
        let mut found = false;
        let sum = self
            .inclusive
            .iter()
            .filter(|(name, _)| patterns.iter().any(|p| matches(name, p)))
            .inspect(|_| found = true)
            .map(|(_, count)| count)
            .sum();
        found.then_some(sum)
    }
}

fn matches(name: &str, pattern: &str) -> bool {
    match pattern.strip_suffix('*') {
        Some(prefix) => name.starts_with(prefix),
        None => name == pattern,
    }
}

fn measure_sse(exe: &Path, out_dir: &Path) -> Result<PerByte, String> {
    let mut table = Vec::new();
    for parser in SSE_PARSERS {
        let mut row = Vec::new();
        for chunking in CHUNKINGS {
            let out_file = out_dir.join(format!("sse.{}.{}.out", parser.adapter, chunking.arg));
            let mut command = valgrind(&out_file);
            command
                .arg(format!(
                    "--toggle-collect=openrouter_sse_bench::{}",
                    parser.adapter
                ))
                .arg(exe)
                .arg(parser.index.to_string())
                .arg(chunking.arg);
            let stdout = run_to_end(command)?;
            let bytes = parsed_bytes(&stdout, parser.name)?;
            let total = read_total(&out_file)?;
            let per_byte = total as f64 / bytes as f64;
            eprintln!(
                "{} {}: {per_byte:.2} instructions per byte",
                parser.label, chunking.arg
            );
            row.push(per_byte);
        }
        table.push(row);
    }
    Ok(table)
}

fn measure_cpu(exe: &Path) -> Result<CpuSeconds, String> {
    let ticks = clock_ticks();
    let mut table = Vec::new();
    for parser in SSE_PARSERS {
        let mut row = Vec::new();
        for chunking in CHUNKINGS {
            let mut best = f64::INFINITY;
            for _ in 0..CPU_RUNS {
                let before = children_cpu_ticks()?;
                let mut command = Command::new(exe);
                command
                    .arg(parser.index.to_string())
                    .arg(chunking.arg)
                    .arg(chunking.cpu_passes.to_string());
                let stdout = run_to_end(command)?;
                parsed_bytes(&stdout, parser.name)?;
                let spent = children_cpu_ticks()? - before;
                best = best.min(spent as f64 / ticks);
            }
            eprintln!("{} {}: {best:.2} s CPU", parser.label, chunking.arg);
            row.push(best);
        }
        table.push(row);
    }
    Ok(table)
}

fn measure_e2e(exe: &Path, out_dir: &Path) -> Result<Vec<E2e>, String> {
    let long_server = Server::start(exe, LONG_CHUNKS)?;
    let short_server = Server::start(exe, SHORT_CHUNKS)?;
    let mut peers = Vec::new();
    for (_, peer) in E2E_PEERS {
        let profile = |server: &Server, chunks: u64| -> Result<Profile, String> {
            let out_file = out_dir.join(format!("e2e.{peer}.{chunks}.out"));
            let mut command = valgrind(&out_file);
            command
                .arg(exe)
                .args(["client", peer, "--url"])
                .arg(format!("http://{}/api/v1", server.addr));
            let stdout = run_to_end(command)?;
            let received = received_chunks(&stdout)
                .ok_or_else(|| format!("`e2e client {peer}` printed `{}`", stdout.trim()))?;
            if received < chunks {
                return Err(format!(
                    "`e2e client {peer}` read {received} chunks of {chunks}"
                ));
            }
            let total = read_total(&out_file)?;
            eprintln!("{peer}, {chunks} chunks: {total} instructions");
            Ok(Profile {
                total,
                inclusive: annotate(&out_file)?,
            })
        };
        let long = profile(&long_server, LONG_CHUNKS)?;
        let short = profile(&short_server, SHORT_CHUNKS)?;
        peers.push(E2e { long, short });
    }
    Ok(peers)
}

/// `valgrind --tool=callgrind` writing to `out_file`; the caller adds the
/// program.
fn valgrind(out_file: &Path) -> Command {
    let mut command = Command::new("valgrind");
    command
        .arg("--tool=callgrind")
        .arg(format!("--callgrind-out-file={}", out_file.display()));
    command
}

/// Runs `command` to its end and returns its stdout; stderr (valgrind's
/// chatter) is shown only when the command fails.
fn run_to_end(mut command: Command) -> Result<String, String> {
    let output = command
        .stdin(Stdio::null())
        .output()
        .map_err(|e| format!("could not start {command:?}: {e}"))?;
    if !output.status.success() {
        return Err(format!(
            "{command:?} failed ({}):\n{}",
            output.status,
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    Ok(String::from_utf8_lossy(&output.stdout).into_owned())
}

fn read_total(out_file: &Path) -> Result<u64, String> {
    let text = std::fs::read_to_string(out_file)
        .map_err(|e| format!("could not read {}: {e}", out_file.display()))?;
    parse_total(&text).ok_or_else(|| format!("no `totals:` line in {}", out_file.display()))
}

/// The instruction count of a callgrind out file: its `totals:` line (only
/// what was collected, so toggled-off code is not in it), else `summary:`.
fn parse_total(text: &str) -> Option<u64> {
    let field = |key: &str| {
        text.lines()
            .find_map(|l| l.strip_prefix(key))
            .and_then(|rest| rest.split_whitespace().next())
            .and_then(|n| n.parse().ok())
    };
    field("totals:").or_else(|| field("summary:"))
}

/// The bytes `sse_profile` parsed, from its line
/// `NAME CHUNKING: N events, M bytes`; fails if NAME is not `expected`.
fn parsed_bytes(stdout: &str, expected: &str) -> Result<u64, String> {
    let line = stdout.trim();
    let bytes = line
        .strip_suffix(" bytes")
        .and_then(|rest| rest.rsplit(' ').next())
        .and_then(|n| n.parse().ok())
        .filter(|&n: &u64| n > 0);
    match bytes {
        Some(bytes) if line.starts_with(&format!("{expected} ")) => Ok(bytes),
        _ => Err(format!(
            "sse_profile printed `{line}`, expected `{expected} ...: N events, M bytes` \
             (has PARSERS in bench/src/lib.rs changed order?)"
        )),
    }
}

/// The `chunks` field of `e2e client`'s JSON line.
fn received_chunks(stdout: &str) -> Option<u64> {
    let rest = &stdout[stdout.find("\"chunks\":")? + "\"chunks\":".len()..];
    let digits = rest.trim_start();
    let end = digits
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(digits.len());
    digits[..end].parse().ok()
}

/// `callgrind_annotate --inclusive=yes` over `out_file`, parsed.
fn annotate(out_file: &Path) -> Result<Vec<(String, u64)>, String> {
    let mut command = Command::new("callgrind_annotate");
    // Threshold 100: every function, not only those that make up 99%.
    command
        .args(["--inclusive=yes", "--threshold=100", "--auto=no"])
        .arg(out_file);
    Ok(parse_inclusive(&run_to_end(command)?))
}

/// The `COUNT (PERCENT)  FILE:FUNCTION [OBJECT]` lines of
/// `callgrind_annotate`, as (function, count). One function can appear on
/// several lines, split by the source file its instructions came from (code
/// inlined from another file); those parts are disjoint and callers sum them.
fn parse_inclusive(text: &str) -> Vec<(String, u64)> {
    text.lines()
        .filter_map(|line| {
            let line = line.trim_start();
            let (count, rest) = line.split_once(' ')?;
            let count: u64 = count.replace(',', "").parse().ok()?;
            let rest = rest.trim_start().strip_prefix('(')?;
            let (_percent, rest) = rest.split_once(')')?;
            let rest = rest.trim();
            let rest = match rest.rfind(" [") {
                Some(i) if rest.ends_with(']') => &rest[..i],
                _ => rest,
            };
            // Source paths hold no `:`; demangled names do (`a::b`).
            let (_file, function) = rest.split_once(':')?;
            Some((function.to_owned(), count))
        })
        .collect()
}

/// An `e2e serve` child, killed on drop.
struct Server {
    child: Child,
    addr: String,
}

impl Server {
    fn start(exe: &Path, chunks: u64) -> Result<Self, String> {
        let mut child = Command::new(exe)
            .args(["serve", "--chunks", &chunks.to_string()])
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .spawn()
            .map_err(|e| format!("could not start `e2e serve`: {e}"))?;
        let mut line = String::new();
        if let Some(stdout) = child.stdout.as_mut() {
            // Errors show as an empty line, reported below.
            let _ = BufReader::new(stdout).read_line(&mut line);
        }
        let addr = line
            .trim()
            .strip_prefix("listening ")
            .and_then(|addrs| addrs.split(' ').next())
            .map(str::to_owned);
        let mut server = Self {
            child,
            addr: String::new(),
        };
        match addr {
            Some(addr) => {
                server.addr = addr;
                Ok(server)
            }
            // Dropping `server` kills the child.
            None => Err(format!("`e2e serve` said `{}`", line.trim())),
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// User + system clock ticks of this process's waited-for children
/// (`cutime` + `cstime` in `/proc/self/stat`): the difference around one
/// child's run is that child's CPU time, with no `unsafe` `wait4`.
fn children_cpu_ticks() -> Result<u64, String> {
    let stat = std::fs::read_to_string("/proc/self/stat")
        .map_err(|e| format!("could not read /proc/self/stat: {e}"))?;
    parse_children_ticks(&stat).ok_or_else(|| format!("unexpected /proc/self/stat: {stat}"))
}

fn parse_children_ticks(stat: &str) -> Option<u64> {
    // The command name (field 2) is in parentheses and may hold spaces; the
    // fields after it start at field 3, so cutime (16) and cstime (17) are
    // the 14th and 15th.
    let after_name = &stat[stat.rfind(')')? + 1..];
    let mut fields = after_name.split_whitespace().skip(13);
    let cutime: u64 = fields.next()?.parse().ok()?;
    let cstime: u64 = fields.next()?.parse().ok()?;
    Some(cutime + cstime)
}

/// Clock ticks per second for `/proc` times (`getconf CLK_TCK`; 100 on
/// every Linux in practice).
fn clock_ticks() -> f64 {
    Command::new("getconf")
        .arg("CLK_TCK")
        .output()
        .ok()
        .and_then(|o| String::from_utf8_lossy(&o.stdout).trim().parse().ok())
        .filter(|&t: &f64| t > 0.0)
        .unwrap_or(100.0)
}

fn render(machine: &Machine, sse: &PerByte, cpu: &CpuSeconds, e2e: &[E2e]) -> String {
    let mut out = String::new();
    let Machine {
        started,
        cpu: cpu_model,
        cores,
        valgrind,
        load_before,
        load_after,
    } = machine;
    let _ = writeln!(out, "{HEADING}\n");
    let _ = writeln!(
        out,
        "Generated by `cargo xtask bench instructions` (`xtask/src/bench/callgrind.rs`) on {started}, \
         {cpu_model} ({cores} cores), {valgrind}; load average {load_before} at the start, \
         {load_after} at the end. Callgrind counts the instructions a process executes, which does \
         not depend on the machine's load: a rerun of the same binaries gives the same counts (the whole-stack ones to \
         within a few thousand in hundreds of millions, under one instruction per chunk, as the \
         socket reads can fall differently); they change with the code and its dependencies. The \
         CPU times are the only figures here that the load moves. Binaries: \
         `cargo build --release --manifest-path bench/Cargo.toml --bin sse_profile --bin e2e`; \
         the commands below run in `bench/`.\n"
    );

    let header = |out: &mut String, first: &str| {
        let _ = write!(out, "| {first} |");
        for chunking in CHUNKINGS {
            let _ = write!(out, " {} |", chunking.header);
        }
        out.push_str("\n|---|");
        out.push_str(&"---:|".repeat(CHUNKINGS.len()));
        out.push('\n');
    };

    let _ = writeln!(out, "### SSE parsing: instructions per byte\n");
    let _ = writeln!(
        out,
        "`target/release/sse_profile INDEX CHUNKING` (`bench/src/bin/sse_profile.rs`) runs one \
         parser once over one input: the 512 KiB OpenRouter-shaped stream of the SSE section, whole \
         or in N-byte chunks, or one 2 MiB `data:` line in 1460-byte chunks (`line`). Callgrind \
         counts only inside the parser's adapter in `bench/src/lib.rs`, not the input generation:\n\
         `valgrind --tool=callgrind --callgrind-out-file=F --toggle-collect=openrouter_sse_bench::ADAPTER target/release/sse_profile INDEX CHUNKING`;\n\
         the `totals:` line of F divided by the input's length is the figure below. \
         Fewer is better.\n"
    );
    header(&mut out, "parser (ADAPTER, INDEX)");
    for (parser, row) in SSE_PARSERS.iter().zip(sse) {
        let _ = write!(
            out,
            "| {} (`{}`, {}) |",
            parser.label, parser.adapter, parser.index
        );
        for &per_byte in row {
            let _ = write!(out, " {} |", per_byte_cell(per_byte));
        }
        out.push('\n');
    }

    let _ = writeln!(out, "\n### SSE parsing: CPU time\n");
    let passes: Vec<String> = CHUNKINGS
        .iter()
        .map(|c| format!("`{}` {}", c.arg, c.cpu_passes))
        .collect();
    let _ = writeln!(
        out,
        "User + system time, best of {CPU_RUNS}, of the same binary looping over the same input, \
         `target/release/sse_profile INDEX CHUNKING PASSES` (CHUNKING and PASSES: {}). Each cell includes the \
         same few milliseconds of input generation, and the load above.\n",
        passes.join(", ")
    );
    header(&mut out, "parser");
    for (parser, row) in SSE_PARSERS.iter().zip(cpu) {
        let _ = write!(out, "| {} |", parser.label);
        for &seconds in row {
            let _ = write!(out, " {seconds:.2} s |");
        }
        out.push('\n');
    }

    let span = (LONG_CHUNKS - SHORT_CHUNKS) as f64;
    let _ = writeln!(out, "\n### Whole stack: instructions per chunk\n");
    let _ = writeln!(
        out,
        "`target/release/e2e serve --chunks {long}` and `--chunks {SHORT_CHUNKS}` in the background \
         (each prints `listening ADDR`), then, for PEER `ours` and `async-openai`,\n\
         `valgrind --tool=callgrind --callgrind-out-file=F target/release/e2e client PEER --url http://ADDR/api/v1`:\n\
         one process reads one stream of OpenRouter-shaped chunks into the final text and usage. \
         *Per chunk* is (count for {long_text} chunks − count for {SHORT_CHUNKS}) / {span_text}, so \
         start-up (building the client, loading the system's root certificates) is not counted.\n",
        long = LONG_CHUNKS,
        long_text = thousands(LONG_CHUNKS),
        span_text = thousands(LONG_CHUNKS - SHORT_CHUNKS),
    );
    let _ = writeln!(
        out,
        "| peer | {}-chunk stream | {SHORT_CHUNKS}-chunk stream | instructions per chunk | ratio to async-openai |\n\
         |---|---:|---:|---:|---:|",
        thousands(LONG_CHUNKS)
    );
    let per_chunk = |peer: &E2e| (peer.long.total as f64 - peer.short.total as f64) / span;
    let theirs = e2e.get(1).map(per_chunk);
    for ((label, _), peer) in E2E_PEERS.iter().zip(e2e) {
        let ratio = theirs.map_or(String::from("–"), |t| {
            format!("{:.2}×", per_chunk(peer) / t)
        });
        let _ = writeln!(
            out,
            "| {label} | {} | {} | {} | {ratio} |",
            thousands(peer.long.total),
            thousands(peer.short.total),
            thousands(per_chunk(peer).round() as u64),
        );
    }

    let _ = writeln!(out, "\n### Where the instructions go\n");
    let _ = writeln!(
        out,
        "Inclusive counts (a function with everything it calls) from \
         `callgrind_annotate --inclusive=yes --threshold=100 --auto=no F` for both runs of each \
         peer, per chunk as above. The rows overlap (`memcpy` and `malloc` are also inside the JSON \
         decode), so they do not add up to the total.\n"
    );
    let _ = writeln!(out, "| per chunk | ours | async-openai |\n|---|---:|---:|");
    for layer in LAYERS {
        let cell = |peer: Option<&E2e>, patterns: Option<&[&str]>| match (peer, patterns) {
            (Some(peer), Some(patterns)) => {
                let long = peer.long.inclusive(patterns);
                let short = peer.short.inclusive(patterns).unwrap_or(0);
                long.map_or(String::from("not found"), |long| {
                    signed_thousands(((long as f64 - short as f64) / span).round() as i64)
                })
            }
            _ => String::from("–"),
        };
        let _ = writeln!(
            out,
            "| {} | {} | {} |",
            layer.label,
            cell(e2e.first(), Some(layer.ours)),
            cell(e2e.get(1), layer.theirs),
        );
    }
    out.push('\n');
    out
}

/// Checks that every function in `LAYERS` was found in the long runs, so a
/// renamed function fails the run instead of printing "not found".
fn check_layers(e2e: &[E2e]) -> Result<(), String> {
    for layer in LAYERS {
        let sides = [(e2e.first(), Some(layer.ours)), (e2e.get(1), layer.theirs)];
        for (peer, patterns) in sides {
            if let (Some(peer), Some(patterns)) = (peer, patterns)
                && peer.long.inclusive(patterns).is_none()
            {
                return Err(format!(
                    "none of {patterns:?} is in the callgrind profile: update LAYERS in \
                     xtask/src/bench/callgrind.rs"
                ));
            }
        }
    }
    Ok(())
}

/// Two decimals under 10, one above, as the figures span 0.2 to 200.
fn per_byte_cell(per_byte: f64) -> String {
    if per_byte < 10.0 {
        format!("{per_byte:.2}")
    } else {
        format!("{per_byte:.1}")
    }
}

/// `1234567` as `1,234,567`.
fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn signed_thousands(n: i64) -> String {
    if n < 0 {
        format!("−{}", thousands(n.unsigned_abs()))
    } else {
        thousands(n.unsigned_abs())
    }
}

fn cpu_model() -> String {
    std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|info| {
            info.lines()
                .find_map(|l| l.strip_prefix("model name"))
                .map(|v| v.trim_start_matches([' ', '\t', ':']).to_owned())
        })
        .unwrap_or_else(|| "unknown CPU".into())
}

fn loadavg() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|l| l.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_default()
}

fn date() -> String {
    Command::new("date")
        .args(["-u", "+%Y-%m-%d %H:%M UTC"])
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_owned())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn total_prefers_totals_over_summary() {
        let out = "version: 1\nevents: Ir\nsummary: 999\nfn=x\n0 5\ntotals: 1158388\n";
        assert_eq!(parse_total(out), Some(1_158_388));
        assert_eq!(parse_total("events: Ir\nsummary: 42\n"), Some(42));
        assert_eq!(parse_total("events: Ir\n"), None);
    }

    #[test]
    fn inclusive_lines_are_parsed_by_function() {
        let text = "\
--------------------------------------------------------------------------------
Ir                    file:function
--------------------------------------------------------------------------------
181,347,081 (100.0%)  ???:0x000000000001ab70 [/usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2]
 89,561,943 (49.39%)  ???:serde_json::de::from_trait [/work/main/bench/target/release/e2e]
 15,465,448 ( 8.53%)  ./string/../sysdeps/x86_64/multiarch/memmove-vec-unaligned-erms.S:__memcpy_avx_unaligned_erms [/usr/lib/x86_64-linux-gnu/libc.so.6]
  5,431,165 ( 2.99%)  ./malloc/./malloc/malloc.c:free [/usr/lib/x86_64-linux-gnu/libc.so.6]
    492,311 ( 0.27%)  ./malloc/./malloc/malloc.c:realloc [/usr/lib/x86_64-linux-gnu/libc.so.6]
     12,463 ( 0.01%)  ./malloc/./malloc/arena.c:realloc
 55,730,778 (30.73%)  ???:<&mut serde_json::de::Deserializer<R> as serde_core::de::Deserializer>::deserialize_map'2 [/e2e]
";
        let lines = parse_inclusive(text);
        assert_eq!(lines.len(), 7);
        assert_eq!(
            lines[1],
            ("serde_json::de::from_trait".to_owned(), 89_561_943)
        );
        let profile = Profile {
            total: 181_347_081,
            inclusive: lines,
        };
        assert_eq!(profile.inclusive(&["realloc"]), Some(504_774));
        assert_eq!(
            profile.inclusive(&["__memcpy_*", "__memmove_*"]),
            Some(15_465_448)
        );
        assert_eq!(profile.inclusive(&["malloc", "free"]), Some(5_431_165));
        // `'2` marks a recursive call, already inside the outer count.
        assert_eq!(
            profile.inclusive(&[
                "<&mut serde_json::de::Deserializer<R> as serde_core::de::Deserializer>::deserialize_map"
            ]),
            None
        );
        assert_eq!(profile.inclusive(&["serde_json::de::from"]), None);
    }

    #[test]
    fn sse_profile_line_is_checked_against_the_parser_name() {
        let line = "sse-stream 0.3 whole: 1575 events, 524295 bytes\n";
        assert_eq!(parsed_bytes(line, "sse-stream 0.3"), Ok(524_295));
        assert!(parsed_bytes(line, "sseer 0.3").is_err());
        assert!(parsed_bytes("sseer 0.3 whole: 1 events, 0 bytes", "sseer 0.3").is_err());
        assert!(parsed_bytes("", "sseer 0.3").is_err());
    }

    #[test]
    fn client_chunks_come_from_its_json_line() {
        let line = r#"{"alloc_bytes":1,"allocs":2,"chunks":10003,"completion_tokens":5}"#;
        assert_eq!(received_chunks(line), Some(10_003));
        assert_eq!(received_chunks(r#"{"chunks": 7}"#), Some(7));
        assert_eq!(received_chunks("error: connection refused"), None);
    }

    #[test]
    fn children_ticks_skip_a_command_name_with_spaces() {
        // Fields 1-17 of proc(5): pid (comm) state ppid pgrp session tty_nr
        // tpgid flags minflt cminflt majflt cmajflt utime stime cutime cstime.
        let stat = "42 (x task) S 1 42 42 0 -1 4194560 100 200 0 0 7 3 120 30 20 0 1 0";
        assert_eq!(parse_children_ticks(stat), Some(150));
        assert_eq!(parse_children_ticks("42 (xtask) S 1"), None);
    }

    #[test]
    fn numbers_are_formatted_for_the_tables() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1_000), "1,000");
        assert_eq!(thousands(181_347_081), "181,347,081");
        assert_eq!(signed_thousands(-1_234), "−1,234");
        assert_eq!(per_byte_cell(2.2094), "2.21");
        assert_eq!(per_byte_cell(133.84), "133.8");
    }
}
