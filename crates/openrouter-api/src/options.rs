//! Per-call overrides: extra headers and body fields, timeouts, retries, raw
//! body capture; merged field by field when layered.

use std::time::Duration;

use http::{HeaderMap, HeaderName, HeaderValue};
use serde_json::{Map, Value};

use crate::retry::RetryHook;
use crate::{ApiKey, RetryNotice, RetryPolicy};

/// Overrides for one call, applied with [`Client::with_options`](crate::Client::with_options).
///
/// Options compose: [`merge`](Self::merge) (and `with_options` on a handle
/// that already has options) keeps every field the later options leave
/// unset, the later value wins where both set one, and headers and body
/// fields accumulate.
///
/// ```
/// use std::time::Duration;
/// use openrouter_api::{RequestOptions, RetryPolicy};
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
    pub(crate) max_retries: Option<u32>,
    pub(crate) capture_raw_body: Option<bool>,
    pub(crate) retry_ambiguous: Option<bool>,
    pub(crate) api_key: Option<ApiKey>,
    pub(crate) on_retry: Option<RetryHook>,
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

    /// The retry policy for this call, replacing the client's whole policy
    /// (and a `max_retries` set before it).
    #[must_use]
    pub fn retry(mut self, policy: RetryPolicy) -> Self {
        self.retry = Some(policy);
        self.max_retries = None;
        self
    }

    /// The number of retries for this call. It adjusts the policy in force
    /// (the client's, or one set with [`retry`](Self::retry)): its backoff,
    /// `Retry-After` cap and deadline stay.
    ///
    /// ```
    /// use std::time::Duration;
    /// use openrouter_api::{Client, RequestOptions, RetryPolicy};
    ///
    /// let client = Client::builder()
    ///     .retry_policy(RetryPolicy::default().max_retry_after(Duration::from_secs(5)))
    ///     .build()?;
    /// // Four retries, still capped at a 5 s Retry-After.
    /// let patient = client.with_options(RequestOptions::new().max_retries(4));
    /// # let _ = patient; Ok::<(), openrouter_api::Error>(())
    /// ```
    #[must_use]
    pub fn max_retries(mut self, retries: u32) -> Self {
        self.max_retries = Some(retries);
        self
    }

    /// Calls `hook` before each retry of this call, instead of the client's
    /// hook (see [`ClientBuilder::on_retry`](crate::ClientBuilder::on_retry)).
    ///
    /// ```
    /// use openrouter_api::RequestOptions;
    ///
    /// let options = RequestOptions::new().on_retry(|notice| {
    ///     eprintln!("attempt {} of {} in {:?}", notice.attempt(), notice.max_attempts(), notice.delay());
    /// });
    /// # let _ = options;
    /// ```
    #[must_use]
    pub fn on_retry(mut self, hook: impl Fn(&RetryNotice<'_>) + Send + Sync + 'static) -> Self {
        self.on_retry = Some(RetryHook::new(hook));
        self
    }

    /// Keeps the response body bytes in [`ResponseMeta::raw_body`](crate::ResponseMeta::raw_body)
    /// (non-streaming calls only).
    #[must_use]
    pub fn capture_raw_body(mut self, capture: bool) -> Self {
        self.capture_raw_body = Some(capture);
        self
    }

    /// Allows resending a request that may already have been processed:
    /// a generation or a create whose connection broke after the request was
    /// written, or whose successful answer was cut. Off by default, because
    /// the second request may run (and be billed, or create) a second time;
    /// see [`RetryClass`](crate::operation::RetryClass) for the whole rule.
    /// Turn it on for calls where a duplicate costs less than a failure.
    #[must_use]
    pub fn retry_ambiguous(mut self, allow: bool) -> Self {
        self.retry_ambiguous = Some(allow);
        self
    }

    /// These options with `later` layered on top: the later value wins for
    /// every field it sets, headers and body fields accumulate (a later
    /// header or field of the same name replaces the earlier one).
    ///
    /// ```
    /// use std::time::Duration;
    /// use openrouter_api::RequestOptions;
    ///
    /// let base = RequestOptions::new().header("x-team", "search").timeout(Duration::from_secs(30));
    /// let call = RequestOptions::new().header("x-session-id", "42").max_retries(0);
    /// let merged = base.merge(call);
    /// # let _ = merged;
    /// ```
    #[must_use]
    pub fn merge(mut self, later: RequestOptions) -> Self {
        for (name, value) in later.headers.iter() {
            self.headers.insert(name.clone(), value.clone());
        }
        self.invalid_header = later.invalid_header.or(self.invalid_header);
        self.body_fields.extend(later.body_fields);
        self.total_timeout = later.total_timeout.or(self.total_timeout);
        self.idle_timeout = later.idle_timeout.or(self.idle_timeout);
        self.response_headers_timeout = later
            .response_headers_timeout
            .or(self.response_headers_timeout);
        if later.retry.is_some() {
            // A whole policy replaces the earlier policy and its retry count.
            self.retry = later.retry;
            self.max_retries = None;
        }
        self.max_retries = later.max_retries.or(self.max_retries);
        self.capture_raw_body = later.capture_raw_body.or(self.capture_raw_body);
        self.retry_ambiguous = later.retry_ambiguous.or(self.retry_ambiguous);
        self.api_key = later.api_key.or(self.api_key);
        self.on_retry = later.on_retry.or(self.on_retry);
        self
    }
}
