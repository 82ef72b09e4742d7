//! Connections that fail: refused, reset at every stage, closed early.

use openrouter_api::{AttemptOutcome, Error, RetryPolicy, TransportKind, TruncationReason};

use super::{CLOSE_BOUND, bounded, drain, partial_text, text};
use crate::support::{self, DONE, RawServer, Step, content_event, finish_event, request, sse_head};

#[tokio::test]
async fn connection_refused_is_a_retryable_connect_error_with_every_attempt() {
    bounded(async {
        // Bind, learn the port, close it: nothing listens there any more.
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        drop(listener);
        let client = openrouter_api::Client::builder()
            .api_key(support::test_key())
            .base_url(format!("http://127.0.0.1:{port}/api/v1"))
            .retry_policy(
                RetryPolicy::default()
                    .max_retries(2)
                    .initial_backoff(std::time::Duration::from_millis(5)),
            )
            .build()
            .unwrap();
        let error = client.chat(&request()).await.unwrap_err();
        let Error::Transport(transport) = &error else {
            panic!("expected a transport error, got {error:?}")
        };
        assert_eq!(transport.kind(), TransportKind::Connect);
        assert!(error.is_retryable());
        assert_eq!(error.status(), None);
        let outcomes: Vec<_> = error
            .attempts()
            .iter()
            .map(|a| a.outcome().clone())
            .collect();
        assert_eq!(outcomes, vec![AttemptOutcome::Transport; 3]);
        // Three identical failures are said once: the message names the cause.
        assert!(error.to_string().ends_with("(tried 3 times)"), "{error}");
    })
    .await;
}

#[tokio::test]
async fn reset_before_headers_is_a_connection_error() {
    bounded(async {
        let server = RawServer::start(vec![vec![Step::Reset]]).await.unwrap();
        let client = support::builder(&server).build().unwrap();
        let error = client.chat(&request()).await.unwrap_err();
        assert!(
            matches!(&error, Error::Transport(t) if t.kind() == TransportKind::Connection),
            "{error:?}"
        );
        assert!(error.is_retryable());
        let error = client.chat_stream(&request()).await.unwrap_err();
        assert!(
            matches!(&error, Error::Transport(t) if t.kind() == TransportKind::Connection),
            "{error:?}"
        );
        drop(client);
        assert_eq!(server.wait_closed(CLOSE_BOUND).await, Ok(2));
    })
    .await;
}

#[tokio::test]
async fn reset_mid_headers_is_a_connection_error() {
    bounded(async {
        let half = b"HTTP/1.1 200 OK\r\ncontent-type: text/event-st".to_vec();
        let server = RawServer::start(vec![vec![Step::send(half), Step::Reset]])
            .await
            .unwrap();
        let client = support::builder(&server).build().unwrap();
        let error = client.chat_stream(&request()).await.unwrap_err();
        assert!(
            matches!(&error, Error::Transport(t) if t.kind() == TransportKind::Connection),
            "{error:?}"
        );
        drop(client);
        assert_eq!(server.wait_closed(CLOSE_BOUND).await, Ok(1));
    })
    .await;
}

