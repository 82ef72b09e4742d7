//! `cargo xtask peer`: proves the mock server speaks OpenRouter well enough for a real
//! third-party client, OpenAI's official Python SDK (plain chat, streamed chat, a 429).
//!
//! Creates a venv under the target directory, installs `openai` there, builds and starts
//! `openrouter-mock`, runs `crates/openrouter-testkit/peer/openai_peer.py` against it and
//! stops the server. Needs `python3` with `venv` and access to PyPI on the first run.

use std::io::{BufRead as _, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

use crate::ci::workspace_root;

/// Runs the peer check; `--python PATH` picks the interpreter used to create the venv.
pub fn run(args: &[String]) -> Result<(), String> {
    let python = match args {
        [] => "python3".to_owned(),
        [flag, path] if flag == "--python" => path.clone(),
        _ => {
            return Err(format!(
                "usage: cargo xtask peer [--python PATH], got {args:?}"
            ));
        }
    };
    let root = workspace_root();
    let target =
        std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| root.join("target"), PathBuf::from);
    let venv = target.join("peer-venv");
    let venv_python = venv.join("bin/python");

    if !venv_python.exists() {
        eprintln!("peer: creating a venv in {}", venv.display());
        run_step(
            Command::new(&python).args(["-m", "venv"]).arg(&venv),
            "python3 -m venv",
        )?;
    }
    eprintln!("peer: installing the openai package");
    run_step(
        Command::new(&venv_python).args([
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
            "openai",
        ]),
        "pip install openai",
    )?;
    let version = Command::new(&venv_python)
        .args(["-c", "import openai; print(openai.__version__)"])
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_owned())
        .unwrap_or_default();

    eprintln!("peer: building openrouter-mock");
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    run_step(
        Command::new(&cargo)
            .args([
                "build",
                "--quiet",
                "-p",
                "openrouter-testkit",
                "--bin",
                "openrouter-mock",
            ])
            .current_dir(&root),
        "cargo build openrouter-mock",
    )?;
    let binary = target
        .join("debug")
        .join(format!("openrouter-mock{}", std::env::consts::EXE_SUFFIX));

    let mut server = Server::start(&binary)?;
    eprintln!("peer: mock server at {}", server.base_url);
    let script = root.join("crates/openrouter-testkit/peer/openai_peer.py");
    let result = run_step(
        Command::new(&venv_python)
            .arg(&script)
            .arg(&server.base_url),
        "openai_peer.py",
    );
    server.stop();
    result?;
    eprintln!("peer: the official openai Python SDK {version} works against the mock server");
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

fn run_step(command: &mut Command, what: &str) -> Result<(), String> {
    let status = command
        .status()
        .map_err(|e| format!("{what}: cannot start: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{what} failed ({status})"))
    }
}
