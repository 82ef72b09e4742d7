//! The one error type of this crate: a kind the caller can act on, each kind
//! carrying what acting on it needs.

mod api;
mod stream;

use std::borrow::Cow;
use std::error::Error as StdError;
use std::fmt;
use std::time::Duration;

use http::StatusCode;

use crate::TimeoutKind;
use crate::meta::{Attempt, AttemptOutcome};

pub use api::ApiError;
pub use stream::{MidStreamError, TruncatedStreamError, TruncationReason};

/// Everything that can go wrong in a call.
///
/// Match on the kind, then read the details through the payload's accessors:
///
/// ```no_run
/// use openrouter_client::{Client, Error};
/// use openrouter_types::chat::{ChatRequest, Message};
///
/// # async fn demo(client: Client) {
/// let request = ChatRequest::new("openai/gpt-4o-mini", vec![Message::user("hi")]);
/// match client.chat(&request).await {
///     Ok(completion) => println!("{:?}", completion.text()),
///     Err(Error::Api(e)) if e.status().as_u16() == 402 => eprintln!("top up: {e}"),
///     Err(e) if e.is_retryable() => eprintln!("try again in {:?}: {e}", e.retry_after()),
///     Err(e) => eprintln!("{e}"),
/// }
/// # }
/// ```
///
/// The messages say what happened and what to do, and never contain the API
/// key. Errors from reqwest, serde_json or the SSE parser are reachable through
/// [`std::error::Error::source`] only, so this crate's API does not change
/// when theirs do.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// OpenRouter (or a proxy in front of it) answered with an error: a non-2xx
    /// status, or a 2xx body that carries only an `error`.
    #[error(transparent)]
    Api(Box<ApiError>),
    /// The generation failed after it started: an error event in a stream, or
    /// a choice-level error in a 200 body. Carries the partial completion.
    #[error(transparent)]
    MidStream(Box<MidStreamError>),
    /// A stream ended before it finished. Carries the partial completion.
    #[error(transparent)]
    TruncatedStream(Box<TruncatedStreamError>),
    /// The connection failed (DNS, connect, TLS, reset, refused redirect).
    #[error(transparent)]
    Transport(Box<TransportError>),
    /// A timeout fired.
    #[error(transparent)]
    Timeout(Box<TimeoutError>),
    /// A successful response did not have the expected shape.
    #[error(transparent)]
    Decode(Box<DecodeError>),
    /// A response or stream event exceeded a configured size limit.
    #[error(transparent)]
    LimitExceeded(Box<LimitError>),
    /// The client or the call is misconfigured (missing key, bad URL or header).
    #[error(transparent)]
    Config(Box<ConfigError>),
}

