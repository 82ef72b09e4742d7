//! `e2e run`: starts the server and each peer as child processes, measures
//! the children with `wait4` (CPU time, peak RSS), and renders the Markdown
//! tables of BENCHMARKS.md.

use std::fmt::Write as _;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

use serde_json::Value;

use crate::breakdown;
use crate::server::{self, Shape};

/// The peers of the end-to-end table. `+spawn`: the same client with the
/// reading loop in a `tokio::spawn`ed task instead of `block_on` (see
/// `client --spawn` in `main.rs`).
const PEERS: [&str; 5] = [
    "ours",
    "async-openai",
    "python",
    "ours+spawn",
    "async-openai+spawn",
];

struct Config {
    chunks: usize,
    reps: usize,
    streams: Vec<usize>,
    stream_chunks: usize,
    out: PathBuf,
    command: String,
}

/// What one child process cost.
#[derive(Debug, Clone)]
struct Sample {
    /// The child's own report (JSON line on stdout).
    report: Value,
    cpu_s: f64,
    max_rss_kib: u64,
}

pub fn run(args: &[String]) -> Result<(), String> {
    let quick = args.iter().any(|a| a == "--quick");
    let bench_dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let config = Config {
        chunks: if quick { 10_000 } else { 50_000 },
        reps: if quick { 3 } else { 7 },
        streams: if quick {
            vec![1_000]
        } else {
            vec![1_000, 10_000]
        },
        stream_chunks: 20,
        out: crate::flag(args, "--out")
            .map(PathBuf::from)
            .unwrap_or_else(|| bench_dir.join("target/e2e.md")),
        command: format!(
            "cargo xtask bench e2e{}",
            if quick { " --quick" } else { "" }
        ),
    };
    let exe = std::env::current_exe().map_err(|e| e.to_string())?;
    let load_before = loadavg();
    let started = date();

    let python = python_venv(&bench_dir);
    if let Err(e) = &python {
        eprintln!("e2e: the Python peer will not run: {e}");
    }

    // One long stream, each peer in its own process; a one-chunk stream
    // gives each peer's fixed cost (start-up, connection, request), so the
    // per-chunk figure is the marginal cost.
    let mut samples: Vec<(&str, Vec<Sample>, Vec<Sample>)> =
        PEERS.iter().map(|p| (*p, vec![], vec![])).collect();
    let long = Server::start(&exe, &["--chunks", &config.chunks.to_string()])?;
    let short = Server::start(&exe, &["--chunks", "1"])?;
    for rep in 0..config.reps {
        eprintln!("e2e: end to end, round {}/{}", rep + 1, config.reps);
        for (peer, long_samples, short_samples) in &mut samples {
            for (server, into) in [(&long, &mut *long_samples), (&short, &mut *short_samples)] {
                let url = format!("http://{}/api/v1", server.addrs[0]);
                let command = match *peer {
                    "python" => match &python {
                        Ok(python) => {
                            let mut c = Command::new(python);
                            c.arg(bench_dir.join("python/seed_loop.py")).arg(&url);
                            c
                        }
                        Err(_) => continue,
                    },
                    rust_peer => {
                        let (name, spawn) = match rust_peer.strip_suffix("+spawn") {
                            Some(name) => (name, true),
                            None => (rust_peer, false),
                        };
                        let mut c = Command::new(&exe);
                        c.args(["client", name, "--url", &url]);
                        if spawn {
                            c.arg("--spawn");
                        }
                        c
                    }
                };
                into.push(measure(command)?);
            }
        }
    }
    drop((long, short));

    eprintln!("e2e: allocations by layer");
    let layers = breakdown::run(&server::render(config.chunks.min(20_000), Shape::OpenRouter).0);

    let mut concurrency = vec![];
    for &streams in &config.streams {
        for peer in ["ours", "async-openai"] {
            eprintln!("e2e: {streams} concurrent streams, {peer}");
            let server = Server::start(
                &exe,
                &[
                    "--chunks",
                    &config.stream_chunks.to_string(),
                    "--ports",
                    "4",
                    "--gate",
                    &streams.to_string(),
                ],
            )?;
            let urls: Vec<String> = server
                .addrs
                .iter()
                .map(|a| format!("http://{a}/api/v1"))
                .collect();
            let mut command = Command::new(&exe);
            command
                .args(["concurrent", peer, "--urls", &urls.join(",")])
                .args(["--streams", &streams.to_string()])
                .args(["--chunks", &config.stream_chunks.to_string()]);
            let sample = measure(command);
            drop(server);
            concurrency.push((peer, streams, sample));
        }
    }

    let markdown = render(
        &config,
        &started,
        &load_before,
        &samples,
        &layers,
        &concurrency,
    );
    if let Some(dir) = config.out.parent() {
        std::fs::create_dir_all(dir).map_err(|e| e.to_string())?;
    }
    std::fs::write(&config.out, &markdown)
        .map_err(|e| format!("could not write {}: {e}", config.out.display()))?;
    print!("{markdown}");
    Ok(())
}

