//! Model benchmark scores from several sources (`GET /benchmarks`; any API key).
//!
//! Each item's shape depends on its `source` (and, for OpenRouter's own
//! evals, on whether it is a search benchmark): [`BenchmarkItem`] picks the
//! shape and keeps items of a source it does not know whole. Not paged;
//! `max_results` caps the answer.
//!
//! ```
//! use openrouter_types::benchmarks::{BenchmarkItem, BenchmarkSource, BenchmarksQuery, BenchmarksResponse};
//! let query = BenchmarksQuery::new().source(BenchmarkSource::ArtificialAnalysis).max_results(10);
//! assert_eq!(
//!     query.to_query_pairs(),
//!     vec![("source", "artificial-analysis".to_owned()), ("max_results", "10".to_owned())]
//! );
//! let body: BenchmarksResponse = serde_json::from_value(serde_json::json!({
//!     "data": [{"agentic_index": 58.3, "coding_index": 65.8, "display_name": "GPT-4o",
//!               "intelligence_index": 71.2, "model_permaslug": "openai/gpt-4o",
//!               "pricing": null, "source": "artificial-analysis"}],
//!     "meta": {"as_of": "2026-06-03T12:00:00Z", "citation": null, "model_count": 1,
//!              "source": null, "source_url": null, "task_type": null, "version": "v1"}}))?;
//! let BenchmarkItem::ArtificialAnalysis(item) = &body.data[0] else { panic!() };
//! assert_eq!(item.coding_index, Some(65.8));
//! assert_eq!(body.data[0].model_permaslug(), Some("openai/gpt-4o"));
//! # Ok::<(), serde_json::Error>(())
//! ```

use serde::{Deserialize, Deserializer, Serialize};
use serde_json::Value;

use crate::Extra;
use crate::datasets::DatasetVersion;
use crate::open_enum::open_enum;

open_enum! {
    /// Where a benchmark score comes from.
    pub enum BenchmarkSource {
        /// Artificial Analysis indexes.
        ArtificialAnalysis = "artificial-analysis",
        /// Design Arena head-to-head rankings.
        DesignArena = "design-arena",
        /// OpenRouter's own evals (tau-bench, GPQA, search).
        OpenRouter = "openrouter",
    }
}

open_enum! {
    /// A workload to find models for.
    pub enum BenchmarkTaskType {
        /// Coding.
        Coding = "coding",
        /// General intelligence.
        Intelligence = "intelligence",
        /// Agentic tasks.
        Agentic = "agentic",
        /// Web search (OpenRouter search benchmarks only).
        Search = "search",
    }
}

open_enum! {
    /// One of OpenRouter's own benchmarks.
    pub enum BenchmarkType {
        /// GPQA Diamond.
        GpqaDiamond = "gpqa_diamond",
        /// tau-bench verified, airline.
        TauBenchVerifiedAirline = "tau_bench_verified_airline",
        /// BrowseComp (search).
        SearchBrowsecomp = "search_browsecomp",
        /// Humanity's Last Exam (search).
        SearchHle = "search_hle",
        /// DSQA (search).
        SearchDsqa = "search_dsqa",
        /// WideSearch (search).
        SearchWidesearch = "search_widesearch",
    }
}

open_enum! {
    /// The request surface a search benchmark ran on.
    pub enum SearchSurface {
        /// The web-search server tool.
        ServerTool = "server-tool",
        /// The web plugin.
        Plugin = "plugin",
    }
}

open_enum! {
    /// A Design Arena arena.
    pub enum DesignArena {
        /// `models` (the default).
        Models = "models",
        /// `builders`.
        Builders = "builders",
        /// `agents`.
        Agents = "agents",
    }
}

open_enum! {
    /// What a search benchmark's `primary_score` measures.
    pub enum PrimaryMetric {
        /// Strict accuracy.
        Accuracy = "accuracy",
        /// Item-weighted F1 (WideSearch).
        F1ByItem = "f1_by_item",
    }
}

