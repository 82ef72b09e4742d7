//! Markdown answers rendered for a terminal as they stream: each line is styled once it is
//! complete (headings, emphasis, inline code, fenced code, lists, quotes, links), with the
//! fenced-code state carried from line to line. Block structure is recognised here, line by
//! line; the spans inside a line come from pulldown-cmark.

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

const RESET: &str = "\x1b[0m";
const BOLD: &str = "\x1b[1m";
const DIM: &str = "\x1b[2m";
const ITALIC: &str = "\x1b[3m";
const UNDERLINE: &str = "\x1b[4m";
const CODE: &str = "\x1b[36m";
const HEADING: &str = "\x1b[1;35m";

/// The renderer's state between chunks of one answer.
#[derive(Debug, Default)]
pub struct Markdown {
    /// Text after the last newline, not all rendered yet.
    pending: String,
    /// What of the pending line is on screen already: the rendering of its first words.
    shown: String,
    /// Inside a fenced code block: its fence (```` ``` ```` or `~~~`, possibly longer).
    fence: Option<String>,
}

impl Markdown {
    /// A renderer at the start of an answer.
    pub fn new() -> Self {
        Self::default()
    }

    /// Takes the next piece of the answer; returns what can be shown now: the lines it
    /// completed, and the first words of a long line whose spans are all closed (so a
    /// paragraph still appears as it arrives).
    pub fn push(&mut self, text: &str) -> String {
        self.pending.push_str(text);
        let mut out = String::new();
        while let Some(end) = self.pending.find('\n') {
            let line: String = self.pending.drain(..=end).collect();
            out.push_str(&self.complete(line.trim_end_matches(['\n', '\r'])));
            out.push('\n');
        }
        out.push_str(&self.partial());
        out
    }

    /// Renders what is left (a last line with no newline) and resets for the next answer.
    pub fn finish(&mut self) -> String {
        let rest = std::mem::take(&mut self.pending);
        let out = if rest.is_empty() {
            std::mem::take(&mut self.shown);
            String::new()
        } else {
            self.complete(&rest)
        };
        self.fence = None;
        out
    }

    /// A complete line, less what of it is already shown.
    fn complete(&mut self, line: &str) -> String {
        let shown = std::mem::take(&mut self.shown);
        let rendered = self.line(line);
        if shown.is_empty() {
            return rendered;
        }
        match rendered.strip_prefix(shown.as_str()) {
            Some(rest) => rest.to_owned(),
            // The words shown early turned out to be styled differently: show the line again
            // on its own rather than a garbled one.
            None => format!("\n{rendered}"),
        }
    }

    /// The words of the pending line that can be shown before it ends: up to its last space,
    /// when the line is a paragraph, list item or quote and no span is left open there.
    fn partial(&mut self) -> String {
        if self.fence.is_some() {
            return String::new();
        }
        let Some(cut) = self.pending.rfind(char::is_whitespace) else {
            return String::new();
        };
        let prefix = &self.pending[..cut];
        let trimmed = prefix.trim_start();
        // Headings, fences, tables and rules are short: they wait for their whole line.
        if trimmed.is_empty()
            || trimmed.starts_with(['#', '`', '~', '|', '=', '_', '<'])
            || prefix.len() - trimmed.len() >= 4
            || is_rule(trimmed)
        {
            return String::new();
        }
        let (body, _, closed) = block(prefix);
        if !closed {
            return String::new();
        }
        match body.strip_prefix(self.shown.as_str()) {
            Some(rest) if !rest.is_empty() => {
                let rest = rest.to_owned();
                self.shown = body;
                rest
            }
            _ => String::new(),
        }
    }

    /// One complete line, without its newline.
    fn line(&mut self, line: &str) -> String {
        let trimmed = line.trim_start();
        if let Some(fence) = &self.fence {
            if trimmed.starts_with(fence.as_str())
                && trimmed.trim_end().chars().all(|c| fence.starts_with(c))
            {
                self.fence = None;
                return format!("{DIM}{line}{RESET}");
            }
            return format!("{CODE}{line}{RESET}");
        }
        if let Some(fence) = fence_of(trimmed) {
            self.fence = Some(fence);
            return format!("{DIM}{line}{RESET}");
        }
        let (body, close, _) = block(line);
        body + close
    }
}

