//! Per-provider endpoints of a model (`/models/{author}/{slug}/endpoints`, `/endpoints/zdr`).
//!
//! ```
//! use openrouter_types::{Data, endpoints::EndpointsList};
//! let body: Data<EndpointsList> = serde_json::from_str(r#"{"data":{
//!     "id":"openai/gpt-4","name":"GPT-4","created":1692901234,"description":"…",
//!     "architecture":{"modality":"text->text","input_modalities":["text"],
//!                     "output_modalities":["text"],"tokenizer":"GPT","instruct_type":"chatml"},
//!     "endpoints":[{"name":"OpenAI: GPT-4","model_id":"openai/gpt-4","model_name":"GPT-4",
//!       "context_length":8192,"pricing":{"prompt":"0.00003","completion":"0.00006"},
//!       "provider_name":"OpenAI","tag":"openai","quantization":"fp16",
//!       "max_completion_tokens":4096,"max_prompt_tokens":8192,"status":0,
//!       "supported_parameters":["temperature"],"uptime_last_30m":99.5,
//!       "supports_implicit_caching":true,"latency_last_30m":null,"throughput_last_30m":null}]}}"#)?;
//! let endpoint = &body.data.endpoints[0];
//! assert_eq!(endpoint.tag, "openai");
//! assert!(endpoint.status.is_some_and(|s| s.is_available()));
//! # Ok::<(), serde_json::Error>(())
//! ```

use serde::{Deserialize, Serialize};

use crate::models::{Architecture, Parameter, Pricing};
use crate::providers::ProviderName;
use crate::routing::Quantization;
use crate::{Extra, ModelId};

/// `GET /models/{author}/{slug}/endpoints`'s payload (inside [`Data`](crate::Data)).
///
/// A delisted model answers 200 with an empty `endpoints` list rather than 404.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct EndpointsList {
    /// The model slug.
    pub id: ModelId,
    /// Display name.
    pub name: String,
    /// When OpenRouter added the model (Unix seconds).
    pub created: i64,
    /// Description (may be truncated with `...`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Modalities, tokenizer and template.
    pub architecture: Architecture,
    /// One entry per provider endpoint.
    pub endpoints: Vec<Endpoint>,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

/// One provider endpoint of a model (`PublicEndpoint`); `GET /endpoints/zdr`
/// returns a `Data<Vec<Endpoint>>`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Endpoint {
    /// Display name, e.g. `OpenAI: GPT-4`.
    pub name: String,
    /// The model's permanent slug.
    pub model_id: String,
    /// The model's display name.
    pub model_name: String,
    /// Context window here.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub context_length: Option<u64>,
    /// Prices here.
    pub pricing: Pricing,
    /// Provider display name.
    pub provider_name: ProviderName,
    /// Slug usable in provider routing, e.g. `openai` or `deepinfra/turbo`.
    pub tag: String,
    /// Weight precision (the same values `provider.quantizations` filters on).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quantization: Option<Quantization>,
    /// Output cap here.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_completion_tokens: Option<u64>,
    /// Prompt cap here.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_prompt_tokens: Option<u64>,
    /// Health status code (`0` = available; negative = degraded or down).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<EndpointStatus>,
    /// Request parameters this endpoint supports.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub supported_parameters: Option<Vec<Parameter>>,
    /// Uptime percentage over the last 5 minutes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uptime_last_5m: Option<f64>,
    /// Uptime percentage over the last 30 minutes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uptime_last_30m: Option<f64>,
    /// Uptime percentage over the last day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uptime_last_1d: Option<f64>,
    /// Whether the provider caches prompts without `cache_control`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub supports_implicit_caching: Option<bool>,
    /// Whether the provider can clone voices (speech models).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub supports_voice_cloning: Option<bool>,
    /// Time to first token over the last 30 minutes; `null` when unauthenticated.
    /// The spec says milliseconds but its example looks like seconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub latency_last_30m: Option<PercentileStats>,
    /// Tokens per second over the last 30 minutes; `null` when unauthenticated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub throughput_last_30m: Option<PercentileStats>,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

/// An endpoint's health code (`status`): the spec lists `0, -1, -2, -3, -5, -10`
/// without documenting them; `0` is the normal, routable state.
///
/// ```
/// use openrouter_types::endpoints::EndpointStatus;
/// let status: EndpointStatus = serde_json::from_str("-3")?;
/// assert_eq!(status.code(), -3);
/// assert!(!status.is_available());
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct EndpointStatus(i64);

impl EndpointStatus {
    /// The normal, routable state.
    pub const AVAILABLE: Self = Self(0);

    /// Wraps a raw code.
    pub fn new(code: i64) -> Self {
        Self(code)
    }

    /// The raw code.
    pub fn code(self) -> i64 {
        self.0
    }

    /// Whether the endpoint is in the normal state (`0`).
    pub fn is_available(self) -> bool {
        self.0 == 0
    }
}

/// Percentiles of a metric over a window (`latency_last_30m`, `throughput_last_30m`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PercentileStats {
    /// Median.
    pub p50: f64,
    /// 75th percentile.
    pub p75: f64,
    /// 90th percentile.
    pub p90: f64,
    /// 99th percentile.
    pub p99: f64,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}
