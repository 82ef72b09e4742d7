//! `StreamAccumulator::push_ref` against `push`: the same result on every stream we have.
//!
//! The two entry points share their merge helpers but destructure the chunk
//! separately (one moves, one borrows); these tests catch a field folded by
//! one and forgotten or merged differently by the other.

use openrouter_types::{ChatChunk, StreamAccumulator, StreamResult};
use proptest::prelude::*;

use crate::support;

/// Every stream body: the chat streams of `support::chat_streams` (stream
/// captures, fetch-hooks transcripts, `fixtures/chat/*.sse`) plus every other
/// `captures/*.sse`, decoded into the chunks a client would fold.
fn streams() -> Vec<(String, Vec<ChatChunk>)> {
    let mut bodies = support::chat_streams();
    for path in support::captures("", ".sse") {
        let name = format!("capture_{}", support::stem(&path));
        if !bodies.iter().any(|(n, _)| *n == name) {
            bodies.push((name, std::fs::read(&path).unwrap()));
        }
    }
    bodies
        .into_iter()
        .map(|(name, bytes)| {
            // Responses API captures carry events that are not chat chunks;
            // whatever does decode as one is folded like any other chunk.
            let chunks = support::sse_payloads(&bytes)
                .iter()
                .filter_map(|data| serde_json::from_str::<ChatChunk>(data).ok())
                .collect();
            (name, chunks)
        })
        .collect()
}

fn by_value(chunks: &[ChatChunk]) -> StreamResult {
    let mut acc = StreamAccumulator::new();
    for chunk in chunks {
        acc.push(chunk.clone());
    }
    acc.finish()
}

fn by_ref(chunks: &[ChatChunk]) -> StreamResult {
    let mut acc = StreamAccumulator::new();
    for chunk in chunks {
        acc.push_ref(chunk);
    }
    acc.finish()
}

#[test]
fn push_ref_gives_the_same_result_as_push_on_every_stream() {
    let streams = streams();
    let mut folded = 0;
    for (name, chunks) in &streams {
        let expected = by_value(chunks);
        let actual = by_ref(chunks);
        // Compare the JSON too: it names the differing field in the diff.
        support::assert_round_trip(
            name,
            &serde_json::to_value(&expected.completion).unwrap(),
            &serde_json::to_value(&actual.completion).unwrap(),
        );
        assert_eq!(expected, actual, "{name}");
        folded += chunks.len();
    }
    assert!(
        streams.iter().any(|(n, _)| n.starts_with("fixture_")),
        "no fixture streams were found"
    );
    println!(
        "{} streams, {folded} chunks folded both ways",
        streams.len()
    );
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, failure_persistence: None, ..ProptestConfig::default() })]

    /// Any mix of `push` and `push_ref` within one stream gives the `push` result.
    #[test]
    fn push_and_push_ref_interleave(pick in any::<prop::sample::Index>(), by_ref_mask in any::<u64>()) {
        let streams = streams();
        let (name, chunks) = &streams[pick.index(streams.len())];
        let mut acc = StreamAccumulator::new();
        for (i, chunk) in chunks.iter().enumerate() {
            if by_ref_mask.rotate_left(i as u32) & 1 == 1 {
                acc.push_ref(chunk);
            } else {
                acc.push(chunk.clone());
            }
        }
        prop_assert_eq!(acc.finish(), by_value(chunks), "{}", name);
    }
}