/// A line outside code blocks, styled: the text up to the end of its last span, what closes
/// the line's own style, and whether every span is closed (no literal markup character left).
fn block(line: &str) -> (String, &'static str, bool) {
    let trimmed = line.trim_start();
    let indent = &line[..line.len() - trimmed.len()];
    if indent.len() < 4 {
        if let Some((level, title)) = heading(trimmed) {
            let underline = if level == 1 { UNDERLINE } else { "" };
            let (text, closed) = inline(title, HEADING);
            return (format!("{HEADING}{underline}{text}"), RESET, closed);
        }
        if is_rule(trimmed) {
            return (format!("{DIM}{}", "─".repeat(40)), RESET, true);
        }
    }
    if let Some(rest) = trimmed.strip_prefix('>') {
        let rest = rest.strip_prefix(' ').unwrap_or(rest);
        let (text, closed) = inline(rest, ITALIC);
        return (
            format!("{indent}{DIM}│{RESET} {ITALIC}{text}"),
            RESET,
            closed,
        );
    }
    let (marker, rest) = if let Some(rest) = ["- ", "* ", "+ "]
        .iter()
        .find_map(|m| trimmed.strip_prefix(m))
    {
        ("• ".to_owned(), rest)
    } else if let Some((number, rest)) = ordered_item(trimmed) {
        (format!("{number} "), rest)
    } else {
        (String::new(), trimmed)
    };
    let (text, closed) = inline(rest, "");
    (format!("{indent}{marker}{text}"), "", closed)
}

/// The fence that opens a code block on this line, if it does.
fn fence_of(trimmed: &str) -> Option<String> {
    for marker in ['`', '~'] {
        let run = trimmed.chars().take_while(|&c| c == marker).count();
        if run >= 3 {
            // A backtick fence's info string cannot contain backticks (CommonMark 4.5).
            if marker == '`' && trimmed[run..].contains('`') {
                return None;
            }
            return Some(marker.to_string().repeat(run));
        }
    }
    None
}

/// `## Title` → (2, "Title").
fn heading(trimmed: &str) -> Option<(usize, &str)> {
    let level = trimmed.chars().take_while(|&c| c == '#').count();
    if !(1..=6).contains(&level) {
        return None;
    }
    let rest = &trimmed[level..];
    if rest.is_empty() {
        return Some((level, ""));
    }
    let title = rest.strip_prefix([' ', '\t'])?;
    Some((level, title.trim().trim_end_matches('#').trim_end()))
}

/// `---`, `***`, `___` (three or more, spaces allowed).
fn is_rule(trimmed: &str) -> bool {
    let marks: String = trimmed.chars().filter(|c| !c.is_whitespace()).collect();
    marks.len() >= 3
        && ['-', '*', '_']
            .iter()
            .any(|&m| marks.chars().all(|c| c == m))
}

/// `12. rest` or `12) rest` → ("12.", "rest").
fn ordered_item(trimmed: &str) -> Option<(&str, &str)> {
    let digits = trimmed.chars().take_while(char::is_ascii_digit).count();
    if digits == 0 || digits > 9 {
        return None;
    }
    let after = &trimmed[digits..];
    let rest = after
        .strip_prefix(". ")
        .or_else(|| after.strip_prefix(") "))?;
    Some((&trimmed[..=digits], rest))
}

/// Characters that are markup when paired: seen as text, a span may still be open.
const MARKUP: [char; 6] = ['*', '_', '`', '[', '<', '\\'];

