//! Provider routing preferences (`provider` in a request).
//!
//! Fallback *models* are the request's `models` list
//! ([`ChatRequest::models`](crate::chat::ChatRequest::models)); this module
//! chooses among the *providers* that serve a model.

use serde::{Deserialize, Serialize};

use crate::Extra;
use crate::open_enum::open_enum;

/// `provider`: which providers may serve the request, in which order, under which constraints.
///
/// ```
/// use openrouter_types::routing::{DataCollection, MaxPrice, ProviderPreferences, ProviderSort};
/// let prefs = ProviderPreferences::new()
///     .order(["anthropic", "openai"])
///     .allow_fallbacks(false)
///     .require_parameters(true)
///     .data_collection(DataCollection::Deny)
///     .zdr(true)
///     .sort(ProviderSort::Throughput)
///     .max_price(MaxPrice::new().prompt(1).completion(2))
///     .preferred_max_latency(3.0);
/// let json = serde_json::to_value(&prefs)?;
/// assert_eq!(json["order"], serde_json::json!(["anthropic", "openai"]));
/// assert_eq!(json["sort"], "throughput");
/// assert_eq!(json["max_price"], serde_json::json!({"prompt": 1, "completion": 2}));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ProviderPreferences {
    /// Provider slugs to try in order (`anthropic`, `google-vertex/us-east5`…).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order: Option<Vec<String>>,
    /// Allow-list of provider slugs (merged with account settings).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub only: Option<Vec<String>>,
    /// Deny-list of provider slugs (merged with account settings).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ignore: Option<Vec<String>>,
    /// `false`: only the listed providers; their error is returned. Default `true`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allow_fallbacks: Option<bool>,
    /// Only providers that support every parameter sent. Default `false`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub require_parameters: Option<bool>,
    /// `deny` excludes providers that store or train on your data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data_collection: Option<DataCollection>,
    /// Zero-data-retention endpoints only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub zdr: Option<bool>,
    /// Only models whose authors allow distillation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enforce_distillable_text: Option<bool>,
    /// Allowed quantizations.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quantizations: Option<Vec<Quantization>>,
    /// Sort strategy; turns off load balancing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sort: Option<Sort>,
    /// Hard price ceiling.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_price: Option<MaxPrice>,
    /// Soft preference: endpoints slower than this (tokens/s) are deprioritised.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub preferred_min_throughput: Option<Percentiles>,
    /// Soft preference: endpoints slower than this (seconds) are deprioritised.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub preferred_max_latency: Option<Percentiles>,
    /// Unmodelled fields sent as they are. The spec closes this object
    /// (`additionalProperties: false`): send only what OpenRouter documents.
    #[serde(flatten)]
    pub extra: Extra,
}

impl ProviderPreferences {
    /// No preferences (OpenRouter's defaults).
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets `order`.
    #[must_use]
    pub fn order<I: IntoIterator<Item = S>, S: Into<String>>(mut self, providers: I) -> Self {
        self.order = Some(providers.into_iter().map(Into::into).collect());
        self
    }

    /// Sets `only`.
    #[must_use]
    pub fn only<I: IntoIterator<Item = S>, S: Into<String>>(mut self, providers: I) -> Self {
        self.only = Some(providers.into_iter().map(Into::into).collect());
        self
    }

    /// Sets `ignore`.
    #[must_use]
    pub fn ignore<I: IntoIterator<Item = S>, S: Into<String>>(mut self, providers: I) -> Self {
        self.ignore = Some(providers.into_iter().map(Into::into).collect());
        self
    }

    /// Sets `allow_fallbacks`.
    #[must_use]
    pub fn allow_fallbacks(mut self, allow: bool) -> Self {
        self.allow_fallbacks = Some(allow);
        self
    }

    /// Sets `require_parameters`.
    #[must_use]
    pub fn require_parameters(mut self, require: bool) -> Self {
        self.require_parameters = Some(require);
        self
    }