/// The allocation table alone (`e2e breakdown`).
pub fn breakdown_table(chunks: usize) -> String {
    let layers = breakdown::run(&server::render(chunks, Shape::OpenRouter).0);
    let mut out = String::new();
    layer_table(&mut out, &layers, None);
    out
}

/// A server child, killed on drop.
struct Server {
    child: Child,
    addrs: Vec<String>,
}

impl Server {
    fn start(exe: &Path, args: &[&str]) -> Result<Self, String> {
        let mut child = Command::new(exe)
            .arg("serve")
            .args(args)
            .stdout(Stdio::piped())
            .spawn()
            .map_err(|e| format!("could not start the server: {e}"))?;
        let mut line = String::new();
        BufReader::new(child.stdout.as_mut().expect("piped"))
            .read_line(&mut line)
            .map_err(|e| e.to_string())?;
        let addrs: Vec<String> = line
            .trim()
            .strip_prefix("listening ")
            .ok_or_else(|| format!("the server said `{line}`"))?
            .split(' ')
            .map(str::to_owned)
            .collect();
        Ok(Self { child, addrs })
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Runs `command` to its end and reads its resource usage with `wait4`.
fn measure(mut command: Command) -> Result<Sample, String> {
    command.stdout(Stdio::piped());
    let mut child = command
        .spawn()
        .map_err(|e| format!("could not start {command:?}: {e}"))?;
    let mut stdout = String::new();
    child
        .stdout
        .take()
        .expect("piped")
        .read_to_string(&mut stdout)
        .map_err(|e| e.to_string())?;
    let mut status = 0;
    #[allow(unsafe_code)]
    // SAFETY: `rusage` is plain data, zero is a valid value; wait4 writes it
    // and the status for our own child, which std has not reaped (we never
    // call `Child::wait` on it).
    let usage = unsafe {
        let mut usage: libc::rusage = std::mem::zeroed();
        if libc::wait4(child.id() as libc::pid_t, &mut status, 0, &mut usage) < 0 {
            return Err(format!("wait4: {}", std::io::Error::last_os_error()));
        }
        usage
    };
    if !(libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0) {
        return Err(format!("{command:?} failed (status {status}): {stdout}"));
    }
    let seconds = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
    let report = serde_json::from_str(stdout.trim())
        .map_err(|e| format!("{command:?} printed `{stdout}`: {e}"))?;
    Ok(Sample {
        report,
        cpu_s: seconds(usage.ru_utime) + seconds(usage.ru_stime),
        max_rss_kib: usage.ru_maxrss as u64,
    })
}

/// A venv under bench/target with `requests`, made on first use.
fn python_venv(bench_dir: &Path) -> Result<PathBuf, String> {
    let venv = bench_dir.join("target/pyvenv");
    let python = venv.join("bin/python");
    let ready = Command::new(&python)
        .args(["-c", "import requests"])
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if ready {
        return Ok(python);
    }
    let run = |command: &mut Command| -> Result<(), String> {
        let status = command.status().map_err(|e| format!("{command:?}: {e}"))?;
        if status.success() {
            Ok(())
        } else {
            Err(format!("{command:?} failed ({status})"))
        }
    };
    run(Command::new("python3").args(["-m", "venv"]).arg(&venv))?;
    run(Command::new(venv.join("bin/pip")).args(["install", "--quiet", "requests"]))?;
    Ok(python)
}

fn median(mut values: Vec<f64>) -> f64 {
    if values.is_empty() {
        return f64::NAN;
    }
    values.sort_by(f64::total_cmp);
    let mid = values.len() / 2;
    if values.len() % 2 == 1 {
        values[mid]
    } else {
        (values[mid - 1] + values[mid]) / 2.0
    }
}

fn number(report: &Value, key: &str) -> f64 {
    report.get(key).and_then(Value::as_f64).unwrap_or(f64::NAN)
}

fn render(
    config: &Config,
    started: &str,
    load_before: &str,
    samples: &[(&str, Vec<Sample>, Vec<Sample>)],
    layers: &[breakdown::Layer],
    concurrency: &[(&str, usize, Result<Sample, String>)],
) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "## Whole stack (issue 7)\n");
    let _ = writeln!(
        out,
        "Measured {started} on {} ({} cores). Load average {load_before} at the start, {} at the end: \
         the machine is shared with other builds, so wall times are noisy; CPU time (user + system, \
         from `wait4` on each peer's own process) and allocation counts are the figures to compare. \
         Command: `{}` (the same as `cargo run --release --manifest-path bench/Cargo.toml --bin e2e -- run{}`, from `bench/src/bin/e2e/`).\n",
        cpu_model(),
        std::thread::available_parallelism().map_or(0, |n| n.get()),
        loadavg(),
        config.command,
        if config.command.ends_with("--quick") {
            " --quick"
        } else {
            ""
        },
    );

