//! Property tests: any split of any input gives the frames of one feed, and
//! `parse(encode(frames)) == frames`.

use openrouter_sse::{Comment, Encoder, Event, Frame, ParserConfig};
use proptest::prelude::*;

use crate::differential::{self, Outcome};

/// Pieces that make SSE-shaped input likely: field names, separators, every
/// line ending, a BOM, multibyte characters and invalid UTF-8.
fn token() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        Just(b"data".to_vec()),
        Just(b"data: ".to_vec()),
        Just(b"event: ".to_vec()),
        Just(b"id: ".to_vec()),
        Just(b"retry: ".to_vec()),
        Just(b":".to_vec()),
        Just(b" ".to_vec()),
        Just(b"\r".to_vec()),
        Just(b"\n".to_vec()),
        Just(b"\r\n".to_vec()),
        Just("\u{feff}".as_bytes().to_vec()),
        Just("é€😀".as_bytes().to_vec()),
        Just(b"\xF0\x9F\x98".to_vec()),
        Just(b"\xFF\x80\xC3".to_vec()),
        Just(b"\0".to_vec()),
        Just(b"12".to_vec()),
        "[a-z{}\":,]{1,8}".prop_map(String::into_bytes),
    ]
}

fn sse_input() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        3 => prop::collection::vec(token(), 0..40).prop_map(|tokens| tokens.concat()),
        1 => prop::collection::vec(any::<u8>(), 0..200),
    ]
}

fn whole(input: &[u8], config: ParserConfig) -> Outcome {
    differential::parse(config, [input], false, true)
}

/// `input` cut at `cuts` (sorted, deduplicated, clamped).
fn split<'a>(input: &'a [u8], cuts: &[usize]) -> Vec<&'a [u8]> {
    let mut cuts: Vec<usize> = cuts.iter().map(|&c| c % (input.len() + 1)).collect();
    cuts.sort_unstable();
    let mut chunks = Vec::new();
    let mut start = 0;
    for cut in cuts {
        chunks.push(&input[start..cut]);
        start = cut;
    }
    chunks.push(&input[start..]);
    chunks
}

/// Every two-chunk split of OpenRouter-shaped lines, parsed lazily (blank
/// lines before and after make both chunks 256 bytes or more, so both are
/// queued, and frames are taken after each), gives the frames of a
/// byte-at-a-time parse, with limits around the sizes of the values: this
/// covers the fast path's lines that span chunks, cut at every byte.
#[test]
fn every_split_of_lazily_parsed_lines_gives_the_frames_of_a_byte_at_a_time_parse() {
    let mut input = vec![b'\n'; 256];
    input.extend_from_slice(
        "data: {\"a\":\"é€😀\"}\n\ndata:x\n\ndata: \n\ndata:  two spaces\n\n: comment\n\n\
         data: xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n\ndata: z\ndata: y\n\nid: 7\n\n\
         data: after id\n\ndata: \u{2028}é\n\ndata: last\n\n"
            .as_bytes(),
    );
    input.extend_from_slice(b"data: bad \xC3( \xFF\n\ndata: ok\n\n");
    let lines_end = input.len();
    input.extend_from_slice(&[b'\n'; 256]);
    let mut configs = vec![ParserConfig::default()];
    for limit in [1, 2, 3, 10, 11, 12, 20, 41, 42, 43] {
        configs.push(ParserConfig::default().max_event_bytes(limit));
    }
    for limit in [5, 6, 7, 10, 16, 17, 46, 47, 48] {
        configs.push(ParserConfig::default().max_line_bytes(limit));
    }
    for config in configs {
        let expected = differential::parse(config, input.chunks(1), false, true);
        for cut in 256..=lines_end {
            let (a, b) = input.split_at(cut);
            for shared in [true, false] {
                let got = differential::parse(config, [a, b], shared, true);
                assert_eq!(expected, got, "cut at {cut}, {config:?}");
            }
        }
    }
}

