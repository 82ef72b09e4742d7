//! Streaming against a real local server: keep-alives, usage, [DONE],
//! mid-stream errors, truncation, resets, stalls, large events, cancellation.
//!
//! Streams a fixture shows are served from it; the faults no fixture can hold
//! (resets, stalls, floods, cuts at chosen bytes) use crafted chunks.

use std::time::Duration;

use futures::StreamExt;
use openrouter_api::{Error, StreamEvent, TimeoutKind, Timeouts, TruncationReason};
use serde_json::json;

use openrouter_testkit::raw::{self, RawServer, Step};

use openrouter_testkit::Fixture;

use crate::support::scripts::{
    chunk, data, fixture_response, fixture_sse, json_response, keep_alive, sse, usage_chunk,
};
use crate::support::{builder, chat_request, client, demo_text, fixture};

/// What a stream yielded, in a comparable form.
#[derive(Debug, PartialEq)]
enum Seen {
    KeepAlive,
    Text(String),
    Done,
    Error(String),
}

async fn drain(stream: &mut openrouter_api::ChatStream) -> Vec<Seen> {
    let mut seen = Vec::new();
    while let Some(event) = stream.next().await {
        seen.push(match event {
            Ok(StreamEvent::KeepAlive) => Seen::KeepAlive,
            Ok(StreamEvent::Chunk(c)) => Seen::Text(c.content().unwrap_or_default().to_owned()),
            Ok(StreamEvent::Done) => Seen::Done,
            Ok(other) => panic!("unexpected event {other:?}"),
            Err(e) => Seen::Error(kind(&e).to_owned()),
        });
    }
    seen
}

fn kind(error: &Error) -> &'static str {
    match error {
        Error::Api(_) => "api",
        Error::MidStream(_) => "mid_stream",
        Error::TruncatedStream(_) => "truncated",
        Error::Transport(_) => "transport",
        Error::Timeout(_) => "timeout",
        Error::Decode(_) => "decode",
        Error::LimitExceeded(_) => "limit",
        Error::Config(_) => "config",
        _ => "other",
    }
}

/// What `fixture`'s stream should yield, read from its `.sse` body: a keep-alive per
/// comment, a chunk's first content per `data:` line, `Done` for `[DONE]`.
fn expected(fixture: &Fixture) -> Vec<Seen> {
    let body = std::str::from_utf8(fixture.response().body()).unwrap();
    body.split("\n\n")
        .filter(|event| !event.is_empty())
        .map(|event| match event.strip_prefix("data: ") {
            None => Seen::KeepAlive,
            Some("[DONE]") => Seen::Done,
            Some(json) => {
                let chunk: serde_json::Value = serde_json::from_str(json).unwrap();
                Seen::Text(
                    chunk["choices"][0]["delta"]["content"]
                        .as_str()
                        .unwrap_or_default()
                        .to_owned(),
                )
            }
        })
        .collect()
}

#[tokio::test]
async fn keep_alives_chunks_usage_and_done() {
    let demo = fixture("chat/demo_stream");
    let server = RawServer::start(vec![fixture_sse(demo)]).await.unwrap();
    let mut stream = client(&server.origin())
        .chat_stream(&chat_request())
        .await
        .unwrap();
    assert_eq!(
        stream.meta().generation_id(),
        demo.response().header("x-generation-id")
    );
    let seen = drain(&mut stream).await;
    let expected = expected(demo);
    assert_eq!(
        expected.iter().filter(|e| **e == Seen::KeepAlive).count(),
        5,
        "chat/demo_stream has five keep-alives"
    );
    assert_eq!(seen, expected);
    assert!(stream.is_done());
    assert!(stream.next().await.is_none(), "nothing after Done");
    let completion = stream.into_completion();
    assert_eq!(completion.text(), Some(demo_text().as_str()));
    assert_eq!(completion.usage.as_ref().unwrap().total_tokens, Some(95));

    let requests = server.received_requests();
    assert_eq!(requests.len(), 1);
    // chat_stream asks for a stream, and says it accepts one.
    requests[0].expect_body_field("stream", true);
    assert_eq!(requests[0].expect_header("accept"), "text/event-stream");
}

