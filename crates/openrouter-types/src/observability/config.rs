//! The `config` of an observability destination, one type per destination
//! `type`, with every credential a [`KeySecret`] and every map that may hold
//! one (custom headers, unknown fields) a [`SecretMap`], so `Debug` never
//! shows a credential.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize};

use crate::Extra;
use crate::keys::KeySecret;
use crate::open_enum::open_enum;

/// A JSON object whose values may be credentials: custom HTTP headers, a
/// config's unknown fields, a config of a type this version does not know.
///
/// Serde round-trips it unchanged, key order included; `Debug` shows the
/// keys and redacts every value.
///
/// ```
/// use openrouter_types::observability::SecretMap;
/// let headers = SecretMap::from([("Authorization", "Bearer REDACTED")]);
/// assert_eq!(format!("{headers:?}"), r#"SecretMap({"Authorization": <redacted>})"#);
/// assert_eq!(headers.expose()["Authorization"], "Bearer REDACTED");
/// ```
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct SecretMap(Extra);

impl SecretMap {
    /// An empty map.
    pub fn new() -> Self {
        Self::default()
    }

    /// The entries, values in plain text. Do not log them.
    pub fn expose(&self) -> &Extra {
        &self.0
    }

    /// Unwraps the entries.
    pub fn into_exposed(self) -> Extra {
        self.0
    }

    /// Adds or replaces an entry.
    pub fn insert(&mut self, key: impl Into<String>, value: impl Into<serde_json::Value>) {
        self.0.insert(key.into(), value.into());
    }

    /// Whether there are no entries.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl fmt::Debug for SecretMap {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        struct Redacted;
        impl fmt::Debug for Redacted {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("<redacted>")
            }
        }
        f.write_str("SecretMap(")?;
        f.debug_map()
            .entries(self.0.keys().map(|key| (key, Redacted)))
            .finish()?;
        f.write_str(")")
    }
}

impl From<Extra> for SecretMap {
    fn from(map: Extra) -> Self {
        Self(map)
    }
}

impl<K: Into<String>, V: Into<String>> FromIterator<(K, V)> for SecretMap {
    fn from_iter<I: IntoIterator<Item = (K, V)>>(entries: I) -> Self {
        Self(
            entries
                .into_iter()
                .map(|(k, v)| (k.into(), serde_json::Value::String(v.into())))
                .collect(),
        )
    }
}

impl<K: Into<String>, V: Into<String>, const N: usize> From<[(K, V); N]> for SecretMap {
    fn from(entries: [(K, V); N]) -> Self {
        entries.into_iter().collect()
    }
}

