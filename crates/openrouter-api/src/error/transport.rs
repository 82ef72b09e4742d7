//! Failures of the connection and of the clock: where the attempt was, the
//! URL and root cause, and whether it was held back because the request may
//! already have been processed.

use std::error::Error as StdError;
use std::fmt;
use std::time::Duration;

use super::write_attempts;
use crate::TimeoutKind;
use crate::meta::Attempt;

/// What kind of connection failure happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum TransportKind {
    /// DNS resolution or TCP connect failed.
    Connect,
    /// The TLS handshake failed (certificate, protocol).
    Tls,
    /// A redirect was refused: it pointed to another host, which must not
    /// receive the API key, or there were too many.
    Redirect,
    /// The connection broke while sending the request or reading the response.
    Connection,
}

/// How far an attempt got before a connection failure or timeout.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Phase {
    /// Resolving, connecting or negotiating TLS: the request was not sent.
    Connecting,
    /// The request was written (or being written); no status came back.
    AwaitingResponse,
    /// A status came back and the body was being read.
    ReadingBody,
}

impl fmt::Display for Phase {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Connecting => "before the request was sent",
            Self::AwaitingResponse => "after the request was sent, before any answer",
            Self::ReadingBody => "while the answer was being read",
        })
    }
}

/// Where a connection failure or timeout happened, and what came of it.
#[derive(Debug, Clone)]
pub(crate) struct Sending {
    pub(crate) phase: Phase,
    /// The attempt's URL without its query (the base URL never holds credentials).
    pub(crate) url: Option<String>,
    /// Whether the base URL came from `OPENROUTER_BASE_URL`.
    pub(crate) url_from_env: bool,
    /// `X-Generation-Id` of a successful answer whose body was cut.
    pub(crate) generation_id: Option<String>,
    /// Set when the failure was not resent because the request (named) may
    /// have been processed.
    pub(crate) held_back: Option<&'static str>,
}

impl Sending {
    pub(crate) fn new(phase: Phase) -> Self {
        Self {
            phase,
            url: None,
            url_from_env: false,
            generation_id: None,
            held_back: None,
        }
    }

    fn write_url(&self, f: &mut fmt::Formatter<'_>, before: &str) -> fmt::Result {
        match &self.url {
            Some(url) => write!(f, "{before}{url}"),
            None => write!(f, "{before}openrouter"),
        }
    }

    fn write_env_hint(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.url_from_env {
            f.write_str(" and OPENROUTER_BASE_URL, which set this URL")?;
        }
        Ok(())
    }

    /// The note on a request that was not resent, or the generic advice.
    fn write_resend(&self, f: &mut fmt::Formatter<'_>, advice: &str) -> fmt::Result {
        let Some(what) = self.held_back else {
            return f.write_str(advice);
        };
        write!(
            f,
            "; the {what} request may have been processed (and billed), so it was not sent again"
        )?;
        match &self.generation_id {
            Some(id) => write!(
                f,
                ": look generation {id} up with Client::generation (GET /generation?id={id}) before resending"
            )?,
            None => f.write_str(": check before resending")?,
        }
        f.write_str(", or allow resends with RequestOptions::retry_ambiguous")
    }
}

/// The connection failed.
#[derive(Debug)]
pub struct TransportError {
    pub(crate) kind: TransportKind,
    pub(crate) source: Box<dyn StdError + Send + Sync>,
    pub(crate) attempts: Vec<Attempt>,
    pub(crate) sending: Sending,
}

impl TransportError {
    pub(crate) fn from_reqwest(err: reqwest::Error) -> Self {
        let kind = if err.is_redirect() {
            TransportKind::Redirect
        } else if err.is_connect() {
            if chain_mentions_tls(&err) {
                TransportKind::Tls
            } else {
                TransportKind::Connect
            }
        } else {
            TransportKind::Connection
        };
        let phase = if matches!(kind, TransportKind::Connect | TransportKind::Tls) {
            Phase::Connecting
        } else {
            Phase::AwaitingResponse
        };
        Self {
            kind,
            source: Box::new(err),
            attempts: Vec::new(),
            sending: Sending::new(phase),
        }
    }

    /// What failed.
    pub fn kind(&self) -> TransportKind {
        self.kind
    }

    /// How far the attempt got.
    pub fn phase(&self) -> Phase {
        self.sending.phase
    }

    /// The URL of the failed attempt, without its query.
    pub fn url(&self) -> Option<&str> {
        self.sending.url.as_deref()
    }

    /// `X-Generation-Id` of a successful answer whose body was cut.
    pub fn generation_id(&self) -> Option<&str> {
        self.sending.generation_id.as_deref()
    }

    /// The innermost cause, as its text (`connection refused`).
    pub fn root_cause(&self) -> String {
        root_cause(&*self.source)
    }

