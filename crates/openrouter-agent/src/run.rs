//! The loop itself: call the model, run the tools it asked for concurrently, append the
//! results, check the stop conditions; shared by `run` (plain calls) and `stream`.

use std::time::{Duration, Instant};

use futures::StreamExt;
use futures::channel::mpsc;
use futures::future::join_all;
use openrouter_api::StreamEvent;
use openrouter_types::{ChatCompletion, Message, ToolCall};
use tracing::Instrument;

use crate::agent::{Agent, StepContext};
use crate::stop::{StopCondition, StopState};
use crate::telemetry;
use crate::tool::ToolError;
use crate::{
    AgentEvent, Error, RunOutput, StepFailure, StepRecord, StopReason, ToolResult, Totals,
};

/// Where a streaming run sends its events; `None` for `run`.
pub(crate) type Events = Option<mpsc::Sender<AgentEvent>>;

pub(crate) async fn drive(
    agent: Agent,
    messages: Vec<Message>,
    events: Events,
) -> Result<RunOutput, Error> {
    let span = telemetry::agent_span(&agent);
    let result = run_loop(&agent, messages, events)
        .instrument(span.clone())
        .await;
    telemetry::record_run(&span, &result);
    result
}

async fn run_loop(
    agent: &Agent,
    mut messages: Vec<Message>,
    mut events: Events,
) -> Result<RunOutput, Error> {
    if let Some(message) = &agent.config_error {
        return Err(Error::Config(message.clone()));
    }
    let start = Instant::now();
    let deadline = agent
        .stop
        .iter()
        .filter_map(|c| c.deadline_from(start))
        .min();
    let mut steps: Vec<StepRecord> = Vec::new();
    let mut totals = Totals::default();
    let stop = loop {
        let index = totals.steps + 1;
        let mut request = agent.request.clone();
        request.messages = messages.clone();
        if !agent.tools.is_empty() {
            request.tools = Some(agent.tools.definitions());
        }
        if let Some(hook) = &agent.prepare {
            let context = StepContext {
                step: index,
                totals: &totals,
                messages: &messages,
            };
            hook(&context, &mut request);
        }
        let offered: Vec<String> = request
            .tools
            .iter()
            .flatten()
            .filter_map(|t| t.function.as_ref().map(|f| f.name.clone()))
            .collect();
        // A deadline that has already passed starts no call (and costs nothing). Checked here
        // rather than left to `timeout_at`: tokio rounds a timer up to its next millisecond
        // tick, and a fast answer can arrive within it.
        if deadline.is_some_and(|deadline| Instant::now() >= deadline) {
            break StopReason::Deadline;
        }
        send(&mut events, AgentEvent::StepStarted { step: index }).await;

        let step_start = Instant::now();
        let call = model_call(agent, &request, &mut events, index);
        let outcome = match deadline {
            Some(deadline) => match tokio::time::timeout_at(deadline.into(), call).await {
                Ok(outcome) => outcome,
                Err(_) => break StopReason::Deadline,
            },
            None => call.await,
        };
        let completion = match outcome {
            Ok(completion) => completion,
            Err(source) => {
                totals.elapsed = start.elapsed();
                return Err(Error::Step(Box::new(StepFailure {
                    step: index,
                    source,
                    conversation: messages,
                    totals,
                    elapsed: start.elapsed(),
                })));
            }
        };

        let tool_calls = completion.tool_calls().to_vec();
        messages.push(Message::from(
            completion.message().cloned().unwrap_or_default(),
        ));
        for call in &tool_calls {
            send(
                &mut events,
                AgentEvent::ToolCallStarted {
                    step: index,
                    call: call.clone(),
                },
            )
            .await;
        }
        let tool_results = run_tools(agent, &offered, &tool_calls, &events, index).await;
        for result in &tool_results {
            messages.push(Message::tool(result.call_id.clone(), result.content()));
        }

        totals.add_step(&completion, tool_calls.len());
        totals.elapsed = start.elapsed();
        let record = StepRecord {
            index,
            completion,
            tool_calls,
            tool_results,
            elapsed: step_start.elapsed(),
        };
        send(
            &mut events,
            AgentEvent::StepFinished {
                step: index,
                usage: record.usage().cloned(),
                cost: record.cost(),
                finish_reason: record.finish_reason().cloned(),
                totals: totals.clone(),
            },
        )
        .await;
        let answered = record.tool_calls.is_empty();
        steps.push(record);
        if answered {
            break StopReason::Answered;
        }
        let state = StopState {
            step: steps.last().expect("a step was just pushed"),
            totals: &totals,
            messages: &messages,
        };
        let now = Instant::now();
        let backstop = StopCondition::step_count_is(agent.max_steps);
        if let Some(reason) = agent
            .stop
            .iter()
            .chain(std::iter::once(&backstop))
            .find_map(|condition| condition.check(&state, now, start))
        {
            break reason;
        }
    };
    totals.elapsed = start.elapsed();
    Ok(RunOutput {
        messages,
        steps,
        totals,
        stop,
    })
}

