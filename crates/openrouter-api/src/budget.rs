//! The cost budget: a maximum spend in USD across the calls of a client and its clones,
//! summed from each answer's `usage.cost`; once it is reached new calls fail fast, calls in
//! flight finish. And the pre-flight estimate from `/models` pricing.

use std::fmt;
use std::sync::{Arc, Mutex, PoisonError};

use serde::Deserialize;

use crate::Error;

/// A spending cap shared by every clone of the [`Client`](crate::Client) it is given to
/// ([`Client::with_budget`](crate::Client::with_budget)).
///
/// Each JSON answer's `usage.cost` (OpenRouter reports it on every generation) is added as
/// it arrives. Once the spend reaches the maximum, a new call fails before it is sent with
/// [`Error::BudgetExceeded`], which says what was spent; calls already in flight finish and
/// are counted, so the overshoot is at most what those cost. Streams report their cost in
/// their last chunk: add it with [`record`](Self::record).
///
/// ```
/// use openrouter_api::{Budget, Client};
///
/// // $5 for the job, of which an earlier run already spent $1.20.
/// let budget = Budget::new(5.0).with_spent(1.20);
/// let client = Client::builder().api_key("sk-or-v1-example").build()?.with_budget(budget.clone());
/// assert!((budget.remaining() - 3.80).abs() < 1e-9);
/// # let _ = client; Ok::<(), openrouter_api::Error>(())
/// ```
#[derive(Clone)]
pub struct Budget {
    inner: Arc<Shared>,
}

struct Shared {
    max: f64,
    spent: Mutex<f64>,
}

impl Budget {
    /// A budget of `max_usd` (negative or NaN counts as 0: nothing may be spent).
    pub fn new(max_usd: f64) -> Self {
        let max = if max_usd.is_nan() {
            0.0
        } else {
            max_usd.max(0.0)
        };
        Self {
            inner: Arc::new(Shared {
                max,
                spent: Mutex::new(0.0),
            }),
        }
    }

    /// Counts `usd` already spent (by an earlier run of the same job).
    #[must_use]
    pub fn with_spent(self, usd: f64) -> Self {
        self.record(usd);
        self
    }

    /// Adds a cost (ignored when negative or not finite).
    pub fn record(&self, usd: f64) {
        if usd.is_finite() && usd > 0.0 {
            *self
                .inner
                .spent
                .lock()
                .unwrap_or_else(PoisonError::into_inner) += usd;
        }
    }

    /// What was spent, in USD.
    pub fn spent(&self) -> f64 {
        *self
            .inner
            .spent
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
    }

    /// The maximum, in USD.
    pub fn max(&self) -> f64 {
        self.inner.max
    }

    /// What is left, in USD (0 once reached).
    pub fn remaining(&self) -> f64 {
        (self.max() - self.spent()).max(0.0)
    }

    /// Whether the spend reached the maximum.
    pub fn is_exhausted(&self) -> bool {
        self.spent() >= self.max()
    }

    /// `Ok` while there is money left; the typed error once there is none.
    pub fn check(&self) -> Result<(), Error> {
        let spent = self.spent();
        if spent >= self.max() {
            return Err(Error::BudgetExceeded(Box::new(BudgetError {
                max: self.max(),
                spent,
            })));
        }
        Ok(())
    }

    /// Adds the `usage.cost` a JSON answer reports, if it reports one.
    pub(crate) fn record_body(&self, body: &[u8]) {
        #[derive(Deserialize)]
        struct Body {
            usage: Option<Usage>,
        }
        #[derive(Deserialize)]
        struct Usage {
            cost: Option<f64>,
        }
        if let Ok(Body {
            usage: Some(Usage { cost: Some(cost) }),
        }) = serde_json::from_slice(body)
        {
            self.record(cost);
        }
    }

    /// A pre-flight estimate of a call's cost in USD, from a model's `/models` pricing:
    /// `prompt_tokens` × prompt price + `max_tokens` × completion price + the per-request
    /// price. An upper bound for the output (it assumes every allowed token is generated),
    /// a guess for the prompt; `None` when a price is unknown. It never replaces the cost
    /// OpenRouter reports, which is what the budget counts.
    ///
    /// ```
    /// use openrouter_api::Budget;
    /// let pricing: openrouter_api::types::models::Pricing = serde_json::from_str(
    ///     r#"{"prompt":"0.000001","completion":"0.000002"}"#,
    /// ).unwrap();
    /// let usd = Budget::estimate(&pricing, 1000, 500).unwrap();
    /// assert!((usd - 0.002).abs() < 1e-12);
    /// ```
    pub fn estimate(
        pricing: &openrouter_types::models::Pricing,
        prompt_tokens: u64,
        max_tokens: u64,
    ) -> Option<f64> {
        let prompt = pricing.prompt.as_f64()?;
        let completion = pricing.completion.as_f64()?;
        let request = pricing
            .request
            .as_ref()
            .and_then(|p| p.as_f64())
            .unwrap_or(0.0);
        Some(prompt * prompt_tokens as f64 + completion * max_tokens as f64 + request)
    }
}

impl fmt::Debug for Budget {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Budget")
            .field("max", &self.max())
            .field("spent", &self.spent())
            .finish()
    }
}

/// The cost budget is spent: the call was not sent.
#[derive(Debug, Clone, PartialEq)]
pub struct BudgetError {
    pub(crate) max: f64,
    pub(crate) spent: f64,
}

impl BudgetError {
    /// The budget's maximum, in USD.
    pub fn max(&self) -> f64 {
        self.max
    }

    /// What was spent when the call was refused, in USD.
    pub fn spent(&self) -> f64 {
        self.spent
    }
}

impl fmt::Display for BudgetError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "the cost budget of ${:.4} is reached (${:.4} spent): the request was not sent; raise the budget to continue",
            self.max, self.spent
        )
    }
}

impl std::error::Error for BudgetError {}