#[tokio::test]
async fn collect_completion_assembles_the_answer() {
    let demo = fixture("chat/demo_stream");
    let server = RawServer::start(vec![fixture_sse(demo)]).await.unwrap();
    let stream = client(&server.origin())
        .chat_stream(&chat_request())
        .await
        .unwrap();
    let completion = stream.collect_completion().await.unwrap();
    assert_eq!(completion.text(), Some(demo_text().as_str()));
    assert_eq!(
        completion.meta().generation_id(),
        demo.response().header("x-generation-id")
    );
    assert_eq!(completion.meta().attempts(), 1);
}

/// Reads `stream` up to its first error, counting keep-alives on the way.
async fn first_error(stream: &mut openrouter_api::ChatStream) -> (usize, Error) {
    let mut keep_alives = 0;
    loop {
        match stream.next().await.expect("an error before the end") {
            Ok(StreamEvent::KeepAlive) => keep_alives += 1,
            Ok(_) => {}
            Err(e) => return (keep_alives, e),
        }
    }
}

#[tokio::test]
async fn documented_mid_stream_error_carries_the_partial_result() {
    let server = RawServer::start(vec![fixture_sse(fixture("chat/stream_error_documented"))])
        .await
        .unwrap();
    let mut stream = client(&server.origin())
        .chat_stream(&chat_request())
        .await
        .unwrap();
    let (_, error) = first_error(&mut stream).await;
    let Error::MidStream(e) = error else {
        panic!("expected MidStream, got {error:?}")
    };
    assert_eq!(e.error().status().as_u16(), 502);
    assert_eq!(e.error().http_status().as_u16(), 200);
    assert_eq!(e.error().message(), "Provider disconnected");
    assert_eq!(
        e.error().error_type().map(|t| t.as_str()),
        Some("provider_unavailable")
    );
    assert!(e.is_retryable());
    assert_eq!(
        e.partial().unwrap().text(),
        Some("The first part of the answer arrived")
    );
    assert!(
        stream.next().await.is_none(),
        "the stream ends after its error"
    );
}

#[tokio::test]
async fn real_mid_stream_error_after_finish_reason_length() {
    let real = fixture("chat/stream_error_real");
    let server = RawServer::start(vec![fixture_sse(real)]).await.unwrap();
    let mut stream = client(&server.origin())
        .chat_stream(&chat_request())
        .await
        .unwrap();
    let (keep_alives, error) = first_error(&mut stream).await;
    assert_eq!(keep_alives, 6);
    let Error::MidStream(e) = error else {
        panic!("expected MidStream, got {error:?}")
    };
    assert_eq!(e.error().status().as_u16(), 400);
    assert_eq!(e.error().message(), "Token limit reached");
    let partial = e.partial().unwrap();
    assert_eq!(
        partial.message().unwrap().reasoning.as_deref(),
        Some("The user greets me; I should reply with a friendly")
    );
    assert_eq!(
        partial.usage.as_ref().unwrap().completion_tokens,
        Some(10),
        "the error chunk's usage is kept"
    );
    assert_eq!(
        e.generation_id(),
        Some("gen-1764122000-Mx5NcB8vLk2JhG7fDs3A")
    );
    assert!(stream.next().await.is_none());
}

