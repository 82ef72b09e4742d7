//! The client-side limiter: requests per interval and requests in flight, per key and
//! optionally per model, that learns from the API (a 429's `Retry-After` or exhausted
//! rate-limit headers pause every call on that key). Off unless a client is given one.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use sha2::{Digest, Sha256};
use tokio::sync::{OwnedSemaphorePermit, Semaphore};
use tokio::time::Instant;

use crate::meta::RateLimit;

/// The longest pause the limiter takes from the server's word (`Retry-After`, a rate-limit
/// reset): the same cap the retry policy applies, so a daily limit does not freeze a run
/// silently for hours (the calls fail with the 429 instead and say when to come back).
const MAX_PAUSE: Duration = Duration::from_secs(60);

/// The pause after a 429 that did not say how long to wait.
const DEFAULT_PAUSE: Duration = Duration::from_secs(1);

/// Per-model buckets stop being created past this many (later models share their key's
/// bucket), so a stream of distinct model names cannot grow memory without bound.
const MAX_BUCKETS: usize = 4096;

/// A client-side rate limiter, shared by every clone of the [`Client`](crate::Client) it is
/// given to ([`Client::with_limiter`](crate::Client::with_limiter)).
///
/// - **Requests per interval**: at most `n` attempts start in any `interval`, spread evenly
///   after an initial burst of `n` (a GCRA: one instant of state per bucket).
/// - **Concurrency**: at most `n` attempts in flight.
/// - **Per key**, and with [`per_model`](Self::per_model) per (key, model).
/// - **Learning**: a 429 pauses every call on its key for its `Retry-After` (1 s when it says
///   nothing, at most 60 s), instead of each call backing off on its own; a response whose
///   `X-RateLimit-Remaining` is 0 pauses them until `X-RateLimit-Reset`.
///   [`seed_from_key`](Self::seed_from_key) takes the rate from `GET /key`.
///
/// Each HTTP attempt (retries included) takes a slot; a stream holds its concurrency slot
/// until its response headers arrive, not for its whole body.
///
/// ```
/// use std::time::Duration;
/// use openrouter_api::{Client, Limiter};
///
/// let limiter = Limiter::new().requests(20, Duration::from_secs(60)).concurrency(8);
/// let client = Client::builder().api_key("sk-or-v1-example").build()?.with_limiter(limiter.clone());
/// let clone = client.clone(); // shares the limiter
/// # let _ = clone; Ok::<(), openrouter_api::Error>(())
/// ```
#[derive(Clone, Default)]
pub struct Limiter {
    inner: Arc<Shared>,
}

#[derive(Default)]
struct Shared {
    config: Mutex<Config>,
    state: Mutex<State>,
}

#[derive(Debug, Clone, Copy, Default)]
struct Config {
    rate: Option<(u32, Duration)>,
    concurrency: Option<usize>,
    per_model: bool,
}

#[derive(Default)]
struct State {
    /// Per key: when its pause ends.
    paused: HashMap<u64, Instant>,
    buckets: HashMap<(u64, Option<String>), Arc<Bucket>>,
}

struct Bucket {
    /// The GCRA's theoretical arrival time.
    tat: Mutex<Option<Instant>>,
    slots: Option<Arc<Semaphore>>,
}

/// A slot held while an attempt runs.
#[derive(Debug)]
pub(crate) struct Slot {
    _permit: Option<OwnedSemaphorePermit>,
}

impl Limiter {
    /// A limiter with no limits yet (it still pauses on 429s and exhausted rate-limit
    /// headers once given to a client).
    pub fn new() -> Self {
        Self::default()
    }

    /// At most `requests` attempts per `interval` (ignored when either is zero).
    #[must_use]
    pub fn requests(self, requests: u32, interval: Duration) -> Self {
        self.update(|c| {
            c.rate = (requests > 0 && !interval.is_zero()).then_some((requests, interval));
        });
        self
    }

