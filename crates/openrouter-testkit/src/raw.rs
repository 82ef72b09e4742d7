//! A TCP server on 127.0.0.1 that answers each request with a script of raw bytes, for the
//! faults an HTTP server library will not commit on purpose.
//!
//! wiremock and [`MockOpenRouter`](crate::server::MockOpenRouter) always speak valid HTTP. Real
//! networks do not: proxies reset connections half-way through a header, load balancers close
//! a chunked body before its last chunk, a stalled upstream sends one byte a second, a CDN
//! answers a JSON API with an HTML page. [`RawServer`] writes exactly the bytes a test scripts,
//! pauses where it says, and ends each connection with a clean close, a TCP reset or by
//! waiting for the client to hang up. It records what the client sent and when each
//! connection ended, so a test can prove the client closed every connection it opened.
//!
//! The server reads requests (head and `Content-Length` or chunked body) only to record them
//! and to know when the next one starts; it never interprets them. Request *n*, counted
//! across all connections in arrival order, gets script *n*; the last script answers every
//! later request, and a server without scripts stays silent.
//!
//! # Example
//!
//! A `503`, then, for the retry on the same kept-alive connection, a stream that starts and
//! is reset:
//!
//! ```
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> Result<(), Box<dyn std::error::Error>> {
//! use std::time::Duration;
//! use openrouter_testkit::raw::{self, RawServer, Step};
//!
//! let server = RawServer::start([
//!     vec![Step::send(raw::response(
//!         503,
//!         &[("content-type", "application/json")],
//!         br#"{"error":{"code":503,"message":"No available provider"}}"#,
//!     ))],
//!     vec![
//!         Step::send(raw::head(
//!             200,
//!             &[("content-type", "text/event-stream"), ("transfer-encoding", "chunked")],
//!         )),
//!         Step::chunk(": OPENROUTER PROCESSING\n\n"),
//!         Step::Sleep(Duration::from_millis(10)),
//!         Step::Reset,
//!     ],
//! ])
//! .await?;
//!
//! let http = reqwest::Client::new();
//! let url = format!("{}/chat/completions", server.base_url());
//! let first = http.post(&url).body(r#"{"model":"x/y","stream":true}"#).send().await?;
//! assert_eq!(first.status(), 503);
//! assert!(first.text().await?.contains("No available provider"));
//!
//! let second = http.post(&url).body(r#"{"model":"x/y","stream":true}"#).send().await?;
//! assert_eq!(second.status(), 200);
//! assert!(second.text().await.is_err(), "a reset mid-body is an error, not a short body");
//!
//! // What the client sent, and proof that it closed what it opened.
//! let sent = server.received_requests();
//! assert_eq!(sent.len(), 2);
//! sent[1].expect_body_field("stream", true);
//! drop(http);
//! assert_eq!(server.wait_closed(Duration::from_secs(5)).await, Ok(2));
//! # Ok(())
//! # }
//! ```
//!
//! A byte-per-second "slowloris" body, usually run on tokio's paused clock
//! (`#[tokio::test(start_paused = true)]`, the server sleeps on the same clock):
//!
//! ```
//! use std::time::Duration;
//! use openrouter_testkit::raw::{self, Script, Step};
//!
//! let slowloris: Script = vec![
//!     Step::send(raw::head(200, &[("content-type", "text/event-stream")])),
//!     Step::drip("data: [DONE]\n\n", Duration::from_secs(1)),
//!     Step::Close,
//! ]
//! .into();
//! assert_eq!(slowloris.steps().len(), 3);
//! ```

mod connection;

use std::fmt;
use std::net::{Ipv4Addr, SocketAddr};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::Duration;

use bytes::Bytes;
use tokio::net::TcpListener;
use tokio::sync::Notify;
use tokio::task::{JoinHandle, JoinSet};

use crate::{Error, RecordedRequest};

/// The last chunk of a chunked body: a zero size and no trailers.
pub const LAST_CHUNK: &[u8] = b"0\r\n\r\n";

/// One action of a [`Script`].
///
/// Writes go out as soon as the socket takes them (`TCP_NODELAY` is set), so the client
/// sees the pieces a script sends, not one coalesced buffer.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Step {
    /// Writes these bytes as they are: a status line, headers, body bytes or garbage.
    Send(Bytes),
    /// Waits (on tokio's clock, so a paused clock skips it); if the client hangs up
    /// meanwhile, the connection ends there.
    Sleep(Duration),
    /// Writes `bytes` one byte at a time, waiting `every` before each; stops early if the
    /// client hangs up.
    Drip {
        /// What to write.
        bytes: Bytes,
        /// The pause before each byte.
        every: Duration,
    },
    /// Writes `bytes` every `every` until the client hangs up; the connection then ends.
    Repeat {
        /// What to write each time.
        bytes: Bytes,
        /// The pause before each copy.
        every: Duration,
    },
    /// Writes whole copies of `bytes` back to back, as fast as the client reads them, until at
    /// least `total` bytes went out; [`RawServer::bytes_written`] shows how far it got. For
    /// back-pressure tests: a client that stops reading must stop the server too.
    Flood {
        /// What to write, again and again (a complete chunk inside a chunked body).
        bytes: Bytes,
        /// How many bytes to write in all.
        total: u64,
    },
    /// Waits until the client closes or resets the connection, then ends it.
    AwaitClose,
    /// Closes the write side (a FIN: the client reads the end of the stream), then waits
    /// until the client closes its side too.
    Close,
    /// Aborts the connection with a TCP reset (`SO_LINGER` 0, then close): the client's next
    /// read fails with "connection reset".
    Reset,
}

