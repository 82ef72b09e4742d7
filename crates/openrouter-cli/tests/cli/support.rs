//! The harness: a mock OpenRouter (the testkit's server) on its own runtime, and the built
//! `openrouter` binary run against it with a clean environment.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

use openrouter_testkit::raw::{RawServer, Script};
use openrouter_testkit::server::{MockOpenRouter, Pacing};
use openrouter_testkit::{FixtureSet, RecordedRequest};
use tokio::runtime::Runtime;

/// A fake key in OpenRouter's shape (`sk-or-v1-` + 64 hex digits): the tests check it is sent,
/// and never printed. Spelled in pieces so secret scanners do not flag the source.
pub const KEY: &str = concat!(
    "sk-or-v1-",
    "0123456789abcdef",
    "0123456789abcdef",
    "0123456789abcdef",
    "0123456789abcdef"
);

/// The generation id of the demo answer (`chat/demo_stream`).
pub const DEMO_ID: &str = "gen-1764115200-q7LmX2vR9sTnB4wYc8Ke";

/// The demo answer, whole.
pub const DEMO_ANSWER: &str = "Hello from the OpenRouter mock server! You are running offline, so this answer was recorded ahead of time instead of being written by a live model. It still travelled over a real HTTP connection on 127.0.0.1, arriving in small pieces with keep-alive comments, a usage chunk and a final done marker, just like OpenRouter streams them. Set OPENROUTER_API_KEY and drop --offline to talk to a real model.";

/// The testkit's server with the bundled fixtures, running on a runtime of its own so tests
/// can block on the child process.
pub struct Mock {
    server: Option<MockOpenRouter>,
    runtime: Runtime,
}

impl Mock {
    /// Whole bodies, no delay.
    pub fn start() -> Self {
        Self::paced(Pacing::new())
    }

    /// Bodies delivered with `pacing`.
    pub fn paced(pacing: Pacing) -> Self {
        Self::serve(FixtureSet::bundled(), pacing)
    }

    fn serve(set: FixtureSet, pacing: Pacing) -> Self {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .enable_all()
            .build()
            .expect("a tokio runtime");
        let server = runtime
            .block_on(MockOpenRouter::builder(set).pacing(pacing).start())
            .expect("the mock server starts");
        Self {
            server: Some(server),
            runtime,
        }
    }

    /// `http://127.0.0.1:PORT/api/v1`.
    pub fn base_url(&self) -> String {
        self.server().base_url()
    }

    /// What the server received so far.
    pub fn requests(&self) -> Vec<RecordedRequest> {
        self.server().received_requests()
    }

    /// The binary, pointed at this server with the fake key.
    pub fn command(&self, args: &[&str]) -> Command {
        let mut command = openrouter(args);
        command
            .env("OPENROUTER_BASE_URL", self.base_url())
            .env("OPENROUTER_API_KEY", KEY);
        command
    }

    /// Runs the binary against this server with stdin closed.
    pub fn run(&self, args: &[&str]) -> Run {
        Run::of(self.command(args), None, self)
    }

    /// Runs the binary against this server with `stdin` piped in.
    pub fn run_with_stdin(&self, args: &[&str], stdin: &str) -> Run {
        Run::of(self.command(args), Some(stdin), self)
    }

    fn server(&self) -> &MockOpenRouter {
        self.server.as_ref().expect("running")
    }

    /// Replaces the port with `[port]`, so snapshots do not depend on it.
    pub fn redact(&self, text: &str) -> String {
        let addr = self.server().addr().to_string();
        text.replace(&addr, "127.0.0.1:[port]")
    }
}

impl Drop for Mock {
    fn drop(&mut self) {
        if let Some(server) = self.server.take() {
            self.runtime.block_on(server.shutdown());
        }
    }
}

/// The testkit's raw server (exact bytes per request: statuses, pauses, slow streams) on a
/// runtime of its own.
pub struct Raw {
    server: RawServer,
    _runtime: Runtime,
}

impl Raw {
    /// Answers request *n* with `scripts[n]`, the last script answering every later request.
    pub fn start<S: Into<Script>>(scripts: impl IntoIterator<Item = S>) -> Self {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .enable_all()
            .build()
            .expect("a tokio runtime");
        let server = runtime
            .block_on(RawServer::start(scripts))
            .expect("the raw server starts");
        Self {
            server,
            _runtime: runtime,
        }
    }

