//! Model-based test of the SSE parser: a plain transcription of the WHATWG
//! "interpreting an event stream" algorithm, written for clarity and not
//! speed, must agree with `openrouter_sse::Parser` on arbitrary inputs
//! under arbitrary chunkings.
//!
//! The generator is biased towards what breaks SSE parsers: field names, a
//! colon with and without a space, CR, LF and CRLF (also split across
//! chunks), byte-order marks, multibyte and invalid UTF-8, and NUL.

use bytes::Bytes;
use openrouter_sse::{Frame, Parser};
use proptest::prelude::*;

/// What either side produced, in order.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Item {
    Event {
        data: String,
        event_type: Option<String>,
        id: Option<String>,
    },
    Comment(String),
    Retry(u64),
}

/// The reference: WHATWG HTML § 9.2.6, step by step, over the whole input.
fn reference(input: &[u8]) -> Vec<Item> {
    let text = String::from_utf8_lossy(input);
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(&text);
    let mut out = Vec::new();
    let (mut data, mut event_type) = (String::new(), String::new());
    let mut last_id: Option<String> = None;
    let mut rest = text;
    // Only lines ended by CRLF, LF or CR count; what follows the last line
    // break is an incomplete line, discarded at the end of the stream.
    while let Some(end) = rest.find(['\r', '\n']) {
        let line = &rest[..end];
        let after = if rest[end..].starts_with("\r\n") {
            end + 2
        } else {
            end + 1
        };
        rest = &rest[after..];
        if line.is_empty() {
            // Dispatch.
            if !data.is_empty() {
                data.pop(); // the trailing LF
                out.push(Item::Event {
                    data: std::mem::take(&mut data),
                    event_type: Some(std::mem::take(&mut event_type)).filter(|t| !t.is_empty()),
                    id: last_id.clone(),
                });
            }
            data.clear();
            event_type.clear();
            continue;
        }
        if let Some(comment) = line.strip_prefix(':') {
            out.push(Item::Comment(comment.to_owned()));
            continue;
        }
        let (field, value) = match line.split_once(':') {
            Some((field, value)) => (field, value.strip_prefix(' ').unwrap_or(value)),
            None => (line, ""),
        };
        match field {
            "event" => event_type = value.to_owned(),
            "data" => {
                data.push_str(value);
                data.push('\n');
            }
            "id" if !value.contains('\0') => last_id = Some(value.to_owned()),
            "retry" if !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()) => {
                if let Ok(ms) = value.parse() {
                    out.push(Item::Retry(ms));
                }
            }
            _ => {}
        }
    }
    out
}

/// The production parser, fed `input` split at `cuts`.
fn production(input: &[u8], cuts: &[usize], shared: bool, drain_each: bool) -> Vec<Item> {
    let mut parser = Parser::new();
    let mut out = Vec::new();
    let drain = |parser: &mut Parser, out: &mut Vec<Item>| {
        while let Some(frame) = parser.next_frame() {
            match frame.expect("no limit is near with default limits") {
                Frame::Event(event) => out.push(Item::Event {
                    data: event.data().to_owned(),
                    event_type: event.event_type().map(str::to_owned),
                    id: event.id().map(str::to_owned),
                }),
                Frame::Comment(comment) => out.push(Item::Comment(comment.text().to_owned())),
                Frame::Retry(ms) => out.push(Item::Retry(ms)),
                other => panic!("unexpected frame {other:?}"),
            }
        }
    };
    let mut start = 0;
    let mut points: Vec<usize> = cuts.iter().map(|&c| c % (input.len() + 1)).collect();
    points.sort_unstable();
    points.push(input.len());
    for end in points {
        let chunk = &input[start..end.max(start)];
        start = end.max(start);
        if shared {
            parser.feed_bytes(Bytes::copy_from_slice(chunk));
        } else {
            parser.feed(chunk);
        }
        if drain_each {
            drain(&mut parser, &mut out);
        }
    }
    let _ = parser.finish();
    drain(&mut parser, &mut out);
    out
}

/// SSE-ish building blocks, weighted towards the interesting ones.
fn token() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        6 => prop::sample::select(vec![
            &b"data:"[..], b"data: ", b"event:", b"event: ", b"id:", b"id: ", b"retry:",
            b"retry: ", b":", b": ", b" ", b"\n", b"\r", b"\r\n", b"\n\n", b"\r\n\r\n",
        ])
        .prop_map(<[u8]>::to_vec),
        3 => prop::sample::select(vec![
            &b"x"[..], b"hello", b"{\"a\":1}", b"[DONE]", b"1", b"42", b"3000", b"-1", b"99999999999999999999",
            b"message", b"data", b"OPENROUTER PROCESSING", b"dat", b"DATA",
        ])
        .prop_map(<[u8]>::to_vec),
        2 => prop::sample::select(vec![
            "é", "€", "😀", "\u{FEFF}", "\0",
        ])
        .prop_map(|s| s.as_bytes().to_vec()),
        2 => prop::sample::select(vec![
            &b"\xFF"[..], b"\xC3", b"\xE2\x82", b"\xF0\x9F\x98", b"\xED\xA0\x80", b"\xEF\xBB\xBF",
            b"\x80", b"\xC0\xAF",
        ])
        .prop_map(<[u8]>::to_vec),
        1 => any::<u8>().prop_map(|b| vec![b]),
    ]
}

fn stream() -> impl Strategy<Value = Vec<u8>> {
    prop::collection::vec(token(), 0..48).prop_map(|tokens| tokens.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn the_parser_agrees_with_the_reference_under_any_chunking(
        input in stream(),
        cuts in prop::collection::vec(any::<usize>(), 0..12),
        shared in any::<bool>(),
        drain_each in any::<bool>(),
    ) {
        let expected = reference(&input);
        prop_assert_eq!(&production(&input, &[], false, true), &expected, "whole");
        prop_assert_eq!(&production(&input, &cuts, shared, drain_each), &expected, "cuts {:?}", cuts);
        let bytewise: Vec<usize> = (0..input.len()).collect();
        prop_assert_eq!(&production(&input, &bytewise, shared, drain_each), &expected, "byte at a time");
    }
}

#[test]
fn the_reference_follows_the_spec_examples() {
    // The examples of WHATWG HTML § 9.2.6, checked so the model itself is trusted.
    let events = |input: &str| reference(input.as_bytes());
    assert_eq!(
        events("data: YHOO\ndata: +2\ndata: 10\n\n"),
        [Item::Event {
            data: "YHOO\n+2\n10".into(),
            event_type: None,
            id: None
        }]
    );
    assert_eq!(
        events(
            ": test stream\n\ndata: first event\nid: 1\n\ndata:second event\nid\n\ndata:  third event\n"
        ),
        [
            Item::Comment(" test stream".into()),
            Item::Event {
                data: "first event".into(),
                event_type: None,
                id: Some("1".into())
            },
            Item::Event {
                data: "second event".into(),
                event_type: None,
                id: Some(String::new())
            },
        ]
    );
    assert_eq!(
        events("data\n\ndata\ndata\n\ndata:"),
        [
            Item::Event {
                data: String::new(),
                event_type: None,
                id: None
            },
            Item::Event {
                data: "\n".into(),
                event_type: None,
                id: None
            },
        ]
    );
    assert_eq!(
        events("data:test\n\ndata: test\n\n"),
        events("data: test\r\n\r\ndata:test\r\r")
    );
    assert_eq!(
        events("\u{FEFF}event: add\ndata: 1\n\n"),
        [Item::Event {
            data: "1".into(),
            event_type: Some("add".into()),
            id: None
        }]
    );
}
