//! The one error type of this crate.

use std::io;

/// What can stop a batch before or between requests. Failures of single requests are not
/// errors: they are [`Outcome`](crate::Outcome)s.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// Reading the input or reading, repairing or writing the output failed.
    #[error("cannot {action}: {source}")]
    Io {
        /// What was being done ("read the input").
        action: &'static str,
        /// The cause.
        #[source]
        source: io::Error,
    },
    /// A complete line of the output file is not a batch output line.
    #[error(
        "line {line} of the output is not a batch output line ({message}): point -o at a file this command wrote, or a new one"
    )]
    Output {
        /// The line number, from 1.
        line: u64,
        /// What the parser said.
        message: String,
    },
    /// The input has invalid lines (and skipping them was not asked for).
    #[error(
        "the input has {count} invalid line(s), the first on line {first_line}: fix them (or skip them with --skip-invalid); nothing was sent"
    )]
    InvalidInput {
        /// How many lines are invalid.
        count: u64,
        /// The first one.
        first_line: u64,
    },
}

impl Error {
    pub(crate) fn io(action: &'static str, source: io::Error) -> Self {
        Self::Io { action, source }
    }
}
