//! Where the prompt comes from: the argument, stdin (`-`, or a pipe), or an interactive session.

use std::io::{self, Read};

use crate::exit::{Code, Failure};

/// The largest prompt read from stdin: far above any model's context window, yet bounded.
const MAX_STDIN_BYTES: u64 = 16 * 1024 * 1024;

/// What to send.
#[derive(Debug, PartialEq, Eq)]
pub enum Prompt {
    /// One prompt, then exit.
    Text(String),
    /// No prompt and stdin is a terminal: a multi-turn session.
    Interactive,
}

impl Prompt {
    /// The prompt for `argument`: the text itself, stdin for `-`, stdin when absent and piped,
    /// an interactive session when absent on a terminal.
    pub fn read(argument: Option<&str>) -> Result<Prompt, Failure> {
        let text = match argument {
            Some("-") => read_stdin()?,
            Some(text) => text.to_owned(),
            None if super::stdin_is_terminal() => return Ok(Prompt::Interactive),
            None => read_stdin()?,
        };
        if text.trim().is_empty() {
            return Err(Failure::new(
                Code::Usage,
                "the prompt is empty: pass it as an argument, or pipe it on stdin",
            ));
        }
        Ok(Prompt::Text(text))
    }
}

fn read_stdin() -> Result<String, Failure> {
    let mut bytes = Vec::new();
    io::stdin()
        .take(MAX_STDIN_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| {
            Failure::new(
                Code::Usage,
                format!("cannot read the prompt from stdin: {e}"),
            )
        })?;
    if bytes.len() as u64 > MAX_STDIN_BYTES {
        return Err(Failure::new(
            Code::Usage,
            format!(
                "the prompt on stdin is larger than {} MiB: shorten it",
                MAX_STDIN_BYTES >> 20
            ),
        ));
    }
    String::from_utf8(bytes)
        .map_err(|_| Failure::new(Code::Usage, "the prompt on stdin is not UTF-8 text"))
}
