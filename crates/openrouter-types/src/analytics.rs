//! Usage analytics (`GET /analytics/meta`, `POST /analytics/query`; management key).
//!
//! `GET /analytics/meta` answers [`Data`](crate::Data)`<`[`AnalyticsMeta`]`>`:
//! the metric, dimension, operator and granularity names a query may use.
//! `POST /analytics/query` takes an [`AnalyticsQuery`] and answers
//! [`Data`](crate::Data)`<`[`AnalyticsResult`]`>`, whose rows are plain JSON
//! objects keyed by the requested metrics and dimensions.
//!
//! ```
//! use openrouter_types::Data;
//! use openrouter_types::analytics::{AnalyticsQuery, AnalyticsResult, Granularity, TimeRange};
//! let query = AnalyticsQuery::new(["request_count"])
//!     .dimensions(["model"])
//!     .granularity(Granularity::Day)
//!     .time_range(TimeRange::new("2025-01-01T00:00:00Z", "2025-01-08T00:00:00Z"));
//! assert_eq!(
//!     serde_json::to_value(&query)?,
//!     serde_json::json!({"dimensions": ["model"], "granularity": "day",
//!                        "metrics": ["request_count"],
//!                        "time_range": {"end": "2025-01-08T00:00:00Z", "start": "2025-01-01T00:00:00Z"}})
//! );
//! let result: Data<AnalyticsResult> = serde_json::from_value(serde_json::json!({"data": {
//!     "data": [{"date__day": "2025-01-01T00:00:00.000Z", "request_count": 1500}],
//!     "metadata": {"query_time_ms": 42.5, "row_count": 1, "truncated": false}}}))?;
//! assert_eq!(result.data.data[0]["request_count"], 1500);
//! # Ok::<(), serde_json::Error>(())
//! ```

use serde::{Deserialize, Serialize};

use crate::Extra;
use crate::open_enum::open_enum;

/// `GET /analytics/meta` payload: what a query may name. Fields in the spec's order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AnalyticsMeta {
    /// Dimensions to group or filter by.
    pub dimensions: Vec<AnalyticsDimension>,
    /// Time buckets.
    pub granularities: Vec<GranularityInfo>,
    /// Metrics to request.
    pub metrics: Vec<AnalyticsMetric>,
    /// Filter operators.
    pub operators: Vec<OperatorInfo>,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

/// A dimension in [`AnalyticsMeta`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AnalyticsDimension {
    /// Human-readable label.
    pub display_label: String,
    /// Name to use in queries (`model`).
    pub name: String,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

/// A granularity in [`AnalyticsMeta`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct GranularityInfo {
    /// Human-readable label.
    pub display_label: String,
    /// Name to use in queries.
    pub name: Granularity,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

/// A metric in [`AnalyticsMeta`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AnalyticsMetric {
    /// How to display a value (percent: multiply by 100 and append `%`).
    pub display_format: DisplayFormat,
    /// Human-readable label.
    pub display_label: String,
    /// Whether it is a rate (averaged, not summed).
    pub is_rate: bool,
    /// Name to use in queries (`request_count`).
    pub name: String,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

/// A filter operator in [`AnalyticsMeta`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct OperatorInfo {
    /// Name to use in filters.
    pub name: FilterOperator,
    /// Whether it takes one value or an array.
    pub value_type: OperatorValueType,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

open_enum! {
    /// A time bucket for analytics rows.
    pub enum Granularity {
        /// One minute.
        Minute = "minute",
        /// One hour.
        Hour = "hour",
        /// One day.
        Day = "day",
        /// One week.
        Week = "week",
        /// One month.
        Month = "month",
    }
}

open_enum! {
    /// How a metric's value is meant to be displayed.
    pub enum DisplayFormat {
        /// A plain number.
        Number = "number",
        /// USD.
        Currency = "currency",
        /// A ratio: multiply by 100 and append `%`.
        Percent = "percent",
        /// A duration.
        Latency = "latency",
        /// A rate such as tokens per second.
        Throughput = "throughput",
    }
}

open_enum! {
    /// A filter operator.
    pub enum FilterOperator {
        /// Equal.
        Eq = "eq",
        /// Not equal.
        Neq = "neq",
        /// One of an array.
        In = "in",
        /// None of an array.
        NotIn = "not_in",
        /// Greater than.
        Gt = "gt",
        /// Greater than or equal.
        Gte = "gte",
        /// Less than.
        Lt = "lt",
        /// Less than or equal.
        Lte = "lte",
    }
}

open_enum! {
    /// Whether an operator takes one value or an array.
    pub enum OperatorValueType {
        /// One value.
        Scalar = "scalar",
        /// An array of values.
        Array = "array",
    }
}

open_enum! {
    /// Sort direction.
    pub enum SortDirection {
        /// Ascending.
        Asc = "asc",
        /// Descending.
        Desc = "desc",
    }
}

