//! An answer that is a tool call, shown as one on stdout: a marked header with the tool's name
//! and call id, then its arguments pretty-printed. Without this such an answer printed nothing.

use serde_json::Value;

/// One tool call as the CLI shows it, whichever API it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Shown {
    /// The tool (function) name.
    pub name: String,
    /// The provider's call id, empty when there is none.
    pub id: String,
    /// The arguments: JSON text as generated (chat completions) or a value (Messages API).
    pub arguments: Arguments,
}

/// Tool-call arguments as they arrive.
#[derive(Debug, Clone, PartialEq)]
pub enum Arguments {
    /// JSON text; `""` (a provider omitted them) means `{}`.
    Text(String),
    /// Already a value.
    Value(Value),
}

impl Shown {
    /// From a chat-completions tool call.
    pub fn of_chat(call: &openrouter_types::chat::ToolCall) -> Self {
        Self {
            name: call.name().to_owned(),
            id: call.id().to_owned(),
            arguments: Arguments::Text(call.arguments().to_owned()),
        }
    }

    /// The text for stdout: `tool call: NAME (id ID)` then the arguments, indented; the header
    /// bold when `styled`.
    pub fn render(&self, styled: bool) -> String {
        let mut header = format!("tool call: {}", self.name);
        if !self.id.is_empty() {
            header.push_str(&format!(" (id {})", self.id));
        }
        if styled {
            header = format!("\x1b[1;33m{header}\x1b[0m");
        }
        let (body, note) = match &self.arguments {
            Arguments::Value(value) => (pretty(value), None),
            Arguments::Text(text) if text.trim().is_empty() => ("{}".to_owned(), None),
            Arguments::Text(text) => match serde_json::from_str::<Value>(text) {
                Ok(value) => (pretty(&value), None),
                Err(_) => (text.clone(), Some("  (the arguments are not valid JSON)\n")),
            },
        };
        let mut out = format!("{header}\n");
        for line in body.lines() {
            out.push_str("  ");
            out.push_str(line);
            out.push('\n');
        }
        if let Some(note) = note {
            out.push_str(note);
        }
        out
    }
}

fn pretty(value: &Value) -> String {
    serde_json::to_string_pretty(value).unwrap_or_else(|_| value.to_string())
}

/// All calls of one answer, one after the other.
pub fn render_all(calls: &[Shown], styled: bool) -> String {
    calls.iter().map(|c| c.render(styled)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn arguments_are_pretty_printed_under_a_marked_header() {
        let call = Shown {
            name: "get_weather".into(),
            id: "call_1".into(),
            arguments: Arguments::Text(r#"{"city": "Paris", "unit": "celsius"}"#.into()),
        };
        assert_eq!(
            call.render(false),
            "tool call: get_weather (id call_1)\n  {\n    \"city\": \"Paris\",\n    \"unit\": \"celsius\"\n  }\n"
        );
    }

    #[test]
    fn missing_or_broken_arguments_still_show() {
        let mut call = Shown {
            name: "now".into(),
            id: String::new(),
            arguments: Arguments::Text(String::new()),
        };
        assert_eq!(call.render(false), "tool call: now\n  {}\n");
        call.arguments = Arguments::Text("{\"a\":".into());
        assert!(call.render(false).contains("not valid JSON"));
        call.arguments = Arguments::Value(json!({"q": 1}));
        assert!(
            call.render(true)
                .starts_with("\x1b[1;33mtool call: now\x1b[0m\n")
        );
    }
}