impl Step {
    /// [`Step::Send`] from anything that converts into [`Bytes`] (`&'static str`,
    /// `Vec<u8>`, `String`, …).
    pub fn send(bytes: impl Into<Bytes>) -> Step {
        Step::Send(bytes.into())
    }

    /// [`Step::Send`] of `data` framed as one chunk of a chunked body (see [`chunk`]).
    pub fn chunk(data: impl AsRef<[u8]>) -> Step {
        Step::Send(chunk(data).into())
    }

    /// [`Step::Send`] of the [`LAST_CHUNK`], which ends a chunked body properly.
    pub fn last_chunk() -> Step {
        Step::Send(Bytes::from_static(LAST_CHUNK))
    }

    /// [`Step::Drip`]: `bytes` one at a time, `every` before each.
    pub fn drip(bytes: impl Into<Bytes>, every: Duration) -> Step {
        Step::Drip {
            bytes: bytes.into(),
            every,
        }
    }

    /// [`Step::Repeat`]: `bytes` every `every` until the client hangs up.
    pub fn repeat(bytes: impl Into<Bytes>, every: Duration) -> Step {
        Step::Repeat {
            bytes: bytes.into(),
            every,
        }
    }

    /// [`Step::Flood`]: copies of `bytes` back to back until `total` bytes went out.
    pub fn flood(bytes: impl Into<Bytes>, total: u64) -> Step {
        Step::Flood {
            bytes: bytes.into(),
            total,
        }
    }
}

/// The answer to one request: [`Step`]s run in order.
///
/// A script that does not end the connection ([`Step::Close`], [`Step::Reset`],
/// [`Step::AwaitClose`], or a [`Step::Repeat`] the client walks away from) leaves it open for
/// the client's next request, as a kept-alive HTTP/1.1 connection would be. An empty script
/// reads the request and answers nothing, which is how a server that never sends its headers
/// looks.
///
/// Build one from a `Vec<Step>` or any iterator of steps:
///
/// ```
/// use openrouter_testkit::raw::{self, Script, Step};
///
/// let reset_mid_headers: Script =
///     [Step::send("HTTP/1.1 200 OK\r\ncontent-type: text/event-st"), Step::Reset]
///         .into_iter()
///         .collect();
/// let silent = Script::default();
/// assert!(silent.steps().is_empty());
/// assert_eq!(reset_mid_headers.steps()[1], Step::Reset);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Script {
    steps: Vec<Step>,
}

impl Script {
    /// A script running `steps` in order.
    pub fn new(steps: impl IntoIterator<Item = Step>) -> Script {
        Script {
            steps: steps.into_iter().collect(),
        }
    }

    /// The steps, in order.
    pub fn steps(&self) -> &[Step] {
        &self.steps
    }

    /// Appends a step.
    pub fn push(&mut self, step: Step) {
        self.steps.push(step);
    }
}

impl From<Vec<Step>> for Script {
    fn from(steps: Vec<Step>) -> Script {
        Script { steps }
    }
}

impl FromIterator<Step> for Script {
    fn from_iter<I: IntoIterator<Item = Step>>(steps: I) -> Script {
        Script::new(steps)
    }
}

impl Extend<Step> for Script {
    fn extend<I: IntoIterator<Item = Step>>(&mut self, steps: I) {
        self.steps.extend(steps);
    }
}

/// What happened on one accepted connection, as seen by [`RawServer::connections`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Connection {
    requests: Vec<RecordedRequest>,
    closed: bool,
}

impl Connection {
    /// The requests read on this connection, in order.
    pub fn requests(&self) -> &[RecordedRequest] {
        &self.requests
    }

    /// Whether the connection has ended: the client closed or reset it, or its script did.
    /// A connection still open after the client is gone has leaked.
    pub fn is_closed(&self) -> bool {
        self.closed
    }
}

/// [`RawServer::wait_closed`] ran out of time: some connection is still open.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StillOpen {
    waited: Duration,
    connections: Vec<Connection>,
}