    /// `http://127.0.0.1:PORT/api/v1`.
    pub fn base_url(&self) -> String {
        self.server.base_url()
    }

    /// What the server received so far.
    pub fn requests(&self) -> Vec<RecordedRequest> {
        self.server.received_requests()
    }

    /// The binary, pointed at this server with the fake key.
    pub fn command(&self, args: &[&str]) -> Command {
        let mut command = openrouter(args);
        command
            .env("OPENROUTER_BASE_URL", self.base_url())
            .env("OPENROUTER_API_KEY", KEY);
        command
    }

    /// Runs the binary against this server with stdin closed; the port redacted.
    pub fn run(&self, args: &[&str]) -> Run {
        self.finish(Run::plain(self.command(args), None))
    }

    /// `run` with its port replaced by `[port]`.
    pub fn finish(&self, mut run: Run) -> Run {
        let addr = self.server.addr().to_string();
        run.stdout = run.stdout.replace(&addr, "127.0.0.1:[port]");
        run.stderr = run.stderr.replace(&addr, "127.0.0.1:[port]");
        run
    }
}

/// The binary with `args` and a clean environment (see [`clean_env`]).
pub fn openrouter(args: &[&str]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_openrouter"));
    clean_env(&mut command);
    command.args(args);
    command
}

/// Removes the variables that change the binary's behaviour (`OPENROUTER_*`, `RUST_LOG`,
/// `NO_COLOR`, `COLUMNS`) from `command`'s environment, and points the config and data dirs at
/// an empty directory of this test run: the user's config file and history stay out of it.
pub fn clean_env(command: &mut Command) {
    for (name, _) in std::env::vars_os() {
        let name = name.to_string_lossy();
        if name.starts_with("OPENROUTER_")
            || ["RUST_LOG", "NO_COLOR", "COLUMNS"].contains(&name.as_ref())
        {
            command.env_remove(name.as_ref());
        }
    }
    let home = scratch_dir("home");
    command
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_DATA_HOME", home.join("data"));
}

/// A fresh directory for one test (`name` unique per test), removed first if a previous
/// run left it.
pub fn scratch_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "openrouter-cli-tests-{}/{name}",
        std::process::id()
    ));
    if name != "home" {
        let _ = std::fs::remove_dir_all(&dir);
    }
    std::fs::create_dir_all(&dir).expect("a temporary directory");
    dir
}

/// A finished run.
#[derive(Debug)]
pub struct Run {
    /// The exit code (`None` if killed by a signal).
    pub code: Option<i32>,
    /// stdout, port redacted.
    pub stdout: String,
    /// stderr, port redacted.
    pub stderr: String,
}

impl Run {
    /// Runs `command` to completion, feeding `stdin` (or closing it).
    pub fn of(mut command: Command, stdin: Option<&str>, mock: &Mock) -> Run {
        let output = run(&mut command, stdin);
        Run {
            code: output.status.code(),
            stdout: mock.redact(&String::from_utf8_lossy(&output.stdout)),
            stderr: mock.redact(&String::from_utf8_lossy(&output.stderr)),
        }
    }

    /// Runs `command` without a mock to redact for.
    pub fn plain(mut command: Command, stdin: Option<&str>) -> Run {
        let output = run(&mut command, stdin);
        Run {
            code: output.status.code(),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        }
    }

    /// Exit code, stdout and stderr in one text for a snapshot.
    pub fn dump(&self) -> String {
        format!(
            "exit: {}\n--- stdout\n{}--- stderr\n{}",
            self.code
                .map_or_else(|| "signal".to_owned(), |c| c.to_string()),
            self.stdout,
            self.stderr
        )
    }

    /// Panics with the whole run unless it exited with `code`.
    #[track_caller]
    pub fn expect_code(&self, code: i32) -> &Self {
        assert_eq!(
            self.code,
            Some(code),
            "unexpected exit code:\n{}",
            self.dump()
        );
        self
    }
}

fn run(command: &mut Command, stdin: Option<&str>) -> Output {
    command
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = command.spawn().expect("the binary runs");
    if let Some(text) = stdin {
        let mut pipe = child.stdin.take().expect("piped");
        pipe.write_all(text.as_bytes())
            .expect("stdin accepts the prompt");
    }
    child.wait_with_output().expect("the binary finishes")
}