#[tokio::test]
async fn truncation_at_every_event_boundary() {
    // Inline: a short crafted stream, so every cut point and the finish reason's place are known.
    // Events up to (not including) [DONE]; the finish reason is the 4th.
    let events = [
        keep_alive(),
        data(&chunk("a", None)),
        data(&chunk("b", None)),
        data(&chunk("", Some("stop"))),
        data(&usage_chunk()),
    ];
    for cut in 0..=events.len() {
        let mut steps: Vec<Step> = events[..cut].to_vec();
        steps.push(Step::last_chunk());
        let server = RawServer::start(vec![sse(steps)]).await.unwrap();
        let mut stream = client(&server.origin())
            .chat_stream(&chat_request())
            .await
            .unwrap();
        let seen = drain(&mut stream).await;
        let last = seen.last().unwrap();
        if cut >= 4 {
            assert_eq!(
                last,
                &Seen::Done,
                "cut {cut}: a finish reason was seen, EOF without [DONE] is accepted"
            );
        } else {
            assert_eq!(last, &Seen::Error("truncated".into()), "cut {cut}");
        }
    }
}

#[tokio::test]
async fn truncation_inside_an_event_keeps_the_partial_text() {
    // Inline: cuts at crafted byte offsets inside one event (chat/stream_truncated is one such cut,
    // see `a_truncated_fixture_stream_is_not_a_complete_answer`).
    let second = format!("data: {}\n\n", chunk("world", Some("stop")));
    for cut in [1, 6, second.len() / 2, second.len() - 1] {
        let server = RawServer::start(vec![sse(vec![
            data(&chunk("hello ", None)),
            Step::chunk(&second.as_bytes()[..cut]),
            Step::last_chunk(),
        ])])
        .await
        .unwrap();
        let mut stream = client(&server.origin())
            .chat_stream(&chat_request())
            .await
            .unwrap();
        assert!(matches!(
            stream.next().await,
            Some(Ok(StreamEvent::Chunk(_)))
        ));
        let Some(Err(Error::TruncatedStream(e))) = stream.next().await else {
            panic!("cut {cut}: expected truncation")
        };
        assert_eq!(e.reason(), TruncationReason::EndOfBody);
        assert!(e.discarded_partial_event(), "cut {cut}");
        assert_eq!(e.partial().unwrap().text(), Some("hello "));
        assert_eq!(e.generation_id(), Some("gen-1769532074"));
        assert!(e.to_string().contains("send the request again"), "{e}");
    }
}

#[tokio::test]
async fn connection_reset_mid_event() {
    let server = RawServer::start(vec![sse(vec![
        data(&chunk("so far", None)),
        Step::chunk(b"data: {\"id\":\"gen-1769532074\",\"cho"),
        Step::Sleep(Duration::from_millis(20)),
        Step::Reset,
    ])])
    .await
    .unwrap();
    let mut stream = client(&server.origin())
        .chat_stream(&chat_request())
        .await
        .unwrap();
    assert!(matches!(
        stream.next().await,
        Some(Ok(StreamEvent::Chunk(_)))
    ));
    let Some(Err(Error::TruncatedStream(e))) = stream.next().await else {
        panic!("expected truncation")
    };
    assert_eq!(e.reason(), TruncationReason::ConnectionLost);
    assert_eq!(e.partial().unwrap().text(), Some("so far"));
    assert!(
        std::error::Error::source(&*e).is_some(),
        "the transport error is reachable"
    );
}

#[tokio::test]
async fn a_stall_beyond_the_idle_timeout_ends_the_stream() {
    let server = RawServer::start(vec![sse(vec![
        data(&chunk("before the stall", None)),
        Step::Sleep(Duration::from_secs(30)),
        Step::last_chunk(),
    ])])
    .await
    .unwrap();
    let client = builder(&server.origin())
        .timeouts(Timeouts::default().idle(Duration::from_secs(1)))
        .build()
        .unwrap();
    let mut stream = client.chat_stream(&chat_request()).await.unwrap();
    assert!(matches!(
        stream.next().await,
        Some(Ok(StreamEvent::Chunk(_)))
    ));
    let Some(Err(Error::TruncatedStream(e))) = stream.next().await else {
        panic!("expected an idle timeout")
    };
    assert_eq!(e.reason(), TruncationReason::Timeout(TimeoutKind::Idle));
    assert_eq!(e.partial().unwrap().text(), Some("before the stall"));
}