    /// Sets `data_collection`.
    #[must_use]
    pub fn data_collection(mut self, policy: DataCollection) -> Self {
        self.data_collection = Some(policy);
        self
    }

    /// Sets `zdr`.
    #[must_use]
    pub fn zdr(mut self, zdr: bool) -> Self {
        self.zdr = Some(zdr);
        self
    }

    /// Sets `enforce_distillable_text`.
    #[must_use]
    pub fn enforce_distillable_text(mut self, enforce: bool) -> Self {
        self.enforce_distillable_text = Some(enforce);
        self
    }

    /// Sets `quantizations`.
    #[must_use]
    pub fn quantizations<I: IntoIterator<Item = Quantization>>(mut self, quantizations: I) -> Self {
        self.quantizations = Some(quantizations.into_iter().collect());
        self
    }

    /// Sets `sort` (a strategy, or a [`SortConfig`]).
    #[must_use]
    pub fn sort(mut self, sort: impl Into<Sort>) -> Self {
        self.sort = Some(sort.into());
        self
    }

    /// Sets `max_price`.
    #[must_use]
    pub fn max_price(mut self, max_price: MaxPrice) -> Self {
        self.max_price = Some(max_price);
        self
    }

    /// Sets `preferred_min_throughput` (a p50 in tokens/s, or [`Percentiles`]).
    #[must_use]
    pub fn preferred_min_throughput(mut self, threshold: impl Into<Percentiles>) -> Self {
        self.preferred_min_throughput = Some(threshold.into());
        self
    }

    /// Sets `preferred_max_latency` (a p50 in seconds, or [`Percentiles`]).
    #[must_use]
    pub fn preferred_max_latency(mut self, threshold: impl Into<Percentiles>) -> Self {
        self.preferred_max_latency = Some(threshold.into());
        self
    }
}

open_enum! {
    /// `provider.data_collection`.
    pub enum DataCollection {
        /// Allow providers that store or train on data (default).
        Allow = "allow",
        /// Exclude them.
        Deny = "deny",
    }
}

open_enum! {
    /// `provider.quantizations[]`.
    pub enum Quantization {
        /// 4-bit integer.
        Int4 = "int4",
        /// 8-bit integer.
        Int8 = "int8",
        /// 4-bit float.
        Fp4 = "fp4",
        /// MX 4-bit float.
        Mxfp4 = "mxfp4",
        /// NVIDIA 4-bit float.
        Nvfp4 = "nvfp4",
        /// 6-bit float.
        Fp6 = "fp6",
        /// 8-bit float.
        Fp8 = "fp8",
        /// MX 8-bit float.
        Mxfp8 = "mxfp8",
        /// 16-bit float.
        Fp16 = "fp16",
        /// bfloat16.
        Bf16 = "bf16",
        /// 32-bit float.
        Fp32 = "fp32",
        /// Unknown.
        Unknown = "unknown",
    }
}

open_enum! {
    /// What to sort providers by.
    pub enum ProviderSort {
        /// Cheapest first.
        Price = "price",
        /// Highest throughput first.
        Throughput = "throughput",
        /// Lowest latency first.
        Latency = "latency",
        /// OpenRouter's tool-calling quality ranking.
        Exacto = "exacto",
    }
}

/// `provider.sort`: a strategy, or `{by, partition}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
#[non_exhaustive]
pub enum Sort {
    /// `"price"`, `"throughput"`…
    By(ProviderSort),
    /// `{by, partition}`; `partition: "none"` sorts across all fallback models.
    Config(SortConfig),
}

impl From<ProviderSort> for Sort {
    fn from(by: ProviderSort) -> Self {
        Self::By(by)
    }
}

impl From<SortConfig> for Sort {
    fn from(config: SortConfig) -> Self {
        Self::Config(config)
    }
}

/// `provider.sort` as an object.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct SortConfig {
    /// What to sort by.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<ProviderSort>,
    /// `model` (default) or `none`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub partition: Option<String>,
}

