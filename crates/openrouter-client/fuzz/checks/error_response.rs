//! The error-classification check shared by the `error_response` fuzz target
//! and the corpus replay test in `tests/it/fuzz_corpus.rs`.
//!
//! `ApiError::from_response` and the in-band error probe are private, so
//! this drives the closest public surface: a real `Client` against a
//! loopback server (a plain thread, keep-alive) that answers with the
//! fuzzer's bytes.
//!
//! Input layout: bytes 0–1 pick the status (200–599), byte 2 holds flags
//! (bit 0: stream, bit 1: the first line of the rest is a `Retry-After`
//! value, bit 2: `text/html` instead of JSON, bit 3: `retry-after-ms`
//! instead of `Retry-After`); the rest is the body.
//!
//! Invariants: no panic, no hang; a non-2xx status is an `Error::Api` whose
//! HTTP status is that status (or a transport error when the fuzzer wrote a
//! header the HTTP parser rejects); every error renders, and a
//! server-requested wait is never negative or absurd without being refused.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::Duration;

use futures::StreamExt;
use openrouter_client::types::chat::{ChatRequest, Message};
use openrouter_client::{Client, Error, RetryPolicy, Timeouts};

struct Harness {
    runtime: tokio::runtime::Runtime,
    client: Client,
    answer: Arc<Mutex<Vec<u8>>>,
}

fn harness() -> &'static Harness {
    static HARNESS: OnceLock<Harness> = OnceLock::new();
    HARNESS.get_or_init(|| {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1");
        let addr = listener.local_addr().expect("local addr");
        let answer = Arc::new(Mutex::new(Vec::new()));
        let served = Arc::clone(&answer);
        std::thread::spawn(move || {
            for socket in listener.incoming().flatten() {
                let served = Arc::clone(&served);
                std::thread::spawn(move || serve(socket, &served));
            }
        });
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("runtime");
        let client = runtime.block_on(async {
            Client::builder()
                .api_key("sk-or-v1-fuzz")
                .base_url(format!("http://{addr}/api/v1"))
                .retry_policy(RetryPolicy::none())
                .timeouts(
                    Timeouts::default()
                        .response_headers(Duration::from_secs(5))
                        .idle(Duration::from_secs(5)),
                )
                .build()
                .expect("client")
        });
        Harness {
            runtime,
            client,
            answer,
        }
    })
}

/// Answers every request on the connection with the current answer.
fn serve(socket: TcpStream, answer: &Mutex<Vec<u8>>) {
    let mut writer = socket.try_clone().expect("clone socket");
    let mut reader = BufReader::new(socket);
    loop {
        let mut length = 0usize;
        let mut line = String::new();
        loop {
            line.clear();
            match reader.read_line(&mut line) {
                Ok(0) | Err(_) => return,
                Ok(_) => {}
            }
            if line == "\r\n" {
                break;
            }
            if let Some((name, value)) = line.split_once(':')
                && name.eq_ignore_ascii_case("content-length")
            {
                length = value.trim().parse().unwrap_or(0);
            }
        }
        let mut body = vec![0; length];
        if reader.read_exact(&mut body).is_err() {
            return;
        }
        let bytes = answer.lock().unwrap().clone();
        if writer.write_all(&bytes).is_err() {
            return;
        }
    }
}

/// Runs the check; panics on a broken invariant.
pub fn check(data: &[u8]) {
    let [a, b, flags, rest @ ..] = data else {
        return;
    };
    let status = 200 + u16::from_le_bytes([*a, *b]) % 400;
    let stream = flags & 1 != 0;
    let (retry_after, body) = if flags & 2 != 0 {
        let end = rest.iter().position(|&c| c == b'\n').unwrap_or(rest.len());
        let value = &rest[..end];
        // Keep the response parseable: header values are visible ASCII and spaces.
        let value = value
            .iter()
            .all(|&c| c == b' ' || c.is_ascii_graphic())
            .then_some(value);
        (value, &rest[(end + 1).min(rest.len())..])
    } else {
        (None, rest)
    };
    let content_type = if flags & 4 != 0 {
        "text/html"
    } else if stream && status < 300 {
        "text/event-stream"
    } else {
        "application/json"
    };
    let mut head = format!(
        "HTTP/1.1 {status} X\r\ncontent-type: {content_type}\r\ncontent-length: {}\r\n",
        body.len()
    )
    .into_bytes();
    if let Some(value) = retry_after {
        let name = if flags & 8 != 0 {
            "retry-after-ms"
        } else {
            "retry-after"
        };
        head.extend_from_slice(format!("{name}: ").as_bytes());
        head.extend_from_slice(value);
        head.extend_from_slice(b"\r\n");
    }
    head.extend_from_slice(b"\r\n");
    head.extend_from_slice(body);

    let harness = harness();
    *harness.answer.lock().unwrap() = head;
    let request = ChatRequest::new("m", vec![Message::user("x")]);
    let result = harness.runtime.block_on(async {
        tokio::time::timeout(Duration::from_secs(10), async {
            if stream {
                let mut stream = harness.client.chat_stream(&request).await?;
                let mut last = None;
                while let Some(event) = stream.next().await {
                    if let Err(error) = event {
                        assert!(stream.next().await.is_none(), "nothing follows an error");
                        last = Some(error);
                        break;
                    }
                }
                match last {
                    Some(error) => Err(error),
                    None => Ok(()),
                }
            } else {
                harness.client.chat(&request).await.map(drop)
            }
        })
        .await
        .expect("the call ended within 10 s")
    });
    let Err(error) = result else {
        assert!(status < 300, "a {status} answer was taken for a success");
        return;
    };
    let _ = (
        error.to_string(),
        format!("{error:?}"),
        error.is_retryable(),
    );
    let _ = (error.status(), error.generation_id(), error.attempts());
    if let Some(wait) = error.retry_after() {
        let _ = format!("{wait:?}");
    }
    if status >= 300 {
        match &error {
            Error::Api(api) => assert_eq!(api.http_status().as_u16(), status),
            // A fuzzed Retry-After may hold bytes hyper refuses in a header.
            Error::Transport(_) if retry_after.is_some() => {}
            other => panic!("a {status} answer became {other:?}"),
        }
    }
}
