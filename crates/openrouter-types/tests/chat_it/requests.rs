//! Requests built with the constructors: exact JSON, omitted unset fields, and
//! the documented sample payloads decoded into our types.

use openrouter_types::chat::{
    AssistantMessage, CacheControl, ChatRequest, ContentPart, Message, Plugin, Reasoning,
    ReasoningEffort, ResponseFormat, TextPart, Tool, ToolCall, ToolChoice,
};
use openrouter_types::routing::{
    DataCollection, MaxPrice, PercentileCutoffs, ProviderPreferences, ProviderSort, Quantization,
    SortConfig,
};
use serde_json::{Value, json};

/// Requests covering every builder, shared with the spec-validation test.
pub fn built_requests() -> Vec<(&'static str, ChatRequest)> {
    let schema = json!({"type": "object", "properties": {"search_terms": {"type": "array",
        "items": {"type": "string"}}}, "required": ["search_terms"]});
    vec![
        (
            "minimal",
            ChatRequest::new("openai/gpt-4o", vec![Message::user("hi")]),
        ),
        (
            "sampling",
            ChatRequest::new(
                "openai/gpt-4o",
                vec![Message::system("terse"), Message::user("hi")],
            )
            .temperature(0.2)
            .top_p(0.9)
            .top_k(40)
            .min_p(0.05)
            .top_a(0.1)
            .frequency_penalty(0.5)
            .presence_penalty(-0.5)
            .repetition_penalty(1.1)
            .seed(17)
            .logit_bias_entry("50256", -100.0)
            .logprobs(true)
            .top_logprobs(5)
            .stop(vec!["\n\n", "END"])
            .max_tokens(256)
            .max_completion_tokens(256)
            .user("user-123")
            .session_id("session-456")
            .metadata_entry("team", "search"),
        ),
        (
            "tools",
            ChatRequest::new(
                "google/gemini-3-flash-preview",
                vec![
                    Message::user("What are the titles of some James Joyce books?"),
                    Message::from(AssistantMessage::new().tool_calls(vec![ToolCall::function(
                        "call_abc123",
                        "search_gutenberg_books",
                        "{\"search_terms\": [\"James\", \"Joyce\"]}",
                    )])),
                    Message::tool("call_abc123", "[{\"id\": 4300, \"title\": \"Ulysses\"}]"),
                ],
            )
            .tools(vec![
                Tool::function("search_gutenberg_books", "Search for books", schema).strict(true),
                Tool::server("openrouter:web_search").parameters(json!({"max_results": 3})),
            ])
            .tool_choice(ToolChoice::function("search_gutenberg_books"))
            .parallel_tool_calls(false),
        ),
        (
            "structured_output_reasoning_routing",
            ChatRequest::new(
                "openai/gpt-5-mini",
                vec![Message::user("Weather in London?")],
            )
            .models(["anthropic/claude-sonnet-4.5", "google/gemini-2.5-flash"])
            .response_format(
                ResponseFormat::json_schema(
                    "weather",
                    json!({"type": "object", "properties": {"t": {"type": "number"}},
                               "required": ["t"], "additionalProperties": false}),
                )
                .strict(true)
                .description("a weather report"),
            )
            .reasoning(Reasoning::effort(ReasoningEffort::High).exclude(false))
            .provider(
                ProviderPreferences::new()
                    .order(["openai", "azure"])
                    .only(["openai", "azure"])
                    .ignore(["deepinfra"])
                    .allow_fallbacks(false)
                    .require_parameters(true)
                    .data_collection(DataCollection::Deny)
                    .zdr(true)
                    .enforce_distillable_text(false)
                    .quantizations([Quantization::Fp8, Quantization::Bf16])
                    .sort(SortConfig::new(ProviderSort::Price, "none"))
                    .max_price(
                        MaxPrice::new()
                            .prompt("1")
                            .completion("2.5")
                            .request("0.01"),
                    )
                    .preferred_min_throughput(PercentileCutoffs::new().p50(50.0).p90(20.0))
                    .preferred_max_latency(3.0),
            ),
        ),
        (
            "multimodal_caching_plugins",
            ChatRequest::new(
                "anthropic/claude-sonnet-4.5",
                vec![
                    Message::system(vec![
                        ContentPart::text("You are a historian."),
                        ContentPart::Text(
                            TextPart::new("HUGE TEXT BODY")
                                .cache_control(CacheControl::ephemeral_1h()),
                        ),
                    ]),
                    Message::user(vec![
                        ContentPart::text("Compare these."),
                        ContentPart::image_url("https://example.com/a.png"),
                        ContentPart::file("doc.pdf", "https://example.com/doc.pdf"),
                        ContentPart::input_audio("UklGRg==", "wav"),
                        ContentPart::video_url("https://example.com/v.mp4"),
                    ]),
                ],
            )
            .plugin(Plugin::file_parser("mistral-ocr"))
            .plugin(Plugin::new("response-healing"))
            .plugin(Plugin::new("context-compression").enabled(false))
            .reasoning(Reasoning::max_tokens(2048))
            .stream(true)
            .debug(openrouter_types::chat::DebugOptions::default()),
        ),
    ]
}

