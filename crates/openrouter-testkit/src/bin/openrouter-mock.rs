//! `openrouter-mock`: serves recorded OpenRouter exchanges on 127.0.0.1 until Ctrl-C, so any
//! client can be pointed at it with `OPENROUTER_BASE_URL`.

use std::process::ExitCode;
use std::time::Duration;

use openrouter_testkit::FixtureSet;
use openrouter_testkit::server::{MockOpenRouter, Pacing};

const USAGE: &str =
    "usage: openrouter-mock [--port PORT] [--fixtures DIR] [--chunk-size BYTES] [--delay-ms MS]

Serves OpenRouter fixtures on http://127.0.0.1:PORT/api/v1 and prints that base URL.
  --port PORT         port to listen on (default 0: a free port)
  --fixtures DIR      fixture folder (default: the fixtures built into this binary)
  --chunk-size BYTES  write bodies in chunks of this size (default: whole bodies)
  --delay-ms MS       wait this long between chunks (default 0)";

struct Options {
    port: u16,
    fixtures: Option<String>,
    chunk_size: usize,
    delay_ms: u64,
}

fn parse(args: &[String]) -> Result<Options, String> {
    let mut options = Options {
        port: 0,
        fixtures: None,
        chunk_size: 0,
        delay_ms: 0,
    };
    let mut args = args.iter();
    while let Some(flag) = args.next() {
        let mut value = || {
            args.next()
                .cloned()
                .ok_or_else(|| format!("{flag} needs a value"))
        };
        match flag.as_str() {
            "--port" => options.port = number(flag, &value()?)?,
            "--fixtures" => options.fixtures = Some(value()?),
            "--chunk-size" => options.chunk_size = number(flag, &value()?)?,
            "--delay-ms" => options.delay_ms = number(flag, &value()?)?,
            "-h" | "--help" => return Err(String::new()),
            other => return Err(format!("unknown argument `{other}`")),
        }
    }
    Ok(options)
}

fn number<T: std::str::FromStr>(flag: &str, value: &str) -> Result<T, String> {
    value
        .parse()
        .map_err(|_| format!("{flag} expects a non-negative number, got `{value}`"))
}

#[tokio::main]
async fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let options = match parse(&args) {
        Ok(options) => options,
        Err(message) if message.is_empty() => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(message) => {
            eprintln!("openrouter-mock: {message}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let set = match &options.fixtures {
        Some(dir) => match FixtureSet::load_dir(dir) {
            Ok(set) => set,
            Err(e) => {
                eprintln!("openrouter-mock: {e}");
                return ExitCode::FAILURE;
            }
        },
        None => FixtureSet::bundled(),
    };
    let pacing = Pacing::new()
        .chunk_size(options.chunk_size)
        .delay(Duration::from_millis(options.delay_ms));
    let server = match MockOpenRouter::builder(set)
        .port(options.port)
        .pacing(pacing)
        .start()
        .await
    {
        Ok(server) => server,
        Err(e) => {
            eprintln!("openrouter-mock: {e}");
            return ExitCode::FAILURE;
        }
    };
    // The first line of stdout is the base URL, for scripts (`read -r BASE_URL`).
    println!("{}", server.base_url());
    eprintln!("openrouter-mock: serving fixtures; press Ctrl-C to stop");
    if let Err(e) = stop_requested().await {
        eprintln!("openrouter-mock: cannot wait for Ctrl-C ({e}); stopping");
    }
    server.shutdown().await;
    ExitCode::SUCCESS
}

/// Ctrl-C, or SIGTERM from a process manager or a test harness.
async fn stop_requested() -> std::io::Result<()> {
    #[cfg(unix)]
    {
        let mut terminate =
            tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())?;
        tokio::select! {
            result = tokio::signal::ctrl_c() => result,
            _ = terminate.recv() => Ok(()),
        }
    }
    #[cfg(not(unix))]
    {
        tokio::signal::ctrl_c().await
    }
}
