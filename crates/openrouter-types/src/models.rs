//! The model catalogue: `GET /models`, `/models/count`, `/models/user`, `/model/{author}/{slug}`.
//!
//! Also home of [`Data`], the `{"data": …}` envelope every read endpoint uses.
//!
//! ```
//! use openrouter_types::models::ModelsList;
//! let list: ModelsList = serde_json::from_str(r#"{"data":[{
//!     "id":"openai/gpt-4o","name":"OpenAI: GPT-4o","created":1715367049,
//!     "context_length":128000,
//!     "architecture":{"modality":"text+image->text","input_modalities":["text","image"],
//!                     "output_modalities":["text"],"tokenizer":"GPT","instruct_type":null},
//!     "pricing":{"prompt":"0.0000025","completion":"0.00001"},
//!     "top_provider":{"context_length":128000,"max_completion_tokens":16384,"is_moderated":true},
//!     "per_request_limits":null}]}"#)?;
//! let model = &list.data[0];
//! assert_eq!(model.id, "openai/gpt-4o");
//! assert_eq!(model.pricing.prompt.per_million(), Some(2.5));
//! # Ok::<(), serde_json::Error>(())
//! ```

mod enums;
mod price;
mod query;

use serde::{Deserialize, Serialize};

use crate::chat::ReasoningEffort;
use crate::{Extra, ModelId};

pub use enums::{
    InputModality, InstructType, ModelCategory, ModelSort, OutputModality, Parameter, Tokenizer,
};
pub use price::Price;
pub use query::{ModelsCountQuery, ModelsQuery, PageQuery};

/// The `{"data": …}` envelope of read endpoints (`/key`, `/credits`,
/// `/generation`, `/model/{author}/{slug}`, `/keys/{hash}`, `/providers`…).
///
/// ```
/// use openrouter_types::{Data, credits::Credits};
/// let body: Data<Credits> =
///     serde_json::from_str(r#"{"data":{"total_credits":100.5,"total_usage":25.75}}"#)?;
/// assert_eq!(body.data.remaining(), 74.75);
/// assert_eq!(body.into_inner().total_usage, 25.75);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Data<T> {
    /// The payload.
    pub data: T,
    /// Sibling fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

impl<T> Data<T> {
    /// Wraps a payload.
    pub fn new(data: T) -> Self {
        Self {
            data,
            extra: Extra::new(),
        }
    }

    /// The payload, envelope dropped.
    pub fn into_inner(self) -> T {
        self.data
    }
}

/// `GET /models`, `GET /models/user` and `GET /embeddings/models`: a page of models.
///
/// `links` and `total_count` arrived in 2026; older responses have only `data`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ModelsList {
    /// The models.
    pub data: Vec<Model>,
    /// Number of models matching the query across all pages.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total_count: Option<u64>,
    /// Pagination links.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub links: Option<ListLinks>,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

impl ModelsList {
    /// The relative URL of the next page, if there is one.
    pub fn next_page(&self) -> Option<&str> {
        self.links.as_ref()?.next.as_deref()
    }
}

/// Pagination links of a list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ListLinks {
    /// URL of the next page (relative, e.g. `/api/v1/models?offset=500&limit=500`), `null` on the last page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next: Option<String>,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

/// `GET /models/count`'s payload (inside [`Data`]).
///
/// ```
/// use openrouter_types::{Data, models::ModelsCount};
/// let body: Data<ModelsCount> = serde_json::from_str(r#"{"data":{"count":150}}"#)?;
/// assert_eq!(body.data.count, 150);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ModelsCount {
    /// Number of models matching the filter.
    pub count: u64,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