#[tokio::test]
async fn keep_alives_reset_the_idle_timeout() {
    let mut steps = vec![data(&chunk("slow ", None))];
    // 4 × 400 ms of keep-alives: longer in total than the 1 s idle timeout.
    for _ in 0..4 {
        steps.push(Step::Sleep(Duration::from_millis(400)));
        steps.push(keep_alive());
    }
    steps.extend([
        data(&chunk("model", Some("stop"))),
        data("[DONE]"),
        Step::last_chunk(),
    ]);
    let server = RawServer::start(vec![sse(steps)]).await.unwrap();
    let client = builder(&server.origin())
        .timeouts(Timeouts::default().idle(Duration::from_secs(1)))
        .build()
        .unwrap();
    let completion = client
        .chat_stream(&chat_request())
        .await
        .unwrap()
        .collect_completion()
        .await
        .unwrap();
    assert_eq!(completion.text(), Some("slow model"));
}

#[tokio::test]
async fn a_one_mebibyte_tool_argument_event() {
    let arguments = format!("{{\"blob\":\"{}\"}}", "x".repeat(1 << 20));
    let event = json!({
        "id": "gen-tool", "provider": "OpenAI", "model": "openai/gpt-4.1-mini", "object": "chat.completion.chunk", "created": 1,
        "choices": [{"index": 0, "delta": {"role": "assistant", "content": null, "tool_calls": [
            {"index": 0, "id": "call_1", "type": "function", "function": {"name": "store", "arguments": arguments}}]},
            "finish_reason": null}]
    });
    let bytes = format!("data: {event}\n\n").into_bytes();
    // Delivered in 64 KiB pieces, as a socket would.
    let mut steps: Vec<Step> = bytes.chunks(64 << 10).map(Step::chunk).collect();
    steps.extend([
        data(&chunk("", Some("tool_calls"))),
        data("[DONE]"),
        Step::last_chunk(),
    ]);
    let server = RawServer::start(vec![sse(steps)]).await.unwrap();
    let completion = client(&server.origin())
        .chat_stream(&chat_request())
        .await
        .unwrap()
        .collect_completion()
        .await
        .unwrap();
    let calls = completion.tool_calls();
    assert_eq!(calls.len(), 1);
    assert_eq!(
        calls[0].function.arguments.as_deref(),
        Some(arguments.as_str())
    );
}

#[tokio::test]
async fn an_event_above_the_limit_is_a_limit_error() {
    let big = chunk(&"y".repeat(100_000), None);
    let server = RawServer::start(vec![sse(vec![
        data(&big),
        data("[DONE]"),
        Step::last_chunk(),
    ])])
    .await
    .unwrap();
    let client = builder(&server.origin())
        .max_event_bytes(64 << 10)
        .build()
        .unwrap();
    let mut stream = client.chat_stream(&chat_request()).await.unwrap();
    let Some(Err(Error::LimitExceeded(e))) = stream.next().await else {
        panic!("expected a limit error")
    };
    assert_eq!(e.limit(), 64 << 10);
    assert!(stream.next().await.is_none());
}

#[tokio::test]
async fn eof_after_finish_reason_without_done_is_success() {
    let server = RawServer::start(vec![sse(vec![
        data(&chunk("complete", Some("stop"))),
        Step::last_chunk(),
    ])])
    .await
    .unwrap();
    let completion = client(&server.origin())
        .chat_stream(&chat_request())
        .await
        .unwrap()
        .collect_completion()
        .await
        .unwrap();
    assert_eq!(completion.text(), Some("complete"));
}

#[tokio::test]
async fn dropping_the_stream_closes_the_connection() {
    let server = RawServer::start(vec![sse(vec![
        data(&chunk("first", None)),
        Step::AwaitClose,
    ])])
    .await
    .unwrap();
    let mut stream = client(&server.origin())
        .chat_stream(&chat_request())
        .await
        .unwrap();
    assert!(matches!(
        stream.next().await,
        Some(Ok(StreamEvent::Chunk(_)))
    ));
    drop(stream);
    // The script waits for the client to hang up: the connection closes only when it does.
    assert_eq!(
        server.wait_closed(Duration::from_secs(10)).await,
        Ok(1),
        "the server saw the client hang up"
    );
}