    // End to end.
    let n = config.chunks as f64;
    let expected = server::render(config.chunks, Shape::OpenRouter).1;
    let per_chunk = |long: &[Sample], short: &[Sample]| {
        let l = median(long.iter().map(|s| s.cpu_s).collect());
        let s = median(short.iter().map(|s| s.cpu_s).collect());
        (l - s) / (n - 1.0) * 1e6
    };
    let ours_cpu = samples
        .iter()
        .find(|(p, ..)| *p == "ours")
        .map(|(_, l, s)| per_chunk(l, s))
        .unwrap_or(f64::NAN);
    let _ = writeln!(
        out,
        "### End to end: one stream of {} chunks\n\n\
         A loopback server (`e2e serve`) streams {} OpenRouter-shaped chunks of about 300 bytes \
         (one HTTP chunk per event, a `: OPENROUTER PROCESSING` keep-alive every 100 chunks, a finish \
         chunk, a usage chunk, `[DONE]`: {:.1} MiB of SSE). Each peer reads it into the final text \
         and usage in its own process, {} rounds, peers interleaved. *CPU per chunk* is the marginal \
         cost: (median CPU for the long stream − median CPU for a one-chunk stream) / {}, so start-up \
         (the Python interpreter importing `requests`, building a client) is not counted. async-openai \
         decodes OpenRouter's chunks as they are (its types ignore the extra fields), so no \
         OpenAI-shaped variant was needed. Our client also assembles the full completion \
         (`StreamAccumulator`: tool calls, reasoning, usage); the async-openai and Python loops \
         only append the text and keep the usage.\n\n\
         Where the reading loop runs matters on tokio's current-thread runtime: in `block_on` \
         (the first two rows), the runtime polls the `block_on` future only once its run queue \
         is empty, which costs a driver poll (`epoll_wait`) for every HTTP chunk hyper's \
         connection task hands over; async-openai reads the body in a task it spawns itself and \
         forwards events over a channel, so its `block_on` loop receives them in batches. The \
         `spawned task` rows run each client's loop in a `tokio::spawn`ed task (as a server's \
         request handler runs), where both hand-overs stay in the run queue. Counted with \
         `strace -c -f`: 50,546 `epoll_wait` calls for our loop in `block_on`, 1,660 in a \
         spawned task, 1,662 for async-openai.\n",
        config.chunks,
        config.chunks,
        server::render(config.chunks, Shape::OpenRouter).0.len() as f64 / (1 << 20) as f64,
        config.reps,
        config.chunks - 1,
    );
    let _ = writeln!(
        out,
        "| peer | wall, median | CPU, median | CPU per chunk | ratio to ours | peak RSS | allocations per chunk | text, chunks and usage correct |\n\
         |---|---:|---:|---:|---:|---:|---:|---|"
    );
    for (peer, long, short) in samples {
        if long.is_empty() {
            let _ = writeln!(out, "| {} | not run | | | | | | |", label(peer));
            continue;
        }
        let wall = median(long.iter().map(|s| number(&s.report, "wall_s")).collect());
        let cpu = median(long.iter().map(|s| s.cpu_s).collect());
        let rss = median(long.iter().map(|s| s.max_rss_kib as f64).collect());
        let marginal = per_chunk(long, short);
        let allocs = marginal_allocations(long, short)
            .filter(|a| a.is_finite())
            .map_or("–".to_owned(), |a| format!("{a:.2}"));
        let expected_chunks = (config.chunks + 2) as f64;
        let correct = long.iter().all(|s| {
            let content = match (s.report.get("content_fnv"), s.report.get("chars")) {
                (Some(hash), _) => hash.as_u64() == Some(crate::fnv1a(expected.as_bytes())),
                (None, Some(chars)) => chars.as_u64() == Some(expected.chars().count() as u64),
                (None, None) => false,
            };
            content
                && number(&s.report, "chunks") == expected_chunks
                && number(&s.report, "completion_tokens") == n
        });
        let _ = writeln!(
            out,
            "| {} | {:.0} ms | {:.0} ms | {:.2} µs | {} | {:.1} MiB | {} | {} |",
            label(peer),
            wall * 1e3,
            cpu * 1e3,
            marginal,
            if *peer == "ours" {
                "1.00×".to_owned()
            } else {
                format!("{:.2}×", marginal / ours_cpu)
            },
            rss / 1024.0,
            allocs,
            if correct { "yes" } else { "**no**" },
        );
    }
    let _ = writeln!(
        out,
        "\nAllocations count `alloc` + `realloc` calls in the peer's process from sending the request \
         to holding the result; *per chunk* is marginal like the CPU (long stream less one-chunk \
         stream, over the chunks between them). Python's are not counted.\n"
    );