impl SortConfig {
    /// Sort by `by`, partitioned as `partition` (`model` or `none`).
    pub fn new(by: ProviderSort, partition: impl Into<String>) -> Self {
        Self {
            by: Some(by),
            partition: Some(partition.into()),
        }
    }
}

/// `provider.max_price`: USD per million tokens (prompt, completion), per request, per image.
///
/// The spec types the values as strings, the docs' example as numbers; both
/// are accepted and kept as given ([`PriceLimit`]).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct MaxPrice {
    /// Per million prompt tokens.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prompt: Option<PriceLimit>,
    /// Per million completion tokens.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub completion: Option<PriceLimit>,
    /// Per request.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request: Option<PriceLimit>,
    /// Per image.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image: Option<PriceLimit>,
    /// Per audio unit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub audio: Option<PriceLimit>,
    /// Unmodelled fields.
    #[serde(flatten)]
    pub extra: Extra,
}

impl MaxPrice {
    /// No limits yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets `prompt`.
    #[must_use]
    pub fn prompt(mut self, limit: impl Into<PriceLimit>) -> Self {
        self.prompt = Some(limit.into());
        self
    }

    /// Sets `completion`.
    #[must_use]
    pub fn completion(mut self, limit: impl Into<PriceLimit>) -> Self {
        self.completion = Some(limit.into());
        self
    }

    /// Sets `request`.
    #[must_use]
    pub fn request(mut self, limit: impl Into<PriceLimit>) -> Self {
        self.request = Some(limit.into());
        self
    }

    /// Sets `image`.
    #[must_use]
    pub fn image(mut self, limit: impl Into<PriceLimit>) -> Self {
        self.image = Some(limit.into());
        self
    }
}

/// A price ceiling in USD: a number, or a decimal string as the spec types it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum PriceLimit {
    /// A JSON number.
    Number(serde_json::Number),
    /// A decimal string such as `"0.5"` (the spec's spelling).
    Decimal(String),
}

impl From<f64> for PriceLimit {
    fn from(v: f64) -> Self {
        serde_json::Number::from_f64(v).map_or_else(|| Self::Decimal(v.to_string()), Self::Number)
    }
}

impl From<u32> for PriceLimit {
    fn from(v: u32) -> Self {
        Self::Number(v.into())
    }
}

impl From<i32> for PriceLimit {
    fn from(v: i32) -> Self {
        Self::Number(v.into())
    }
}

impl From<&str> for PriceLimit {
    fn from(v: &str) -> Self {
        Self::Decimal(v.to_owned())
    }
}

/// A performance threshold: one number (the p50), or per-percentile cutoffs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
#[non_exhaustive]
pub enum Percentiles {
    /// The p50 cutoff.
    P50(f64),
    /// `{p50?, p75?, p90?, p99?}`.
    Cutoffs(PercentileCutoffs),
}

impl From<f64> for Percentiles {
    fn from(v: f64) -> Self {
        Self::P50(v)
    }
}

impl From<PercentileCutoffs> for Percentiles {
    fn from(v: PercentileCutoffs) -> Self {
        Self::Cutoffs(v)
    }
}

/// Per-percentile cutoffs (over a rolling 5-minute window).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PercentileCutoffs {
    /// Median.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub p50: Option<f64>,
    /// 75th percentile.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub p75: Option<f64>,
    /// 90th percentile.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub p90: Option<f64>,
    /// 99th percentile.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub p99: Option<f64>,
}

impl PercentileCutoffs {
    /// No cutoffs yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets `p50`.
    #[must_use]
    pub fn p50(mut self, v: f64) -> Self {
        self.p50 = Some(v);
        self
    }

    /// Sets `p90`.
    #[must_use]
    pub fn p90(mut self, v: f64) -> Self {
        self.p90 = Some(v);
        self
    }

    /// Sets `p99`.
    #[must_use]
    pub fn p99(mut self, v: f64) -> Self {
        self.p99 = Some(v);
        self
    }
}
