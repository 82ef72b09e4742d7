//! `GET /activity`.

use openrouter_types::Data;
use openrouter_types::activity::{ActivityItem, ActivityQuery};
use openrouter_types::providers::ProviderName;

use super::{exchange, keeps_unknown_field, keeps_unknown_value, response};

#[test]
fn the_default_rows_round_trip_without_workspace_ids() {
    let body: Data<Vec<ActivityItem>> = response("activity/list");
    assert_eq!(body.data.len(), 2);
    assert!(body.data.iter().all(|row| row.workspace_id.is_none()));
    assert_eq!(body.data[1].provider_name, ProviderName::AmazonBedrock);
}

#[test]
fn grouped_by_workspace_rows_carry_it_and_the_query_matches_the_fixture() {
    let body: Data<Vec<ActivityItem>> = response("activity/by_workspace");
    assert!(body.data.iter().all(|row| row.workspace_id.is_some()));
    let query = ActivityQuery::new().date("2025-08-24").group_by_workspace();
    let recorded = exchange("activity/by_workspace");
    let pairs: Vec<(&str, String)> = recorded["request"]["query"]
        .as_object()
        .unwrap()
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str().unwrap().to_owned()))
        .collect();
    assert_eq!(query.to_query_pairs(), pairs);
}

#[test]
fn unknown_fields_and_providers_survive() {
    let body = &exchange("activity/list")["response"]["body"];
    keeps_unknown_field::<Data<Vec<ActivityItem>>>("activity/list", body, "/data/0");
    let rows: Data<Vec<ActivityItem>> =
        keeps_unknown_value("activity/list", body, "/data/0/provider_name");
    assert!(rows.data[0].provider_name.is_unknown());
}
