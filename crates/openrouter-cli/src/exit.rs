//! Exit codes and the one failure type: what went wrong, what to do, and which code to exit with.

use std::fmt;
use std::process::ExitCode;

use openrouter_api::{DEFAULT_BASE_URL, Error, TimeoutKind, TransportKind, TruncationReason};

use crate::notice;

/// The process exit codes, documented in `--help` and the README.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Code {
    /// OpenRouter or the provider refused the request.
    Api = 1,
    /// Invalid arguments (clap exits with 2 itself), or no prompt.
    Usage = 2,
    /// The answer started but is incomplete: a mid-stream error or a cut stream.
    Incomplete = 3,
    /// OpenRouter could not be reached, or a timeout.
    Network = 4,
    /// No API key, an invalid base URL, a malformed config file, or an unusable fixture
    /// directory.
    Config = 5,
    /// `batch run`: the `--max-cost` budget is reached.
    Budget = 6,
    /// `chat --schema`: the answer is not JSON valid against the schema (or is a tool call).
    Schema = 7,
    /// Ctrl-C.
    Interrupted = 130,
}

impl From<Code> for ExitCode {
    fn from(code: Code) -> Self {
        ExitCode::from(code as u8)
    }
}

/// A command that did not succeed: printed as `error: <message>` on stderr, then the process
/// exits with `code`.
#[derive(Debug)]
pub struct Failure {
    code: Code,
    message: String,
    /// The reader of stdout went away (`openrouter models | head`): nothing to report.
    quiet: bool,
}

impl Failure {
    /// A failure with this exit code and message (lowercase, saying what to do).
    pub fn new(code: Code, message: impl Into<String>) -> Self {
        Self {
            code,
            message: message.into(),
            quiet: false,
        }
    }

    /// No key in the environment and not offline.
    pub fn no_api_key() -> Self {
        Self::new(
            Code::Config,
            "OPENROUTER_API_KEY is not set: create a key at https://openrouter.ai/settings/keys, \
             then `export OPENROUTER_API_KEY=sk-or-v1-…` (or try the bundled demo with --offline)",
        )
    }

    /// Ctrl-C during a request or stream.
    pub fn interrupted(printed_partial: bool) -> Self {
        let message = if printed_partial {
            "interrupted: the answer above is incomplete"
        } else {
            "interrupted before the answer started"
        };
        Self::new(Code::Interrupted, message)
    }

    /// A client error, classified; `printed_partial` says whether part of an answer already
    /// reached stdout (it stays there).
    pub fn from_client(error: &Error, printed_partial: bool) -> Self {
        let code = match error {
            Error::Api(_) | Error::Decode(_) | Error::LimitExceeded(_) => Code::Api,
            // An error event before any text is a refusal like any other; after text, the
            // answer on stdout is incomplete.
            Error::MidStream(_) if !printed_partial => Code::Api,
            Error::MidStream(_) | Error::TruncatedStream(_) => Code::Incomplete,
            Error::Timeout(e) if e.kind() == TimeoutKind::Idle && printed_partial => {
                Code::Incomplete
            }
            Error::Transport(_) | Error::Timeout(_) => Code::Network,
            Error::Config(_) => Code::Config,
            _ => Code::Api,
        };
        let mut message = match error {
            Error::MidStream(_) if printed_partial => {
                format!("{error} (the answer above is incomplete)")
            }
            Error::TruncatedStream(e) => format!(
                "the answer is incomplete: {}; send the request again for a complete answer",
                truncation(e.reason())
            ),
            Error::Timeout(e) if e.kind() == TimeoutKind::Total => format!(
                "no answer within the --timeout of {}: raise --timeout, or leave it out for no \
                 limit",
                notice::wait(e.duration())
            ),
            Error::Timeout(e) if e.kind() == TimeoutKind::ResponseHeaders => {
                let mut message = format!(
                    "no answer started within {}: try again, or raise --timeout for slow models",
                    notice::wait(e.duration())
                );
                if error.is_ambiguous() {
                    message.push_str(
                        "; the request may have been processed (and billed) all the same",
                    );
                }
                message
            }
            Error::Transport(e) if matches!(e.kind(), TransportKind::Connect) => {
                let text = error.to_string();
                match elsewhere(e.url()) {
                    // The client's advice is about the network; for a local or custom server
                    // the address is the likelier culprit.
                    Some(hint) => text.replacen("; check the network", hint, 1),
                    None => text,
                }
            }
            _ => error.to_string(),
        };
        if let Some(hint) = notice::fallback_hint(error) {
            message.push('\n');
            message.push_str(&hint);
        }
        Self::new(code, message)
    }

    /// The exit code.
    pub fn code(&self) -> Code {
        self.code
    }

    /// Whether to exit silently with success: the consumer of stdout closed it, which is
    /// how `| head` says it has read enough.
    pub fn is_quiet(&self) -> bool {
        self.quiet
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl From<std::io::Error> for Failure {
    fn from(error: std::io::Error) -> Self {
        let quiet = error.kind() == std::io::ErrorKind::BrokenPipe;
        Self {
            quiet,
            ..Self::new(Code::Api, format!("cannot write the output: {error}"))
        }
    }
}

/// Commands return this: `Ok` exits 0.
pub type Outcome = Result<(), Failure>;

/// What to check when a server other than OpenRouter's could not be reached: usually the
/// address, not the network.
fn elsewhere(url: Option<&str>) -> Option<&'static str> {
    url.filter(|url| !url.starts_with(DEFAULT_BASE_URL)).map(
        |_| "; is a server listening there? check --base-url or OPENROUTER_BASE_URL, which set it",
    )
}

/// Why a stream ended early, in the CLI's words (the client's message talks to programmers
/// about where the partial output is kept).
fn truncation(reason: TruncationReason) -> &'static str {
    match reason {
        TruncationReason::EndOfBody => "the stream ended before the model finished",
        TruncationReason::ConnectionLost => "the connection broke during the answer",
        TruncationReason::Timeout(TimeoutKind::Total) => {
            "the answer took longer than the total time limit"
        }
        TruncationReason::Timeout(_) => "the stream went silent for longer than the idle timeout",
        _ => "the stream stopped early",
    }
}
