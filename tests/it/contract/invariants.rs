//! What must hold for each kind of fixture, derived from the fixture itself (status, headers,
//! body, stream events) rather than from the snapshots.

use std::time::Duration;

use openrouter_api::{Error, TruncationReason};
use openrouter_testkit::Fixture;
use serde_json::Value;

use super::render::{api, variant};
use super::replay::{Replay, TEST_KEY, run};

/// What the fixture's response says the client must return.
#[derive(Debug, PartialEq)]
enum Expect {
    /// A 2xx answer with nothing wrong in it.
    Ok,
    /// An error status: `Error::Api` with that HTTP status.
    ApiStatus(u16),
    /// A 2xx body that is only an error envelope: `Error::Api` with the body's code.
    ErrorIn200(u16),
    /// An error after the generation started (a failed choice or stream event).
    MidStream,
    /// A stream cut before it finished (the fixture's name says `truncated`).
    Truncated,
}

fn expect(fixture: &Fixture) -> Expect {
    let response = fixture.response();
    let status = response.status();
    if !(200..300).contains(&status) {
        return Expect::ApiStatus(status);
    }
    if fixture.name().contains("truncated") {
        return Expect::Truncated;
    }
    if response.is_event_stream() {
        let failed = data_events(fixture).iter().any(|event| {
            event.get("error").is_some()
                || matches!(
                    event.get("type").and_then(Value::as_str),
                    Some("error" | "response.failed")
                )
                || choices(event).iter().any(choice_failed)
        });
        return if failed {
            Expect::MidStream
        } else {
            Expect::Ok
        };
    }
    let Ok(body) = serde_json::from_slice::<Value>(response.body().trim_ascii()) else {
        return Expect::Ok;
    };
    if let Some(error) = body.get("error").filter(|e| e.is_object())
        && body.get("choices").is_none()
    {
        let code = error.get("code").and_then(Value::as_u64).unwrap_or(500);
        return Expect::ErrorIn200(u16::try_from(code).unwrap_or(500));
    }
    if choices(&body).iter().any(choice_failed)
        || body.get("status").and_then(Value::as_str) == Some("failed")
    {
        return Expect::MidStream;
    }
    Expect::Ok
}

fn choices(value: &Value) -> &[Value] {
    value
        .get("choices")
        .and_then(Value::as_array)
        .map_or(&[], Vec::as_slice)
}

fn choice_failed(choice: &Value) -> bool {
    choice.get("error").is_some()
        || choice.get("finish_reason").and_then(Value::as_str) == Some("error")
}

/// The JSON of every `data:` line of an SSE body (a cut last line does not parse and is left
/// out, as the client must leave it out).
fn data_events(fixture: &Fixture) -> Vec<Value> {
    String::from_utf8_lossy(fixture.response().body())
        .lines()
        .filter_map(|line| line.strip_prefix("data:"))
        .filter_map(|data| serde_json::from_str(data.trim_start()).ok())
        .collect()
}

/// The first choice's text, assembled from the fixture's stream by hand: what the client's
/// completion (or partial completion) must hold.
fn streamed_content(fixture: &Fixture) -> String {
    data_events(fixture)
        .iter()
        .filter_map(|event| {
            choices(event)
                .iter()
                .find(|c| c.get("index").and_then(Value::as_u64).unwrap_or(0) == 0)?
                .pointer("/delta/content")?
                .as_str()
                .map(str::to_owned)
        })
        .collect()
}

fn content(completion: &Value) -> &str {
    completion
        .pointer("/choices/0/message/content")
        .and_then(Value::as_str)
        .unwrap_or_default()
}

