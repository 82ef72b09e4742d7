//! `GET /benchmarks`.

use openrouter_types::benchmarks::{
    BenchmarkItem, BenchmarkType, BenchmarksResponse, PrimaryMetric,
};

use super::{exchange, keeps_unknown_field, response, round_trip};

#[test]
fn every_item_shape_round_trips_into_its_variant() {
    let body: BenchmarksResponse = response("benchmarks/list");
    assert!(matches!(body.data[0], BenchmarkItem::ArtificialAnalysis(_)));
    let BenchmarkItem::DesignArena(arena) = &body.data[1] else {
        panic!("{:?}", body.data[1]);
    };
    assert_eq!(arena.tournament_stats.third_place, None);
    let BenchmarkItem::OpenRouter(eval) = &body.data[2] else {
        panic!("{:?}", body.data[2]);
    };
    assert_eq!(eval.benchmark_type, BenchmarkType::GpqaDiamond);
    let BenchmarkItem::Search(search) = &body.data[3] else {
        panic!("{:?}", body.data[3]);
    };
    assert_eq!(search.primary_metric, PrimaryMetric::Accuracy);
    assert!(
        body.data
            .iter()
            .all(|item| item.model_permaslug() == Some("openai/gpt-4o"))
    );
    assert_eq!(body.meta.source, None);
}

#[test]
fn an_unknown_source_is_kept_whole_and_unknown_fields_survive() {
    let body = &exchange("benchmarks/list")["response"]["body"];
    let mut changed = body.clone();
    changed["data"][0]["source"] = "brand-new-source".into();
    let typed: BenchmarksResponse = round_trip("benchmarks/list, new source", &changed);
    assert!(matches!(typed.data[0], BenchmarkItem::Other(_)));
    assert_eq!(typed.data[0].display_name(), Some("GPT-4o"));
    for item in 0..4 {
        keeps_unknown_field::<BenchmarksResponse>(
            "benchmarks/list",
            body,
            &format!("/data/{item}"),
        );
    }
    keeps_unknown_field::<BenchmarksResponse>("benchmarks/list", body, "/meta");
    // A new OpenRouter search benchmark is still read as a search score.
    let mut search = body.clone();
    search["data"][3]["benchmark_type"] = "search_brand_new".into();
    let typed: BenchmarksResponse = round_trip("benchmarks/list, new search eval", &search);
    let BenchmarkItem::Search(score) = &typed.data[3] else {
        panic!("{:?}", typed.data[3]);
    };
    assert!(score.benchmark_type.is_unknown());
}
