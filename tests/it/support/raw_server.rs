//! A TCP server on 127.0.0.1 that follows a script byte for byte: what it
//! writes, when it pauses, and whether it ends with a reset, a clean close or
//! by waiting for the client. It records each request and whether the client
//! closed its side, so tests can prove no connection leaked.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::Notify;
use tokio::task::JoinHandle;

/// One action of a connection's script.
#[derive(Debug, Clone)]
pub enum Step {
    /// Write these bytes (and flush).
    Send(Vec<u8>),
    /// Write these bytes one at a time, pausing between them.
    Drip(Vec<u8>, Duration),
    /// Repeat `bytes` every `every`, forever (until the client leaves).
    Repeat(Vec<u8>, Duration),
    /// Abort the connection: `SO_LINGER` 0 then close sends a TCP RST.
    Reset,
    /// Close the write side (FIN), then wait for the client to close too.
    Close,
}

/// What happened on one accepted connection.
#[derive(Debug, Clone, Default)]
pub struct Conn {
    /// The head (request line and headers) of the last request received.
    pub request_head: String,
    /// How many requests arrived on this connection.
    pub requests: usize,
    /// The connection ended: the client closed or reset it, or the script
    /// reset it. A connection that is still open here has leaked.
    pub finished: bool,
}

/// The server. Request *n* (counted across connections, so retries over a
/// kept-alive connection advance too) runs script *n*; the last one repeats.
pub struct RawServer {
    addr: std::net::SocketAddr,
    conns: Arc<Mutex<Vec<Conn>>>,
    changed: Arc<Notify>,
    task: JoinHandle<()>,
}

impl RawServer {
    /// Starts a server answering with `scripts`; at least one is needed,
    /// except for a server that must never be reached (use `vec![]`).
    pub async fn start(scripts: Vec<Vec<Step>>) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind 127.0.0.1");
        let addr = listener.local_addr().expect("local addr");
        let conns = Arc::new(Mutex::new(Vec::new()));
        let changed = Arc::new(Notify::new());
        let task = tokio::spawn(accept_loop(
            listener,
            scripts,
            Arc::clone(&conns),
            Arc::clone(&changed),
        ));
        Self {
            addr,
            conns,
            changed,
            task,
        }
    }

    /// `http://127.0.0.1:<port>/api/v1`.
    pub fn base_url(&self) -> String {
        format!("http://{}/api/v1", self.addr)
    }

    /// The port.
    pub fn port(&self) -> u16 {
        self.addr.port()
    }

    /// Every connection so far.
    pub fn conns(&self) -> Vec<Conn> {
        self.conns.lock().unwrap().clone()
    }

    /// Waits (up to `within`) until every accepted connection has ended, and
    /// returns how many requests were served. Panics on a leak.
    pub async fn all_finished(&self, within: Duration) -> usize {
        let wait = async {
            loop {
                let notified = self.changed.notified();
                {
                    let conns = self.conns.lock().unwrap();
                    if conns.iter().all(|c| c.finished) {
                        return conns.iter().map(|c| c.requests).sum();
                    }
                }
                notified.await;
            }
        };
        match tokio::time::timeout(within, wait).await {
            Ok(count) => count,
            Err(_) => panic!(
                "a connection is still open after {within:?}: {:#?}",
                self.conns()
            ),
        }
    }
}

impl Drop for RawServer {
    fn drop(&mut self) {
        self.task.abort();
    }
}

async fn accept_loop(
    listener: TcpListener,
    scripts: Vec<Vec<Step>>,
    conns: Arc<Mutex<Vec<Conn>>>,
    changed: Arc<Notify>,
) {
    let scripts = Arc::new(scripts);
    let served = Arc::new(AtomicUsize::new(0));
    loop {
        let Ok((socket, _)) = listener.accept().await else {
            return;
        };
        let _ = socket.set_nodelay(true);
        let slot = {
            let mut conns = conns.lock().unwrap();
            conns.push(Conn::default());
            conns.len() - 1
        };
        changed.notify_waiters();
        let conns = Arc::clone(&conns);
        let changed = Arc::clone(&changed);
        let scripts = Arc::clone(&scripts);
        let served = Arc::clone(&served);
        tokio::spawn(async move {
            serve(socket, &scripts, &served, slot, &conns).await;
            conns.lock().unwrap()[slot].finished = true;
            changed.notify_waiters();
        });
    }
}

