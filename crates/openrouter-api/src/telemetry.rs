//! OpenTelemetry GenAI semantic-convention attributes (`gen_ai.*`) on the client's
//! `openrouter.request` span, as `tracing` fields that `tracing-opentelemetry` exports
//! unchanged. The span itself is made in `transport.rs`; this module says what goes in it.

use openrouter_types::ChatCompletion;
use openrouter_types::chunk::ChatChunk;
use openrouter_types::usage::Usage;
use tracing::Span;

/// `gen_ai.provider.name` of every call: the gateway (the upstream provider that served
/// the call is `openrouter.provider`).
pub(crate) const PROVIDER_NAME: &str = "openrouter";

/// `gen_ai.operation.name` of an inference path; `None` for the rest of the API.
fn operation_name(path: &str) -> Option<&'static str> {
    let path = path.split('?').next().unwrap_or(path);
    if path.ends_with("/chat/completions")
        || path.ends_with("/responses")
        || path.ends_with("/messages")
    {
        Some("chat")
    } else if path.ends_with("/embeddings") {
        Some("embeddings")
    } else {
        None
    }
}

/// Records what is known before the call: the operation, the gateway, the requested model.
pub(crate) fn record_request(span: &Span, path: &str, model: Option<&str>) {
    let Some(operation) = operation_name(path) else {
        return;
    };
    span.record("gen_ai.operation.name", operation);
    span.record("gen_ai.provider.name", PROVIDER_NAME);
    if let Some(model) = model {
        span.record("gen_ai.request.model", model);
    }
}

/// Records a whole chat completion: response model and id, finish reasons, usage, provider.
pub(crate) fn record_completion(span: &Span, completion: &ChatCompletion) {
    if !completion.model.is_empty() {
        span.record("gen_ai.response.model", completion.model.as_str());
    }
    if !completion.id.as_str().is_empty() {
        span.record("gen_ai.response.id", completion.id.as_str());
    }
    let reasons: Vec<&str> = completion
        .choices
        .iter()
        .filter_map(|c| c.finish_reason.as_ref().map(|r| r.as_str()))
        .collect();
    if !reasons.is_empty() {
        span.record(
            "gen_ai.response.finish_reasons",
            tracing::field::debug(&reasons),
        );
    }
    if let Some(provider) = &completion.provider {
        span.record("openrouter.provider", provider.as_str());
    }
}

/// Records what a stream's chunk says (model, id and provider come with every chunk; the
/// finish reason with the last).
pub(crate) fn record_chunk(span: &Span, chunk: &ChatChunk, first: bool) {
    if first {
        if !chunk.model.is_empty() {
            span.record("gen_ai.response.model", chunk.model.as_str());
        }
        if !chunk.id.is_empty() {
            span.record("gen_ai.response.id", chunk.id.as_str());
        }
        if let Some(provider) = &chunk.provider {
            span.record("openrouter.provider", provider.as_str());
        }
    }
    if let Some(reason) = chunk.finish_reason() {
        span.record(
            "gen_ai.response.finish_reasons",
            tracing::field::debug(&[reason.as_str()]),
        );
    }
}

/// Records usage: tokens and OpenRouter's reported cost.
pub(crate) fn record_usage(span: &Span, usage: &Usage) {
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

#[cfg(test)]
mod tests {
    use super::operation_name;

    #[test]
    fn inference_paths_name_their_operation() {
        assert_eq!(operation_name("/api/v1/chat/completions"), Some("chat"));
        assert_eq!(operation_name("/api/v1/presets/p/responses"), Some("chat"));
        assert_eq!(operation_name("/api/v1/messages"), Some("chat"));
        assert_eq!(operation_name("/api/v1/embeddings"), Some("embeddings"));
        assert_eq!(operation_name("/api/v1/embeddings/models"), None);
        assert_eq!(operation_name("/api/v1/models"), None);
    }
}
