//! `Finish`: how a stream ended, so a client can tell a clean end from a cut one.

/// What [`Parser::finish`](crate::Parser::finish) discarded at the end of the
/// stream.
///
/// The spec discards an unfinished event silently; this reports it, because a
/// stream cut in the middle of an event is a failure the caller should see.
///
/// ```
/// let mut parser = openrouter_sse::Parser::new();
/// parser.feed(b"data: [DONE]\n\n");
/// assert!(parser.finish().is_clean());
///
/// parser.feed(b"data: {\"choices\":[{\"delta\":");
/// let end = parser.finish();
/// assert!(!end.is_clean());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[must_use = "a stream that ended in the middle of an event should be reported"]
pub struct Finish {
    partial_line: bool,
    event: bool,
}

impl Finish {
    pub(crate) fn new(partial_line: bool, event: bool) -> Self {
        Finish {
            partial_line,
            event,
        }
    }

    /// The stream ended at an event boundary: nothing was discarded.
    ///
    /// Comments and blank lines may end a clean stream; any field line (such
    /// as `data`, `event`, `id`) not followed by a blank line makes it unclean.
    ///
    /// ```
    /// let mut parser = openrouter_sse::Parser::new();
    /// parser.feed(b"data: x\n\n: bye\n");
    /// assert!(parser.finish().is_clean());
    /// ```
    pub fn is_clean(&self) -> bool {
        !self.partial_line && !self.event
    }

    /// Bytes of a line without a terminator were discarded.
    ///
    /// ```
    /// let mut parser = openrouter_sse::Parser::new();
    /// parser.feed(b": keep-alive");
    /// let end = parser.finish();
    /// assert!(end.discarded_partial_line() && !end.discarded_event());
    /// ```
    pub fn discarded_partial_line(&self) -> bool {
        self.partial_line
    }

    /// Fields of an event not yet ended by a blank line were discarded (or
    /// the stream ended while skipping an event after an error).
    ///
    /// ```
    /// let mut parser = openrouter_sse::Parser::new();
    /// parser.feed(b"data: x\n");
    /// let end = parser.finish();
    /// assert!(end.discarded_event() && !end.discarded_partial_line());
    /// ```
    pub fn discarded_event(&self) -> bool {
        self.event
    }
}