#[tokio::test]
async fn reset_mid_event_keeps_what_arrived() {
    bounded(async {
        let mut bytes = sse_head();
        bytes.extend(content_event("Hel").bytes());
        bytes.extend(br#"data: {"id":"gen-hardening-1","choi"#);
        let server = RawServer::start(vec![vec![Step::send(bytes), Step::Reset]])
            .await
            .unwrap();
        let client = support::builder(&server).build().unwrap();
        let mut stream = client.chat_stream(&request()).await.unwrap();
        let (events, error) = drain(&mut stream).await;
        assert_eq!(text(&events), "Hel");
        let Some(Error::TruncatedStream(truncated)) = error else {
            panic!("expected a truncated stream, got {error:?}")
        };
        assert_eq!(truncated.reason(), TruncationReason::ConnectionLost);
        assert!(truncated.discarded_partial_event());
        assert_eq!(partial_text(truncated.partial()).as_deref(), Some("Hel"));
        assert_eq!(truncated.generation_id(), Some(support::GENERATION_ID));
        drop((stream, client));
        assert_eq!(server.wait_closed(CLOSE_BOUND).await, Ok(1));
    })
    .await;
}

#[tokio::test]
async fn clean_close_mid_event_is_a_truncated_stream() {
    bounded(async {
        let mut bytes = sse_head();
        bytes.extend(content_event("Hel").bytes());
        bytes.extend(content_event("lo").bytes());
        bytes.extend(b"data: {\"id\":");
        let server = RawServer::start(vec![vec![Step::send(bytes), Step::Close]])
            .await
            .unwrap();
        let client = support::builder(&server).build().unwrap();
        let mut stream = client.chat_stream(&request()).await.unwrap();
        let (events, error) = drain(&mut stream).await;
        assert_eq!(text(&events), "Hello");
        let Some(Error::TruncatedStream(truncated)) = error else {
            panic!("expected a truncated stream, got {error:?}")
        };
        assert_eq!(truncated.reason(), TruncationReason::EndOfBody);
        assert!(truncated.discarded_partial_event());
        assert_eq!(partial_text(truncated.partial()).as_deref(), Some("Hello"));
        assert!(truncated.to_string().contains("send the request again"));
        drop((stream, client));
        assert_eq!(server.wait_closed(CLOSE_BOUND).await, Ok(1));
    })
    .await;
}

#[tokio::test]
async fn clean_close_after_a_whole_chunk_before_done_is_a_truncated_stream() {
    bounded(async {
        let mut bytes = sse_head();
        bytes.extend(content_event("Hello").bytes());
        let server = RawServer::start(vec![vec![Step::send(bytes), Step::Close]])
            .await
            .unwrap();
        let client = support::builder(&server).build().unwrap();
        let mut stream = client.chat_stream(&request()).await.unwrap();
        let (events, error) = drain(&mut stream).await;
        assert_eq!(text(&events), "Hello");
        let Some(Error::TruncatedStream(truncated)) = error else {
            panic!("expected a truncated stream, got {error:?}")
        };
        assert_eq!(truncated.reason(), TruncationReason::EndOfBody);
        assert!(
            !truncated.discarded_partial_event(),
            "the cut fell between events"
        );
        assert_eq!(partial_text(truncated.partial()).as_deref(), Some("Hello"));
        drop((stream, client));
        assert_eq!(server.wait_closed(CLOSE_BOUND).await, Ok(1));
    })
    .await;
}

#[tokio::test]
async fn clean_close_after_the_finish_reason_but_before_done_completes() {
    // The documented contract: a proxy that drops `[DONE]` after a finish
    // reason does not lose a complete answer.
    bounded(async {
        let mut bytes = sse_head();
        bytes.extend(content_event("Hello").bytes());
        bytes.extend(finish_event("stop").bytes());
        let server = RawServer::start(vec![vec![Step::send(bytes), Step::Close]])
            .await
            .unwrap();
        let client = support::builder(&server).build().unwrap();
        let mut stream = client.chat_stream(&request()).await.unwrap();
        let (events, error) = drain(&mut stream).await;
        assert!(error.is_none(), "{error:?}");
        assert!(matches!(
            events.last(),
            Some(openrouter_api::StreamEvent::Done)
        ));
        assert!(stream.is_done());
        assert_eq!(stream.into_completion().text(), Some("Hello"));
        drop(client);
        assert_eq!(server.wait_closed(CLOSE_BOUND).await, Ok(1));
    })
    .await;
}

#[tokio::test]
async fn chunked_body_cut_before_its_last_chunk_is_a_lost_connection() {
    bounded(async {
        let event = content_event("Hel");
        let mut bytes = support::head(
            200,
            &[
                ("content-type", "text/event-stream"),
                ("transfer-encoding", "chunked"),
            ],
        );
        bytes.extend(format!("{:x}\r\n{event}\r\n", event.len()).bytes());
        // The terminating `0\r\n\r\n` never comes: a clean FIN mid-body.
        let server = RawServer::start(vec![vec![Step::send(bytes), Step::Close]])
            .await
            .unwrap();
        let client = support::builder(&server).build().unwrap();
        let mut stream = client.chat_stream(&request()).await.unwrap();
        let (events, error) = drain(&mut stream).await;
        assert_eq!(text(&events), "Hel");
        let Some(Error::TruncatedStream(truncated)) = error else {
            panic!("expected a truncated stream, got {error:?}")
        };
        assert_eq!(truncated.reason(), TruncationReason::ConnectionLost);
        assert_eq!(partial_text(truncated.partial()).as_deref(), Some("Hel"));
        drop((stream, client));
        assert_eq!(server.wait_closed(CLOSE_BOUND).await, Ok(1));
    })
    .await;
}

#[tokio::test]
async fn chunked_encoding_with_odd_chunk_sizes_streams_intact() {
    bounded(async {
        let body = [
            content_event("Hé"),
            support::KEEP_ALIVE.to_owned(),
            content_event("llo, wörld"),
            finish_event("stop"),
            DONE.to_owned(),
        ]
        .concat();
        let mut bytes = support::head(
            200,
            &[
                ("content-type", "text/event-stream"),
                ("transfer-encoding", "chunked"),
            ],
        );
        // Chunk boundaries that split CRLF-free lines, a multibyte `é`, and
        // the blank line between events.
        let sizes = [1usize, 7, 3, 250, 2, 64, 1, 1, 13];
        let mut rest = body.as_bytes();
        let mut steps = vec![Step::send(bytes.split_off(0))];
        for size in sizes.iter().cycle() {
            if rest.is_empty() {
                break;
            }
            let (piece, tail) = rest.split_at((*size).min(rest.len()));
            let mut chunk = format!("{:X}\r\n", piece.len()).into_bytes();
            chunk.extend_from_slice(piece);
            chunk.extend_from_slice(b"\r\n");
            steps.push(Step::send(chunk));
            rest = tail;
        }
        steps.push(Step::send(b"0\r\n\r\n".to_vec()));
        let server = RawServer::start(vec![steps]).await.unwrap();
        let client = support::builder(&server).build().unwrap();
        let mut stream = client.chat_stream(&request()).await.unwrap();
        let (events, error) = drain(&mut stream).await;
        assert!(error.is_none(), "{error:?}");
        assert_eq!(text(&events), "Héllo, wörld");
        assert!(events.contains(&openrouter_api::StreamEvent::KeepAlive));
        assert!(matches!(
            events.last(),
            Some(openrouter_api::StreamEvent::Done)
        ));
        drop((stream, client));
        assert_eq!(server.wait_closed(CLOSE_BOUND).await, Ok(1));
    })
    .await;
}
