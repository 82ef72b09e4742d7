//! `openrouter chat`: one prompt or an interactive session, streamed to stdout as it arrives
//! (markdown rendered on a terminal, tool calls shown as such, or JSON checked against
//! `--schema`), with reasoning and the usage summary on stderr.

mod answer;
mod commands;
mod editor;
mod markdown;
mod messages;
mod prompt;
mod schema;
mod session;
mod toolcall;
mod turn;

use std::io::{self, IsTerminal};

use openrouter_types::chat::{Reasoning, ReasoningEffort};
use openrouter_types::routing::{ProviderPreferences, ProviderSort};
use openrouter_types::{ChatRequest, Message};

use crate::args::{ChatApi, ChatArgs, Connection, Effort, ProviderSortArg};
use crate::config::{self, Config};
use crate::connect::{Key, connect};
use crate::exit::{Code, Failure, Outcome};
use crate::interrupt::Interrupt;
use crate::output::{Stdout, Term};

use answer::Answer;
use prompt::Prompt;
use schema::Schema;
use turn::Turn;

/// Runs `openrouter chat`.
pub async fn run(args: &ChatArgs, connection: &Connection, term: Term) -> Outcome {
    // Read the prompt, the config and the schema before connecting: their errors are the
    // user's to fix, whatever the key.
    let prompt = Prompt::read(args.prompt.as_deref())?;
    let config = Config::load()?;
    let model = config.model(args.model.as_deref()).to_owned();
    let schema = args.schema.as_deref().map(Schema::load).transpose()?;
    let connected = connect(connection, Key::Required, term).await?;
    let mut interrupt = Interrupt::listen();
    let turn = Turn {
        client: &connected.client,
        json: args.json,
        // A schema's answer is checked whole before it is shown.
        stream: !args.no_stream && schema.is_none(),
        show_reasoning: !args.hide_reasoning,
        term,
        messages_api: args.api == ChatApi::Messages,
        markdown: renders_markdown(args),
        schema: schema.as_ref(),
    };
    match prompt {
        Prompt::Text(text) => {
            let mut messages = Vec::new();
            if let Some(system) = &args.system {
                messages.push(Message::system(system.as_str()));
            }
            messages.push(Message::user(text));
            let answer = turn
                .run(
                    &request(args, &model, messages, turn.schema),
                    &mut interrupt,
                )
                .await?;
            show_checked(&turn, &answer)
        }
        Prompt::Interactive => {
            let history = if args.no_history {
                None
            } else {
                config::data_dir().map(|dir| dir.join("history"))
            };
            session::run(args, turn, model, history, &mut interrupt).await
        }
    }
}

/// Whether answers are rendered as markdown: stdout is a terminal, and neither `--raw`,
/// `--json` nor `NO_COLOR` (<https://no-color.org>: markdown is readable as it is) says no.
fn renders_markdown(args: &ChatArgs) -> bool {
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    !args.raw && !args.json && !no_color && io::stdout().is_terminal()
}

/// With `--schema`, shows the answer once it validates (pretty JSON), or fails with exit code
/// 6; without, nothing to do (the turn showed it).
fn show_checked(turn: &Turn<'_>, answer: &Answer) -> Outcome {
    let Some(schema) = turn.schema else {
        return Ok(());
    };
    if turn.json {
        return Ok(());
    }
    if answer.text.trim().is_empty() && !answer.tool_calls.is_empty() {
        // The tool calls are on stdout already.
        return Err(Failure::new(
            Code::Schema,
            "the answer is a tool call (shown above), not JSON matching the schema",
        ));
    }
    let value = schema.check(&answer.text)?;
    let text = serde_json::to_string_pretty(&value).map_err(io::Error::other)?;
    let mut out = Stdout::default();
    out.write(&text)?;
    out.finish_line()?;
    Ok(())
}

/// The request for `messages` to `model` with every option from the command line.
fn request(
    args: &ChatArgs,
    model: &str,
    messages: Vec<Message>,
    schema: Option<&Schema>,
) -> ChatRequest {
    let mut request = ChatRequest::new(model, messages);
    if let Some(schema) = schema {
        request = request.response_format(schema.response_format());
    }
    if !args.models.is_empty() {
        request = request.models(args.models.iter().map(String::as_str));
    }
    if let Some(tokens) = args.max_tokens {
        request = request.max_tokens(tokens);
    }
    if let Some(temperature) = args.temperature {
        request = request.temperature(temperature);
    }
    if let Some(effort) = args.reasoning {
        // Hidden reasoning is also not sent back, which saves bandwidth (it is still billed).
        request =
            request.reasoning(Reasoning::effort(effort_of(effort)).exclude(args.hide_reasoning));
    }
    if !args.provider_order.is_empty() || args.sort.is_some() {
        let mut provider = ProviderPreferences::new();
        if !args.provider_order.is_empty() {
            provider = provider.order(args.provider_order.iter().map(String::as_str));
        }
        if let Some(sort) = args.sort {
            provider = provider.sort(match sort {
                ProviderSortArg::Price => ProviderSort::Price,
                ProviderSortArg::Throughput => ProviderSort::Throughput,
                ProviderSortArg::Latency => ProviderSort::Latency,
            });
        }
        request = request.provider(provider);
    }
    request
}

fn effort_of(effort: Effort) -> ReasoningEffort {
    match effort {
        Effort::Minimal => ReasoningEffort::Minimal,
        Effort::Low => ReasoningEffort::Low,
        Effort::Medium => ReasoningEffort::Medium,
        Effort::High => ReasoningEffort::High,
        Effort::Xhigh => ReasoningEffort::Xhigh,
    }
}

/// Whether stdin is a terminal (then an absent prompt means an interactive session).
pub(crate) fn stdin_is_terminal() -> bool {
    io::stdin().is_terminal()
}