/// `GET /benchmarks` answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct BenchmarksResponse {
    /// Scores, one shape per source.
    pub data: Vec<BenchmarkItem>,
    /// About the answer.
    pub meta: BenchmarksMeta,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

/// `GET /benchmarks` `meta`. Fields in the spec's order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct BenchmarksMeta {
    /// When the data was last updated (ISO 8601).
    pub as_of: String,
    /// Attribution to use when republishing; `None` (`null`) when items span
    /// sources (attribute each by its `source`).
    #[serde(default)]
    pub citation: Option<String>,
    /// Distinct models in the answer.
    pub model_count: u64,
    /// The `source` filter applied; `None` (`null`): every source.
    #[serde(default)]
    pub source: Option<BenchmarkSource>,
    /// Upstream data URL; `None` (`null`) when items span sources.
    #[serde(default)]
    pub source_url: Option<String>,
    /// The `task_type` filter applied; `None` (`null`): all.
    #[serde(default)]
    pub task_type: Option<BenchmarkTaskType>,
    /// Dataset version.
    pub version: DatasetVersion,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

/// One benchmark score; the shape follows `source` (and `benchmark_type`).
///
/// An item from a source this version does not know is kept whole in
/// [`BenchmarkItem::Other`].
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
#[non_exhaustive]
pub enum BenchmarkItem {
    /// `source: artificial-analysis`.
    ArtificialAnalysis(ArtificialAnalysisScore),
    /// `source: design-arena`.
    DesignArena(DesignArenaScore),
    /// `source: openrouter`, a classic eval (GPQA, tau-bench).
    OpenRouter(OpenRouterScore),
    /// `source: openrouter`, a search eval (`search_*`).
    Search(SearchScore),
    /// Any other source, kept verbatim.
    Other(Value),
}

impl BenchmarkItem {
    /// The model's permaslug, whatever the shape.
    pub fn model_permaslug(&self) -> Option<&str> {
        match self {
            Self::ArtificialAnalysis(item) => Some(&item.model_permaslug),
            Self::DesignArena(item) => Some(&item.model_permaslug),
            Self::OpenRouter(item) => Some(&item.model_permaslug),
            Self::Search(item) => Some(&item.model_permaslug),
            Self::Other(value) => value.get("model_permaslug").and_then(Value::as_str),
        }
    }

    /// The model's display name, whatever the shape.
    pub fn display_name(&self) -> Option<&str> {
        match self {
            Self::ArtificialAnalysis(item) => Some(&item.display_name),
            Self::DesignArena(item) => Some(&item.display_name),
            Self::OpenRouter(item) => Some(&item.display_name),
            Self::Search(item) => Some(&item.display_name),
            Self::Other(value) => value.get("display_name").and_then(Value::as_str),
        }
    }
}

impl<'de> Deserialize<'de> for BenchmarkItem {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        use serde::de::Error as _;
        let value = Value::deserialize(deserializer)?;
        let source = value.get("source").and_then(Value::as_str);
        let is_search = value.get("primary_metric").is_some()
            || value
                .get("benchmark_type")
                .and_then(Value::as_str)
                .is_some_and(|kind| kind.starts_with("search_"));
        let item = match source {
            Some("artificial-analysis") => {
                serde_json::from_value(value).map(Self::ArtificialAnalysis)
            }
            Some("design-arena") => serde_json::from_value(value).map(Self::DesignArena),
            Some("openrouter") if is_search => serde_json::from_value(value).map(Self::Search),
            Some("openrouter") => serde_json::from_value(value).map(Self::OpenRouter),
            _ => Ok(Self::Other(value)),
        };
        item.map_err(D::Error::custom)
    }
}

/// Per-token USD prices of a model, as decimal strings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct BenchmarkPricing {
    /// Per output token.
    pub completion: String,
    /// Per input token.
    pub prompt: String,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

