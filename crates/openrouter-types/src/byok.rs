//! Bring-your-own-key provider credentials (`/byok`: list, create, get, update, delete; management key).
//!
//! The raw provider key is write-only: it goes out in [`CreateByokKeyRequest`]
//! (and [`UpdateByokKeyRequest`] to rotate it) as a [`KeySecret`], and no
//! answer ever carries it back, only a masked `label`.
//!
//! ```
//! use openrouter_types::Data;
//! use openrouter_types::byok::{ByokKey, CreateByokKeyRequest, ProviderSlug};
//! let request = CreateByokKeyRequest::new(ProviderSlug::Openai, "sk-proj-REDACTED")
//!     .name("Production OpenAI Key")
//!     .is_fallback(true);
//! assert_eq!(
//!     serde_json::to_value(&request)?,
//!     serde_json::json!({"is_fallback": true, "key": "sk-proj-REDACTED",
//!                        "name": "Production OpenAI Key", "provider": "openai"})
//! );
//! // The provider key never reaches Debug.
//! assert!(!format!("{request:?}").contains("sk-proj"));
//!
//! let created: Data<ByokKey> = serde_json::from_value(serde_json::json!({"data": {
//!     "allowed_api_key_hashes": null, "allowed_models": null, "allowed_user_ids": null,
//!     "created_at": "2025-08-24T10:30:00Z", "disabled": false,
//!     "id": "11111111-2222-3333-4444-555555555555", "is_fallback": true,
//!     "label": "sk-...AbCd", "name": "Production OpenAI Key", "provider": "openai",
//!     "sort_order": 0, "workspace_id": null}}))?;
//! assert_eq!(created.data.provider, ProviderSlug::Openai);
//! assert!(created.data.workspace_id.is_none()); // global: usable in every workspace
//! # Ok::<(), serde_json::Error>(())
//! ```

mod provider_slug;

use serde::{Deserialize, Serialize};

pub use provider_slug::ProviderSlug;

use crate::Extra;
use crate::keys::KeySecret;
use crate::nullable::present;
use crate::paging;

/// A BYOK credential as the API describes it (`GET /byok` items; the `data`
/// of create, get and update). Fields in the spec's order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ByokKey {
    /// OpenRouter API key hashes allowed to use it; `None` (`null`): any key.
    #[serde(default)]
    pub allowed_api_key_hashes: Option<Vec<String>>,
    /// Model slugs it may serve; `None` (`null`): any model.
    #[serde(default)]
    pub allowed_models: Option<Vec<String>>,
    /// User ids allowed to use it; `None` (`null`): anyone.
    #[serde(default)]
    pub allowed_user_ids: Option<Vec<String>>,
    /// Creation time (ISO 8601).
    pub created_at: String,
    /// Whether it is disabled.
    pub disabled: bool,
    /// Identifier (a UUID) for `/byok/{id}`.
    pub id: String,
    /// Whether it is tried only after the provider's non-fallback credentials.
    pub is_fallback: bool,
    /// Masked snippet of the key (`sk-...AbCd`).
    pub label: String,
    /// Human-readable name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Provider it authenticates against.
    pub provider: ProviderSlug,
    /// Position among the provider's credentials, tried in ascending order.
    pub sort_order: i64,
    /// Workspace it is scoped to; `None` (`null`) means global (every
    /// workspace), not the default workspace.
    #[serde(default)]
    pub workspace_id: Option<String>,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

/// `GET /byok` answer: one page of credentials and how many there are in all.
///
/// ```
/// use openrouter_types::byok::ByokKeyList;
/// let page: ByokKeyList = serde_json::from_str(r#"{"data":[],"total_count":0}"#)?;
/// assert_eq!(page.next_offset(0), None);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ByokKeyList {
    /// This page.
    pub data: Vec<ByokKey>,
    /// Credentials matching the filters, over all pages.
    pub total_count: u64,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

impl ByokKeyList {
    /// The `offset` of the next page, given the `offset` this page was
    /// requested with; `None` after the last page (offset paging: the next
    /// offset is this one plus the items received, until `total_count`).
    pub fn next_offset(&self, current_offset: u64) -> Option<u64> {
        paging::next_offset_with_total(current_offset, self.data.len(), self.total_count)
    }
}

/// `GET /byok` query: paging and filters.
///
/// ```
/// use openrouter_types::byok::{ListByokKeysQuery, ProviderSlug};
/// let q = ListByokKeysQuery::new().limit(100).provider(ProviderSlug::Anthropic);
/// assert_eq!(
///     q.to_query_pairs(),
///     vec![("limit", "100".to_owned()), ("provider", "anthropic".to_owned())]
/// );
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct ListByokKeysQuery {
    /// Skip this many credentials (default 0).
    pub offset: Option<u64>,
    /// Page size, 1 to 100 (default 50).
    pub limit: Option<u64>,
    /// Workspace to list (default: the account's default workspace).
    pub workspace_id: Option<String>,
    /// Only credentials for this provider.
    pub provider: Option<ProviderSlug>,
}

