//! The differential check shared by the fuzz target (`fuzz/fuzz_targets/
//! chunked_vs_whole.rs` includes this file) and the corpus replay test: the
//! same input parsed whole and in chunks must give the same frames, errors
//! and end report, without panicking and within the memory limits.
//!
//! Input layout: byte 0 holds flags, bytes 1..5 chunk lengths (cycled; 0 is
//! an empty chunk), the rest is the stream. Shorter inputs are all stream.

use bytes::Bytes;
use openrouter_sse::{Encoder, Error, Finish, Frame, Parser, ParserConfig};

/// Runs the check; panics with a description on any disagreement.
pub fn check(data: &[u8]) {
    let (flags, lengths, stream) = match data {
        [flags, a, b, c, d, stream @ ..] => (*flags, [*a, *b, *c, *d], stream),
        _ => (0, [1, 0, 0, 0], data),
    };
    let mut config = ParserConfig::default();
    match flags & 0b11 {
        2 => config = config.max_line_bytes(usize::from(lengths[0])),
        3 => config = config.max_event_bytes(usize::from(lengths[1])),
        _ => {}
    }
    let drain_each_chunk = flags & 0b100 == 0;
    let shared = flags & 0b1000 != 0;

    let whole = parse(config, [stream], false, true);

    let mut chunks = Vec::new();
    let mut rest = stream;
    for &len in lengths.iter().cycle() {
        if rest.is_empty() {
            break;
        }
        // Zero-length chunks are allowed, but at least one in four lengths
        // must make progress.
        let len = usize::from(len).min(rest.len());
        let len = if len == 0 && lengths.iter().all(|&l| l == 0) {
            1
        } else {
            len
        };
        let (chunk, tail) = rest.split_at(len);
        chunks.push(chunk);
        rest = tail;
    }
    let chunked = parse(config, chunks.iter().copied(), shared, drain_each_chunk);
    assert_eq!(
        whole, chunked,
        "chunked parse differs from whole; chunks: {chunks:?}"
    );

    if stream.len() <= 4096 {
        let bytewise = parse(config, stream.chunks(1), !shared, true);
        assert_eq!(whole, bytewise, "byte-at-a-time parse differs from whole");
    }

    round_trip(&whole.0);
}

pub type Outcome = (Vec<Result<Frame, Error>>, Finish);

pub fn parse<'a>(
    config: ParserConfig,
    chunks: impl IntoIterator<Item = &'a [u8]>,
    shared: bool,
    drain_each_chunk: bool,
) -> Outcome {
    let mut parser = Parser::with_config(config);
    let mut frames = Vec::new();
    let bound = config
        .max_line_bytes
        .saturating_add(config.max_event_bytes)
        .saturating_add(64);
    for chunk in chunks {
        if shared {
            parser.feed_bytes(Bytes::copy_from_slice(chunk));
        } else {
            parser.feed(chunk);
        }
        assert!(
            parser.buffer_capacity() <= bound,
            "buffer capacity {} exceeds the limits ({bound})",
            parser.buffer_capacity()
        );
        if drain_each_chunk {
            frames.extend(std::iter::from_fn(|| parser.next_frame()));
        }
    }
    let finish = parser.finish();
    frames.extend(std::iter::from_fn(|| parser.next_frame()));
    assert_eq!(parser.buffered_len(), 0, "finish left bytes buffered");
    (frames, finish)
}

/// Whatever the parser produced, the encoder writes back to the same frames.
fn round_trip(frames: &[Result<Frame, Error>]) {
    let frames: Vec<Frame> = frames
        .iter()
        .filter_map(|f| f.as_ref().ok().cloned())
        .collect();
    let mut encoder = Encoder::new();
    for frame in &frames {
        if let Err(error) = encoder.frame(frame) {
            panic!("parsed frame {frame:?} cannot be encoded: {error}");
        }
    }
    let (reparsed, finish) = parse(ParserConfig::default(), [encoder.as_bytes()], false, true);
    let reparsed: Vec<Frame> = reparsed
        .into_iter()
        .map(|f| f.expect("no limit errors"))
        .collect();
    assert_eq!(frames, reparsed, "encode then parse changed the frames");
    assert!(finish.is_clean(), "encoder output ended mid-event");
}
