//! Observability destinations ("Broadcast") with a management key
//! (`/observability/destinations`: list, create, get, update, delete): where
//! OpenRouter forwards traces of your requests (Langfuse, Datadog, S3…).
//!
//! `GET /observability/destinations` answers a
//! [`ListPage<Destination>`](crate::management::ListPage) (query:
//! [`WorkspacePageQuery`](crate::management::WorkspacePageQuery)); get, create
//! (HTTP 201) and update answer a [`Data<Destination>`](crate::Data); delete
//! (a soft delete) answers [`Deleted`](crate::management::Deleted).
//!
//! A destination's `config` holds credentials: it is typed by the
//! destination's `type` ([`DestinationConfig`]), every credential is a
//! [`KeySecret`](crate::keys::KeySecret) and every other map a [`SecretMap`],
//! so `Debug` never shows one. OpenRouter masks them in its answers
//! (`sk-l...AbCd`); a `PATCH` ignores masked values. The config of a type
//! this version does not know is kept whole and round-trips unchanged.
//!
//! ```
//! use openrouter_types::keys::KeySecret;
//! use openrouter_types::observability::{
//!     CreateDestinationRequest, DestinationConfig, DestinationSettings, DestinationType, LangfuseConfig,
//! };
//! let config = LangfuseConfig::new(KeySecret::new("pk-lf-REDACTED"), KeySecret::new("sk-lf-REDACTED"));
//! let request = CreateDestinationRequest::new(DestinationType::Langfuse, "Production Langfuse", config)
//!     .settings(DestinationSettings::new().sampling_rate(0.5));
//! assert_eq!(
//!     serde_json::to_value(&request)?,
//!     serde_json::json!({"config": {"publicKey": "pk-lf-REDACTED", "secretKey": "sk-lf-REDACTED"},
//!                        "name": "Production Langfuse", "sampling_rate": 0.5, "type": "langfuse"})
//! );
//! assert!(!format!("{request:?}").contains("sk-lf-REDACTED"));
//! let decoded: CreateDestinationRequest = serde_json::from_value(serde_json::to_value(&request)?)?;
//! assert!(matches!(decoded.settings.config, Some(DestinationConfig::Langfuse(_))));
//! # Ok::<(), serde_json::Error>(())
//! ```

mod config;

use serde::{Deserialize, Deserializer, Serialize};

use crate::management::{present, setters};
use crate::open_enum::open_enum;
use crate::{Extra, KeyHash};

pub use config::{
    ArizeConfig, BraintrustConfig, ClickhouseConfig, DatadogConfig, DestinationConfig,
    DestinationType, GrafanaConfig, LangfuseConfig, LangsmithConfig, NewrelicConfig,
    NewrelicRegion, OpikConfig, OtelCollectorConfig, PosthogConfig, RampConfig, S3Config,
    SecretMap, SentryConfig, SnowflakeConfig, WeaveConfig, WebhookConfig, WebhookMethod,
};

