//! Guardrail request bodies: the settings a `PATCH` changes, and the `POST`
//! that creates a guardrail from the same settings plus a name and workspace.

use serde::{Deserialize, Serialize};

use super::{BuiltinFilter, ContentFilter};
use crate::Extra;
use crate::key::LimitReset;
use crate::management::{present, setters};

/// A guardrail's settings: the body of `PATCH /guardrails/{id}`
/// ([`UpdateGuardrailRequest`]), and the part of `POST /guardrails` after the
/// name. Only the fields you set are sent; a field set to `null` is cleared.
///
/// List fields replace the whole list. An empty list is sent as `null` (no
/// restriction, or no filters), because the API rejects `[]`.
///
/// ```
/// use openrouter_types::guardrails::UpdateGuardrailRequest;
/// let patch = UpdateGuardrailRequest::new().remove_limit_usd().allowed_models(Vec::<String>::new());
/// assert_eq!(
///     serde_json::to_value(&patch)?,
///     serde_json::json!({"allowed_models": null, "limit_usd": null})
/// );
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct GuardrailSettings {
    /// Allowed models (slug or canonical slug); `Some(None)` allows all.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "present"
    )]
    pub allowed_models: Option<Option<Vec<String>>>,
    /// Allowed provider ids; `Some(None)` allows all.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "present"
    )]
    pub allowed_providers: Option<Option<Vec<String>>>,
    /// Builtin content filters; `Some(None)` removes them.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "present"
    )]
    pub content_filter_builtins: Option<Option<Vec<BuiltinFilter>>>,
    /// Custom regex filters; `Some(None)` removes them.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "present"
    )]
    pub content_filters: Option<Option<Vec<ContentFilter>>>,
    /// Description (at most 1000 characters); `Some(None)` clears it.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "present"
    )]
    pub description: Option<Option<String>>,
    /// Whether free endpoints that publish prompts are allowed.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "present"
    )]
    pub enable_free_model_publication: Option<Option<bool>>,
    /// Whether free endpoints that train on request data are allowed.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "present"
    )]
    pub enable_free_model_training: Option<Option<bool>>,
    /// Whether paid endpoints that train on request data are allowed.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "present"
    )]
    pub enable_paid_model_training: Option<Option<bool>>,
    /// Deprecated: copied into every `enforce_zdr_*` field not set.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "present"
    )]
    pub enforce_zdr: Option<Option<bool>>,
    /// Zero data retention for Anthropic models.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "present"
    )]
    pub enforce_zdr_anthropic: Option<Option<bool>>,
    /// Zero data retention for Google models.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "present"
    )]
    pub enforce_zdr_google: Option<Option<bool>>,
    /// Zero data retention for OpenAI models.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "present"
    )]
    pub enforce_zdr_openai: Option<Option<bool>>,
    /// Zero data retention for models of other providers.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "present"
    )]
    pub enforce_zdr_other: Option<Option<bool>>,
    /// Zero data retention for xAI models.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "present"
    )]
    pub enforce_zdr_xai: Option<Option<bool>>,
    /// Models excluded from routing; `Some(None)` excludes none.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "present"
    )]
    pub ignored_models: Option<Option<Vec<String>>>,
    /// Providers excluded from routing; `Some(None)` excludes none.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "present"
    )]
    pub ignored_providers: Option<Option<Vec<String>>>,
    /// Whether BYOK spend counts toward `limit_usd` (default `false`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub include_byok_in_budgets: Option<bool>,
    /// Spending limit in USD; `Some(None)` removes it.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "present"
    )]
    pub limit_usd: Option<Option<f64>>,
    /// Name (1 to 200 characters); required by `POST`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// When the limit resets; `Some(None)` makes it never reset.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "present"
    )]
    pub reset_interval: Option<Option<LimitReset>>,
    /// Fields this version does not model, sent as is.
    #[serde(flatten)]
    pub extra: Extra,
}

/// `PATCH /guardrails/{id}` body. Collections are replaced, not merged: send
/// the full desired list.
pub type UpdateGuardrailRequest = GuardrailSettings;