/// The first line of a stream parsed lazily, with and without a
/// byte-order mark (stripped once, and only at the very start).
#[test]
fn the_first_line_of_a_lazily_parsed_stream_strips_one_byte_order_mark() {
    for start in [
        "",
        "\u{feff}",
        "\u{feff}\u{feff}",
        "\n",
        ":c\n",
        "\u{feff}:c\n",
    ] {
        for first in ["data: a\n\n", "data: ab", "data:", "d", ""] {
            let mut input = format!("{start}{first}").into_bytes();
            input.resize(300, b'x');
            input.extend_from_slice(b"\n\ndata: next\n\n");
            let expected =
                differential::parse(ParserConfig::default(), input.chunks(1), false, true);
            for cut in [0, 1, 2, 3, 4, 8, 260, 299, 300, 301] {
                let (a, b) = input.split_at(cut);
                let got = differential::parse(ParserConfig::default(), [a, b], true, true);
                assert_eq!(expected, got, "{start:?} {first:?} cut at {cut}");
            }
            let got = differential::parse(ParserConfig::default(), [&input[..]], true, true);
            assert_eq!(expected, got, "{start:?} {first:?} whole");
        }
    }
}

proptest! {
    #[test]
    fn any_split_gives_the_frames_of_one_feed(
        input in sse_input(),
        cuts in prop::collection::vec(any::<usize>(), 0..12),
        shared in any::<bool>(),
        drain in any::<bool>(),
    ) {
        let expected = whole(&input, ParserConfig::default());
        let chunks = split(&input, &cuts);
        prop_assert_eq!(&expected, &differential::parse(ParserConfig::default(), chunks, shared, drain));
    }

    /// Every single cut point: covers each CR/LF pair, each multibyte
    /// character and the BOM being split.
    #[test]
    fn every_two_chunk_split_gives_the_frames_of_one_feed(input in sse_input(), shared in any::<bool>()) {
        let expected = whole(&input, ParserConfig::default());
        for cut in 0..=input.len() {
            let (a, b) = input.split_at(cut);
            prop_assert_eq!(&expected, &differential::parse(ParserConfig::default(), [a, b], shared, true), "cut at {}", cut);
        }
        let bytewise = differential::parse(ParserConfig::default(), input.chunks(1), shared, true);
        prop_assert_eq!(&expected, &bytewise);
    }

    /// With small limits, errors (and the recovery after them) are
    /// chunking-invariant too.
    #[test]
    fn limit_errors_do_not_depend_on_chunking(
        input in sse_input(),
        cuts in prop::collection::vec(any::<usize>(), 0..12),
        max_line in 0usize..24,
        max_event in 0usize..48,
    ) {
        let config = ParserConfig::default().max_line_bytes(max_line).max_event_bytes(max_event);
        let expected = whole(&input, config);
        prop_assert_eq!(&expected, &differential::parse(config, split(&input, &cuts), true, true));
        prop_assert_eq!(&expected, &differential::parse(config, input.chunks(1), false, false));
    }

    /// Chunks of 256 bytes or more given to `feed_bytes` (and to `feed`) are
    /// parsed lazily, with a fast path for the lines OpenRouter sends. Most
    /// inputs above are shorter: here OpenRouter-shaped lines follow a run
    /// of blank lines that makes them long enough, and the frames must be
    /// those of the byte-at-a-time parse (which never takes that path).
    #[test]
    fn lazily_parsed_chunks_give_the_frames_of_a_byte_at_a_time_parse(
        lines in prop::collection::vec(openrouter_line(), 0..24),
        cuts in prop::collection::vec(any::<usize>(), 0..6),
        limits in prop::option::of((0usize..80, 0usize..80)),
    ) {
        let mut input = vec![b'\n'; 256];
        input.extend(lines.concat());
        let config = limits.map_or_else(ParserConfig::default, |(line, event)| {
            ParserConfig::default().max_line_bytes(line).max_event_bytes(event)
        });
        let expected = differential::parse(config, input.chunks(1), false, true);
        prop_assert_eq!(&expected, &differential::parse(config, [&input[..]], true, true));
        prop_assert_eq!(&expected, &differential::parse(config, [&input[..]], false, false));
        prop_assert_eq!(&expected, &differential::parse(config, split(&input, &cuts), true, false));
        prop_assert_eq!(&expected, &differential::parse(config, split(&input, &cuts), true, true));
    }

    #[test]
    fn the_differential_fuzz_check_holds(data in prop::collection::vec(any::<u8>(), 0..300)) {
        differential::check(&data);
    }

    #[test]
    fn parse_of_encode_is_identity(
        items in prop::collection::vec(item(), 0..12),
        cuts in prop::collection::vec(any::<usize>(), 0..8),
    ) {
        let frames = with_persistent_ids(items);
        let mut encoder = Encoder::new();
        for frame in &frames {
            encoder.frame(frame).expect("encodable by construction");
        }
        let wire = encoder.take();
        let (parsed, finish) = differential::parse(ParserConfig::default(), split(&wire, &cuts), true, true);
        let parsed: Vec<Frame> = parsed.into_iter().map(|f| f.expect("no limit errors")).collect();
        prop_assert_eq!(frames, parsed);
        prop_assert!(finish.is_clean());
    }
}

