//! The interactive session in a pseudo-terminal (util-linux `script`), driven key by key:
//! line editing, history across sessions, Ctrl-C at the prompt and during an answer, Ctrl-D,
//! multi-line input and bracketed paste, and the slash commands.

use std::io::{Read, Write};
use std::path::Path;
use std::process::{Child, ChildStdin, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use openrouter_testkit::server::Pacing;
use serde_json::json;

use crate::support::{DEMO_ANSWER, Mock, scratch_dir};
use crate::terminal::script;

/// The end of the demo answer: the turn is over once it shows.
const DEMO_END: &str = "to talk to a real model.";
/// How long a step may take before the test gives up (a hang guard, not a speed check).
const PATIENCE: Duration = Duration::from_secs(30);

const ENTER: &str = "\r";
const LEFT: &str = "\x1b[D";
const UP: &str = "\x1b[A";
const CTRL_C: &str = "\x03";
const CTRL_D: &str = "\x04";

/// A running session: what the terminal shows so far, and its keyboard.
struct Terminal {
    child: Child,
    keys: Option<ChildStdin>,
    screen: Arc<Mutex<Vec<u8>>>,
    /// How much of the screen the test has already looked at.
    seen: usize,
}

impl Terminal {
    /// `openrouter ARGS` in a pseudo-terminal with its data dir (the history) in `data`, or
    /// `None` when `script` is not installed.
    fn start(mock: &Mock, args: &[&str], data: &Path) -> Option<Terminal> {
        let mut command = script(mock, args)?;
        command.env("XDG_DATA_HOME", data);
        let mut child = command
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("script runs");
        let keys = child.stdin.take();
        let mut output = child.stdout.take().expect("piped");
        let screen = Arc::new(Mutex::new(Vec::new()));
        let shared = Arc::clone(&screen);
        std::thread::spawn(move || {
            let mut buffer = [0u8; 1024];
            while let Ok(n) = output.read(&mut buffer) {
                if n == 0 {
                    break;
                }
                shared.lock().unwrap().extend_from_slice(&buffer[..n]);
            }
        });
        Some(Terminal {
            child,
            keys,
            screen,
            seen: 0,
        })
    }

    fn text(&self) -> String {
        String::from_utf8_lossy(&self.screen.lock().unwrap()).into_owned()
    }

    /// Waits until `needle` appears after what was already seen, and moves past it.
    #[track_caller]
    fn expect(&mut self, needle: &str) {
        let start = Instant::now();
        loop {
            let text = self.text();
            if let Some(at) = text[self.seen.min(text.len())..].find(needle) {
                self.seen += at + needle.len();
                return;
            }
            assert!(
                start.elapsed() < PATIENCE,
                "{needle:?} never showed; the terminal shows:\n{text}"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Waits for the prompt.
    #[track_caller]
    fn prompt(&mut self) {
        self.expect("> ");
    }

    fn keys(&mut self, keys: &str) {
        let stdin = self.keys.as_mut().expect("the keyboard is open");
        stdin
            .write_all(keys.as_bytes())
            .expect("the terminal takes keys");
        stdin.flush().expect("the terminal takes keys");
    }

    /// Sends a message and waits for the demo answer to end.
    #[track_caller]
    fn say(&mut self, line: &str) {
        self.prompt();
        self.keys(line);
        self.keys(ENTER);
        self.expect(DEMO_END);
    }

    /// Ctrl-D at the prompt; returns the exit code and the whole transcript.
    #[track_caller]
    fn leave(mut self) -> (Option<i32>, String) {
        self.prompt();
        self.keys(CTRL_D);
        let start = Instant::now();
        let status = loop {
            if let Some(status) = self.child.try_wait().expect("script is waitable") {
                break status;
            }
            if start.elapsed() > PATIENCE {
                let _ = self.child.kill();
                panic!("Ctrl-D did not end the session:\n{}", self.text());
            }
            std::thread::sleep(Duration::from_millis(20));
        };
        drop(self.keys.take());
        (status.code(), self.text())
    }
}

fn messages(mock: &Mock, index: usize) -> serde_json::Value {
    mock.requests()[index]
        .body_field("messages")
        .expect("a chat request")
}

#[test]
fn a_session_keeps_the_conversation_and_ctrl_d_leaves() {
    let mock = Mock::start();
    let data = scratch_dir("session-conversation");
    let Some(mut terminal) = Terminal::start(&mock, &["chat", "--system", "Be brief."], &data)
    else {
        return;
    };
    terminal.expect("chatting with openrouter/auto");
    terminal.say("first question");
    terminal.say("second question");
    let (code, transcript) = terminal.leave();
    assert_eq!(code, Some(0), "{transcript}");
    let requests = mock.requests();
    assert_eq!(requests.len(), 2, "one request per line: {transcript}");
    assert_eq!(
        messages(&mock, 1),
        json!([
            {"role": "system", "content": "Be brief."},
            {"role": "user", "content": "first question"},
            {"role": "assistant", "content": DEMO_ANSWER},
            {"role": "user", "content": "second question"}
        ])
    );
}

#[test]
fn arrows_edit_the_line() {
    let mock = Mock::start();
    let data = scratch_dir("session-editing");
    let Some(mut terminal) = Terminal::start(&mock, &["chat"], &data) else {
        return;
    };
    terminal.prompt();
    // "wrld", three steps left, insert "o": "world".
    terminal.keys(&format!("hello wrld{LEFT}{LEFT}{LEFT}o"));
    terminal.keys(ENTER);
    terminal.expect(DEMO_END);
    let (code, transcript) = terminal.leave();
    assert_eq!(code, Some(0), "{transcript}");
    assert!(!transcript.contains("^[[D"), "{transcript}");
    assert_eq!(
        messages(&mock, 0),
        json!([{"role": "user", "content": "hello world"}])
    );
}

#[test]
fn history_is_recalled_in_the_next_session_but_not_lines_starting_with_a_space() {
    let mock = Mock::start();
    let data = scratch_dir("session-history");
    let Some(mut first) = Terminal::start(&mock, &["chat"], &data) else {
        return;
    };
    first.say("remember this line");
    first.say(" sk-secret-looking line");
    let (code, transcript) = first.leave();
    assert_eq!(code, Some(0), "{transcript}");
    let file = std::fs::read_to_string(data.join("openrouter/history")).expect("a history file");
    assert!(file.contains("remember this line"), "{file}");
    assert!(!file.contains("secret"), "{file}");
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(data.join("openrouter/history"))
            .expect("a history file")
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600, "only its owner reads the history");
    }

    let mut second = Terminal::start(&mock, &["chat"], &data).expect("script is installed");
    second.prompt();
    second.keys(UP);
    second.keys(ENTER);
    second.expect(DEMO_END);
    let (code, transcript) = second.leave();
    assert_eq!(code, Some(0), "{transcript}");
    assert_eq!(
        messages(&mock, 2),
        json!([{"role": "user", "content": "remember this line"}])
    );

    // --no-history: nothing recalled.
    let mut third =
        Terminal::start(&mock, &["chat", "--no-history"], &data).expect("script is installed");
    third.prompt();
    third.keys(&format!("{UP}fresh{ENTER}"));
    third.expect(DEMO_END);
    let (code, _) = third.leave();
    assert_eq!(code, Some(0));
    assert_eq!(
        messages(&mock, 3),
        json!([{"role": "user", "content": "fresh"}])
    );
}

#[test]
fn ctrl_c_at_the_prompt_clears_the_line_and_the_session_goes_on() {
    let mock = Mock::start();
    let data = scratch_dir("session-ctrl-c-prompt");
    let Some(mut terminal) = Terminal::start(&mock, &["chat"], &data) else {
        return;
    };
    terminal.prompt();
    terminal.keys(&format!("throw this away{CTRL_C}"));
    terminal.say("kept");
    let (code, transcript) = terminal.leave();
    assert_eq!(code, Some(0), "{transcript}");
    assert_eq!(mock.requests().len(), 1, "{transcript}");
    assert_eq!(
        messages(&mock, 0),
        json!([{"role": "user", "content": "kept"}])
    );
}

#[test]
fn ctrl_c_during_an_answer_stops_it_and_the_session_goes_on() {
    let mock = Mock::paced(Pacing::new().per_event().delay(Duration::from_millis(60)));
    let data = scratch_dir("session-ctrl-c-answer");
    let Some(mut terminal) = Terminal::start(&mock, &["chat"], &data) else {
        return;
    };
    terminal.prompt();
    terminal.keys(&format!("first question{ENTER}"));
    terminal.expect("Hello from");
    // Ctrl-C typed on the terminal: the line discipline sends SIGINT to the session.
    terminal.keys(CTRL_C);
    terminal.expect("interrupted: the answer above is incomplete");
    terminal.say("second question");
    let (code, transcript) = terminal.leave();
    assert_eq!(code, Some(0), "{transcript}");
    let requests = mock.requests();
    assert_eq!(requests.len(), 2, "{transcript}");
    // The interrupted turn is not part of the conversation.
    assert_eq!(
        messages(&mock, 1),
        json!([{"role": "user", "content": "second question"}])
    );
}

#[test]
fn a_trailing_backslash_and_a_paste_make_one_message_of_several_lines() {
    let mock = Mock::start();
    let data = scratch_dir("session-multiline");
    let Some(mut terminal) = Terminal::start(&mock, &["chat"], &data) else {
        return;
    };
    terminal.prompt();
    terminal.keys(&format!("first line\\{ENTER}second line{ENTER}"));
    terminal.expect(DEMO_END);
    terminal.prompt();
    // A bracketed paste, as terminals send it.
    terminal.keys(&format!("\x1b[200~pasted one\rpasted two\x1b[201~{ENTER}"));
    terminal.expect(DEMO_END);
    let (code, transcript) = terminal.leave();
    assert_eq!(code, Some(0), "{transcript}");
    assert_eq!(mock.requests().len(), 2, "{transcript}");
    assert_eq!(messages(&mock, 0)[0]["content"], "first line\nsecond line");
    assert_eq!(messages(&mock, 1)[2]["content"], "pasted one\npasted two");
}

#[test]
fn slash_commands_switch_the_model_and_the_system_prompt_and_clear() {
    let mock = Mock::start();
    let data = scratch_dir("session-commands");
    let Some(mut terminal) = Terminal::start(&mock, &["chat"], &data) else {
        return;
    };
    terminal.prompt();
    terminal.keys(&format!("/model{ENTER}"));
    terminal.expect("model: openrouter/auto");
    terminal.prompt();
    terminal.keys(&format!("/modle x{ENTER}"));
    terminal.expect("unknown command /modle: type /help for the list");
    terminal.prompt();
    terminal.keys(&format!("/model anthropic/claude-sonnet-4.5{ENTER}"));
    terminal.expect("the next answers come from anthropic/claude-sonnet-4.5");
    terminal.prompt();
    terminal.keys(&format!("/system Answer in numbers.{ENTER}"));
    terminal.expect("system prompt set");
    terminal.prompt();
    terminal.keys(&format!("What is 17 × 3?{ENTER}"));
    // This model's recorded answer, rendered: bold, not asterisks.
    terminal.expect("17 × 3 is \x1b[1m51\x1b[0m.");
    terminal.prompt();
    terminal.keys(&format!("/clear{ENTER}"));
    terminal.expect("conversation cleared");
    let path = data.join("saved.json");
    terminal.prompt();
    terminal.keys(&format!("/model openrouter/auto{ENTER}"));
    terminal.say("again");
    terminal.prompt();
    terminal.keys(&format!("/save {}{ENTER}", path.display()));
    terminal.expect("saved 3 messages");
    terminal.prompt();
    terminal.keys(&format!("/save {}{ENTER}", path.display()));
    terminal.expect("use /save! ");
    terminal.prompt();
    terminal.keys(&format!("/help{ENTER}"));
    terminal.expect("/save! FILE");
    let (code, transcript) = terminal.leave();
    assert_eq!(code, Some(0), "{transcript}");

    let requests = mock.requests();
    assert_eq!(requests.len(), 2, "{transcript}");
    assert_eq!(
        requests[0].body_field("model"),
        Some(json!("anthropic/claude-sonnet-4.5"))
    );
    assert_eq!(
        messages(&mock, 0),
        json!([
            {"role": "system", "content": "Answer in numbers."},
            {"role": "user", "content": "What is 17 × 3?"}
        ])
    );
    assert_eq!(
        requests[1].body_field("model"),
        Some(json!("openrouter/auto"))
    );
    // /clear forgot the first exchange; the system prompt stayed.
    let expected = json!([
        {"role": "system", "content": "Answer in numbers."},
        {"role": "user", "content": "again"},
        {"role": "assistant", "content": DEMO_ANSWER}
    ]);
    assert_eq!(messages(&mock, 1), json!(expected.as_array().unwrap()[..2]));
    let saved: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).expect("saved")).expect("JSON");
    assert_eq!(saved, expected);
}