impl GuardrailSettings {
    /// Settings that change nothing.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets zero data retention for every provider at once (each
    /// `enforce_zdr_*` field, so the deprecated `enforce_zdr` is not needed).
    #[must_use]
    pub fn enforce_zdr_everywhere(self, enforce: bool) -> Self {
        self.enforce_zdr_anthropic(enforce)
            .enforce_zdr_google(enforce)
            .enforce_zdr_openai(enforce)
            .enforce_zdr_other(enforce)
            .enforce_zdr_xai(enforce)
    }

    setters! {
        /// Sets the allowed models (an empty list sends `null`: every model).
        list allowed_models(models: String) => allowed_models;
        /// Sets the allowed providers (an empty list sends `null`: every provider).
        list allowed_providers(providers: String) => allowed_providers;
        /// Sets the builtin filters (an empty list sends `null`: none).
        list content_filter_builtins(filters: BuiltinFilter) => content_filter_builtins;
        /// Sets the regex filters (an empty list sends `null`: none).
        list content_filters(filters: ContentFilter) => content_filters;
        /// Sets the description.
        patch description(description: impl Into<String>) => description;
        /// Allows free endpoints that publish prompts or not.
        patch enable_free_model_publication(allow: bool) => enable_free_model_publication;
        /// Allows free endpoints that train on request data or not.
        patch enable_free_model_training(allow: bool) => enable_free_model_training;
        /// Allows paid endpoints that train on request data or not.
        patch enable_paid_model_training(allow: bool) => enable_paid_model_training;
        /// Enforces zero data retention for Anthropic models or not.
        patch enforce_zdr_anthropic(enforce: bool) => enforce_zdr_anthropic;
        /// Enforces zero data retention for Google models or not.
        patch enforce_zdr_google(enforce: bool) => enforce_zdr_google;
        /// Enforces zero data retention for OpenAI models or not.
        patch enforce_zdr_openai(enforce: bool) => enforce_zdr_openai;
        /// Enforces zero data retention for other providers' models or not.
        patch enforce_zdr_other(enforce: bool) => enforce_zdr_other;
        /// Enforces zero data retention for xAI models or not.
        patch enforce_zdr_xai(enforce: bool) => enforce_zdr_xai;
        /// Excludes these models from routing (an empty list sends `null`: none).
        list ignored_models(models: String) => ignored_models;
        /// Excludes these providers from routing (an empty list sends `null`: none).
        list ignored_providers(providers: String) => ignored_providers;
        /// Sets whether BYOK spend counts toward the limit.
        set include_byok_in_budgets(include: bool) => include_byok_in_budgets;
        /// Sets the spending limit in USD.
        patch limit_usd(usd: f64) => limit_usd;
        /// Removes the spending limit (sends `"limit_usd": null`).
        clear remove_limit_usd => limit_usd;
        /// Renames the guardrail.
        set name(name: impl Into<String>) => name;
        /// Sets how often the limit resets.
        patch reset_interval(interval: impl Into<LimitReset>) => reset_interval;
        /// Makes the limit never reset (sends `"reset_interval": null`).
        clear remove_reset_interval => reset_interval;
        extra_field;
    }
}

/// `POST /guardrails` body (answered with HTTP 201 and a
/// [`Data<Guardrail>`](crate::Data)). A new guardrail enforces nothing until
/// it is assigned to keys or members; `workspace_id` only files it there.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CreateGuardrailRequest {
    /// Everything but the workspace; `settings.name` is required.
    #[serde(flatten)]
    pub settings: GuardrailSettings,
    /// Workspace to create it in (default: the default workspace).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub workspace_id: Option<String>,
}

impl CreateGuardrailRequest {
    /// A guardrail named `name` with these settings (their name is replaced).
    pub fn new(name: impl Into<String>, settings: GuardrailSettings) -> Self {
        Self {
            settings: settings.name(name),
            workspace_id: None,
        }
    }

    /// Sets the workspace.
    #[must_use]
    pub fn workspace_id(mut self, workspace_id: impl Into<String>) -> Self {
        self.workspace_id = Some(workspace_id.into());
        self
    }
}
