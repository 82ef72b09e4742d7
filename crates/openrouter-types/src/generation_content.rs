//! The stored prompt and completion of one generation
//! (`GET /generation/content?id=`), with the error when it failed.
//!
//! The answer is `{"data": …}`: decode it as
//! [`Data<GenerationContent>`](crate::Data). Keys the spec requires but lets
//! be `null` are `Option`s that are always sent back (as `null` when `None`).
//!
//! ```
//! use openrouter_types::Data;
//! use openrouter_types::generation_content::{GenerationContent, GenerationContentQuery};
//! let query = GenerationContentQuery::new("gen-1764115200-q7LmX2vR9sTnB4wYc8Ke");
//! assert_eq!(query.to_query_pairs(),
//!            vec![("id", "gen-1764115200-q7LmX2vR9sTnB4wYc8Ke".to_owned())]);
//! let body: Data<GenerationContent> = serde_json::from_value(serde_json::json!({"data": {
//!     "error": null,
//!     "input": {"messages": [{"content": "What is 2+2?", "role": "user"}]},
//!     "output": {"completion": "4", "reasoning": null}}}))?;
//! assert_eq!(body.data.output.completion.as_deref(), Some("4"));
//! assert_eq!(body.data.input.messages().map(<[_]>::len), Some(1));
//! assert!(body.data.error.is_none());
//! # Ok::<(), serde_json::Error>(())
//! ```

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::{Extra, GenerationId};

/// `GET /generation/content` query.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct GenerationContentQuery {
    /// The generation id (required).
    pub id: GenerationId,
}

impl GenerationContentQuery {
    /// The content of generation `id`.
    pub fn new(id: impl Into<GenerationId>) -> Self {
        Self { id: id.into() }
    }

    /// The query as `(name, value)` pairs.
    pub fn to_query_pairs(&self) -> Vec<(&'static str, String)> {
        vec![("id", self.id.as_str().to_owned())]
    }
}

/// `GET /generation/content`'s payload (inside [`Data`](crate::Data)).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct GenerationContent {
    /// The failure, or `None` (`null`) when the generation succeeded.
    #[serde(default)]
    pub error: Option<GenerationContentError>,
    /// What was sent: a prompt or messages.
    pub input: GenerationInput,
    /// What came back.
    pub output: GenerationOutput,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

/// `input` of a stored generation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
#[non_exhaustive]
pub enum GenerationInput {
    /// A completions-style prompt.
    Prompt {
        /// The prompt.
        prompt: String,
        /// Fields this version does not model.
        #[serde(flatten)]
        extra: Extra,
    },
    /// Chat messages, stored as sent (any shape the API accepted).
    Messages {
        /// The messages.
        messages: Vec<Value>,
        /// Fields this version does not model.
        #[serde(flatten)]
        extra: Extra,
    },
    /// A shape this version does not model.
    Other(Value),
}

impl GenerationInput {
    /// The prompt, for a prompt input.
    pub fn prompt(&self) -> Option<&str> {
        match self {
            Self::Prompt { prompt, .. } => Some(prompt),
            _ => None,
        }
    }

    /// The messages, for a chat input.
    pub fn messages(&self) -> Option<&[Value]> {
        match self {
            Self::Messages { messages, .. } => Some(messages),
            _ => None,
        }
    }
}

/// `output` of a stored generation; both keys are always sent.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct GenerationOutput {
    /// The completion text.
    #[serde(default)]
    pub completion: Option<String>,
    /// Reasoning text, if any.
    #[serde(default)]
    pub reasoning: Option<String>,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

/// The error a failed generation returned, with the attempts before it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct GenerationContentError {
    /// The message returned to the client.
    #[serde(default)]
    pub message: Option<String>,
    /// Every failed upstream attempt before it, in order.
    #[serde(default)]
    pub previous_errors: Vec<FailedAttempt>,
    /// Provider whose error was returned, when known.
    #[serde(default)]
    pub provider_name: Option<String>,
    /// The raw error body behind it, when stored.
    #[serde(default)]
    pub raw: Option<String>,
    /// HTTP status returned to the client.
    #[serde(default)]
    pub status: Option<u16>,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

/// One failed upstream attempt of a generation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct FailedAttempt {
    /// HTTP status of the attempt.
    pub code: u16,
    /// Its error message.
    pub message: String,
    /// Provider that served it, when known.
    #[serde(default)]
    pub provider_name: Option<String>,
    /// The provider's raw error body, when stored.
    #[serde(default)]
    pub raw: Option<String>,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}