    /// At most `n` attempts in flight (at least 1).
    #[must_use]
    pub fn concurrency(self, n: usize) -> Self {
        self.update(|c| c.concurrency = Some(n.max(1)));
        self
    }

    /// Apply the limits to each (key, model) pair rather than to each key.
    #[must_use]
    pub fn per_model(self, per_model: bool) -> Self {
        self.update(|c| c.per_model = per_model);
        self
    }

    /// Takes the rate limit `GET /key` reports (`rate_limit.requests` per
    /// `rate_limit.interval`, e.g. `10s`), unless a rate was set; returns whether it did.
    /// A free-tier key with no rate reported gets OpenRouter's documented 20 per minute.
    ///
    /// ```
    /// # use openrouter_api::Limiter;
    /// let info: openrouter_api::types::key::KeyInfo = serde_json::from_str(
    ///     r#"{"label":"x","usage":0,"is_free_tier":true,"rate_limit":{"requests":10,"interval":"10s"}}"#,
    /// ).unwrap();
    /// let limiter = Limiter::new();
    /// assert!(limiter.seed_from_key(&info));
    /// assert_eq!(limiter.rate(), Some((10, std::time::Duration::from_secs(10))));
    /// ```
    pub fn seed_from_key(&self, info: &openrouter_types::key::KeyInfo) -> bool {
        let reported = info.rate_limit.as_ref().and_then(|r| {
            let requests = u32::try_from(r.requests).ok().filter(|&n| n > 0)?;
            Some((requests, parse_interval(&r.interval)?))
        });
        let rate = reported
            .or_else(|| (info.is_free_tier == Some(true)).then_some((20, Duration::from_secs(60))));
        let mut seeded = false;
        self.update(|c| {
            if c.rate.is_none() {
                c.rate = rate;
                seeded = rate.is_some();
            }
        });
        seeded
    }

    /// The configured rate: requests per interval.
    pub fn rate(&self) -> Option<(u32, Duration)> {
        self.config().rate
    }

    /// The configured concurrency.
    pub fn max_concurrency(&self) -> Option<usize> {
        self.config().concurrency
    }

    fn config(&self) -> Config {
        *self
            .inner
            .config
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
    }

    fn update(&self, f: impl FnOnce(&mut Config)) {
        f(&mut self
            .inner
            .config
            .lock()
            .unwrap_or_else(PoisonError::into_inner));
        // New limits apply to buckets made from now on.
        self.state().buckets.clear();
    }

    fn state(&self) -> std::sync::MutexGuard<'_, State> {
        self.inner
            .state
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
    }

    /// Waits for a slot for one attempt with `key` (a fingerprint) and `model`.
    pub(crate) async fn acquire(&self, key: u64, model: Option<&str>) -> Slot {
        let config = self.config();
        let bucket = {
            let mut state = self.state();
            let model = model.filter(|_| config.per_model && state.buckets.len() < MAX_BUCKETS);
            let id = (key, model.map(str::to_owned));
            Arc::clone(state.buckets.entry(id).or_insert_with(|| {
                Arc::new(Bucket {
                    tat: Mutex::new(None),
                    slots: config.concurrency.map(|n| Arc::new(Semaphore::new(n))),
                })
            }))
        };
        let permit = match &bucket.slots {
            // The semaphore is never closed.
            Some(slots) => Arc::clone(slots).acquire_owned().await.ok(),
            None => None,
        };
        loop {
            let now = Instant::now();
            let paused = self.state().paused.get(&key).copied().filter(|&t| t > now);
            if let Some(until) = paused {
                tokio::time::sleep_until(until).await;
                continue;
            }
            match config.rate.and_then(|rate| bucket.reserve(rate, now)) {
                Some(until) => tokio::time::sleep_until(until).await,
                None => break,
            }
        }
        Slot { _permit: permit }
    }

    /// Learns from an attempt's answer: a 429 and exhausted rate-limit headers pause the key.
    pub(crate) fn observe(
        &self,
        key: u64,
        rate_limited: Option<Option<Duration>>,
        headers: Option<RateLimit>,
    ) {
        let mut pause = rate_limited.map(|after| after.unwrap_or(DEFAULT_PAUSE));
        if let Some(RateLimit {
            remaining: Some(0),
            reset_epoch_ms: Some(reset),
            ..
        }) = headers
        {
            let now_ms = SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .map_or(0, |d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX));
            let until_reset = Duration::from_millis(reset.saturating_sub(now_ms));
            pause = Some(pause.map_or(until_reset, |p| p.max(until_reset)));
        }
        let Some(pause) = pause.map(|p| p.min(MAX_PAUSE)).filter(|p| !p.is_zero()) else {
            return;
        };
        let until = Instant::now() + pause;
        let mut state = self.state();
        let entry = state.paused.entry(key).or_insert(until);
        if *entry < until {
            *entry = until;
        }
        tracing::info!(
            pause_ms = u64::try_from(pause.as_millis()).unwrap_or(u64::MAX),
            "rate limited: pausing every request on this key"
        );
    }
}

