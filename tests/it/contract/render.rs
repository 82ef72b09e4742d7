//! How a replay is shown in its snapshot: the decoded value, or the error as a caller sees it
//! through the public accessors.

use std::error::Error as _;

use openrouter_api::Error;
use serde_json::{Map, Value, json};

use super::call::Plan;
use super::replay::Replay;

/// The snapshot body of one replay.
pub(crate) fn replay(replay: &Replay) -> Value {
    let outcome = &replay.outcome;
    let mut out = Map::new();
    out.insert("fixture".into(), replay.fixture.name().into());
    out.insert("call".into(), replay.plan.call().name().into());
    if let Plan::StandIn(_) = replay.plan {
        out.insert("stand_in".into(), true.into());
    }
    out.insert(
        "selected_by".into(),
        match &replay.header {
            Some(why) => format!("x-mock-fixture header ({why})"),
            None => "routing".to_owned(),
        }
        .into(),
    );
    out.insert(
        "sent".into(),
        replay
            .sent
            .iter()
            .map(|r| {
                let query: Vec<String> =
                    r.query().iter().map(|(k, v)| format!("{k}={v}")).collect();
                let query = if query.is_empty() {
                    String::new()
                } else {
                    format!("?{}", query.join("&"))
                };
                Value::from(format!("{} {}{query}", r.method(), r.path()))
            })
            .collect(),
    );
    if let Some(status) = outcome.status {
        out.insert("status".into(), status.into());
    }
    if let Some(id) = &outcome.generation_id {
        out.insert("generation_id".into(), id.as_str().into());
    }
    if let Some(stream) = &outcome.stream {
        let mut s = Map::new();
        s.insert("events".into(), stream.events.into());
        s.insert("keep_alives".into(), stream.keep_alives.into());
        s.insert("done".into(), stream.done.into());
        if let Some(outcome) = &stream.outcome {
            s.insert("outcome".into(), outcome.as_str().into());
        }
        if let Some(latest) = &stream.latest {
            s.insert("latest".into(), latest.clone());
        }
        out.insert("stream".into(), Value::Object(s));
    }
    match &outcome.result {
        Ok(value) => {
            out.insert("ok".into(), value.clone());
        }
        Err(error) => {
            out.insert("error".into(), self::error(error));
        }
    }
    Value::Object(out)
}

/// An error through its public accessors, as a caller would branch on it.
pub(crate) fn error(error: &Error) -> Value {
    let mut out = Map::new();
    out.insert("variant".into(), variant(error).into());
    out.insert("status".into(), error.status().map(|s| s.as_u16()).into());
    if let Some(api) = api(error) {
        out.insert("http_status".into(), api.http_status().as_u16().into());
        if let Some(excerpt) = api.body_excerpt() {
            out.insert("body_excerpt".into(), excerpt.into());
        }
    }
    out.insert("retryable".into(), error.is_retryable().into());
    out.insert(
        "retry_after".into(),
        error.retry_after().map(|d| format!("{d:?}")).into(),
    );
    if let Some(id) = error.generation_id() {
        out.insert("generation_id".into(), id.into());
    }
    out.insert("attempts".into(), error.attempts().len().into());
    out.insert("message".into(), error.to_string().into());
    let mut sources = Vec::new();
    let mut source = error.source();
    while let Some(cause) = source {
        sources.push(Value::from(cause.to_string()));
        source = cause.source();
    }
    if !sources.is_empty() {
        out.insert("sources".into(), sources.into());
    }
    match error {
        Error::MidStream(e) => {
            out.insert("partial".into(), partial(e.partial()));
        }
        Error::TruncatedStream(e) => {
            out.insert("truncation".into(), format!("{:?}", e.reason()).into());
            out.insert(
                "discarded_partial_event".into(),
                e.discarded_partial_event().into(),
            );
            out.insert("partial".into(), partial(e.partial()));
        }
        _ => {}
    }
    Value::Object(out)
}

/// The variant's name: what a caller matches on.
pub(crate) fn variant(error: &Error) -> &'static str {
    match error {
        Error::Api(_) => "Api",
        Error::MidStream(_) => "MidStream",
        Error::TruncatedStream(_) => "TruncatedStream",
        Error::Transport(_) => "Transport",
        Error::Timeout(_) => "Timeout",
        Error::Decode(_) => "Decode",
        Error::LimitExceeded(_) => "LimitExceeded",
        Error::Config(_) => "Config",
        _ => "unknown",
    }
}

/// The API error inside an `Api` or `MidStream` error.
pub(crate) fn api(error: &Error) -> Option<&openrouter_api::ApiError> {
    match error {
        Error::Api(e) => Some(e),
        Error::MidStream(e) => Some(e.error()),
        _ => None,
    }
}

fn partial<T: serde::Serialize>(partial: Option<&T>) -> Value {
    partial.map_or(Value::Null, |p| {
        serde_json::to_value(p).unwrap_or_else(|e| json!(format!("unserialisable: {e}")))
    })
}
