//! The loopback server every peer reads from: a synthetic OpenRouter chat
//! stream rendered once, then written to each connection as chunked HTTP
//! (one HTTP chunk per SSE event, as OpenRouter flushes each event).

use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpSocket, TcpStream};
use tokio::sync::Notify;

/// How the chunks look on the wire.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// What OpenRouter sends: `provider`, `native_finish_reason`,
    /// `logprobs: null`, a usage chunk with `cost` and details.
    OpenRouter,
    /// The same stream without OpenRouter's additions.
    OpenAi,
}

impl Shape {
    pub fn parse(text: &str) -> Result<Self, String> {
        match text {
            "openrouter" => Ok(Self::OpenRouter),
            "openai" => Ok(Self::OpenAi),
            other => Err(format!("unknown shape `{other}` (openrouter|openai)")),
        }
    }
}

/// Token-sized content deltas as they appear on the wire (JSON string
/// contents), some with escapes and non-ASCII text.
const WORDS: &[&str] = &[
    " the",
    " stream",
    "ing",
    " client",
    " reads",
    " each",
    " chunk",
    ",",
    " then",
    r#" \"quotes\""#,
    " and",
    r#" new\nlines"#,
    " are",
    " escaped",
    ".",
    " Ünï",
    r#"c\u00f8d\u00e9"#,
];

/// Renders the SSE text of one completion of `chunks` content chunks: a
/// keep-alive first and one every 100 chunks, a finish chunk, a usage chunk
/// and `[DONE]`. Returns the text and the content it carries.
pub fn render(chunks: usize, shape: Shape) -> (String, String) {
    let mut out = String::with_capacity(chunks * 320);
    let mut content = String::new();
    let id = "gen-1754441342-hIkMo7SMi0ZecQw3oR4d";
    let extra_head = match shape {
        Shape::OpenRouter => r#","provider":"OpenAI""#,
        Shape::OpenAi => "",
    };
    let extra_choice = match shape {
        Shape::OpenRouter => r#","native_finish_reason":null"#,
        Shape::OpenAi => "",
    };
    out.push_str(": OPENROUTER PROCESSING\n\n");
    for i in 0..chunks {
        if i > 0 && i % 100 == 0 {
            out.push_str(": OPENROUTER PROCESSING\n\n");
        }
        let word = WORDS[i % WORDS.len()];
        let decoded: String =
            serde_json::from_str(&format!("\"{word}\"")).expect("the words are valid JSON strings");
        content.push_str(&decoded);
        out.push_str(&format!(
            concat!(
                r#"data: {{"id":"{id}"{extra_head},"model":"openai/gpt-4o","object":"chat.completion.chunk","created":1754441342,"#,
                r#""choices":[{{"index":0,"delta":{{"role":"assistant","content":"{word}"}},"finish_reason":null{extra_choice},"logprobs":null}}],"#,
                r#""system_fingerprint":"fp_07871e2ad8"}}"#,
                "\n\n"
            ),
            id = id,
            extra_head = extra_head,
            word = word,
            extra_choice = extra_choice,
        ));
    }
    let native = match shape {
        Shape::OpenRouter => r#","native_finish_reason":"stop""#,
        Shape::OpenAi => "",
    };
    out.push_str(&format!(
        concat!(
            r#"data: {{"id":"{id}"{extra_head},"model":"openai/gpt-4o","object":"chat.completion.chunk","created":1754441342,"#,
            r#""choices":[{{"index":0,"delta":{{"role":"assistant","content":""}},"finish_reason":"stop"{native},"logprobs":null}}],"#,
            r#""system_fingerprint":"fp_07871e2ad8"}}"#,
            "\n\n"
        ),
        id = id,
        extra_head = extra_head,
        native = native,
    ));
    let usage = match shape {
        Shape::OpenRouter => format!(
            r#"{{"prompt_tokens":17,"completion_tokens":{chunks},"total_tokens":{},"cost":0.0001025,"is_byok":false,"prompt_tokens_details":{{"cached_tokens":0}},"cost_details":{{"upstream_inference_cost":null}},"completion_tokens_details":{{"reasoning_tokens":0}}}}"#,
            chunks + 17
        ),
        Shape::OpenAi => format!(
            r#"{{"prompt_tokens":17,"completion_tokens":{chunks},"total_tokens":{},"prompt_tokens_details":{{"cached_tokens":0}},"completion_tokens_details":{{"reasoning_tokens":0}}}}"#,
            chunks + 17
        ),
    };
    out.push_str(&format!(
        concat!(
            r#"data: {{"id":"{id}"{extra_head},"model":"openai/gpt-4o","object":"chat.completion.chunk","created":1754441342,"#,
            r#""choices":[],"usage":{usage}}}"#,
            "\n\n"
        ),
        id = id,
        extra_head = extra_head,
        usage = usage,
    ));
    out.push_str("data: [DONE]\n\n");
    (out, content)
}

