//! One accepted connection of a [`RawServer`](super::RawServer): read a request, run its
//! script, and again, until the script or the client ends the connection.
//!
//! Requests are read just far enough to record them and find where the next one starts (head,
//! then a `Content-Length` or chunked body); anything unreadable ends the connection, since a
//! test server has no one to report a malformed request to but the test, which sees the
//! request missing.

use std::pin::pin;
use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

use super::{Shared, Step};
use crate::RecordedRequest;

/// A request head larger than this ends the connection.
const MAX_HEAD_BYTES: usize = 64 * 1024;

/// A request body larger than this ends the connection (the same bound as the mock server's).
const MAX_BODY_BYTES: usize = 32 * 1024 * 1024;

/// Whether a connection may carry another request after a script.
#[derive(Debug, PartialEq, Eq)]
enum Flow {
    Open,
    Ended,
}

/// Serves requests on `socket` until the connection ends; the socket is dropped on return,
/// which sends the reset a [`Step::Reset`] armed.
pub(super) async fn serve(socket: TcpStream, slot: usize, shared: &Shared) {
    let mut connection = Conn {
        socket,
        buffer: Vec::new(),
    };
    while let Some(request) = connection.read_request().await {
        let script = shared.record(slot, request);
        if connection.run(script.steps(), shared).await == Flow::Ended {
            return;
        }
    }
}

struct Conn {
    socket: TcpStream,
    /// Bytes read but not consumed yet: the rest of a request, or the start of the next.
    buffer: Vec<u8>,
}

impl Conn {
    /// Runs one script's steps.
    async fn run(&mut self, steps: &[Step], shared: &Shared) -> Flow {
        for step in steps {
            let open = match step {
                Step::Send(bytes) => self.write(bytes, shared).await,
                Step::Sleep(duration) => self.pause(*duration).await,
                Step::Drip { bytes, every } => {
                    let mut open = true;
                    for byte in bytes.iter() {
                        open = self.pause(*every).await && self.write(&[*byte], shared).await;
                        if !open {
                            break;
                        }
                    }
                    open
                }
                Step::Repeat { bytes, every } => {
                    while self.pause(*every).await && self.write(bytes, shared).await {}
                    false
                }
                Step::Flood { bytes, total } => {
                    let mut sent = 0u64;
                    let mut open = true;
                    while open && sent < *total && !bytes.is_empty() {
                        open = self.write(bytes, shared).await;
                        sent += bytes.len() as u64;
                    }
                    open
                }
                Step::AwaitClose => {
                    while !self.peer_closed().await {}
                    false
                }
                Step::Close => {
                    // FIN, then hold until the client closes too: that is what proves the
                    // client does not leak the connection.
                    let _ = self.socket.shutdown().await;
                    while !self.peer_closed().await {}
                    false
                }
                Step::Reset => {
                    arm_reset(&self.socket);
                    false
                }
            };
            if !open {
                return Flow::Ended;
            }
        }
        Flow::Open
    }

    /// Writes all of `bytes`, counting what the socket accepted; `false` once the client has
    /// gone.
    async fn write(&mut self, mut bytes: &[u8], shared: &Shared) -> bool {
        while !bytes.is_empty() {
            match self.socket.write(bytes).await {
                Ok(0) | Err(_) => return false,
                Ok(n) => {
                    shared.wrote(n);
                    bytes = &bytes[n..];
                }
            }
        }
        true
    }

    /// Waits `duration`; `false` if the client hung up meanwhile.
    async fn pause(&mut self, duration: Duration) -> bool {
        let mut sleep = pin!(tokio::time::sleep(duration));
        loop {
            tokio::select! {
                () = &mut sleep => return true,
                gone = self.peer_closed() => if gone { return false },
            }
        }
    }

    /// Resolves when the client has closed or reset the connection (`true`) or sent more
    /// bytes (`false`, the bytes are kept for the next request). Cancel-safe.
    async fn peer_closed(&mut self) -> bool {
        !self.fill().await
    }

    /// Reads more bytes into the buffer; `false` at the end of the stream or on an error.
    async fn fill(&mut self) -> bool {
        let mut chunk = [0u8; 8192];
        match self.socket.read(&mut chunk).await {
            Ok(0) | Err(_) => false,
            Ok(n) => {
                // A client that keeps sending while the script writes must not grow memory
                // without bound; what does not fit is dropped (and its request unreadable).
                if self.buffer.len() < MAX_HEAD_BYTES + MAX_BODY_BYTES {
                    self.buffer.extend_from_slice(&chunk[..n]);
                }
                true
            }
        }
    }

