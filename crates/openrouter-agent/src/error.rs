//! The agent's one error type: a step that failed, with the conversation it had reached.

use std::time::Duration;

use openrouter_types::Message;

use crate::Totals;

/// Why a run failed. Stop conditions are not errors: a run that stops early returns
/// [`RunOutput`](crate::RunOutput) with its [`StopReason`](crate::StopReason).
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A model call failed (HTTP error, mid-stream error, truncation…); the source is the
    /// client's error, with its `is_retryable()`, status and partial completion.
    #[error("agent step {} failed", .0.step)]
    Step(#[source] Box<StepFailure>),
    /// The agent was built wrong (two tools with one name…).
    #[error("invalid agent: {0}")]
    Config(String),
    /// An MCP server could not be reached, initialised or listed (feature `mcp`).
    #[error("{0}")]
    Mcp(String),
}

impl Error {
    /// The conversation up to the failed step (every completed step and its tool results);
    /// `None` for [`Error::Config`].
    pub fn conversation(&self) -> Option<&[Message]> {
        match self {
            Self::Step(failure) => Some(&failure.conversation),
            Self::Config(_) | Self::Mcp(_) => None,
        }
    }

    /// The client error behind a failed step.
    pub fn api_error(&self) -> Option<&openrouter_api::Error> {
        match self {
            Self::Step(failure) => Some(&failure.source),
            Self::Config(_) | Self::Mcp(_) => None,
        }
    }
}

/// A step whose model call failed, and what the run had done before it.
#[derive(Debug, thiserror::Error)]
#[error("{source}")]
#[non_exhaustive]
pub struct StepFailure {
    /// The 1-based number of the failed step.
    pub step: usize,
    /// The client's error.
    pub source: openrouter_api::Error,
    /// The conversation before the failed step: the caller's messages, then each completed
    /// step's assistant turn and tool results.
    pub conversation: Vec<Message>,
    /// Totals of the completed steps (the failed one's cost, if any, is unknown).
    pub totals: Totals,
    /// Time from the start of the run to the failure.
    pub elapsed: Duration,
}
