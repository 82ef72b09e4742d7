//! Allocations per chunk, layer by layer, in this process: where the
//! client's allocations come from (SSE parsing, JSON decoding, the copy
//! handed to the caller, the accumulator), and what async-openai's decode
//! costs for the same chunks.

use bytes::Bytes;
use openrouter_sse::{Frame, Parser};
use openrouter_types::accumulator::StreamAccumulator;
use openrouter_types::chunk::ChatChunk;

use crate::alloc::Snapshot;

/// One measured layer.
pub struct Layer {
    pub name: &'static str,
    pub note: &'static str,
    pub per_chunk: PerChunk,
}

/// Counts divided by the number of chunks.
#[derive(Debug, Clone, Copy, Default)]
pub struct PerChunk {
    pub allocs: f64,
    pub reallocs: f64,
    pub bytes: f64,
}

/// Runs each layer over the chunks of `sse` (fed one event per `Bytes`, as
/// the HTTP body delivers them) and returns allocations per chunk.
pub fn run(sse: &str) -> Vec<Layer> {
    let pieces: Vec<Bytes> = sse
        .split_inclusive("\n\n")
        .map(|event| Bytes::copy_from_slice(event.as_bytes()))
        .collect();
    let data: Vec<String> = sse
        .split("\n\n")
        .filter_map(|e| e.strip_prefix("data: "))
        .filter(|d| *d != "[DONE]")
        .map(str::to_owned)
        .collect();
    let n = data.len() as u64;
    let per = |s: Snapshot| PerChunk {
        allocs: s.allocs as f64 / n as f64,
        reallocs: s.reallocs as f64 / n as f64,
        bytes: s.bytes as f64 / n as f64,
    };
    let mut layers = vec![];

    // SSE framing: events out of the byte pieces.
    // Cloned outside the measurement: the first clone of a `Bytes` made by
    // `copy_from_slice` allocates (promotion to shared), which hyper's
    // frozen body chunks never pay.
    let fed = pieces.clone();
    let before = Snapshot::now();
    let mut parser = Parser::new();
    let mut events = 0u64;
    for piece in fed {
        parser.feed_bytes(piece);
        while let Some(frame) = parser.next_frame() {
            if let Ok(Frame::Event(event)) = frame {
                events += std::hint::black_box(event).data().len() as u64;
            }
        }
    }
    std::hint::black_box(events);
    layers.push(Layer {
        name: "openrouter-sse: frames from body pieces",
        note: "`Parser::feed_bytes` + `next_frame`",
        per_chunk: per(before.since()),
    });

    // Plain serde_json decode: the JSON values themselves.
    let before = Snapshot::now();
    for d in &data {
        let chunk: ChatChunk = serde_json::from_str(d).expect("the synthetic chunks decode");
        std::hint::black_box(chunk);
    }
    layers.push(Layer {
        name: "serde_json::from_str::<ChatChunk>",
        note: "the decoded JSON values (the baseline)",
        per_chunk: per(before.since()),
    });

    // What the client does: the fast path, strings inline or shared with the
    // event's buffer (the `Bytes` an SSE event hands out).
    let buffers: Vec<Bytes> = data
        .iter()
        .map(|d| Bytes::copy_from_slice(d.as_bytes()))
        .collect();
    // Promoted to shared outside the measurement, as for the SSE pieces above.
    let promoted = buffers.clone();
    let before = Snapshot::now();
    for buffer in &buffers {
        let text = std::str::from_utf8(buffer).expect("UTF-8");
        let chunk = ChatChunk::from_json_in(text, buffer).expect("the synthetic chunks decode");
        std::hint::black_box(chunk);
    }
    layers.push(Layer {
        name: "ChatChunk::from_json_in",
        note: "the client's decode: strings inline or shared with the event's buffer",
        per_chunk: per(before.since()),
    });
    drop(promoted);
    let chunks: Vec<ChatChunk> = data
        .iter()
        .map(|d| serde_json::from_str(d).expect("decodes"))
        .collect();

    // The path-tracking decode the client keeps for a chunk that fails to decode.
    let before = Snapshot::now();
    for d in &data {
        let mut de = serde_json::Deserializer::from_str(d);
        let chunk: ChatChunk = serde_path_to_error::deserialize(&mut de).expect("decodes");
        std::hint::black_box(chunk);
    }
    layers.push(Layer {
        name: "serde_path_to_error::deserialize::<ChatChunk>",
        note: "only for a chunk that failed the plain decode, to name the JSON path",
        per_chunk: per(before.since()),
    });

    // What `ChatStream` does per chunk after decoding: fold it into the
    // accumulator by reference, then hand the chunk itself to the caller.
    let before = Snapshot::now();
    let mut accumulator = StreamAccumulator::new();
    let mut events = Vec::with_capacity(1);
    for chunk in chunks {
        accumulator.push_ref(&chunk);
        events.push(openrouter_api::StreamEvent::Chunk(chunk));
        std::hint::black_box(events.pop());
    }
    let completion = accumulator.finish().completion;
    std::hint::black_box(completion);
    layers.push(Layer {
        name: "StreamAccumulator::push_ref + StreamEvent::Chunk + finish",
        note: "text appended to one growing String; the chunk moves to the caller unboxed",
        per_chunk: per(before.since()),
    });

    // async-openai's chunk type, same JSON.
    let before = Snapshot::now();
    for d in &data {
        let chunk: async_openai::types::chat::CreateChatCompletionStreamResponse =
            serde_json::from_str(d).expect("async-openai decodes OpenRouter chunks");
        std::hint::black_box(chunk);
    }
    layers.push(Layer {
        name: "serde_json::from_str::<async_openai CreateChatCompletionStreamResponse>",
        note: "async-openai's decoded values, for comparison",
        per_chunk: per(before.since()),
    });
    layers
}
