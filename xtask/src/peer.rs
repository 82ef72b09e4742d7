//! `cargo xtask peer`: proves the mock server speaks OpenRouter well enough for real
//! third-party clients: OpenAI's official Python SDK and Anthropic's (its Messages API), then
//! async-openai (plain chat, streamed chat, a 429 each).
//!
//! Python: creates a venv under the target directory, installs `openai` and `anthropic` there,
//! builds and starts `openrouter-mock`, runs `crates/openrouter-testkit/peer/openai_peer.py`
//! and `anthropic_peer.py` against it and stops the server. Needs `python3` with `venv` and access to PyPI on the first run.
//!
//! Rust: runs `bench/src/bin/peer_async_openai.rs`, which starts the mock server in-process.
//! async-openai is a heavy peer crate, so it lives in the separate `bench/` workspace and never
//! enters the main build; the first run compiles that workspace's dependencies (dev profile,
//! a few minutes on two cores). What async-openai cannot decode of OpenRouter's shapes it
//! prints as `finding …` lines without failing.

use std::io::{BufRead as _, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

use crate::ci::workspace_root;

const USAGE: &str = "usage: cargo xtask peer [--python PATH] [--python-only | --rust-only]";

/// Which peers to run, from the command line.
struct Options {
    /// The interpreter that creates the venv.
    python: String,
    run_python: bool,
    run_rust: bool,
}

fn parse(args: &[String]) -> Result<Options, String> {
    let mut options = Options {
        python: "python3".to_owned(),
        run_python: true,
        run_rust: true,
    };
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--python" => {
                options.python = args
                    .next()
                    .ok_or_else(|| format!("--python needs a path; {USAGE}"))?
                    .clone();
            }
            "--python-only" => options.run_rust = false,
            "--rust-only" => options.run_python = false,
            other => return Err(format!("unknown argument `{other}`; {USAGE}")),
        }
    }
    if !options.run_python && !options.run_rust {
        return Err(format!(
            "--python-only and --rust-only exclude each other; {USAGE}"
        ));
    }
    Ok(options)
}

/// Runs the peer checks (both unless `--python-only` or `--rust-only`); `--python PATH` picks
/// the interpreter used to create the venv.
pub fn run(args: &[String]) -> Result<(), String> {
    let options = parse(args)?;
    let root = workspace_root();
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    if options.run_python {
        python_peer(&root, &cargo, &options.python)?;
    }
    if options.run_rust {
        rust_peer(&root, &cargo)?;
    }
    Ok(())
}

/// The venv under the target directory with `openai` and `anthropic` installed (created with
/// `python` on the first run); returns its interpreter. Shared with `cargo xtask bench batch`.
pub fn venv_python(root: &Path, python: &str) -> Result<PathBuf, String> {
    let target =
        std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| root.join("target"), PathBuf::from);
    let venv = target.join("peer-venv");
    let venv_python = venv.join("bin/python");

    if !venv_python.exists() {
        eprintln!("peer: creating a venv in {}", venv.display());
        run_step(
            Command::new(python).args(["-m", "venv"]).arg(&venv),
            "python3 -m venv",
        )?;
    }
    eprintln!("peer: installing the openai and anthropic packages");
    run_step(
        Command::new(&venv_python).args([
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
            "openai",
            "anthropic",
        ]),
        "pip install openai anthropic",
    )?;
    Ok(venv_python)
}

fn python_peer(root: &Path, cargo: &str, python: &str) -> Result<(), String> {
    let target =
        std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| root.join("target"), PathBuf::from);
    let venv_python = venv_python(root, python)?;
    let version = |package: &str| {
        Command::new(&venv_python)
            .args([
                "-c",
                &format!("import {package}; print({package}.__version__)"),
            ])
            .output()
            .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_owned())
            .unwrap_or_default()
    };

    eprintln!("peer: building openrouter-mock");
    run_step(
        Command::new(cargo)
            .args([
                "build",
                "--quiet",
                "-p",
                "openrouter-testkit",
                "--bin",
                "openrouter-mock",
            ])
            .current_dir(root),
        "cargo build openrouter-mock",
    )?;
    let binary = target
        .join("debug")
        .join(format!("openrouter-mock{}", std::env::consts::EXE_SUFFIX));

    let mut server = Server::start(&binary)?;
    eprintln!("peer: mock server at {}", server.base_url);
    let peer = |script: &str| {
        run_step(
            Command::new(&venv_python)
                .arg(root.join("crates/openrouter-testkit/peer").join(script))
                .arg(&server.base_url),
            script,
        )
    };
    let result = peer("openai_peer.py").and_then(|()| peer("anthropic_peer.py"));
    server.stop();
    result?;
    eprintln!(
        "peer: the official openai ({}) and anthropic ({}) Python SDKs work against the mock server",
        version("openai"),
        version("anthropic")
    );
    Ok(())
}

fn rust_peer(root: &Path, cargo: &str) -> Result<(), String> {
    // `--quiet` hides cargo's progress, so say why the first run takes minutes.
    eprintln!(
        "peer: building and running async-openai's check (bench/ workspace; the first build \
         compiles its dependencies)"
    );
    run_step(
        Command::new(cargo)
            .args(["run", "--quiet", "--manifest-path"])
            .arg(root.join("bench/Cargo.toml"))
            .args(["--bin", "peer_async_openai"])
            .current_dir(root),
        "peer_async_openai",
    )?;
    eprintln!(
        "peer: async-openai passed its checks against the mock server (findings, if any, above)"
    );
    Ok(())
}

/// The mock server child process; killed on drop so a failed step never leaves it running.
struct Server {
    child: Child,
    base_url: String,
}

impl Server {
    fn start(binary: &Path) -> Result<Server, String> {
        let mut child = Command::new(binary)
            .args(["--port", "0"])
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .map_err(|e| format!("cannot start {}: {e}", binary.display()))?;
        let stdout = child.stdout.take().ok_or("the mock server has no stdout")?;
        let mut line = String::new();
        let read = BufReader::new(stdout).read_line(&mut line);
        let base_url = line.trim().to_owned();
        let mut server = Server { child, base_url };
        if read.is_err() || !server.base_url.starts_with("http://127.0.0.1:") {
            server.stop();
            return Err(format!(
                "the mock server did not print its base URL (got {line:?})"
            ));
        }
        Ok(server)
    }

    fn stop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop();
    }
}

pub fn run_step(command: &mut Command, what: &str) -> Result<(), String> {
    let status = command
        .status()
        .map_err(|e| format!("{what}: cannot start: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{what} failed ({status})"))
    }
}
