//! What every call reports besides its payload: status, ids, rate limits, attempts.

use std::fmt;
use std::ops::{Deref, DerefMut};
use std::time::Duration;

use bytes::Bytes;
use http::{HeaderMap, StatusCode};

/// A decoded payload with the metadata of the response that carried it.
///
/// Derefs to the payload, so `response.choices` works directly.
///
/// ```no_run
/// # async fn demo(client: openrouter_api::Client) -> Result<(), openrouter_api::Error> {
/// let credits = client.credits().await?;
/// println!("status {} after {} attempt(s)", credits.meta().status(), credits.meta().attempts());
/// let data = credits.into_inner();
/// # let _ = data; Ok(()) }
/// ```
#[derive(Debug, Clone)]
pub struct Response<T> {
    data: T,
    meta: ResponseMeta,
}

impl<T> Response<T> {
    pub(crate) fn new(data: T, meta: ResponseMeta) -> Self {
        Self { data, meta }
    }

    /// The payload.
    pub fn data(&self) -> &T {
        &self.data
    }

    /// Status, headers, ids and attempts.
    pub fn meta(&self) -> &ResponseMeta {
        &self.meta
    }

    /// The payload, dropping the metadata.
    pub fn into_inner(self) -> T {
        self.data
    }

    /// The payload and the metadata.
    pub fn into_parts(self) -> (T, ResponseMeta) {
        (self.data, self.meta)
    }

    /// Maps the payload, keeping the metadata.
    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> Response<U> {
        Response {
            data: f(self.data),
            meta: self.meta,
        }
    }
}

impl<T> Deref for Response<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.data
    }
}

impl<T> DerefMut for Response<T> {
    fn deref_mut(&mut self) -> &mut T {
        &mut self.data
    }
}

/// Metadata of the final HTTP response of a call.
///
/// Its `Debug` shows the raw body's length, never its bytes: a body may hold
/// a secret (the key `POST /keys` creates).
#[derive(Clone)]
pub struct ResponseMeta {
    pub(crate) status: StatusCode,
    pub(crate) headers: HeaderMap,
    pub(crate) attempts: Vec<Attempt>,
    pub(crate) raw_body: Option<Bytes>,
}

impl fmt::Debug for ResponseMeta {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ResponseMeta")
            .field("status", &self.status)
            .field("headers", &self.headers)
            .field("attempts", &self.attempts)
            .field(
                "raw_body",
                &self.raw_body.as_ref().map(|b| RawBodyLen(b.len())),
            )
            .finish()
    }
}

/// Prints `<N bytes>` in place of a body.
struct RawBodyLen(usize);

impl fmt::Debug for RawBodyLen {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "<{} bytes>", self.0)
    }
}

impl ResponseMeta {
    pub(crate) fn new(status: StatusCode, headers: HeaderMap) -> Self {
        Self {
            status,
            headers,
            attempts: Vec::new(),
            raw_body: None,
        }
    }

    /// The HTTP status.
    pub fn status(&self) -> StatusCode {
        self.status
    }

    /// All response headers.
    pub fn headers(&self) -> &HeaderMap {
        &self.headers
    }

    /// `X-Generation-Id`: the id to look up with [`Client::generation`](crate::Client::generation).
    pub fn generation_id(&self) -> Option<&str> {
        header(&self.headers, "x-generation-id")
    }

    /// `X-Request-Id`, when the edge sent one.
    pub fn request_id(&self) -> Option<&str> {
        header(&self.headers, "x-request-id")
    }

    /// Cloudflare's `cf-ray`, useful when reporting an incident to OpenRouter.
    pub fn cf_ray(&self) -> Option<&str> {
        header(&self.headers, "cf-ray")
    }

    /// `X-RateLimit-*` headers, when present (OpenRouter sends them on the
    /// 429s it issues itself, not on successes).
    pub fn rate_limit(&self) -> Option<RateLimit> {
        RateLimit::from_headers(&self.headers)
    }

    /// How many HTTP attempts the call took (1 when it was not retried).
    pub fn attempts(&self) -> u32 {
        u32::try_from(self.attempts.len()).unwrap_or(u32::MAX)
    }

    /// Each attempt: what it ended with and how long the client waited before it.
    pub fn attempt_log(&self) -> &[Attempt] {
        &self.attempts
    }

    /// The body bytes, when requested with
    /// [`RequestOptions::capture_raw_body`](crate::RequestOptions::capture_raw_body).
    pub fn raw_body(&self) -> Option<&Bytes> {
        self.raw_body.as_ref()
    }
}

/// Rate-limit headers of a response.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct RateLimit {
    /// `X-RateLimit-Limit`: requests allowed in the window.
    pub limit: Option<u64>,
    /// `X-RateLimit-Remaining`: requests left in the window.
    pub remaining: Option<u64>,
    /// `X-RateLimit-Reset`: when the window resets, in Unix epoch milliseconds.
    pub reset_epoch_ms: Option<u64>,
}

impl RateLimit {
    pub(crate) fn from_headers(headers: &HeaderMap) -> Option<Self> {
        let num = |name: &str| header(headers, name).and_then(|v| v.trim().parse().ok());
        let limit = Self {
            limit: num("x-ratelimit-limit"),
            remaining: num("x-ratelimit-remaining"),
            reset_epoch_ms: num("x-ratelimit-reset"),
        };
        (limit.limit.is_some() || limit.remaining.is_some() || limit.reset_epoch_ms.is_some())
            .then_some(limit)
    }
}

/// One HTTP attempt of a call.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attempt {
    pub(crate) outcome: AttemptOutcome,
    pub(crate) waited: Duration,
}

impl Attempt {
    /// What the attempt ended with.
    pub fn outcome(&self) -> &AttemptOutcome {
        &self.outcome
    }

    /// How long the client slept before starting this attempt (zero for the first).
    pub fn waited(&self) -> Duration {
        self.waited
    }
}

/// How an attempt ended.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum AttemptOutcome {
    /// The server answered with this status (the effective one for errors
    /// wrapped in a 200 or 400 body).
    Status(StatusCode),
    /// The connection failed before a response.
    Transport,
    /// A timeout fired before a response.
    Timeout(crate::TimeoutKind),
    /// The attempt failed in another way (decode, configuration).
    Other,
}

impl fmt::Display for AttemptOutcome {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Status(status) => write!(f, "{}", status.as_u16()),
            Self::Transport => f.write_str("connection error"),
            Self::Timeout(kind) => write!(f, "{} timeout", kind.as_str()),
            Self::Other => f.write_str("error"),
        }
    }
}

pub(crate) fn header<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers.get(name)?.to_str().ok()
}