#[tokio::test]
async fn errors_before_the_stream_are_retried_but_not_after_the_first_event() {
    let server = RawServer::start(vec![
        // chat/error_502 has no Retry-After (chat/error_503 would make this wait 5 s).
        fixture_response(fixture("chat/error_502")),
        // Inline: no fixture resets its connection.
        sse(vec![data(&chunk("one", None)), Step::Reset]),
    ])
    .await
    .unwrap();
    let mut stream = client(&server.origin())
        .chat_stream(&chat_request())
        .await
        .unwrap();
    assert_eq!(
        stream.meta().attempts(),
        2,
        "the 502 before the stream was retried"
    );
    assert!(matches!(
        stream.next().await,
        Some(Ok(StreamEvent::Chunk(_)))
    ));
    assert!(matches!(
        stream.next().await,
        Some(Err(Error::TruncatedStream(_)))
    ));
    assert!(stream.next().await.is_none());
    tokio::time::sleep(Duration::from_millis(100)).await;
    assert_eq!(
        server.connections().len(),
        2,
        "no retry once an event was delivered"
    );
}

#[tokio::test]
async fn a_401_before_the_stream_is_an_api_error() {
    let server = RawServer::start(vec![fixture_response(fixture("chat/stream_error_401"))])
        .await
        .unwrap();
    let error = client(&server.origin())
        .chat_stream(&chat_request())
        .await
        .unwrap_err();
    assert_eq!(error.status().map(|s| s.as_u16()), Some(401));
    assert!(error.to_string().contains("User not found"), "{error}");
    assert!(error.to_string().contains("OPENROUTER_API_KEY"));
    assert_eq!(server.connections().len(), 1);
}

#[tokio::test]
async fn responses_stream_ends_on_done_and_reports_failures() {
    let created = r#"{"type":"response.created","sequence_number":0,"response":{"id":"resp_1","object":"response","created_at":1,"model":"openai/gpt-5-nano","status":"in_progress","output":[]}}"#;
    let delta = r#"{"type":"response.output_text.delta","sequence_number":1,"item_id":"msg_1","output_index":0,"content_index":0,"delta":"Hi"}"#;
    let failed = r#"{"type":"response.failed","sequence_number":2,"response":{"id":"resp_1","object":"response","created_at":1,"model":"openai/gpt-5-nano","status":"failed","output":[],"error":{"code":"server_error","message":"upstream died"}}}"#;
    let request: openrouter_types::responses::ResponsesRequest =
        serde_json::from_value(json!({"model": "openai/gpt-5-nano", "input": "hi"})).unwrap();

    let recorded = fixture("responses/stream");
    let server = RawServer::start(vec![fixture_sse(recorded)]).await.unwrap();
    let response = client(&server.origin())
        .responses_stream(&crate::support::recorded(recorded))
        .await
        .unwrap()
        .collect_response()
        .await
        .unwrap();
    assert_eq!(response.id, "gen-1785882700-Rs4PqK8wNm2VbX6cLt9D");
    assert_eq!(
        response.text(),
        "Offline answers come from recorded fixtures."
    );

    // Inline: no fixture has a `response.failed` event or a cut Responses stream.

    let server = RawServer::start(vec![sse(vec![
        data(created),
        data(failed),
        Step::last_chunk(),
    ])])
    .await
    .unwrap();
    let error = client(&server.origin())
        .responses_stream(&request)
        .await
        .unwrap()
        .collect_response()
        .await
        .unwrap_err();
    let Error::MidStream(e) = error else {
        panic!("expected MidStream, got {error:?}")
    };
    assert_eq!(e.error().message(), "upstream died");

    let server = RawServer::start(vec![sse(vec![
        data(created),
        data(delta),
        Step::last_chunk(),
    ])])
    .await
    .unwrap();
    let error = client(&server.origin())
        .responses_stream(&request)
        .await
        .unwrap()
        .collect_response()
        .await
        .unwrap_err();
    assert!(matches!(error, Error::TruncatedStream(_)), "{error:?}");
}

