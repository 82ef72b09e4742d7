//! Daily usage by model and endpoint over the last 30 UTC days (`GET /activity`; management key).
//!
//! The answer is [`Data`](crate::Data)`<Vec<`[`ActivityItem`]`>>`, not paged:
//! one request returns every row of the window.
//!
//! ```
//! use openrouter_types::Data;
//! use openrouter_types::activity::{ActivityItem, ActivityQuery};
//! let query = ActivityQuery::new().date("2025-08-24").group_by_workspace();
//! assert_eq!(
//!     query.to_query_pairs(),
//!     vec![("date", "2025-08-24".to_owned()), ("group_by", "workspace".to_owned())]
//! );
//! let body: Data<Vec<ActivityItem>> = serde_json::from_value(serde_json::json!({"data": [{
//!     "byok_usage_inference": 0.012, "completion_tokens": 125, "date": "2025-08-24",
//!     "endpoint_id": "550e8400-e29b-41d4-a716-446655440000", "model": "openai/gpt-4.1",
//!     "model_permaslug": "openai/gpt-4.1-2025-04-14", "prompt_tokens": 50,
//!     "provider_name": "OpenAI", "reasoning_tokens": 25, "requests": 5, "usage": 0.015}]}))?;
//! assert_eq!(body.data[0].requests, 5);
//! # Ok::<(), serde_json::Error>(())
//! ```

use serde::{Deserialize, Serialize};

use crate::open_enum::open_enum;
use crate::providers::ProviderName;
use crate::{Extra, ModelId};

/// One row of `GET /activity`: a day's usage of one model endpoint. Fields
/// in the spec's order; amounts are USD.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ActivityItem {
    /// BYOK inference cost (spent on your own provider keys).
    pub byok_usage_inference: f64,
    /// Completion tokens generated.
    pub completion_tokens: u64,
    /// The UTC day (`YYYY-MM-DD`).
    pub date: String,
    /// Endpoint that served the requests.
    pub endpoint_id: String,
    /// Model slug (`openai/gpt-4.1`).
    pub model: ModelId,
    /// Model permaslug (`openai/gpt-4.1-2025-04-14`).
    pub model_permaslug: String,
    /// Prompt tokens used.
    pub prompt_tokens: u64,
    /// Provider serving the endpoint (display name).
    pub provider_name: ProviderName,
    /// Reasoning tokens used.
    pub reasoning_tokens: u64,
    /// Requests made.
    pub requests: u64,
    /// OpenRouter credits spent.
    pub usage: f64,
    /// Workspace the row belongs to; sent only with `group_by=workspace`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub workspace_id: Option<String>,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

open_enum! {
    /// How `GET /activity` splits its rows beyond date, model and endpoint.
    pub enum ActivityGroupBy {
        /// One row per workspace, each with `workspace_id`.
        Workspace = "workspace",
    }
}

/// `GET /activity` query: filters over the last 30 completed UTC days.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct ActivityQuery {
    /// Only this UTC day (`YYYY-MM-DD`, within the last 30 days).
    pub date: Option<String>,
    /// Only this API key (its hash, as the keys API returns it).
    pub api_key_hash: Option<String>,
    /// Only this organization member.
    pub user_id: Option<String>,
    /// Split rows further (`workspace`).
    pub group_by: Option<ActivityGroupBy>,
    /// Only activity attributed to this workspace.
    pub workspace_id: Option<String>,
}

impl ActivityQuery {
    /// No filter: every row of the window.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets `date` (`YYYY-MM-DD`, UTC).
    #[must_use]
    pub fn date(mut self, date: impl Into<String>) -> Self {
        self.date = Some(date.into());
        self
    }

    /// Sets `api_key_hash`.
    #[must_use]
    pub fn api_key_hash(mut self, hash: impl Into<String>) -> Self {
        self.api_key_hash = Some(hash.into());
        self
    }

    /// Sets `user_id`.
    #[must_use]
    pub fn user_id(mut self, user_id: impl Into<String>) -> Self {
        self.user_id = Some(user_id.into());
        self
    }

    /// Sets `group_by`.
    #[must_use]
    pub fn group_by(mut self, group_by: impl Into<ActivityGroupBy>) -> Self {
        self.group_by = Some(group_by.into());
        self
    }

    /// Sets `group_by=workspace`.
    #[must_use]
    pub fn group_by_workspace(self) -> Self {
        self.group_by(ActivityGroupBy::Workspace)
    }

    /// Sets `workspace_id`.
    #[must_use]
    pub fn workspace_id(mut self, workspace_id: impl Into<String>) -> Self {
        self.workspace_id = Some(workspace_id.into());
        self
    }

    /// The query as `(name, value)` pairs, unset parameters left out.
    pub fn to_query_pairs(&self) -> Vec<(&'static str, String)> {
        let mut out = Vec::new();
        if let Some(date) = &self.date {
            out.push(("date", date.clone()));
        }
        if let Some(hash) = &self.api_key_hash {
            out.push(("api_key_hash", hash.clone()));
        }
        if let Some(user) = &self.user_id {
            out.push(("user_id", user.clone()));
        }
        if let Some(group_by) = &self.group_by {
            out.push(("group_by", group_by.as_str().to_owned()));
        }
        if let Some(workspace) = &self.workspace_id {
            out.push(("workspace_id", workspace.clone()));
        }
        out
    }
}
