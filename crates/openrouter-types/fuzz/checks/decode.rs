//! The decode check shared by the `decode_roundtrip` fuzz target and the
//! corpus replay test in `tests/it/fuzz_corpus.rs`: any bytes given to any
//! response type either fail to decode or decode to a value that encodes and
//! decodes back to itself.
//!
//! Input layout: byte 0 picks the type (modulo the number of types), the rest
//! is the body.

use std::fmt::Debug;

use openrouter_types::models::Data;
use openrouter_types::{
    ChatChunk, ChatCompletion, Credits, EmbeddingsResponse, EndpointsList, ErrorResponse,
    Generation, KeyInfo, ModelsList, Provider, Usage, keys, models, responses,
};
use serde::Serialize;
use serde::de::DeserializeOwned;

/// The response types, by selector byte.
pub const TYPES: &[&str] = &[
    "ChatCompletion",
    "ChatChunk",
    "ErrorResponse",
    "Usage",
    "Data<Credits>",
    "EmbeddingsResponse",
    "Data<EndpointsList>",
    "Data<Generation>",
    "Data<KeyInfo>",
    "Data<Vec<keys::ApiKey>>",
    "keys::CreateKeyResponse",
    "ModelsList",
    "Data<models::Model>",
    "Data<Vec<Provider>>",
    "responses::Response",
    "responses::StreamEvent",
    "keys::DeleteKeyResponse",
];

/// Runs the check; panics with a description on a failed round trip.
pub fn check(data: &[u8]) {
    let Some((&selector, body)) = data.split_first() else {
        return;
    };
    match usize::from(selector) % TYPES.len() {
        0 => round_trip::<ChatCompletion>(body),
        1 => {
            fast_path_agrees(body);
            round_trip::<ChatChunk>(body);
        }
        2 => round_trip::<ErrorResponse>(body),
        3 => round_trip::<Usage>(body),
        4 => round_trip::<Data<Credits>>(body),
        5 => round_trip::<EmbeddingsResponse>(body),
        6 => round_trip::<Data<EndpointsList>>(body),
        7 => round_trip::<Data<Generation>>(body),
        8 => round_trip::<Data<KeyInfo>>(body),
        9 => round_trip::<Data<Vec<keys::ApiKey>>>(body),
        10 => round_trip::<keys::CreateKeyResponse>(body),
        11 => round_trip::<ModelsList>(body),
        12 => round_trip::<Data<models::Model>>(body),
        13 => round_trip::<Data<Vec<Provider>>>(body),
        14 => round_trip::<responses::Response>(body),
        15 => round_trip::<responses::StreamEvent>(body),
        _ => round_trip::<keys::DeleteKeyResponse>(body),
    }
}

/// `ChatChunk::from_json` (a fast path that falls back to serde_json) gives
/// what serde_json gives: the same chunk, or the same error.
fn fast_path_agrees(body: &[u8]) {
    let Ok(text) = std::str::from_utf8(body) else {
        return;
    };
    match (
        ChatChunk::from_json(text),
        serde_json::from_str::<ChatChunk>(text),
    ) {
        (Ok(fast), Ok(serde)) => assert_eq!(fast, serde, "the fast path decoded differently"),
        (Err(fast), Err(serde)) => assert_eq!(fast.to_string(), serde.to_string()),
        (fast, serde) => panic!("the fast path disagrees: {fast:?}, serde_json: {serde:?}"),
    }
}

fn round_trip<T>(body: &[u8])
where
    T: DeserializeOwned + Serialize + PartialEq + Debug,
{
    let Ok(first) = serde_json::from_slice::<T>(body) else {
        return;
    };
    let encoded = serde_json::to_vec(&first).expect("a decoded value encodes");
    let second: T = match serde_json::from_slice(&encoded) {
        Ok(second) => second,
        Err(e) => panic!(
            "{} does not decode its own encoding ({e})\nencoded: {}",
            std::any::type_name::<T>(),
            String::from_utf8_lossy(&encoded)
        ),
    };
    assert_eq!(
        first,
        second,
        "{} changed in an encode → decode round trip\nencoded: {}",
        std::any::type_name::<T>(),
        String::from_utf8_lossy(&encoded)
    );
    // Encoding is deterministic and a fixed point after one round.
    let again = serde_json::to_vec(&second).expect("a decoded value encodes");
    assert_eq!(
        String::from_utf8_lossy(&encoded),
        String::from_utf8_lossy(&again),
        "{} encodes differently after a round trip",
        std::any::type_name::<T>()
    );
}
