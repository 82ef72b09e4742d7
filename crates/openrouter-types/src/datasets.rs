//! OpenRouter's public datasets (`GET /datasets/session-cost`, `/datasets/app-rankings`,
//! `/datasets/rankings-daily`; any API key, CC BY 4.0).
//!
//! Session cost and app rankings page by `offset`/`limit` with no total: a
//! page shorter than the `limit` asked for is the last (see
//! [`SessionCostResponse::next_offset`]). Daily rankings are a date window,
//! not paged.
//!
//! ```
//! use openrouter_types::datasets::{RankingPeriod, RankingsDailyQuery, RankingsDailyResponse};
//! let query = RankingsDailyQuery::new().start_date("2026-04-12").period(RankingPeriod::Week);
//! assert_eq!(
//!     query.to_query_pairs(),
//!     vec![("start_date", "2026-04-12".to_owned()), ("period", "week".to_owned())]
//! );
//! let body: RankingsDailyResponse = serde_json::from_value(serde_json::json!({
//!     "data": [{"date": "2026-05-11", "model_permaslug": "other", "total_tokens": "4321098"}],
//!     "meta": {"as_of": "2026-05-12T02:00:00Z", "end_date": "2026-05-11",
//!              "start_date": "2026-04-12", "version": "v1"}}))?;
//! assert!(body.data[0].is_other());
//! assert_eq!(body.data[0].tokens(), Some(4_321_098));
//! # Ok::<(), serde_json::Error>(())
//! ```

mod rankings;
mod session_cost;

pub use rankings::{
    AppCategory, AppRanking, AppRankingSort, AppRankingsQuery, AppRankingsResponse, AppSubcategory,
    ContextBucket, LanguageType, RankingModality, RankingPeriod, RankingsDailyItem,
    RankingsDailyQuery, RankingsDailyResponse, RankingsMeta, UseCaseCategory,
};
pub use session_cost::{
    SessionCostItem, SessionCostMeta, SessionCostQuery, SessionCostResponse, TurnRange,
};

use crate::open_enum::open_enum;

open_enum! {
    /// A dataset's version; field names and grain are stable within one.
    pub enum DatasetVersion {
        /// `v1`.
        V1 = "v1",
    }
}

// Appends `name=value` when the value is set.
fn push(out: &mut Vec<(&'static str, String)>, name: &'static str, value: Option<&str>) {
    if let Some(value) = value {
        out.push((name, value.to_owned()));
    }
}
