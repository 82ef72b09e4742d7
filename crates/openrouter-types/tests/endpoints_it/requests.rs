//! What our request builders put on the wire, snapshotted, and the one-time
//! key secret kept out of `Debug`.

use openrouter_types::chat::{Reasoning, ReasoningEffort};
use openrouter_types::embeddings::{
    EmbeddingInput, EmbeddingPart, EmbeddingsRequest, EncodingFormat, MultimodalInput,
};
use openrouter_types::key::LimitReset;
use openrouter_types::keys::{CreateKeyRequest, CreateKeyResponse, UpdateKeyRequest};
use openrouter_types::models::{ModelSort, ModelsQuery, OutputModality, Parameter};
use openrouter_types::responses::{
    FunctionTool, Item, ResponsesRequest, ResponsesTool, TextConfig, TextFormat, ToolChoice,
};
use openrouter_types::routing::ProviderPreferences;
use serde_json::json;

#[test]
fn request_bodies() {
    let embeddings = EmbeddingsRequest::new(
        "openai/text-embedding-3-small",
        vec![MultimodalInput::new([
            EmbeddingPart::text("a red bicycle"),
            EmbeddingPart::image_url("https://example.com/bike.png"),
        ])],
    )
    .encoding_format(EncodingFormat::Base64)
    .dimensions(512)
    .provider(ProviderPreferences::new().order(["openai"]))
    .user("user-42");
    insta::assert_json_snapshot!("embeddings_request", embeddings);

    let tokens = EmbeddingsRequest::new(
        "x/y",
        EmbeddingInput::TokenBatches(vec![vec![1, 2], vec![3]]),
    );
    insta::assert_json_snapshot!("embeddings_request_tokens", tokens);

    let responses = ResponsesRequest::new(
        "openai/gpt-4.1-mini",
        vec![
            Item::system("Be brief."),
            Item::user("What version is installed?"),
            Item::function_call_output("call_1", "0.27"),
        ],
    )
    .instructions("Use tools when unsure.")
    .tools([ResponsesTool::Function(
        FunctionTool::new("llm_version", json!({"type": "object", "properties": {}}))
            .description("Return the installed version of llm"),
    )])
    .tool_choice(ToolChoice::function("llm_version"))
    .reasoning(Reasoning::effort(ReasoningEffort::Low))
    .text(TextConfig::format(TextFormat::json_schema(
        "answer",
        json!({"type": "object"}),
    )))
    .max_output_tokens(256)
    .models(["openai/gpt-4.1", "anthropic/claude-sonnet-4.5"])
    .stream(true)
    .extra_field("route", json!("fallback"));
    insta::assert_json_snapshot!("responses_request", responses);

    let create = CreateKeyRequest::new("ci runner")
        .limit(25.0)
        .limit_reset(LimitReset::Weekly)
        .include_byok_in_limit(false)
        .expires_at("2027-12-31T23:59:59Z");
    insta::assert_json_snapshot!("create_key_request", create);

    let update = UpdateKeyRequest::new()
        .name("renamed")
        .remove_limit()
        .remove_limit_reset();
    insta::assert_json_snapshot!("update_key_request", update);
}

#[test]
fn update_request_tells_null_from_absent_when_decoded() {
    let cleared: UpdateKeyRequest = serde_json::from_value(json!({"limit": null})).expect("decode");
    assert_eq!(cleared.limit, Some(None));
    let untouched: UpdateKeyRequest = serde_json::from_value(json!({})).expect("decode");
    assert_eq!(untouched.limit, None);
    let set: UpdateKeyRequest = serde_json::from_value(json!({"limit": 5})).expect("decode");
    assert_eq!(set.limit, Some(Some(5.0)));
}

#[test]
fn models_query_pairs() {
    let query = ModelsQuery::new()
        .supported_parameters([Parameter::Tools, Parameter::from("future_param")])
        .output_modalities([OutputModality::Text, OutputModality::Image])
        .sort(ModelSort::PricingLowToHigh)
        .max_price(2.5)
        .providers(["openai", "anthropic"])
        .limit(100)
        .offset(200);
    insta::assert_yaml_snapshot!("models_query_pairs", query.to_query_pairs());
}

#[test]
fn the_created_key_never_shows_in_debug() {
    let secret = "sk-or-v1-0123456789abcdef0123456789abcdef0123456789abcdef0123456789ab";
    let created: CreateKeyResponse = serde_json::from_value(json!({
        "data": {"hash": "f01d", "name": "n", "label": "sk-or-v1-012...9ab", "disabled": false},
        "key": secret
    }))
    .expect("decode");
    let debug = format!("{created:?} {created:#?}");
    assert!(!debug.contains("0123456789abcdef"), "{debug}");
    assert!(debug.contains("<redacted>"));
    assert_eq!(created.key.expose(), secret);
    // Serialization is how the caller stores it: it must round-trip.
    assert_eq!(
        serde_json::to_value(&created).expect("encode")["key"],
        secret
    );
}
