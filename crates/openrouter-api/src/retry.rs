//! When to try a request again and how long to wait: exponential backoff with
//! full jitter, `Retry-After` honoured up to a cap; and the notice a caller's
//! hook receives before each wait.

mod notice;

use std::time::{Duration, SystemTime};

use http::{HeaderMap, StatusCode};

use crate::Error;
use crate::error::Phase;
use crate::operation::RetryClass;

pub(crate) use notice::RetryHook;
pub use notice::RetryNotice;

/// Statuses that are retried: transient by definition, or OpenRouter's edge
/// codes for a provider that timed out (524) or is overloaded (529).
/// 520–523 are Cloudflare's "the origin failed" family in front of OpenRouter.
pub(crate) const RETRYABLE_STATUSES: [u16; 12] =
    [408, 429, 500, 502, 503, 504, 520, 521, 522, 523, 524, 529];

/// How requests are retried.
///
/// The default retries twice (three attempts in all) on 408, 429, 500, 502,
/// 503, 504, 520–524, 529, on connection failures and timeouts, and on a 400
/// whose body wraps one of those codes (OpenRouter relays some upstream
/// failures that way). Nothing else is retried: 400, 401, 402, 403, 404, 413
/// and 422 go back to the caller at once.
///
/// Whether a failure that happened after the request was written is retried
/// depends on the operation, not on the policy: see
/// [`RetryClass`](crate::operation::RetryClass) for the table, and
/// [`RequestOptions::retry_ambiguous`](crate::RequestOptions::retry_ambiguous).
///
/// The wait before retry *n* (0-based) is a random duration in
/// `[0, min(max_backoff, initial_backoff · 2ⁿ)]` ("full jitter"). When the
/// server sends `retry-after-ms` or `Retry-After` (seconds or an HTTP date),
/// that wait is used instead, unless it is longer than
/// [`max_retry_after`](Self::max_retry_after) (default 60 s): then the call
/// fails at once and [`Error::retry_after`](crate::Error::retry_after) tells
/// the caller when to come back. No retry starts once
/// [`deadline`](Self::deadline) has passed, nor one whose wait would cross it.
///
/// A stream is never retried once its response headers have arrived: by then
/// the caller may already have seen events.
///
/// ```
/// use std::time::Duration;
/// use openrouter_api::RetryPolicy;
///
/// let policy = RetryPolicy::default()
///     .max_retries(4)
///     .initial_backoff(Duration::from_millis(250))
///     .deadline(Duration::from_secs(30));
/// assert_eq!(policy.retries(), 4);
/// assert_eq!(RetryPolicy::none().retries(), 0);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RetryPolicy {
    pub(crate) max_retries: u32,
    pub(crate) initial_backoff: Duration,
    pub(crate) max_backoff: Duration,
    pub(crate) max_retry_after: Duration,
    pub(crate) deadline: Option<Duration>,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        Self {
            max_retries: 2,
            initial_backoff: Duration::from_millis(500),
            max_backoff: Duration::from_secs(8),
            max_retry_after: Duration::from_secs(60),
            deadline: None,
        }
    }
}

impl RetryPolicy {
    /// A policy that never retries.
    pub fn none() -> Self {
        Self::default().max_retries(0)
    }

    /// Retries after the first attempt (default 2).
    #[must_use]
    pub fn max_retries(mut self, retries: u32) -> Self {
        self.max_retries = retries;
        self
    }

    /// The backoff ceiling before the first retry (default 500 ms); it doubles per retry.
    #[must_use]
    pub fn initial_backoff(mut self, backoff: Duration) -> Self {
        self.initial_backoff = backoff;
        self
    }

    /// The largest backoff ceiling (default 8 s).
    #[must_use]
    pub fn max_backoff(mut self, backoff: Duration) -> Self {
        self.max_backoff = backoff;
        self
    }

    /// The longest server-requested wait that is honoured (default 60 s).
    /// A longer `Retry-After` ends the call with the error instead of sleeping.
    #[must_use]
    pub fn max_retry_after(mut self, cap: Duration) -> Self {
        self.max_retry_after = cap;
        self
    }

