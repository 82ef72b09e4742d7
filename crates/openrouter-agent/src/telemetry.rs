//! Spans in the OpenTelemetry GenAI semantic conventions (`gen_ai.*`), emitted as `tracing`
//! fields so `tracing-opentelemetry` exports them unchanged: `invoke_agent` around a run,
//! `chat` around each model call, `execute_tool` around each tool call.

use openrouter_types::ChatCompletion;
use openrouter_types::chat::ChatRequest;
use tracing::Span;
use tracing::field::Empty;

use crate::agent::Agent;
use crate::tool::ToolError;
use crate::{Error, RunOutput};

/// `gen_ai.provider.name` for every call through OpenRouter.
pub const PROVIDER_NAME: &str = "openrouter";

pub(crate) fn agent_span(agent: &Agent) -> Span {
    let model = agent.model_name();
    let name = agent.name.as_deref().unwrap_or("openrouter-agent");
    tracing::info_span!(
        "invoke_agent",
        otel.name = %format!("invoke_agent {name}"),
        otel.kind = "internal",
        gen_ai.operation.name = "invoke_agent",
        gen_ai.provider.name = PROVIDER_NAME,
        gen_ai.agent.name = name,
        gen_ai.request.model = %model,
        gen_ai.usage.input_tokens = Empty,
        gen_ai.usage.output_tokens = Empty,
        openrouter.cost = Empty,
        openrouter.agent.steps = Empty,
        openrouter.agent.stop_reason = Empty,
        error.type = Empty,
    )
}

pub(crate) fn record_run(span: &Span, result: &Result<RunOutput, Error>) {
    match result {
        Ok(output) => {
            span.record("gen_ai.usage.input_tokens", output.totals.prompt_tokens);
            span.record(
                "gen_ai.usage.output_tokens",
                output.totals.completion_tokens,
            );
            span.record("openrouter.cost", output.totals.cost);
            span.record("openrouter.agent.steps", output.totals.steps as u64);
            span.record(
                "openrouter.agent.stop_reason",
                tracing::field::debug(&output.stop),
            );
        }
        Err(error) => {
            span.record("error.type", error_type(error));
        }
    }
}

fn error_type(error: &Error) -> &'static str {
    match error {
        Error::Step(_) => "step_failed",
        Error::Config(_) => "config",
        Error::Mcp(_) => "mcp",
    }
}

pub(crate) fn chat_span(request: &ChatRequest) -> Span {
    let model = request
        .model
        .as_ref()
        .map(|m| m.as_str().to_owned())
        .unwrap_or_default();
    tracing::info_span!(
        "chat",
        otel.name = %format!("chat {model}"),
        otel.kind = "client",
        gen_ai.operation.name = "chat",
        gen_ai.provider.name = PROVIDER_NAME,
        gen_ai.request.model = %model,
        gen_ai.request.temperature = request.temperature,
        gen_ai.response.model = Empty,
        gen_ai.response.id = Empty,
        gen_ai.response.finish_reasons = Empty,
        gen_ai.usage.input_tokens = Empty,
        gen_ai.usage.output_tokens = Empty,
        openrouter.cost = Empty,
        openrouter.provider = Empty,
    )
}

pub(crate) fn record_completion(span: &Span, completion: &ChatCompletion) {
    span.record("gen_ai.response.model", completion.model.as_str());
    span.record("gen_ai.response.id", completion.id.as_str());
    let reasons: Vec<&str> = completion
        .choices
        .iter()
        .filter_map(|c| c.finish_reason.as_ref().map(|r| r.as_str()))
        .collect();
    span.record(
        "gen_ai.response.finish_reasons",
        tracing::field::debug(&reasons),
    );
    if let Some(usage) = &completion.usage {
        if let Some(tokens) = usage.prompt_tokens {
            span.record("gen_ai.usage.input_tokens", tokens);
        }
        if let Some(tokens) = usage.completion_tokens {
            span.record("gen_ai.usage.output_tokens", tokens);
        }
        if let Some(cost) = usage.cost {
            span.record("openrouter.cost", cost);
        }
    }
    if let Some(provider) = &completion.provider {
        span.record("openrouter.provider", provider.as_str());
    }
}

pub(crate) fn tool_span(name: &str, call_id: &str) -> Span {
    tracing::info_span!(
        "execute_tool",
        otel.name = %format!("execute_tool {name}"),
        otel.kind = "internal",
        gen_ai.operation.name = "execute_tool",
        gen_ai.provider.name = PROVIDER_NAME,
        gen_ai.tool.name = name,
        gen_ai.tool.call.id = call_id,
        gen_ai.tool.type = "function",
        error.type = Empty,
    )
}

pub(crate) fn record_tool(span: &Span, output: &Result<String, ToolError>) {
    if let Err(error) = output {
        let kind = match error {
            ToolError::Unknown(_) => "unknown_tool",
            ToolError::InvalidArguments(_) => "invalid_arguments",
            ToolError::TimedOut(_) => "timeout",
            _ => "tool_error",
        };
        span.record("error.type", kind);
    }
}
