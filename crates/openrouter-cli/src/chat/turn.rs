//! One request and its answer: streamed (content to stdout, reasoning dimmed on stderr, a
//! spinner during keep-alives) or whole, then the one-line usage summary on stderr.

use futures::StreamExt;
use openrouter_api::{Client, StreamEvent};
use openrouter_types::{ChatChunk, ChatCompletion, ChatRequest, Usage};

use super::answer::{Answer, AnswerOut};
use super::schema::Schema;
use super::toolcall::Shown;
use crate::exit::Failure;
use crate::interrupt::Interrupt;
use crate::output::{self, Term};
use crate::progress::Spinner;

/// How to run and show one turn of a conversation.
#[derive(Debug, Clone, Copy)]
pub struct Turn<'a> {
    /// The client.
    pub client: &'a Client,
    /// Raw chunks (or the completion) as JSON on stdout instead of text.
    pub json: bool,
    /// Stream the answer (the default) or wait for all of it.
    pub stream: bool,
    /// Show reasoning on stderr.
    pub show_reasoning: bool,
    /// stderr's capabilities.
    pub term: Term,
    /// Send through Anthropic's Messages API (`POST /messages`) instead of chat completions.
    pub messages_api: bool,
    /// Render the answer's markdown for the terminal (stdout is one, and neither `--raw`,
    /// `--json` nor `NO_COLOR` is set).
    pub markdown: bool,
    /// `--schema`: the answer is printed only once it validates (whole answers only).
    pub schema: Option<&'a Schema>,
}

impl Turn<'_> {
    /// Sends `request` and shows the answer; returns it (for the history).
    pub async fn run(
        &self,
        request: &ChatRequest,
        interrupt: &mut Interrupt,
    ) -> Result<Answer, Failure> {
        if self.messages_api {
            let request = super::messages::request(request)?;
            return super::messages::run(self, &request, interrupt).await;
        }
        if self.stream {
            self.streamed(request, interrupt).await
        } else {
            self.whole(request, interrupt).await
        }
    }

    async fn streamed(
        &self,
        request: &ChatRequest,
        interrupt: &mut Interrupt,
    ) -> Result<Answer, Failure> {
        let mut spinner = Spinner::start(self.term, "waiting for OpenRouter…");
        let opened = tokio::select! {
            biased;
            () = interrupt.wait() => return Err(Failure::interrupted(false)),
            opened = self.client.chat_stream(request) => opened,
        };
        let mut stream = opened.map_err(|e| Failure::from_client(&e, false))?;
        let mut out = AnswerOut::new(self.markdown);
        let mut reasoning = Reasoning::new(self.term);
        let mut summary = Summary::default();
        loop {
            let event = tokio::select! {
                biased;
                () = interrupt.wait() => {
                    // Dropping the stream closes the connection, which tells OpenRouter to stop
                    // generating (and billing, where the provider supports cancellation).
                    drop(stream);
                    spinner.clear();
                    reasoning.end();
                    out.finish()?;
                    return Err(Failure::interrupted(out.wrote()));
                }
                event = stream.next() => event,
            };
            match event {
                None | Some(Ok(StreamEvent::Done)) => break,
                Some(Ok(StreamEvent::KeepAlive)) => spinner.keep_alive(),
                Some(Ok(StreamEvent::Chunk(chunk))) => {
                    summary.observe(&chunk);
                    if self.json {
                        spinner.clear();
                        let line = serde_json::to_string(&chunk).map_err(std::io::Error::other)?;
                        out.write_raw(&format!("{line}\n"))?;
                        continue;
                    }
                    if let Some(text) = chunk.reasoning().filter(|t| !t.is_empty())
                        && self.show_reasoning
                    {
                        spinner.clear();
                        reasoning.write(text);
                    }
                    if let Some(text) = chunk.content().filter(|t| !t.is_empty()) {
                        spinner.clear();
                        reasoning.end();
                        out.write(text)?;
                    }
                }
                Some(Ok(_)) => {}
                Some(Err(error)) => {
                    spinner.clear();
                    reasoning.end();
                    out.finish()?;
                    return Err(Failure::from_client(&error, out.wrote()));
                }
            }
        }
        spinner.clear();
        reasoning.end();
        out.finish()?;
        let accumulated = stream.accumulated();
        let tool_calls: Vec<Shown> = accumulated
            .clone()
            .finish()
            .completion
            .tool_calls()
            .iter()
            .map(Shown::of_chat)
            .collect();
        if !self.json {
            out.tool_calls(&tool_calls)?;
        }
        if summary.id.is_none() {
            summary.id = stream.meta().generation_id().map(str::to_owned);
        }
        self.term.note(&summary.line(accumulated.usage()));
        Ok(Answer {
            text: accumulated.content().to_owned(),
            tool_calls,
        })
    }

    async fn whole(
        &self,
        request: &ChatRequest,
        interrupt: &mut Interrupt,
    ) -> Result<Answer, Failure> {
        let mut spinner = Spinner::start(self.term, "waiting for the whole answer…");
        let response = tokio::select! {
            biased;
            () = interrupt.wait() => return Err(Failure::interrupted(false)),
            response = self.client.chat(request) => response,
        };
        spinner.clear();
        let (completion, meta) = response
            .map_err(|e| Failure::from_client(&e, false))?
            .into_parts();
        let text = completion.text().unwrap_or_default().to_owned();
        let tool_calls: Vec<Shown> = completion.tool_calls().iter().map(Shown::of_chat).collect();
        let mut out = AnswerOut::new(self.markdown);
        if self.json {
            output::print_json(&completion)?;
        } else {
            if self.show_reasoning
                && let Some(thought) = completion.message().and_then(|m| m.reasoning.as_deref())
                && !thought.is_empty()
            {
                let mut reasoning = Reasoning::new(self.term);
                reasoning.write(thought);
                reasoning.end();
            }
            if self.schema.is_none() {
                // With --schema the text is shown only once it validates (by the caller).
                out.write(&text)?;
                out.finish()?;
            }
            out.tool_calls(&tool_calls)?;
        }
        let mut summary = Summary::of(&completion);
        if summary.id.is_none() {
            summary.id = meta.generation_id().map(str::to_owned);
        }
        self.term.note(&summary.line(completion.usage.as_ref()));
        Ok(Answer { text, tool_calls })
    }
}