fn check(replay: &Replay, problems: &mut Vec<String>) {
    let fixture = &replay.fixture;
    let name = fixture.name();
    let mut fail = |what: String| problems.push(format!("{name}: {what}"));
    let result = &replay.outcome.result;
    let expected = expect(fixture);
    let is_chat_stream = replay.plan.call().name() == "chat_stream";
    match (&expected, result) {
        (Expect::Ok, Ok(value)) => {
            if is_chat_stream {
                let stream = replay.outcome.stream.as_ref();
                if !stream.is_some_and(|s| s.done && s.events > 0) {
                    fail(format!(
                        "a finished stream must end with Done after chunks: {stream:?}"
                    ));
                }
                if content(value) != streamed_content(fixture) {
                    fail(format!(
                        "completion text {:?}, the stream's deltas say {:?}",
                        content(value),
                        streamed_content(fixture)
                    ));
                }
            }
            if replay.outcome.status != Some(fixture.response().status()) {
                fail(format!(
                    "status {:?}, recorded {}",
                    replay.outcome.status,
                    fixture.response().status()
                ));
            }
        }
        (Expect::ApiStatus(status), Err(error @ Error::Api(api))) => {
            if api.http_status().as_u16() != *status {
                fail(format!(
                    "http_status {}, recorded {status}",
                    api.http_status()
                ));
            }
            // A transient code wrapped in a 400 is reported as that code (documented); any
            // other error keeps its HTTP status.
            let code = fixture_error_code(fixture);
            let reported = error.status().map(|s| s.as_u16());
            let wrapped = *status == 400
                && code.is_some_and(|c| [408, 429, 500, 502, 503, 504, 524, 529].contains(&c));
            if reported != Some(*status) && !(wrapped && reported == code) {
                fail(format!("status() {reported:?}, recorded {status}"));
            }
            // A free-tier daily cap resets hours later: not worth retrying (documented).
            let daily_cap = fixture_body(fixture)
                .and_then(|b| b.pointer("/error/metadata/limit_source").cloned())
                == Some(Value::from("openrouter_free_tier_daily"));
            let transient = matches!(reported, Some(408 | 429 | 500..=599)) && !daily_cap;
            if error.is_retryable() != transient {
                fail(format!(
                    "is_retryable() {} for status {reported:?}",
                    error.is_retryable()
                ));
            }
        }
        (Expect::ErrorIn200(code), Err(error @ Error::Api(api))) => {
            if api.http_status().as_u16() != 200
                || error.status().map(|s| s.as_u16()) != Some(*code)
            {
                fail(format!(
                    "expected code {code} in a 200, got {:?} in a {}",
                    error.status(),
                    api.http_status()
                ));
            }
        }
        (Expect::MidStream, Err(Error::MidStream(e))) => {
            if replay.plan.call().name().starts_with("chat") {
                match e.partial() {
                    None => {
                        fail("a chat mid-stream error must carry the partial completion".into());
                    }
                    Some(partial) => {
                        let partial = serde_json::to_value(partial).unwrap_or_default();
                        let expected = if is_chat_stream {
                            streamed_content(fixture)
                        } else {
                            fixture_message_content(fixture)
                        };
                        if content(&partial) != expected {
                            fail(format!(
                                "partial text {:?}, the fixture says {expected:?}",
                                content(&partial)
                            ));
                        }
                    }
                }
            }
            if e.error().message().is_empty() {
                fail("a mid-stream error without a message".into());
            }
        }
        (Expect::Truncated, Err(Error::TruncatedStream(e))) => {
            if e.reason() != TruncationReason::EndOfBody {
                fail(format!(
                    "truncated by {:?}, expected the end of the body",
                    e.reason()
                ));
            }
            match e.partial() {
                None => fail("a truncated chat stream must carry the partial completion".into()),
                Some(partial) => {
                    let partial = serde_json::to_value(partial).unwrap_or_default();
                    let expected = streamed_content(fixture);
                    if expected.is_empty() || content(&partial) != expected {
                        fail(format!(
                            "partial text {:?}, the stream's deltas say {expected:?}",
                            content(&partial)
                        ));
                    }
                }
            }
            if !replay
                .outcome
                .result
                .as_ref()
                .is_err_and(Error::is_retryable)
            {
                fail("a truncated stream is retryable as a new request".into());
            }
        }
        (expected, Ok(_)) => fail(format!("expected {expected:?}, got Ok")),
        (expected, Err(error)) => fail(format!(
            "expected {expected:?}, got {}: {error}",
            variant(error)
        )),
    }
}

fn fixture_body(fixture: &Fixture) -> Option<Value> {
    serde_json::from_slice(fixture.response().body().trim_ascii()).ok()
}

fn fixture_error_code(fixture: &Fixture) -> Option<u16> {
    fixture_body(fixture)?
        .pointer("/error/code")?
        .as_u64()?
        .try_into()
        .ok()
}

fn fixture_message_content(fixture: &Fixture) -> String {
    serde_json::from_slice::<Value>(fixture.response().body().trim_ascii())
        .ok()
        .as_ref()
        .map(|body| content(body).to_owned())
        .unwrap_or_default()
}

#[test]
fn every_outcome_matches_its_fixture_kind() {
    let mut problems = Vec::new();
    for replay in &run().replays {
        check(replay, &mut problems);
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn error_messages_say_what_to_do_and_keep_the_key_out() {
    let mut problems = Vec::new();
    for replay in &run().replays {
        let name = replay.fixture.name();
        let Err(error) = &replay.outcome.result else {
            continue;
        };
        let message = error.to_string();
        let status = error.status().map(|s| s.as_u16());
        let http_status = api(error).map(|a| a.http_status().as_u16());
        if message.contains(TEST_KEY) || format!("{error:?}").contains(TEST_KEY) {
            problems.push(format!("{name}: the API key leaks into the error"));
        }
        if message.ends_with('.') || message.starts_with(char::is_uppercase) {
            problems.push(format!(
                "{name}: not lowercase / ends with a period: {message}"
            ));
        }
        if (status == Some(401) || http_status == Some(401))
            && !message.contains("OPENROUTER_API_KEY")
        {
            problems.push(format!(
                "{name}: a 401 must point at OPENROUTER_API_KEY: {message}"
            ));
        }
        if let Some(status) = error.status()
            && status.is_success()
        {
            problems.push(format!(
                "{name}: an error must not stand for {status}: {message}"
            ));
        }
        if http_status == Some(401)
            && api(error).is_some_and(|a| a.message().contains("management key"))
            && !message.contains("needs a management key")
        {
            problems.push(format!("{name}: a rejected inference key on a management endpoint must say a management key is needed: {message}"));
        }
        if replay.fixture.request().path() == "/api/v1/generation"
            && status == Some(404)
            && (message.contains("model slug") || !message.contains("retry"))
        {
            problems.push(format!("{name}: a 404 from /generation means the statistics are not ready yet: say to retry, not to check the model: {message}"));
        }
        if status == Some(402) && !message.contains("credits") {
            problems.push(format!("{name}: a 402 must mention credits: {message}"));
        }
        if let Some(secs) = replay
            .fixture
            .response()
            .header("retry-after")
            .and_then(|v| v.parse::<u64>().ok())
            && error.retry_after() != Some(Duration::from_secs(secs))
        {
            problems.push(format!(
                "{name}: retry_after() {:?}, the response said Retry-After: {secs}",
                error.retry_after()
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
