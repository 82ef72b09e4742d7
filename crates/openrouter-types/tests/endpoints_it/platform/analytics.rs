//! `GET /analytics/meta`, `POST /analytics/query`.

use openrouter_types::Data;
use openrouter_types::analytics::{
    AnalyticsFilter, AnalyticsMeta, AnalyticsQuery, AnalyticsResult, DisplayFormat, FilterOperator,
    Granularity, SortDirection, TimeRange,
};

use super::{exchange, keeps_unknown_field, keeps_unknown_value, request, response};

#[test]
fn meta_round_trips() {
    let meta: Data<AnalyticsMeta> = response("analytics/meta");
    assert_eq!(meta.data.metrics[1].display_format, DisplayFormat::Currency);
    assert!(meta.data.metrics[2].is_rate);
    assert_eq!(meta.data.operators[1].name, FilterOperator::In);
}

#[test]
fn query_round_trips_and_the_builder_writes_the_same_body() {
    let query: AnalyticsQuery = request("analytics/query");
    let built = AnalyticsQuery::new(["request_count"])
        .dimensions(["model"])
        .filter(AnalyticsFilter::new(
            "provider",
            FilterOperator::In,
            vec!["openai", "anthropic"],
        ))
        .granularity(Granularity::Day)
        .limit(100)
        .order_by("date", SortDirection::Desc)
        .time_range(TimeRange::new(
            "2025-01-01T00:00:00Z",
            "2025-01-08T00:00:00Z",
        ));
    assert_eq!(built, query);
    assert_eq!(
        serde_json::to_string(&built).unwrap(),
        serde_json::to_string(&exchange("analytics/query")["request"]["body"]).unwrap()
    );
    let result: Data<AnalyticsResult> = response("analytics/query");
    assert_eq!(result.data.metadata.row_count, 3);
    assert_eq!(result.data.data[0]["request_count"], 1620);
}

#[test]
fn numeric_filter_values_keep_their_spelling() {
    let filter = AnalyticsFilter::new("api_key_id", "eq", 42);
    assert_eq!(
        serde_json::to_string(&filter).unwrap(),
        r#"{"field":"api_key_id","operator":"eq","value":42}"#
    );
}

#[test]
fn unknown_fields_and_values_survive() {
    let meta = &exchange("analytics/meta")["response"]["body"];
    keeps_unknown_field::<Data<AnalyticsMeta>>("analytics/meta", meta, "/data");
    keeps_unknown_field::<Data<AnalyticsMeta>>("analytics/meta", meta, "/data/metrics/0");
    let meta: Data<AnalyticsMeta> =
        keeps_unknown_value("analytics/meta", meta, "/data/metrics/0/display_format");
    assert!(meta.data.metrics[0].display_format.is_unknown());
    let result = &exchange("analytics/query")["response"]["body"];
    keeps_unknown_field::<Data<AnalyticsResult>>("analytics/query", result, "/data/metadata");
    keeps_unknown_field::<Data<AnalyticsResult>>("analytics/query", result, "/data");
}
