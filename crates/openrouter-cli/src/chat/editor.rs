//! The interactive prompt: rustyline's line editing (arrows, Emacs keys, Ctrl-R), a bounded
//! history file shared by sessions, multi-line input (a trailing `\` continues the line; a
//! bracketed paste keeps its newlines), Ctrl-C clearing the line and Ctrl-D leaving.
//!
//! rustyline blocks, so the editor lives on a thread of its own and the session awaits its
//! lines; while it reads, the terminal is in raw mode and Ctrl-C is a key, not a signal.
//!
//! An editor exists only while it reads a line: rustyline takes over SIGINT from creation to
//! drop, and between lines SIGINT must reach the `Interrupt` that stops an answer. The history
//! is moved from one editor to the next.

use std::path::PathBuf;
use std::sync::mpsc;

use rustyline::completion::Completer;
use rustyline::config::{Behavior, Config};
use rustyline::error::ReadlineError;
use rustyline::highlight::Highlighter;
use rustyline::hint::Hinter;
use rustyline::history::{FileHistory, History};
use rustyline::validate::{ValidationContext, ValidationResult, Validator};
use rustyline::{Editor, Helper};
use tokio::sync::oneshot;

use crate::exit::{Code, Failure};

/// Entries kept in the history file; the oldest go first.
const MAX_HISTORY: usize = 1000;

/// What the prompt returned.
#[derive(Debug, PartialEq, Eq)]
pub enum Input {
    /// A line (or several, joined by newlines) to act on.
    Line(String),
    /// Ctrl-C: the line was cleared.
    Cleared,
    /// Ctrl-D on an empty line, or the end of input.
    Leave,
}

type Request = (String, oneshot::Sender<Result<Input, String>>);

/// The prompt, driven from async code.
#[derive(Debug)]
pub struct LineEditor {
    requests: mpsc::Sender<Request>,
}

impl LineEditor {
    /// Starts the editor; `history` is the file to load and append to (`None`: no history
    /// kept beyond this session). A history file that cannot be read is reported as a note and
    /// the session goes on without it.
    pub fn start(history: Option<PathBuf>) -> Result<(LineEditor, Option<String>), Failure> {
        let config = Config::builder()
            .max_history_size(MAX_HISTORY)
            .map_err(|e| fail(&e))?
            // As in shells: a line starting with a space stays out of the history.
            .history_ignore_space(true)
            .history_ignore_dups(true)
            .map_err(|e| fail(&e))?
            .auto_add_history(true)
            // The terminal even when stdout is redirected: prompts never mix with the answer.
            .behavior(Behavior::PreferTerm)
            .build();
        let mut lines = FileHistory::with_config(&config);
        let mut note = None;
        if let Some(path) = &history {
            match lines.load(path) {
                Ok(()) => {}
                Err(ReadlineError::Io(e)) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => {
                    note = Some(format!(
                        "cannot read the history file {}: {e}",
                        path.display()
                    ));
                }
            }
        }
        let (requests, queue) = mpsc::channel::<Request>();
        std::thread::Builder::new()
            .name("line-editor".to_owned())
            .spawn(move || serve(&config, lines, history.as_deref(), &queue))
            .map_err(|e| fail(&ReadlineError::Io(e)))?;
        Ok((LineEditor { requests }, note))
    }

    /// Shows `prompt` and waits for the user.
    pub async fn read(&self, prompt: &str) -> Result<Input, Failure> {
        let (reply, answer) = oneshot::channel();
        self.requests
            .send((prompt.to_owned(), reply))
            .map_err(|_| gone())?;
        answer
            .await
            .map_err(|_| gone())?
            .map_err(|e| Failure::new(Code::Usage, format!("cannot read the terminal: {e}")))
    }
}

fn gone() -> Failure {
    Failure::new(Code::Usage, "the line editor stopped")
}

fn fail(error: &ReadlineError) -> Failure {
    Failure::new(
        Code::Usage,
        format!("cannot start the line editor: {error}"),
    )
}

/// The editor thread: one line per request, until the session drops its sender.
fn serve(
    config: &Config,
    mut lines: FileHistory,
    history: Option<&std::path::Path>,
    queue: &mpsc::Receiver<Request>,
) {
    while let Ok((prompt, reply)) = queue.recv() {
        let mut editor = match Editor::with_history(config.clone(), lines) {
            Ok(editor) => editor,
            Err(e) => {
                let _ = reply.send(Err(e.to_string()));
                break;
            }
        };
        editor.set_helper(Some(Multiline));
        let input = match editor.readline(&prompt) {
            Ok(line) => {
                if let Some(path) = history
                    && editor.history().len() > 0
                {
                    // Appended after every line, so two sessions interleave rather than the
                    // last one to leave overwriting the other. Best effort: a read-only home
                    // must not end the session.
                    let _ = save(&mut editor, path);
                }
                Ok(Input::Line(join_continuations(&line)))
            }
            Err(ReadlineError::Interrupted) => Ok(Input::Cleared),
            Err(ReadlineError::Eof) => Ok(Input::Leave),
            Err(e) => Err(e.to_string()),
        };
        lines = std::mem::replace(editor.history_mut(), FileHistory::with_config(config));
        // Dropping the editor gives SIGINT back before the answer starts.
        drop(editor);
        if reply.send(input).is_err() {
            break;
        }
    }
}

fn save(
    editor: &mut Editor<Multiline, FileHistory>,
    path: &std::path::Path,
) -> Result<(), ReadlineError> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    editor.append_history(path)?;
    // What people type to a model is often private: the file is for its owner's eyes only.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600))?;
    }
    Ok(())
}

/// `first \` + newline + `second` → `first` + newline + `second`: the backslash only asked for
/// a new line.
fn join_continuations(line: &str) -> String {
    line.replace("\\\r\n", "\n").replace("\\\n", "\n")
}

/// Enter on a line ending with `\` inserts a newline instead of sending.
struct Multiline;

impl Validator for Multiline {
    fn validate(&self, ctx: &mut ValidationContext<'_>) -> rustyline::Result<ValidationResult> {
        Ok(if ctx.input().ends_with('\\') {
            ValidationResult::Incomplete
        } else {
            ValidationResult::Valid(None)
        })
    }
}

impl Completer for Multiline {
    type Candidate = String;
}

impl Hinter for Multiline {
    type Hint = String;
}

impl Highlighter for Multiline {}

impl Helper for Multiline {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_trailing_backslash_only_continues_the_line() {
        assert_eq!(join_continuations("one \\\ntwo"), "one \ntwo");
        assert_eq!(join_continuations("a\\b\nc"), "a\\b\nc");
        assert_eq!(join_continuations("pasted\nlines"), "pasted\nlines");
    }
}
