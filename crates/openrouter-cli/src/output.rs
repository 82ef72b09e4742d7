//! Where text goes and how it looks: stdout for answers and data, stderr for everything else,
//! dimmed only on a terminal; number formats and plain-text tables.

use std::io::{self, IsTerminal, Write};

use openrouter_types::models::Price;
use serde::Serialize;
use unicode_width::UnicodeWidthStr;

/// What stderr can display, decided once per run.
#[derive(Debug, Clone, Copy)]
pub struct Term {
    /// stderr is a terminal: spinners and styling are allowed.
    pub interactive: bool,
    /// Styling (dim text) is allowed: a terminal, and `NO_COLOR` unset.
    pub color: bool,
}

impl Term {
    /// Looks at stderr and `NO_COLOR` (<https://no-color.org>).
    pub fn detect() -> Self {
        let interactive = io::stderr().is_terminal();
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Self {
            interactive,
            color: interactive && !no_color,
        }
    }

    /// `text` dimmed (faint), when styling is allowed.
    pub fn dim(self, text: &str) -> String {
        if self.color {
            format!("\x1b[2m{text}\x1b[0m")
        } else {
            text.to_owned()
        }
    }

    /// A line of secondary information on stderr (notes, usage summaries).
    pub fn note(self, text: &str) {
        eprintln!("{}", self.dim(text));
    }

    /// `warning: …` on stderr: the command goes on, but probably not as the user meant.
    pub fn warn(self, text: &str) {
        eprintln!("warning: {text}");
    }
}

/// stdout, written piece by piece and flushed so streamed text appears as it arrives.
///
/// Every write returns `io::Result`: `println!` would panic when the reader has gone away.
#[derive(Debug, Default)]
pub struct Stdout {
    /// Whether anything was written, and whether it ended with a newline.
    wrote: bool,
    ends_with_newline: bool,
}

impl Stdout {
    /// Writes `text` and flushes it.
    pub fn write(&mut self, text: &str) -> io::Result<()> {
        if text.is_empty() {
            return Ok(());
        }
        let mut out = io::stdout().lock();
        out.write_all(text.as_bytes())?;
        out.flush()?;
        self.wrote = true;
        self.ends_with_newline = text.ends_with('\n');
        Ok(())
    }

    /// Ends the current line if text was written without a final newline, so the shell prompt
    /// (or the next message) starts on its own line.
    pub fn finish_line(&mut self) -> io::Result<()> {
        if self.wrote && !self.ends_with_newline {
            self.write("\n")?;
        }
        Ok(())
    }

    /// Whether any text reached stdout.
    pub fn wrote(&self) -> bool {
        self.wrote
    }
}

/// Prints `value` as pretty JSON on stdout.
pub fn print_json<T: Serialize>(value: &T) -> io::Result<()> {
    let text = serde_json::to_string_pretty(value).map_err(io::Error::other)?;
    let mut out = io::stdout().lock();
    writeln!(out, "{text}")?;
    out.flush()
}

/// Prints lines on stdout.
pub fn print_lines(lines: &[String]) -> io::Result<()> {
    let mut out = io::stdout().lock();
    for line in lines {
        writeln!(out, "{line}")?;
    }
    out.flush()
}

/// A price per token as USD per million tokens: `$0.15`, `free`, or `varies` for routers
/// whose price depends on the model chosen.
pub fn per_million(price: &Price) -> String {
    if price.is_variable() {
        return "varies".to_owned();
    }
    if price.is_free() {
        return "free".to_owned();
    }
    match price.per_million() {
        Some(usd) => usd_amount(usd),
        None => price.as_str().to_owned(),
    }
}

