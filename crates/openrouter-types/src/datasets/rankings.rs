//! `GET /datasets/app-rankings` and `GET /datasets/rankings-daily`: apps and models ranked by tokens.

use serde::{Deserialize, Serialize};

use super::{DatasetVersion, push};
use crate::open_enum::open_enum;
use crate::{Extra, paging};

open_enum! {
    /// A marketplace category group of apps.
    pub enum AppCategory {
        /// `coding`.
        Coding = "coding",
        /// `creative`.
        Creative = "creative",
        /// `productivity`.
        Productivity = "productivity",
        /// `entertainment`.
        Entertainment = "entertainment",
    }
}

open_enum! {
    /// A marketplace subcategory of apps.
    pub enum AppSubcategory {
        /// `cli-agent`.
        CliAgent = "cli-agent",
        /// `ide-extension`.
        IdeExtension = "ide-extension",
        /// `cloud-agent`.
        CloudAgent = "cloud-agent",
        /// `programming-app`.
        ProgrammingApp = "programming-app",
        /// `native-app-builder`.
        NativeAppBuilder = "native-app-builder",
        /// `creative-writing`.
        CreativeWriting = "creative-writing",
        /// `video-gen`.
        VideoGen = "video-gen",
        /// `image-gen`.
        ImageGen = "image-gen",
        /// `audio-gen`.
        AudioGen = "audio-gen",
        /// `roleplay`.
        Roleplay = "roleplay",
        /// `game`.
        Game = "game",
        /// `writing-assistant`.
        WritingAssistant = "writing-assistant",
        /// `general-chat`.
        GeneralChat = "general-chat",
        /// `personal-agent`.
        PersonalAgent = "personal-agent",
        /// `legal`.
        Legal = "legal",
    }
}

open_enum! {
    /// How apps are ranked.
    pub enum AppRankingSort {
        /// By token volume in the window (the default).
        Popular = "popular",
        /// By growth over the three preceding periods; may return fewer rows.
        Trending = "trending",
    }
}

/// One app of `GET /datasets/app-rankings`. Fields in the spec's order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AppRanking {
    /// The app's numeric id.
    pub app_id: u64,
    /// Display name.
    pub app_name: String,
    /// 1-based position, absolute across pages (`offset=50` starts at 51).
    pub rank: u64,
    /// Requests in the window.
    pub total_requests: u64,
    /// Prompt plus completion tokens in the window, as a decimal string
    /// (see [`AppRanking::tokens`]).
    pub total_tokens: String,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

impl AppRanking {
    /// `total_tokens` as a number (`None` if it is not a decimal integer).
    pub fn tokens(&self) -> Option<u64> {
        self.total_tokens.parse().ok()
    }
}

/// The `meta` of app and daily rankings: the resolved date window.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct RankingsMeta {
    /// When the answer was generated (ISO 8601): the data's freshness.
    pub as_of: String,
    /// Last UTC day of the window (inclusive).
    pub end_date: String,
    /// First UTC day of the window (inclusive), after clamping to 2025-01-01.
    pub start_date: String,
    /// Dataset version.
    pub version: DatasetVersion,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

/// `GET /datasets/app-rankings` answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AppRankingsResponse {
    /// This page of apps, by rank.
    pub data: Vec<AppRanking>,
    /// The resolved window.
    pub meta: RankingsMeta,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

impl AppRankingsResponse {
    /// The `offset` of the next page, given the `offset` and `limit` this
    /// page was requested with (default limit
    /// [`AppRankingsQuery::DEFAULT_LIMIT`]); `None` after the last page.
    ///
    /// There is no total: a page shorter than `limit` is the last (`trending`
    /// may stop early), and the endpoint accepts no offset past
    /// [`AppRankingsQuery::MAX_OFFSET`].
    pub fn next_offset(&self, current_offset: u64, limit: u64) -> Option<u64> {
        paging::next_offset_by_limit(
            current_offset,
            self.data.len(),
            limit,
            AppRankingsQuery::MAX_OFFSET,
        )
    }
}

/// `GET /datasets/app-rankings` query.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct AppRankingsQuery {
    /// Only apps in this category group.
    pub category: Option<AppCategory>,
    /// Only apps in this subcategory (must belong to `category` if both are set).
    pub subcategory: Option<AppSubcategory>,
    /// Ranking (default `popular`).
    pub sort: Option<AppRankingSort>,
    /// First day, `YYYY-MM-DD` (default 30 days before `end_date`).
    pub start_date: Option<String>,
    /// Last day, `YYYY-MM-DD` (default the last completed UTC day).
    pub end_date: Option<String>,
    /// Page size, 1 to 100 (default 50).
    pub limit: Option<u64>,
    /// Apps to skip, 0 to 100 (default 0).
    pub offset: Option<u64>,
}

