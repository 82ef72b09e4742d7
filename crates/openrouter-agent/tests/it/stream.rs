//! `Agent::stream`: typed events for each step, and a mid-stream error in step 2 that keeps
//! step 1 in the error's conversation.

use futures::StreamExt;
use openrouter_agent::{Agent, AgentEvent, Error, StopReason};
use openrouter_testkit::mount::{fixture_response, mount_catch_all};
use openrouter_types::Message;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer};

use crate::support::{fixture, weather_tool, wiremock_client};

/// Step 1 streams two parallel `get_weather` calls; step 2 streams `second`.
async fn server(second: &str) -> MockServer {
    let server = MockServer::start().await;
    mount_catch_all(&server).await;
    Mock::given(method("POST"))
        .and(path("/api/v1/chat/completions"))
        .respond_with(fixture_response(fixture("chat/stream_tool_calls_parallel")))
        .up_to_n_times(1)
        .with_priority(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/api/v1/chat/completions"))
        .respond_with(fixture_response(fixture(second)))
        .with_priority(2)
        .mount(&server)
        .await;
    server
}

/// A compact trace of the events, for order assertions.
fn label(event: &AgentEvent) -> String {
    match event {
        AgentEvent::StepStarted { step } => format!("start {step}"),
        AgentEvent::TextDelta { step, .. } => format!("text {step}"),
        AgentEvent::ReasoningDelta { step, .. } => format!("reasoning {step}"),
        AgentEvent::KeepAlive { step } => format!("keep-alive {step}"),
        AgentEvent::ToolCallStarted { step, call } => format!("call {step} {}", call.name()),
        AgentEvent::ToolResult { step, result } => {
            format!("result {step} {} ok={}", result.name, result.output.is_ok())
        }
        AgentEvent::StepFinished { step, .. } => format!("finished {step}"),
        AgentEvent::Done(_) => "done".to_owned(),
        other => format!("{other:?}"),
    }
}

#[tokio::test]
async fn a_streamed_run_yields_typed_events_then_the_output() {
    let server = server("chat/demo_stream").await;
    let agent = Agent::new(wiremock_client(&server), "openai/gpt-4.1-mini").tool(weather_tool());
    let mut stream = agent.stream(vec![Message::user("Weather in Paris and Tokyo?")]);
    let mut events = Vec::new();
    while let Some(event) = stream.next().await {
        events.push(event.unwrap());
    }
    let mut trace: Vec<String> = events.iter().map(label).collect();
    trace.dedup();
    let step1_end = trace.iter().position(|l| l == "finished 1").unwrap();
    assert_eq!(trace[0], "start 1");
    assert_eq!(
        trace[step1_end - 2..=step1_end],
        [
            "call 1 get_weather",
            "result 1 get_weather ok=true",
            "finished 1"
        ]
    );
    assert_eq!(trace[step1_end + 1], "start 2");
    assert!(trace.contains(&"keep-alive 2".to_owned()), "{trace:?}");
    assert!(trace.contains(&"text 2".to_owned()), "{trace:?}");
    assert_eq!(trace[trace.len() - 2..], ["finished 2", "done"]);

    let calls = events
        .iter()
        .filter(|e| matches!(e, AgentEvent::ToolCallStarted { .. }))
        .count();
    assert_eq!(calls, 2);
    let text: String = events
        .iter()
        .filter_map(|e| match e {
            AgentEvent::TextDelta { text, .. } => Some(text.as_str()),
            _ => None,
        })
        .collect();
    let Some(AgentEvent::Done(output)) = events.last() else {
        panic!("the last event is Done");
    };
    assert_eq!(output.stop, StopReason::Answered);
    assert_eq!(output.text(), Some(text.as_str()));
    assert!(output.steps[1].cost().is_some(), "step 2 reported its cost");
}

#[tokio::test]
async fn a_mid_stream_error_in_step_2_keeps_step_1() {
    let server = server("chat/stream_error_documented").await;
    let agent = Agent::new(wiremock_client(&server), "openai/gpt-4.1-mini").tool(weather_tool());
    let mut stream = agent.stream(vec![Message::user("Weather in Paris and Tokyo?")]);
    let mut finished = Vec::new();
    let error = loop {
        match stream.next().await.expect("the stream ends with an error") {
            Ok(AgentEvent::StepFinished { step, .. }) => finished.push(step),
            Ok(_) => {}
            Err(error) => break error,
        }
    };
    assert_eq!(finished, [1]);
    assert!(stream.next().await.is_none(), "nothing follows the error");

    let Error::Step(failure) = &error else {
        panic!("expected a step failure, got {error:?}");
    };
    assert_eq!(failure.step, 2);
    assert!(matches!(
        failure.source,
        openrouter_api::Error::MidStream(_)
    ));
    assert_eq!(failure.totals.steps, 1);
    let roles: Vec<&str> = error
        .conversation()
        .unwrap()
        .iter()
        .map(Message::role)
        .collect();
    assert_eq!(roles, ["user", "assistant", "tool", "tool"]);
    assert!(error.to_string().contains("step 2"), "{error}");
}
