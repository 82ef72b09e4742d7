//! The `prepare_step` hook changes a step's parameters: model, temperature, tool set.

use openrouter_agent::{Agent, ToolError};
use openrouter_testkit::mount::mount_catch_all;
use openrouter_types::Message;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::support::{
    chat_bodies, text_completion, tool_calls_completion, weather_tool, wiremock_client,
};

#[tokio::test]
async fn the_hook_sets_model_temperature_and_tools_per_step() {
    let server = MockServer::start().await;
    mount_catch_all(&server).await;
    Mock::given(method("POST"))
        .and(path("/api/v1/chat/completions"))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(tool_calls_completion(&[(
                "call_1",
                "get_weather",
                r#"{"city":"Lisbon"}"#,
            )])),
        )
        .up_to_n_times(2)
        .with_priority(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/api/v1/chat/completions"))
        .respond_with(ResponseTemplate::new(200).set_body_json(text_completion("done")))
        .with_priority(2)
        .mount(&server)
        .await;

    let run = Agent::new(wiremock_client(&server), "mockai/small")
        .tool(weather_tool())
        .prepare_step(|ctx, request| {
            if ctx.step >= 2 {
                request.model = Some("mockai/large".into());
                request.temperature = Some(0.0);
                // From step 2 on, no tools are offered.
                request.tools = None;
            }
        })
        .run(vec![Message::user("Weather in Lisbon?")])
        .await
        .unwrap();

    let bodies = chat_bodies(&server).await;
    assert_eq!(bodies.len(), 3);
    assert_eq!(bodies[0]["model"], "mockai/small");
    assert_eq!(bodies[0]["tools"][0]["function"]["name"], "get_weather");
    assert!(bodies[0].get("temperature").is_none());
    assert_eq!(bodies[1]["model"], "mockai/large");
    assert_eq!(bodies[1]["temperature"], 0.0);
    assert!(bodies[1].get("tools").is_none());
    // A call to a tool the step did not offer is refused, not run.
    assert!(run.steps[0].tool_results[0].output.is_ok());
    assert_eq!(
        run.steps[1].tool_results[0].output,
        Err(ToolError::Unknown("get_weather".to_owned()))
    );
    assert_eq!(run.text(), Some("done"));
}
