//! Retries made visible: the notice a caller's hook receives before each
//! wait, so a program can say "rate-limited; retrying in 40 s" instead of
//! going quiet for a minute.

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use http::{Method, StatusCode};
use openrouter_types::error::ErrorCode;

use crate::operation::Operation;
use crate::{Error, TimeoutKind, TransportKind};

/// What the client is about to do after a failed attempt: wait
/// [`delay`](Self::delay), then send attempt [`attempt`](Self::attempt) of
/// at most [`max_attempts`](Self::max_attempts), because of
/// [`error`](Self::error).
///
/// Handed to the hook set with
/// [`ClientBuilder::on_retry`](crate::ClientBuilder::on_retry) or
/// [`RequestOptions::on_retry`](crate::RequestOptions::on_retry), once per
/// retry, before the client sleeps. Only retries the client will really make
/// are announced: a failure that ends the call goes back to the caller as
/// the call's error instead.
///
/// ```
/// use openrouter_api::{Client, RetryNotice};
///
/// let client = Client::builder()
///     .on_retry(|notice: &RetryNotice<'_>| {
///         // e.g. "429 from Together: rate-limited; retrying in 2 s (attempt 2 of 3)"
///         eprintln!("{notice}");
///         if let Some(provider) = notice.provider() {
///             eprintln!("the provider was {provider}");
///         }
///     })
///     .build()?;
/// # let _ = client;
/// # Ok::<(), openrouter_api::Error>(())
/// ```
#[derive(Debug)]
pub struct RetryNotice<'a> {
    pub(crate) attempt: u32,
    pub(crate) max_attempts: u32,
    pub(crate) delay: Duration,
    pub(crate) error: &'a Error,
    pub(crate) operation: &'static Operation,
    pub(crate) method: Method,
    pub(crate) path: &'a str,
}

impl<'a> RetryNotice<'a> {
    /// The attempt that will be sent after the wait, counting from 1: 2 for
    /// the first retry.
    pub fn attempt(&self) -> u32 {
        self.attempt
    }

    /// The most attempts this call may make (1 + the retries its policy allows).
    pub fn max_attempts(&self) -> u32 {
        self.max_attempts
    }

    /// How long the client waits before the next attempt: the server's
    /// `Retry-After` when it sent one, otherwise the policy's backoff.
    pub fn delay(&self) -> Duration {
        self.delay
    }

    /// Why: the failure of the attempt that just ended. Every detail of it is
    /// reachable here (fallback models, rate-limit headers, the source chain).
    pub fn error(&self) -> &'a Error {
        self.error
    }

    /// The HTTP status the failure stands for, if the server answered.
    pub fn status(&self) -> Option<StatusCode> {
        self.error.status()
    }

    /// Whether the failure was a rate limit (429 or `rate_limit_exceeded`).
    pub fn is_rate_limited(&self) -> bool {
        self.error.is_rate_limited()
    }

    /// The upstream provider that failed (`error.metadata.provider_name`), when named.
    pub fn provider(&self) -> Option<&'a str> {
        self.error.api()?.provider_name()
    }

    /// The API error's `code`, when the server sent an error body.
    pub fn code(&self) -> Option<&'a ErrorCode> {
        self.error.api()?.code()
    }

    /// The API error's message, when the server sent an error body.
    pub fn message(&self) -> Option<&'a str> {
        Some(self.error.api()?.message())
    }

    /// What failed in the connection, when no answer came back.
    pub fn transport_kind(&self) -> Option<TransportKind> {
        match self.error {
            Error::Transport(e) => Some(e.kind()),
            _ => None,
        }
    }

    /// Which timeout fired, when one did.
    pub fn timeout_kind(&self) -> Option<TimeoutKind> {
        match self.error {
            Error::Timeout(e) => Some(e.kind()),
            _ => None,
        }
    }

    /// The declared operation being retried (for calls made with
    /// [`Client::request`](crate::Client::request) to an undeclared path, a
    /// placeholder whose `id` is `undeclared`).
    pub fn operation(&self) -> &'static Operation {
        self.operation
    }

    /// The HTTP method of the request.
    pub fn method(&self) -> &Method {
        &self.method
    }

    /// The request's path under the base URL, parameters filled in, without the query.
    pub fn path(&self) -> &'a str {
        self.path
    }
}

/// `429 from Together: rate-limited; retrying in 2 s (attempt 2 of 3)`.
impl fmt::Display for RetryNotice<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.status(), self.transport_kind(), self.timeout_kind()) {
            (Some(status), _, _) => {
                write!(f, "{}", status.as_u16())?;
                if let Some(provider) = self.provider() {
                    write!(f, " from {provider}")?;
                }
                if self.is_rate_limited() {
                    f.write_str(": rate-limited")?;
                }
            }
            (None, Some(TransportKind::Connect | TransportKind::Tls), _) => {
                f.write_str("could not connect")?;
            }
            (None, Some(_), _) => f.write_str("the connection broke")?,
            (None, None, Some(kind)) => write!(f, "{} timeout", kind.as_str())?,
            (None, None, None) => f.write_str("the attempt failed")?,
        }
        f.write_str("; retrying in ")?;
        write_wait(f, self.delay)?;
        write!(f, " (attempt {} of {})", self.attempt, self.max_attempts)
    }
}

/// `40 s`, `1.5 s`, `250 ms`: as precise as a person needs.
fn write_wait(f: &mut fmt::Formatter<'_>, wait: Duration) -> fmt::Result {
    if wait < Duration::from_secs(1) {
        write!(f, "{} ms", wait.as_millis())
    } else if wait.subsec_millis() < 50 || wait >= Duration::from_secs(10) {
        write!(f, "{} s", wait.as_secs_f64().round())
    } else {
        write!(f, "{:.1} s", wait.as_secs_f64())
    }
}

/// The caller's retry hook, shared by clones of the client and of options.
#[derive(Clone)]
pub(crate) struct RetryHook(Arc<dyn Fn(&RetryNotice<'_>) + Send + Sync>);

impl RetryHook {
    pub(crate) fn new(hook: impl Fn(&RetryNotice<'_>) + Send + Sync + 'static) -> Self {
        Self(Arc::new(hook))
    }

    pub(crate) fn call(&self, notice: &RetryNotice<'_>) {
        (self.0)(notice);
    }
}

impl fmt::Debug for RetryHook {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("RetryHook")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Wait(Duration);

    impl fmt::Display for Wait {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            write_wait(f, self.0)
        }
    }

    #[test]
    fn waits_read_as_a_person_would_say_them() {
        for (millis, text) in [
            (0, "0 ms"),
            (250, "250 ms"),
            (1_000, "1 s"),
            (1_500, "1.5 s"),
            (40_000, "40 s"),
            (40_400, "40 s"),
            (59_600, "60 s"),
        ] {
            assert_eq!(Wait(Duration::from_millis(millis)).to_string(), text);
        }
    }
}