    /// Reads one request; `None` when the client closed the connection or sent something
    /// this server cannot frame.
    async fn read_request(&mut self) -> Option<RecordedRequest> {
        // RFC 9112 §2.2: a server should ignore empty lines before a request line.
        while self.buffer.starts_with(b"\r\n") {
            self.buffer.drain(..2);
        }
        let head_end = loop {
            if let Some(at) = find(&self.buffer, b"\r\n\r\n") {
                break at + 4;
            }
            if self.buffer.len() > MAX_HEAD_BYTES || !self.fill().await {
                return None;
            }
        };
        let head = String::from_utf8_lossy(&self.buffer[..head_end]).into_owned();
        self.buffer.drain(..head_end);
        let Head {
            method,
            target,
            headers,
        } = parse_head(&head)?;
        let chunked = headers.iter().any(|(name, value)| {
            name.eq_ignore_ascii_case("transfer-encoding")
                && value.to_ascii_lowercase().contains("chunked")
        });
        let body = if chunked {
            self.read_chunked_body().await?
        } else {
            let length = match header(&headers, "content-length") {
                Some(value) => value.parse::<usize>().ok()?,
                None => 0,
            };
            self.read_body(length).await?
        };
        Some(RecordedRequest::new(method, target, headers, body))
    }

    /// The next `length` bytes.
    async fn read_body(&mut self, length: usize) -> Option<Vec<u8>> {
        if length > MAX_BODY_BYTES {
            return None;
        }
        while self.buffer.len() < length {
            if !self.fill().await {
                return None;
            }
        }
        Some(self.buffer.drain(..length).collect())
    }

    /// A chunked body, decoded; trailers are read and dropped.
    async fn read_chunked_body(&mut self) -> Option<Vec<u8>> {
        let mut body = Vec::new();
        loop {
            let line = self.read_line().await?;
            let size = line.split(';').next().unwrap_or_default().trim();
            let size = usize::from_str_radix(size, 16).ok()?;
            if size == 0 {
                while !self.read_line().await?.is_empty() {}
                return Some(body);
            }
            if body.len() + size > MAX_BODY_BYTES {
                return None;
            }
            let data = self.read_body(size + 2).await?;
            let (data, crlf) = data.split_at(size);
            if crlf != b"\r\n" {
                return None;
            }
            body.extend_from_slice(data);
        }
    }

    /// One CRLF-terminated line, without the CRLF.
    async fn read_line(&mut self) -> Option<String> {
        let end = loop {
            if let Some(at) = find(&self.buffer, b"\r\n") {
                break at;
            }
            if self.buffer.len() > MAX_HEAD_BYTES || !self.fill().await {
                return None;
            }
        };
        let line = String::from_utf8_lossy(&self.buffer[..end]).into_owned();
        self.buffer.drain(..end + 2);
        Some(line)
    }
}

/// A request head, split.
struct Head<'a> {
    method: &'a str,
    target: &'a str,
    headers: Vec<(String, String)>,
}

/// Splits a request head; `None` without a request line.
fn parse_head(head: &str) -> Option<Head<'_>> {
    let mut lines = head.split("\r\n");
    let mut request_line = lines.next()?.split_ascii_whitespace();
    let method = request_line.next()?;
    let target = request_line.next()?;
    let headers = lines
        .filter_map(|line| line.split_once(':'))
        .map(|(name, value)| (name.trim().to_owned(), value.trim().to_owned()))
        .collect();
    Some(Head {
        method,
        target,
        headers,
    })
}

fn header<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.as_str())
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .position(|window| window == needle)
}

/// Sets `SO_LINGER` to zero, so closing the socket sends a RST instead of a FIN.
#[allow(
    deprecated,
    reason = "tokio 1.50 deprecates `set_linger` for the blocking close a non-zero linger \
              causes and adds `set_zero_linger`; a zero linger never blocks, and this keeps the \
              workspace's tokio 1.47 floor"
)]
fn arm_reset(socket: &TcpStream) {
    let _ = socket.set_linger(Some(Duration::ZERO));
}
