//! One streamed chat chunk decoded N times by one decoder, for callgrind and
//! for CPU time (issue 18's "a faster JSON decoder" direction):
//!
//! `decode_profile DECODER [N]`, DECODER one of `fast` (`ChatChunk::from_json_in`,
//! the client's decode), `serde` (`serde_json::from_str::<ChatChunk>`) or `sonic`
//! (`sonic_rs::from_str::<ChatChunk>`, through the same serde derives; needs
//! `--features sonic`). Count only the decoding:
//! `valgrind --tool=callgrind --toggle-collect=decode_profile::decode_one target/release/decode_profile DECODER 10000`,
//! then divide the `totals:` line by N.

use bytes::Bytes;
use openrouter_types::ChatChunk;

/// Content deltas as the e2e server sends them: some escaped, some not ASCII.
const WORDS: &[&str] = &[
    " the",
    " stream",
    "ing",
    r#" \"quotes\""#,
    r#" new\nlines"#,
    " Ünï",
    r#"c\u00f8d\u00e9"#,
];

fn main() -> Result<(), String> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let decoder = args
        .first()
        .ok_or("usage: decode_profile fast|serde|sonic [N]")?
        .clone();
    let n: usize = args
        .get(1)
        .map_or(Ok(10_000), |n| n.parse())
        .map_err(|e| format!("N: {e}"))?;
    if !matches!(decoder.as_str(), "fast" | "serde" | "sonic") {
        return Err(format!("unknown decoder `{decoder}` (fast|serde|sonic)"));
    }
    let buffers: Vec<Bytes> = (0..n)
        .map(|i| {
            Bytes::from(format!(
                concat!(
                    r#"{{"id":"gen-1754441342-hIkMo7SMi0ZecQw3oR4d","provider":"OpenAI","model":"openai/gpt-4o","#,
                    r#""object":"chat.completion.chunk","created":1754441342,"choices":[{{"index":0,"#,
                    r#""delta":{{"role":"assistant","content":"{}"}},"finish_reason":null,"#,
                    r#""native_finish_reason":null,"logprobs":null}}],"system_fingerprint":"fp_07871e2ad8"}}"#
                ),
                WORDS[i % WORDS.len()]
            ))
        })
        .collect();
    // Shared before the measurement, as hyper's body chunks are.
    let _promoted = buffers.clone();
    let mut choices = 0;
    for buffer in &buffers {
        choices += decode_one(&decoder, buffer)?;
    }
    println!("{choices} choices");
    Ok(())
}

#[inline(never)]
fn decode_one(decoder: &str, buffer: &Bytes) -> Result<usize, String> {
    let text = std::str::from_utf8(buffer).map_err(|e| e.to_string())?;
    let chunk = match decoder {
        "fast" => ChatChunk::from_json_in(text, buffer).map_err(|e| e.to_string())?,
        "serde" => serde_json::from_str::<ChatChunk>(text).map_err(|e| e.to_string())?,
        _ => sonic(text)?,
    };
    Ok(std::hint::black_box(chunk).choices.len())
}

#[cfg(feature = "sonic")]
fn sonic(text: &str) -> Result<ChatChunk, String> {
    sonic_rs::from_str(text).map_err(|e| e.to_string())
}

#[cfg(not(feature = "sonic"))]
fn sonic(_: &str) -> Result<ChatChunk, String> {
    Err("built without `--features sonic`".into())
}
