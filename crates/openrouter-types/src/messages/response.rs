//! The message object `POST /messages` answers (and `message_start` carries),
//! its usage, and the Anthropic-style error envelope of this route.

use std::fmt;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::content::{ContentBlock, ThinkingBlock, ToolUseBlock};
use super::request::MessageRole;
use crate::Extra;
use crate::error::ErrorType;
use crate::open_enum::open_enum;
use crate::providers::ProviderName;
use crate::usage::CostDetails;

/// The message object: the answer of `POST /messages`, also the snapshot in
/// `message_start` and what [`MessagesAccumulator`](super::MessagesAccumulator) builds.
///
/// Fields the spec marks required but nullable (`container`, `stop_reason`,
/// `stop_details`, `stop_sequence`) are `Option`s; like everywhere in this
/// crate, a `null` value and an absent key decode the same and `None` is
/// left out when encoding.
///
/// ```
/// use openrouter_types::messages::{MessagesResponse, StopReason};
/// let message: MessagesResponse = serde_json::from_str(r#"{
///     "id":"msg_01","type":"message","role":"assistant","container":null,
///     "content":[{"type":"thinking","thinking":"2+2 is 4.","signature":"EqQB"},
///                {"type":"text","text":"4","citations":null}],
///     "model":"anthropic/claude-sonnet-4.5","stop_reason":"end_turn","stop_details":null,
///     "stop_sequence":null,"usage":{"input_tokens":12,"output_tokens":8,"cost":0.000156}}"#)?;
/// assert_eq!(message.text(), "4");
/// assert_eq!(message.thinking(), "2+2 is 4.");
/// assert_eq!(message.stop_reason, Some(StopReason::EndTurn));
/// assert_eq!(message.usage.cost, Some(0.000156));
/// assert!(message.tool_uses().next().is_none());
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct MessagesResponse {
    /// Message id (`msg_…`).
    #[serde(default)]
    pub id: String,
    /// Always `message`.
    #[serde(rename = "type", default = "message_kind")]
    pub kind: String,
    /// Always `assistant`.
    #[serde(default = "assistant")]
    pub role: MessageRole,
    /// The code-execution container used, if any (`{id, expires_at}`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub container: Option<Value>,
    /// The answer's blocks, in order.
    #[serde(default)]
    pub content: Vec<ContentBlock>,
    /// The model that answered.
    #[serde(default)]
    pub model: String,
    /// Why generation stopped; `None` in `message_start`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stop_reason: Option<StopReason>,
    /// Details of a `refusal` stop (`{type, category, explanation}`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stop_details: Option<StopDetails>,
    /// Which of your `stop_sequences` was hit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stop_sequence: Option<String>,
    /// Token counts and (OpenRouter) cost.
    #[serde(default)]
    pub usage: MessagesUsage,
    /// The provider that served the request (OpenRouter extension).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provider: Option<ProviderName>,
    /// Routing diagnostics, sent with `X-OpenRouter-Metadata: enabled`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub openrouter_metadata: Option<Value>,
    /// Context-management edits that were applied (`{applied_edits: […]}`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub context_management: Option<Value>,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

fn message_kind() -> String {
    "message".to_owned()
}

fn assistant() -> MessageRole {
    MessageRole::Assistant
}

impl Default for MessagesResponse {
    /// An empty assistant message (`type: "message"`), as a stream starts.
    fn default() -> Self {
        Self {
            id: String::new(),
            kind: message_kind(),
            role: assistant(),
            container: None,
            content: Vec::new(),
            model: String::new(),
            stop_reason: None,
            stop_details: None,
            stop_sequence: None,
            usage: MessagesUsage::default(),
            provider: None,
            openrouter_metadata: None,
            context_management: None,
            extra: Extra::new(),
        }
    }
}

impl MessagesResponse {
    /// The text blocks, concatenated (`""` when there are none).
    pub fn text(&self) -> String {
        self.content
            .iter()
            .filter_map(ContentBlock::as_text)
            .collect()
    }

    /// The `tool_use` blocks (calls of your tools), in order.
    pub fn tool_uses(&self) -> impl Iterator<Item = &ToolUseBlock> {
        self.content.iter().filter_map(ContentBlock::as_tool_use)
    }

    /// The thinking blocks' text, concatenated (`""` when there is none).
    pub fn thinking(&self) -> String {
        self.content
            .iter()
            .filter_map(ContentBlock::as_thinking)
            .collect()
    }

    /// The `thinking` blocks themselves (with their signatures), in order.
    pub fn thinking_blocks(&self) -> impl Iterator<Item = &ThinkingBlock> {
        self.content.iter().filter_map(|block| match block {
            ContentBlock::Thinking(thinking) => Some(thinking),
            _ => None,
        })
    }
}

open_enum! {
    /// `stop_reason`: why the model stopped.
    pub enum StopReason {
        /// The model finished its turn.
        EndTurn = "end_turn",
        /// `max_tokens` was reached.
        MaxTokens = "max_tokens",
        /// The context window filled up.
        ModelContextWindowExceeded = "model_context_window_exceeded",
        /// One of `stop_sequences` was generated (see `stop_sequence`).
        StopSequence = "stop_sequence",
        /// The model wants tool results: answer every `tool_use`.
        ToolUse = "tool_use",
        /// A long server-tool turn was paused: send the message back to continue.
        PauseTurn = "pause_turn",
        /// The model refused (see `stop_details`).
        Refusal = "refusal",
        /// The context was compacted.
        Compaction = "compaction",
    }
}

/// `stop_details` of a refusal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct StopDetails {
    /// `refusal`.
    #[serde(rename = "type")]
    pub kind: String,
    /// `cyber`, `bio`, `frontier_llm`, `reasoning_extraction`, `general_harms`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    /// Why the request was refused.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub explanation: Option<String>,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

/// `usage` of a message (and of `message_delta`, whose counts are cumulative).
///
/// Every field is optional: `message_start` and `message_delta` each carry a
/// part, and [`MessagesUsage::merge`] combines them.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct MessagesUsage {
    /// Input tokens not read from or written to the cache.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub input_tokens: Option<u64>,
    /// Output tokens, thinking included.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub output_tokens: Option<u64>,
    /// `{thinking_tokens}`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub output_tokens_details: Option<OutputTokensDetails>,
    /// Input tokens written to the cache.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cache_creation_input_tokens: Option<u64>,
    /// Input tokens read from the cache.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cache_read_input_tokens: Option<u64>,
    /// Cache writes by TTL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cache_creation: Option<CacheCreation>,
    /// Where inference ran.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inference_geo: Option<String>,
    /// Server tool requests (web search, web fetch).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub server_tool_use: Option<ServerToolUsage>,
    /// `standard`, `priority` or `batch`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service_tier: Option<String>,
    /// Per-iteration usage (compaction, advisor turns).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub iterations: Option<Vec<Value>>,
    /// `fast` or `standard`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speed: Option<String>,
    /// What OpenRouter charged, in credits (USD) (OpenRouter extension).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cost: Option<f64>,
    /// Whether your own provider key was used (OpenRouter extension).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_byok: Option<bool>,
    /// What the upstream provider charged (OpenRouter extension).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cost_details: Option<CostDetails>,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

impl MessagesUsage {
    /// Overwrites every field `later` carries (`None` leaves a field as it is).
    ///
    /// This is how a stream's usage is assembled: `message_start` brings the
    /// input counts, `message_delta` the cumulative output counts.
    ///
    /// ```
    /// use openrouter_types::messages::MessagesUsage;
    /// let mut usage: MessagesUsage = serde_json::from_str(r#"{"input_tokens":472,"output_tokens":2}"#)?;
    /// usage.merge(&serde_json::from_str(r#"{"input_tokens":null,"output_tokens":89}"#)?);
    /// assert_eq!((usage.input_tokens, usage.output_tokens), (Some(472), Some(89)));
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn merge(&mut self, later: &MessagesUsage) {
        fn take<T: Clone>(slot: &mut Option<T>, later: &Option<T>) {
            if let Some(value) = later {
                *slot = Some(value.clone());
            }
        }
        take(&mut self.input_tokens, &later.input_tokens);
        take(&mut self.output_tokens, &later.output_tokens);
        take(
            &mut self.output_tokens_details,
            &later.output_tokens_details,
        );
        take(
            &mut self.cache_creation_input_tokens,
            &later.cache_creation_input_tokens,
        );
        take(
            &mut self.cache_read_input_tokens,
            &later.cache_read_input_tokens,
        );
        take(&mut self.cache_creation, &later.cache_creation);
        take(&mut self.inference_geo, &later.inference_geo);
        take(&mut self.server_tool_use, &later.server_tool_use);
        take(&mut self.service_tier, &later.service_tier);
        take(&mut self.iterations, &later.iterations);
        take(&mut self.speed, &later.speed);
        take(&mut self.cost, &later.cost);
        take(&mut self.is_byok, &later.is_byok);
        take(&mut self.cost_details, &later.cost_details);
        for (key, value) in &later.extra {
            if !value.is_null() {
                self.extra.insert(key.clone(), value.clone());
            }
        }
    }

    /// Every input token: uncached + cache writes + cache reads.
    pub fn total_input_tokens(&self) -> u64 {
        self.input_tokens.unwrap_or(0)
            + self.cache_creation_input_tokens.unwrap_or(0)
            + self.cache_read_input_tokens.unwrap_or(0)
    }
}

/// `usage.output_tokens_details`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct OutputTokensDetails {
    /// Output tokens spent thinking.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub thinking_tokens: Option<u64>,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

/// `usage.cache_creation`: cache writes by TTL.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CacheCreation {
    /// Tokens written with the 5-minute TTL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ephemeral_5m_input_tokens: Option<u64>,
    /// Tokens written with the 1-hour TTL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ephemeral_1h_input_tokens: Option<u64>,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

/// `usage.server_tool_use`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ServerToolUsage {
    /// Web searches run.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub web_search_requests: Option<u64>,
    /// Web fetches run.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub web_fetch_requests: Option<u64>,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

/// The body of a failing `POST /messages`: Anthropic's envelope
/// `{"type":"error","error":{type, message, error_type},"request_id":…}`.
///
/// It is not OpenRouter's usual `{"error":{code, message}}`, but it also
/// decodes as [`ErrorResponse`](crate::ErrorResponse) (the message is there;
/// `type` lands in `extra`), so a generic error path still works.
///
/// ```
/// use openrouter_types::messages::{MessagesErrorResponse, MessagesErrorType};
/// let body: MessagesErrorResponse = serde_json::from_str(
///     r#"{"type":"error","error":{"type":"rate_limit_error","message":"Rate limit exceeded",
///        "error_type":"rate_limit_exceeded"},"request_id":"gen-1"}"#,
/// )?;
/// assert_eq!(body.error.kind, MessagesErrorType::RateLimitError);
/// assert_eq!(body.error.to_string(), "rate_limit_error: Rate limit exceeded");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct MessagesErrorResponse {
    /// Always `error`.
    #[serde(rename = "type", default = "error_kind")]
    pub kind: String,
    /// The error.
    pub error: MessagesError,
    /// The request's id (`gen-…`), when one was assigned.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
    /// Extra details.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metadata: Option<Extra>,
    /// Routing diagnostics (guardrails, …), sent with `X-OpenRouter-Metadata: enabled`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub openrouter_metadata: Option<Value>,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

fn error_kind() -> String {
    "error".to_owned()
}

/// An error object `{type, message, error_type}`: in an error body and in a
/// stream's `error` event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct MessagesError {
    /// Anthropic's category (`overloaded_error`, `rate_limit_error`…).
    #[serde(rename = "type")]
    pub kind: MessagesErrorType,
    /// Human-readable message.
    #[serde(default)]
    pub message: String,
    /// OpenRouter's finer category (`provider_overloaded`, `rate_limit_exceeded`…).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error_type: Option<ErrorType>,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

impl MessagesError {
    /// An error of this category.
    pub fn new(kind: impl Into<MessagesErrorType>, message: impl Into<String>) -> Self {
        Self {
            kind: kind.into(),
            message: message.into(),
            error_type: None,
            extra: Extra::new(),
        }
    }
}

impl fmt::Display for MessagesError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.kind, self.message)
    }
}

open_enum! {
    /// `error.type`: Anthropic's error categories.
    pub enum MessagesErrorType {
        /// 400: the request is malformed.
        InvalidRequestError = "invalid_request_error",
        /// 401: bad or missing key.
        AuthenticationError = "authentication_error",
        /// 403: not allowed (guardrail, key kind).
        PermissionError = "permission_error",
        /// 404: unknown model or resource.
        NotFoundError = "not_found_error",
        /// 429: rate limited.
        RateLimitError = "rate_limit_error",
        /// 500: an unexpected error.
        ApiError = "api_error",
        /// 503/529: overloaded, retry later.
        OverloadedError = "overloaded_error",
        /// 402: out of credits.
        BillingError = "billing_error",
        /// 504: timed out.
        TimeoutError = "timeout_error",
    }
}
