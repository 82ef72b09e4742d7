//! The hook of the client's [`Limiter`](crate::Limiter) and [`Budget`](crate::Budget) on the
//! call path: around each attempt, wait for a slot, refuse a new call once the budget is
//! spent, then learn from the answer (rate-limit pauses, reported cost).

use crate::limits::key_id;
use crate::meta::RateLimit;
use crate::{Client, Error};

use super::{Call, Received, Success};

impl Client {
    /// Runs one attempt under the handle's limiter and budget (`first`: the call's first
    /// attempt; a call in flight is never refused by the budget).
    pub(super) async fn guarded(
        &self,
        call: &Call,
        first: bool,
        attempt: impl Future<Output = Result<Success, Error>>,
    ) -> Result<Success, Error> {
        let guards = &self.guards;
        if guards.limiter.is_none() && guards.budget.is_none() {
            return attempt.await;
        }
        if first && let Some(budget) = &guards.budget {
            budget.check()?;
        }
        let key = guards.limiter.as_ref().map(|_| {
            let key = self.options.as_ref().and_then(|o| o.api_key.as_ref());
            key_id(key.or(self.inner.api_key.as_ref()).map(|k| k.expose()))
        });
        let slot = match (&guards.limiter, key) {
            (Some(limiter), Some(key)) => Some(limiter.acquire(key, call.model()).await),
            _ => None,
        };
        let result = attempt.await;
        drop(slot);
        if let (Some(limiter), Some(key)) = (&guards.limiter, key) {
            match &result {
                Ok(success) => {
                    limiter.observe(key, None, RateLimit::from_headers(&success.headers));
                }
                Err(error) => limiter.observe(
                    key,
                    error.is_rate_limited().then(|| error.retry_after()),
                    error.api().and_then(|api| api.rate_limit()),
                ),
            }
        }
        if let (
            Some(budget),
            Ok(Success {
                outcome: Received::Body(body),
                ..
            }),
        ) = (&guards.budget, &result)
        {
            budget.record_body(body);
        }
        result
    }
}