impl AppRankingsQuery {
    /// The page size when `limit` is not set.
    pub const DEFAULT_LIMIT: u64 = 50;
    /// The largest `offset` the endpoint accepts.
    pub const MAX_OFFSET: u64 = 100;

    /// No filter, the server's defaults.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets `category`.
    #[must_use]
    pub fn category(mut self, category: impl Into<AppCategory>) -> Self {
        self.category = Some(category.into());
        self
    }

    /// Sets `subcategory`.
    #[must_use]
    pub fn subcategory(mut self, subcategory: impl Into<AppSubcategory>) -> Self {
        self.subcategory = Some(subcategory.into());
        self
    }

    /// Sets `sort`.
    #[must_use]
    pub fn sort(mut self, sort: impl Into<AppRankingSort>) -> Self {
        self.sort = Some(sort.into());
        self
    }

    /// Sets `start_date` (`YYYY-MM-DD`).
    #[must_use]
    pub fn start_date(mut self, date: impl Into<String>) -> Self {
        self.start_date = Some(date.into());
        self
    }

    /// Sets `end_date` (`YYYY-MM-DD`).
    #[must_use]
    pub fn end_date(mut self, date: impl Into<String>) -> Self {
        self.end_date = Some(date.into());
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
        push(
            &mut out,
            "category",
            self.category.as_ref().map(AppCategory::as_str),
        );
        push(
            &mut out,
            "subcategory",
            self.subcategory.as_ref().map(AppSubcategory::as_str),
        );
        push(
            &mut out,
            "sort",
            self.sort.as_ref().map(AppRankingSort::as_str),
        );
        push(&mut out, "start_date", self.start_date.as_deref());
        push(&mut out, "end_date", self.end_date.as_deref());
        if let Some(limit) = self.limit {
            out.push(("limit", limit.to_string()));
        }
        if let Some(offset) = self.offset {
            out.push(("offset", offset.to_string()));
        }
        out
    }
}

open_enum! {
    /// The time grain of daily rankings.
    pub enum RankingPeriod {
        /// Per UTC day (the default; not with `category` or `language_type`).
        Day = "day",
        /// Per ISO week.
        Week = "week",
        /// Per month.
        Month = "month",
    }
}

open_enum! {
    /// A modality surface for daily rankings.
    pub enum RankingModality {
        /// Text output.
        Text = "text",
        /// Image input.
        Image = "image",
        /// Image output.
        ImageOutput = "image_output",
        /// Audio input.
        Audio = "audio",
        /// Rows that recorded a tool call.
        ToolCalling = "tool_calling",
    }
}

open_enum! {
    /// A request context-length bucket.
    pub enum ContextBucket {
        /// Up to 1K.
        OneK = "1K",
        /// Up to 10K.
        TenK = "10K",
        /// Up to 100K.
        HundredK = "100K",
        /// Up to 1M.
        OneM = "1M",
        /// Up to 10M.
        TenM = "10M",
    }
}

open_enum! {
    /// A use-case category of daily rankings (sampled, weekly estimates).
    pub enum UseCaseCategory {
        /// `programming`.
        Programming = "programming",
        /// `roleplay`.
        Roleplay = "roleplay",
        /// `marketing`.
        Marketing = "marketing",
        /// `marketing/seo`.
        MarketingSeo = "marketing/seo",
        /// `technology`.
        Technology = "technology",
        /// `science`.
        Science = "science",
        /// `translation`.
        Translation = "translation",
        /// `legal`.
        Legal = "legal",
        /// `finance`.
        Finance = "finance",
        /// `health`.
        Health = "health",
        /// `trivia`.
        Trivia = "trivia",
        /// `academia`.
        Academia = "academia",
    }
}

open_enum! {
    /// Natural- or programming-language activity.
    pub enum LanguageType {
        /// Natural language.
        Natural = "natural",
        /// Programming language.
        Programming = "programming",
    }
}

/// One row of `GET /datasets/rankings-daily`. Fields in the spec's order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct RankingsDailyItem {
    /// The day (or week/month start), `YYYY-MM-DD`.
    pub date: String,
    /// Model variant permaslug, or `other` for the sum outside the top 50.
    pub model_permaslug: String,
    /// Prompt plus completion tokens, as a decimal string (see [`RankingsDailyItem::tokens`]).
    pub total_tokens: String,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

impl RankingsDailyItem {
    /// `total_tokens` as a number (`None` if it is not a decimal integer).
    pub fn tokens(&self) -> Option<u64> {
        self.total_tokens.parse().ok()
    }

