//! The one error type of this crate: a kind the caller can act on, each kind
//! carrying what acting on it needs.

mod api;
mod stream;
mod transport;

use std::borrow::Cow;
use std::error::Error as StdError;
use std::fmt;
use std::time::Duration;

use http::StatusCode;

use crate::TimeoutKind;
use crate::meta::{Attempt, AttemptOutcome};

pub use api::ApiError;
pub use stream::{MidStreamError, TruncatedStreamError, TruncationReason};
pub use transport::{Phase, TimeoutError, TransportError, TransportKind};

/// Everything that can go wrong in a call.
///
/// Match on the kind, then read the details through the payload's accessors:
///
/// ```no_run
/// use openrouter_api::{Client, Error};
/// use openrouter_types::chat::{ChatRequest, Message};
///
/// # async fn demo(client: Client) {
/// let request = ChatRequest::new("openai/gpt-4o-mini", vec![Message::user("hi")]);
/// match client.chat(&request).await {
///     Ok(completion) => println!("{:?}", completion.text()),
///     Err(e) if e.is_insufficient_credits() => eprintln!("top up: {e}"),
///     Err(e) if e.is_rate_limited() => eprintln!("slow down for {:?}: {e}", e.retry_after()),
///     Err(e) if e.is_ambiguous() => eprintln!("may have run, check before resending: {e}"),
///     Err(e) if e.is_retryable() => eprintln!("try again: {e}"),
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
    /// The client's cost [`Budget`](crate::Budget) is spent: the call was not sent.
    #[error(transparent)]
    BudgetExceeded(Box<crate::BudgetError>),
}