/// A USD amount with as many decimals as it needs (at least two, at most seven
/// significant ones below a cent): `$2.50`, `$0.075`, `$0.0000462`.
pub fn usd_amount(usd: f64) -> String {
    if usd == 0.0 {
        return "$0".to_owned();
    }
    let magnitude = usd.abs();
    let decimals = if magnitude >= 0.01 {
        2.max(significant_decimals(usd, 4))
    } else {
        significant_decimals(usd, 3)
    };
    let mut text = format!("{usd:.decimals$}");
    if text.contains('.') && decimals > 2 {
        while text.ends_with('0') && text.split_once('.').is_some_and(|(_, d)| d.len() > 2) {
            text.pop();
        }
    }
    format!("${text}")
}

/// Decimals needed to show `significant` significant digits of `value`, capped at 10.
fn significant_decimals(value: f64, significant: i32) -> usize {
    let exponent = value.abs().log10().floor() as i32;
    (significant - 1 - exponent).clamp(0, 10) as usize
}

/// `128000` as `128,000`.
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Column alignment in a [`table`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    /// Text.
    Left,
    /// Numbers.
    Right,
}

/// Renders rows under a header as aligned columns separated by two spaces, with no trailing
/// whitespace. Columns are measured in terminal cells, not characters: a CJK character or an
/// emoji takes two (`unicode-width`, the measure terminals and `console` use).
pub fn table(header: &[(&str, Align)], rows: &[Vec<String>]) -> Vec<String> {
    let mut widths: Vec<usize> = header.iter().map(|(h, _)| h.width()).collect();
    for row in rows {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(cell.width());
        }
    }
    let render = |cells: Vec<&str>| {
        let mut line = String::new();
        for (i, ((cell, (_, align)), width)) in cells.iter().zip(header).zip(&widths).enumerate() {
            if i > 0 {
                line.push_str("  ");
            }
            let pad = width.saturating_sub(cell.width());
            match align {
                Align::Left => {
                    line.push_str(cell);
                    line.extend(std::iter::repeat_n(' ', pad));
                }
                Align::Right => {
                    line.extend(std::iter::repeat_n(' ', pad));
                    line.push_str(cell);
                }
            }
        }
        line.trim_end().to_owned()
    };
    let mut lines = vec![render(header.iter().map(|(h, _)| *h).collect())];
    lines.extend(
        rows.iter()
            .map(|row| render(row.iter().map(String::as_str).collect())),
    );
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_keep_their_significant_digits() {
        assert_eq!(usd_amount(2.5), "$2.50");
        assert_eq!(usd_amount(0.15), "$0.15");
        assert_eq!(usd_amount(0.075), "$0.075");
        assert_eq!(usd_amount(15.0), "$15.00");
        assert_eq!(usd_amount(0.0000462), "$0.0000462");
        assert_eq!(usd_amount(100.5), "$100.50");
        assert_eq!(usd_amount(0.0), "$0");
    }

    #[test]
    fn prices_are_per_million_tokens() {
        assert_eq!(per_million(&Price::new("0.00000015")), "$0.15");
        assert_eq!(per_million(&Price::new("0")), "free");
        assert_eq!(per_million(&Price::new("-1")), "varies");
    }

    #[test]
    fn thousands_are_grouped() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(128_000), "128,000");
        assert_eq!(thousands(2_000_000), "2,000,000");
    }

    #[test]
    fn tables_align_columns() {
        let lines = table(
            &[("id", Align::Left), ("n", Align::Right)],
            &[
                vec!["a".into(), "10".into()],
                vec!["long".into(), "2".into()],
            ],
        );
        assert_eq!(lines, ["id     n", "a     10", "long   2"]);
    }

    #[test]
    fn wide_characters_take_two_cells() {
        let lines = table(
            &[("id", Align::Left), ("n", Align::Right)],
            &[
                vec!["通义千问".into(), "1".into()],
                vec!["🦙 llama".into(), "22".into()],
                vec!["abc".into(), "333".into()],
            ],
        );
        assert_eq!(
            lines,
            [
                "id          n",
                "通义千问    1",
                "🦙 llama   22",
                "abc       333"
            ]
        );
    }
}
