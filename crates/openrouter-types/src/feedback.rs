//! Feedback on a generation (`POST /generation/feedback`, management key).
//!
//! The answer is `{"data": {"success": true}}`: decode it as
//! [`Data<FeedbackReceipt>`](crate::Data).
//!
//! ```
//! use openrouter_types::Data;
//! use openrouter_types::feedback::{FeedbackCategory, FeedbackReceipt, FeedbackRequest};
//! let request = FeedbackRequest::new("gen-3bhGkxlo4XFrqiabUM7NDtwDzWwG", FeedbackCategory::Formatting)
//!     .comment("Markdown table came back as plain text.");
//! assert_eq!(
//!     serde_json::to_value(&request)?,
//!     serde_json::json!({"category": "formatting",
//!                        "comment": "Markdown table came back as plain text.",
//!                        "generation_id": "gen-3bhGkxlo4XFrqiabUM7NDtwDzWwG"})
//! );
//! let receipt: Data<FeedbackReceipt> = serde_json::from_str(r#"{"data":{"success":true}}"#)?;
//! assert!(receipt.data.success);
//! # Ok::<(), serde_json::Error>(())
//! ```

use serde::{Deserialize, Serialize};

use crate::open_enum::open_enum;
use crate::{Extra, GenerationId};

/// `POST /generation/feedback` body. Fields are in the spec's property order,
/// which is the order they go on the wire.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct FeedbackRequest {
    /// What kind of problem.
    pub category: FeedbackCategory,
    /// Free text (at most 1000 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
    /// The generation (one the authenticated user made).
    pub generation_id: GenerationId,
    /// Fields this version does not model, sent as is.
    #[serde(flatten)]
    pub extra: Extra,
}

impl FeedbackRequest {
    /// Feedback of `category` on `generation_id`.
    pub fn new(
        generation_id: impl Into<GenerationId>,
        category: impl Into<FeedbackCategory>,
    ) -> Self {
        Self {
            category: category.into(),
            comment: None,
            generation_id: generation_id.into(),
            extra: Extra::new(),
        }
    }

    /// Sets `comment`.
    #[must_use]
    pub fn comment(mut self, comment: impl Into<String>) -> Self {
        self.comment = Some(comment.into());
        self
    }

    /// Adds a field this version does not model.
    #[must_use]
    pub fn extra_field(mut self, name: impl Into<String>, value: serde_json::Value) -> Self {
        self.extra.insert(name.into(), value);
        self
    }
}

open_enum! {
    /// `category` of generation feedback.
    pub enum FeedbackCategory {
        /// Too slow.
        Latency = "latency",
        /// Incoherent output.
        Incoherence = "incoherence",
        /// Wrong answer.
        IncorrectResponse = "incorrect_response",
        /// Badly formatted output.
        Formatting = "formatting",
        /// A billing problem.
        Billing = "billing",
        /// An API error.
        ApiError = "api_error",
        /// Anything else.
        OtherIssue = "other",
    }
}

/// The payload of the feedback answer (inside [`Data`](crate::Data)).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct FeedbackReceipt {
    /// `true`: the feedback was recorded.
    pub success: bool,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}
