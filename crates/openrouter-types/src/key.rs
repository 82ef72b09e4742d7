//! The current API key's info and limits (`GET /key`, legacy `GET /auth/key`).
//!
//! ```
//! use openrouter_types::{Data, key::KeyInfo};
//! let body: Data<KeyInfo> = serde_json::from_str(r#"{"data":{
//!     "label":"sk-or-v1-au7...890","limit":100,"limit_remaining":74.5,"usage":25.5,
//!     "limit_reset":"monthly","is_free_tier":false}}"#)?;
//! assert_eq!(body.data.limit_remaining, Some(74.5));
//! assert!(!body.data.is_unlimited());
//! # Ok::<(), serde_json::Error>(())
//! ```

use serde::{Deserialize, Serialize};

use crate::Extra;
use crate::open_enum::open_enum;

/// `GET /key`'s payload (inside [`Data`](crate::Data)): the calling key's limits and spend.
///
/// All amounts are USD. Only `label` and `usage` exist in every era; the
/// legacy `/auth/key` shape (2025) lacks the per-period and BYOK counters,
/// so everything else is optional.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct KeyInfo {
    /// OpenRouter's masked preview of the key (`sk-or-v1-0fa...240`), not the secret.
    pub label: String,
    /// Credit cap; `None` means unlimited.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<f64>,
    /// Credit left under the cap; `None` when unlimited.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit_remaining: Option<f64>,
    /// When the cap resets.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit_reset: Option<LimitReset>,
    /// Whether BYOK spend counts against the cap.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub include_byok_in_limit: Option<bool>,
    /// Total OpenRouter credit spend.
    pub usage: f64,
    /// Spend in the current UTC day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub usage_daily: Option<f64>,
    /// Spend in the current UTC week (from Monday).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub usage_weekly: Option<f64>,
    /// Spend in the current UTC month.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub usage_monthly: Option<f64>,
    /// Total spend on your own provider keys (BYOK).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub byok_usage: Option<f64>,
    /// BYOK spend in the current UTC day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub byok_usage_daily: Option<f64>,
    /// BYOK spend in the current UTC week.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub byok_usage_weekly: Option<f64>,
    /// BYOK spend in the current UTC month.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub byok_usage_monthly: Option<f64>,
    /// Whether the account never bought credits (free-tier limits apply).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_free_tier: Option<bool>,
    /// Whether this is a management key.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_management_key: Option<bool>,
    /// Deprecated alias of `is_management_key`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_provisioning_key: Option<bool>,
    /// Who created the key.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub creator_user_id: Option<String>,
    /// Expiry (ISO 8601 UTC).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires_at: Option<String>,
    /// Deprecated, "safe to ignore" rate-limit info.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rate_limit: Option<RateLimit>,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

impl KeyInfo {
    /// Whether the key has no credit cap.
    pub fn is_unlimited(&self) -> bool {
        self.limit.is_none()
    }
}

open_enum! {
    /// How often a key's credit cap resets (midnight UTC; weeks start Monday).
    ///
    /// ```
    /// use openrouter_types::key::LimitReset;
    /// assert_eq!(LimitReset::from("weekly"), LimitReset::Weekly);
    /// ```
    pub enum LimitReset {
        /// Every day.
        Daily = "daily",
        /// Every week.
        Weekly = "weekly",
        /// Every month.
        Monthly = "monthly",
    }
}

/// `rate_limit` (deprecated by OpenRouter; kept for old responses).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct RateLimit {
    /// Requests per interval.
    pub requests: i64,
    /// Interval such as `10s`.
    pub interval: String,
    /// Deprecation note (2026).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}