/// One model call: plain for `run`, streamed (forwarding deltas) for `stream`.
async fn model_call(
    agent: &Agent,
    request: &openrouter_types::ChatRequest,
    events: &mut Events,
    step: usize,
) -> Result<ChatCompletion, openrouter_api::Error> {
    let span = telemetry::chat_span(request);
    let result = async {
        if events.is_none() {
            return agent.client.chat(request).await.map(|r| r.into_inner());
        }
        let mut stream = agent.client.chat_stream(request).await?;
        while let Some(event) = stream.next().await {
            match event? {
                StreamEvent::Chunk(chunk) => {
                    if let Some(text) = chunk.reasoning().filter(|t| !t.is_empty()) {
                        let text = text.to_owned();
                        send(events, AgentEvent::ReasoningDelta { step, text }).await;
                    }
                    if let Some(text) = chunk.content().filter(|t| !t.is_empty()) {
                        let text = text.to_owned();
                        send(events, AgentEvent::TextDelta { step, text }).await;
                    }
                }
                StreamEvent::KeepAlive => send(events, AgentEvent::KeepAlive { step }).await,
                StreamEvent::Done => break,
                _ => {}
            }
        }
        Ok(stream.into_completion())
    }
    .instrument(span.clone())
    .await;
    if let Ok(completion) = &result {
        telemetry::record_completion(&span, completion);
    }
    result
}

/// Runs one step's tool calls concurrently; results come back in call order.
async fn run_tools(
    agent: &Agent,
    offered: &[String],
    calls: &[ToolCall],
    events: &Events,
    step: usize,
) -> Vec<ToolResult> {
    join_all(calls.iter().map(|call| {
        let mut events = events.clone();
        async move {
            let result = run_tool(agent, offered, call).await;
            send(
                &mut events,
                AgentEvent::ToolResult {
                    step,
                    result: result.clone(),
                },
            )
            .await;
            result
        }
    }))
    .await
}

async fn run_tool(agent: &Agent, offered: &[String], call: &ToolCall) -> ToolResult {
    let name = call.name().to_owned();
    let span = telemetry::tool_span(&name, call.id());
    let started = Instant::now();
    let output = async {
        let tool = agent
            .tools
            .get(&name)
            .filter(|_| offered.contains(&name))
            .ok_or_else(|| ToolError::Unknown(name.clone()))?;
        let timeout: Duration = tool.timeout().unwrap_or(agent.tool_timeout);
        match tokio::time::timeout(timeout, tool.call(call.arguments().to_owned())).await {
            Ok(output) => output,
            Err(_) => Err(ToolError::TimedOut(timeout)),
        }
    }
    .instrument(span.clone())
    .await;
    telemetry::record_tool(&span, &output);
    ToolResult {
        call_id: call.id().to_owned(),
        name,
        output,
        elapsed: started.elapsed(),
    }
}

async fn send(events: &mut Events, event: AgentEvent) {
    if let Some(sender) = events {
        use futures::SinkExt;
        // A closed channel means the stream was dropped, and this future with it.
        let _ = sender.send(event).await;
    }
}
