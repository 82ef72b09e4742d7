//! Tools: a failure goes back to the model as the tool's result, one step's calls run
//! concurrently, and bad calls (unknown tool, invalid arguments, too slow) are answered
//! with an error instead of ending the run.

use std::sync::Arc;
use std::time::Duration;

use openrouter_agent::{Agent, StopReason, ToolError, tool};
use openrouter_testkit::FixtureSet;
use openrouter_testkit::mount::mount_catch_all;
use openrouter_testkit::server::MockOpenRouter;
use openrouter_types::Message;
use schemars::JsonSchema;
use serde::Deserialize;
use serde_json::Value;
use tokio::sync::Barrier;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::support::{
    WEATHER_MODEL, WeatherArgs, chat_bodies, client, text_completion, tool_calls_completion,
    wiremock_client,
};

/// A server answering the first chat request with `first`, every later one with `then`.
async fn two_answers(first: Value, then: Value) -> MockServer {
    let server = MockServer::start().await;
    mount_catch_all(&server).await;
    Mock::given(method("POST"))
        .and(path("/api/v1/chat/completions"))
        .respond_with(ResponseTemplate::new(200).set_body_json(first))
        .up_to_n_times(1)
        .with_priority(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/api/v1/chat/completions"))
        .respond_with(ResponseTemplate::new(200).set_body_json(then))
        .with_priority(2)
        .mount(&server)
        .await;
    server
}

fn tool_message(body: &Value, call_id: &str) -> String {
    body["messages"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["role"] == "tool" && m["tool_call_id"] == call_id)
        .unwrap_or_else(|| panic!("no tool message for {call_id} in {body}"))["content"]
        .as_str()
        .unwrap()
        .to_owned()
}

#[tokio::test]
async fn a_tool_error_is_fed_back_to_the_model() {
    // The bundled exchange's second step answers whatever the tool result says.
    let server = MockOpenRouter::start(FixtureSet::bundled()).await.unwrap();
    let failing = tool("get_weather", "Current weather", |_: WeatherArgs| async {
        Err::<String, _>("the weather service is down")
    });
    let run = Agent::new(client(&server.base_url()), WEATHER_MODEL)
        .tool(failing)
        .run(vec![Message::user(
            "What is the weather in Lisbon right now?",
        )])
        .await
        .unwrap();
    assert_eq!(run.stop, StopReason::Answered);
    assert_eq!(run.totals.steps, 2);
    assert_eq!(
        run.steps[0].tool_results[0].output,
        Err(ToolError::Failed("the weather service is down".to_owned()))
    );
    let second = server.received_requests()[1].body_json().unwrap();
    assert_eq!(
        tool_message(&second, "call_weather_lisbon"),
        r#"{"error":"the tool failed: the weather service is down"}"#
    );
}

#[derive(Debug, Deserialize, JsonSchema)]
struct Label {
    label: String,
}

#[tokio::test]
async fn one_steps_tool_calls_run_concurrently() {
    let server = two_answers(
        tool_calls_completion(&[
            ("call_a", "meet", r#"{"label":"a"}"#),
            ("call_b", "meet", r#"{"label":"b"}"#),
        ]),
        text_completion("both met"),
    )
    .await;
    // Each call waits at a barrier both must reach: run one after the other, the first
    // would wait until its timeout and fail.
    let barrier = Arc::new(Barrier::new(2));
    let meet = tool("meet", "Waits for the other call", move |args: Label| {
        let barrier = Arc::clone(&barrier);
        async move {
            barrier.wait().await;
            Ok::<_, String>(format!("{} met", args.label))
        }
    })
    .timeout(Duration::from_secs(10));
    let run = Agent::new(wiremock_client(&server), "mockai/tools")
        .tool(meet)
        .run(vec![Message::user("meet")])
        .await
        .unwrap();
    let outputs: Vec<_> = run.steps[0]
        .tool_results
        .iter()
        .map(|r| (r.call_id.as_str(), r.output.clone()))
        .collect();
    assert_eq!(
        outputs,
        [
            ("call_a", Ok(r#""a met""#.to_owned())),
            ("call_b", Ok(r#""b met""#.to_owned()))
        ]
    );
    assert_eq!(run.text(), Some("both met"));
}

#[tokio::test]
async fn bad_calls_are_answered_with_an_error_and_the_run_goes_on() {
    let server = two_answers(
        tool_calls_completion(&[
            ("call_unknown", "launch_rockets", "{}"),
            ("call_invalid", "get_weather", r#"{"town":"Lisbon"}"#),
            ("call_slow", "slow", ""),
        ]),
        text_completion("sorry"),
    )
    .await;
    #[derive(Debug, Deserialize, JsonSchema)]
    struct Nothing {}
    let slow = tool("slow", "Never finishes in time", |_: Nothing| async {
        std::future::pending::<Result<String, String>>().await
    })
    .timeout(Duration::from_millis(50));
    let run = Agent::new(wiremock_client(&server), "mockai/tools")
        .tool(crate::support::weather_tool())
        .tool(slow)
        .run(vec![Message::user("go")])
        .await
        .unwrap();
    let results = &run.steps[0].tool_results;
    assert_eq!(
        results[0].output,
        Err(ToolError::Unknown("launch_rockets".to_owned()))
    );
    let Err(ToolError::InvalidArguments(parse)) = &results[1].output else {
        panic!("expected invalid arguments, got {:?}", results[1].output);
    };
    assert!(parse.to_string().contains("city"), "{parse}");
    assert_eq!(
        results[2].output,
        Err(ToolError::TimedOut(Duration::from_millis(50)))
    );
    let second = &chat_bodies(&server).await[1];
    assert!(tool_message(second, "call_unknown").contains("no tool named `launch_rockets`"));
    assert!(tool_message(second, "call_invalid").contains("invalid arguments"));
    assert!(tool_message(second, "call_slow").contains("did not finish within"));
    assert_eq!(run.stop, StopReason::Answered);
}

#[tokio::test]
async fn two_tools_with_one_name_are_a_config_error() {
    let server = MockServer::start().await;
    let error = Agent::new(wiremock_client(&server), "mockai/tools")
        .tool(crate::support::weather_tool())
        .tool(crate::support::weather_tool())
        .run(vec![Message::user("go")])
        .await
        .unwrap_err();
    assert!(
        matches!(error, openrouter_agent::Error::Config(ref m) if m.contains("get_weather")),
        "{error}"
    );
    assert!(chat_bodies(&server).await.is_empty(), "nothing was sent");
}