/// Declares a struct that holds a `config` beside its `type`: `Serialize` as
/// written, `Deserialize` through a private `#[serde(remote)]` copy of the
/// same body, then `$resolve` types the config by the decoded `type` (the
/// wire puts `config` first, so no field-level decoder could see the type).
macro_rules! typed_by_kind {
    (
        #[remote = $remote:literal, resolve = $resolve:path]
        $(#[$attr:meta])*
        pub struct $name:ident { $($body:tt)* }
    ) => {
        $(#[$attr])*
        #[derive(Serialize)]
        pub struct $name { $($body)* }

        const _: () = {
            #[derive(Deserialize)]
            #[serde(remote = $remote)]
            #[allow(dead_code, reason = "a serde(remote) mirror: only its derived deserializer is used")]
            struct Mirror { $($body)* }

            impl<'de> Deserialize<'de> for $name {
                fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                    let mut this = Mirror::deserialize(deserializer)?;
                    $resolve(&mut this);
                    Ok(this)
                }
            }
        };
    };
}

typed_by_kind! {
    #[remote = "Destination", resolve = Destination::resolve_config]
    /// An observability destination.
    #[derive(Debug, Clone, PartialEq)]
    #[non_exhaustive]
    pub struct Destination {
        /// Only traffic of these keys is forwarded; `None` forwards every key.
        pub api_key_hashes: Option<Vec<KeyHash>>,
        /// Whether cost and billing metadata is included.
        pub broadcast_generation_cost: bool,
        /// Whether identity metadata is included.
        pub broadcast_generation_identity: bool,
        /// Whether request-context metadata is included.
        pub broadcast_generation_request_context: bool,
        /// Where and how to send (credentials masked by OpenRouter).
        pub config: DestinationConfig,
        /// Creation time (ISO 8601).
        pub created_at: String,
        /// Whether it is enabled.
        pub enabled: bool,
        /// Which events are forwarded; `None` forwards all.
        pub filter_rules: Option<FilterRules>,
        /// Identifier (UUID) to use in `/observability/destinations/{id}`.
        pub id: String,
        /// Name.
        pub name: Option<String>,
        /// Whether only metadata is sent, no request or response bodies.
        pub privacy_mode: bool,
        /// Share of events sent, 0.0001 to 1.
        pub sampling_rate: f64,
        /// The kind of destination.
        #[serde(rename = "type")]
        pub kind: DestinationType,
        /// Last update time (ISO 8601).
        pub updated_at: String,
        /// The workspace.
        pub workspace_id: String,
        /// Fields this version does not model.
        #[serde(flatten)]
        pub extra: Extra,
    }
}

impl Destination {
    fn resolve_config(&mut self) {
        let config =
            std::mem::replace(&mut self.config, DestinationConfig::Other(SecretMap::new()));
        self.config = config.resolve(&self.kind);
    }
}

/// A destination's settings: the body of `PATCH /observability/destinations/{id}`
/// ([`UpdateDestinationRequest`]) and the shared part of `POST`. Only the
/// fields you set are sent; `null` clears a nullable one.
///
/// In a `PATCH`, `config` holds only the fields to change; unset and masked
/// values keep their current value. A `PATCH` body decoded from JSON keeps
/// its config as [`DestinationConfig::Other`] (it carries no `type`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct DestinationSettings {
    /// Only forward these keys' traffic; `Some(None)` forwards every key.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "present"
    )]
    pub api_key_hashes: Option<Option<Vec<KeyHash>>>,
    /// Include cost and billing metadata (default `false`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub broadcast_generation_cost: Option<bool>,
    /// Include identity metadata (default `false`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub broadcast_generation_identity: Option<bool>,
    /// Include request-context metadata (default `false`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub broadcast_generation_request_context: Option<bool>,
    /// The type's configuration; required by `POST`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub config: Option<DestinationConfig>,
    /// Enabled (default `true`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
    /// Which events are forwarded; `Some(None)` removes the rules.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "present"
    )]
    pub filter_rules: Option<Option<FilterRules>>,
    /// Name; required by `POST`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Send only metadata, no bodies (default `false`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub privacy_mode: Option<bool>,
    /// Share of events sent, 0.0001 to 1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sampling_rate: Option<f64>,
    /// Fields this version does not model, sent as is.
    #[serde(flatten)]
    pub extra: Extra,
}

/// `PATCH /observability/destinations/{id}` body.
pub type UpdateDestinationRequest = DestinationSettings;

impl DestinationSettings {
    /// Settings that change nothing.
    pub fn new() -> Self {
        Self::default()
    }

    setters! {
        /// Forwards only these keys' traffic (an empty list sends `null`: every key).
        list api_key_hashes(hashes: KeyHash) => api_key_hashes;
        /// Includes cost and billing metadata or not.
        set broadcast_generation_cost(include: bool) => broadcast_generation_cost;
        /// Includes identity metadata or not.
        set broadcast_generation_identity(include: bool) => broadcast_generation_identity;
        /// Includes request-context metadata or not.
        set broadcast_generation_request_context(include: bool) => broadcast_generation_request_context;
        /// Sets the configuration (in a `PATCH`, only the fields to change:
        /// start from the type's `Default`, e.g. `DatadogConfig::default().api_key(…)`).
        set config(config: impl Into<DestinationConfig>) => config;
        /// Enables or disables the destination.
        set enabled(enabled: bool) => enabled;
        /// Sets which events are forwarded.
        patch filter_rules(rules: FilterRules) => filter_rules;
        /// Removes the filter rules (sends `"filter_rules": null`).
        clear remove_filter_rules => filter_rules;
        /// Sets the name.
        set name(name: impl Into<String>) => name;
        /// Sends only metadata, or bodies too.
        set privacy_mode(privacy: bool) => privacy_mode;
        /// Sets the sampling rate (0.0001 to 1).
        set sampling_rate(rate: f64) => sampling_rate;
        extra_field;
    }
}

typed_by_kind! {
    #[remote = "CreateDestinationRequest", resolve = CreateDestinationRequest::resolve_config]
    /// `POST /observability/destinations` body (at most 5 destinations per type).
    #[derive(Debug, Clone, PartialEq)]
    #[non_exhaustive]
    pub struct CreateDestinationRequest {
        /// Everything but the type and workspace; `config` and `name` are required.
        #[serde(flatten)]
        pub settings: DestinationSettings,
        /// The kind of destination (only stable types are accepted).
        #[serde(rename = "type")]
        pub kind: DestinationType,
        /// Workspace (default: the default workspace).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub workspace_id: Option<String>,
    }
}

impl CreateDestinationRequest {
    /// A destination of `kind` named `name` with `config`.
    pub fn new(
        kind: impl Into<DestinationType>,
        name: impl Into<String>,
        config: impl Into<DestinationConfig>,
    ) -> Self {
        Self {
            settings: DestinationSettings::new().name(name).config(config),
            kind: kind.into(),
            workspace_id: None,
        }
    }