/// One model of the catalogue (`/models` item; `/model/{author}/{slug}` as `Data<Model>`).
///
/// Fields added after April 2025 (`canonical_slug`, `supported_parameters`,
/// `links`, `reasoning`…) are optional so older snapshots and mirrors decode.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Model {
    /// The slug to request it by, e.g. `openai/gpt-4.1-nano`.
    pub id: ModelId,
    /// The permanent, often dated slug (`openai/gpt-4.1-nano-2025-04-14`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub canonical_slug: Option<String>,
    /// The Hugging Face repository, when open weights exist (`""` occurs too).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hugging_face_id: Option<String>,
    /// Display name, e.g. `OpenAI: GPT-4.1 Nano`.
    pub name: String,
    /// When OpenRouter added the model (Unix seconds).
    pub created: i64,
    /// Description; truncated to about 300 characters ending in `...` since 2026.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Context window in tokens.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub context_length: Option<u64>,
    /// Modalities, tokenizer and prompt template.
    pub architecture: Architecture,
    /// Prices (USD per unit, exact decimal strings).
    pub pricing: Pricing,
    /// Limits of the endpoint OpenRouter routes to by default.
    pub top_provider: TopProvider,
    /// Per-request token limits; `null` in every observed response.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub per_request_limits: Option<PerRequestLimits>,
    /// Request parameters at least one endpoint supports.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub supported_parameters: Option<Vec<Parameter>>,
    /// Default sampling parameters (often all `null`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_parameters: Option<DefaultParameters>,
    /// Voices of text-to-speech models.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub supported_voices: Option<Vec<String>>,
    /// Training data cut-off (`YYYY-MM-DD`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub knowledge_cutoff: Option<String>,
    /// When the model will be removed (`YYYY-MM-DD`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expiration_date: Option<String>,
    /// Related API URLs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub links: Option<ModelLinks>,
    /// Third-party benchmark scores.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub benchmarks: Option<Benchmarks>,
    /// Reasoning options (reasoning models only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reasoning: Option<ModelReasoning>,
    /// The model an alias such as `~anthropic/claude-sonnet-latest` points at.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alias_target: Option<AliasTarget>,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

impl Model {
    /// Whether any endpoint of this model supports `param`.
    ///
    /// ```
    /// # use openrouter_types::models::{Model, Parameter};
    /// # let model: Model = serde_json::from_value(serde_json::json!({
    /// #   "id":"x/y","name":"Y","created":0,
    /// #   "architecture":{"modality":null,"input_modalities":[],"output_modalities":[]},
    /// #   "pricing":{"prompt":"0","completion":"0"},"top_provider":{"is_moderated":false},
    /// #   "supported_parameters":["tools"]}))?;
    /// assert!(model.supports(&Parameter::Tools));
    /// assert!(!model.supports(&Parameter::Seed));
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn supports(&self, param: &Parameter) -> bool {
        self.supported_parameters
            .as_deref()
            .is_some_and(|params| params.contains(param))
    }

    /// Whether the model accepts this input modality.
    pub fn accepts(&self, modality: &InputModality) -> bool {
        self.architecture.inputs().contains(modality)
    }
}

/// `architecture`: what goes in and out of a model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Architecture {
    /// Summary such as `text+image->text`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub modality: Option<String>,
    /// Accepted inputs (see [`Architecture::inputs`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub input_modalities: Option<Vec<InputModality>>,
    /// Produced outputs (see [`Architecture::outputs`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub output_modalities: Option<Vec<OutputModality>>,
    /// Tokenizer family.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tokenizer: Option<Tokenizer>,
    /// Prompt template family (`"none"` is a value of its own).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub instruct_type: Option<InstructType>,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

impl Architecture {
    /// Accepted inputs; empty when not sent.
    pub fn inputs(&self) -> &[InputModality] {
        self.input_modalities.as_deref().unwrap_or_default()
    }

    /// Produced outputs; empty when not sent.
    pub fn outputs(&self) -> &[OutputModality] {
        self.output_modalities.as_deref().unwrap_or_default()
    }
}

/// `pricing`: USD per unit, as exact decimal strings. Key sets differ per model.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Pricing {
    /// Per prompt token.
    pub prompt: Price,
    /// Per completion token.
    pub completion: Price,
    /// Per request.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request: Option<Price>,
    /// Per input image.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image: Option<Price>,
    /// Per image token.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image_token: Option<Price>,
    /// Per output image.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image_output: Option<Price>,
    /// Per audio input token.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub audio: Option<Price>,
    /// Per audio output token.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub audio_output: Option<Price>,
    /// Per cached audio input token.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub input_audio_cache: Option<Price>,
    /// Per web search.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub web_search: Option<Price>,
    /// Per internal reasoning token.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub internal_reasoning: Option<Price>,
    /// Per token read from the prompt cache.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub input_cache_read: Option<Price>,
    /// Per token written to the prompt cache (5-minute TTL).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub input_cache_write: Option<Price>,
    /// Per token written to the prompt cache with a one-hour TTL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub input_cache_write_1h: Option<Price>,
    /// Discount applied to the listed prices (0..1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub discount: Option<f64>,
    /// Conditional prices (long prompts, time windows).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub overrides: Option<Vec<PricingOverride>>,
    /// Prices this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

