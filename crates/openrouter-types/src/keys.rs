//! Key management with a management key (`/keys`: list, create, get, update, delete).
//!
//! ```
//! use openrouter_types::key::LimitReset;
//! use openrouter_types::keys::{CreateKeyRequest, CreateKeyResponse};
//! let request = CreateKeyRequest::new("ci runner").limit(10.0).limit_reset(LimitReset::Monthly);
//! assert_eq!(
//!     serde_json::to_value(&request)?,
//!     serde_json::json!({"name": "ci runner", "limit": 10.0, "limit_reset": "monthly"})
//! );
//! let created: CreateKeyResponse = serde_json::from_value(serde_json::json!({
//!     "data": {"hash": "f01d", "name": "ci runner", "label": "sk-or-v1-0e6...1c96",
//!              "disabled": false, "limit": 10, "usage": 0},
//!     "key": "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"}))?;
//! // The plaintext key is shown once and never printed by Debug.
//! assert!(!format!("{created:?}").contains("0e6f44"));
//! assert!(created.key.expose().starts_with("sk-or-v1-"));
//! # Ok::<(), serde_json::Error>(())
//! ```

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::key::LimitReset;
use crate::{Extra, KeyHash};

/// A key as the management endpoints describe it (`GET /keys` items,
/// `GET/PATCH /keys/{hash}` as `Data<ApiKey>`). Amounts are USD.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ApiKey {
    /// Identifier to use in `/keys/{hash}`.
    pub hash: KeyHash,
    /// Name given at creation.
    pub name: String,
    /// Masked preview of the key.
    pub label: String,
    /// Whether the key is disabled (see [`ApiKey::is_disabled`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disabled: Option<bool>,
    /// Credit cap; `None` means unlimited.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<f64>,
    /// Credit left under the cap.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit_remaining: Option<f64>,
    /// When the cap resets.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit_reset: Option<LimitReset>,
    /// Whether BYOK spend counts against the cap.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub include_byok_in_limit: Option<bool>,
    /// Total OpenRouter credit spend.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub usage: Option<f64>,
    /// Spend in the current UTC day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub usage_daily: Option<f64>,
    /// Spend in the current UTC week.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub usage_weekly: Option<f64>,
    /// Spend in the current UTC month.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub usage_monthly: Option<f64>,
    /// Total BYOK spend.
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
    /// Creation time (ISO 8601).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<String>,
    /// Last update time (ISO 8601).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<String>,
    /// Expiry (ISO 8601 UTC).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires_at: Option<String>,
    /// Who created it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub creator_user_id: Option<String>,
    /// Workspace it belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub workspace_id: Option<String>,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

impl ApiKey {
    /// Whether the key is disabled (`false` when not sent).
    pub fn is_disabled(&self) -> bool {
        self.disabled.unwrap_or(false)
    }
}

/// A plaintext API key, returned once by `POST /keys`.
///
/// `Debug` redacts it; there is no `Display`. Read it with
/// [`KeySecret::expose`] when you store it. Serde round-trips the real value,
/// so be careful where you serialize a value holding one.
///
/// ```
/// use openrouter_types::keys::KeySecret;
/// let secret = KeySecret::new("sk-or-v1-abc");
/// assert_eq!(format!("{secret:?}"), "KeySecret(<redacted>)");
/// assert_eq!(secret.expose(), "sk-or-v1-abc");
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct KeySecret(String);

impl KeySecret {
    /// Wraps a plaintext key.
    pub fn new(key: impl Into<String>) -> Self {
        Self(key.into())
    }

    /// The plaintext key. Do not log it.
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// Unwraps the plaintext key.
    pub fn into_exposed(self) -> String {
        self.0
    }
}

impl fmt::Debug for KeySecret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("KeySecret(<redacted>)")
    }
}

impl Serialize for KeySecret {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for KeySecret {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer).map(Self)
    }
}

/// `GET /keys` query: paging and filters.
///
/// ```
/// use openrouter_types::keys::ListKeysQuery;
/// let q = ListKeysQuery::new().include_disabled(true).offset(100);
/// assert_eq!(
///     q.to_query_pairs(),
///     vec![("include_disabled", "true".to_owned()), ("offset", "100".to_owned())]
/// );
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct ListKeysQuery {
    /// Whether to list disabled keys too.
    pub include_disabled: Option<bool>,
    /// Skip this many keys (a page holds up to 100).
    pub offset: Option<u64>,
    /// Only keys of this workspace.
    pub workspace_id: Option<String>,
}

impl ListKeysQuery {
    /// The server's defaults.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets `include_disabled`.
    pub fn include_disabled(mut self, include: bool) -> Self {
        self.include_disabled = Some(include);
        self
    }

    /// Sets `offset`.
    pub fn offset(mut self, offset: u64) -> Self {
        self.offset = Some(offset);
        self
    }

    /// Sets `workspace_id`.
    pub fn workspace_id(mut self, workspace_id: impl Into<String>) -> Self {
        self.workspace_id = Some(workspace_id.into());
        self
    }

    /// The query as `(name, value)` pairs, unset parameters left out.
    pub fn to_query_pairs(&self) -> Vec<(&'static str, String)> {
        let mut out = Vec::new();
        if let Some(include) = self.include_disabled {
            out.push(("include_disabled", include.to_string()));
        }
        if let Some(offset) = self.offset {
            out.push(("offset", offset.to_string()));
        }
        if let Some(workspace) = &self.workspace_id {
            out.push(("workspace_id", workspace.clone()));
        }
        out
    }
}