/// Shorthand for `Result<T, openrouter_api::Error>`.
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
            Self::Decode(_)
            | Self::LimitExceeded(_)
            | Self::Config(_)
            | Self::BudgetExceeded(_) => false,
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

    /// Whether the request was sent and the outcome is unknown: the
    /// connection broke or timed out after the request was written, or a
    /// successful answer was cut. The server may have processed it (and
    /// billed a generation); the client resends such requests only for
    /// idempotent operations, or with
    /// [`RequestOptions::retry_ambiguous`](crate::RequestOptions::retry_ambiguous).
    pub fn is_ambiguous(&self) -> bool {
        match self {
            Self::Transport(_) | Self::Timeout(_) => {
                self.phase().is_some_and(|p| p != Phase::Connecting)
            }
            Self::TruncatedStream(_) => true,
            _ => false,
        }
    }

    /// Where the attempt was when a connection failure or timeout struck.
    pub fn phase(&self) -> Option<Phase> {
        match self {
            Self::Transport(e) => Some(e.sending.phase),
            Self::Timeout(e) => Some(e.sending.phase),
            _ => None,
        }
    }

    /// The client's cost budget is spent ([`Error::BudgetExceeded`]): nothing was sent.
    pub fn is_budget_exceeded(&self) -> bool {
        matches!(self, Self::BudgetExceeded(_))
    }

    /// Rate limited (429, or `error_type` `rate_limit_exceeded`): wait
    /// [`retry_after`](Self::retry_after) or slow down.
    pub fn is_rate_limited(&self) -> bool {
        self.api().is_some_and(ApiError::is_rate_limited)
    }

    /// The key is missing, invalid, disabled or lacks permission (401, 403
    /// other than moderation, or a missing key in the configuration).
    pub fn is_auth(&self) -> bool {
        match self {
            Self::Config(e) => e.missing_key,
            _ => self.api().is_some_and(ApiError::is_auth),
        }
    }

    /// Not enough credits (402): add credits or lower `max_tokens`.
    pub fn is_insufficient_credits(&self) -> bool {
        self.api().is_some_and(ApiError::is_insufficient_credits)
    }

    /// The prompt (or prompt plus `max_tokens`) does not fit the model's context window.
    pub fn is_context_length_exceeded(&self) -> bool {
        self.api().is_some_and(ApiError::is_context_length_exceeded)
    }

    /// Moderation or a content policy refused the input.
    pub fn is_moderated(&self) -> bool {
        self.api().is_some_and(ApiError::is_moderated)
    }

    /// The upstream provider failed (its error relayed, overloaded, down):
    /// another provider or model may succeed.
    pub fn is_provider_error(&self) -> bool {
        self.api().is_some_and(ApiError::is_provider_error)
    }

    /// A timeout: ours ([`Error::Timeout`], a stream gone silent) or one
    /// reported by OpenRouter or the provider (408, 504, 524).
    pub fn is_timeout(&self) -> bool {
        match self {
            Self::Timeout(_) => true,
            Self::TruncatedStream(e) => matches!(e.reason, TruncationReason::Timeout(_)),
            _ => self.api().is_some_and(ApiError::is_timeout),
        }
    }

    /// Models OpenRouter suggests instead, when it named any.
    pub fn fallback_models(&self) -> &[String] {
        self.api().map_or(&[], ApiError::fallback_models)
    }

    /// The API error this error carries: its own, or the one sent mid-stream.
    pub fn api(&self) -> Option<&ApiError> {
        match self {
            Self::Api(e) => Some(e),
            Self::MidStream(e) => Some(e.error()),
            _ => None,
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

    /// Records the URL of the attempt (for the message), once.
    pub(crate) fn locate(&mut self, url: &reqwest::Url, from_env: bool) {
        let sending = match self {
            Self::Transport(e) => &mut e.sending,
            Self::Timeout(e) => &mut e.sending,
            _ => return,
        };
        if sending.url.is_none() {
            let mut url = url.clone();
            url.set_query(None);
            sending.url = Some(url.to_string());
            sending.url_from_env = from_env;
        }
    }

    /// Marks a failure while reading the body of a successful answer.
    pub(crate) fn cut_after_status(&mut self, generation_id: Option<&str>) {
        let sending = match self {
            Self::Transport(e) => &mut e.sending,
            Self::Timeout(e) => &mut e.sending,
            _ => return,
        };
        sending.phase = Phase::ReadingBody;
        sending.generation_id = generation_id.map(str::to_owned);
    }

    /// Marks an ambiguous failure that was not resent, naming the request.
    pub(crate) fn hold_back(&mut self, what: &'static str) {
        match self {
            Self::Transport(e) => e.sending.held_back = Some(what),
            Self::Timeout(e) => e.sending.held_back = Some(what),
            _ => {}
        }
    }

    pub(crate) fn config(message: impl Into<Cow<'static, str>>) -> Self {
        Self::Config(Box::new(ConfigError {
            message: message.into(),
            source: None,
            missing_key: false,
        }))
    }

    /// A configuration error caused by `source` (reachable through `source()`).
    pub(crate) fn config_with(
        message: impl Into<Cow<'static, str>>,
        source: impl StdError + Send + Sync + 'static,
    ) -> Self {
        Self::Config(Box::new(ConfigError {
            message: message.into(),
            source: Some(Box::new(source)),
            missing_key: false,
        }))
    }

    pub(crate) fn missing_api_key() -> Self {
        Self::Config(Box::new(ConfigError {
            message: "this endpoint needs an API key: set OPENROUTER_API_KEY or call ClientBuilder::api_key".into(),
            source: None,
            missing_key: true,
        }))
    }

    pub(crate) fn missing_management_key() -> Self {
        Self::Config(Box::new(ConfigError {
            message: "this endpoint needs a management key: set OPENROUTER_MANAGEMENT_KEY (or OPENROUTER_API_KEY) or call ClientBuilder::management_key".into(),
            source: None,
            missing_key: true,
        }))
    }
}

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
    /// The call needs a key and none is configured.
    pub(crate) missing_key: bool,
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

/// At most [`EXCERPT_BYTES`] of a body as text, cut on a character boundary,
/// with secret-shaped values (keys a response or a proxy echoed) cut out.
pub(crate) fn excerpt(body: &[u8]) -> String {
    let body = crate::secrets::redact(body);
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
    // The message already names the failure; the same outcome thrice says nothing more.
    if attempts.len() > 1 && attempts.iter().all(|a| a.outcome == attempts[0].outcome) {
        return write!(f, " (tried {} times)", attempts.len());
    }
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