/// A conditional price (`pricing.overrides[]`): applies above a prompt size
/// and/or within a UTC time window.
///
/// The spec types the thresholds as JSON numbers (not integers), so they are
/// `f64` here; the wire sends whole numbers (`200000`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PricingOverride {
    /// Applies when the prompt has at least this many tokens.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_prompt_tokens: Option<f64>,
    /// Window start, `HHMM` UTC.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub utc_start: Option<f64>,
    /// Window end, `HHMM` UTC.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub utc_end: Option<f64>,
    /// Per prompt token.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prompt: Option<Price>,
    /// Per completion token.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub completion: Option<Price>,
    /// Per audio input token.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub audio: Option<Price>,
    /// Per cached audio input token.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub input_audio_cache: Option<Price>,
    /// Per cache read token.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub input_cache_read: Option<Price>,
    /// Per cache write token.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub input_cache_write: Option<Price>,
    /// Per one-hour cache write token.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub input_cache_write_1h: Option<Price>,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

/// `top_provider`: limits of the default endpoint.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct TopProvider {
    /// Context window there.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub context_length: Option<u64>,
    /// Output cap there (often `null`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_completion_tokens: Option<u64>,
    /// Whether OpenRouter moderates inputs for it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_moderated: Option<bool>,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

/// `per_request_limits`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PerRequestLimits {
    /// Maximum prompt tokens per request.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prompt_tokens: Option<f64>,
    /// Maximum completion tokens per request.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub completion_tokens: Option<f64>,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

/// `default_parameters`: sampling defaults the model's author recommends.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct DefaultParameters {
    /// Default temperature.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub temperature: Option<f64>,
    /// Default top-p.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub top_p: Option<f64>,
    /// Default top-k.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub top_k: Option<u64>,
    /// Default frequency penalty.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub frequency_penalty: Option<f64>,
    /// Default presence penalty.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub presence_penalty: Option<f64>,
    /// Default repetition penalty.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub repetition_penalty: Option<f64>,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

/// `reasoning`: how a reasoning model can be steered.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ModelReasoning {
    /// Whether reasoning cannot be turned off (see [`ModelReasoning::is_mandatory`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mandatory: Option<bool>,
    /// Effort levels accepted by `reasoning.effort`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub supported_efforts: Option<Vec<ReasoningEffort>>,
    /// Effort used when the request names none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_effort: Option<ReasoningEffort>,
    /// Whether reasoning is on when the request says nothing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_enabled: Option<bool>,
    /// Whether `reasoning.max_tokens` is honoured.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub supports_max_tokens: Option<bool>,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

impl ModelReasoning {
    /// Whether reasoning cannot be turned off (`false` when not sent).
    pub fn is_mandatory(&self) -> bool {
        self.mandatory.unwrap_or(false)
    }
}

/// `benchmarks`: third-party scores.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Benchmarks {
    /// Design Arena results per category.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub design_arena: Option<Vec<DesignArenaEntry>>,
    /// Artificial Analysis indices.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub artificial_analysis: Option<ArtificialAnalysis>,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

/// Artificial Analysis indices of a model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ArtificialAnalysis {
    /// Intelligence index.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub intelligence_index: Option<f64>,
    /// Coding index.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub coding_index: Option<f64>,
    /// Agentic index.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agentic_index: Option<f64>,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

/// One Design Arena result.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct DesignArenaEntry {
    /// Arena name, e.g. `models`.
    pub arena: String,
    /// Category, e.g. `website`.
    pub category: String,
    /// Elo rating.
    pub elo: f64,
    /// Win rate in percent.
    pub win_rate: f64,
    /// Rank in the category.
    pub rank: u64,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

/// `links` of a model.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ModelLinks {
    /// Path of its endpoints listing, e.g. `/api/v1/models/openai/gpt-4o/endpoints`.
    pub details: String,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

/// `alias_target`: what an alias slug resolves to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AliasTarget {
    /// Target slug.
    pub slug: String,
    /// Target display name.
    pub name: String,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}
