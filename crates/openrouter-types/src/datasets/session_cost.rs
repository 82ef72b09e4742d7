//! `GET /datasets/session-cost`: median cost per session, by harness, model and turn range.

use serde::{Deserialize, Serialize};

use super::{DatasetVersion, push};
use crate::open_enum::open_enum;
use crate::{Extra, paging};

open_enum! {
    /// How many turns a session had (inclusive ranges).
    pub enum TurnRange {
        /// One turn.
        OneTurn = "1-turn",
        /// 2 to 9 turns.
        TwoToNine = "2-9-turns",
        /// 10 to 49 turns.
        TenToFortyNine = "10-49-turns",
        /// 50 turns or more.
        FiftyPlus = "50-plus-turns",
    }
}

/// One cell of `GET /datasets/session-cost`: the median cost of a session
/// for one harness, model and turn range. Fields in the spec's order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct SessionCostItem {
    /// Harness display name.
    pub app_name: String,
    /// Harness slug.
    pub app_slug: String,
    /// Median USD spend per sampled session.
    pub median_session_cost_usd: f64,
    /// Model permaslug.
    pub model_permaslug: String,
    /// Session length bucket.
    pub turn_range: TurnRange,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

/// `GET /datasets/session-cost` `meta`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct SessionCostMeta {
    /// When the answer was generated (ISO 8601).
    pub as_of: String,
    /// Dataset version.
    pub version: DatasetVersion,
    /// Days in the weekly sample window; `None` (`null`) when no snapshot is published.
    #[serde(default)]
    pub window_days: Option<u64>,
    /// Last UTC day of the window; `None` (`null`) when no snapshot is published.
    #[serde(default)]
    pub window_end_date: Option<String>,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

/// `GET /datasets/session-cost` answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct SessionCostResponse {
    /// This page of cells.
    pub data: Vec<SessionCostItem>,
    /// Snapshot window.
    pub meta: SessionCostMeta,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

impl SessionCostResponse {
    /// The `offset` of the next page, given the `offset` and `limit` this
    /// page was requested with (default limit
    /// [`SessionCostQuery::DEFAULT_LIMIT`]); `None` after the last page.
    ///
    /// There is no total: a page shorter than `limit` is the last, and the
    /// endpoint accepts no offset past [`SessionCostQuery::MAX_OFFSET`].
    pub fn next_offset(&self, current_offset: u64, limit: u64) -> Option<u64> {
        paging::next_offset_by_limit(
            current_offset,
            self.data.len(),
            limit,
            SessionCostQuery::MAX_OFFSET,
        )
    }
}

/// `GET /datasets/session-cost` query.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct SessionCostQuery {
    /// Only this harness.
    pub app_slug: Option<String>,
    /// Only this model permaslug (across harnesses).
    pub model: Option<String>,
    /// Only this session length.
    pub turn_range: Option<TurnRange>,
    /// Page size, 1 to 500 (default 100).
    pub limit: Option<u64>,
    /// Cells to skip, 0 to 5000 (default 0).
    pub offset: Option<u64>,
}

impl SessionCostQuery {
    /// The page size when `limit` is not set.
    pub const DEFAULT_LIMIT: u64 = 100;
    /// The largest `offset` the endpoint accepts.
    pub const MAX_OFFSET: u64 = 5000;

    /// No filter, the server's paging defaults.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets `app_slug`.
    #[must_use]
    pub fn app_slug(mut self, slug: impl Into<String>) -> Self {
        self.app_slug = Some(slug.into());
        self
    }

    /// Sets `model`.
    #[must_use]
    pub fn model(mut self, permaslug: impl Into<String>) -> Self {
        self.model = Some(permaslug.into());
        self
    }

    /// Sets `turn_range`.
    #[must_use]
    pub fn turn_range(mut self, range: impl Into<TurnRange>) -> Self {
        self.turn_range = Some(range.into());
        self
    }

    /// Sets `limit`.
    #[must_use]
    pub fn limit(mut self, limit: u64) -> Self {
        self.limit = Some(limit);
        self
    }

    /// Sets `offset`.
    #[must_use]
    pub fn offset(mut self, offset: u64) -> Self {
        self.offset = Some(offset);
        self
    }

    /// The query as `(name, value)` pairs, unset parameters left out.
    pub fn to_query_pairs(&self) -> Vec<(&'static str, String)> {
        let mut out = Vec::new();
        push(&mut out, "app_slug", self.app_slug.as_deref());
        push(&mut out, "model", self.model.as_deref());
        push(
            &mut out,
            "turn_range",
            self.turn_range.as_ref().map(TurnRange::as_str),
        );
        if let Some(limit) = self.limit {
            out.push(("limit", limit.to_string()));
        }
        if let Some(offset) = self.offset {
            out.push(("offset", offset.to_string()));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn session_page(len: usize) -> SessionCostResponse {
        let item = serde_json::json!({"app_name": "Cline", "app_slug": "cline",
            "median_session_cost_usd": 0.42, "model_permaslug": "openai/gpt-4o",
            "turn_range": "1-turn"});
        serde_json::from_value(serde_json::json!({
            "data": vec![item; len],
            "meta": {"as_of": "2026-05-12T02:00:00.000Z", "version": "v1",
                     "window_days": 30, "window_end_date": "2026-05-11"}}))
        .unwrap()
    }

    #[test]
    fn session_cost_pages_until_a_short_page_or_the_offset_cap() {
        assert_eq!(session_page(100).next_offset(0, 100), Some(100));
        assert_eq!(session_page(40).next_offset(100, 100), None);
        assert_eq!(session_page(500).next_offset(4500, 500), Some(5000));
        assert_eq!(session_page(500).next_offset(5000, 500), None);
    }
}
