//! The interactive session: a prompt with line editing and history, the conversation kept
//! between turns, slash commands that change the model or system prompt, clear or save the
//! conversation. Ctrl-C at the prompt clears the line; during an answer it stops the answer.

use std::io::Write;
use std::path::{Path, PathBuf};

use openrouter_types::Message;

use super::commands::{self, Command, Line, SystemChange};
use super::editor::{Input, LineEditor};
use super::turn::Turn;
use crate::args::ChatArgs;
use crate::exit::{Code, Failure, Outcome};
use crate::interrupt::Interrupt;

/// A session's state: what the next request is made of.
struct Session<'a> {
    args: &'a ChatArgs,
    turn: Turn<'a>,
    model: String,
    system: Option<String>,
    /// User and assistant turns, without the system prompt.
    conversation: Vec<Message>,
}

/// Runs the session until Ctrl-D or `/exit`. `history` is the file lines are remembered in
/// (`None` with `--no-history`).
pub async fn run(
    args: &ChatArgs,
    turn: Turn<'_>,
    model: String,
    history: Option<PathBuf>,
    interrupt: &mut Interrupt,
) -> Outcome {
    let term = turn.term;
    let (editor, note) = LineEditor::start(history)?;
    if let Some(note) = note {
        term.note(&note);
    }
    term.note(&format!(
        "chatting with {model}: type a message and press Enter; /help lists commands, Ctrl-D leaves"
    ));
    let mut session = Session {
        args,
        turn,
        model,
        system: args.system.clone(),
        conversation: Vec::new(),
    };
    loop {
        let input = editor.read("> ").await?;
        // A Ctrl-C that reached us as a signal while the prompt was up (sent by another
        // process: at the prompt the key is read as a key) must not stop the next answer.
        *interrupt = Interrupt::listen();
        let line = match input {
            Input::Leave => return Ok(()),
            Input::Cleared => continue,
            Input::Line(line) => line,
        };
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        match commands::parse(line) {
            Line::Message(text) => session.send(text, interrupt).await,
            Line::Command(Command::Exit) => return Ok(()),
            Line::Command(command) => session.command(&command),
        }
    }
}

impl Session<'_> {
    /// One turn: the answer joins the conversation; a failed turn is forgotten, so the next one
    /// is not sent an unanswered question, and the session goes on.
    async fn send(&mut self, text: &str, interrupt: &mut Interrupt) {
        self.conversation.push(Message::user(text));
        let request = super::request(self.args, &self.model, self.messages(), self.turn.schema);
        let result = match self.turn.run(&request, interrupt).await {
            Ok(answer) => super::show_checked(&self.turn, &answer).map(|()| answer),
            Err(failure) => Err(failure),
        };
        match result {
            Ok(answer) => self
                .conversation
                .push(Message::assistant(answer.for_history())),
            Err(failure) => {
                self.conversation.pop();
                eprintln!("error: {failure}");
            }
        }
    }

    /// The system prompt, if any, then the conversation.
    fn messages(&self) -> Vec<Message> {
        let mut messages = Vec::with_capacity(self.conversation.len() + 1);
        if let Some(system) = &self.system {
            messages.push(Message::system(system.as_str()));
        }
        messages.extend(self.conversation.iter().cloned());
        messages
    }

    fn command(&mut self, command: &Command<'_>) {
        let term = self.turn.term;
        match command {
            Command::Model(None) => eprintln!("model: {}", self.model),
            Command::Model(Some(id)) => {
                self.model = (*id).to_owned();
                term.note(&format!("the next answers come from {id}"));
            }
            Command::System(SystemChange::Show) => match &self.system {
                Some(system) => eprintln!("system prompt: {system}"),
                None => eprintln!("no system prompt; set one with /system TEXT"),
            },
            Command::System(SystemChange::Set(text)) => {
                self.system = Some((*text).to_owned());
                term.note("system prompt set");
            }
            Command::System(SystemChange::Clear) => {
                self.system = None;
                term.note("system prompt removed");
            }
            Command::Clear => {
                self.conversation.clear();
                term.note("conversation cleared");
            }
            Command::Save { path, overwrite } => {
                match save(Path::new(path), &self.messages(), *overwrite) {
                    Ok(()) => term.note(&format!(
                        "saved {} messages to {path}",
                        self.messages().len()
                    )),
                    Err(failure) => eprintln!("error: {failure}"),
                }
            }
            Command::Help => eprintln!("{}", commands::HELP),
            Command::Misused(why) => eprintln!("error: {why}"),
            Command::Unknown(name) => {
                eprintln!("error: unknown command {name}: type /help for the list");
            }
            Command::Exit => {}
        }
    }
}

/// Writes `messages` as a pretty JSON array to `path`; an existing file is replaced only when
/// `overwrite`.
fn save(path: &Path, messages: &[Message], overwrite: bool) -> Result<(), Failure> {
    let fail = |why: String| {
        Failure::new(
            Code::Usage,
            format!("cannot save to {}: {why}", path.display()),
        )
    };
    let mut options = std::fs::OpenOptions::new();
    options.write(true);
    if overwrite {
        options.create(true).truncate(true);
    } else {
        options.create_new(true);
    }
    let mut file = options.open(path).map_err(|e| {
        if e.kind() == std::io::ErrorKind::AlreadyExists {
            fail(format!(
                "it exists; use /save! {} to replace it",
                path.display()
            ))
        } else {
            fail(e.to_string())
        }
    })?;
    let json = serde_json::to_string_pretty(messages).map_err(|e| fail(e.to_string()))?;
    file.write_all(json.as_bytes())
        .and_then(|()| file.write_all(b"\n"))
        .map_err(|e| fail(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn save_refuses_to_overwrite_unless_asked() {
        let dir = std::env::temp_dir().join(format!("openrouter-save-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("chat.json");
        let _ = std::fs::remove_file(&path);
        let messages = [Message::system("Be brief."), Message::user("hi")];
        save(&path, &messages, false).unwrap();
        let error = save(&path, &messages[1..], false).unwrap_err();
        assert!(error.to_string().contains("use /save! "), "{error}");
        save(&path, &messages[1..], true).unwrap();
        let saved: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        assert_eq!(
            saved,
            serde_json::json!([{"role": "user", "content": "hi"}])
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