/// The spans of one line of text, styled; `base` is the style to return to after a span. The
/// flag says no markup character was left as text (so no span may be waiting for its end).
fn inline(text: &str, base: &str) -> (String, bool) {
    let mut closed = true;
    let mut out = String::with_capacity(text.len() + 16);
    // Styles open now, innermost last, so closing one restores the others.
    let mut open: Vec<&str> = Vec::new();
    // Open links: their URL and the text shown so far (an autolink shows its URL already).
    let mut links: Vec<(String, String)> = Vec::new();
    let restore = |out: &mut String, open: &[&str]| {
        out.push_str(RESET);
        out.push_str(base);
        for style in open {
            out.push_str(style);
        }
    };
    for event in Parser::new(text) {
        match event {
            Event::Text(t) => {
                closed &= !t.contains(MARKUP);
                if let Some((_, shown)) = links.last_mut() {
                    shown.push_str(&t);
                }
                out.push_str(&t);
            }
            Event::Code(code) => {
                out.push_str(CODE);
                out.push_str(&code);
                restore(&mut out, &open);
            }
            Event::Start(Tag::Strong) => {
                open.push(BOLD);
                out.push_str(BOLD);
            }
            Event::Start(Tag::Emphasis) => {
                open.push(ITALIC);
                out.push_str(ITALIC);
            }
            Event::Start(Tag::Link { dest_url, .. }) => {
                open.push(UNDERLINE);
                out.push_str(UNDERLINE);
                links.push((dest_url.into_string(), String::new()));
            }
            Event::End(TagEnd::Strong | TagEnd::Emphasis) => {
                open.pop();
                restore(&mut out, &open);
            }
            Event::End(TagEnd::Link) => {
                open.pop();
                restore(&mut out, &open);
                if let Some((url, shown)) = links.pop()
                    && !url.is_empty()
                    && shown != url
                    && shown.strip_prefix("mailto:").unwrap_or(&shown) != url
                {
                    out.push_str(&format!(" {DIM}({url}){RESET}{base}"));
                }
            }
            Event::Html(t) | Event::InlineHtml(t) => {
                closed = false;
                out.push_str(&t);
            }
            Event::SoftBreak | Event::HardBreak => out.push(' '),
            _ => {}
        }
    }
    (out, closed)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The rendering with escape sequences spelt `<b>`, `<i>`… for readable expectations.
    fn render(chunks: &[&str]) -> String {
        let mut md = Markdown::new();
        let mut out: String = chunks.iter().map(|c| md.push(c)).collect();
        out.push_str(&md.finish());
        out.replace(RESET, "</>")
            .replace(HEADING, "<h>")
            .replace(BOLD, "<b>")
            .replace(DIM, "<dim>")
            .replace(ITALIC, "<i>")
            .replace(UNDERLINE, "<u>")
            .replace(CODE, "<code>")
    }

    #[test]
    fn spans_are_styled() {
        let cases = [
            ("17 × 3 is **51**.", "17 × 3 is <b>51</>."),
            ("an *aside* here", "an <i>aside</> here"),
            ("run `cargo test`", "run <code>cargo test</>"),
            (
                "see [docs](https://openrouter.ai)",
                "see <u>docs</> <dim>(https://openrouter.ai)</>",
            ),
            ("<https://a.b>", "<u>https://a.b</>"),
            ("a \\*literal\\* star", "a *literal* star"),
            ("**bold *and italic***", "<b>bold <i>and italic</><b></>"),
        ];
        for (input, expected) in cases {
            assert_eq!(render(&[input]), expected, "{input}");
        }
    }

    #[test]
    fn blocks_are_recognised_line_by_line() {
        let cases = [
            ("# Title\n", "<h><u>Title</>\n"),
            ("### Sub **x**\n", "<h>Sub <b>x</><h></>\n"),
            ("- one\n  * two\n", "• one\n  • two\n"),
            ("3. third\n", "3. third\n"),
            ("> quoted\n", "<dim>│</> <i>quoted</>\n"),
            ("---\n", &format!("<dim>{}</>\n", "─".repeat(40))),
            ("#hashtag\n", "#hashtag\n"),
        ];
        for (input, expected) in cases {
            assert_eq!(render(&[input]), expected, "{input}");
        }
    }

    #[test]
    fn code_blocks_keep_their_text_across_chunks() {
        // The fence opens in one chunk and closes in another; markdown inside is not styled.
        let out = render(&[
            "Code:\n```ru",
            "st\nlet x = **y**;\n# not a heading\n``",
            "`\ndone *now*\n",
        ]);
        assert_eq!(
            out,
            "Code:\n<dim>```rust</>\n<code>let x = **y**;</>\n<code># not a heading</>\n<dim>```</>\ndone <i>now</>\n"
        );
    }

    #[test]
    fn a_long_line_shows_word_by_word_once_its_spans_close() {
        let mut md = Markdown::new();
        assert_eq!(md.push("Hello"), "", "a word may not be complete");
        assert_eq!(md.push(" there, "), "Hello there,");
        assert_eq!(md.push("**bo"), "", "an open span waits");
        assert_eq!(md.push("ld** and"), " \x1b[1mbold\x1b[0m");
        assert_eq!(md.push(" more\n# Next"), " and more\n");
        assert_eq!(md.finish(), "\x1b[1;35m\x1b[4mNext\x1b[0m");
        assert_eq!(md.finish(), "");
        // A list item and a quote stream too, and end with their own style closed.
        assert_eq!(md.push("- first item "), "• first item");
        assert_eq!(md.push("\n> a b"), "\n\x1b[2m│\x1b[0m \x1b[3ma");
        assert_eq!(md.finish(), " b\x1b[0m");
        // A line with literal markup waits for its end, so it is never shown twice.
        assert_eq!(md.push("2 * 3 = 6 and "), "");
        assert_eq!(md.push("more\n"), "2 * 3 = 6 and more\n");
    }

    #[test]
    fn the_streamed_rendering_is_the_whole_rendering() {
        let answer = "# Title\nSome **bold** and *italic* text with `code` and a [link](https://x.y) here.\n\n- item one\n- item **two** done\n> quoted *words* here\n```rust\nfn main() {}\n```\n1. last one\n";
        let whole = render(&[answer]);
        for size in [1, 2, 3, 5, 8, 13] {
            let chars: Vec<char> = answer.chars().collect();
            let pieces: Vec<String> = chars.chunks(size).map(|c| c.iter().collect()).collect();
            let refs: Vec<&str> = pieces.iter().map(String::as_str).collect();
            assert_eq!(render(&refs), whole, "pieces of {size}");
        }
    }
}