    // Layers.
    let ours_total = samples
        .iter()
        .find(|(p, ..)| *p == "ours")
        .and_then(|(_, long, short)| marginal_allocations(long, short));
    let _ = writeln!(
        out,
        "### Allocations per chunk, layer by layer\n\n\
         Each layer of our stream path run alone over the same chunks in one process \
         (`e2e breakdown`), counted by the same allocator.\n"
    );
    layer_table(&mut out, layers, ours_total);

    // Concurrency.
    let _ = writeln!(
        out,
        "### Concurrent streams from one process\n\n\
         N streams of {} chunks at once from one process (tokio, 2 worker threads, one client per \
         server port, 4 ports); the server holds every stream after its first half until all N are \
         open, so all N are in flight together. Peak RSS from `wait4`; *per stream* is (peak − RSS \
         before the streams started) / N. The clients' connection pools keep each finished \
         connection idle (reqwest's default: no per-host cap, 90 s idle timeout), so N streams \
         open N connections.\n",
        config.stream_chunks
    );
    let _ = writeln!(
        out,
        "| peer | streams | ok | errors | wall | CPU | peak RSS | RSS per stream | ratio to ours |\n\
         |---|---:|---:|---:|---:|---:|---:|---:|---:|"
    );
    for (peer, streams, sample) in concurrency {
        match sample {
            Ok(s) => {
                let per_stream = |s: &Sample| {
                    (s.max_rss_kib as f64 - number(&s.report, "baseline_rss_kib")) / *streams as f64
                };
                let ours = concurrency
                    .iter()
                    .find(|(p, n, _)| *p == "ours" && n == streams)
                    .and_then(|(_, _, s)| s.as_ref().ok())
                    .map(per_stream);
                let ratio = ours.map_or("–".to_owned(), |o| format!("{:.2}×", per_stream(s) / o));
                let _ = writeln!(
                    out,
                    "| {} | {streams} | {} | {} | {:.2} s | {:.2} s | {:.0} MiB | {:.1} KiB | {ratio} |",
                    label(peer),
                    number(&s.report, "ok"),
                    number(&s.report, "errors"),
                    number(&s.report, "wall_s"),
                    s.cpu_s,
                    s.max_rss_kib as f64 / 1024.0,
                    per_stream(s),
                );
                if let Some(e) = s.report.get("first_error").and_then(Value::as_str) {
                    let _ = writeln!(out, "|  | first error: {e} | | | | | | | |");
                }
            }
            Err(e) => {
                let _ = writeln!(
                    out,
                    "| {} | {streams} | failed: {e} | | | | | | |",
                    label(peer)
                );
            }
        }
    }
    out.push('\n');