    /// Whether this is the day's aggregated `other` row.
    pub fn is_other(&self) -> bool {
        self.model_permaslug == "other"
    }
}

/// `GET /datasets/rankings-daily` answer: not paged, every row of the window
/// (up to 51 per day, by date then tokens, `other` last within its date).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct RankingsDailyResponse {
    /// The rows.
    pub data: Vec<RankingsDailyItem>,
    /// The resolved window.
    pub meta: RankingsMeta,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

/// `GET /datasets/rankings-daily` query. `modality`/`context_bucket` and
/// `category`/`language_type` read different datasets and do not combine.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct RankingsDailyQuery {
    /// First day, `YYYY-MM-DD` (default 30 days before `end_date`).
    pub start_date: Option<String>,
    /// Last day, `YYYY-MM-DD` (default the last completed UTC day).
    pub end_date: Option<String>,
    /// Time grain (default `day`).
    pub period: Option<RankingPeriod>,
    /// Only this modality surface.
    pub modality: Option<RankingModality>,
    /// Only this context-length bucket.
    pub context_bucket: Option<ContextBucket>,
    /// Only this use-case category.
    pub category: Option<UseCaseCategory>,
    /// Only natural- or programming-language activity.
    pub language_type: Option<LanguageType>,
}

impl RankingsDailyQuery {
    /// No filter, the server's defaults.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets `start_date` (`YYYY-MM-DD`).
    #[must_use]
    pub fn start_date(mut self, date: impl Into<String>) -> Self {
        self.start_date = Some(date.into());
        self
    }

    /// Sets `end_date` (`YYYY-MM-DD`).
    #[must_use]
    pub fn end_date(mut self, date: impl Into<String>) -> Self {
        self.end_date = Some(date.into());
        self
    }

    /// Sets `period`.
    #[must_use]
    pub fn period(mut self, period: impl Into<RankingPeriod>) -> Self {
        self.period = Some(period.into());
        self
    }

    /// Sets `modality`.
    #[must_use]
    pub fn modality(mut self, modality: impl Into<RankingModality>) -> Self {
        self.modality = Some(modality.into());
        self
    }

    /// Sets `context_bucket`.
    #[must_use]
    pub fn context_bucket(mut self, bucket: impl Into<ContextBucket>) -> Self {
        self.context_bucket = Some(bucket.into());
        self
    }

    /// Sets `category`.
    #[must_use]
    pub fn category(mut self, category: impl Into<UseCaseCategory>) -> Self {
        self.category = Some(category.into());
        self
    }

    /// Sets `language_type`.
    #[must_use]
    pub fn language_type(mut self, language: impl Into<LanguageType>) -> Self {
        self.language_type = Some(language.into());
        self
    }

    /// The query as `(name, value)` pairs, unset parameters left out.
    pub fn to_query_pairs(&self) -> Vec<(&'static str, String)> {
        let mut out = Vec::new();
        push(&mut out, "start_date", self.start_date.as_deref());
        push(&mut out, "end_date", self.end_date.as_deref());
        push(
            &mut out,
            "period",
            self.period.as_ref().map(RankingPeriod::as_str),
        );
        push(
            &mut out,
            "modality",
            self.modality.as_ref().map(RankingModality::as_str),
        );
        push(
            &mut out,
            "context_bucket",
            self.context_bucket.as_ref().map(ContextBucket::as_str),
        );
        push(
            &mut out,
            "category",
            self.category.as_ref().map(UseCaseCategory::as_str),
        );
        push(
            &mut out,
            "language_type",
            self.language_type.as_ref().map(LanguageType::as_str),
        );
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn app_rankings_stop_at_offset_100() {
        let rank = |n: u64| {
            serde_json::json!({"app_id": n, "app_name": "app", "rank": n + 1,
                               "total_requests": 1, "total_tokens": "1"})
        };
        let page = |start: u64, len: u64| -> AppRankingsResponse {
            serde_json::from_value(serde_json::json!({
                "data": (start..start + len).map(rank).collect::<Vec<_>>(),
                "meta": {"as_of": "2026-05-12T02:00:00Z", "end_date": "2026-05-11",
                         "start_date": "2026-04-12", "version": "v1"}}))
            .unwrap()
        };
        assert_eq!(page(0, 50).next_offset(0, 50), Some(50));
        assert_eq!(page(50, 50).next_offset(50, 50), Some(100));
        assert_eq!(page(100, 50).next_offset(100, 50), None);
        assert_eq!(page(0, 7).next_offset(0, 50), None);
    }
}
