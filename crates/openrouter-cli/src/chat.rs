//! `openrouter chat`: one prompt or an interactive session, streamed to stdout as it arrives,
//! with reasoning and the usage summary on stderr.

mod messages;
mod prompt;
mod turn;

use std::io::{self, IsTerminal, Write};

use openrouter_types::chat::{Reasoning, ReasoningEffort};
use openrouter_types::routing::{ProviderPreferences, ProviderSort};
use openrouter_types::{ChatRequest, Message};

use crate::args::{ChatApi, ChatArgs, Connection, Effort, ProviderSortArg};
use crate::connect::{Key, connect};
use crate::exit::{Code, Failure, Outcome};
use crate::interrupt::Interrupt;
use crate::output::Term;

use prompt::Prompt;
use turn::Turn;

/// Runs `openrouter chat`.
pub async fn run(args: &ChatArgs, connection: &Connection, term: Term) -> Outcome {
    // Read the prompt before connecting: a missing prompt is a usage error, whatever the key.
    let prompt = Prompt::read(args.prompt.as_deref())?;
    let connected = connect(connection, Key::Required, term).await?;
    let mut interrupt = Interrupt::listen();
    let turn = Turn {
        client: &connected.client,
        json: args.json,
        stream: !args.no_stream,
        show_reasoning: !args.hide_reasoning,
        term,
        messages_api: args.api == ChatApi::Messages,
    };
    let mut history = Vec::new();
    if let Some(system) = &args.system {
        history.push(Message::system(system.as_str()));
    }
    match prompt {
        Prompt::Text(text) => {
            history.push(Message::user(text));
            turn.run(&request(args, history), &mut interrupt)
                .await
                .map(drop)
        }
        Prompt::Interactive => interactive(args, turn, history, &mut interrupt).await,
    }
}

/// The request for `messages` with every option from the command line.
fn request(args: &ChatArgs, messages: Vec<Message>) -> ChatRequest {
    let mut request = ChatRequest::new(args.model.as_str(), messages);
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

/// A multi-turn session on a terminal: each line is a turn, the conversation is kept, Ctrl-D
/// leaves. Ctrl-C stops the current answer; at the prompt it leaves.
async fn interactive(
    args: &ChatArgs,
    turn: Turn<'_>,
    mut history: Vec<Message>,
    interrupt: &mut Interrupt,
) -> Outcome {
    let term = turn.term;
    term.note(&format!(
        "chatting with {}: type a message and press Enter; Ctrl-D leaves, Ctrl-C stops an answer",
        args.model
    ));
    loop {
        eprint!("> ");
        let _ = io::stderr().flush();
        let line = tokio::select! {
            biased;
            () = interrupt.wait() => {
                eprintln!();
                return Err(Failure::new(Code::Interrupted, "interrupted"));
            }
            line = read_line() => line?,
        };
        let Some(line) = line else {
            // Ctrl-D: leave on a fresh line.
            eprintln!();
            return Ok(());
        };
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        history.push(Message::user(line));
        match turn.run(&request(args, history.clone()), interrupt).await {
            Ok(answer) => history.push(Message::assistant(answer)),
            Err(failure) => {
                // The session goes on: the failed turn is forgotten, so the next one is not
                // sent an unanswered question.
                history.pop();
                eprintln!("error: {failure}");
            }
        }
    }
}

/// One line from stdin, `None` at end of input. Runs on the blocking pool so Ctrl-C stays
/// responsive while waiting.
async fn read_line() -> Result<Option<String>, Failure> {
    let read = tokio::task::spawn_blocking(|| {
        let mut line = String::new();
        io::stdin()
            .read_line(&mut line)
            .map(|n| (n > 0).then_some(line))
    });
    match read.await {
        Ok(Ok(line)) => Ok(line),
        Ok(Err(e)) => Err(Failure::new(Code::Usage, format!("cannot read stdin: {e}"))),
        Err(e) => Err(Failure::new(Code::Usage, format!("cannot read stdin: {e}"))),
    }
}

/// Whether stdin is a terminal (then an absent prompt means an interactive session).
pub(crate) fn stdin_is_terminal() -> bool {
    io::stdin().is_terminal()
}