    // Targets (issues 7 and 18), from the figures above.
    let cpu_of = |peer: &str| {
        samples
            .iter()
            .find(|(p, ..)| *p == peer)
            .filter(|(_, l, s)| !l.is_empty() && !s.is_empty())
            .map_or(f64::NAN, |(_, l, s)| per_chunk(l, s))
    };
    let allocations = ours_total.unwrap_or(f64::NAN);
    let verdict = |ok: bool| if ok { "met" } else { "**missed**" };
    let _ = writeln!(
        out,
        "### Targets
"
    );
    let aoai = ours_cpu / cpu_of("async-openai");
    let _ = writeln!(
        out,
        "- CPU per chunk ≤ 0.5× async-openai's: {:.2}× ({}).",
        aoai,
        verdict(aoai <= 0.5)
    );
    let spawned = cpu_of("ours+spawn") / cpu_of("async-openai+spawn");
    let _ = writeln!(
        out,
        "- The same, both loops in a spawned task: {:.2}× ({}).",
        spawned,
        verdict(spawned <= 0.5)
    );
    let py = cpu_of("python") / ours_cpu;
    let _ = writeln!(
        out,
        "- CPU per chunk ≥ 10× less than the Python loop: {:.1}× less ({}).",
        py,
        verdict(py >= 10.0)
    );
    // The chunk's own allocations (its decode) against what the stream
    // adds over many chunks: hyper's socket read buffers, the text buffer's
    // doublings.
    let decode = layers
        .iter()
        .find(|l| l.name == "ChatChunk::from_json_in")
        .map_or(f64::NAN, |l| l.per_chunk.allocs + l.per_chunk.reallocs);
    // Met when each chunk allocates once (its `choices`) and what is over
    // comes once per stream or per socket read, not per chunk: the usage
    // chunk's boxed `Usage`, hyper's read buffers, the text's doublings.
    let _ = writeln!(
        out,
        "- ≤ 1 allocation per chunk, end to end: {allocations:.3}, of which the chunk's decode \
         {decode:.3} (its `choices`; the usage chunk's boxed `Usage` once per stream) and {:.3} \
         the stream's amortised buffers (socket reads, the text's doublings) ({}).",
        allocations - decode,
        verdict(decode < 1.005 && allocations - decode < 0.01)
    );
    if let Some((_, _, Ok(s))) = concurrency
        .iter()
        .filter(|(p, ..)| *p == "ours")
        .max_by_key(|(_, n, _)| *n)
    {
        let streams = number(&s.report, "ok") + number(&s.report, "errors");
        let rss = s.max_rss_kib as f64 / 1024.0;
        let _ = writeln!(
            out,
            "- {streams} concurrent streams under 1 GiB RSS, no errors: {rss:.0} MiB, {} errors ({}).",
            number(&s.report, "errors"),
            verdict(rss < 1024.0 && number(&s.report, "errors") == 0.0)
        );
    }
    out.push('\n');
    out
}

fn layer_table(out: &mut String, layers: &[breakdown::Layer], whole: Option<f64>) {
    let _ = writeln!(
        out,
        "| layer | allocations per chunk | of which realloc | bytes per chunk | note |\n\
         |---|---:|---:|---:|---|"
    );
    for layer in layers {
        let p = layer.per_chunk;
        let _ = writeln!(
            out,
            "| {} | {:.2} | {:.2} | {:.0} | {} |",
            layer.name,
            p.allocs + p.reallocs,
            p.reallocs,
            p.bytes,
            layer.note
        );
    }
    if let Some(whole) = whole {
        let _ = writeln!(
            out,
            "| **whole client, end to end** | **{whole:.2}** | | | request to result, marginal per chunk (target ≤ 1) |"
        );
    }
    out.push('\n');
}

/// Allocations (`alloc` + `realloc`) per chunk, marginal like the CPU: the
/// long stream's count less the one-chunk stream's, over the chunks between
/// them, so the request and the client's set-up are not counted. `None`
/// for a peer whose allocations are not counted (Python).
fn marginal_allocations(long: &[Sample], short: &[Sample]) -> Option<f64> {
    let count = |s: &Sample| number(&s.report, "allocs") + number(&s.report, "reallocs");
    let (long, short) = (long.first()?, short.first()?);
    let chunks = number(&long.report, "chunks") - number(&short.report, "chunks");
    Some((count(long) - count(short)) / chunks)
}

fn label(peer: &str) -> &'static str {
    match peer {
        "ours" => "openrouter-api (ours)",
        "async-openai" => "async-openai 0.43",
        "python" => "Python: requests + iter_lines + json.loads",
        "ours+spawn" => "openrouter-api (ours), loop in a spawned task",
        "async-openai+spawn" => "async-openai 0.43, loop in a spawned task",
        _ => "?",
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
