//! Each stop condition, against the bundled two-step exchange on the testkit's mock
//! OpenRouter (`chat/agent_weather_step1` calls `get_weather`, `…_step2` answers).

use std::time::{Duration, Instant};

use openrouter_agent::{StopCondition, StopReason, tool};
use openrouter_testkit::FixtureSet;
use openrouter_testkit::server::MockOpenRouter;
use openrouter_types::Message;

use crate::support::{WeatherArgs, client, weather_agent};

async fn mock() -> MockOpenRouter {
    MockOpenRouter::start(FixtureSet::bundled())
        .await
        .expect("mock starts")
}

fn question() -> Vec<Message> {
    vec![Message::user("What is the weather in Lisbon right now?")]
}

#[tokio::test]
async fn an_answer_without_tool_calls_ends_the_run_with_the_whole_conversation() {
    let server = mock().await;
    let run = weather_agent(client(&server.base_url()))
        .run(question())
        .await
        .unwrap();
    assert_eq!(run.stop, StopReason::Answered);
    assert_eq!(run.totals.steps, 2);
    assert_eq!(
        run.text(),
        Some("It is 21.5 °C and clear in Lisbon right now.")
    );
    let roles: Vec<&str> = run.messages.iter().map(Message::role).collect();
    assert_eq!(roles, ["user", "assistant", "tool", "assistant"]);
    // Tokens and cost are summed from each step's reported usage, never estimated.
    assert_eq!(run.totals.prompt_tokens, 88 + 131);
    assert_eq!(run.totals.completion_tokens, 18 + 15);
    assert!(
        (run.totals.cost - (3.12e-05 + 3.87e-05)).abs() < 1e-12,
        "{}",
        run.totals.cost
    );
    assert_eq!(run.totals.unpriced_steps, 0);
    // The tool's typed output went back as JSON, answering the model's call id.
    let result = &run.steps[0].tool_results[0];
    assert_eq!(result.call_id, "call_weather_lisbon");
    assert_eq!(
        result.output.as_deref(),
        Ok(r#"{"city":"Lisbon","celsius":21.5,"sky":"clear"}"#)
    );
    assert_eq!(server.received_requests().len(), 2);
}

#[tokio::test]
async fn step_count_stops_after_that_many_steps() {
    let server = mock().await;
    let run = weather_agent(client(&server.base_url()))
        .stop_when(StopCondition::step_count_is(1))
        .run(question())
        .await
        .unwrap();
    assert_eq!(run.stop, StopReason::StepCount(1));
    assert_eq!(run.totals.steps, 1);
    // The step's tool ran: its result is in the conversation, ready to continue.
    let roles: Vec<&str> = run.messages.iter().map(Message::role).collect();
    assert_eq!(roles, ["user", "assistant", "tool"]);
    assert_eq!(server.received_requests().len(), 1);
}

#[tokio::test]
async fn max_steps_is_a_backstop() {
    let server = mock().await;
    let run = weather_agent(client(&server.base_url()))
        .max_steps(1)
        .run(question())
        .await
        .unwrap();
    assert_eq!(run.stop, StopReason::StepCount(1));
}

#[tokio::test]
async fn a_named_tool_call_stops_the_run() {
    let server = mock().await;
    let run = weather_agent(client(&server.base_url()))
        .stop_when(StopCondition::has_tool_call("get_weather"))
        .run(question())
        .await
        .unwrap();
    assert_eq!(run.stop, StopReason::ToolCalled("get_weather".to_owned()));
    assert_eq!(run.totals.steps, 1);
    assert_eq!(run.steps[0].tool_results.len(), 1, "the tool still ran");
}

#[tokio::test]
async fn total_cost_stops_the_run_once_reached() {
    let server = mock().await;
    let run = weather_agent(client(&server.base_url()))
        .stop_when(StopCondition::max_cost(3e-05))
        .run(question())
        .await
        .unwrap();
    assert_eq!(
        run.stop,
        StopReason::MaxCost {
            limit: 3e-05,
            spent: 3.12e-05
        }
    );
    assert_eq!(run.totals.steps, 1);

    // A limit above the whole run's cost does not stop it.
    let run = weather_agent(client(&server.base_url()))
        .stop_when(StopCondition::max_cost(1.0))
        .run(question())
        .await
        .unwrap();
    assert_eq!(run.stop, StopReason::Answered);
}

#[tokio::test]
async fn a_deadline_that_passes_during_a_step_stops_after_it() {
    let server = mock().await;
    // The tool outlasts the run's time budget, so the deadline has passed when step 1 ends.
    let slow = tool(
        "get_weather",
        "Current weather",
        |args: WeatherArgs| async move {
            tokio::time::sleep(Duration::from_millis(300)).await;
            Ok::<_, String>(args.city)
        },
    );
    let run =
        openrouter_agent::Agent::new(client(&server.base_url()), crate::support::WEATHER_MODEL)
            .tool(slow)
            .stop_when(StopCondition::max_duration(Duration::from_millis(100)))
            .run(question())
            .await
            .unwrap();
    assert_eq!(run.stop, StopReason::Deadline);
    assert_eq!(run.totals.steps, 1);
    assert_eq!(server.received_requests().len(), 1);
}

#[tokio::test]
async fn a_passed_deadline_abandons_the_model_call_in_flight() {
    let server = mock().await;
    let run = weather_agent(client(&server.base_url()))
        .stop_when(StopCondition::deadline(Instant::now()))
        .run(question())
        .await
        .unwrap();
    assert_eq!(run.stop, StopReason::Deadline);
    assert_eq!(run.totals.steps, 0);
    assert_eq!(run.messages, question(), "an abandoned call adds nothing");
    assert!(
        server.received_requests().is_empty(),
        "a deadline that has passed sends no request"
    );
}

#[tokio::test]
async fn a_predicate_stops_the_run() {
    let server = mock().await;
    let run = weather_agent(client(&server.base_url()))
        .stop_when(StopCondition::predicate(|state| {
            state.totals.prompt_tokens > 50 && state.step.tool_calls.len() == 1
        }))
        .run(question())
        .await
        .unwrap();
    assert_eq!(run.stop, StopReason::Predicate);
    assert_eq!(run.totals.steps, 1);
}
