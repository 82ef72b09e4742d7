//! Workspace budgets (`/workspaces/{id}/budgets` and `…/budgets/{interval}`):
//! one spending limit per interval, lifetime included.
//!
//! `GET …/budgets` answers [`WorkspaceBudgets`] (not paged); `GET` and `PUT
//! …/budgets/{interval}` answer [`WorkspaceBudgetResponse`]; `DELETE` answers
//! [`Deleted`](crate::management::Deleted) (also when there was no budget).
//!
//! ```
//! use openrouter_types::workspaces::budgets::{BudgetInterval, UpsertBudgetRequest, WorkspaceBudgets};
//! assert_eq!(BudgetInterval::Lifetime.as_str(), "lifetime"); // the `{interval}` path segment
//! let request = UpsertBudgetRequest::new(100.0).include_byok_in_budgets(true);
//! assert_eq!(
//!     serde_json::to_value(&request)?,
//!     serde_json::json!({"include_byok_in_budgets": true, "limit_usd": 100.0})
//! );
//! let budgets: WorkspaceBudgets = serde_json::from_value(serde_json::json!({
//!     "data": [{"created_at": "2025-11-26T01:00:00Z", "id": "0c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f",
//!               "limit_usd": 500, "reset_interval": null, "updated_at": "2025-11-26T01:00:00Z",
//!               "workspace_id": "6b8f2d1e-4a3c-4f9b-9e7d-1c2b3a4d5e6f"}],
//!     "include_byok_in_budgets": false}))?;
//! assert_eq!(budgets.data[0].interval(), BudgetInterval::Lifetime);
//! # Ok::<(), serde_json::Error>(())
//! ```

use serde::{Deserialize, Serialize};

use crate::Extra;
use crate::key::LimitReset;
use crate::open_enum::open_enum;

open_enum! {
    /// The `{interval}` of `/workspaces/{id}/budgets/{interval}`.
    pub enum BudgetInterval {
        /// Resets every day.
        Daily = "daily",
        /// Resets every week.
        Weekly = "weekly",
        /// Resets every month.
        Monthly = "monthly",
        /// Never resets: a one-time budget.
        Lifetime = "lifetime",
    }
}

/// A workspace's spending limit for one interval. Limits must strictly
/// decrease as the interval narrows (lifetime > monthly > weekly > daily).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct WorkspaceBudget {
    /// Creation time (ISO 8601).
    pub created_at: String,
    /// Identifier (UUID).
    pub id: String,
    /// Spending limit in USD for the interval.
    pub limit_usd: f64,
    /// When spend resets; `None` for the lifetime budget (see [`Self::interval`]).
    pub reset_interval: Option<LimitReset>,
    /// Last update time (ISO 8601).
    pub updated_at: String,
    /// The workspace.
    pub workspace_id: String,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

impl WorkspaceBudget {
    /// The interval this budget is addressed by in the path.
    pub fn interval(&self) -> BudgetInterval {
        match &self.reset_interval {
            None => BudgetInterval::Lifetime,
            Some(reset) => BudgetInterval::from(reset.as_str()),
        }
    }
}

/// A budget answer: the budget(s) and the workspace-wide BYOK setting.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct BudgetData<T> {
    /// The budget, or every budget of the workspace.
    pub data: T,
    /// Whether BYOK spend counts toward every budget of the workspace.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub include_byok_in_budgets: Option<bool>,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

/// `GET /workspaces/{id}/budgets` answer: every budget, not paged.
pub type WorkspaceBudgets = BudgetData<Vec<WorkspaceBudget>>;

/// `GET` and `PUT /workspaces/{id}/budgets/{interval}` answer.
pub type WorkspaceBudgetResponse = BudgetData<WorkspaceBudget>;

/// `PUT /workspaces/{id}/budgets/{interval}` body: creates or replaces the
/// budget of that interval.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct UpsertBudgetRequest {
    /// Whether BYOK spend counts; applies to every interval of the workspace,
    /// not only this one. Unset leaves it unchanged.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub include_byok_in_budgets: Option<bool>,
    /// Spending limit in USD, greater than 0.
    pub limit_usd: f64,
    /// Fields this version does not model, sent as is.
    #[serde(flatten)]
    pub extra: Extra,
}

impl UpsertBudgetRequest {
    /// A budget of `limit_usd`.
    pub fn new(limit_usd: f64) -> Self {
        Self {
            include_byok_in_budgets: None,
            limit_usd,
            extra: Extra::new(),
        }
    }

    /// Sets whether BYOK spend counts (workspace-wide).
    #[must_use]
    pub fn include_byok_in_budgets(mut self, include: bool) -> Self {
        self.include_byok_in_budgets = Some(include);
        self
    }
}