/// Frames SSE text as a chunked HTTP/1.1 body, one HTTP chunk per event.
/// Returns the body split at its middle event, so a gated server can hold
/// the second half back.
pub fn chunked(sse: &str) -> (Vec<u8>, Vec<u8>) {
    let events: Vec<&str> = sse.split_inclusive("\n\n").collect();
    let middle = events.len() / 2;
    let frame = |events: &[&str]| {
        let mut out = Vec::with_capacity(sse.len() / 2 + events.len() * 8);
        for event in events {
            out.extend_from_slice(format!("{:x}\r\n", event.len()).as_bytes());
            out.extend_from_slice(event.as_bytes());
            out.extend_from_slice(b"\r\n");
        }
        out
    };
    let first = frame(&events[..middle]);
    let mut second = frame(&events[middle..]);
    second.extend_from_slice(b"0\r\n\r\n");
    (first, second)
}

/// Holds every stream after its first half until `expected` streams are
/// open at once, so a concurrency run really has them all in flight.
pub struct Gate {
    expected: usize,
    arrived: AtomicUsize,
    open: Notify,
}

impl Gate {
    pub fn new(expected: usize) -> Self {
        Self {
            expected,
            arrived: AtomicUsize::new(0),
            open: Notify::new(),
        }
    }

    async fn wait(&self) {
        let notified = self.open.notified();
        tokio::pin!(notified);
        notified.as_mut().enable();
        if self.arrived.fetch_add(1, Ordering::SeqCst) + 1 >= self.expected {
            self.open.notify_waiters();
            return;
        }
        // A stream that failed to connect must not hold the others forever.
        let _ = tokio::time::timeout(std::time::Duration::from_secs(60), notified).await;
    }
}

/// Binds `ports` listeners on 127.0.0.1 and serves the body on each
/// connection (keep-alive: several requests per connection) until killed.
pub async fn serve(
    ports: usize,
    body: Arc<(Vec<u8>, Vec<u8>)>,
    gate: Option<Arc<Gate>>,
) -> std::io::Result<Vec<SocketAddr>> {
    let mut addrs = vec![];
    for _ in 0..ports {
        let socket = TcpSocket::new_v4()?;
        socket.set_reuseaddr(true)?;
        socket.bind("127.0.0.1:0".parse().expect("literal address"))?;
        let listener = socket.listen(8192)?;
        addrs.push(listener.local_addr()?);
        let body = body.clone();
        let gate = gate.clone();
        tokio::spawn(async move {
            loop {
                let Ok((stream, _)) = listener.accept().await else {
                    continue;
                };
                let _ = stream.set_nodelay(true);
                tokio::spawn(connection(stream, body.clone(), gate.clone()));
            }
        });
    }
    Ok(addrs)
}

const HEAD: &[u8] = b"HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\ncache-control: no-cache\r\nx-generation-id: gen-1754441342-hIkMo7SMi0ZecQw3oR4d\r\ntransfer-encoding: chunked\r\n\r\n";

async fn connection(mut stream: TcpStream, body: Arc<(Vec<u8>, Vec<u8>)>, gate: Option<Arc<Gate>>) {
    let mut buf = Vec::with_capacity(4096);
    loop {
        // Read one request: head, then `content-length` bytes of body.
        let head_end = loop {
            if let Some(i) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
                break i + 4;
            }
            let mut chunk = [0u8; 4096];
            match stream.read(&mut chunk).await {
                Ok(0) | Err(_) => return,
                Ok(n) => buf.extend_from_slice(&chunk[..n]),
            }
        };
        let head = String::from_utf8_lossy(&buf[..head_end]).to_ascii_lowercase();
        let length = head
            .lines()
            .find_map(|l| l.strip_prefix("content-length:"))
            .and_then(|v| v.trim().parse::<usize>().ok())
            .unwrap_or(0);
        while buf.len() < head_end + length {
            let mut chunk = [0u8; 4096];
            match stream.read(&mut chunk).await {
                Ok(0) | Err(_) => return,
                Ok(n) => buf.extend_from_slice(&chunk[..n]),
            }
        }
        buf.drain(..head_end + length);
        if stream.write_all(HEAD).await.is_err() || stream.write_all(&body.0).await.is_err() {
            return;
        }
        if let Some(gate) = &gate {
            let _ = stream.flush().await;
            gate.wait().await;
        }
        if stream.write_all(&body.1).await.is_err() {
            return;
        }
    }
}
