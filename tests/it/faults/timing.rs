//! Servers that are slow or silent: the idle timeout is per gap between
//! reads, the total deadline covers the whole call, and keep-alives count as
//! life but not as progress.
//!
//! The real-time cases use a 200 ms idle timeout; the slowloris cases drip a
//! byte per second, so they run on tokio's paused clock (the server's pauses
//! use the same clock).

use std::time::Duration;

use openrouter_api::{
    AttemptOutcome, Error, RequestOptions, StreamEvent, TimeoutKind, Timeouts, TruncationReason,
};
use tokio::time::Instant;

use super::{CLOSE_BOUND, bounded, bounded_by, drain, partial_text, text};
use crate::support::{
    self, IDLE, KEEP_ALIVE, RawServer, Step, content_event, finish_event, request, sse_head,
};

#[tokio::test]
async fn no_response_headers_is_a_response_headers_timeout() {
    bounded(async {
        let server = RawServer::start(vec![vec![]]).await.unwrap();
        let client = support::builder(&server)
            .timeouts(Timeouts::default().response_headers(Duration::from_millis(300)))
            .build()
            .unwrap();
        let start = Instant::now();
        let error = client.chat_stream(&request()).await.unwrap_err();
        let Error::Timeout(timeout) = &error else {
            panic!("expected a timeout, got {error:?}")
        };
        assert_eq!(timeout.kind(), TimeoutKind::ResponseHeaders);
        assert_eq!(timeout.duration(), Duration::from_millis(300));
        assert!(start.elapsed() >= Duration::from_millis(300));
        assert!(error.is_retryable());
        assert_eq!(
            error.attempts()[0].outcome(),
            &AttemptOutcome::Timeout(TimeoutKind::ResponseHeaders)
        );
        drop(client);
        assert_eq!(server.wait_closed(CLOSE_BOUND).await, Ok(1));
    })
    .await;
}

#[tokio::test]
async fn headers_then_silence_is_an_idle_timeout_on_a_stream() {
    bounded(async {
        let mut bytes = sse_head();
        bytes.extend(content_event("Hel").bytes());
        let server = RawServer::start(vec![vec![Step::send(bytes)]])
            .await
            .unwrap();
        let client = support::builder(&server).build().unwrap();
        let start = Instant::now();
        let mut stream = client.chat_stream(&request()).await.unwrap();
        let (events, error) = drain(&mut stream).await;
        assert!(start.elapsed() >= IDLE);
        assert_eq!(text(&events), "Hel");
        let Some(Error::TruncatedStream(truncated)) = &error else {
            panic!("expected a truncated stream, got {error:?}")
        };
        assert_eq!(
            truncated.reason(),
            TruncationReason::Timeout(TimeoutKind::Idle)
        );
        assert_eq!(partial_text(truncated.partial()).as_deref(), Some("Hel"));
        let error = error.unwrap();
        assert!(error.is_retryable());
        assert!(error.to_string().contains("idle timeout"), "{error}");
        drop((stream, client));
        assert_eq!(server.wait_closed(CLOSE_BOUND).await, Ok(1));
    })
    .await;
}

#[tokio::test]
async fn headers_then_silence_is_an_idle_timeout_on_a_plain_call() {
    bounded(async {
        let bytes = support::head(
            200,
            &[
                ("content-type", "application/json"),
                ("content-length", "100"),
            ],
        );
        let server = RawServer::start(vec![vec![Step::send(bytes)]])
            .await
            .unwrap();
        let client = support::builder(&server).build().unwrap();
        let error = client.chat(&request()).await.unwrap_err();
        let Error::Timeout(timeout) = &error else {
            panic!("expected a timeout, got {error:?}")
        };
        assert_eq!(timeout.kind(), TimeoutKind::Idle);
        assert_eq!(timeout.duration(), IDLE);
        drop(client);
        assert_eq!(server.wait_closed(CLOSE_BOUND).await, Ok(1));
    })
    .await;
}

