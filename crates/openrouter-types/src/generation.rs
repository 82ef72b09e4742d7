//! Stats of one generation (`GET /generation?id=`).
//!
//! Stats appear a moment after the completion ends: a lookup right away can
//! answer 404; retry with backoff.

use serde::{Deserialize, Serialize};

use crate::open_enum::open_enum;
use crate::providers::ProviderName;
use crate::{Extra, GenerationId};

/// `GET /generation`'s payload (inside [`Data`](crate::Data)): cost, tokens,
/// timing and routing of one generation.
///
/// The spec marks almost every key required-but-nullable; real bodies have
/// been seen with only a subset, so all but `id` are optional.
///
/// ```
/// use openrouter_types::{Data, generation::{ApiType, Generation}};
/// let body: Data<Generation> = serde_json::from_str(r#"{"data":{
///     "id":"gen-1772030107-1FJRHH9DliPkfVmjcn64","api_type":"completions",
///     "total_cost":0.0001402,"provider_name":"Google AI Studio",
///     "provider_responses":[{"provider_name":"Google","status":429},
///                           {"provider_name":"Google AI Studio","status":200}]}}"#)?;
/// let generation = body.data;
/// assert_eq!(generation.api_type, Some(ApiType::Completions));
/// assert_eq!(generation.fallback_count(), 1);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Generation {
    /// The generation id.
    pub id: GenerationId,
    /// The provider's own id of the request.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub upstream_id: Option<String>,
    /// OpenRouter's request id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
    /// Session id sent with the request.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub session_id: Option<String>,
    /// When it was created (ISO 8601).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<String>,
    /// Model slug that served it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub model: Option<String>,
    /// Provider that served it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provider_name: Option<ProviderName>,
    /// Router that picked the model, e.g. `openrouter/auto`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub router: Option<String>,
    /// App id (from `HTTP-Referer`/`X-Title`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub app_id: Option<i64>,
    /// Preset used.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub preset_id: Option<String>,
    /// Workspace of the key.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub workspace_id: Option<String>,
    /// `Origin` of the request.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin: Option<String>,
    /// `HTTP-Referer` of the request.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub http_referer: Option<String>,
    /// `User-Agent` of the request.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_agent: Option<String>,
    /// The request's `user` field.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external_user: Option<String>,
    /// Which API produced it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub api_type: Option<ApiType>,
    /// Whether it was streamed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub streamed: Option<bool>,
    /// Whether the caller cancelled it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cancelled: Option<bool>,
    /// Normalized finish reason.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub finish_reason: Option<String>,
    /// The provider's own finish reason.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub native_finish_reason: Option<String>,
    /// Where data was processed (`global`, `europe`, `us`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data_region: Option<String>,
    /// Service tier applied.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service_tier: Option<String>,
    /// Time to first token, ms.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub latency: Option<f64>,
    /// Generation time, ms.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub generation_time: Option<f64>,
    /// Moderation time, ms.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub moderation_latency: Option<f64>,
    /// Prompt tokens (normalized tokenizer).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tokens_prompt: Option<u64>,
    /// Completion tokens (normalized tokenizer).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tokens_completion: Option<u64>,
    /// Prompt tokens (native tokenizer, billed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub native_tokens_prompt: Option<u64>,
    /// Completion tokens (native tokenizer, billed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub native_tokens_completion: Option<u64>,
    /// Image output tokens.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub native_tokens_completion_images: Option<u64>,
    /// Reasoning tokens.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub native_tokens_reasoning: Option<u64>,
    /// Cached prompt tokens.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub native_tokens_cached: Option<u64>,
    /// Media items in the prompt.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub num_media_prompt: Option<u64>,
    /// Audio inputs in the prompt.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub num_input_audio_prompt: Option<u64>,
    /// Media items generated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub num_media_completion: Option<u64>,
    /// Web search results used.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub num_search_results: Option<u64>,
    /// Web fetches made.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub num_fetches: Option<u64>,
    /// Web search engine used.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub web_search_engine: Option<String>,
    /// USD charged (same as `total_cost`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub usage: Option<f64>,
    /// Total USD cost.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total_cost: Option<f64>,
    /// What the provider charged (meaningful for BYOK).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub upstream_inference_cost: Option<f64>,
    /// Discount from prompt caching (USD; can be negative for cache writes).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cache_discount: Option<f64>,
    /// Whether your own provider key was used.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_byok: Option<bool>,
    /// Generation whose cached response was served.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub response_cache_source_id: Option<String>,
    /// Every provider attempt, fallbacks included.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provider_responses: Option<Vec<ProviderAttempt>>,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

impl Generation {
    /// Number of failed provider attempts before the one that answered.
    pub fn fallback_count(&self) -> usize {
        self.provider_responses
            .as_deref()
            .map_or(0, |attempts| attempts.len().saturating_sub(1))
    }
}

open_enum! {
    /// Which API produced a generation (`api_type`).
    ///
    /// ```
    /// use openrouter_types::generation::ApiType;
    /// assert_eq!(ApiType::from("embeddings"), ApiType::Embeddings);
    /// ```
    pub enum ApiType {
        /// Chat or text completions (and the Responses API).
        Completions = "completions",
        /// Embeddings.
        Embeddings = "embeddings",
        /// Reranking.
        Rerank = "rerank",
        /// Text to speech.
        Tts = "tts",
        /// Speech to text.
        Stt = "stt",
        /// Video generation.
        Video = "video",
        /// Image generation.
        Image = "image",
    }
}

/// One provider attempt of a generation (`provider_responses[]`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ProviderAttempt {
    /// Attempt id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Endpoint id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub endpoint_id: Option<String>,
    /// The model's permanent slug.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub model_permaslug: Option<String>,
    /// Provider tried.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provider_name: Option<ProviderName>,
    /// HTTP status the provider answered with (`null` when none).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<i64>,
    /// Latency of the attempt, ms.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub latency: Option<f64>,
    /// Whether your own provider key was used.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_byok: Option<bool>,
    /// Service tier routed to (`flex`, `priority`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub routed_service_tier: Option<String>,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}