/// Serves requests on one connection, each with the next script, until a
/// script ends it or the client leaves.
async fn serve(
    mut socket: TcpStream,
    scripts: &[Vec<Step>],
    served: &AtomicUsize,
    slot: usize,
    conns: &Mutex<Vec<Conn>>,
) {
    while let Some(head) = read_request(&mut socket).await {
        {
            let mut conns = conns.lock().unwrap();
            conns[slot].request_head = head;
            conns[slot].requests += 1;
        }
        let n = served.fetch_add(1, Ordering::SeqCst);
        let script = scripts
            .get(n)
            .or(scripts.last())
            .cloned()
            .unwrap_or_default();
        if !run(&mut socket, script).await {
            return;
        }
    }
}

/// Runs a script; `false` when the connection is over (reset, closed, or
/// the client went away), `true` when it may carry another request.
async fn run(socket: &mut TcpStream, script: Vec<Step>) -> bool {
    let socket = &mut *socket;
    for step in script {
        let written = match step {
            Step::Send(bytes) => write(socket, &bytes).await,
            Step::Drip(bytes, every) => {
                let mut ok = true;
                for byte in bytes {
                    tokio::select! {
                        () = tokio::time::sleep(every) => {}
                        gone = client_gone(socket) => if gone { ok = false; break },
                    }
                    if !write(socket, &[byte]).await {
                        ok = false;
                        break;
                    }
                }
                ok
            }
            Step::Repeat(bytes, every) => loop {
                // Writing into a closed connection fails (EPIPE/RST) once the
                // client has gone; a read of 0 says the same sooner.
                tokio::select! {
                    () = tokio::time::sleep(every) => {
                        if !write(socket, &bytes).await {
                            break false;
                        }
                    }
                    gone = client_gone(socket) => if gone { break false },
                }
            },
            Step::Reset => {
                let _ = socket.set_zero_linger();
                return false;
            }
            Step::Close => {
                // FIN, then hold until the client closes too: that is what
                // proves it does not leak the connection.
                let _ = socket.shutdown().await;
                while !client_gone(socket).await {}
                return false;
            }
        };
        if !written {
            return false;
        }
    }
    // Otherwise the connection stays open: the client may send another
    // request on it, or must close it (the test waits for `finished`).
    true
}

/// Resolves when the client has closed or reset the connection; `false` if
/// it sent more bytes instead (a pipelined request), which is ignored.
async fn client_gone(socket: &mut TcpStream) -> bool {
    let mut sink = [0u8; 1024];
    matches!(socket.read(&mut sink).await, Ok(0) | Err(_))
}

async fn write(socket: &mut TcpStream, bytes: &[u8]) -> bool {
    socket.write_all(bytes).await.is_ok() && socket.flush().await.is_ok()
}

/// Reads a request head and skips its `Content-Length` body (all our client
/// sends); `None` when the client closed the connection instead.
async fn read_request(socket: &mut TcpStream) -> Option<String> {
    let mut buffer = Vec::new();
    let mut chunk = [0u8; 4096];
    let head_end = loop {
        if let Some(end) = find(&buffer, b"\r\n\r\n") {
            break end + 4;
        }
        let n = socket.read(&mut chunk).await.ok()?;
        if n == 0 {
            return None;
        }
        buffer.extend_from_slice(&chunk[..n]);
    };
    let head = String::from_utf8_lossy(&buffer[..head_end]).into_owned();
    let length = head
        .lines()
        .filter_map(|line| line.split_once(':'))
        .find(|(name, _)| name.trim().eq_ignore_ascii_case("content-length"))
        .and_then(|(_, value)| value.trim().parse::<usize>().ok())
        .unwrap_or(0);
    let mut body = buffer[head_end..].to_vec();
    while body.len() < length {
        let n = socket.read(&mut chunk).await.ok()?;
        if n == 0 {
            return None;
        }
        body.extend_from_slice(&chunk[..n]);
    }
    Some(head)
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}