#[tokio::test]
async fn keep_alives_forever_end_at_the_total_deadline_and_are_reported() {
    bounded(async {
        let server = RawServer::start(vec![vec![
            Step::send(sse_head()),
            Step::repeat(KEEP_ALIVE, Duration::from_millis(40)),
        ]])
        .await
        .unwrap();
        // An idle timeout longer than the deadline: only the deadline can end
        // it, even on a machine so loaded that a keep-alive comes late.
        let client = support::builder(&server)
            .timeouts(Timeouts::default().idle(Duration::from_secs(2)))
            .build()
            .unwrap();
        let total = Duration::from_millis(700);
        let start = Instant::now();
        let mut stream = client
            .with_options(RequestOptions::new().timeout(total))
            .chat_stream(&request())
            .await
            .unwrap();
        let (events, error) = drain(&mut stream).await;
        let elapsed = start.elapsed();
        assert!(elapsed >= total, "{elapsed:?}");
        assert!(elapsed < total * 3, "{elapsed:?}");
        let keep_alives = events
            .iter()
            .filter(|e| **e == StreamEvent::KeepAlive)
            .count();
        assert_eq!(keep_alives, events.len(), "only keep-alives were sent");
        assert!(
            keep_alives >= 5,
            "keep-alives are reported while waiting, got {keep_alives}"
        );
        let Some(Error::TruncatedStream(truncated)) = &error else {
            panic!("expected a truncated stream, got {error:?}")
        };
        assert_eq!(
            truncated.reason(),
            TruncationReason::Timeout(TimeoutKind::Total)
        );
        // The caller's deadline ran out: another attempt would meet the same end.
        assert!(!error.as_ref().unwrap().is_retryable());
        drop((stream, client));
        assert_eq!(server.wait_closed(CLOSE_BOUND).await, Ok(1));
    })
    .await;
}

#[tokio::test]
async fn keep_alives_hold_off_the_idle_timeout() {
    bounded(async {
        let server = RawServer::start(vec![vec![
            Step::send(sse_head()),
            Step::repeat(KEEP_ALIVE, Duration::from_millis(40)),
        ]])
        .await
        .unwrap();
        // Keep-alives every 40 ms against a 600 ms idle timeout: a wide
        // margin, so a loaded machine cannot fake a silence.
        let idle = Duration::from_millis(600);
        let client = support::builder(&server)
            .timeouts(Timeouts::default().idle(idle))
            .build()
            .unwrap();
        let start = Instant::now();
        let mut stream = client.chat_stream(&request()).await.unwrap();
        // Three idle periods of keep-alives, then the caller gives up.
        while start.elapsed() < idle * 3 {
            let event = futures::StreamExt::next(&mut stream)
                .await
                .unwrap()
                .unwrap();
            assert_eq!(event, StreamEvent::KeepAlive);
        }
        drop((stream, client));
        // Dropping the stream closes the connection: the server sees it.
        assert_eq!(server.wait_closed(CLOSE_BOUND).await, Ok(1));
    })
    .await;
}

/// A whole stream sent one byte per second.
async fn slowloris(every: Duration) -> RawServer {
    let body = [
        content_event("Hi"),
        finish_event("stop"),
        support::DONE.into(),
    ]
    .concat();
    RawServer::start(vec![vec![
        Step::send(sse_head()),
        Step::drip(body.into_bytes(), every),
    ]])
    .await
    .unwrap()
}