/// An Artificial Analysis score. Fields in the spec's order; higher is better.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ArtificialAnalysisScore {
    /// Agentic Index.
    #[serde(default)]
    pub agentic_index: Option<f64>,
    /// Coding Index.
    #[serde(default)]
    pub coding_index: Option<f64>,
    /// Model name on Artificial Analysis.
    pub display_name: String,
    /// Intelligence Index.
    #[serde(default)]
    pub intelligence_index: Option<f64>,
    /// OpenRouter model id.
    pub model_permaslug: String,
    /// OpenRouter prices; `None` (`null`) when unknown.
    #[serde(default)]
    pub pricing: Option<BenchmarkPricing>,
    /// `artificial-analysis`.
    pub source: BenchmarkSource,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

/// A Design Arena ranking. Fields in the spec's order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct DesignArenaScore {
    /// Arena.
    pub arena: DesignArena,
    /// Average generation time, milliseconds.
    #[serde(default)]
    pub avg_generation_time_ms: Option<f64>,
    /// Category within the arena (`uicomponent`, `gamedev`…).
    pub category: String,
    /// Model name on Design Arena.
    pub display_name: String,
    /// ELO rating.
    pub elo: f64,
    /// OpenRouter model id when mapped, else Design Arena's id.
    pub model_permaslug: String,
    /// OpenRouter prices; `None` (`null`) when unknown.
    #[serde(default)]
    pub pricing: Option<BenchmarkPricing>,
    /// `design-arena`.
    pub source: BenchmarkSource,
    /// Tournament placements.
    pub tournament_stats: TournamentStats,
    /// Win rate, percent (0 to 100).
    pub win_rate: f64,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

/// Placement counts from Design Arena tournaments (each may be `null`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct TournamentStats {
    /// First places.
    #[serde(default)]
    pub first_place: Option<u64>,
    /// Fourth places.
    #[serde(default)]
    pub fourth_place: Option<u64>,
    /// Second places.
    #[serde(default)]
    pub second_place: Option<u64>,
    /// Third places.
    #[serde(default)]
    pub third_place: Option<u64>,
    /// Tournaments.
    #[serde(default)]
    pub total: Option<u64>,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

/// A score from OpenRouter's classic evals. Fields in the spec's order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct OpenRouterScore {
    /// Accuracy from 0 to 1.
    pub accuracy: f64,
    /// Standard deviation across runs; `None` (`null`) for a single run.
    #[serde(default)]
    pub accuracy_stddev: Option<f64>,
    /// Average USD per task, when known.
    #[serde(default)]
    pub avg_cost_per_task: Option<f64>,
    /// Which eval.
    pub benchmark_type: BenchmarkType,
    /// Model name.
    pub display_name: String,
    /// Most recent public run.
    pub last_run_timestamp: String,
    /// OpenRouter model id.
    pub model_permaslug: String,
    /// `openrouter`.
    pub source: BenchmarkSource,
    /// Tasks across runs.
    pub total_tasks: u64,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

/// A score from OpenRouter's search evals (the best eligible configuration).
/// Fields in the spec's order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct SearchScore {
    /// Average USD per task, when known.
    #[serde(default)]
    pub avg_cost_per_task: Option<f64>,
    /// Average latency per task in milliseconds, when known.
    #[serde(default)]
    pub avg_latency_per_task_ms: Option<f64>,
    /// Which search eval.
    pub benchmark_type: BenchmarkType,
    /// Model name.
    pub display_name: String,
    /// Newest qualifying run.
    pub last_run_timestamp: String,
    /// OpenRouter model id.
    pub model_permaslug: String,
    /// What `primary_score` measures.
    pub primary_metric: PrimaryMetric,
    /// Headline score from 0 to 1.
    pub primary_score: f64,
    /// The published configuration; only with `include_run_config=true`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub run_config: Option<SearchRunConfig>,
    /// Search engine used.
    pub search_engine: String,
    /// Request surface used.
    pub search_surface: SearchSurface,
    /// `openrouter`.
    pub source: BenchmarkSource,
    /// Tasks evaluated.
    pub total_tasks: u64,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

