//! The four waits a call can time out on, with defaults chosen for slow
//! reasoning models rather than for chatty REST APIs.

use std::time::Duration;

/// Timeouts for a call. All are measured with `tokio::time`, so tests can run
/// them on a paused clock.
///
/// | timeout | default | what it bounds |
/// |---|---|---|
/// | [`connect`](Self::connect) | 10 s | TCP + TLS handshake (applies only to the `reqwest::Client` this crate builds) |
/// | [`response_headers`](Self::response_headers) | 120 s | from sending the request to the response status and headers, per attempt |
/// | [`idle`](Self::idle) | 120 s | silence between two reads of the body; every byte resets it, including OpenRouter's `: OPENROUTER PROCESSING` keep-alive comments and the whitespace it sends before slow non-streaming bodies |
/// | [`total`](Self::total) | none | the whole call: all attempts, backoff, and the body or the entire stream |
///
/// There is deliberately no total timeout by default: a reasoning model can
/// stream for many minutes, and a deadline that cuts it silently would lose
/// paid output. The idle timeout catches dead connections instead.
///
/// ```
/// use std::time::Duration;
/// use openrouter_api::Timeouts;
///
/// let timeouts = Timeouts::default()
///     .idle(Duration::from_secs(30))
///     .total(Duration::from_secs(600));
/// assert_eq!(timeouts.get_total(), Some(Duration::from_secs(600)));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Timeouts {
    pub(crate) connect: Duration,
    pub(crate) response_headers: Duration,
    pub(crate) idle: Duration,
    pub(crate) total: Option<Duration>,
}

impl Default for Timeouts {
    fn default() -> Self {
        Self {
            connect: Duration::from_secs(10),
            response_headers: Duration::from_secs(120),
            idle: Duration::from_secs(120),
            total: None,
        }
    }
}

impl Timeouts {
    /// Connection establishment, including TLS (default 10 s).
    #[must_use]
    pub fn connect(mut self, timeout: Duration) -> Self {
        self.connect = timeout;
        self
    }

    /// Time to the response status and headers, per attempt (default 120 s).
    #[must_use]
    pub fn response_headers(mut self, timeout: Duration) -> Self {
        self.response_headers = timeout;
        self
    }

    /// Longest silence between body reads (default 120 s).
    #[must_use]
    pub fn idle(mut self, timeout: Duration) -> Self {
        self.idle = timeout;
        self
    }

    /// A deadline for the whole call, streams included (default: none).
    #[must_use]
    pub fn total(mut self, timeout: Duration) -> Self {
        self.total = Some(timeout);
        self
    }

    /// The connect timeout.
    pub fn get_connect(&self) -> Duration {
        self.connect
    }

    /// The response-headers timeout.
    pub fn get_response_headers(&self) -> Duration {
        self.response_headers
    }

    /// The idle timeout.
    pub fn get_idle(&self) -> Duration {
        self.idle
    }

    /// The total deadline, if any.
    pub fn get_total(&self) -> Option<Duration> {
        self.total
    }
}

/// Which timeout fired.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum TimeoutKind {
    /// Establishing the connection.
    Connect,
    /// Waiting for the response status and headers.
    ResponseHeaders,
    /// Waiting for the next bytes of the body or stream.
    Idle,
    /// The whole call's deadline.
    Total,
}

impl TimeoutKind {
    /// A stable lowercase name (`connect`, `response_headers`, `idle`, `total`).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Connect => "connect",
            Self::ResponseHeaders => "response_headers",
            Self::Idle => "idle",
            Self::Total => "total",
        }
    }
}
