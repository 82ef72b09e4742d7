//! The spans a run exports through `tracing-opentelemetry` carry the OpenTelemetry GenAI
//! attribute names: checked with the SDK's in-memory exporter.

use std::collections::BTreeMap;

use openrouter_testkit::FixtureSet;
use openrouter_testkit::server::MockOpenRouter;
use openrouter_types::Message;
use opentelemetry::trace::TracerProvider as _;
use opentelemetry_sdk::trace::{InMemorySpanExporter, SdkTracerProvider};
use tracing_subscriber::layer::SubscriberExt;

use crate::support::{client, weather_agent};

#[tokio::test(flavor = "current_thread")]
async fn a_run_exports_gen_ai_spans() {
    let exporter = InMemorySpanExporter::default();
    let provider = SdkTracerProvider::builder()
        .with_simple_exporter(exporter.clone())
        .build();
    let subscriber = tracing_subscriber::registry()
        .with(tracing_opentelemetry::layer().with_tracer(provider.tracer("agent-test")));
    let _guard = tracing::subscriber::set_default(subscriber);

    let server = MockOpenRouter::start(FixtureSet::bundled()).await.unwrap();
    weather_agent(client(&server.base_url()))
        .name("weather")
        .run(vec![Message::user(
            "What is the weather in Lisbon right now?",
        )])
        .await
        .unwrap();
    provider.force_flush().unwrap();

    // Span name → its attributes (the last span of a name wins: step 2's chat).
    let mut spans: BTreeMap<String, BTreeMap<String, String>> = BTreeMap::new();
    for span in exporter.get_finished_spans().unwrap() {
        let attributes = span
            .attributes
            .iter()
            .map(|kv| (kv.key.to_string(), kv.value.to_string()))
            .collect();
        spans.insert(span.name.to_string(), attributes);
    }
    let names: Vec<&str> = spans.keys().map(String::as_str).collect();
    assert_eq!(
        names,
        [
            "chat mockai/weather-agent",
            "execute_tool get_weather",
            "invoke_agent weather",
            "openrouter.request",
        ]
    );
    let attribute = |span: &str, key: &str| {
        spans[span]
            .get(key)
            .unwrap_or_else(|| panic!("{span} has no {key}: {:?}", spans[span]))
            .clone()
    };

    let chat = "chat mockai/weather-agent";
    assert_eq!(attribute(chat, "gen_ai.operation.name"), "chat");
    assert_eq!(attribute(chat, "gen_ai.provider.name"), "openrouter");
    assert_eq!(
        attribute(chat, "gen_ai.request.model"),
        "mockai/weather-agent"
    );
    assert_eq!(
        attribute(chat, "gen_ai.response.model"),
        "mockai/weather-agent"
    );
    assert_eq!(
        attribute(chat, "gen_ai.response.id"),
        "gen-1767800002-Hc5tY8uJ3nM6qW1eR4aS"
    );
    assert_eq!(attribute(chat, "gen_ai.usage.input_tokens"), "131");
    assert_eq!(attribute(chat, "gen_ai.usage.output_tokens"), "15");
    assert!(attribute(chat, "gen_ai.response.finish_reasons").contains("stop"));
    assert_eq!(attribute(chat, "openrouter.cost"), "0.0000387");
    assert_eq!(attribute(chat, "openrouter.provider"), "OpenAI");

    // The client's own span, under the step's.
    let request = "openrouter.request";
    for key in [
        "gen_ai.operation.name",
        "gen_ai.provider.name",
        "gen_ai.request.model",
        "gen_ai.response.model",
        "gen_ai.response.id",
        "gen_ai.response.finish_reasons",
        "gen_ai.usage.input_tokens",
        "gen_ai.usage.output_tokens",
        "openrouter.cost",
        "openrouter.provider",
    ] {
        attribute(request, key);
    }
    assert_eq!(attribute(request, "gen_ai.operation.name"), "chat");

    let tool = "execute_tool get_weather";
    assert_eq!(attribute(tool, "gen_ai.operation.name"), "execute_tool");
    assert_eq!(attribute(tool, "gen_ai.tool.name"), "get_weather");
    assert_eq!(
        attribute(tool, "gen_ai.tool.call.id"),
        "call_weather_lisbon"
    );

    let agent = "invoke_agent weather";
    assert_eq!(attribute(agent, "gen_ai.operation.name"), "invoke_agent");
    assert_eq!(attribute(agent, "gen_ai.agent.name"), "weather");
    assert_eq!(attribute(agent, "gen_ai.usage.input_tokens"), "219");
    assert_eq!(attribute(agent, "openrouter.agent.steps"), "2");
}
