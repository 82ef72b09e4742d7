//! Guardrails with a management key (`/guardrails`: list, create, get,
//! update, delete, and their assignments to API keys and organization members).
//!
//! `GET /guardrails` answers a [`ListPage<Guardrail>`](crate::management::ListPage)
//! (query: [`WorkspacePageQuery`](crate::management::WorkspacePageQuery)); get,
//! create and update answer a [`Data<Guardrail>`](crate::Data); delete answers
//! [`Deleted`](crate::management::Deleted). The assignment lists answer
//! `ListPage<KeyAssignment>` / `ListPage<MemberAssignment>` (query:
//! [`PageQuery`](crate::models::PageQuery)).
//!
//! A field the spec marks nullable is always written back, `null` included, as
//! OpenRouter sends it; a guardrail decoded without it re-encodes it as `null`.
//!
//! ```
//! use openrouter_types::guardrails::{CreateGuardrailRequest, Guardrail, GuardrailSettings};
//! use openrouter_types::key::LimitReset;
//! let request = CreateGuardrailRequest::new(
//!     "Production",
//!     GuardrailSettings::new()
//!         .allowed_providers(["openai", "anthropic"])
//!         .limit_usd(100.0)
//!         .reset_interval(LimitReset::Monthly),
//! );
//! assert_eq!(
//!     serde_json::to_value(&request)?,
//!     serde_json::json!({"allowed_providers": ["openai", "anthropic"], "limit_usd": 100.0,
//!                        "name": "Production", "reset_interval": "monthly"})
//! );
//! let guardrail: Guardrail = serde_json::from_value(serde_json::json!({
//!     "id": "3f6c1b2a-9d4e-4c7b-8a1f-2e5d7c9b0a14", "name": "Production",
//!     "include_byok_in_budgets": false, "created_at": "2025-11-26T01:00:00Z",
//!     "workspace_id": null, "limit_usd": 100, "reset_interval": "monthly"}))?;
//! assert_eq!(guardrail.limit_usd, Some(100.0));
//! # Ok::<(), serde_json::Error>(())
//! ```

mod settings;

use serde::{Deserialize, Serialize};

use crate::key::LimitReset;
use crate::open_enum::open_enum;
use crate::{Extra, KeyHash};

pub use settings::{CreateGuardrailRequest, GuardrailSettings, UpdateGuardrailRequest};

/// A guardrail: spending limit, model and provider allow/deny lists, data
/// policies and content filters, enforced on the keys and members it is
/// assigned to. Amounts are USD.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Guardrail {
    /// Allowed model canonical slugs; `None` allows every model.
    #[serde(default)]
    pub allowed_models: Option<Vec<String>>,
    /// Allowed provider ids; `None` allows every provider.
    #[serde(default)]
    pub allowed_providers: Option<Vec<String>>,
    /// Builtin content filters (PII detectors, prompt-injection detector).
    #[serde(default)]
    pub content_filter_builtins: Option<Vec<BuiltinFilter>>,
    /// Custom regex content filters.
    #[serde(default)]
    pub content_filters: Option<Vec<ContentFilter>>,
    /// Creation time (ISO 8601).
    pub created_at: String,
    /// Description.
    #[serde(default)]
    pub description: Option<String>,
    /// Whether free endpoints that publish prompts are allowed.
    #[serde(default)]
    pub enable_free_model_publication: Option<bool>,
    /// Whether free endpoints that train on request data are allowed.
    #[serde(default)]
    pub enable_free_model_training: Option<bool>,
    /// Whether paid endpoints that train on request data are allowed.
    #[serde(default)]
    pub enable_paid_model_training: Option<bool>,
    /// Deprecated: superseded by the per-provider `enforce_zdr_*` fields.
    #[serde(default)]
    pub enforce_zdr: Option<bool>,
    /// Whether zero data retention is enforced for Anthropic models.
    #[serde(default)]
    pub enforce_zdr_anthropic: Option<bool>,
    /// Whether zero data retention is enforced for Google models.
    #[serde(default)]
    pub enforce_zdr_google: Option<bool>,
    /// Whether zero data retention is enforced for OpenAI models.
    #[serde(default)]
    pub enforce_zdr_openai: Option<bool>,
    /// Whether zero data retention is enforced for other models.
    #[serde(default)]
    pub enforce_zdr_other: Option<bool>,
    /// Whether zero data retention is enforced for xAI models.
    #[serde(default)]
    pub enforce_zdr_xai: Option<bool>,
    /// Identifier (UUID) to use in `/guardrails/{id}`.
    pub id: String,
    /// Model canonical slugs excluded from routing.
    #[serde(default)]
    pub ignored_models: Option<Vec<String>>,
    /// Provider ids excluded from routing.
    #[serde(default)]
    pub ignored_providers: Option<Vec<String>>,
    /// Whether BYOK spend counts toward `limit_usd`.
    pub include_byok_in_budgets: bool,
    /// Spending limit; `None` means unlimited.
    #[serde(default)]
    pub limit_usd: Option<f64>,
    /// Name.
    pub name: String,
    /// When the limit resets; `None` means never.
    #[serde(default)]
    pub reset_interval: Option<LimitReset>,
    /// Last update time (ISO 8601).
    #[serde(default)]
    pub updated_at: Option<String>,
    /// Workspace the guardrail belongs to; `None` for a legacy unscoped one
    /// (not the default workspace, and not every workspace).
    pub workspace_id: Option<String>,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