/// Declares one destination's config: every field optional on the wire (a
/// `PATCH` sends only what changes, and the API may mask or omit values),
/// `new` taking the fields the destination requires, one setter per field.
macro_rules! destination_config {
    (
        $(#[$meta:meta])*
        $name:ident($($required:ident: $required_ty:ty),*) {
            $($(#[$field_meta:meta])* $field:ident: $ty:ty,)+
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
        #[serde(rename_all = "camelCase")]
        #[non_exhaustive]
        pub struct $name {
            $(
                $(#[$field_meta])*
                #[serde(default, skip_serializing_if = "Option::is_none")]
                pub $field: Option<$ty>,
            )+
            /// Fields this version does not model (values redacted in `Debug`).
            #[serde(flatten)]
            pub extra: SecretMap,
        }

        impl $name {
            /// A config holding the fields this destination requires.
            pub fn new($($required: impl Into<$required_ty>),*) -> Self {
                Self { $($required: Some($required.into()),)* ..Self::default() }
            }

            $(
                #[doc = concat!("Sets `", stringify!($field), "`.")]
                #[must_use]
                pub fn $field(mut self, value: impl Into<$ty>) -> Self {
                    self.$field = Some(value.into());
                    self
                }
            )+
        }
    };
}

destination_config! {
    /// Arize AX.
    ArizeConfig(api_key: KeySecret, space_key: KeySecret, model_id: String) {
        /// API key.
        api_key: KeySecret,
        /// OTLP endpoint (default `https://otlp.arize.com`).
        base_url: String,
        /// Custom HTTP headers.
        headers: SecretMap,
        /// Tracing project name.
        model_id: String,
        /// Space key.
        space_key: KeySecret,
    }
}

destination_config! {
    /// Braintrust.
    BraintrustConfig(api_key: KeySecret, project_id: String) {
        /// API key.
        api_key: KeySecret,
        /// API base (default `https://api.braintrust.dev`).
        base_url: String,
        /// Custom HTTP headers.
        headers: SecretMap,
        /// Project id.
        project_id: String,
    }
}

destination_config! {
    /// ClickHouse.
    ClickhouseConfig(host: String, database: String, username: String, password: KeySecret) {
        /// Database.
        database: String,
        /// Custom HTTP headers.
        headers: SecretMap,
        /// Server URL.
        host: String,
        /// Password.
        password: KeySecret,
        /// Table (default `OPENROUTER_TRACES`).
        table: String,
        /// User name.
        username: String,
    }
}

destination_config! {
    /// Datadog LLM Observability.
    DatadogConfig(api_key: KeySecret, ml_app: String) {
        /// API key.
        api_key: KeySecret,
        /// Custom HTTP headers.
        headers: SecretMap,
        /// ML application name.
        ml_app: String,
        /// Site API URL (default `https://api.us5.datadoghq.com`).
        url: String,
    }
}

destination_config! {
    /// Grafana Cloud.
    GrafanaConfig(api_key: KeySecret, instance_id: String) {
        /// API key.
        api_key: KeySecret,
        /// OTLP gateway URL.
        base_url: String,
        /// Custom HTTP headers.
        headers: SecretMap,
        /// Instance id.
        instance_id: String,
    }
}

destination_config! {
    /// Langfuse.
    LangfuseConfig(public_key: KeySecret, secret_key: KeySecret) {
        /// Host (default `https://us.cloud.langfuse.com`).
        base_url: String,
        /// Custom HTTP headers.
        headers: SecretMap,
        /// Public key (`pk-lf-…`).
        public_key: KeySecret,
        /// Secret key (`sk-lf-…`).
        secret_key: KeySecret,
    }
}

destination_config! {
    /// LangSmith.
    LangsmithConfig(api_key: KeySecret) {
        /// API key.
        api_key: KeySecret,
        /// API URL (default `https://api.smith.langchain.com`).
        endpoint: String,
        /// Custom HTTP headers.
        headers: SecretMap,
        /// Project (default `main`).
        project: String,
        /// LangSmith workspace id.
        workspace_id: String,
    }
}

destination_config! {
    /// New Relic.
    NewrelicConfig(license_key: KeySecret) {
        /// Custom HTTP headers.
        headers: SecretMap,
        /// License key.
        license_key: KeySecret,
        /// Data region (default `us`).
        region: NewrelicRegion,
    }
}

destination_config! {
    /// Opik (Comet).
    OpikConfig(api_key: KeySecret, workspace: String, project_name: String) {
        /// API key.
        api_key: KeySecret,
        /// Custom HTTP headers.
        headers: SecretMap,
        /// Project name.
        project_name: String,
        /// Opik workspace.
        workspace: String,
    }
}

destination_config! {
    /// Any OpenTelemetry collector (OTLP over HTTP).
    OtelCollectorConfig(endpoint: String) {
        /// Collector URL.
        endpoint: String,
        /// Custom HTTP headers (often the collector's credentials).
        headers: SecretMap,
    }
}

destination_config! {
    /// PostHog.
    PosthogConfig(api_key: KeySecret) {
        /// Project API key.
        api_key: KeySecret,
        /// Host (default `https://us.i.posthog.com`).
        endpoint: String,
        /// Custom HTTP headers.
        headers: SecretMap,
    }
}

destination_config! {
    /// Ramp.
    RampConfig(api_key: KeySecret) {
        /// API key.
        api_key: KeySecret,
        /// API URL.
        base_url: String,
        /// Custom HTTP headers.
        headers: SecretMap,
    }
}

destination_config! {
    /// Amazon S3 or an S3-compatible store.
    S3Config(bucket_name: String, access_key_id: KeySecret, secret_access_key: KeySecret) {
        /// Access key id.
        access_key_id: KeySecret,
        /// Bucket.
        bucket_name: String,
        /// Endpoint URL of an S3-compatible store.
        endpoint: String,
        /// Custom HTTP headers.
        headers: SecretMap,
        /// Object path template (default `{prefix}/{date}`).
        path_template: String,
        /// Key prefix (default `openrouter-traces`).
        prefix: String,
        /// Region.
        region: String,
        /// Secret access key.
        secret_access_key: KeySecret,
        /// Session token of temporary credentials.
        session_token: KeySecret,
    }
}

destination_config! {
    /// Sentry.
    SentryConfig(dsn: KeySecret, otlp_endpoint: String) {
        /// Project DSN (it embeds the project's key).
        dsn: KeySecret,
        /// Custom HTTP headers.
        headers: SecretMap,
        /// OTLP endpoint of the project.
        otlp_endpoint: String,
    }
}

destination_config! {
    /// Snowflake.
    SnowflakeConfig(account: String, token: KeySecret) {
        /// Account identifier (`xy12345.us-east-1`).
        account: String,
        /// Database (default `SNOWFLAKE_LEARNING_DB`).
        database: String,
        /// Custom HTTP headers.
        headers: SecretMap,
        /// Schema (default `PUBLIC`).
        schema: String,
        /// Table (default `OPENROUTER_TRACES`).
        table: String,
        /// Access token.
        token: KeySecret,
        /// Warehouse (default `COMPUTE_WH`).
        warehouse: String,
    }
}

destination_config! {
    /// Weights & Biases Weave.
    WeaveConfig(api_key: KeySecret, entity: String, project: String) {
        /// API key.
        api_key: KeySecret,
        /// Trace server (default `https://trace.wandb.ai`).
        base_url: String,
        /// Team or user.
        entity: String,
        /// Custom HTTP headers.
        headers: SecretMap,
        /// Project.
        project: String,
    }
}

destination_config! {
    /// A webhook of your own.
    WebhookConfig(url: String) {
        /// Custom HTTP headers (often its credentials).
        headers: SecretMap,
        /// HTTP method (default `POST`).
        method: WebhookMethod,
        /// URL the events are sent to.
        url: String,
    }
}

open_enum! {
    /// New Relic's data region.
    pub enum NewrelicRegion {
        /// United States.
        Us = "us",
        /// European Union.
        Eu = "eu",
    }
}

open_enum! {
    /// The HTTP method of a webhook destination.
    pub enum WebhookMethod {
        /// `POST`.
        Post = "POST",
        /// `PUT`.
        Put = "PUT",
    }
}

/// Declares [`DestinationType`] and [`DestinationConfig`] from one list, so a
/// type and its config cannot drift apart.
macro_rules! destinations {
    ($($(#[$doc:meta])* $variant:ident = $wire:literal => $config:ident,)+) => {
        open_enum! {
            /// The `type` of an observability destination.
            pub enum DestinationType {
                $($(#[$doc])* $variant = $wire,)+
            }
        }

        /// A destination's `config`, typed by the destination's `type`.
        ///
        /// Serialized as the config object itself. Decoded on its own (a
        /// `PATCH` body has no `type`) it is always [`DestinationConfig::Other`];
        /// inside a [`Destination`](super::Destination) or a
        /// [`CreateDestinationRequest`](super::CreateDestinationRequest) it is
        /// typed by the sibling `type`.
        #[derive(Debug, Clone, PartialEq, Eq, Serialize)]
        #[serde(untagged)]
        #[non_exhaustive]
        pub enum DestinationConfig {
            $($(#[$doc])* $variant($config),)+
            /// A config of a type this version does not model, one that does
            /// not fit its type's shape, or one decoded without its type: kept
            /// whole, values redacted in `Debug`.
            Other(SecretMap),
        }

        impl DestinationConfig {
            /// The destination type of a typed config; `None` for
            /// [`DestinationConfig::Other`].
            pub fn kind(&self) -> Option<DestinationType> {
                match self {
                    $(Self::$variant(_) => Some(DestinationType::$variant),)+
                    Self::Other(_) => None,
                }
            }

            /// Types a config decoded as [`DestinationConfig::Other`] by the
            /// destination's `type`; keeps it whole when it does not fit.
            pub(crate) fn resolve(self, kind: &DestinationType) -> Self {
                let Self::Other(SecretMap(raw)) = self else {
                    return self;
                };
                let typed = match kind {
                    $(DestinationType::$variant => $config::deserialize(&raw).map(Self::$variant),)+
                    DestinationType::Other(_) => return Self::Other(SecretMap(raw)),
                };
                typed.unwrap_or(Self::Other(SecretMap(raw)))
            }
        }

        $(
            impl From<$config> for DestinationConfig {
                fn from(config: $config) -> Self {
                    Self::$variant(config)
                }
            }
        )+
    };
}

destinations! {
    /// Arize AX.
    Arize = "arize" => ArizeConfig,
    /// Braintrust.
    Braintrust = "braintrust" => BraintrustConfig,
    /// ClickHouse.
    Clickhouse = "clickhouse" => ClickhouseConfig,
    /// Datadog.
    Datadog = "datadog" => DatadogConfig,
    /// Grafana Cloud.
    Grafana = "grafana" => GrafanaConfig,
    /// Langfuse.
    Langfuse = "langfuse" => LangfuseConfig,
    /// LangSmith.
    Langsmith = "langsmith" => LangsmithConfig,
    /// New Relic.
    Newrelic = "newrelic" => NewrelicConfig,
    /// Opik.
    Opik = "opik" => OpikConfig,
    /// An OpenTelemetry collector.
    OtelCollector = "otel-collector" => OtelCollectorConfig,
    /// PostHog.
    Posthog = "posthog" => PosthogConfig,
    /// Ramp.
    Ramp = "ramp" => RampConfig,
    /// Amazon S3.
    S3 = "s3" => S3Config,
    /// Sentry.
    Sentry = "sentry" => SentryConfig,
    /// Snowflake.
    Snowflake = "snowflake" => SnowflakeConfig,
    /// Weights & Biases Weave.
    Weave = "weave" => WeaveConfig,
    /// A webhook.
    Webhook = "webhook" => WebhookConfig,
}

impl<'de> Deserialize<'de> for DestinationConfig {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        // Without the sibling `type` the shape is unknown: keep it whole; the
        // enclosing destination types it (`resolve`).
        SecretMap::deserialize(deserializer).map(Self::Other)
    }
}
