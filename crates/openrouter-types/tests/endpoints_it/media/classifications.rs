//! `GET /classifications/task`.

use openrouter_types::Data;
use openrouter_types::classifications::{
    ClassificationWindow, MacroCategory, TaskClassifications, TaskClassificationsQuery,
};
use serde_json::{Value, json};

use super::{covers, exchange, response, round_trip};

#[test]
fn fixture_round_trips_and_its_query_is_ours() {
    covers("classifications", &["task"]);
    let body: Data<TaskClassifications> = response("classifications/task");
    let data = body.data;
    assert_eq!(data.window_days, 7);
    assert_eq!(data.classifications[1].macro_category, MacroCategory::Agent);
    assert_eq!(data.macro_categories[0].key, MacroCategory::Code);

    let recorded = exchange("classifications/task")["request"]["query"].clone();
    let pairs = TaskClassificationsQuery::new()
        .window(ClassificationWindow::SevenDays)
        .to_query_pairs();
    let built: serde_json::Map<String, Value> = pairs
        .into_iter()
        .map(|(name, value)| (name.to_owned(), Value::String(value)))
        .collect();
    assert_eq!(Value::Object(built), recorded);
    assert!(TaskClassificationsQuery::new().to_query_pairs().is_empty());
}

#[test]
fn unknown_categories_and_windows_survive() {
    let body = json!({"data": {"as_of": "2027-01-01", "classifications": [
        {"category_token_share": 1.0, "category_usage_share": 1.0, "display_name": "Poetry",
         "macro_category": "creative", "models": [], "tag": "creative:poetry",
         "token_share": 0.5, "usage_share": 0.5, "trend": "up"}],
        "macro_categories": [], "window_days": 30, "sampled": true}});
    let parsed: Data<TaskClassifications> = round_trip("unknown values", &body);
    let item = &parsed.data.classifications[0];
    assert_eq!(item.macro_category.as_str(), "creative");
    assert!(item.macro_category.is_unknown());
    assert_eq!(item.extra["trend"], json!("up"));
    assert_eq!(
        TaskClassificationsQuery::new()
            .window("30d")
            .to_query_pairs(),
        vec![("window", "30d".to_owned())]
    );
}
