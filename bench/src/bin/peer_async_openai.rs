//! `peer_async_openai [BASE_URL]`: async-openai, a widely used Rust OpenAI client, against our
//! mock OpenRouter server (issue 5). `cargo xtask peer` runs it after the Python `openai` peer.
//!
//! It lives in the bench workspace because async-openai is a heavy peer crate that must never
//! enter the main build. Without an argument it starts `MockOpenRouter` with the bundled
//! fixtures in-process, writing bodies in small chunks so async-openai has to reassemble
//! events across reads as it does with OpenRouter; with one, it talks to that server instead
//! (e.g. the URL `openrouter-mock` prints), which must serve the bundled fixtures. Three
//! checks, each against the values recorded in the fixture that answers it:
//!
//! 1. a plain chat with the request of `chat/demo`: the answer text, `finish_reason`, usage;
//! 2. the same request streamed (`chat/demo_stream`): the concatenated deltas, `finish_reason`
//!    and the usage chunk, which OpenRouter sends without `stream_options.include_usage`;
//! 3. a chat with the model of `chat/error_429`: it must be an error; how async-openai shows it.
//!
//! # Failures and findings
//!
//! The exit status is non-zero for a failure of ours: the server unreachable, a stream broken,
//! text or usage that differ from the fixture, an error fixture answered as a success.
//!
//! A *finding* is async-openai refusing a body our fixture records as OpenRouter sends it
//! (`OpenAIError::JSONDeserialize`): its types are OpenAI's, and OpenRouter's shapes differ in
//! places (its error envelope has a numeric `code`; async-openai expects a string). The issue
//! says such a mismatch is something to state in BENCHMARKS/README comparisons, not a failure
//! of ours, so a finding is printed (`finding: …`) and the exit status stays 0. Fixing it by
//! editing a fixture would defeat the point: the fixtures are recordings.

use std::process::ExitCode;

use async_openai::Client;
use async_openai::config::OpenAIConfig;
use async_openai::error::OpenAIError;
use async_openai::types::chat::{
    ChatCompletionRequestUserMessageArgs, CreateChatCompletionRequest,
    CreateChatCompletionRequestArgs, FinishReason,
};
use futures::StreamExt as _;
use openrouter_testkit::server::{MockOpenRouter, Pacing};
use openrouter_testkit::{Fixture, FixtureSet};
use serde_json::Value;

/// Bytes per write of the in-process server: small and odd, so events and JSON objects are
/// split at arbitrary places.
const CHUNK_SIZE: usize = 61;