    /// No retry starts later than this after the first attempt began (default: none).
    #[must_use]
    pub fn deadline(mut self, deadline: Duration) -> Self {
        self.deadline = Some(deadline);
        self
    }

    /// The number of retries this policy allows.
    pub fn retries(&self) -> u32 {
        self.max_retries
    }

    /// The wait before retry number `retry` (0-based), or `None` when the call
    /// must stop: retries used up, server wait above the cap, or deadline.
    pub(crate) fn next_delay(
        &self,
        retry: u32,
        retry_after: Option<Duration>,
        elapsed: Duration,
    ) -> Option<Duration> {
        if retry >= self.max_retries {
            return None;
        }
        let delay = match retry_after {
            Some(wait) if wait > self.max_retry_after => return None,
            Some(wait) => wait,
            None => self.backoff(retry),
        };
        if let Some(deadline) = self.deadline
            && elapsed.saturating_add(delay) >= deadline
        {
            return None;
        }
        Some(delay)
    }

    /// Full jitter: uniform in `[0, min(max_backoff, initial · 2^retry)]`.
    pub(crate) fn backoff(&self, retry: u32) -> Duration {
        let ceiling = self
            .initial_backoff
            .saturating_mul(2u32.saturating_pow(retry.min(31)))
            .min(self.max_backoff);
        let nanos = u64::try_from(ceiling.as_nanos()).unwrap_or(u64::MAX);
        Duration::from_nanos(fastrand::u64(0..=nanos))
    }
}

/// What to do after a failed attempt, before counting retries and waits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Verdict {
    /// Send it again (if the policy has retries and time left).
    Retry,
    /// Hand the error to the caller.
    Stop,
    /// The request may have been processed: not resent, and the error says so.
    Ambiguous,
}

/// The rule of [`RetryClass`]'s table: whether this operation may be sent
/// again after this error. `retry_ambiguous` is the caller's opt-in to
/// resending requests that may have been processed.
pub(crate) fn verdict(class: RetryClass, error: &Error, retry_ambiguous: bool) -> Verdict {
    if !error.is_retryable() {
        return Verdict::Stop;
    }
    match error {
        // A status: the server answered, and a retryable one says it did not act. A
        // create that failed with a 500 may still have created, so it retries only
        // on the statuses that promise otherwise.
        Error::Api(e) => match class {
            RetryClass::NotIdempotent if !retry_ambiguous => {
                let status = e.status().as_u16();
                if status == 429 || (status == 503 && e.retry_after().is_some()) {
                    Verdict::Retry
                } else {
                    Verdict::Stop
                }
            }
            _ => Verdict::Retry,
        },
        Error::Transport(_) | Error::Timeout(_) => {
            if error.phase() == Some(Phase::Connecting)
                || class == RetryClass::Idempotent
                || retry_ambiguous
            {
                Verdict::Retry
            } else {
                Verdict::Ambiguous
            }
        }
        _ => Verdict::Stop,
    }
}

/// Whether a status alone says "try again".
pub(crate) fn is_retryable_status(status: StatusCode) -> bool {
    RETRYABLE_STATUSES.contains(&status.as_u16())
}

/// The wait a response asks for: `retry-after-ms` (OpenAI-style, fractional
/// milliseconds) first, then `Retry-After` as delta-seconds or an HTTP date.
/// A date in the past means "now".
pub(crate) fn retry_after_from_headers(headers: &HeaderMap, now: SystemTime) -> Option<Duration> {
    if let Some(ms) = header_str(headers, "retry-after-ms")
        .and_then(|v| v.parse::<f64>().ok())
        .filter(|ms| ms.is_finite() && *ms >= 0.0)
    {
        return Some(saturating_secs_f64(ms / 1000.0));
    }
    let value = header_str(headers, "retry-after")?;
    if let Ok(secs) = value.parse::<u64>() {
        return Some(Duration::from_secs(secs));
    }
    if let Ok(secs) = value.parse::<f64>()
        && secs.is_finite()
        && secs >= 0.0
    {
        return Some(saturating_secs_f64(secs));
    }
    let date = httpdate::parse_http_date(value).ok()?;
    Some(date.duration_since(now).unwrap_or(Duration::ZERO))
}