#[tokio::test]
async fn a_slow_consumer_slows_the_server_down() {
    const FLOOD: u64 = 256 << 20;
    // 64 KiB keep-alive comments, one chunk each.
    let mut keep_alive_comment = b": ".to_vec();
    keep_alive_comment.resize((64 << 10) - 2, b'p');
    keep_alive_comment.extend_from_slice(b"\n\n");
    let server = RawServer::start(vec![sse(vec![
        data(&chunk("first", None)),
        Step::flood(raw::chunk(&keep_alive_comment), FLOOD),
        Step::last_chunk(),
    ])])
    .await
    .unwrap();
    let mut stream = client(&server.origin())
        .chat_stream(&chat_request())
        .await
        .unwrap();
    assert!(matches!(
        stream.next().await,
        Some(Ok(StreamEvent::Chunk(_)))
    ));
    // Not polling: only socket buffers and hyper's read buffer may fill.
    tokio::time::sleep(Duration::from_millis(500)).await;
    let written = server.bytes_written();
    assert!(
        written < 64 << 20,
        "the server wrote {written} bytes while nobody read: unbounded buffering"
    );
    drop(stream);
}

#[tokio::test]
async fn a_json_error_in_a_200_to_a_stream_request_is_an_api_error_and_retried() {
    let server = RawServer::start(vec![
        fixture_response(fixture("chat/error_in_200")),
        fixture_sse(fixture("chat/demo_stream")),
    ])
    .await
    .unwrap();
    let stream = client(&server.origin())
        .chat_stream(&chat_request())
        .await
        .unwrap();
    assert_eq!(stream.meta().attempts(), 2);
    assert_eq!(
        stream.meta().attempt_log()[0].outcome(),
        &openrouter_api::AttemptOutcome::Status(http::StatusCode::TOO_MANY_REQUESTS)
    );
    assert_eq!(
        stream.collect_completion().await.unwrap().text(),
        Some(demo_text().as_str())
    );

    // Inline: no fixture has a 200 whose body is a 401 error.
    let server = RawServer::start(vec![json_response(
        200,
        r#"{"error":{"code":401,"message":"User not found."}}"#,
    )])
    .await
    .unwrap();
    let error = client(&server.origin())
        .chat_stream(&chat_request())
        .await
        .unwrap_err();
    assert_eq!(error.status().map(|s| s.as_u16()), Some(401));
    assert_eq!(server.connections().len(), 1);

    // A plain (not streamed) completion in answer to a stream request.
    let server = RawServer::start(vec![fixture_response(fixture("chat/demo"))])
        .await
        .unwrap();
    let error = client(&server.origin())
        .chat_stream(&chat_request())
        .await
        .unwrap_err();
    assert!(matches!(error, Error::Decode(_)), "{error:?}");
}

#[tokio::test]
async fn a_truncated_fixture_stream_is_not_a_complete_answer() {
    let server = RawServer::start(vec![fixture_sse(fixture("chat/stream_truncated"))])
        .await
        .unwrap();
    let mut stream = client(&server.origin())
        .chat_stream(&chat_request())
        .await
        .unwrap();
    let (keep_alives, error) = first_error(&mut stream).await;
    assert_eq!(keep_alives, 1);
    let Error::TruncatedStream(e) = error else {
        panic!("expected truncation, got {error:?}")
    };
    assert_eq!(e.reason(), TruncationReason::EndOfBody);
    assert!(e.discarded_partial_event(), "the body ends mid-line");
    assert_eq!(
        e.partial().unwrap().text(),
        Some("This answer stops in the middle")
    );
    assert_eq!(
        e.generation_id(),
        Some("gen-1764123000-Tr9UnC4aTe7DsW2qXz5Y")
    );
    assert!(stream.next().await.is_none());
}
