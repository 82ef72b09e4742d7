//! Whole-stack benchmark (issue 7): a loopback server streams a long
//! OpenRouter chat completion; our client, async-openai and the seed-style
//! Python loop each read it into a final completion in their own process
//! (wall time, CPU time and peak RSS from `wait4`), allocations per chunk
//! come from a counting allocator, and thousands of concurrent streams run
//! from one process.
//!
//! `e2e run [--quick] [--out FILE]` does everything and writes the Markdown
//! section of BENCHMARKS.md; the other subcommands are its children:
//! `serve`, `client`, `concurrent`, `breakdown`.

mod alloc;
mod breakdown;
mod peers;
mod runner;
mod server;

use std::sync::Arc;
use std::time::Instant;

use peers::{AnyClient, Peer};
use server::Shape;

#[global_allocator]
static ALLOCATOR: alloc::Counting = alloc::Counting;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("run") => runner::run(&args[1..]),
        Some("serve") => serve(&args[1..]),
        Some("client") => client(&args[1..]),
        Some("concurrent") => concurrent(&args[1..]),
        Some("breakdown") => {
            let chunks = flag(&args, "--chunks").map_or(Ok(20_000), |v| parse(&v));
            chunks.map(|n| print!("{}", runner::breakdown_table(n)))
        }
        _ => Err(
            "usage: e2e run [--quick] [--out FILE] | serve | client | concurrent | breakdown"
                .into(),
        ),
    };
    if let Err(error) = result {
        eprintln!("e2e: {error}");
        std::process::exit(1);
    }
}

/// `serve --chunks N [--shape openrouter|openai] [--ports P] [--gate G]`:
/// prints `listening ADDR...` and serves until killed.
fn serve(args: &[String]) -> Result<(), String> {
    raise_nofile();
    let chunks = parse(&flag(args, "--chunks").ok_or("--chunks is required")?)?;
    let shape = Shape::parse(&flag(args, "--shape").unwrap_or_else(|| "openrouter".into()))?;
    let ports = flag(args, "--ports").map_or(Ok(1), |v| parse(&v))?;
    let gate = flag(args, "--gate")
        .map(|v| parse(&v))
        .transpose()?
        .map(|n| Arc::new(server::Gate::new(n)));
    let (sse, _) = server::render(chunks, shape);
    let body = Arc::new(server::chunked(&sse));
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()
        .map_err(|e| e.to_string())?;
    runtime.block_on(async move {
        let addrs = server::serve(ports, body, gate)
            .await
            .map_err(|e| format!("bind: {e}"))?;
        let list: Vec<String> = addrs.iter().map(ToString::to_string).collect();
        println!("listening {}", list.join(" "));
        use std::io::Write as _;
        let _ = std::io::stdout().flush();
        std::future::pending::<()>().await;
        Ok(())
    })
}

/// `client PEER --url URL`: one stream; prints a JSON line.
fn client(args: &[String]) -> Result<(), String> {
    let peer = Peer::parse(args.first().ok_or("client needs a peer")?)?;
    let url = flag(args, "--url").ok_or("--url is required")?;
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| e.to_string())?;
    let spawn = args.iter().any(|a| a == "--spawn");
    let outcome = runtime.block_on(async {
        let client = AnyClient::new(peer, &url)?;
        if spawn {
            // The consumer in a task of its own, as a server's request
            // handler runs: see "Where the consumer runs" in BENCHMARKS.md.
            tokio::spawn(async move { client.stream_one().await })
                .await
                .map_err(|e| e.to_string())?
        } else {
            client.stream_one().await
        }
    })?;
    let json = serde_json::json!({
        "chunks": outcome.chunks,
        // A hash, not a comparison: rendering the expected text here would
        // add its CPU time to this peer's.
        "content_fnv": fnv1a(outcome.content.as_bytes()),
        "completion_tokens": outcome.completion_tokens,
        "allocs": outcome.allocs.allocs,
        "reallocs": outcome.allocs.reallocs,
        "alloc_bytes": outcome.allocs.bytes,
        "wall_s": outcome.wall_s,
    });
    println!("{json}");
    Ok(())
}

/// `concurrent PEER --urls A,B --streams N --chunks M`: N streams at once
/// from one process (two worker threads, one client per server port);
/// prints a JSON line.
fn concurrent(args: &[String]) -> Result<(), String> {
    raise_nofile();
    let peer = Peer::parse(args.first().ok_or("concurrent needs a peer")?)?;
    let urls = flag(args, "--urls").ok_or("--urls is required")?;
    let streams = parse(&flag(args, "--streams").ok_or("--streams is required")?)?;
    let chunks = parse(&flag(args, "--chunks").ok_or("--chunks is required")?)?;
    let (_, expected) = server::render(chunks, Shape::OpenRouter);
    let expected = Arc::new(expected);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(|e| e.to_string())?;
    let result = runtime.block_on(async move {
        let clients = urls
            .split(',')
            .map(|url| AnyClient::new(peer, url))
            .collect::<Result<Vec<_>, _>>()?;
        let baseline_kib = rss_kib();
        let start = Instant::now();
        let tasks: Vec<_> = (0..streams)
            .map(|i| {
                let client = clients[i % clients.len()].clone();
                let expected = expected.clone();
                tokio::spawn(async move {
                    let outcome = client.stream_one().await?;
                    if outcome.content != *expected {
                        return Err(format!("content differs after {} chunks", outcome.chunks));
                    }
                    Ok(())
                })
            })
            .collect();
        let (mut ok, mut errors, mut first_error) = (0u64, 0u64, None);
        for task in tasks {
            match task.await {
                Ok(Ok(())) => ok += 1,
                Ok(Err(e)) => {
                    errors += 1;
                    first_error.get_or_insert(e);
                }
                Err(e) => {
                    errors += 1;
                    first_error.get_or_insert(e.to_string());
                }
            }
        }
        Ok::<_, String>(serde_json::json!({
            "ok": ok,
            "errors": errors,
            "first_error": first_error,
            "wall_s": start.elapsed().as_secs_f64(),
            "baseline_rss_kib": baseline_kib,
        }))
    })?;
    println!("{result}");
    Ok(())
}

/// FNV-1a, 64 bits: enough to tell whether two texts differ.
pub fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &b| {
        (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Resident set size of this process now, in KiB.
fn rss_kib() -> u64 {
    let statm = std::fs::read_to_string("/proc/self/statm").unwrap_or_default();
    let pages: u64 = statm
        .split_whitespace()
        .nth(1)
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    pages * 4
}

/// Lifts the soft open-files limit to the hard one (10,000 sockets need it).
fn raise_nofile() {
    #[allow(unsafe_code)]
    // SAFETY: getrlimit/setrlimit only read and write the struct we pass.
    unsafe {
        let mut limit: libc::rlimit = std::mem::zeroed();
        if libc::getrlimit(libc::RLIMIT_NOFILE, &mut limit) == 0 {
            limit.rlim_cur = limit.rlim_max;
            libc::setrlimit(libc::RLIMIT_NOFILE, &limit);
        }
    }
}

fn flag(args: &[String], name: &str) -> Option<String> {
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1).cloned())
}

fn parse(text: &str) -> Result<usize, String> {
    text.replace('_', "")
        .parse()
        .map_err(|_| format!("`{text}` is not a number"))
}
