//! Limits: over-long lines and events give a clear error, memory stays
//! bounded whatever the chunking, and the parser resynchronises at the next
//! blank line. Also the 1 MiB single-line case, built here rather than
//! committed as a megabyte of JSON.

use openrouter_sse::{Error, Frame, Parser, ParserConfig};

use crate::differential;

fn drain(parser: &mut Parser) -> Vec<Result<Frame, Error>> {
    std::iter::from_fn(|| parser.next_frame()).collect()
}

fn data(frame: &Result<Frame, Error>) -> &str {
    match frame {
        Ok(Frame::Event(event)) => event.data(),
        other => panic!("expected an event, got {other:?}"),
    }
}

fn outcomes(config: ParserConfig, input: &[u8]) -> Vec<differential::Outcome> {
    [
        differential::parse(config, [input], false, true),
        differential::parse(config, [input], true, true),
        differential::parse(config, input.chunks(1), false, true),
        differential::parse(config, input.chunks(3), true, false),
    ]
    .into()
}

#[test]
fn line_too_long_reports_the_limit_then_resumes_after_the_blank_line() {
    let config = ParserConfig::default().max_line_bytes(16);
    let input = b"data: before\n\ndata: 0123456789abcdef\ndata: rest of the broken event\n\ndata: after\n\n";
    for (frames, finish) in outcomes(config, input) {
        assert_eq!(frames.len(), 3, "{frames:?}");
        assert_eq!(data(&frames[0]), "before");
        assert!(
            matches!(frames[1], Err(Error::LineTooLong { limit: 16, .. })),
            "{frames:?}"
        );
        assert_eq!(data(&frames[2]), "after");
        assert!(finish.is_clean());
    }
}

#[test]
fn a_line_exactly_at_the_limit_is_accepted() {
    let config = ParserConfig::default().max_line_bytes(10);
    for (frames, _) in outcomes(config, b"data: 1234\n\n") {
        assert_eq!(frames.len(), 1);
        assert_eq!(data(&frames[0]), "1234");
    }
}

#[test]
fn event_too_large_discards_the_event_and_resumes_after_the_blank_line() {
    // Data buffer "12345\n" is 6 bytes; adding "67890\n" makes 12 > 10.
    let config = ParserConfig::default().max_event_bytes(10);
    let input = b"data: 12345\ndata: 67890\ndata: more\n\ndata: ok\n\n";
    for (frames, finish) in outcomes(config, input) {
        assert_eq!(frames.len(), 2, "{frames:?}");
        assert!(
            matches!(frames[0], Err(Error::EventTooLarge { limit: 10, .. })),
            "{frames:?}"
        );
        assert_eq!(data(&frames[1]), "ok");
        assert!(finish.is_clean());
    }
}

#[test]
fn the_event_type_counts_toward_the_event_size() {
    let config = ParserConfig::default().max_event_bytes(10);
    for (frames, _) in outcomes(config, b"event: abcdefgh\ndata: xyz\n\ndata: ok\n\n") {
        assert!(
            matches!(frames[0], Err(Error::EventTooLarge { limit: 10, .. })),
            "{frames:?}"
        );
        assert_eq!(data(&frames[1]), "ok");
    }
}

#[test]
fn resync_skips_every_line_of_the_broken_event_and_does_not_commit_its_id() {
    let config = ParserConfig::default().max_line_bytes(20);
    let input = b"id: 1\ndata: x\n\nid: 2\ndata: far too long for the limit\nid: 3\n: comment\nretry: 5\ndata: y\n\ndata: ok\n\n";
    let mut parser = Parser::with_config(config);
    parser.feed(input);
    let frames = drain(&mut parser);
    assert_eq!(frames.len(), 3, "{frames:?}");
    assert_eq!(data(&frames[0]), "x");
    assert!(
        matches!(frames[1], Err(Error::LineTooLong { limit: 20, .. })),
        "{frames:?}"
    );
    let Ok(Frame::Event(ok)) = &frames[2] else {
        panic!("{frames:?}")
    };
    assert_eq!((ok.data(), ok.id()), ("ok", Some("1")));
    assert_eq!(parser.last_event_id(), Some("1"));
    assert_eq!(
        parser.retry_ms(),
        None,
        "a retry inside the skipped block is skipped too"
    );
}

#[test]
fn a_stream_ending_while_resynchronising_is_not_clean() {
    let mut parser = Parser::with_config(ParserConfig::default().max_line_bytes(4));
    parser.feed(b"data: too long\n");
    let frames = drain(&mut parser);
    assert!(
        matches!(frames[..], [Err(Error::LineTooLong { limit: 4, .. })]),
        "{frames:?}"
    );
    let end = parser.finish();
    assert!(!end.is_clean() && end.discarded_event());
}