impl ListByokKeysQuery {
    /// The server's defaults.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets `offset`.
    #[must_use]
    pub fn offset(mut self, offset: u64) -> Self {
        self.offset = Some(offset);
        self
    }

    /// Sets `limit` (1 to 100).
    #[must_use]
    pub fn limit(mut self, limit: u64) -> Self {
        self.limit = Some(limit);
        self
    }

    /// Sets `workspace_id`.
    #[must_use]
    pub fn workspace_id(mut self, workspace_id: impl Into<String>) -> Self {
        self.workspace_id = Some(workspace_id.into());
        self
    }

    /// Sets `provider`.
    #[must_use]
    pub fn provider(mut self, provider: impl Into<ProviderSlug>) -> Self {
        self.provider = Some(provider.into());
        self
    }

    /// The query as `(name, value)` pairs, unset parameters left out.
    pub fn to_query_pairs(&self) -> Vec<(&'static str, String)> {
        let mut out = Vec::new();
        if let Some(offset) = self.offset {
            out.push(("offset", offset.to_string()));
        }
        if let Some(limit) = self.limit {
            out.push(("limit", limit.to_string()));
        }
        if let Some(workspace) = &self.workspace_id {
            out.push(("workspace_id", workspace.clone()));
        }
        if let Some(provider) = &self.provider {
            out.push(("provider", provider.as_str().to_owned()));
        }
        out
    }
}

/// `POST /byok` body (answer: HTTP 201, [`Data`](crate::Data)`<`[`ByokKey`]`>`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CreateByokKeyRequest {
    /// Only these OpenRouter API key hashes may use it (1 to 100).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allowed_api_key_hashes: Option<Vec<String>>,
    /// Only these model slugs (up to 100).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allowed_models: Option<Vec<String>>,
    /// Only these user ids (up to 100).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allowed_user_ids: Option<Vec<String>>,
    /// Create it disabled.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disabled: Option<bool>,
    /// Use it only after the provider's non-fallback credentials.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_fallback: Option<bool>,
    /// The raw provider key; encrypted at rest and never returned.
    pub key: KeySecret,
    /// Human-readable name (up to 255 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Provider the key belongs to.
    pub provider: ProviderSlug,
    /// Workspace to create it in (default: the account's default workspace).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub workspace_id: Option<String>,
    /// Fields this version does not model, sent as is.
    #[serde(flatten)]
    pub extra: Extra,
}

impl CreateByokKeyRequest {
    /// A request to register `key` for `provider`.
    pub fn new(provider: impl Into<ProviderSlug>, key: impl Into<String>) -> Self {
        Self {
            allowed_api_key_hashes: None,
            allowed_models: None,
            allowed_user_ids: None,
            disabled: None,
            is_fallback: None,
            key: KeySecret::new(key),
            name: None,
            provider: provider.into(),
            workspace_id: None,
            extra: Extra::new(),
        }
    }

    /// Restricts it to these OpenRouter API key hashes.
    #[must_use]
    pub fn allowed_api_key_hashes<S: Into<String>>(
        mut self,
        hashes: impl IntoIterator<Item = S>,
    ) -> Self {
        self.allowed_api_key_hashes = Some(hashes.into_iter().map(Into::into).collect());
        self
    }

    /// Restricts it to these model slugs.
    #[must_use]
    pub fn allowed_models<S: Into<String>>(mut self, models: impl IntoIterator<Item = S>) -> Self {
        self.allowed_models = Some(models.into_iter().map(Into::into).collect());
        self
    }

    /// Restricts it to these user ids.
    #[must_use]
    pub fn allowed_user_ids<S: Into<String>>(mut self, users: impl IntoIterator<Item = S>) -> Self {
        self.allowed_user_ids = Some(users.into_iter().map(Into::into).collect());
        self
    }

    /// Creates it disabled (`true`) or enabled.
    #[must_use]
    pub fn disabled(mut self, disabled: bool) -> Self {
        self.disabled = Some(disabled);
        self
    }

    /// Makes it a fallback credential.
    #[must_use]
    pub fn is_fallback(mut self, is_fallback: bool) -> Self {
        self.is_fallback = Some(is_fallback);
        self
    }

    /// Sets the name.
    #[must_use]
    pub fn name(mut self, name: impl Into<String>) -> Self {
        self.name = Some(name.into());
        self
    }

    /// Sets the workspace.
    #[must_use]
    pub fn workspace_id(mut self, workspace_id: impl Into<String>) -> Self {
        self.workspace_id = Some(workspace_id.into());
        self
    }

