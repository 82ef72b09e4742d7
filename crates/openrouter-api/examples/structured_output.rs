//! Structured output: a strict JSON schema sent as the response format, and the answer decoded
//! into a Rust type, with a clear error (and the raw text) when the model did not comply.
//!
//! `cargo run -p openrouter-api --example structured_output` (add `--offline` to use the bundled
//! mock).

mod support;

use openrouter_api::types::ParseError;
use openrouter_api::types::chat::{ChatRequest, Message, ResponseFormat};
use openrouter_api::types::routing::ProviderPreferences;
use serde::Deserialize;
use serde_json::json;

/// What we want back. The schema below describes the same shape; its properties reach the
/// model in the order they are written. (With the `schemars` feature,
/// `ResponseFormat::json_schema_for::<Trip>()` derives that schema from the type.)
#[derive(Debug, Deserialize)]
struct Trip {
    city: String,
    days: u32,
    highlights: Vec<String>,
    budget_eur: Option<f64>,
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let session = support::connect().await?;
    // Strict mode: every property required, no others; `null` where a value may be missing.
    let schema = json!({
        "type": "object",
        "properties": {
            "city": {"type": "string"},
            "days": {"type": "integer"},
            "highlights": {"type": "array", "items": {"type": "string"}},
            "budget_eur": {"type": ["number", "null"]}
        },
        "required": ["city", "days", "highlights", "budget_eur"],
        "additionalProperties": false
    });
    let request = ChatRequest::new(
        session.model("openai/gpt-4o-mini-2024-07-18"),
        vec![Message::user("Plan a short trip to Lisbon.")],
    )
    .response_format(ResponseFormat::json_schema("trip", schema).strict(true))
    // Route only to providers that honour `response_format`, instead of ones that ignore it.
    .provider(ProviderPreferences::new().require_parameters(true));

    let completion = session
        .answered_by("chat/structured_output")
        .chat(&request)
        .await?;
    // `parse` decodes the answer's text; a refusal, a turn with no text and JSON that does not
    // fit `Trip` are told apart, the last with the JSON path and the raw text.
    match completion.parse::<Trip>() {
        Ok(trip) => {
            println!("{} days in {}:", trip.days, trip.city);
            for highlight in &trip.highlights {
                println!("- {highlight}");
            }
            match trip.budget_eur {
                Some(budget) => println!("budget: {budget} EUR"),
                None => println!("budget: not given"),
            }
            Ok(())
        }
        Err(e) => {
            // The error keeps the raw answer: it is what you paid for, and what to debug.
            eprintln!("the answer is not a Trip: {e}");
            if let ParseError::Json(json) = &e {
                eprintln!("it was:\n{}", json.raw());
            }
            std::process::exit(1);
        }
    }
}
