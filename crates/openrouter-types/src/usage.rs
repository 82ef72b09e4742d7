//! Token usage and cost, shared by completions, chunks, embeddings and responses.
//!
//! Every field is optional: the usage object has grown from three counters
//! (early 2025) to costs, BYOK flags and per-category details, and providers
//! still differ in which keys they send. Explicit `null` and a missing key both
//! decode to `None` (OpenRouter documents the two as equivalent).

use serde::{Deserialize, Serialize};

use crate::Extra;

/// Token counts and cost of one generation (`usage`).
///
/// Token counts use the model's native tokenizer and are what you are billed
/// for. `cost` is in USD (credits); it is `0` for free models and for BYOK
/// requests, where `cost_details.upstream_inference_cost` holds the real price.
///
/// ```
/// use openrouter_types::Usage;
/// let usage: Usage = serde_json::from_str(
///     r#"{"prompt_tokens":22,"completion_tokens":17,"total_tokens":39,"cost":0.0001584}"#,
/// )?;
/// assert_eq!(usage.total_tokens, Some(39));
/// assert_eq!(usage.cost, Some(0.0001584));
/// # Ok::<(), serde_json::Error>(())
/// ```
///
/// The token and cost breakdowns are boxed: a stream carries one usage and
/// thousands of chunks, and inline they made every [`ChatChunk`](crate::ChatChunk)
/// hundreds of bytes larger to move around.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Usage {
    /// Tokens in the prompt. Required by the spec, but kept optional because
    /// the embeddings endpoint and old responses vary.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prompt_tokens: Option<u64>,
    /// Tokens generated, reasoning included. Absent on embeddings.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub completion_tokens: Option<u64>,
    /// `prompt_tokens + completion_tokens`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total_tokens: Option<u64>,
    /// USD charged to your account; missing on older or edge responses.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cost: Option<f64>,
    /// Whether the request ran on your own provider key (BYOK).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_byok: Option<bool>,
    /// Breakdown of the prompt tokens (cache reads/writes, audio, video).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prompt_tokens_details: Option<Box<PromptTokensDetails>>,
    /// Breakdown of the completion tokens (reasoning, audio, images, predictions).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub completion_tokens_details: Option<Box<CompletionTokensDetails>>,
    /// Upstream cost breakdown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cost_details: Option<Box<CostDetails>>,
    /// Counters of OpenRouter server tools (web search, advisor…).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub server_tool_use_details: Option<Box<ServerToolUseDetails>>,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

impl Usage {
    /// Reasoning tokens, when the provider reported them.
    pub fn reasoning_tokens(&self) -> Option<u64> {
        self.completion_tokens_details.as_ref()?.reasoning_tokens
    }

    /// Prompt tokens read from the cache, when reported.
    pub fn cached_tokens(&self) -> Option<u64> {
        self.prompt_tokens_details.as_ref()?.cached_tokens
    }
}

/// `usage.prompt_tokens_details`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PromptTokensDetails {
    /// Tokens read from the prompt cache.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cached_tokens: Option<u64>,
    /// Tokens written to the prompt cache (models with explicit caching only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cache_write_tokens: Option<u64>,
    /// Audio input tokens.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub audio_tokens: Option<u64>,
    /// Video input tokens.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub video_tokens: Option<u64>,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

/// `usage.completion_tokens_details`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CompletionTokensDetails {
    /// Tokens spent on reasoning (billed as output).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reasoning_tokens: Option<u64>,
    /// Audio output tokens.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub audio_tokens: Option<u64>,
    /// Image output tokens.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image_tokens: Option<u64>,
    /// Predicted-output tokens that were accepted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accepted_prediction_tokens: Option<u64>,
    /// Predicted-output tokens that were rejected.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rejected_prediction_tokens: Option<u64>,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

/// `usage.cost_details`: what the upstream provider charged.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CostDetails {
    /// Total upstream cost; `null` for most non-BYOK requests.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub upstream_inference_cost: Option<f64>,
    /// Upstream cost of the prompt.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub upstream_inference_prompt_cost: Option<f64>,
    /// Upstream cost of the completion.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub upstream_inference_completions_cost: Option<f64>,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

/// `usage.server_tool_use_details`: OpenRouter server-tool counters.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ServerToolUseDetails {
    /// Web searches performed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub web_search_requests: Option<u64>,
    /// Server tool calls the model requested.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tool_calls_requested: Option<u64>,
    /// Server tool calls that ran and produced a result.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tool_calls_executed: Option<u64>,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}
