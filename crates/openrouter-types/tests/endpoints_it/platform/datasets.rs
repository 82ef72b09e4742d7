//! `GET /datasets/session-cost`, `/datasets/app-rankings`, `/datasets/rankings-daily`.

use openrouter_types::datasets::{
    AppCategory, AppRankingsQuery, AppRankingsResponse, RankingsDailyQuery, RankingsDailyResponse,
    SessionCostQuery, SessionCostResponse, TurnRange,
};

use super::{exchange, keeps_unknown_field, keeps_unknown_value, response};

/// The query pairs recorded in the exchange, in order.
fn recorded_query(name: &str) -> Vec<(String, String)> {
    exchange(name)["request"]["query"]
        .as_object()
        .unwrap()
        .iter()
        .map(|(k, v)| (k.clone(), v.as_str().unwrap().to_owned()))
        .collect()
}

fn owned(pairs: Vec<(&'static str, String)>) -> Vec<(String, String)> {
    pairs.into_iter().map(|(k, v)| (k.to_owned(), v)).collect()
}

#[test]
fn session_cost_round_trips_and_a_short_page_is_the_last() {
    let body: SessionCostResponse = response("datasets/session_cost");
    assert_eq!(body.data[1].turn_range, TurnRange::TenToFortyNine);
    assert_eq!(body.meta.window_days, Some(30));
    assert_eq!(body.next_offset(0, SessionCostQuery::DEFAULT_LIMIT), None);
    assert_eq!(body.next_offset(0, 2), Some(2));
    assert_eq!(
        owned(
            SessionCostQuery::new()
                .app_slug("hermes-agent")
                .to_query_pairs()
        ),
        recorded_query("datasets/session_cost")
    );
}

#[test]
fn app_rankings_round_trip_with_tokens_as_decimal_strings() {
    let body: AppRankingsResponse = response("datasets/app_rankings");
    assert_eq!(body.data[0].tokens(), Some(12_345_678));
    assert_eq!(body.next_offset(0, 2), Some(2));
    assert_eq!(
        owned(
            AppRankingsQuery::new()
                .category(AppCategory::Coding)
                .limit(2)
                .to_query_pairs()
        ),
        recorded_query("datasets/app_rankings")
    );
}

#[test]
fn rankings_daily_round_trip_with_the_other_row_last() {
    let body: RankingsDailyResponse = response("datasets/rankings_daily");
    assert!(body.data.last().unwrap().is_other());
    assert_eq!(
        owned(
            RankingsDailyQuery::new()
                .start_date("2026-05-11")
                .end_date("2026-05-11")
                .to_query_pairs()
        ),
        recorded_query("datasets/rankings_daily")
    );
}

#[test]
fn unknown_fields_and_values_survive() {
    let body = &exchange("datasets/session_cost")["response"]["body"];
    keeps_unknown_field::<SessionCostResponse>("datasets/session_cost", body, "/meta");
    let cells: SessionCostResponse =
        keeps_unknown_value("datasets/session_cost", body, "/data/0/turn_range");
    assert!(cells.data[0].turn_range.is_unknown());
    let body = &exchange("datasets/app_rankings")["response"]["body"];
    keeps_unknown_field::<AppRankingsResponse>("datasets/app_rankings", body, "/data/1");
    let ranks: AppRankingsResponse =
        keeps_unknown_value("datasets/app_rankings", body, "/meta/version");
    assert!(ranks.meta.version.is_unknown());
    let body = &exchange("datasets/rankings_daily")["response"]["body"];
    keeps_unknown_field::<RankingsDailyResponse>("datasets/rankings_daily", body, "");
}
