//! Inputs and one adapter per parser for the SSE benchmarks, kept out of the
//! bench file so `cargo test --manifest-path bench/Cargo.toml` can check that
//! every parser reads the same events from the same input before timing them.

use bytes::Bytes;
use futures::executor::block_on;
use futures::{StreamExt, TryStreamExt, stream};

/// What a parser read: events with data, and their data bytes (so work is
/// not optimised away and parsers can be compared).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Tally {
    pub events: usize,
    pub data_bytes: usize,
}

impl Tally {
    fn add(&mut self, data_len: usize) {
        self.events += 1;
        self.data_bytes += data_len;
    }
}

/// An OpenRouter-shaped chat stream of about `target_len` bytes: a keep-alive
/// comment every eight events, ~300-byte `data:` JSON chunks, a final usage
/// chunk and `[DONE]`.
pub fn openrouter_stream(target_len: usize) -> Vec<u8> {
    let words = [
        "Hello",
        ", world",
        "! Streaming",
        " tokens",
        " from",
        " a",
        " model",
        " — ünïcödé",
    ];
    let mut out = Vec::with_capacity(target_len + 1024);
    out.extend_from_slice(b": OPENROUTER PROCESSING\n\n");
    let mut i = 0;
    while out.len() < target_len {
        if i % 8 == 7 {
            out.extend_from_slice(b": OPENROUTER PROCESSING\n\n");
        }
        let word = words[i % words.len()];
        let chunk = format!(
            "data: {{\"id\":\"gen-1764115200-aBcDeFgHiJkLmNoPqRsT\",\"provider\":\"OpenAI\",\
             \"model\":\"openai/gpt-4o-mini\",\"object\":\"chat.completion.chunk\",\"created\":1764115200,\
             \"choices\":[{{\"index\":0,\"delta\":{{\"role\":\"assistant\",\"content\":\"{word}\"}},\
             \"finish_reason\":null,\"native_finish_reason\":null,\"logprobs\":null}}],\
             \"system_fingerprint\":\"fp_{i:010}\"}}\n\n"
        );
        out.extend_from_slice(chunk.as_bytes());
        i += 1;
    }
    out.extend_from_slice(
        b"data: {\"id\":\"gen-1764115200-aBcDeFgHiJkLmNoPqRsT\",\"provider\":\"OpenAI\",\"model\":\"openai/gpt-4o-mini\",\
\"object\":\"chat.completion.chunk\",\"created\":1764115200,\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\
\"content\":\"\"},\"finish_reason\":\"stop\",\"native_finish_reason\":\"stop\",\"logprobs\":null}],\"usage\":{\
\"prompt_tokens\":17,\"completion_tokens\":4096,\"total_tokens\":4113,\"cost\":0.0001025,\"is_byok\":false}}\n\n\
data: [DONE]\n\n",
    );
    out
}

/// One `data:` line of `len` payload bytes, then a blank line.
pub fn long_line(len: usize) -> Vec<u8> {
    let mut out = Vec::with_capacity(len + 8);
    out.extend_from_slice(b"data: ");
    out.extend((0..len).map(|i| b"{\"content\":\"abcdefghijklmnopqrstuvwxyz\"},"[i % 40]));
    out.extend_from_slice(b"\n\n");
    out
}

/// `input` cut into `size`-byte chunks (`None`: one chunk), as shared `Bytes`
/// so feeding a chunk to any parser is a reference-count increment.
pub fn split(input: &[u8], size: Option<usize>) -> Vec<Bytes> {
    let whole = Bytes::copy_from_slice(input);
    match size {
        None => vec![whole],
        Some(size) => (0..input.len())
            .step_by(size)
            .map(|i| whole.slice(i..(i + size).min(input.len())))
            .collect(),
    }
}

/// openrouter-sse, fed shared `Bytes` (zero-copy data).
pub fn ours_bytes(chunks: &[Bytes]) -> Tally {
    let mut parser = openrouter_sse::Parser::new();
    let mut tally = Tally::default();
    for chunk in chunks {
        parser.feed_bytes(chunk.clone());
        drain(&mut parser, &mut tally);
    }
    let _ = parser.finish();
    drain(&mut parser, &mut tally);
    tally
}

