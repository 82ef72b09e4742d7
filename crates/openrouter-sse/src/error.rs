//! The crate's one error type: what went wrong, which limit was hit, and what
//! the parser does next.

use std::fmt;

/// An error from the [`Parser`](crate::Parser) or the [`Encoder`](crate::Encoder).
///
/// Parser errors are not fatal. After [`LineTooLong`](Error::LineTooLong) or
/// [`EventTooLarge`](Error::EventTooLarge) the parser has discarded the event
/// being built and skips everything up to and including the next blank line,
/// then parses normally again. Keep calling
/// [`next_frame`](crate::Parser::next_frame), or stop reading the stream.
///
/// ```
/// use openrouter_sse::{Error, Parser, ParserConfig};
///
/// let mut parser = Parser::with_config(ParserConfig::default().max_line_bytes(8));
/// parser.feed(b"data: far too long\n\ndata: ok\n\n");
/// let err = parser.next_frame().unwrap().unwrap_err();
/// assert!(matches!(err, Error::LineTooLong { limit: 8, .. }));
/// assert!(err.to_string().contains("8-byte"));
/// // The parser resynchronised at the blank line.
/// assert_eq!(parser.next_frame().unwrap()?.as_event().unwrap().data(), "ok");
/// # Ok::<(), Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Error {
    /// A line was longer than [`ParserConfig::max_line_bytes`](crate::ParserConfig::max_line_bytes)
    /// (line terminator not counted). Its bytes were discarded without being
    /// buffered; the parser resumes after the next blank line.
    #[non_exhaustive]
    LineTooLong {
        /// The limit in bytes.
        limit: usize,
    },
    /// The fields of one event (its data lines, each plus a joining line feed,
    /// and its event type) exceeded
    /// [`ParserConfig::max_event_bytes`](crate::ParserConfig::max_event_bytes).
    /// The event was discarded; the parser resumes after the next blank line.
    #[non_exhaustive]
    EventTooLarge {
        /// The limit in bytes.
        limit: usize,
    },
    /// The [`Encoder`](crate::Encoder) was asked to write a value that the SSE
    /// format cannot carry in that field, such as a line break in an event
    /// type, id or comment, or NUL in an id (which a parser would ignore).
    #[non_exhaustive]
    Unencodable {
        /// The field: `"event"`, `"id"` or `"comment"`.
        field: &'static str,
        /// Why it cannot be written.
        reason: &'static str,
    },
}

impl Error {
    /// The limit that was exceeded, in bytes, for the limit errors.
    ///
    /// ```
    /// use openrouter_sse::{Parser, ParserConfig};
    ///
    /// let mut parser = Parser::with_config(ParserConfig::default().max_event_bytes(4));
    /// parser.feed(b"data: 12345\n");
    /// let err = parser.next_frame().unwrap().unwrap_err();
    /// assert_eq!(err.limit(), Some(4));
    /// ```
    pub fn limit(&self) -> Option<usize> {
        match self {
            Error::LineTooLong { limit } | Error::EventTooLarge { limit } => Some(*limit),
            Error::Unencodable { .. } => None,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::LineTooLong { limit } => write!(
                f,
                "sse line exceeds the {limit}-byte limit (ParserConfig::max_line_bytes); \
                 the event was discarded and parsing resumes after the next blank line; \
                 raise the limit if such lines are expected"
            ),
            Error::EventTooLarge { limit } => write!(
                f,
                "sse event exceeds the {limit}-byte limit (ParserConfig::max_event_bytes); \
                 the event was discarded and parsing resumes after the next blank line; \
                 raise the limit if such events are expected"
            ),
            Error::Unencodable { field, reason } => {
                write!(f, "cannot encode sse `{field}` field: {reason}")
            }
        }
    }
}

impl std::error::Error for Error {}