/// `POST /analytics/query` body. Field order is the spec's (alphabetical).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AnalyticsQuery {
    /// Group by a classifier's tags.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub classifier_dimensions: Option<ClassifierDimensions>,
    /// Keep only generations with these classifier tag values.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub classifier_filters: Option<ClassifierFilters>,
    /// Dimensions to group by (up to 2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dimensions: Option<Vec<String>>,
    /// Filters on dimensions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub filters: Option<Vec<AnalyticsFilter>>,
    /// Time bucket of each row.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub granularity: Option<Granularity>,
    /// Rows per combination of dimensions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group_limit: Option<u64>,
    /// Rows in all (default 1000).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<u64>,
    /// Metrics to compute (required).
    pub metrics: Vec<String>,
    /// Row order.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order_by: Option<OrderBy>,
    /// Time window.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_range: Option<TimeRange>,
    /// Fields this version does not model, sent as is.
    #[serde(flatten)]
    pub extra: Extra,
}

impl AnalyticsQuery {
    /// A query for `metrics` (names from [`AnalyticsMeta::metrics`]).
    pub fn new<S: Into<String>>(metrics: impl IntoIterator<Item = S>) -> Self {
        Self {
            classifier_dimensions: None,
            classifier_filters: None,
            dimensions: None,
            filters: None,
            granularity: None,
            group_limit: None,
            limit: None,
            metrics: metrics.into_iter().map(Into::into).collect(),
            order_by: None,
            time_range: None,
            extra: Extra::new(),
        }
    }

    /// Groups by a classifier's tags.
    #[must_use]
    pub fn classifier_dimensions(mut self, dimensions: ClassifierDimensions) -> Self {
        self.classifier_dimensions = Some(dimensions);
        self
    }

    /// Filters by classifier tag values.
    #[must_use]
    pub fn classifier_filters(mut self, filters: ClassifierFilters) -> Self {
        self.classifier_filters = Some(filters);
        self
    }

    /// Sets the dimensions to group by.
    #[must_use]
    pub fn dimensions<S: Into<String>>(mut self, dimensions: impl IntoIterator<Item = S>) -> Self {
        self.dimensions = Some(dimensions.into_iter().map(Into::into).collect());
        self
    }

    /// Adds a filter.
    #[must_use]
    pub fn filter(mut self, filter: AnalyticsFilter) -> Self {
        self.filters.get_or_insert_with(Vec::new).push(filter);
        self
    }

    /// Sets the granularity.
    #[must_use]
    pub fn granularity(mut self, granularity: impl Into<Granularity>) -> Self {
        self.granularity = Some(granularity.into());
        self
    }

    /// Sets `group_limit`.
    #[must_use]
    pub fn group_limit(mut self, group_limit: u64) -> Self {
        self.group_limit = Some(group_limit);
        self
    }

    /// Sets `limit`.
    #[must_use]
    pub fn limit(mut self, limit: u64) -> Self {
        self.limit = Some(limit);
        self
    }

    /// Sets the row order.
    #[must_use]
    pub fn order_by(
        mut self,
        field: impl Into<String>,
        direction: impl Into<SortDirection>,
    ) -> Self {
        self.order_by = Some(OrderBy::new(field, direction));
        self
    }

    /// Sets the time window.
    #[must_use]
    pub fn time_range(mut self, range: TimeRange) -> Self {
        self.time_range = Some(range);
        self
    }

    /// Adds a field this version does not model.
    #[must_use]
    pub fn extra_field(mut self, name: impl Into<String>, value: serde_json::Value) -> Self {
        self.extra.insert(name.into(), value);
        self
    }
}

/// A filter on a dimension.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AnalyticsFilter {
    /// Dimension to filter on (filters use ids, e.g. a key hash for `api_key_id`).
    pub field: String,
    /// With `in`/`not_in`: also keep rows where the dimension has no value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub include_unset: Option<bool>,
    /// Operator.
    pub operator: FilterOperator,
    /// A scalar, or an array for `in`/`not_in`.
    pub value: FilterValue,
    /// Fields this version does not model, sent as is.
    #[serde(flatten)]
    pub extra: Extra,
}

impl AnalyticsFilter {
    /// `field operator value`.
    pub fn new(
        field: impl Into<String>,
        operator: impl Into<FilterOperator>,
        value: impl Into<FilterValue>,
    ) -> Self {
        Self {
            field: field.into(),
            include_unset: None,
            operator: operator.into(),
            value: value.into(),
            extra: Extra::new(),
        }
    }

    /// Sets `include_unset`.
    #[must_use]
    pub fn include_unset(mut self, include: bool) -> Self {
        self.include_unset = Some(include);
        self
    }
}

/// A filter's value: a string, a number, or an array of them.
///
/// Numbers are kept as [`serde_json::Number`] so `5` stays `5` on the wire.
///
/// ```
/// use openrouter_types::analytics::FilterValue;
/// assert_eq!(serde_json::to_string(&FilterValue::from(5))?, "5");
/// assert_eq!(serde_json::to_string(&FilterValue::from(vec!["a", "b"]))?, r#"["a","b"]"#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
#[non_exhaustive]
pub enum FilterValue {
    /// A string.
    Text(String),
    /// A number.
    Number(serde_json::Number),
    /// An array, for `in` and `not_in`.
    List(Vec<FilterScalar>),
}