/// A line of the shapes the fast path takes (`data:` with and without a
/// space, comments, blank lines) and of those it leaves to the general path
/// (other fields, CR line ends, a line cut short), with values long enough
/// for the SIMD scan and text that is ASCII, UTF-8 or invalid.
fn openrouter_line() -> impl Strategy<Value = Vec<u8>> {
    let value = prop_oneof![
        "[a-z{}\":,]{0,70}".prop_map(String::into_bytes),
        "[a-zé€😀\t ]{0,40}".prop_map(String::into_bytes),
        prop::collection::vec(any::<u8>(), 0..40),
    ];
    let start = prop_oneof![
        4 => Just(&b"data: "[..]),
        2 => Just(&b"data:"[..]),
        2 => Just(&b":"[..]),
        1 => Just(&b""[..]),
        1 => Just(&b"id: "[..]),
        1 => Just(&b"event: "[..]),
        1 => Just(&b"retry: "[..]),
        1 => Just(&b"dat"[..]),
    ];
    let end = prop_oneof![
        6 => Just(&b"\n\n"[..]),
        3 => Just(&b"\n"[..]),
        1 => Just(&b"\r\n\r\n"[..]),
        1 => Just(&b"\r"[..]),
        1 => Just(&b""[..]),
    ];
    (start, value, end).prop_map(|(start, value, end)| [start, &value[..], end].concat())
}

/// A frame the encoder can write: data without CR (a CR comes back as LF),
/// single-line event types, ids and comments, ids without NUL.
fn item() -> impl Strategy<Value = Frame> {
    let single_line = "[^\r\n]{0,12}";
    prop_oneof![
        4 => (
            "[^\r]{0,40}",
            prop::option::of(single_line),
            prop::option::of("[^\r\n\0]{0,8}"),
        )
            .prop_map(|(data, event_type, id)| {
                let mut event = Event::new(data);
                if let Some(event_type) = event_type {
                    event = event.with_event_type(event_type);
                }
                if let Some(id) = id {
                    event = event.with_id(id);
                }
                Frame::Event(event)
            }),
        1 => single_line.prop_map(|text| Frame::Comment(Comment::new(text))),
        1 => any::<u64>().prop_map(Frame::Retry),
    ]
}

/// The parser reports the last event ID in effect, which persists: an event
/// written without an id comes back with the previous one.
fn with_persistent_ids(frames: Vec<Frame>) -> Vec<Frame> {
    let mut last_id: Option<String> = None;
    frames
        .into_iter()
        .map(|frame| match frame {
            Frame::Event(event) => match (event.id(), &last_id) {
                (Some(id), _) => {
                    last_id = Some(id.to_owned());
                    Frame::Event(event)
                }
                (None, Some(id)) => Frame::Event(event.with_id(id.clone())),
                (None, None) => Frame::Event(event),
            },
            other => other,
        })
        .collect()
}