#[test]
fn a_line_that_never_ends_is_discarded_as_it_arrives() {
    const LIMIT: usize = 1 << 20;
    let mut parser = Parser::with_config(ParserConfig::default().max_line_bytes(LIMIT));
    let chunk = vec![b'x'; 64 * 1024];
    let mut errors = 0;
    let mut peak = 0;
    parser.feed(b"data: ");
    for _ in 0..(32 * 1024 * 1024 / chunk.len()) {
        parser.feed(&chunk);
        peak = peak.max(parser.buffer_capacity());
        for frame in drain(&mut parser) {
            assert!(
                matches!(frame, Err(Error::LineTooLong { limit: LIMIT, .. })),
                "{frame:?}"
            );
            errors += 1;
        }
    }
    assert_eq!(errors, 1, "one error per over-long line");
    assert!(
        peak <= LIMIT,
        "buffer grew to {peak} bytes for a {LIMIT}-byte limit"
    );
    assert_eq!(parser.buffered_len(), 0, "skipped bytes are not kept");
    parser.feed(b"\n\ndata: ok\n\n");
    let frames = drain(&mut parser);
    assert_eq!(frames.len(), 1);
    assert_eq!(data(&frames[0]), "ok");
}

#[test]
fn event_buffer_stays_within_the_event_limit() {
    const LIMIT: usize = 100_000;
    let mut parser = Parser::with_config(ParserConfig::default().max_event_bytes(LIMIT));
    let mut peak = 0;
    let mut errors = 0;
    for _ in 0..20_000 {
        parser.feed(b"data: 0123456789\n");
        peak = peak.max(parser.buffer_capacity());
        errors += drain(&mut parser).iter().filter(|f| f.is_err()).count();
    }
    assert_eq!(errors, 1);
    assert!(
        peak <= LIMIT,
        "event buffer grew to {peak} bytes for a {LIMIT}-byte limit"
    );
}

#[test]
fn default_limits_are_16_mib() {
    let config = ParserConfig::default();
    assert_eq!(
        (config.max_line_bytes, config.max_event_bytes),
        (16 << 20, 16 << 20)
    );
}

fn first_error(config: ParserConfig, input: &[u8]) -> Error {
    let mut parser = Parser::with_config(config);
    parser.feed(input);
    drain(&mut parser)
        .into_iter()
        .find_map(Result::err)
        .expect("an error")
}

#[test]
fn error_messages_name_the_limit_and_what_to_do() {
    let line = first_error(ParserConfig::default().max_line_bytes(1024), &[b'x'; 2000]);
    assert_eq!(line.limit(), Some(1024));
    let line = line.to_string();
    assert_eq!(
        line,
        "sse line exceeds the 1024-byte limit (ParserConfig::max_line_bytes); the event was discarded \
         and parsing resumes after the next blank line; raise the limit if such lines are expected"
    );
    let event = first_error(
        ParserConfig::default().max_event_bytes(7),
        b"data: 12345678\n",
    );
    assert_eq!(event.limit(), Some(7));
    let event = event.to_string();
    assert!(
        event.contains("7-byte limit (ParserConfig::max_event_bytes)"),
        "{event}"
    );
    for message in [line, event] {
        assert!(message.starts_with(char::is_lowercase) && !message.ends_with('.'));
    }
    fn assert_error<E: std::error::Error + Send + Sync + 'static>() {}
    assert_error::<Error>();
}

/// The 1 MiB single data line (mixing 1- to 4-byte characters), fed whole,
/// in network-sized chunks, in 7-byte chunks and one byte at a time.
#[test]
fn one_mib_data_line_in_any_chunking() {
    let unit = "{\"content\":\"héllo € 😀\"} ";
    let text: String = unit.repeat((1 << 20) / unit.len());
    let input =
        format!(": OPENROUTER PROCESSING\n\ndata: {text}\r\n\r\ndata: [DONE]\n\n").into_bytes();
    let config = ParserConfig::default();
    for (how, (frames, finish)) in [
        (
            "whole",
            differential::parse(config, [&input[..]], true, true),
        ),
        (
            "1460",
            differential::parse(config, input.chunks(1460), true, true),
        ),
        (
            "7",
            differential::parse(config, input.chunks(7), false, true),
        ),
        (
            "1",
            differential::parse(config, input.chunks(1), false, false),
        ),
    ] {
        assert_eq!(frames.len(), 3, "{how}");
        assert!(
            matches!(&frames[0], Ok(Frame::Comment(c)) if c.text() == " OPENROUTER PROCESSING"),
            "{how}"
        );
        assert!(
            data(&frames[1]) == text,
            "{how}: the 1 MiB line came back different"
        );
        assert_eq!(data(&frames[2]), "[DONE]", "{how}");
        assert!(finish.is_clean(), "{how}");
    }
}