/// A builtin content filter: a PII detector or the prompt-injection detector.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct BuiltinFilter {
    /// What happens when it triggers.
    pub action: FilterAction,
    /// Redaction placeholder (`[EMAIL]`), assigned by OpenRouter; ignored in
    /// requests.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// Which messages the prompt-injection detector scans.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scan_scope: Option<ScanScope>,
    /// Which filter.
    pub slug: BuiltinFilterSlug,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

impl BuiltinFilter {
    /// The builtin filter `slug`, taking `action` when it triggers.
    pub fn new(slug: impl Into<BuiltinFilterSlug>, action: impl Into<FilterAction>) -> Self {
        Self {
            action: action.into(),
            label: None,
            scan_scope: None,
            slug: slug.into(),
            extra: Extra::new(),
        }
    }

    /// Sets which messages the prompt-injection detector scans.
    #[must_use]
    pub fn scan_scope(mut self, scope: impl Into<ScanScope>) -> Self {
        self.scan_scope = Some(scope.into());
        self
    }
}

/// A custom regex filter over request messages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ContentFilter {
    /// What happens when the pattern matches.
    pub action: FilterAction,
    /// Label used in redaction placeholders and error messages.
    #[serde(default)]
    pub label: Option<String>,
    /// The regex.
    pub pattern: String,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

impl ContentFilter {
    /// A filter taking `action` on text matching `pattern`.
    pub fn new(pattern: impl Into<String>, action: impl Into<FilterAction>) -> Self {
        Self {
            action: action.into(),
            label: None,
            pattern: pattern.into(),
            extra: Extra::new(),
        }
    }

    /// Sets the label.
    #[must_use]
    pub fn label(mut self, label: impl Into<String>) -> Self {
        self.label = Some(label.into());
        self
    }
}

open_enum! {
    /// What a content filter does when it triggers.
    pub enum FilterAction {
        /// Replace the match with a placeholder.
        Redact = "redact",
        /// Reject the request (HTTP 403).
        Block = "block",
        /// Only record that it matched.
        Flag = "flag",
    }
}

open_enum! {
    /// A builtin content filter.
    pub enum BuiltinFilterSlug {
        /// Email addresses.
        Email = "email",
        /// Phone numbers.
        Phone = "phone",
        /// US social security numbers.
        Ssn = "ssn",
        /// Credit card numbers.
        CreditCard = "credit-card",
        /// IP addresses.
        IpAddress = "ip-address",
        /// Person names.
        PersonName = "person-name",
        /// Postal addresses.
        Address = "address",
        /// The regex-based prompt-injection detector.
        RegexPromptInjection = "regex-prompt-injection",
    }
}

open_enum! {
    /// Which messages the prompt-injection detector scans (default: all).
    pub enum ScanScope {
        /// Only user messages.
        UserOnly = "user_only",
        /// Every message.
        AllMessages = "all_messages",
    }
}

/// An API key's guardrail assignment (`GET /guardrails/assignments/keys`,
/// `GET /guardrails/{id}/assignments/keys`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct KeyAssignment {
    /// User who made the assignment.
    pub assigned_by: Option<String>,
    /// Creation time (ISO 8601).
    pub created_at: String,
    /// The guardrail.
    pub guardrail_id: String,
    /// Identifier (UUID) of the assignment.
    pub id: String,
    /// The key's hash.
    pub key_hash: KeyHash,
    /// The key's masked label.
    pub key_label: String,
    /// The key's name.
    pub key_name: String,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

/// An organization member's guardrail assignment
/// (`GET /guardrails/assignments/members`, `GET /guardrails/{id}/assignments/members`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct MemberAssignment {
    /// User who made the assignment.
    pub assigned_by: Option<String>,
    /// Creation time (ISO 8601).
    pub created_at: String,
    /// The guardrail.
    pub guardrail_id: String,
    /// Identifier (UUID) of the assignment.
    pub id: String,
    /// The organization.
    pub organization_id: String,
    /// The member's user id.
    pub user_id: String,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

/// `POST /guardrails/{id}/assignments/keys` and `…/keys/remove` body: the keys
/// to assign or unassign. A key holds at most one guardrail; assigning
/// replaces its previous one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct KeyHashesRequest {
    /// Hashes of the keys (at least one).
    pub key_hashes: Vec<KeyHash>,
    /// Fields this version does not model, sent as is.
    #[serde(flatten)]
    pub extra: Extra,
}

impl KeyHashesRequest {
    /// A request naming these keys.
    pub fn new(key_hashes: impl IntoIterator<Item = impl Into<KeyHash>>) -> Self {
        Self {
            key_hashes: key_hashes.into_iter().map(Into::into).collect(),
            extra: Extra::new(),
        }
    }
}

/// `POST /guardrails/{id}/assignments/members` and `…/members/remove` body:
/// the organization members to assign or unassign.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct MemberIdsRequest {
    /// User ids of the members (at least one).
    pub member_user_ids: Vec<String>,
    /// Fields this version does not model, sent as is.
    #[serde(flatten)]
    pub extra: Extra,
}

impl MemberIdsRequest {
    /// A request naming these members.
    pub fn new(member_user_ids: impl IntoIterator<Item = impl Into<String>>) -> Self {
        Self {
            member_user_ids: member_user_ids.into_iter().map(Into::into).collect(),
            extra: Extra::new(),
        }
    }
}

/// Answer of the bulk assign operations: `{"assigned_count": N}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AssignedCount {
    /// How many keys or members were assigned.
    pub assigned_count: u64,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

/// Answer of the bulk unassign operations: `{"unassigned_count": N}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct UnassignedCount {
    /// How many keys or members were unassigned.
    pub unassigned_count: u64,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}
