//! Behaviour the case-file format cannot express: timing of dispatch, zero
//! copy, the parser's state across `finish`.

use bytes::Bytes;
use openrouter_sse::{Comment, Event, Frame, Parser};

fn event(frame: Option<Result<Frame, openrouter_sse::Error>>) -> Event {
    match frame {
        Some(Ok(Frame::Event(event))) => event,
        other => panic!("expected an event, got {other:?}"),
    }
}

#[test]
fn a_cr_blank_line_dispatches_without_waiting_for_the_next_byte() {
    let mut parser = Parser::new();
    parser.feed(b"data: a\r\r");
    assert_eq!(event(parser.next_frame()).data(), "a");
    // The LF that may follow belongs to the CR and is not another line.
    parser.feed(b"\ndata: b\r");
    assert_eq!(parser.next_frame(), None);
    parser.feed(b"\r");
    assert_eq!(event(parser.next_frame()).data(), "b");
}

#[test]
fn a_comment_is_surfaced_as_soon_as_its_line_ends() {
    let mut parser = Parser::new();
    parser.feed(b"data: x\n: OPENROUTER PROCESSING\r");
    assert_eq!(
        parser.next_frame(),
        Some(Ok(Frame::Comment(Comment::new(" OPENROUTER PROCESSING"))))
    );
    assert_eq!(parser.next_frame(), None);
}

#[test]
fn single_line_data_fed_as_bytes_is_a_slice_of_the_chunk() {
    let chunk = Bytes::from(b": keep\n\nevent: e\ndata: {\"x\":1}\n\n".to_vec());
    let mut parser = Parser::new();
    parser.feed_bytes(chunk.clone());
    let Some(Ok(Frame::Comment(comment))) = parser.next_frame() else {
        panic!("comment first")
    };
    assert_eq!(comment.text_bytes().as_ptr(), chunk[1..].as_ptr());
    let event = event(parser.next_frame());
    let data = event.data_bytes();
    let offset = chunk
        .windows(7)
        .position(|w| w == b"{\"x\":1}")
        .expect("payload in chunk");
    assert_eq!(data.as_ptr(), chunk[offset..].as_ptr(), "data was copied");
    assert_eq!(
        event.into_data_bytes().as_ptr(),
        data.as_ptr(),
        "into_data_bytes copied"
    );
}

#[test]
fn a_line_split_across_shared_chunks_is_copied_once_into_its_own_buffer() {
    let mut parser = Parser::new();
    parser.feed_bytes(Bytes::from_static(b"data: {\"x\""));
    parser.feed_bytes(Bytes::from_static(b":1}\n\n"));
    assert_eq!(event(parser.next_frame()).data(), "{\"x\":1}");
    assert_eq!(parser.buffered_len(), 0);
}

#[test]
fn finish_keeps_committed_id_and_retry_and_resets_the_rest() {
    let mut parser = Parser::new();
    parser.feed("\u{feff}retry: 10\nid: 1\ndata: a\n\nid: 2\nevent: e\ndata: cut".as_bytes());
    assert_eq!(parser.next_frame(), Some(Ok(Frame::Retry(10))));
    assert_eq!(event(parser.next_frame()).id(), Some("1"));
    let end = parser.finish();
    assert!(!end.is_clean());
    assert_eq!(
        parser.last_event_id(),
        Some("1"),
        "the unfinished block's id is not committed"
    );
    assert_eq!(parser.retry_ms(), Some(10));
    assert_eq!(parser.buffered_len(), 0);

    // A new stream (a reconnect): BOM allowed again, no leftover event type.
    parser.feed("\u{feff}data: b\n\n".as_bytes());
    let event = event(parser.next_frame());
    assert_eq!(
        (event.data(), event.event_type(), event.id()),
        ("b", None, Some("1"))
    );
    assert!(parser.finish().is_clean());
}

#[test]
fn frames_stay_queued_when_not_drained_between_feeds() {
    let mut parser = Parser::new();
    parser.feed(b"data: 1\n\n");
    parser.feed(b"data: 2\n\ndata: 3");
    let _ = parser.finish();
    assert_eq!(event(parser.next_frame()).data(), "1");
    assert_eq!(event(parser.next_frame()).data(), "2");
    assert_eq!(parser.next_frame(), None);
}

#[test]
fn event_accessors_and_conversions() {
    let mut parser = Parser::new();
    parser.feed(b"event: update\nid: 9\ndata: a\ndata: b\n\n");
    let event = event(parser.next_frame());
    assert_eq!(
        event,
        Event::new("a\nb").with_event_type("update").with_id("9")
    );
    assert_eq!(
        format!("{event:?}"),
        r#"Event { event_type: Some("update"), data: "a\nb", id: Some("9") }"#
    );
    assert_eq!(event.into_data(), "a\nb");
}
