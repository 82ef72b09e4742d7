//! A scripted HTTP/1.1 server on 127.0.0.1 for what wiremock cannot do:
//! chunked bodies written piece by piece, stalls, resets, and watching the
//! client hang up.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{Mutex, mpsc};

/// One step of a response.
#[derive(Debug, Clone)]
pub enum Step {
    /// Writes these bytes as one HTTP chunk.
    Send(Vec<u8>),
    /// Waits (tokio time).
    Sleep(Duration),
    /// Ends the body properly (the zero-length chunk).
    End,
    /// Resets the connection (RST) without ending the body.
    Reset,
    /// Keeps the connection open until the client closes it, then reports it.
    Hold,
    /// Writes this many bytes of keep-alive comments in 64 KiB chunks,
    /// counting what the socket accepted in [`RawServer::written`].
    Flood(usize),
}

/// A full scripted response.
#[derive(Debug, Clone)]
pub struct Script {
    pub head: String,
    pub steps: Vec<Step>,
}

impl Script {
    /// A `200 text/event-stream` response with these steps.
    pub fn sse(steps: Vec<Step>) -> Self {
        Self {
            head: "HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\ntransfer-encoding: chunked\r\nconnection: close\r\nx-generation-id: gen-raw-1\r\n\r\n".to_owned(),
            steps,
        }
    }

    /// A complete JSON response with this status.
    pub fn json(status: u16, body: &str) -> Self {
        let reason = http::StatusCode::from_u16(status)
            .ok()
            .and_then(|s| s.canonical_reason())
            .unwrap_or("X");
        Self {
            head: format!(
                "HTTP/1.1 {status} {reason}\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
                body.len()
            ),
            steps: Vec::new(),
        }
    }
}

pub struct RawServer {
    pub base: String,
    pub written: Arc<AtomicUsize>,
    pub connections: Arc<AtomicUsize>,
    pub requests: Arc<Mutex<Vec<String>>>,
    closed: mpsc::UnboundedReceiver<()>,
}

impl RawServer {
    /// Serves the scripts in order, one per connection (the last one repeats).
    pub async fn start(scripts: Vec<Script>) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        let connections = Arc::new(AtomicUsize::new(0));
        let requests = Arc::new(Mutex::new(Vec::new()));
        let (closed_tx, closed) = mpsc::unbounded_channel();
        let written = Arc::new(AtomicUsize::new(0));
        let (conns, reqs, flood) = (
            Arc::clone(&connections),
            Arc::clone(&requests),
            Arc::clone(&written),
        );
        tokio::spawn(async move {
            loop {
                let Ok((socket, _)) = listener.accept().await else {
                    return;
                };
                let n = conns.fetch_add(1, Ordering::SeqCst);
                let script = scripts[n.min(scripts.len() - 1)].clone();
                let (reqs, closed_tx, flood) =
                    (Arc::clone(&reqs), closed_tx.clone(), Arc::clone(&flood));
                tokio::spawn(async move {
                    let _ = serve(socket, script, reqs, closed_tx, flood).await;
                });
            }
        });
        Self {
            base,
            written,
            connections,
            requests,
            closed,
        }
    }

    /// Waits until a held connection is closed by the client.
    pub async fn client_closed(&mut self) -> bool {
        self.closed.recv().await.is_some()
    }

    pub fn connection_count(&self) -> usize {
        self.connections.load(Ordering::SeqCst)
    }
}