    /// Every attempt of the call.
    pub fn attempts(&self) -> &[Attempt] {
        &self.attempts
    }
}

/// reqwest does not say whether a connect error came from TLS. rustls errors
/// reach us as `io::Error`s of kind `InvalidData` (tokio-rustls) whose text
/// names the TLS problem; certificate failures say so in words.
fn chain_mentions_tls(err: &(dyn StdError + 'static)) -> bool {
    const WORDS: [&str; 7] = [
        "tls",
        "certificate",
        "handshake",
        "corrupt message",
        "alert",
        "peer sent",
        "peer is incompatible",
    ];
    let mut next = Some(err);
    while let Some(e) = next {
        if e.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::InvalidData)
        {
            return true;
        }
        let text = e.to_string().to_ascii_lowercase();
        if WORDS.iter().any(|word| text.contains(word)) {
            return true;
        }
        next = e.source();
    }
    false
}

impl fmt::Display for TransportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sending = &self.sending;
        let cause = self.root_cause();
        match self.kind {
            TransportKind::Connect => {
                sending.write_url(f, "could not connect to ")?;
                write!(f, ": {cause}; check the network")?;
                sending.write_env_hint(f)?;
            }
            TransportKind::Tls => {
                sending.write_url(f, "the TLS handshake with ")?;
                write!(f, " failed: {cause}; check the system clock and proxies")?;
                sending.write_env_hint(f)?;
            }
            TransportKind::Redirect => {
                sending.write_url(f, "refused a redirect from ")?;
                f.write_str(
                    " to another host (the API key is never sent off the configured host)",
                )?;
                if sending.url_from_env {
                    f.write_str(": check OPENROUTER_BASE_URL")?;
                }
            }
            TransportKind::Connection => {
                sending.write_url(f, "the connection to ")?;
                write!(f, " broke {}: {cause}", sending.phase)?;
                sending.write_resend(f, "; retry the call")?;
            }
        }
        write_attempts(f, &self.attempts)
    }
}

/// The text of the innermost error in a chain, lower-cased at its start and
/// without the OS error number: `connection refused`.
fn root_cause(err: &(dyn StdError + 'static)) -> String {
    let mut last = err;
    while let Some(next) = last.source() {
        last = next;
    }
    let text = last.to_string();
    let text = match text.find(" (os error ") {
        Some(at) => &text[..at],
        None => &text,
    };
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => "unknown cause".to_owned(),
    }
}

impl StdError for TransportError {
    fn source(&self) -> Option<&(dyn StdError + 'static)> {
        Some(&*self.source)
    }
}

/// A timeout fired.
#[derive(Debug)]
pub struct TimeoutError {
    pub(crate) kind: TimeoutKind,
    pub(crate) after: Duration,
    pub(crate) attempts: Vec<Attempt>,
    pub(crate) sending: Sending,
}

impl TimeoutError {
    pub(crate) fn new(kind: TimeoutKind, after: Duration) -> Self {
        let phase = match kind {
            TimeoutKind::Connect => Phase::Connecting,
            TimeoutKind::Idle => Phase::ReadingBody,
            // The total deadline may strike anywhere; assume the request went out.
            _ => Phase::AwaitingResponse,
        };
        Self {
            kind,
            after,
            attempts: Vec::new(),
            sending: Sending::new(phase),
        }
    }

    /// How far the attempt got.
    pub fn phase(&self) -> Phase {
        self.sending.phase
    }

    /// Which timeout fired.
    pub fn kind(&self) -> TimeoutKind {
        self.kind
    }

    /// Its configured duration.
    pub fn duration(&self) -> Duration {
        self.after
    }

    /// Every attempt of the call.
    pub fn attempts(&self) -> &[Attempt] {
        &self.attempts
    }
}

impl fmt::Display for TimeoutError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let after = self.after;
        match self.kind {
            TimeoutKind::Connect => write!(
                f,
                "connecting to openrouter timed out after {after:?}: check the network or raise Timeouts::connect"
            )?,
            TimeoutKind::ResponseHeaders => {
                write!(f, "openrouter sent no response headers within {after:?}")?;
                self.sending
                    .write_resend(f, ": retry, or raise Timeouts::response_headers")?;
            }
            TimeoutKind::Idle => {
                write!(f, "the response went silent for {after:?}")?;
                self.sending
                    .write_resend(f, ": retry, or raise Timeouts::idle for slow models")?;
            }
            TimeoutKind::Total => write!(
                f,
                "the call exceeded its total deadline of {after:?}: raise Timeouts::total or RequestOptions::timeout"
            )?,
        }
        write_attempts(f, &self.attempts)
    }
}

impl StdError for TimeoutError {}
