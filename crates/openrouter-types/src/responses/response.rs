//! The response object of `POST /responses` (also carried by lifecycle stream events).

use serde::{Deserialize, Serialize};

use super::items::Item;
use super::request::{ResponsesTool, TextConfig, ToolChoice};
use crate::Extra;
use crate::chat::Reasoning;
use crate::open_enum::open_enum;
use crate::usage::{CostDetails, ServerToolUseDetails};

/// A Responses API response (`object: "response"`).
///
/// Most settings are echoed back from the request; all of them are optional
/// because streams' early snapshots and different upstreams omit different ones.
///
/// ```
/// use openrouter_types::responses::{Response, ResponseStatus};
/// let response: Response = serde_json::from_str(r#"{
///     "id":"gen-1","object":"response","created_at":1784286312,"model":"openai/gpt-5",
///     "status":"completed","output":[{"type":"message","id":"msg_1","role":"assistant",
///       "status":"completed","content":[{"type":"output_text","text":"OK","annotations":[]}]}],
///     "usage":{"input_tokens":4020,"output_tokens":5,"total_tokens":4025,"cost":0.025265}}"#)?;
/// assert_eq!(response.status, Some(ResponseStatus::Completed));
/// assert_eq!(response.text(), "OK");
/// assert_eq!(response.usage.as_ref().and_then(|u| u.cost), Some(0.025265));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Response {
    /// Generation id (`gen-…`).
    pub id: String,
    /// Always `response`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub object: Option<String>,
    /// Creation time (Unix seconds).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<i64>,
    /// Completion time (Unix seconds).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub completed_at: Option<i64>,
    /// Model that served it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub model: Option<String>,
    /// Lifecycle status.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<ResponseStatus>,
    /// Output items (messages, reasoning, function calls…); see [`Response::items`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub output: Option<Vec<Item>>,
    /// Convenience concatenation of output text (often `""` from OpenRouter; use [`Response::text`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub output_text: Option<String>,
    /// Error, when `status` is `failed`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<ResponseError>,
    /// OpenRouter's typed error category (extension).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error_type: Option<String>,
    /// Why the response is incomplete.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub incomplete_details: Option<IncompleteDetails>,
    /// Token usage and cost.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub usage: Option<ResponsesUsage>,
    /// Echoed instructions (a string or items).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub instructions: Option<serde_json::Value>,
    /// Echoed metadata.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metadata: Option<Extra>,
    /// Echoed tools.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tools: Option<Vec<ResponsesTool>>,
    /// Echoed tool choice.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tool_choice: Option<ToolChoice>,
    /// Echoed `parallel_tool_calls`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parallel_tool_calls: Option<bool>,
    /// Echoed `max_output_tokens`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_output_tokens: Option<u64>,
    /// Echoed `max_tool_calls`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_tool_calls: Option<u64>,
    /// Echoed temperature.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub temperature: Option<f64>,
    /// Echoed top-p.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub top_p: Option<f64>,
    /// Echoed presence penalty.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub presence_penalty: Option<f64>,
    /// Echoed frequency penalty.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub frequency_penalty: Option<f64>,
    /// Echoed `top_logprobs`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub top_logprobs: Option<u64>,
    /// Echoed reasoning settings.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reasoning: Option<Reasoning>,
    /// Echoed text format.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<TextConfig>,
    /// Service tier applied (`auto`, `default`, `priority`…).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service_tier: Option<String>,
    /// Echoed truncation (`auto`, `disabled`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub truncation: Option<String>,
    /// Whether it ran in the background.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub background: Option<bool>,
    /// Always `false` on OpenRouter (stateless).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub store: Option<bool>,
    /// Always `null` on OpenRouter (stateless).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub previous_response_id: Option<String>,
    /// Echoed `safety_identifier`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub safety_identifier: Option<String>,
    /// Echoed `prompt_cache_key`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prompt_cache_key: Option<String>,
    /// Echoed prompt cache options.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prompt_cache_options: Option<serde_json::Value>,
    /// Echoed stored prompt template.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prompt: Option<serde_json::Value>,
    /// Echoed `user`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user: Option<String>,
    /// OpenRouter routing details (extension).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub openrouter_metadata: Option<serde_json::Value>,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

impl Response {
    /// The output items; empty when not sent.
    pub fn items(&self) -> &[Item] {
        self.output.as_deref().unwrap_or_default()
    }

    /// The text of all assistant messages in `output`, concatenated.
    pub fn text(&self) -> String {
        self.items()
            .iter()
            .filter_map(|item| match item {
                Item::Message(m) => Some(m.text()),
                _ => None,
            })
            .collect()
    }
}

open_enum! {
    /// Lifecycle status of a response.
    ///
    /// ```
    /// use openrouter_types::responses::ResponseStatus;
    /// assert_eq!(ResponseStatus::from("in_progress"), ResponseStatus::InProgress);
    /// ```
    pub enum ResponseStatus {
        /// Finished normally.
        Completed = "completed",
        /// Cut short (see `incomplete_details`).
        Incomplete = "incomplete",
        /// Still running.
        InProgress = "in_progress",
        /// Failed (see `error`).
        Failed = "failed",
        /// Cancelled.
        Cancelled = "cancelled",
        /// Waiting to start.
        Queued = "queued",
    }
}

/// `error` of a failed response.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ResponseError {
    /// Error code (`server_error`, `rate_limit_exceeded`…).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<serde_json::Value>,
    /// Human-readable message.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

/// `incomplete_details`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct IncompleteDetails {
    /// `max_output_tokens` or `content_filter`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

/// `usage` of a Responses API response (`input_tokens`/`output_tokens`, unlike chat).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ResponsesUsage {
    /// Prompt tokens.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub input_tokens: Option<u64>,
    /// Prompt token breakdown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub input_tokens_details: Option<InputTokensDetails>,
    /// Generated tokens, reasoning included.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub output_tokens: Option<u64>,
    /// Output token breakdown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub output_tokens_details: Option<OutputTokensDetails>,
    /// `input_tokens + output_tokens`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total_tokens: Option<u64>,
    /// USD charged.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cost: Option<f64>,
    /// Whether your own provider key was used.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_byok: Option<bool>,
    /// Upstream cost breakdown (`upstream_inference_input_cost`/`_output_cost` land in its `extra`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cost_details: Option<CostDetails>,
    /// Server tool counters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub server_tool_use_details: Option<ServerToolUseDetails>,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

/// `usage.input_tokens_details`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct InputTokensDetails {
    /// Tokens read from the prompt cache.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cached_tokens: Option<u64>,
    /// Tokens written to the prompt cache.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cache_write_tokens: Option<u64>,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

/// `usage.output_tokens_details`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct OutputTokensDetails {
    /// Reasoning tokens.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reasoning_tokens: Option<u64>,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}