/// How a check ended when it did not fail.
enum Outcome {
    Ok(String),
    Finding(String),
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> ExitCode {
    match run().await {
        Ok(findings) => {
            if findings > 0 {
                println!(
                    "peer_async_openai: {findings} finding(s): async-openai cannot decode some \
                     OpenRouter shapes (not a failure of the mock server)"
                );
            }
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("peer_async_openai: FAIL: {message}");
            ExitCode::FAILURE
        }
    }
}

/// Runs the checks in order, stopping at the first failure; returns the number of findings.
async fn run() -> Result<usize, String> {
    let set = FixtureSet::bundled();
    let args: Vec<String> = std::env::args().skip(1).collect();
    let given_url = match args.as_slice() {
        [] => None,
        [url] if !url.starts_with('-') => Some(url.clone()),
        _ => return Err("usage: peer_async_openai [BASE_URL]".to_owned()),
    };
    // Kept until the checks are done: dropping it stops the server.
    let server = match given_url {
        Some(_) => None,
        None => Some(
            MockOpenRouter::builder(set.clone())
                .pacing(Pacing::new().chunk_size(CHUNK_SIZE))
                .start()
                .await
                .map_err(|e| format!("cannot start the mock server: {e}"))?,
        ),
    };
    let base_url = given_url
        .or_else(|| server.as_ref().map(MockOpenRouter::base_url))
        .unwrap_or_default();
    let client = Client::with_config(
        OpenAIConfig::new()
            .with_api_base(&base_url)
            .with_api_key("mock-key-not-secret"),
    );

    let mut findings = 0;
    report("plain chat", plain(&client, &set).await, &mut findings)?;
    report(
        "streamed chat",
        streamed(&client, &set).await,
        &mut findings,
    )?;
    report(
        "429 error",
        rate_limited(&client, &set).await,
        &mut findings,
    )?;
    Ok(findings)
}

/// Prints one line for a check that passed or found something; names a failed one.
fn report(
    name: &str,
    outcome: Result<Outcome, String>,
    findings: &mut usize,
) -> Result<(), String> {
    match outcome.map_err(|e| format!("{name}: {e}"))? {
        Outcome::Ok(detail) => println!("ok {name}: {detail}"),
        Outcome::Finding(detail) => {
            *findings += 1;
            println!("finding {name}: {detail}");
        }
    }
    Ok(())
}

/// (1) The plain demo answer, compared with `chat/demo`'s recorded body.
async fn plain(client: &Client<OpenAIConfig>, set: &FixtureSet) -> Result<Outcome, String> {
    let fixture = fixture(set, "chat/demo")?;
    let recorded = json_body(fixture)?;
    let want_text = recorded
        .pointer("/choices/0/message/content")
        .and_then(Value::as_str)
        .ok_or("chat/demo records no message content")?;
    let want_tokens = total_tokens(&recorded).ok_or("chat/demo records no usage")?;

    let response = match client.chat().create(request_of(fixture)?).await {
        Ok(response) => response,
        Err(error) => return finding_or_failure(error),
    };
    let choice = response.choices.first().ok_or("no choices")?;
    let text = choice.message.content.as_deref().unwrap_or_default();
    if text != want_text {
        return Err(format!("content {text:?}, the fixture has {want_text:?}"));
    }
    if choice.finish_reason != Some(FinishReason::Stop) {
        return Err(format!("finish_reason {:?}", choice.finish_reason));
    }
    let tokens = response.usage.as_ref().map(|u| u.total_tokens);
    if tokens != Some(want_tokens) {
        return Err(format!("usage total_tokens {tokens:?}, want {want_tokens}"));
    }
    Ok(Outcome::Ok(format!(
        "{} chars, finish_reason stop, {want_tokens} tokens ({})",
        text.len(),
        response.model
    )))
}

/// (2) The streamed demo answer, compared with the deltas and usage in `chat/demo_stream`'s
/// recorded SSE body.
async fn streamed(client: &Client<OpenAIConfig>, set: &FixtureSet) -> Result<Outcome, String> {
    let fixture = fixture(set, "chat/demo_stream")?;
    let (want_text, want_tokens) = recorded_stream(fixture)?;

    // No `stream_options.include_usage`: OpenRouter always ends a stream with a usage chunk,
    // and async-openai decodes it whether or not it was asked for.
    let mut stream = match client.chat().create_stream(request_of(fixture)?).await {
        Ok(stream) => stream,
        Err(error) => return finding_or_failure(error),
    };
    let (mut text, mut chunks, mut finish, mut tokens) = (String::new(), 0, None, None);
    while let Some(chunk) = stream.next().await {
        let chunk = match chunk {
            Ok(chunk) => chunk,
            Err(error) => return finding_or_failure(error),
        };
        chunks += 1;
        for choice in chunk.choices {
            text.push_str(choice.delta.content.as_deref().unwrap_or_default());
            finish = finish.or(choice.finish_reason);
        }
        if let Some(usage) = chunk.usage {
            tokens = Some(usage.total_tokens);
        }
    }
    if text != want_text {
        return Err(format!("content {text:?}, the fixture has {want_text:?}"));
    }
    if finish != Some(FinishReason::Stop) {
        return Err(format!("finish_reason {finish:?}"));
    }
    match tokens {
        Some(tokens) if tokens == want_tokens => Ok(Outcome::Ok(format!(
            "{chunks} chunks, {} chars, finish_reason stop, usage chunk with {tokens} tokens \
             (no stream_options needed)",
            text.len()
        ))),
        Some(tokens) => Err(format!("usage total_tokens {tokens}, want {want_tokens}")),
        None => Err("the stream ended without a usage chunk".to_owned()),
    }
}

/// (3) `chat/error_429`, selected by its model: any `Err` passes; how it arrives is reported.
async fn rate_limited(client: &Client<OpenAIConfig>, set: &FixtureSet) -> Result<Outcome, String> {
    let fixture = fixture(set, "chat/error_429")?;
    let want_message = json_body(fixture)?
        .pointer("/error/message")
        .and_then(Value::as_str)
        .ok_or("chat/error_429 records no error message")?
        .to_owned();
    match client.chat().create(request_of(fixture)?).await {
        Ok(response) => Err(format!(
            "the 429 fixture came back as a success: {response:?}"
        )),
        Err(OpenAIError::ApiError(error)) => {
            let status = error.status_code.as_u16();
            if status != 429 {
                return Err(format!("ApiError with status {status}, want 429"));
            }
            if error.api_error.message != want_message {
                return Err(format!(
                    "ApiError message {:?}, want {want_message:?}",
                    error.api_error.message
                ));
            }
            Ok(Outcome::Ok(format!(
                "Err(ApiError) with status 429, message {want_message:?}"
            )))
        }
        // OpenRouter's envelope has `"code": 429`, async-openai's `ApiError::code` is a string:
        // it is still an error, but the status is lost and the message is only in the raw body.
        Err(OpenAIError::JSONDeserialize(error, body)) if body.contains(&want_message) => {
            Ok(Outcome::Finding(format!(
                "an error, but Err(JSONDeserialize) rather than Err(ApiError): \"{error}\"; \
                 the 429 status is not surfaced and the message is only in the raw body"
            )))
        }
        Err(error) => Err(format!("an error, but not from the fixture: {error}")),
    }
}

/// A request async-openai builds from a fixture's recorded body: its model and first user
/// message, which route it to that fixture (`stream` is set by `create_stream`).
fn request_of(fixture: &Fixture) -> Result<CreateChatCompletionRequest, String> {
    let body = fixture
        .request()
        .body()
        .ok_or_else(|| format!("{} records no request body", fixture.name()))?;
    let model = body["model"].as_str().unwrap_or_default();
    let content = body
        .pointer("/messages/0/content")
        .and_then(Value::as_str)
        .ok_or_else(|| format!("{} records no user message", fixture.name()))?;
    let message = ChatCompletionRequestUserMessageArgs::default()
        .content(content)
        .build()
        .map_err(|e| e.to_string())?;
    CreateChatCompletionRequestArgs::default()
        .model(model)
        .messages(vec![message.into()])
        .build()
        .map_err(|e| e.to_string())
}

/// An error from a check's request: a finding if async-openai could not decode the body,
/// otherwise a failure.
fn finding_or_failure(error: OpenAIError) -> Result<Outcome, String> {
    match error {
        OpenAIError::JSONDeserialize(error, body) => Ok(Outcome::Finding(format!(
            "async-openai cannot decode the recorded body: \"{error}\" in {body}"
        ))),
        other => Err(other.to_string()),
    }
}

fn fixture<'a>(set: &'a FixtureSet, name: &str) -> Result<&'a Fixture, String> {
    set.get(name)
        .ok_or_else(|| format!("the bundled fixtures have no `{name}`"))
}