/// One element of a [`FilterValue::List`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
#[non_exhaustive]
pub enum FilterScalar {
    /// A string.
    Text(String),
    /// A number.
    Number(serde_json::Number),
}

impl From<&str> for FilterValue {
    fn from(text: &str) -> Self {
        Self::Text(text.to_owned())
    }
}

impl From<String> for FilterValue {
    fn from(text: String) -> Self {
        Self::Text(text)
    }
}

impl From<i64> for FilterValue {
    fn from(number: i64) -> Self {
        Self::Number(number.into())
    }
}

impl From<&str> for FilterScalar {
    fn from(text: &str) -> Self {
        Self::Text(text.to_owned())
    }
}

impl From<String> for FilterScalar {
    fn from(text: String) -> Self {
        Self::Text(text)
    }
}

impl From<i64> for FilterScalar {
    fn from(number: i64) -> Self {
        Self::Number(number.into())
    }
}

impl<S: Into<FilterScalar>> From<Vec<S>> for FilterValue {
    fn from(items: Vec<S>) -> Self {
        Self::List(items.into_iter().map(Into::into).collect())
    }
}

/// `classifier_dimensions`: group by a classifier's tags.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ClassifierDimensions {
    /// Classifier (UUID).
    pub classifier_id: String,
    /// Dimension names, each its own column; none: `clf_dimension_name`/`clf_dimension_value` rows.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dimension_names: Option<Vec<String>>,
    /// Also count generations without a tag from this classifier.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub include_nulls: Option<bool>,
    /// Fields this version does not model, sent as is.
    #[serde(flatten)]
    pub extra: Extra,
}

impl ClassifierDimensions {
    /// Group by `classifier_id`'s tags.
    pub fn new(classifier_id: impl Into<String>) -> Self {
        Self {
            classifier_id: classifier_id.into(),
            dimension_names: None,
            include_nulls: None,
            extra: Extra::new(),
        }
    }

    /// Sets `dimension_names`.
    #[must_use]
    pub fn dimension_names<S: Into<String>>(mut self, names: impl IntoIterator<Item = S>) -> Self {
        self.dimension_names = Some(names.into_iter().map(Into::into).collect());
        self
    }

    /// Sets `include_nulls`.
    #[must_use]
    pub fn include_nulls(mut self, include: bool) -> Self {
        self.include_nulls = Some(include);
        self
    }
}

/// `classifier_filters`: keep generations with these classifier tag values.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ClassifierFilters {
    /// Classifier (UUID); the same as in `classifier_dimensions` when both are set.
    pub classifier_id: String,
    /// Filters on its dimension names (`eq`, `neq`, `in`, `not_in` only).
    pub filters: Vec<AnalyticsFilter>,
    /// Fields this version does not model, sent as is.
    #[serde(flatten)]
    pub extra: Extra,
}

impl ClassifierFilters {
    /// `filters` on `classifier_id`'s tags.
    pub fn new(classifier_id: impl Into<String>, filters: Vec<AnalyticsFilter>) -> Self {
        Self {
            classifier_id: classifier_id.into(),
            filters,
            extra: Extra::new(),
        }
    }
}

/// `order_by`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct OrderBy {
    /// Direction.
    pub direction: SortDirection,
    /// A requested metric (or `request_count`), a requested dimension, or `date`.
    pub field: String,
    /// Fields this version does not model, sent as is.
    #[serde(flatten)]
    pub extra: Extra,
}

impl OrderBy {
    /// Order by `field` in `direction`.
    pub fn new(field: impl Into<String>, direction: impl Into<SortDirection>) -> Self {
        Self {
            direction: direction.into(),
            field: field.into(),
            extra: Extra::new(),
        }
    }
}

/// `time_range`: ISO 8601 date-times.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct TimeRange {
    /// End of the window.
    pub end: String,
    /// Start of the window.
    pub start: String,
    /// Fields this version does not model, sent as is.
    #[serde(flatten)]
    pub extra: Extra,
}

impl TimeRange {
    /// From `start` to `end`.
    pub fn new(start: impl Into<String>, end: impl Into<String>) -> Self {
        Self {
            end: end.into(),
            start: start.into(),
            extra: Extra::new(),
        }
    }
}

/// `POST /analytics/query` payload (inside [`Data`](crate::Data)).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AnalyticsResult {
    /// When a cached result was computed (the spec's `cachedAt`, a number).
    #[serde(rename = "cachedAt", default, skip_serializing_if = "Option::is_none")]
    pub cached_at: Option<f64>,
    /// Rows: one JSON object each, keyed by metric and dimension names
    /// (time buckets as `date__<granularity>`).
    pub data: Vec<Extra>,
    /// About the query.
    pub metadata: AnalyticsMetadata,
    /// Filter values that could not be resolved; the query still ran.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub warnings: Option<Vec<String>>,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

/// [`AnalyticsResult::metadata`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AnalyticsMetadata {
    /// Time the query took, in milliseconds.
    pub query_time_ms: f64,
    /// Rows returned.
    pub row_count: u64,
    /// Whether rows were cut by `limit` or `group_limit`.
    pub truncated: bool,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}