/// openrouter-sse, fed borrowed `&[u8]` (data copied once).
pub fn ours_slice(chunks: &[Bytes]) -> Tally {
    let mut parser = openrouter_sse::Parser::new();
    let mut tally = Tally::default();
    for chunk in chunks {
        parser.feed(chunk);
        drain(&mut parser, &mut tally);
    }
    let _ = parser.finish();
    drain(&mut parser, &mut tally);
    tally
}

fn drain(parser: &mut openrouter_sse::Parser, tally: &mut Tally) {
    while let Some(frame) = parser.next_frame() {
        if let Ok(openrouter_sse::Frame::Event(event)) = frame {
            tally.add(event.data().len());
        }
    }
}

fn byte_stream(
    chunks: &[Bytes],
) -> impl futures::Stream<Item = Result<Bytes, std::io::Error>> + Unpin + '_ {
    stream::iter(chunks.iter().cloned().map(Ok))
}

/// eventsource-stream 0.2 (used by reqwest-eventsource and async-openai).
pub fn eventsource_stream(chunks: &[Bytes]) -> Tally {
    use eventsource_stream::Eventsource;
    block_on(async {
        let mut events = byte_stream(chunks).eventsource();
        let mut tally = Tally::default();
        while let Some(event) = events.next().await {
            if let Ok(event) = event {
                tally.add(event.data.len());
            }
        }
        tally
    })
}

/// sse-stream 0.3.
pub fn sse_stream(chunks: &[Bytes]) -> Tally {
    block_on(async {
        let mut events = sse_stream::SseByteStream::new(byte_stream(chunks));
        let mut tally = Tally::default();
        while let Some(event) = events.next().await {
            if let Ok(sse_stream::Sse {
                data: Some(data), ..
            }) = event
            {
                tally.add(data.len());
            }
        }
        tally
    })
}

/// sseer 0.3.
pub fn sseer(chunks: &[Bytes]) -> Tally {
    block_on(async {
        let mut events = sseer::EventStream::new(byte_stream(chunks));
        let mut tally = Tally::default();
        while let Some(event) = events.next().await {
            if let Ok(event) = event {
                tally.add(event.data.len());
            }
        }
        tally
    })
}

/// async-sse 5.1 (http-rs), which reads from an `AsyncBufRead`.
pub fn async_sse(chunks: &[Bytes]) -> Tally {
    block_on(async {
        let reader = byte_stream(chunks).into_async_read();
        let mut events = async_sse::decode(reader);
        let mut tally = Tally::default();
        while let Some(event) = events.next().await {
            if let Ok(async_sse::Event::Message(message)) = event {
                tally.add(message.data().len());
            }
        }
        tally
    })
}

/// The floor: find every LF with `memchr` and do nothing else. `events`
/// counts lines here.
pub fn memchr_scan(chunks: &[Bytes]) -> Tally {
    let mut tally = Tally::default();
    for chunk in chunks {
        for i in memchr::memchr_iter(b'\n', chunk) {
            tally.add(i);
        }
    }
    tally
}

/// Every parser, by the name used in reports.
pub const PARSERS: &[(&str, fn(&[Bytes]) -> Tally)] = &[
    ("openrouter-sse (Bytes)", ours_bytes),
    ("openrouter-sse (&[u8])", ours_slice),
    ("eventsource-stream 0.2", eventsource_stream),
    ("sse-stream 0.3", sse_stream),
    ("sseer 0.3", sseer),
    ("async-sse 5.1", async_sse),
    ("memchr newline scan", memchr_scan),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_parser_reads_the_same_events() {
        let input = openrouter_stream(64 * 1024);
        for size in [None, Some(1), Some(7), Some(1460)] {
            let chunks = split(&input, size);
            let expected = ours_bytes(&chunks);
            assert!(expected.events > 100);
            for (name, parse) in &PARSERS[..PARSERS.len() - 1] {
                assert_eq!(parse(&chunks), expected, "{name} with chunk size {size:?}");
            }
        }
        let line = long_line(1 << 20);
        for (name, parse) in &PARSERS[..PARSERS.len() - 1] {
            assert_eq!(
                parse(&split(&line, Some(1460))),
                Tally {
                    events: 1,
                    data_bytes: 1 << 20
                },
                "{name}"
            );
        }
    }
}