/// Shorthand for `Result<T, openrouter_client::Error>`.
pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// Whether the same request may succeed if sent again later: transient
    /// statuses (408, 429, 5xx, 524, 529), transient codes wrapped in a 400 or
    /// 200 body, connection failures and timeouts before the response. A
    /// truncated or failed stream is retryable too, as a new request (the
    /// partial output will be generated, and billed, again), except when the
    /// total deadline cut it ([`TimeoutKind::Total`], as for any call).
    pub fn is_retryable(&self) -> bool {
        match self {
            Self::Api(e) => e.is_retryable(),
            Self::MidStream(e) => e.is_retryable(),
            // The caller's own deadline ran out: trying again would run into it too, as
            // `Timeout(Total)` on a plain call says.
            Self::TruncatedStream(e) => e.reason != TruncationReason::Timeout(TimeoutKind::Total),
            Self::Transport(e) => e.kind != TransportKind::Redirect,
            Self::Timeout(e) => e.kind != TimeoutKind::Total,
            Self::Decode(_) | Self::LimitExceeded(_) | Self::Config(_) => false,
        }
    }

    /// The HTTP status the error stands for, when there is one. For errors
    /// wrapped in a 200 body or sent mid-stream this is the status in the
    /// error's `code`.
    pub fn status(&self) -> Option<StatusCode> {
        match self {
            Self::Api(e) => Some(e.status()),
            Self::MidStream(e) => Some(e.error().status()),
            Self::Decode(e) => Some(e.status),
            _ => None,
        }
    }

    /// How long the server asked the caller to wait (`Retry-After`,
    /// `retry-after-ms`, `error.availability.retry_after`, or the reset time
    /// of a daily limit).
    pub fn retry_after(&self) -> Option<Duration> {
        match self {
            Self::Api(e) => e.retry_after(),
            Self::MidStream(e) => e.error().retry_after(),
            _ => None,
        }
    }

    /// The generation id (`X-Generation-Id` or the stream's `id`), when known.
    pub fn generation_id(&self) -> Option<&str> {
        match self {
            Self::Api(e) => e.generation_id(),
            Self::MidStream(e) => e.generation_id(),
            Self::TruncatedStream(e) => e.generation_id(),
            _ => None,
        }
    }

    /// Every HTTP attempt the call made, in order (empty for errors raised
    /// before any request, and for stream errors).
    pub fn attempts(&self) -> &[Attempt] {
        match self {
            Self::Api(e) => &e.attempts,
            Self::Transport(e) => &e.attempts,
            Self::Timeout(e) => &e.attempts,
            _ => &[],
        }
    }

    pub(crate) fn attempt_outcome(&self) -> AttemptOutcome {
        match self {
            Self::Api(e) => AttemptOutcome::Status(e.status()),
            Self::Transport(_) => AttemptOutcome::Transport,
            Self::Timeout(e) => AttemptOutcome::Timeout(e.kind),
            _ => AttemptOutcome::Other,
        }
    }

    pub(crate) fn set_attempts(&mut self, attempts: Vec<Attempt>) {
        match self {
            Self::Api(e) => e.attempts = attempts,
            Self::Transport(e) => e.attempts = attempts,
            Self::Timeout(e) => e.attempts = attempts,
            _ => {}
        }
    }

    pub(crate) fn config(message: impl Into<Cow<'static, str>>) -> Self {
        Self::Config(Box::new(ConfigError {
            message: message.into(),
            source: None,
        }))
    }

    pub(crate) fn missing_api_key() -> Self {
        Self::config(
            "this endpoint needs an API key: set OPENROUTER_API_KEY or call ClientBuilder::api_key",
        )
    }
}

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

/// The connection failed.
#[derive(Debug)]
pub struct TransportError {
    pub(crate) kind: TransportKind,
    pub(crate) source: Box<dyn StdError + Send + Sync>,
    pub(crate) attempts: Vec<Attempt>,
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
        Self {
            kind,
            source: Box::new(err),
            attempts: Vec::new(),
        }
    }

    /// What failed.
    pub fn kind(&self) -> TransportKind {
        self.kind
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
        match self.kind {
            TransportKind::Connect => f.write_str(
                "could not connect to openrouter: check the network and OPENROUTER_BASE_URL",
            )?,
            TransportKind::Tls => f.write_str(
                "the TLS handshake with openrouter failed: check the system clock, proxies and the base URL",
            )?,
            TransportKind::Redirect => f.write_str(
                "refused a redirect to another host (the API key is never sent off the configured host): check OPENROUTER_BASE_URL",
            )?,
            TransportKind::Connection => {
                f.write_str("the connection to openrouter failed mid-request: retry the call")?;
            }
        }
        write_attempts(f, &self.attempts)
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
}

impl TimeoutError {
    pub(crate) fn new(kind: TimeoutKind, after: Duration) -> Self {
        Self {
            kind,
            after,
            attempts: Vec::new(),
        }
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
            TimeoutKind::ResponseHeaders => write!(
                f,
                "openrouter sent no response headers within {after:?}: retry, or raise Timeouts::response_headers"
            )?,
            TimeoutKind::Idle => write!(
                f,
                "the response went silent for {after:?}: retry, or raise Timeouts::idle for slow models"
            )?,
            TimeoutKind::Total => write!(
                f,
                "the call exceeded its total deadline of {after:?}: raise Timeouts::total or RequestOptions::timeout"
            )?,
        }
        write_attempts(f, &self.attempts)
    }
}

impl StdError for TimeoutError {}

/// A successful response did not decode.
#[derive(Debug)]
pub struct DecodeError {
    pub(crate) what: &'static str,
    pub(crate) status: StatusCode,
    pub(crate) path: String,
    pub(crate) excerpt: String,
    /// Replaces the generic explanation when the client knows what went wrong.
    pub(crate) detail: Option<String>,
    pub(crate) source: Box<dyn StdError + Send + Sync>,
}

