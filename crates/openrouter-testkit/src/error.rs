//! The testkit's one error type.

use std::io;
use std::net::SocketAddr;
use std::path::PathBuf;

/// Everything that can go wrong loading fixtures or starting a mock server.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A fixture file or directory could not be read.
    #[error("cannot read {}: {source}", path.display())]
    Io {
        /// The file or directory.
        path: PathBuf,
        /// What the OS said.
        source: io::Error,
    },
    /// A fixture file does not follow the format in `fixtures/README.md`.
    #[error("fixture {name} is invalid: {reason} (see fixtures/README.md for the format)")]
    Invalid {
        /// The fixture's name (`folder/stem`).
        name: String,
        /// What is wrong with it.
        reason: String,
    },
    /// The mock server could not listen on the requested address.
    #[error("cannot listen on {addr}: {source}; choose another port or pass 0 for a free one")]
    Bind {
        /// The address asked for.
        addr: SocketAddr,
        /// What the OS said.
        source: io::Error,
    },
}