#[tokio::test(start_paused = true)]
async fn slowloris_survives_the_idle_timeout_per_gap_but_not_the_deadline() {
    // Paused clock: the bound is virtual time (the stream takes minutes of it).
    bounded_by(Duration::from_secs(3600), async {
        let server = slowloris(Duration::from_secs(1)).await;
        // Long enough for the first event (one second per byte), far too
        // short for the whole stream.
        let total = Duration::from_secs(content_event("Hi").len() as u64 + 20);
        let client = support::builder(&server)
            .timeouts(
                Timeouts::default()
                    .idle(Duration::from_secs(2))
                    .total(total),
            )
            .build()
            .unwrap();
        let start = Instant::now();
        let mut stream = client.chat_stream(&request()).await.unwrap();
        let (events, error) = drain(&mut stream).await;
        let Some(Error::TruncatedStream(truncated)) = &error else {
            panic!("expected the total deadline, got {error:?} after {events:?}")
        };
        assert_eq!(
            truncated.reason(),
            TruncationReason::Timeout(TimeoutKind::Total)
        );
        // Each 1 s gap is under the 2 s idle timeout; the stream as a whole
        // (hundreds of bytes) is far over the deadline, cut exactly there.
        assert_eq!(start.elapsed(), total);
        assert_eq!(text(&events), "Hi", "the first event arrived in time");
        assert_eq!(partial_text(truncated.partial()).as_deref(), Some("Hi"));
        drop((stream, client));
        assert_eq!(server.wait_closed(CLOSE_BOUND).await, Ok(1));
    })
    .await;
}

#[tokio::test(start_paused = true)]
async fn slowloris_slower_than_the_idle_timeout_is_cut_at_the_first_gap() {
    bounded_by(Duration::from_secs(3600), async {
        let server = slowloris(Duration::from_secs(3)).await;
        let client = support::builder(&server)
            .timeouts(Timeouts::default().idle(Duration::from_secs(2)))
            .build()
            .unwrap();
        let start = Instant::now();
        let mut stream = client.chat_stream(&request()).await.unwrap();
        let (events, error) = drain(&mut stream).await;
        assert!(events.is_empty());
        let Some(Error::TruncatedStream(truncated)) = &error else {
            panic!("expected the idle timeout, got {error:?}")
        };
        assert_eq!(
            truncated.reason(),
            TruncationReason::Timeout(TimeoutKind::Idle)
        );
        assert_eq!(start.elapsed(), Duration::from_secs(2));
        drop((stream, client));
        assert_eq!(server.wait_closed(CLOSE_BOUND).await, Ok(1));
    })
    .await;
}

#[tokio::test]
async fn a_listener_that_never_accepts_is_a_connect_timeout() {
    // A listener whose accept queue is full: Linux drops further SYNs, so the
    // client's connect hangs on loopback exactly as it does against a
    // black-holed address, without a packet leaving the machine.
    bounded(async {
        let socket = tokio::net::TcpSocket::new_v4().unwrap();
        socket.bind("127.0.0.1:0".parse().unwrap()).unwrap();
        let listener = socket.listen(1).unwrap();
        let addr = listener.local_addr().unwrap();
        // Fill the queue (a backlog of 1 holds up to two pending connections);
        // connects that fail or hang here only mean the queue is already full.
        let mut fillers = Vec::new();
        for _ in 0..4 {
            if let Ok(Ok(stream)) = tokio::time::timeout(
                Duration::from_millis(200),
                tokio::net::TcpStream::connect(addr),
            )
            .await
            {
                fillers.push(stream);
            }
        }
        let connect = Duration::from_millis(300);
        let client = openrouter_api::Client::builder()
            .api_key(support::test_key())
            .base_url(format!("http://{addr}/api/v1"))
            .max_retries(0)
            .timeouts(
                Timeouts::default()
                    .connect(connect)
                    .response_headers(Duration::from_secs(20)),
            )
            .build()
            .unwrap();
        let start = Instant::now();
        let error = client.chat(&request()).await.unwrap_err();
        let elapsed = start.elapsed();
        let Error::Timeout(timeout) = &error else {
            panic!("expected a connect timeout, got {error:?}")
        };
        assert_eq!(timeout.kind(), TimeoutKind::Connect);
        assert_eq!(timeout.duration(), connect);
        assert!(elapsed >= connect, "{elapsed:?}");
        assert!(elapsed < Duration::from_secs(5), "{elapsed:?}");
        assert!(error.is_retryable());
        drop((listener, fillers));
    })
    .await;
}