fn json_body(fixture: &Fixture) -> Result<Value, String> {
    serde_json::from_slice(fixture.response().body())
        .map_err(|e| format!("{}: the response body is not JSON: {e}", fixture.name()))
}

fn total_tokens(value: &Value) -> Option<u32> {
    let tokens = value.pointer("/usage/total_tokens")?.as_u64()?;
    u32::try_from(tokens).ok()
}

/// The text and usage a recorded stream carries, read with `serde_json` alone so the
/// expectation does not depend on the client under test.
fn recorded_stream(fixture: &Fixture) -> Result<(String, u32), String> {
    let body = std::str::from_utf8(fixture.response().body())
        .map_err(|e| format!("{}: the stream is not UTF-8: {e}", fixture.name()))?;
    let (mut text, mut tokens) = (String::new(), None);
    for data in body.lines().filter_map(|line| line.strip_prefix("data: ")) {
        if data == "[DONE]" {
            continue;
        }
        let chunk: Value = serde_json::from_str(data)
            .map_err(|e| format!("{}: a data line is not JSON: {e}", fixture.name()))?;
        for choice in chunk["choices"].as_array().into_iter().flatten() {
            text.push_str(choice["delta"]["content"].as_str().unwrap_or_default());
        }
        tokens = total_tokens(&chunk).or(tokens);
    }
    let tokens = tokens.ok_or_else(|| format!("{} records no usage chunk", fixture.name()))?;
    Ok((text, tokens))
}
