//! `openrouter chat --api messages`: the same conversation sent through
//! OpenRouter's Anthropic Messages API (`POST /messages`) instead of chat
//! completions, streamed or whole.

use futures::StreamExt;
use openrouter_api::MessagesStreamItem;
use openrouter_types::ChatRequest;
use openrouter_types::messages::{MessageParam, MessagesRequest, MessagesResponse};

use super::answer::{Answer, AnswerOut};
use super::toolcall::{Arguments, Shown};
use super::turn::Turn;
use crate::exit::{Code, Failure};
use crate::interrupt::Interrupt;
use crate::output::{self, thousands};
use crate::progress::Spinner;

/// The chat request as a Messages API request: system messages become
/// `system`, the others keep their role and text, the options that both APIs
/// share carry over.
pub fn request(chat: &ChatRequest) -> Result<MessagesRequest, Failure> {
    let mut system = Vec::new();
    let mut messages = Vec::new();
    for message in &chat.messages {
        let value = serde_json::to_value(message).map_err(std::io::Error::other)?;
        let text = value["content"].as_str().unwrap_or_default().to_owned();
        match message.role() {
            "system" | "developer" => system.push(text),
            "assistant" => messages.push(MessageParam::assistant(text)),
            _ => messages.push(MessageParam::user(text)),
        }
    }
    if messages.is_empty() {
        return Err(Failure::new(Code::Usage, "there is no message to send"));
    }
    let model = chat
        .model
        .as_ref()
        .map_or("openrouter/auto", |m| m.as_str());
    let mut request = MessagesRequest::new(model, messages)
        // The Messages API wants a bound; 4096 is what the Anthropic SDKs default to.
        .max_tokens(chat.max_tokens.unwrap_or(4096));
    if !system.is_empty() {
        request = request.system(system.join("\n\n"));
    }
    if let Some(temperature) = chat.temperature {
        request = request.temperature(temperature);
    }
    if let Some(models) = &chat.models {
        request = request.models(models.iter().map(|m| m.as_str().to_owned()));
    }
    Ok(request)
}

/// Sends `request` through `/messages` and shows the answer (text, then tool calls); returns it.
pub async fn run(
    turn: &Turn<'_>,
    request: &MessagesRequest,
    interrupt: &mut Interrupt,
) -> Result<Answer, Failure> {
    let (client, stream, json, term) = (turn.client, turn.stream, turn.json, turn.term);
    let fail = |e: openrouter_api::Error, printed: bool| Failure::from_client(&e, printed);
    let mut spinner = Spinner::start(term, "waiting for OpenRouter…");
    if !stream {
        let response = tokio::select! {
            biased;
            () = interrupt.wait() => return Err(Failure::interrupted(false)),
            response = client.messages(request) => response,
        };
        spinner.clear();
        let message = response.map_err(|e| fail(e, false))?.into_inner();
        let answer = answer_of(&message);
        if json {
            output::print_json(&message)?;
        } else {
            let mut out = AnswerOut::new(turn.markdown);
            out.write(&answer.text)?;
            out.finish()?;
            out.tool_calls(&answer.tool_calls)?;
        }
        term.note(&summary(&message));
        return Ok(answer);
    }
    let opened = tokio::select! {
        biased;
        () = interrupt.wait() => return Err(Failure::interrupted(false)),
        opened = client.messages_stream(request) => opened,
    };
    let mut stream = opened.map_err(|e| fail(e, false))?;
    let mut out = AnswerOut::new(turn.markdown);
    loop {
        let item = tokio::select! {
            biased;
            () = interrupt.wait() => {
                drop(stream);
                spinner.clear();
                out.finish()?;
                return Err(Failure::interrupted(out.wrote()));
            }
            item = stream.next() => item,
        };
        match item {
            None | Some(Ok(MessagesStreamItem::Done)) => break,
            Some(Ok(MessagesStreamItem::KeepAlive)) => spinner.keep_alive(),
            Some(Ok(MessagesStreamItem::Event(event))) => {
                if json {
                    spinner.clear();
                    let line = serde_json::to_string(&event).map_err(std::io::Error::other)?;
                    out.write_raw(&format!("{line}\n"))?;
                } else if let Some(text) = event.text_delta().filter(|t| !t.is_empty()) {
                    spinner.clear();
                    out.write(text)?;
                }
            }
            Some(Ok(_)) => {}
            Some(Err(error)) => {
                spinner.clear();
                out.finish()?;
                return Err(fail(error, out.wrote()));
            }
        }
    }
    spinner.clear();
    out.finish()?;
    let message = stream.message();
    let answer = answer_of(&message);
    if !json {
        out.tool_calls(&answer.tool_calls)?;
    }
    term.note(&summary(&message));
    Ok(answer)
}

fn answer_of(message: &MessagesResponse) -> Answer {
    Answer {
        text: message.text(),
        tool_calls: message
            .tool_uses()
            .map(|tool| Shown {
                name: tool.name.clone(),
                id: tool.id.clone(),
                arguments: Arguments::Value(tool.input.clone()),
            })
            .collect(),
    }
}

/// `model · N prompt + M completion tokens · $cost · id` (the tool calls are on stdout).
fn summary(message: &MessagesResponse) -> String {
    let mut parts = vec![message.model.clone()];
    let usage = &message.usage;
    parts.push(format!(
        "{} prompt + {} completion tokens",
        usage.input_tokens.map_or_else(|| "?".to_owned(), thousands),
        usage
            .output_tokens
            .map_or_else(|| "?".to_owned(), thousands)
    ));
    if let Some(cost) = usage.cost {
        parts.push(output::usd_amount(cost));
    }
    parts.push(message.id.clone());
    parts.join(" · ")
}