#[test]
fn minimal_request_is_exactly_model_and_messages() {
    let request = ChatRequest::new("openai/gpt-4o", vec![Message::user("hi")]);
    assert_eq!(
        serde_json::to_value(&request).unwrap(),
        json!({"model": "openai/gpt-4o", "messages": [{"role": "user", "content": "hi"}]})
    );
}

#[test]
fn sampling_setters_write_their_fields() {
    let (_, request) = built_requests().swap_remove(1);
    let body = serde_json::to_value(&request).unwrap();
    for (key, expected) in [
        ("temperature", json!(0.2)),
        ("top_k", json!(40)),
        ("seed", json!(17)),
        ("logit_bias", json!({"50256": -100.0})),
        ("stop", json!(["\n\n", "END"])),
        ("max_tokens", json!(256)),
        ("metadata", json!({"team": "search"})),
    ] {
        assert_eq!(body[key], expected, "{key}");
    }
}

#[test]
fn documented_tool_turn_decodes_and_re_encodes_identically() {
    // api.md §12.2, verbatim.
    let messages = json!([
      {"role": "assistant", "content": null, "tool_calls": [{"id": "call_abc123", "type": "function",
        "function": {"name": "search_gutenberg_books", "arguments": "{\"search_terms\": [\"James\", \"Joyce\"]}"}}]},
      {"role": "tool", "tool_call_id": "call_abc123",
       "content": "[{\"id\": 4300, \"title\": \"Ulysses\", \"authors\": [{\"name\": \"Joyce, James\"}]}]"}
    ]);
    let decoded: Vec<Message> = serde_json::from_value(messages.clone()).unwrap();
    crate::support::assert_round_trip(
        "tool turn",
        &messages,
        &serde_json::to_value(&decoded).unwrap(),
    );
}

#[test]
fn documented_cache_breakpoint_request_round_trips() {
    // api.md §12.4.
    let body = json!({"messages": [
      {"role": "system", "content": [
        {"type": "text", "text": "You are a historian studying the fall of the Roman Empire. You know the following book very well:"},
        {"type": "text", "text": "HUGE TEXT BODY", "cache_control": {"type": "ephemeral"}}]},
      {"role": "user", "content": [{"type": "text", "text": "What triggered the collapse?"}]}]});
    let request: ChatRequest = serde_json::from_value(body.clone()).unwrap();
    assert!(request.model.is_none());
    crate::support::assert_round_trip("cache", &body, &serde_json::to_value(&request).unwrap());
}

#[test]
fn response_message_continues_the_conversation_verbatim() {
    let completion: openrouter_types::ChatCompletion = serde_json::from_value(json!({
        "id": "gen-1", "object": "chat.completion", "created": 1, "model": "m",
        "choices": [{"index": 0, "finish_reason": "tool_calls", "message": {"role": "assistant",
          "content": "", "reasoning": "thinking",
          "reasoning_details": [{"type": "reasoning.text", "text": "thinking", "signature": "sig", "index": 0}],
          "tool_calls": [{"id": "call_1", "type": "function", "function": {"name": "f", "arguments": "{\"a\":  1}"}}]}}]
    }))
    .unwrap();
    let next = Message::from(completion.choices[0].message.clone());
    let value = serde_json::to_value(&next).unwrap();
    assert_eq!(value["role"], "assistant");
    assert_eq!(
        value["tool_calls"][0]["function"]["arguments"],
        "{\"a\":  1}"
    );
    assert_eq!(value["reasoning_details"][0]["signature"], "sig");
}

#[test]
fn unknown_content_parts_are_kept() {
    let message: Message = serde_json::from_value(json!({"role": "user",
        "content": [{"type": "input_hologram", "hologram": {"id": 7}}]}))
    .unwrap();
    let Message::User(user) = &message else {
        panic!("not a user message")
    };
    let openrouter_types::chat::Content::Parts(parts) = &user.content else {
        panic!("not parts")
    };
    assert_eq!(parts[0].kind(), "input_hologram");
    assert_eq!(
        serde_json::to_value(&message).unwrap()["content"][0],
        json!({"type": "input_hologram", "hologram": {"id": 7}})
    );
}

#[test]
fn tool_choice_forms() {
    for (choice, wire) in [
        (ToolChoice::None, json!("none")),
        (ToolChoice::Auto, json!("auto")),
        (ToolChoice::Required, json!("required")),
        (
            ToolChoice::function("f"),
            json!({"type": "function", "function": {"name": "f"}}),
        ),
        (
            ToolChoice::server_tool("openrouter:web_search"),
            json!({"type": "openrouter:web_search"}),
        ),
    ] {
        assert_eq!(serde_json::to_value(&choice).unwrap(), wire);
        assert_eq!(serde_json::from_value::<ToolChoice>(wire).unwrap(), choice);
    }
}

#[test]
fn extra_field_reaches_the_body() {
    let request = ChatRequest::new("m", vec![Message::user("x")])
        .extra_field("raw_mode", json!(true))
        .extra_field("route", json!("fallback"));
    let body: Value = serde_json::to_value(&request).unwrap();
    assert_eq!(body["raw_mode"], true);
    assert_eq!(body["route"], "fallback");
}