impl Bucket {
    /// Takes a slot in the rate if one is free now, else says when to look again.
    fn reserve(&self, (requests, interval): (u32, Duration), now: Instant) -> Option<Instant> {
        let emission = interval / requests;
        let burst = interval.saturating_sub(emission);
        let mut tat = self.tat.lock().unwrap_or_else(PoisonError::into_inner);
        let at = tat.map_or(now, |t| t.max(now));
        match at.checked_sub(burst) {
            Some(allowed) if allowed > now => Some(allowed),
            _ => {
                *tat = Some(at + emission);
                None
            }
        }
    }
}

impl std::fmt::Debug for Limiter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let config = self.config();
        f.debug_struct("Limiter")
            .field("rate", &config.rate)
            .field("concurrency", &config.concurrency)
            .field("per_model", &config.per_model)
            .finish_non_exhaustive()
    }
}

/// A key's fingerprint: what the limiter files it under (the key itself is never kept).
pub(crate) fn key_id(key: Option<&str>) -> u64 {
    let digest = Sha256::digest(key.unwrap_or("").as_bytes());
    let mut bytes = [0u8; 8];
    bytes.copy_from_slice(&digest[..8]);
    u64::from_be_bytes(bytes)
}

/// `10s`, `1m`, `1h`, `500ms`, or a bare number of seconds.
fn parse_interval(text: &str) -> Option<Duration> {
    let text = text.trim();
    let split = text
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(text.len());
    let (number, unit) = text.split_at(split);
    let n: u64 = number.parse().ok()?;
    let d = match unit.trim() {
        "" | "s" => Duration::from_secs(n),
        "ms" => Duration::from_millis(n),
        "m" | "min" => Duration::from_secs(n * 60),
        "h" => Duration::from_secs(n * 3600),
        _ => return None,
    };
    (!d.is_zero()).then_some(d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn intervals_parse() {
        assert_eq!(parse_interval("10s"), Some(Duration::from_secs(10)));
        assert_eq!(parse_interval("1m"), Some(Duration::from_secs(60)));
        assert_eq!(parse_interval("0s"), None);
        assert_eq!(parse_interval("soon"), None);
    }

    #[test]
    fn the_rate_allows_a_burst_then_spaces_attempts() {
        let bucket = Bucket {
            tat: Mutex::new(None),
            slots: None,
        };
        let now = Instant::now();
        let rate = (2, Duration::from_secs(10));
        assert_eq!(bucket.reserve(rate, now), None);
        assert_eq!(bucket.reserve(rate, now), None);
        assert_eq!(
            bucket.reserve(rate, now),
            Some(now + Duration::from_secs(5))
        );
        assert_eq!(bucket.reserve(rate, now + Duration::from_secs(5)), None);
    }
}
