//! The interactive session's slash commands, parsed from a line: `/model`, `/system`, `/clear`,
//! `/save`, `/help`, `/exit`. A line starting with `//` is a message starting with `/`.

/// What a line asks for.
#[derive(Debug, PartialEq, Eq)]
pub enum Line<'a> {
    /// Send this message.
    Message(&'a str),
    /// Run a command.
    Command(Command<'a>),
}

/// A slash command.
#[derive(Debug, PartialEq, Eq)]
pub enum Command<'a> {
    /// `/model`: show the model; `/model ID`: switch to it.
    Model(Option<&'a str>),
    /// `/system`: show the system prompt; `/system TEXT`: set it; `/system clear`: remove it.
    System(SystemChange<'a>),
    /// `/clear`: forget the conversation (the model and system prompt stay).
    Clear,
    /// `/save FILE` (never overwrites) or `/save! FILE` (overwrites).
    Save {
        /// Where to write.
        path: &'a str,
        /// Replace an existing file.
        overwrite: bool,
    },
    /// `/help`.
    Help,
    /// `/exit` or `/quit`.
    Exit,
    /// A command that needs an argument it did not get, or takes none and got one.
    Misused(&'static str),
    /// Not a command.
    Unknown(&'a str),
}

/// What `/system` does.
#[derive(Debug, PartialEq, Eq)]
pub enum SystemChange<'a> {
    /// Show it.
    Show,
    /// Replace it.
    Set(&'a str),
    /// Remove it.
    Clear,
}

/// The help text of `/help`.
pub const HELP: &str = "\
commands:
  /model [ID]         show the model, or switch to ID for the next answers
  /system [TEXT]      show the system prompt, or set it; `/system clear` removes it
  /clear              forget the conversation (the model and system prompt stay)
  /save FILE          write the conversation as JSON messages; never overwrites
  /save! FILE         the same, replacing FILE if it exists
  /help               this list
  /exit               leave (Ctrl-D does too)
keys:
  Enter sends; a line ending with \\ continues on the next; pasted lines are sent together
  Up/Down and Ctrl-R recall earlier lines; a line starting with a space is not remembered
  Ctrl-C clears the line, or stops an answer; Ctrl-D on an empty line leaves
  start a message with // to send a message that starts with /";

/// Parses one line of input (already trimmed of surrounding whitespace).
pub fn parse(line: &str) -> Line<'_> {
    if let Some(rest) = line.strip_prefix("//") {
        return Line::Message(&line[line.len() - rest.len() - 1..]);
    }
    let Some(rest) = line.strip_prefix('/') else {
        return Line::Message(line);
    };
    let (name, argument) = match rest.split_once(char::is_whitespace) {
        Some((name, argument)) => (name, argument.trim()),
        None => (rest, ""),
    };
    let argument = (!argument.is_empty()).then_some(argument);
    Line::Command(match (name, argument) {
        ("model", Some(id)) if id.contains(char::is_whitespace) => {
            Command::Misused("a model id has no spaces: /model openai/gpt-4o-mini")
        }
        ("model", id) => Command::Model(id),
        ("system", None) => Command::System(SystemChange::Show),
        ("system", Some("clear")) => Command::System(SystemChange::Clear),
        ("system", Some(text)) => Command::System(SystemChange::Set(text)),
        ("clear", None) => Command::Clear,
        ("clear", Some(_)) => Command::Misused("/clear takes no argument"),
        ("save" | "save!", None) => Command::Misused("/save needs a file name: /save chat.json"),
        ("save", Some(path)) => Command::Save {
            path,
            overwrite: false,
        },
        ("save!", Some(path)) => Command::Save {
            path,
            overwrite: true,
        },
        ("help" | "?", _) => Command::Help,
        ("exit" | "quit", _) => Command::Exit,
        _ => Command::Unknown(line.split_whitespace().next().unwrap_or(line)),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_messages_or_commands() {
        let cases = [
            ("hello", Line::Message("hello")),
            ("//etc/hosts?", Line::Message("/etc/hosts?")),
            ("/model", Line::Command(Command::Model(None))),
            (
                "/model  openai/gpt-4o-mini",
                Line::Command(Command::Model(Some("openai/gpt-4o-mini"))),
            ),
            (
                "/system",
                Line::Command(Command::System(SystemChange::Show)),
            ),
            (
                "/system Be brief.",
                Line::Command(Command::System(SystemChange::Set("Be brief."))),
            ),
            (
                "/system clear",
                Line::Command(Command::System(SystemChange::Clear)),
            ),
            ("/clear", Line::Command(Command::Clear)),
            (
                "/save chat.json",
                Line::Command(Command::Save {
                    path: "chat.json",
                    overwrite: false,
                }),
            ),
            (
                "/save! chat.json",
                Line::Command(Command::Save {
                    path: "chat.json",
                    overwrite: true,
                }),
            ),
            ("/help", Line::Command(Command::Help)),
            ("/quit", Line::Command(Command::Exit)),
            ("/mdoel x", Line::Command(Command::Unknown("/mdoel"))),
        ];
        for (input, expected) in cases {
            assert_eq!(parse(input), expected, "{input}");
        }
        assert!(matches!(parse("/save"), Line::Command(Command::Misused(_))));
        assert!(matches!(
            parse("/model a b"),
            Line::Command(Command::Misused(_))
        ));
    }
}
