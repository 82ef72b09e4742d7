//! `POST /generation/feedback` and `GET /generation/content`.

use openrouter_types::Data;
use openrouter_types::feedback::{FeedbackCategory, FeedbackReceipt, FeedbackRequest};
use openrouter_types::generation_content::{
    GenerationContent, GenerationContentQuery, GenerationInput,
};
use serde_json::{Value, json};

use super::{exchange, request, response, round_trip};

#[test]
fn fixtures_round_trip() {
    // The folder is shared with `GET /generation` (checked by `fixtures.rs`,
    // as these are too): these three are ours.
    let sent: FeedbackRequest = request("generation/feedback");
    let built = FeedbackRequest::new(
        "gen-1764115200-q7LmX2vR9sTnB4wYc8Ke",
        FeedbackCategory::IncorrectResponse,
    )
    .comment("The answer named the wrong city.");
    assert_eq!(built, sent);
    let receipt: Data<FeedbackReceipt> = response("generation/feedback");
    assert!(receipt.data.success);

    let ok: Data<GenerationContent> = response("generation/content");
    assert!(ok.data.error.is_none());
    assert!(
        ok.data
            .output
            .completion
            .as_deref()
            .is_some_and(|c| c.starts_with("Hello from"))
    );
    assert_eq!(ok.data.input.messages().map(<[_]>::len), Some(1));

    let failed: Data<GenerationContent> = response("generation/content_failed");
    let error = failed.data.error.as_ref().expect("an error");
    assert_eq!(error.status, Some(504));
    assert_eq!(error.previous_errors[0].code, 429);
    assert_eq!(
        failed.data.input.prompt(),
        Some("Write a haiku about retries.")
    );
    assert_eq!(failed.data.output.completion, None);
}

#[test]
fn the_query_type_writes_the_recorded_queries() {
    for name in ["generation/content", "generation/content_failed"] {
        let recorded = exchange(name)["request"]["query"].clone();
        let id = recorded["id"].as_str().expect("an id");
        let pairs = GenerationContentQuery::new(id).to_query_pairs();
        assert_eq!(pairs, vec![("id", id.to_owned())]);
    }
}

#[test]
fn unknown_values_survive() {
    let request = json!({"category": "hallucination", "generation_id": "gen-1", "rating": 2});
    let parsed: FeedbackRequest = round_trip("unknown category", &request);
    assert!(parsed.category.is_unknown());

    let body = json!({"data": {"error": null, "input": {"tokens": [1, 2]},
                               "output": {"completion": "x", "reasoning": null, "images": []},
                               "cached": true}});
    let parsed: Data<GenerationContent> = round_trip("unknown input shape", &body);
    assert!(matches!(
        parsed.data.input,
        GenerationInput::Other(Value::Object(_))
    ));
    assert_eq!(parsed.data.output.extra["images"], json!([]));
    assert_eq!(parsed.data.extra["cached"], json!(true));
}