/// How much of a body an error keeps: enough to recognise it, never megabytes.
pub(crate) const EXCERPT_BYTES: usize = 512;

impl DecodeError {
    pub(crate) fn new(
        what: &'static str,
        status: StatusCode,
        body: &[u8],
        path: String,
        source: serde_json::Error,
    ) -> Self {
        Self {
            what,
            status,
            path,
            excerpt: excerpt(body),
            detail: None,
            source: Box::new(source),
        }
    }

    /// A body of the wrong kind altogether (an HTML page, a JSON document
    /// where events were asked for): `detail` says which and what to check.
    pub(crate) fn wrong_kind(
        what: &'static str,
        status: StatusCode,
        body: &[u8],
        detail: String,
    ) -> Self {
        let source = <serde_json::Error as serde::de::Error>::custom(&detail);
        Self {
            detail: Some(detail),
            ..Self::new(what, status, body, ".".to_owned(), source)
        }
    }

    /// What was being decoded (`"chat completion"`, `"stream chunk"`, …).
    pub fn what(&self) -> &str {
        self.what
    }

    /// The JSON path where decoding failed (`choices[0].message`), `.` for the root.
    pub fn path(&self) -> &str {
        &self.path
    }

    /// The start of the body (at most 512 bytes), for diagnosis.
    pub fn excerpt(&self) -> &str {
        &self.excerpt
    }

    /// The HTTP status of the response.
    pub fn status(&self) -> StatusCode {
        self.status
    }
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.detail {
            Some(detail) => write!(f, "could not decode the {}: {detail}", self.what),
            None => write!(
                f,
                "could not decode the {} at `{}`: the server sent an unexpected shape; report it with DecodeError::excerpt",
                self.what, self.path
            ),
        }
    }
}

impl StdError for DecodeError {
    fn source(&self) -> Option<&(dyn StdError + 'static)> {
        Some(&*self.source)
    }
}

/// A size limit was exceeded.
#[derive(Debug)]
pub struct LimitError {
    pub(crate) what: &'static str,
    pub(crate) limit: usize,
    pub(crate) source: Option<Box<dyn StdError + Send + Sync>>,
}

impl LimitError {
    /// What exceeded its limit (`"response body"`, `"stream event"`).
    pub fn what(&self) -> &str {
        self.what
    }

    /// The limit in bytes.
    pub fn limit(&self) -> usize {
        self.limit
    }
}

impl fmt::Display for LimitError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "the {} exceeded the limit of {} bytes: raise ClientBuilder::max_response_bytes or ask for less output",
            self.what, self.limit
        )
    }
}

impl StdError for LimitError {
    fn source(&self) -> Option<&(dyn StdError + 'static)> {
        self.source.as_deref().map(|e| e as _)
    }
}

/// The client or the call is misconfigured.
#[derive(Debug)]
pub struct ConfigError {
    pub(crate) message: Cow<'static, str>,
    pub(crate) source: Option<Box<dyn StdError + Send + Sync>>,
}

impl ConfigError {
    /// What is wrong and how to fix it.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl StdError for ConfigError {
    fn source(&self) -> Option<&(dyn StdError + 'static)> {
        self.source.as_deref().map(|e| e as _)
    }
}

/// At most [`EXCERPT_BYTES`] of a body as text, cut on a character boundary.
pub(crate) fn excerpt(body: &[u8]) -> String {
    let text = String::from_utf8_lossy(&body[..body.len().min(EXCERPT_BYTES + 4)]);
    let text = text.trim();
    if text.len() <= EXCERPT_BYTES && body.len() <= EXCERPT_BYTES + 4 {
        return text.to_owned();
    }
    let mut end = EXCERPT_BYTES.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}…", &text[..end])
}

fn write_attempts(f: &mut fmt::Formatter<'_>, attempts: &[Attempt]) -> fmt::Result {
    if attempts.len() > 1 {
        write!(f, " (after {} attempts: ", attempts.len())?;
        for (i, attempt) in attempts.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            write!(f, "{}", attempt.outcome)?;
        }
        f.write_str(")")?;
    }
    Ok(())
}