/// Reasoning text on stderr, dimmed on a terminal, ended with a newline before the answer.
struct Reasoning {
    term: Term,
    open: bool,
    wrote: bool,
}

impl Reasoning {
    fn new(term: Term) -> Self {
        Self {
            term,
            open: false,
            wrote: false,
        }
    }

    fn write(&mut self, text: &str) {
        eprint!("{}", self.term.dim(text));
        self.open = !text.ends_with('\n');
        self.wrote = true;
    }

    /// Ends the reasoning with a blank line, so the answer stands apart on a terminal.
    fn end(&mut self) {
        if self.wrote {
            if self.open {
                eprintln!();
            }
            eprintln!();
            self.open = false;
            self.wrote = false;
        }
    }
}

/// What the usage line says: taken from the chunks as they pass.
#[derive(Debug, Default)]
struct Summary {
    model: Option<String>,
    provider: Option<String>,
    id: Option<String>,
}

impl Summary {
    fn observe(&mut self, chunk: &ChatChunk) {
        if self.model.is_none() && !chunk.model.is_empty() {
            self.model = Some(chunk.model.to_string());
        }
        if self.provider.is_none() {
            self.provider = chunk.provider.as_ref().map(|p| p.as_str().to_owned());
        }
        if self.id.is_none() && !chunk.id.is_empty() {
            self.id = Some(chunk.id.to_string());
        }
    }

    fn of(completion: &ChatCompletion) -> Self {
        Self {
            model: Some(completion.model.clone()).filter(|m| !m.is_empty()),
            provider: completion.provider.as_ref().map(|p| p.as_str().to_owned()),
            id: Some(completion.id.as_str().to_owned()).filter(|id| !id.is_empty()),
        }
    }

    /// `openai/gpt-4o-mini via OpenAI · 24 prompt + 71 completion tokens · $0.0000462 · gen-…`
    fn line(&self, usage: Option<&Usage>) -> String {
        let mut parts = Vec::new();
        match (&self.model, &self.provider) {
            (Some(model), Some(provider)) => parts.push(format!("{model} via {provider}")),
            (Some(model), None) => parts.push(model.clone()),
            (None, Some(provider)) => parts.push(format!("via {provider}")),
            (None, None) => {}
        }
        match usage {
            Some(usage) => {
                let mut tokens = format!(
                    "{} prompt + {} completion tokens",
                    count(usage.prompt_tokens),
                    count(usage.completion_tokens)
                );
                if let Some(reasoning) = usage.reasoning_tokens().filter(|&n| n > 0) {
                    tokens.push_str(&format!(" ({} reasoning)", output::thousands(reasoning)));
                }
                parts.push(tokens);
                if let Some(cost) = usage.cost {
                    parts.push(output::usd_amount(cost));
                }
            }
            None => parts.push("no usage reported".to_owned()),
        }
        if let Some(id) = &self.id {
            parts.push(id.clone());
        }
        parts.join(" · ")
    }
}

fn count(tokens: Option<u64>) -> String {
    tokens.map_or_else(|| "?".to_owned(), output::thousands)
}
