//! Market share of OpenRouter traffic by task (`GET /classifications/task`).
//!
//! Shares are fractions (0-1) of classified, sampled requests and tokens over
//! a trailing window; the unclassified `other` bucket is left out. Quote as
//! "Source: OpenRouter (openrouter.ai/rankings), as of {as_of}". The answer is
//! `{"data": …}`: decode it as [`Data<TaskClassifications>`](crate::Data).
//!
//! ```
//! use openrouter_types::Data;
//! use openrouter_types::classifications::{
//!     ClassificationWindow, TaskClassifications, TaskClassificationsQuery,
//! };
//! let query = TaskClassificationsQuery::new().window(ClassificationWindow::SevenDays);
//! assert_eq!(query.to_query_pairs(), vec![("window", "7d".to_owned())]);
//! let body: Data<TaskClassifications> = serde_json::from_value(serde_json::json!({"data": {
//!     "as_of": "2026-06-17",
//!     "classifications": [{"category_token_share": 0.48, "category_usage_share": 0.51,
//!         "display_name": "Code Generation", "macro_category": "code",
//!         "models": [{"id": "openai/gpt-4.1-mini", "tag_token_share": 0.75,
//!                     "tag_usage_share": 0.55}],
//!         "tag": "code:general_impl", "token_share": 0.31, "usage_share": 0.23}],
//!     "macro_categories": [{"key": "code", "label": "Code", "token_share": 0.52,
//!                           "usage_share": 0.45}],
//!     "window_days": 7}}))?;
//! let top = &body.data.classifications[0];
//! assert_eq!(top.models[0].id, "openai/gpt-4.1-mini");
//! # Ok::<(), serde_json::Error>(())
//! ```

use serde::{Deserialize, Serialize};

use crate::Extra;
use crate::open_enum::open_enum;

/// `GET /classifications/task` query.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct TaskClassificationsQuery {
    /// Trailing window (server default `7d`, the only value today).
    pub window: Option<ClassificationWindow>,
}

impl TaskClassificationsQuery {
    /// The server's defaults.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets `window`.
    #[must_use]
    pub fn window(mut self, window: impl Into<ClassificationWindow>) -> Self {
        self.window = Some(window.into());
        self
    }

    /// The query as `(name, value)` pairs, unset parameters left out.
    pub fn to_query_pairs(&self) -> Vec<(&'static str, String)> {
        self.window
            .iter()
            .map(|window| ("window", window.as_str().to_owned()))
            .collect()
    }
}

open_enum! {
    /// Trailing window of the classification data (`window`).
    pub enum ClassificationWindow {
        /// The trailing 7 days.
        SevenDays = "7d",
    }
}

/// `GET /classifications/task`'s payload (inside [`Data`](crate::Data)).
/// Fields are in the spec's property order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct TaskClassifications {
    /// UTC date (`YYYY-MM-DD`) the window ends on (yesterday).
    pub as_of: String,
    /// Per-task shares, by `usage_share` descending.
    pub classifications: Vec<TaskClassification>,
    /// Shares per macro-category (code, data, agent, general).
    pub macro_categories: Vec<MacroCategoryShare>,
    /// Days the window covers.
    pub window_days: u32,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

/// The shares of one task classification.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct TaskClassification {
    /// Share of its macro-category's tokens.
    pub category_token_share: f64,
    /// Share of its macro-category's requests.
    pub category_usage_share: f64,
    /// Human-readable label, e.g. `Code Generation`.
    pub display_name: String,
    /// Its macro-category (the tag's prefix).
    pub macro_category: MacroCategory,
    /// Top models by requests within this classification.
    pub models: Vec<ClassificationModel>,
    /// Tag, e.g. `code:general_impl`, `agent:web_search`.
    pub tag: String,
    /// Share of all classified tokens.
    pub token_share: f64,
    /// Share of all classified requests.
    pub usage_share: f64,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

/// A model's share within one classification.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ClassificationModel {
    /// Model permaslug.
    pub id: String,
    /// Its share of the classification's tokens.
    pub tag_token_share: f64,
    /// Its share of the classification's requests.
    pub tag_usage_share: f64,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

/// The shares of one macro-category.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct MacroCategoryShare {
    /// Which macro-category.
    pub key: MacroCategory,
    /// Human-readable label, e.g. `Code`.
    pub label: String,
    /// Combined token share.
    pub token_share: f64,
    /// Combined request share.
    pub usage_share: f64,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

open_enum! {
    /// A coarse group of task classifications.
    pub enum MacroCategory {
        /// Programming.
        Code = "code",
        /// Data work.
        Data = "data",
        /// Agentic use.
        Agent = "agent",
        /// Everything else.
        General = "general",
    }
}
