//! `ParserConfig`: the parser's memory limits.

/// Limits that keep the parser's memory bounded whatever the server sends.
///
/// Both default to 16 MiB. Exceeding one yields an [`Error`](crate::Error)
/// naming the limit; the parser then skips to the next blank line.
///
/// ```
/// use openrouter_sse::{Parser, ParserConfig};
///
/// let config = ParserConfig::default().max_line_bytes(1 << 20).max_event_bytes(4 << 20);
/// assert_eq!(config.max_line_bytes, 1 << 20);
/// let parser = Parser::with_config(config);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct ParserConfig {
    /// The longest line accepted, in bytes, not counting its terminator.
    /// An unfinished line is never buffered beyond this.
    pub max_line_bytes: usize,
    /// The largest event accepted, in bytes: its data lines, each plus one
    /// for the line feed that joins them, plus its event type.
    pub max_event_bytes: usize,
}

impl ParserConfig {
    /// The default for both limits: 16 MiB.
    pub const DEFAULT_LIMIT: usize = 16 << 20;

    /// Sets the longest line accepted, in bytes.
    ///
    /// ```
    /// # use openrouter_sse::ParserConfig;
    /// assert_eq!(ParserConfig::default().max_line_bytes(10).max_line_bytes, 10);
    /// ```
    #[must_use]
    pub fn max_line_bytes(mut self, bytes: usize) -> Self {
        self.max_line_bytes = bytes;
        self
    }

    /// Sets the largest event accepted, in bytes.
    ///
    /// ```
    /// # use openrouter_sse::ParserConfig;
    /// assert_eq!(ParserConfig::default().max_event_bytes(10).max_event_bytes, 10);
    /// ```
    #[must_use]
    pub fn max_event_bytes(mut self, bytes: usize) -> Self {
        self.max_event_bytes = bytes;
        self
    }
}

impl Default for ParserConfig {
    fn default() -> Self {
        ParserConfig {
            max_line_bytes: Self::DEFAULT_LIMIT,
            max_event_bytes: Self::DEFAULT_LIMIT,
        }
    }
}