async fn serve(
    mut socket: TcpStream,
    script: Script,
    requests: Arc<Mutex<Vec<String>>>,
    closed: mpsc::UnboundedSender<()>,
    written: Arc<AtomicUsize>,
) -> std::io::Result<()> {
    let request = read_request(&mut socket).await?;
    requests.lock().await.push(request);
    socket.write_all(script.head.as_bytes()).await?;
    for step in script.steps {
        match step {
            Step::Send(bytes) => {
                socket
                    .write_all(format!("{:x}\r\n", bytes.len()).as_bytes())
                    .await?;
                socket.write_all(&bytes).await?;
                socket.write_all(b"\r\n").await?;
                socket.flush().await?;
            }
            Step::Sleep(duration) => tokio::time::sleep(duration).await,
            Step::End => {
                socket.write_all(b"0\r\n\r\n").await?;
                socket.flush().await?;
            }
            Step::Reset => {
                socket.set_zero_linger()?;
                drop(socket);
                return Ok(());
            }
            Step::Flood(total) => {
                let mut piece = b": ".to_vec();
                piece.resize((64 << 10) - 2, b'p');
                piece.extend_from_slice(b"\n\n");
                let mut sent = 0;
                while sent < total {
                    socket
                        .write_all(format!("{:x}\r\n", piece.len()).as_bytes())
                        .await?;
                    socket.write_all(&piece).await?;
                    socket.write_all(b"\r\n").await?;
                    sent += piece.len();
                    written.store(sent, Ordering::SeqCst);
                }
            }
            Step::Hold => {
                let mut buf = [0u8; 1024];
                loop {
                    match socket.read(&mut buf).await {
                        Ok(0) | Err(_) => break,
                        Ok(_) => {}
                    }
                }
                let _ = closed.send(());
                return Ok(());
            }
        }
    }
    // Let the client read everything before the socket goes away.
    tokio::time::sleep(Duration::from_millis(50)).await;
    Ok(())
}

async fn read_request(socket: &mut TcpStream) -> std::io::Result<String> {
    let mut data = Vec::new();
    let mut buf = [0u8; 8192];
    loop {
        let n = socket.read(&mut buf).await?;
        if n == 0 {
            break;
        }
        data.extend_from_slice(&buf[..n]);
        if let Some(end) = find(&data, b"\r\n\r\n") {
            let head = String::from_utf8_lossy(&data[..end]).to_ascii_lowercase();
            let length = head
                .lines()
                .find_map(|l| l.strip_prefix("content-length:"))
                .and_then(|v| v.trim().parse::<usize>().ok())
                .unwrap_or(0);
            while data.len() < end + 4 + length {
                let n = socket.read(&mut buf).await?;
                if n == 0 {
                    break;
                }
                data.extend_from_slice(&buf[..n]);
            }
            break;
        }
    }
    Ok(String::from_utf8_lossy(&data).into_owned())
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// `data: <json>\n\n`.
pub fn data(json: &str) -> Step {
    Step::Send(format!("data: {json}\n\n").into_bytes())
}

/// `: OPENROUTER PROCESSING\n\n`.
pub fn keep_alive() -> Step {
    Step::Send(b": OPENROUTER PROCESSING\n\n".to_vec())
}

/// A chat chunk with a content delta and an optional finish reason.
pub fn chunk(content: &str, finish: Option<&str>) -> String {
    serde_json::json!({
        "id": "gen-1769532074", "provider": "Liquid", "model": "liquid/lfm-2.5-1.2b-instruct:free",
        "object": "chat.completion.chunk", "created": 1769532074,
        "choices": [{"index": 0, "delta": {"role": "assistant", "content": content},
                     "finish_reason": finish, "native_finish_reason": finish, "logprobs": null}],
        "system_fingerprint": ""
    })
    .to_string()
}

/// The usage chunk in its real shape (non-empty choices, null finish reason).
pub fn usage_chunk() -> String {
    serde_json::json!({
        "id": "gen-1769532074", "provider": "Liquid", "model": "liquid/lfm-2.5-1.2b-instruct:free",
        "object": "chat.completion.chunk", "created": 1769532074,
        "choices": [{"index": 0, "delta": {"role": "assistant", "content": ""}, "finish_reason": null,
                     "native_finish_reason": null, "logprobs": null}],
        "usage": {"prompt_tokens": 15, "completion_tokens": 10, "total_tokens": 25, "cost": 0, "is_byok": false}
    })
    .to_string()
}
