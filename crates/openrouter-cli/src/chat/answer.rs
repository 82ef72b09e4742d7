//! What a turn produced (its text and tool calls) and where its text goes on the way: straight
//! to stdout, or through the markdown renderer when stdout is a terminal.

use std::io;

use super::markdown::Markdown;
use super::toolcall::{self, Shown};
use crate::output::Stdout;

/// The model's answer, kept for the conversation.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Answer {
    /// The text content.
    pub text: String,
    /// The tool calls the model made instead of (or besides) answering.
    pub tool_calls: Vec<Shown>,
}

impl Answer {
    /// What the conversation keeps as the assistant's turn: the text, or a description of the
    /// tool calls when there is no text (an empty assistant message is refused by some
    /// providers, and the CLI runs no tools to answer them).
    pub fn for_history(&self) -> String {
        if !self.text.is_empty() || self.tool_calls.is_empty() {
            return self.text.clone();
        }
        toolcall::render_all(&self.tool_calls, false)
            .trim_end()
            .to_owned()
    }
}

/// stdout for an answer's text, rendered as markdown or raw.
#[derive(Debug)]
pub struct AnswerOut {
    out: Stdout,
    markdown: Option<Markdown>,
}

impl AnswerOut {
    /// Raw text, or rendered markdown when `render`.
    pub fn new(render: bool) -> Self {
        Self {
            out: Stdout::default(),
            markdown: render.then(Markdown::new),
        }
    }

    /// The next piece of the answer (shown as soon as its line is complete when rendering).
    pub fn write(&mut self, text: &str) -> io::Result<()> {
        match &mut self.markdown {
            Some(markdown) => {
                let rendered = markdown.push(text);
                self.out.write(&rendered)
            }
            None => self.out.write(text),
        }
    }

    /// Text written as is (JSON lines), bypassing the renderer.
    pub fn write_raw(&mut self, text: &str) -> io::Result<()> {
        self.out.write(text)
    }

    /// Shows the rest of the answer and ends its line.
    pub fn finish(&mut self) -> io::Result<()> {
        if let Some(markdown) = &mut self.markdown {
            let rest = markdown.finish();
            self.out.write(&rest)?;
        }
        self.out.finish_line()
    }

    /// Shows tool calls after the text, marked as such.
    pub fn tool_calls(&mut self, calls: &[Shown]) -> io::Result<()> {
        if calls.is_empty() {
            return Ok(());
        }
        self.finish()?;
        self.out
            .write(&toolcall::render_all(calls, self.markdown.is_some()))
    }

    /// Whether any of the answer reached stdout.
    pub fn wrote(&self) -> bool {
        self.out.wrote()
    }
}