    /// Adds a field this version does not model.
    #[must_use]
    pub fn extra_field(mut self, name: impl Into<String>, value: serde_json::Value) -> Self {
        self.extra.insert(name.into(), value);
        self
    }
}

/// `PATCH /byok/{id}` body: only the fields you set are sent (answer:
/// [`Data`](crate::Data)`<`[`ByokKey`]`>`).
///
/// The allowlists and the name are nullable: `Some(None)` sends `null`,
/// which lifts the restriction (or clears the name); `None` leaves them alone.
///
/// ```
/// use openrouter_types::byok::UpdateByokKeyRequest;
/// let patch = UpdateByokKeyRequest::new().clear_allowed_api_key_hashes().key("sk-proj-NEW");
/// assert_eq!(
///     serde_json::to_value(&patch)?,
///     serde_json::json!({"allowed_api_key_hashes": null, "key": "sk-proj-NEW"})
/// );
/// assert!(!format!("{patch:?}").contains("sk-proj-NEW"));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct UpdateByokKeyRequest {
    /// New key-hash allowlist; `Some(None)` sends `null` (no restriction).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "present"
    )]
    pub allowed_api_key_hashes: Option<Option<Vec<String>>>,
    /// New model allowlist; `Some(None)` sends `null` (no restriction).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "present"
    )]
    pub allowed_models: Option<Option<Vec<String>>>,
    /// New user allowlist; `Some(None)` sends `null` (no restriction).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "present"
    )]
    pub allowed_user_ids: Option<Option<Vec<String>>>,
    /// Disable or re-enable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disabled: Option<bool>,
    /// Make it a fallback credential or not.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_fallback: Option<bool>,
    /// A new raw provider key, rotated in place (the old one is overwritten).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<KeySecret>,
    /// New name; `Some(None)` sends `null`.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "present"
    )]
    pub name: Option<Option<String>>,
    /// Fields this version does not model, sent as is.
    #[serde(flatten)]
    pub extra: Extra,
}

impl UpdateByokKeyRequest {
    /// An empty patch.
    pub fn new() -> Self {
        Self::default()
    }

    /// Restricts it to these OpenRouter API key hashes.
    #[must_use]
    pub fn allowed_api_key_hashes<S: Into<String>>(
        mut self,
        hashes: impl IntoIterator<Item = S>,
    ) -> Self {
        self.allowed_api_key_hashes = Some(Some(hashes.into_iter().map(Into::into).collect()));
        self
    }

    /// Lifts the key-hash restriction (sends `null`).
    #[must_use]
    pub fn clear_allowed_api_key_hashes(mut self) -> Self {
        self.allowed_api_key_hashes = Some(None);
        self
    }

    /// Restricts it to these model slugs.
    #[must_use]
    pub fn allowed_models<S: Into<String>>(mut self, models: impl IntoIterator<Item = S>) -> Self {
        self.allowed_models = Some(Some(models.into_iter().map(Into::into).collect()));
        self
    }

    /// Lifts the model restriction (sends `null`).
    #[must_use]
    pub fn clear_allowed_models(mut self) -> Self {
        self.allowed_models = Some(None);
        self
    }

    /// Restricts it to these user ids.
    #[must_use]
    pub fn allowed_user_ids<S: Into<String>>(mut self, users: impl IntoIterator<Item = S>) -> Self {
        self.allowed_user_ids = Some(Some(users.into_iter().map(Into::into).collect()));
        self
    }

    /// Lifts the user restriction (sends `null`).
    #[must_use]
    pub fn clear_allowed_user_ids(mut self) -> Self {
        self.allowed_user_ids = Some(None);
        self
    }

    /// Disables (`true`) or re-enables it.
    #[must_use]
    pub fn disabled(mut self, disabled: bool) -> Self {
        self.disabled = Some(disabled);
        self
    }

    /// Makes it a fallback credential or not.
    #[must_use]
    pub fn is_fallback(mut self, is_fallback: bool) -> Self {
        self.is_fallback = Some(is_fallback);
        self
    }

    /// Rotates the raw provider key.
    #[must_use]
    pub fn key(mut self, key: impl Into<String>) -> Self {
        self.key = Some(KeySecret::new(key));
        self
    }

    /// Renames it.
    #[must_use]
    pub fn name(mut self, name: impl Into<String>) -> Self {
        self.name = Some(Some(name.into()));
        self
    }

    /// Clears the name (sends `null`).
    #[must_use]
    pub fn clear_name(mut self) -> Self {
        self.name = Some(None);
        self
    }

    /// Adds a field this version does not model.
    #[must_use]
    pub fn extra_field(mut self, name: impl Into<String>, value: serde_json::Value) -> Self {
        self.extra.insert(name.into(), value);
        self
    }
}

/// `DELETE /byok/{id}` answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct DeleteByokKeyResponse {
    /// Always `true` on success.
    pub deleted: bool,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}
