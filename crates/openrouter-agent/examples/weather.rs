//! A two-step tool loop: the model asks for the weather, the tool answers, the model
//! replies. `--offline` runs it against the testkit's bundled mock OpenRouter (no key);
//! without it, OPENROUTER_API_KEY (and optionally OPENROUTER_BASE_URL, OPENROUTER_MODEL) are used.
//!
//! ```text
//! cargo run -p openrouter-agent --example weather -- --offline
//! ```

use openrouter_agent::{Agent, StopCondition, tool};
use openrouter_api::Client;
use openrouter_types::Message;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Arguments of `get_weather`; its doc comments become the schema's descriptions.
#[derive(Deserialize, JsonSchema)]
struct WeatherArgs {
    /// City name, e.g. Lisbon.
    city: String,
}

#[derive(Serialize)]
struct Weather {
    city: String,
    celsius: f64,
    sky: &'static str,
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let offline = std::env::args().skip(1).any(|arg| arg == "--offline");
    // The mock server lives as long as `_mock`.
    let (client, model, _mock) = if offline {
        let mock = openrouter_testkit::server::MockOpenRouter::start(
            openrouter_testkit::FixtureSet::bundled(),
        )
        .await?;
        let client = Client::builder()
            .api_key("sk-or-v1-offline-example")
            .base_url(mock.base_url())
            .build()?;
        eprintln!("offline: mock OpenRouter at {}", mock.base_url());
        (client, "mockai/weather-agent".to_owned(), Some(mock))
    } else {
        let model =
            std::env::var("OPENROUTER_MODEL").unwrap_or_else(|_| "openai/gpt-4o-mini".to_owned());
        (Client::from_env()?, model, None)
    };

    let get_weather = tool(
        "get_weather",
        "Current weather for a city",
        |args: WeatherArgs| async move {
            // A real tool would call a weather service here.
            Ok::<_, String>(Weather {
                city: args.city,
                celsius: 21.5,
                sky: "clear",
            })
        },
    );
    let agent = Agent::new(client, model)
        .tool(get_weather)
        .stop_when(StopCondition::step_count_is(5))
        .stop_when(StopCondition::max_cost(0.05));

    let run = agent
        .run(vec![Message::user(
            "What is the weather in Lisbon right now?",
        )])
        .await?;

    for step in &run.steps {
        println!("step {}:", step.index);
        for (call, result) in step.tool_calls.iter().zip(&step.tool_results) {
            println!("  tool  {}({})", call.name(), call.arguments());
            println!("  ->    {}", result.content());
        }
        if let Some(text) = step.completion.text().filter(|t| !t.is_empty()) {
            println!("  answer: {text}");
        }
    }
    let totals = &run.totals;
    println!(
        "stopped: {:?}; {} steps, {} tokens ({} in, {} out), cost ${:.7}, {:?}",
        run.stop,
        totals.steps,
        totals.total_tokens(),
        totals.prompt_tokens,
        totals.completion_tokens,
        totals.cost,
        totals.elapsed,
    );
    Ok(())
}
