//! Per-call overrides: extra headers and body fields, timeouts, retries, raw body capture.

use std::time::Duration;

use http::{HeaderMap, HeaderName, HeaderValue};
use serde_json::{Map, Value};

use crate::{ApiKey, RetryPolicy};

/// Overrides for one call, applied with [`Client::with_options`](crate::Client::with_options).
///
/// ```
/// use std::time::Duration;
/// use openrouter_client::{RequestOptions, RetryPolicy};
///
/// let options = RequestOptions::new()
///     .header("x-session-id", "conversation-42")
///     .body_field("preset", serde_json::json!("my-preset"))
///     .timeout(Duration::from_secs(30))
///     .retry(RetryPolicy::none())
///     .capture_raw_body(true);
/// # let _ = options;
/// ```
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct RequestOptions {
    pub(crate) headers: HeaderMap,
    pub(crate) invalid_header: Option<String>,
    pub(crate) body_fields: Map<String, Value>,
    pub(crate) total_timeout: Option<Duration>,
    pub(crate) idle_timeout: Option<Duration>,
    pub(crate) response_headers_timeout: Option<Duration>,
    pub(crate) retry: Option<RetryPolicy>,
    pub(crate) capture_raw_body: bool,
    pub(crate) api_key: Option<ApiKey>,
}

impl RequestOptions {
    /// No overrides.
    pub fn new() -> Self {
        Self::default()
    }

    /// Uses this key for the call instead of the client's: typically a
    /// management key for the `/keys` and `/credits` endpoints, which
    /// cannot be used for completions.
    #[must_use]
    pub fn api_key(mut self, key: impl Into<ApiKey>) -> Self {
        self.api_key = Some(key.into());
        self
    }

    /// Adds a header to this call, replacing a client default of the same name.
    /// An invalid name or value makes the call fail with [`Error::Config`](crate::Error::Config).
    #[must_use]
    pub fn header(mut self, name: &str, value: &str) -> Self {
        match (
            HeaderName::from_bytes(name.as_bytes()),
            HeaderValue::from_str(value),
        ) {
            (Ok(name), Ok(mut value)) => {
                value.set_sensitive(crate::is_sensitive(&name));
                self.headers.insert(name, value);
            }
            _ => self.invalid_header = Some(name.to_owned()),
        }
        self
    }

    /// `x-session-id`: groups requests and keeps provider-sticky routing (for
    /// prompt caching). For chat and responses the body's `session_id` wins.
    #[must_use]
    pub fn session_id(self, id: &str) -> Self {
        self.header("x-session-id", id)
    }

    /// Adds typed headers to this call.
    #[must_use]
    pub fn headers(mut self, headers: HeaderMap) -> Self {
        for (name, mut value) in headers {
            if let Some(name) = name {
                value.set_sensitive(value.is_sensitive() || crate::is_sensitive(&name));
                self.headers.insert(name, value);
            }
        }
        self
    }

    /// Sets a top-level JSON body field, overriding what the typed request
    /// serialised (for parameters this crate does not model yet).
    #[must_use]
    pub fn body_field(mut self, name: impl Into<String>, value: Value) -> Self {
        self.body_fields.insert(name.into(), value);
        self
    }

    /// A deadline for this whole call (see [`Timeouts::total`](crate::Timeouts::total)).
    #[must_use]
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.total_timeout = Some(timeout);
        self
    }

    /// The idle timeout between body reads for this call.
    #[must_use]
    pub fn idle_timeout(mut self, timeout: Duration) -> Self {
        self.idle_timeout = Some(timeout);
        self
    }

    /// The time-to-headers timeout for this call.
    #[must_use]
    pub fn response_headers_timeout(mut self, timeout: Duration) -> Self {
        self.response_headers_timeout = Some(timeout);
        self
    }

    /// The retry policy for this call.
    #[must_use]
    pub fn retry(mut self, policy: RetryPolicy) -> Self {
        self.retry = Some(policy);
        self
    }

    /// Shorthand for a retry policy with this many retries.
    #[must_use]
    pub fn max_retries(self, retries: u32) -> Self {
        let policy = self.retry.clone().unwrap_or_default().max_retries(retries);
        self.retry(policy)
    }

    /// Keeps the response body bytes in [`ResponseMeta::raw_body`](crate::ResponseMeta::raw_body)
    /// (non-streaming calls only).
    #[must_use]
    pub fn capture_raw_body(mut self, capture: bool) -> Self {
        self.capture_raw_body = capture;
        self
    }
}
