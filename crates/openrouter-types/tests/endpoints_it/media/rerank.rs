//! `POST /rerank`.

use openrouter_types::rerank::{RerankDocument, RerankRequest, RerankResponse};
use serde_json::json;

use super::{covers, request, response, round_trip};

#[test]
fn fixtures_round_trip() {
    covers("rerank", &["create"]);
    let sent: RerankRequest = request("rerank/create");
    assert_eq!(sent.documents.len(), 3);
    assert_eq!(sent.top_n, Some(2));
    let got: RerankResponse = response("rerank/create");
    assert_eq!(got.ranking(), vec![1, 2]);
    let best = got.best().expect("a result");
    assert_eq!(
        sent.documents[best.index].text(),
        best.document.text.as_deref()
    );
    let usage = got.usage.expect("usage");
    assert_eq!((usage.search_units, usage.cost), (Some(1), Some(0.002)));
}

#[test]
fn builder_matches_the_fixture_body() {
    let built = RerankRequest::new(
        "cohere/rerank-v3.5",
        "What is the capital of France?",
        [
            "Berlin is the capital of Germany.",
            "Paris is the capital of France.",
            "The Eiffel Tower is in Paris.",
        ],
    )
    .top_n(2);
    let fixture: RerankRequest = request("rerank/create");
    assert_eq!(built, fixture);
}

#[test]
fn structured_documents_and_unknown_fields_survive() {
    let body = json!({
        "documents": ["plain", {"text": "a cat", "image": "https://example.com/cat.png"},
                      {"image": "data:image/png;base64,AA=="}],
        "model": "cohere/rerank-v3.5", "query": "cat",
        "provider": {"order": ["cohere"]}, "top_n": 1, "return_documents": true});
    let parsed: RerankRequest = serde_json::from_value(body).expect("decode");
    assert!(matches!(parsed.documents[1], RerankDocument::Structured(_)));
    assert_eq!(parsed.documents[2].text(), None);
    assert_eq!(parsed.extra["return_documents"], json!(true));
    // Structured documents re-encode in declaration order (image, text).
    let back = serde_json::to_value(&parsed).expect("encode");
    assert_eq!(
        back["documents"][1],
        json!({"image": "https://example.com/cat.png", "text": "a cat"})
    );

    let answer = json!({"model": "m", "results": [
        {"document": {"text": "x", "score_breakdown": [1]}, "index": 0, "relevance_score": 0.5,
         "rank": 1}], "meta": {"api_version": "2"}});
    let got: RerankResponse = round_trip("unknown fields", &answer);
    assert_eq!(got.results[0].extra["rank"], json!(1));
    assert_eq!(got.extra["meta"]["api_version"], json!("2"));
}