/// Seconds as a `Duration`, saturating: a wait too long for `Duration`
/// (`Retry-After: 1e300`) must not panic; as `Duration::MAX` it is above any
/// cap, so the call stops and reports it. `secs` is finite and not negative.
pub(crate) fn saturating_secs_f64(secs: f64) -> Duration {
    Duration::try_from_secs_f64(secs).unwrap_or(Duration::MAX)
}

fn header_str<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers.get(name)?.to_str().ok().map(str::trim)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.insert(*name, value.parse().unwrap());
        }
        map
    }

    #[test]
    fn backoff_stays_within_the_doubling_ceiling() {
        let policy = RetryPolicy::default()
            .initial_backoff(Duration::from_millis(100))
            .max_backoff(Duration::from_millis(350));
        for _ in 0..200 {
            assert!(policy.backoff(0) <= Duration::from_millis(100));
            assert!(policy.backoff(1) <= Duration::from_millis(200));
            assert!(policy.backoff(2) <= Duration::from_millis(350));
            assert!(policy.backoff(40) <= Duration::from_millis(350));
        }
        // Full jitter actually spreads: 200 draws are not all identical.
        let draws: std::collections::HashSet<_> = (0..200).map(|_| policy.backoff(3)).collect();
        assert!(draws.len() > 10);
    }

    #[test]
    fn next_delay_counts_retries_and_honours_the_cap_and_deadline() {
        let policy = RetryPolicy::default()
            .max_retries(2)
            .deadline(Duration::from_secs(10));
        let wait = Some(Duration::from_secs(3));
        assert_eq!(policy.next_delay(0, wait, Duration::ZERO), wait);
        assert_eq!(policy.next_delay(1, wait, Duration::from_secs(6)), wait);
        assert_eq!(
            policy.next_delay(2, wait, Duration::ZERO),
            None,
            "retries used up"
        );
        assert_eq!(
            policy.next_delay(0, wait, Duration::from_secs(7)),
            None,
            "deadline"
        );
        let far = Some(Duration::from_secs(61));
        assert_eq!(
            policy.next_delay(0, far, Duration::ZERO),
            None,
            "above the 60 s cap"
        );
        assert_eq!(
            RetryPolicy::none().next_delay(0, None, Duration::ZERO),
            None
        );
    }

    #[test]
    fn retry_after_reads_seconds_dates_and_milliseconds() {
        let now = SystemTime::UNIX_EPOCH + Duration::from_secs(1_700_000_000);
        let at = |h: &[(&'static str, &str)]| retry_after_from_headers(&headers(h), now);
        assert_eq!(at(&[("retry-after", "7")]), Some(Duration::from_secs(7)));
        assert_eq!(
            at(&[("retry-after", " 1.5 ")]),
            Some(Duration::from_millis(1500))
        );
        let date = httpdate::fmt_http_date(now + Duration::from_secs(42));
        assert_eq!(at(&[("retry-after", &date)]), Some(Duration::from_secs(42)));
        let past = httpdate::fmt_http_date(now - Duration::from_secs(42));
        assert_eq!(at(&[("retry-after", &past)]), Some(Duration::ZERO));
        assert_eq!(
            at(&[("retry-after", "9"), ("retry-after-ms", "250")]),
            Some(Duration::from_millis(250)),
            "retry-after-ms is more precise and wins"
        );
        assert_eq!(at(&[("retry-after", "soon")]), None);
        assert_eq!(at(&[("retry-after", "-3")]), None);
        assert_eq!(at(&[]), None);
    }

    #[test]
    fn only_transient_statuses_are_retryable() {
        for code in RETRYABLE_STATUSES {
            assert!(is_retryable_status(StatusCode::from_u16(code).unwrap()));
        }
        for code in [400, 401, 402, 403, 404, 409, 413, 422, 501] {
            assert!(!is_retryable_status(StatusCode::from_u16(code).unwrap()));
        }
    }
}