impl StillOpen {
    /// How long the server waited.
    pub fn waited(&self) -> Duration {
        self.waited
    }

    /// Every connection at the time it gave up, closed or not.
    pub fn connections(&self) -> &[Connection] {
        &self.connections
    }
}

impl fmt::Display for StillOpen {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let open: Vec<usize> = (0..self.connections.len())
            .filter(|&i| !self.connections[i].closed)
            .collect();
        write!(
            f,
            "{} of {} connections still open after {:?}",
            open.len(),
            self.connections.len(),
            self.waited
        )?;
        for i in open {
            let requests: Vec<String> = self.connections[i]
                .requests
                .iter()
                .map(|r| format!("{} {}", r.method(), r.path()))
                .collect();
            write!(f, "; connection {i} served [{}]", requests.join(", "))?;
        }
        Ok(())
    }
}

impl std::error::Error for StillOpen {}

/// A running raw server on 127.0.0.1; dropping it stops it and drops every connection.
///
/// See the [module documentation](self) for an example.
pub struct RawServer {
    addr: SocketAddr,
    shared: Arc<Shared>,
    task: JoinHandle<()>,
}

/// State shared by the accept loop, the connection tasks and the [`RawServer`] handle.
struct Shared {
    scripts: Box<[Script]>,
    log: Mutex<Log>,
    changed: Notify,
    written: AtomicU64,
}

#[derive(Default)]
struct Log {
    connections: Vec<Connection>,
    /// Every request in arrival order: request *n* runs script *n*.
    requests: Vec<RecordedRequest>,
}

impl RawServer {
    /// Listens on a free port of 127.0.0.1 and answers request *n* (counted across
    /// connections) with `scripts[n]`, the last script answering every later request.
    ///
    /// With no scripts at all, every request goes unanswered, for a server the test expects
    /// never to be reached.
    pub async fn start<S>(scripts: impl IntoIterator<Item = S>) -> Result<RawServer, Error>
    where
        S: Into<Script>,
    {
        let addr = SocketAddr::from((Ipv4Addr::LOCALHOST, 0));
        let listener = TcpListener::bind(addr)
            .await
            .map_err(|source| Error::Bind { addr, source })?;
        let addr = listener
            .local_addr()
            .map_err(|source| Error::Bind { addr, source })?;
        let shared = Arc::new(Shared {
            scripts: scripts.into_iter().map(Into::into).collect(),
            log: Mutex::new(Log::default()),
            changed: Notify::new(),
            written: AtomicU64::new(0),
        });
        let task = tokio::spawn(accept_loop(listener, Arc::clone(&shared)));
        Ok(RawServer { addr, shared, task })
    }

    /// `http://127.0.0.1:PORT/api/v1`, OpenRouter's API prefix on this server (the server
    /// itself answers any path).
    pub fn base_url(&self) -> String {
        format!("{}/api/v1", self.origin())
    }

    /// `http://127.0.0.1:PORT`.
    pub fn origin(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// The address the server listens on.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// Every request read so far, in arrival order across connections.
    pub fn received_requests(&self) -> Vec<RecordedRequest> {
        self.shared.log().requests.clone()
    }

    /// Every connection accepted so far, in the order they were accepted.
    pub fn connections(&self) -> Vec<Connection> {
        self.shared.log().connections.clone()
    }

    /// How many bytes the clients' sockets have accepted from this server, over all
    /// connections. Bytes still in the server's send buffer count; bytes of a write that
    /// was still waiting for room do not.
    pub fn bytes_written(&self) -> u64 {
        self.shared.written.load(Ordering::SeqCst)
    }

    /// Waits, up to `within`, until every connection accepted so far has closed, and returns
    /// how many requests the server read. Call it after the client is done (or dropped): a
    /// connection still open then is a leak, reported as [`StillOpen`] with what each open
    /// connection served.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// use std::time::Duration;
    /// use openrouter_testkit::raw::{self, RawServer, Step};
    ///
    /// let server = RawServer::start([vec![Step::send(raw::response(204, &[], b""))]]).await?;
    /// let http = reqwest::Client::new();
    /// http.get(server.origin()).send().await?;
    /// // The client keeps the connection in its pool: still open.
    /// let leak = server.wait_closed(Duration::from_millis(50)).await.unwrap_err();
    /// assert!(leak.to_string().starts_with("1 of 1 connections still open"), "{leak}");
    /// drop(http);
    /// assert_eq!(server.wait_closed(Duration::from_secs(5)).await, Ok(1));
    /// # Ok(())
    /// # }
    /// ```
    pub async fn wait_closed(&self, within: Duration) -> Result<usize, StillOpen> {
        let all_closed = async {
            loop {
                // Registered before the check, so a change between the two is not missed.
                let changed = self.shared.changed.notified();
                {
                    let log = self.shared.log();
                    if log.connections.iter().all(|c| c.closed) {
                        return log.requests.len();
                    }
                }
                changed.await;
            }
        };
        tokio::time::timeout(within, all_closed)
            .await
            .map_err(|_| StillOpen {
                waited: within,
                connections: self.connections(),
            })
    }
}

impl fmt::Debug for RawServer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RawServer")
            .field("addr", &self.addr)
            .field("scripts", &self.shared.scripts.len())
            .finish_non_exhaustive()
    }
}

