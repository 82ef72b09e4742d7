//! The encoder: exact wire output, what it refuses, and line-break handling.

use openrouter_sse::{Comment, Encoder, Error, Event, Frame, Parser};

fn parse(wire: &[u8]) -> Vec<Frame> {
    let mut parser = Parser::new();
    parser.feed(wire);
    assert!(parser.finish().is_clean());
    std::iter::from_fn(|| parser.next_frame())
        .map(|f| f.expect("no errors"))
        .collect()
}

#[test]
fn writes_the_openrouter_wire_format() -> Result<(), Error> {
    let mut encoder = Encoder::new();
    encoder
        .comment(" OPENROUTER PROCESSING")?
        .event(&Event::new(r#"{"choices":[]}"#))?
        .retry(1500)
        .event(&Event::new("").with_event_type("done").with_id(""))?;
    assert_eq!(
        std::str::from_utf8(encoder.as_bytes()).expect("utf-8"),
        ": OPENROUTER PROCESSING\n\ndata: {\"choices\":[]}\n\nretry: 1500\n\nevent: done\nid:\ndata:\n\n"
    );
    Ok(())
}

#[test]
fn data_line_breaks_become_data_lines_and_come_back_as_lf() -> Result<(), Error> {
    let mut encoder = Encoder::new();
    encoder.event(&Event::new("a\r\nb\rc\n\nd\n"))?;
    assert_eq!(
        encoder.as_bytes(),
        b"data: a\ndata: b\ndata: c\ndata:\ndata: d\ndata:\n\n"
    );
    assert_eq!(
        parse(encoder.as_bytes()),
        [Frame::Event(Event::new("a\nb\nc\n\nd\n"))]
    );
    Ok(())
}

#[test]
fn leading_spaces_survive_the_round_trip() -> Result<(), Error> {
    let frames = [
        Frame::Comment(Comment::new("  two spaces")),
        Frame::Event(Event::new(" x\n  y").with_event_type(" t").with_id(" i")),
    ];
    let mut encoder = Encoder::new();
    for frame in &frames {
        encoder.frame(frame)?;
    }
    assert_eq!(parse(&encoder.take()), frames);
    Ok(())
}

#[test]
fn refuses_what_the_format_cannot_carry_and_writes_nothing() {
    let mut encoder = Encoder::new();
    let cases = [
        (
            encoder
                .event(&Event::new("x").with_event_type("a\nb"))
                .map(|_| ()),
            "event",
        ),
        (
            encoder.event(&Event::new("x").with_id("a\rb")).map(|_| ()),
            "id",
        ),
        (
            encoder.event(&Event::new("x").with_id("a\0b")).map(|_| ()),
            "id",
        ),
        (encoder.comment("a\nb").map(|_| ()), "comment"),
    ];
    for (result, field) in cases {
        let error = result.expect_err("must refuse");
        assert!(
            matches!(error, Error::Unencodable { field: f, .. } if f == field),
            "{error:?}"
        );
        assert!(
            error
                .to_string()
                .starts_with(&format!("cannot encode sse `{field}` field: ")),
            "{error}"
        );
        assert_eq!(error.limit(), None);
    }
    assert!(encoder.as_bytes().is_empty());
}

#[test]
fn take_leaves_the_encoder_reusable() -> Result<(), Error> {
    let mut encoder = Encoder::new();
    encoder.event(&Event::new("1"))?;
    let first = encoder.take();
    encoder.event(&Event::new("2"))?;
    assert_eq!(
        (&first[..], encoder.as_bytes()),
        (&b"data: 1\n\n"[..], &b"data: 2\n\n"[..])
    );
    Ok(())
}