/// A search eval's published configuration.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct SearchRunConfig {
    /// Agent turns; `None` (`null`) for plugin runs.
    #[serde(default)]
    pub max_agent_turns: Option<u64>,
    /// Reasoning effort; `None` (`null`) when not set.
    #[serde(default)]
    pub reasoning_effort: Option<String>,
    /// Temperature; `None` (`null`) when not set.
    #[serde(default)]
    pub temperature: Option<f64>,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

/// `GET /benchmarks` query.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct BenchmarksQuery {
    /// Only this source (sets the items' shape).
    pub source: Option<BenchmarkSource>,
    /// Only this workload.
    pub task_type: Option<BenchmarkTaskType>,
    /// Only this OpenRouter eval.
    pub benchmark_type: Option<BenchmarkType>,
    /// Search evals: include each item's `run_config` (default false).
    pub include_run_config: Option<bool>,
    /// Search evals: only this search engine.
    pub search_engine: Option<String>,
    /// Search evals: only this surface.
    pub search_surface: Option<SearchSurface>,
    /// Design Arena: arena (default `models`).
    pub arena: Option<DesignArena>,
    /// Design Arena: category within the arena.
    pub category: Option<String>,
    /// At most this many items (default: all).
    pub max_results: Option<u64>,
}

impl BenchmarksQuery {
    /// Every source, every item.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets `source`.
    #[must_use]
    pub fn source(mut self, source: impl Into<BenchmarkSource>) -> Self {
        self.source = Some(source.into());
        self
    }

    /// Sets `task_type`.
    #[must_use]
    pub fn task_type(mut self, task_type: impl Into<BenchmarkTaskType>) -> Self {
        self.task_type = Some(task_type.into());
        self
    }

    /// Sets `benchmark_type`.
    #[must_use]
    pub fn benchmark_type(mut self, benchmark_type: impl Into<BenchmarkType>) -> Self {
        self.benchmark_type = Some(benchmark_type.into());
        self
    }

    /// Sets `include_run_config`.
    #[must_use]
    pub fn include_run_config(mut self, include: bool) -> Self {
        self.include_run_config = Some(include);
        self
    }

    /// Sets `search_engine`.
    #[must_use]
    pub fn search_engine(mut self, engine: impl Into<String>) -> Self {
        self.search_engine = Some(engine.into());
        self
    }

    /// Sets `search_surface`.
    #[must_use]
    pub fn search_surface(mut self, surface: impl Into<SearchSurface>) -> Self {
        self.search_surface = Some(surface.into());
        self
    }

    /// Sets `arena`.
    #[must_use]
    pub fn arena(mut self, arena: impl Into<DesignArena>) -> Self {
        self.arena = Some(arena.into());
        self
    }

    /// Sets `category`.
    #[must_use]
    pub fn category(mut self, category: impl Into<String>) -> Self {
        self.category = Some(category.into());
        self
    }

    /// Sets `max_results`.
    #[must_use]
    pub fn max_results(mut self, max: u64) -> Self {
        self.max_results = Some(max);
        self
    }

    /// The query as `(name, value)` pairs, unset parameters left out.
    pub fn to_query_pairs(&self) -> Vec<(&'static str, String)> {
        let mut out = Vec::new();
        let mut push = |name: &'static str, value: Option<&str>| {
            if let Some(value) = value {
                out.push((name, value.to_owned()));
            }
        };
        push("source", self.source.as_ref().map(BenchmarkSource::as_str));
        push(
            "task_type",
            self.task_type.as_ref().map(BenchmarkTaskType::as_str),
        );
        push(
            "benchmark_type",
            self.benchmark_type.as_ref().map(BenchmarkType::as_str),
        );
        let include = self.include_run_config.map(|b| b.to_string());
        push("include_run_config", include.as_deref());
        push("search_engine", self.search_engine.as_deref());
        push(
            "search_surface",
            self.search_surface.as_ref().map(SearchSurface::as_str),
        );
        push("arena", self.arena.as_ref().map(DesignArena::as_str));
        push("category", self.category.as_deref());
        let max = self.max_results.map(|n| n.to_string());
        push("max_results", max.as_deref());
        out
    }
}