impl Drop for RawServer {
    fn drop(&mut self) {
        // Aborting drops the listener and, with the `JoinSet`, every connection task.
        self.task.abort();
    }
}

impl Shared {
    fn log(&self) -> MutexGuard<'_, Log> {
        // A panicking test thread must not hide what the server saw from the next assertion.
        self.log.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Records a request on connection `slot` and returns the script that answers it.
    fn record(&self, slot: usize, request: RecordedRequest) -> Script {
        let index = {
            let mut log = self.log();
            log.connections[slot].requests.push(request.clone());
            log.requests.push(request);
            log.requests.len() - 1
        };
        self.changed.notify_waiters();
        self.scripts
            .get(index)
            .or(self.scripts.last())
            .cloned()
            .unwrap_or_default()
    }

    fn wrote(&self, bytes: usize) {
        self.written.fetch_add(bytes as u64, Ordering::SeqCst);
    }
}

async fn accept_loop(listener: TcpListener, shared: Arc<Shared>) {
    let mut connections = JoinSet::new();
    loop {
        let socket = match listener.accept().await {
            Ok((socket, _)) => socket,
            Err(_) => {
                // Out of file descriptors or a connection aborted before it was accepted:
                // keep serving, without spinning.
                tokio::time::sleep(Duration::from_millis(10)).await;
                continue;
            }
        };
        while connections.try_join_next().is_some() {}
        // Small writes must leave at once: a drip is one byte per segment.
        let _ = socket.set_nodelay(true);
        let slot = {
            let mut log = shared.log();
            log.connections.push(Connection::default());
            log.connections.len() - 1
        };
        shared.changed.notify_waiters();
        let shared = Arc::clone(&shared);
        connections.spawn(async move {
            connection::serve(socket, slot, &shared).await;
            shared.log().connections[slot].closed = true;
            shared.changed.notify_waiters();
        });
    }
}

/// A status line and headers, ending with the blank line: `HTTP/1.1 429 Too Many
/// Requests\r\nretry-after: 1\r\n\r\n`. The reason phrase is the standard one (`Unknown` for a
/// code without one); nothing is added, so a body needs its own `content-length` or
/// `transfer-encoding`, or runs until the connection closes.
///
/// ```
/// let head = openrouter_testkit::raw::head(429, &[("retry-after", "1")]);
/// assert_eq!(head, b"HTTP/1.1 429 Too Many Requests\r\nretry-after: 1\r\n\r\n");
/// ```
pub fn head(status: u16, headers: &[(&str, &str)]) -> Vec<u8> {
    let reason = http::StatusCode::from_u16(status)
        .ok()
        .and_then(|s| s.canonical_reason())
        .unwrap_or("Unknown");
    let mut out = format!("HTTP/1.1 {status} {reason}\r\n");
    for (name, value) in headers {
        out.push_str(name);
        out.push_str(": ");
        out.push_str(value);
        out.push_str("\r\n");
    }
    out.push_str("\r\n");
    out.into_bytes()
}

/// A complete response: [`head`] with `headers` plus a `content-length`, then `body`.
///
/// ```
/// let response = openrouter_testkit::raw::response(200, &[("content-type", "text/plain")], b"hi");
/// assert_eq!(
///     response,
///     b"HTTP/1.1 200 OK\r\ncontent-type: text/plain\r\ncontent-length: 2\r\n\r\nhi"
/// );
/// ```
pub fn response(status: u16, headers: &[(&str, &str)], body: &[u8]) -> Vec<u8> {
    let length = body.len().to_string();
    let mut all = headers.to_vec();
    all.push(("content-length", &length));
    let mut out = head(status, &all);
    out.extend_from_slice(body);
    out
}

/// `data` framed as one chunk of a chunked body: its size in hex, CRLF, the data, CRLF. An
/// empty chunk is the [`LAST_CHUNK`]: it ends the body.
///
/// ```
/// assert_eq!(openrouter_testkit::raw::chunk("data: [DONE]\n\n"), b"e\r\ndata: [DONE]\n\n\r\n");
/// ```
pub fn chunk(data: impl AsRef<[u8]>) -> Vec<u8> {
    let data = data.as_ref();
    let mut out = format!("{:x}\r\n", data.len()).into_bytes();
    out.extend_from_slice(data);
    out.extend_from_slice(b"\r\n");
    out
}