/// `POST /keys` body.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CreateKeyRequest {
    /// Name of the new key.
    pub name: String,
    /// Credit cap in USD (unset = unlimited).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<f64>,
    /// When the cap resets.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit_reset: Option<LimitReset>,
    /// Whether BYOK spend counts against the cap.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub include_byok_in_limit: Option<bool>,
    /// Expiry, ISO 8601 in UTC (other time zones are rejected).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires_at: Option<String>,
    /// Workspace to create it in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub workspace_id: Option<String>,
    /// Organization member to attribute it to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub creator_user_id: Option<String>,
    /// Fields this version does not model, sent as is.
    #[serde(flatten)]
    pub extra: Extra,
}

impl CreateKeyRequest {
    /// A request for a key named `name`, with no cap.
    pub fn new(name: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            limit: None,
            limit_reset: None,
            include_byok_in_limit: None,
            expires_at: None,
            workspace_id: None,
            creator_user_id: None,
            extra: Extra::new(),
        }
    }

    /// Sets the credit cap in USD.
    pub fn limit(mut self, usd: f64) -> Self {
        self.limit = Some(usd);
        self
    }

    /// Sets how often the cap resets.
    pub fn limit_reset(mut self, reset: LimitReset) -> Self {
        self.limit_reset = Some(reset);
        self
    }

    /// Sets whether BYOK spend counts against the cap.
    pub fn include_byok_in_limit(mut self, include: bool) -> Self {
        self.include_byok_in_limit = Some(include);
        self
    }

    /// Sets the expiry (ISO 8601 UTC, e.g. `2027-12-31T23:59:59Z`).
    pub fn expires_at(mut self, at: impl Into<String>) -> Self {
        self.expires_at = Some(at.into());
        self
    }

    /// Sets the workspace.
    pub fn workspace_id(mut self, workspace_id: impl Into<String>) -> Self {
        self.workspace_id = Some(workspace_id.into());
        self
    }

    /// Sets the creator.
    pub fn creator_user_id(mut self, user_id: impl Into<String>) -> Self {
        self.creator_user_id = Some(user_id.into());
        self
    }

    /// Adds a field this version does not model.
    pub fn extra_field(mut self, name: impl Into<String>, value: serde_json::Value) -> Self {
        self.extra.insert(name.into(), value);
        self
    }
}

/// `POST /keys` answer (HTTP 201): the key's info and, once, its plaintext.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CreateKeyResponse {
    /// The new key's info.
    pub data: ApiKey,
    /// The plaintext key; OpenRouter never shows it again.
    pub key: KeySecret,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

/// `PATCH /keys/{hash}` body: only the fields you set are sent.
///
/// ```
/// use openrouter_types::keys::UpdateKeyRequest;
/// let patch = UpdateKeyRequest::new().disabled(true).remove_limit();
/// assert_eq!(
///     serde_json::to_value(&patch)?,
///     serde_json::json!({"disabled": true, "limit": null})
/// );
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct UpdateKeyRequest {
    /// New name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Disable or re-enable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disabled: Option<bool>,
    /// New cap: `Some(None)` sends `null` (no cap), `None` leaves it unchanged.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "present"
    )]
    pub limit: Option<Option<f64>>,
    /// New reset period: `Some(None)` sends `null` (never resets).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "present"
    )]
    pub limit_reset: Option<Option<LimitReset>>,
    /// Whether BYOK spend counts against the cap.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub include_byok_in_limit: Option<bool>,
    /// Fields this version does not model, sent as is.
    #[serde(flatten)]
    pub extra: Extra,
}

impl UpdateKeyRequest {
    /// An empty patch.
    pub fn new() -> Self {
        Self::default()
    }

    /// Renames the key.
    pub fn name(mut self, name: impl Into<String>) -> Self {
        self.name = Some(name.into());
        self
    }

    /// Disables (`true`) or re-enables the key.
    pub fn disabled(mut self, disabled: bool) -> Self {
        self.disabled = Some(disabled);
        self
    }

    /// Sets the credit cap in USD.
    pub fn limit(mut self, usd: f64) -> Self {
        self.limit = Some(Some(usd));
        self
    }

    /// Removes the credit cap (sends `"limit": null`).
    pub fn remove_limit(mut self) -> Self {
        self.limit = Some(None);
        self
    }

    /// Sets how often the cap resets.
    pub fn limit_reset(mut self, reset: LimitReset) -> Self {
        self.limit_reset = Some(Some(reset));
        self
    }

    /// Stops the cap from resetting (sends `"limit_reset": null`).
    pub fn remove_limit_reset(mut self) -> Self {
        self.limit_reset = Some(None);
        self
    }

    /// Sets whether BYOK spend counts against the cap.
    pub fn include_byok_in_limit(mut self, include: bool) -> Self {
        self.include_byok_in_limit = Some(include);
        self
    }

    /// Adds a field this version does not model.
    pub fn extra_field(mut self, name: impl Into<String>, value: serde_json::Value) -> Self {
        self.extra.insert(name.into(), value);
        self
    }
}

/// `DELETE /keys/{hash}` answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct DeleteKeyResponse {
    /// Always `true` on success.
    pub deleted: bool,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

// A key that is present decodes to `Some(value)`, `null` included, so a
// patch can tell "set to null" from "leave alone".
fn present<'de, T, D>(deserializer: D) -> Result<Option<Option<T>>, D::Error>
where
    T: Deserialize<'de>,
    D: Deserializer<'de>,
{
    Option::<T>::deserialize(deserializer).map(Some)
}
