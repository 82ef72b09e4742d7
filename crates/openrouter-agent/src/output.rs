//! What a run returns: the whole conversation, every step, the totals and why it stopped.

use std::time::Duration;

use openrouter_types::response::FinishReason;
use openrouter_types::{ChatCompletion, Message, ToolCall, Usage};

use crate::StopReason;
use crate::tool::ToolError;

/// The result of [`Agent::run`](crate::Agent::run) (and the last event of
/// [`Agent::stream`](crate::Agent::stream)).
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct RunOutput {
    /// The whole conversation: the caller's messages, then every assistant turn and tool result.
    pub messages: Vec<Message>,
    /// One record per model call.
    pub steps: Vec<StepRecord>,
    /// Steps, tokens, cost and time of the run.
    pub totals: Totals,
    /// Why the run stopped.
    pub stop: StopReason,
}

impl RunOutput {
    /// The last step's answer text, if it has one.
    pub fn text(&self) -> Option<&str> {
        self.steps.last()?.completion.text()
    }

    /// The last step's completion.
    pub fn last_completion(&self) -> Option<&ChatCompletion> {
        self.steps.last().map(|s| &s.completion)
    }
}

/// One step: a model call and the tools it asked for.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct StepRecord {
    /// 1-based.
    pub index: usize,
    /// The model's answer as received (its id, model, provider, usage).
    pub completion: ChatCompletion,
    /// The tool calls of the answer, in order.
    pub tool_calls: Vec<ToolCall>,
    /// The result of each tool call, in the same order.
    pub tool_results: Vec<ToolResult>,
    /// How long the step took (model call and tools).
    pub elapsed: Duration,
}

impl StepRecord {
    /// The step's usage, as reported.
    pub fn usage(&self) -> Option<&Usage> {
        self.completion.usage.as_ref()
    }

    /// The step's cost as OpenRouter reported it (`usage.cost`).
    pub fn cost(&self) -> Option<f64> {
        self.usage()?.cost
    }

    /// The step's finish reason.
    pub fn finish_reason(&self) -> Option<&FinishReason> {
        self.completion.finish_reason()
    }
}

/// The outcome of one tool call.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct ToolResult {
    /// The call's id (`""` when the provider sent none).
    pub call_id: String,
    /// The tool's name.
    pub name: String,
    /// The output text sent back, or the error (sent back as its message).
    pub output: Result<String, ToolError>,
    /// How long the tool ran.
    pub elapsed: Duration,
}

impl ToolResult {
    /// The text the model receives in the tool message.
    pub fn content(&self) -> String {
        match &self.output {
            Ok(text) => text.clone(),
            Err(error) => serde_json::json!({ "error": error.to_string() }).to_string(),
        }
    }
}

/// Running totals of a run.
#[derive(Debug, Clone, Default, PartialEq)]
#[non_exhaustive]
pub struct Totals {
    /// Model calls made.
    pub steps: usize,
    /// Prompt tokens, summed over steps.
    pub prompt_tokens: u64,
    /// Completion tokens, summed over steps.
    pub completion_tokens: u64,
    /// Cost in credits (USD), summed from each step's `usage.cost`; never estimated.
    pub cost: f64,
    /// Steps whose answer carried no `usage.cost` (their cost is not in `cost`).
    pub unpriced_steps: usize,
    /// Tool calls run.
    pub tool_calls: usize,
    /// Wall time since the run started.
    pub elapsed: Duration,
}

impl Totals {
    pub(crate) fn add_step(&mut self, completion: &ChatCompletion, tool_calls: usize) {
        self.steps += 1;
        self.tool_calls += tool_calls;
        match completion.usage.as_ref() {
            Some(usage) => {
                self.prompt_tokens += usage.prompt_tokens.unwrap_or(0);
                self.completion_tokens += usage.completion_tokens.unwrap_or(0);
                match usage.cost {
                    Some(cost) => self.cost += cost,
                    None => self.unpriced_steps += 1,
                }
            }
            None => self.unpriced_steps += 1,
        }
    }

    /// Prompt plus completion tokens.
    pub fn total_tokens(&self) -> u64 {
        self.prompt_tokens + self.completion_tokens
    }
}