    /// Sets the other settings (their name and config, when set, win).
    #[must_use]
    pub fn settings(mut self, settings: DestinationSettings) -> Self {
        let name = settings.name.or(self.settings.name.take());
        let config = settings.config.or(self.settings.config.take());
        self.settings = DestinationSettings {
            name,
            config,
            ..settings
        };
        self
    }

    /// Sets the workspace.
    #[must_use]
    pub fn workspace_id(mut self, workspace_id: impl Into<String>) -> Self {
        self.workspace_id = Some(workspace_id.into());
        self
    }

    fn resolve_config(&mut self) {
        self.settings.config = self
            .settings
            .config
            .take()
            .map(|config| config.resolve(&self.kind));
    }
}

/// Which events a destination receives: an event is forwarded when any group
/// matches.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct FilterRules {
    /// Whether the rules apply (default `true`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
    /// The groups.
    pub groups: Vec<FilterRuleGroup>,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

impl FilterRules {
    /// Rules made of these groups.
    pub fn new(groups: impl IntoIterator<Item = FilterRuleGroup>) -> Self {
        Self {
            enabled: None,
            groups: groups.into_iter().collect(),
            extra: Extra::new(),
        }
    }
}

/// Rules combined with `and` (the default) or `or`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct FilterRuleGroup {
    /// How the rules combine.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub logic: Option<FilterLogic>,
    /// The rules.
    pub rules: Vec<FilterRule>,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

impl FilterRuleGroup {
    /// A group of these rules.
    pub fn new(rules: impl IntoIterator<Item = FilterRule>) -> Self {
        Self {
            logic: None,
            rules: rules.into_iter().collect(),
            extra: Extra::new(),
        }
    }

    /// Sets how the rules combine.
    #[must_use]
    pub fn logic(mut self, logic: impl Into<FilterLogic>) -> Self {
        self.logic = Some(logic.into());
        self
    }
}

/// One condition on an event field.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct FilterRule {
    /// The event field.
    pub field: FilterField,
    /// The comparison.
    pub operator: FilterOperator,
    /// What to compare with (absent for `exists` and `not_exists`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<FilterValue>,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

impl FilterRule {
    /// A condition without a value (`exists`, `not_exists`).
    pub fn new(field: impl Into<FilterField>, operator: impl Into<FilterOperator>) -> Self {
        Self {
            field: field.into(),
            operator: operator.into(),
            value: None,
            extra: Extra::new(),
        }
    }

    /// Sets the value to compare with.
    #[must_use]
    pub fn value(mut self, value: impl Into<FilterValue>) -> Self {
        self.value = Some(value.into());
        self
    }
}

/// The value of a [`FilterRule`]: text or a number.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
#[non_exhaustive]
pub enum FilterValue {
    /// Text (model, provider, regex…).
    Text(String),
    /// A number (cost, tokens), spelled as sent.
    Number(serde_json::Number),
    /// Anything else, kept verbatim.
    Other(serde_json::Value),
}

impl From<&str> for FilterValue {
    fn from(text: &str) -> Self {
        Self::Text(text.to_owned())
    }
}

impl From<String> for FilterValue {
    fn from(text: String) -> Self {
        Self::Text(text)
    }
}

impl From<u64> for FilterValue {
    fn from(number: u64) -> Self {
        Self::Number(number.into())
    }
}

open_enum! {
    /// How the rules of a group combine.
    pub enum FilterLogic {
        /// Every rule matches.
        And = "and",
        /// Any rule matches.
        Or = "or",
    }
}

open_enum! {
    /// The event field a filter rule tests.
    pub enum FilterField {
        /// Model slug.
        Model = "model",
        /// Provider.
        Provider = "provider",
        /// Session id.
        SessionId = "session_id",
        /// End-user id.
        UserId = "user_id",
        /// Name of the API key.
        ApiKeyName = "api_key_name",
        /// Finish reason.
        FinishReason = "finish_reason",
        /// Request input.
        Input = "input",
        /// Response output.
        Output = "output",
        /// Total cost.
        TotalCost = "total_cost",
        /// Total tokens.
        TotalTokens = "total_tokens",
        /// Prompt tokens.
        PromptTokens = "prompt_tokens",
        /// Completion tokens.
        CompletionTokens = "completion_tokens",
    }
}

open_enum! {
    /// The comparison of a filter rule.
    pub enum FilterOperator {
        /// Equal.
        Equals = "equals",
        /// Not equal.
        NotEquals = "not_equals",
        /// Contains the text.
        Contains = "contains",
        /// Does not contain the text.
        NotContains = "not_contains",
        /// Matches the regex.
        Regex = "regex",
        /// Starts with the text.
        StartsWith = "starts_with",
        /// Ends with the text.
        EndsWith = "ends_with",
        /// Greater than.
        Gt = "gt",
        /// Less than.
        Lt = "lt",
        /// Greater than or equal.
        Gte = "gte",
        /// Less than or equal.
        Lte = "lte",
        /// The field is present.
        Exists = "exists",
        /// The field is absent.
        NotExists = "not_exists",
    }
}
