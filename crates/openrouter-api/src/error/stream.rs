//! Errors that end a generation after it started: in-band errors and streams cut short.

use std::error::Error as StdError;
use std::fmt;

use openrouter_types::messages::MessagesResponse;
use openrouter_types::response::ChatCompletion;

use super::ApiError;

/// The generation failed after it started.
///
/// For a stream this is an error event after the 200 status was sent (the
/// status can no longer change, so OpenRouter reports the error in the
/// stream); for a non-streaming call, a choice that ended with
/// `finish_reason: "error"` in a 200 body. What was generated before the
/// failure is in [`partial`](Self::partial).
#[derive(Debug)]
pub struct MidStreamError {
    pub(crate) error: ApiError,
    pub(crate) partial: Option<ChatCompletion>,
    pub(crate) partial_message: Option<Box<MessagesResponse>>,
}

impl MidStreamError {
    /// The in-band error: code, message, provider, typed `error_type`.
    /// Its [`status`](ApiError::status) is the error's `code`.
    pub fn error(&self) -> &ApiError {
        &self.error
    }

    /// What was generated before the error (chat completions only).
    pub fn partial(&self) -> Option<&ChatCompletion> {
        self.partial.as_ref()
    }

    /// Takes the partial completion.
    pub fn into_partial(self) -> Option<ChatCompletion> {
        self.partial
    }

    /// What a Messages stream assembled before the error.
    pub fn partial_message(&self) -> Option<&MessagesResponse> {
        self.partial_message.as_deref()
    }

    /// The generation id (from the stream's chunks or the response header).
    pub fn generation_id(&self) -> Option<&str> {
        self.partial
            .as_ref()
            .map(|c| c.id.as_str())
            .filter(|id| !id.is_empty())
            .or_else(|| self.error.generation_id())
    }

    /// Whether a new request may succeed: the in-band code is transient.
    pub fn is_retryable(&self) -> bool {
        self.error.is_retryable()
    }
}

impl fmt::Display for MidStreamError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "the generation failed after it started: {}", self.error)
    }
}

impl StdError for MidStreamError {}

/// Why a stream is considered cut short.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum TruncationReason {
    /// The body ended without `data: [DONE]` and before any finish reason.
    EndOfBody,
    /// The connection broke while the stream was being read.
    ConnectionLost,
    /// No bytes arrived within the idle timeout, or the total deadline passed.
    Timeout(crate::TimeoutKind),
}

/// A stream ended before it finished.
#[derive(Debug)]
pub struct TruncatedStreamError {
    pub(crate) reason: TruncationReason,
    pub(crate) partial: Option<ChatCompletion>,
    pub(crate) partial_message: Option<Box<MessagesResponse>>,
    pub(crate) discarded_partial_event: bool,
    pub(crate) generation_id: Option<String>,
    pub(crate) source: Option<Box<dyn StdError + Send + Sync>>,
}

impl TruncatedStreamError {
    /// What ended the stream.
    pub fn reason(&self) -> TruncationReason {
        self.reason
    }

    /// What was received before the cut (chat completions only).
    pub fn partial(&self) -> Option<&ChatCompletion> {
        self.partial.as_ref()
    }

    /// Takes the partial completion.
    pub fn into_partial(self) -> Option<ChatCompletion> {
        self.partial
    }

    /// What a Messages stream assembled before the cut.
    pub fn partial_message(&self) -> Option<&MessagesResponse> {
        self.partial_message.as_deref()
    }

    /// Whether bytes of an unfinished event were thrown away at the cut.
    pub fn discarded_partial_event(&self) -> bool {
        self.discarded_partial_event
    }

    /// The generation id, when a chunk or the header carried it.
    pub fn generation_id(&self) -> Option<&str> {
        self.generation_id.as_deref()
    }
}

impl fmt::Display for TruncatedStreamError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.reason {
            TruncationReason::EndOfBody => f.write_str(
                "the stream ended before the model finished (no [DONE] and no finish_reason)",
            )?,
            TruncationReason::ConnectionLost => {
                f.write_str("the connection broke while the stream was being read")?;
            }
            TruncationReason::Timeout(crate::TimeoutKind::Total) => {
                f.write_str("the stream exceeded the call's total deadline (Timeouts::total)")?;
            }
            TruncationReason::Timeout(_) => f.write_str(
                "the stream went silent for longer than the idle timeout (Timeouts::idle)",
            )?,
        }
        f.write_str(": the partial output is kept in the error; send the request again for a complete answer")
    }
}

impl StdError for TruncatedStreamError {
    fn source(&self) -> Option<&(dyn StdError + 'static)> {
        self.source.as_deref().map(|e| e as _)
    }
}
