//! The fast path of [`ChatChunk::from_json`]: the chunk's own fields read
//! straight off the text, strings shared or inline, everything rare or
//! nested handed to serde_json. It returns `None` whenever it is not sure,
//! and the caller then decodes with serde_json, so both paths agree on
//! every input (a property the fuzz target and the tests check).

use bytes::Bytes;

use super::cursor::Cursor;
use super::{ChatChunk, ChunkChoice, Delta};
use crate::Extra;

/// Decodes `text` (lying inside `buffer`, if given), or `None`.
pub(super) fn chunk(text: &str, buffer: Option<&Bytes>) -> Option<ChatChunk> {
    let mut cursor = Cursor::new(text, buffer);
    let mut chunk = ChatChunk {
        id: Default::default(),
        object: None,
        created: 0,
        model: Default::default(),
        provider: None,
        system_fingerprint: None,
        service_tier: None,
        choices: Vec::new(),
        usage: None,
        error: None,
        debug: None,
        openrouter_metadata: None,
        extra: Extra::new(),
    };
    let mut seen = Seen::default();
    cursor.object(|cursor, key| {
        match key {
            b"id" => {
                seen.first(0)?;
                chunk.id = cursor.string()?;
            }
            b"object" => {
                seen.first(1)?;
                chunk.object = cursor.optional_parsed()?;
            }
            b"created" => {
                seen.first(2)?;
                chunk.created = i64::try_from(cursor.integer()?).ok()?;
            }
            b"model" => {
                seen.first(3)?;
                chunk.model = cursor.string()?;
            }
            b"provider" => {
                seen.first(4)?;
                chunk.provider = cursor.optional_parsed()?;
            }
            b"system_fingerprint" => {
                seen.first(5)?;
                chunk.system_fingerprint = cursor.optional_string()?;
            }
            b"service_tier" => {
                seen.first(6)?;
                chunk.service_tier = cursor.optional_parsed()?;
            }
            b"choices" => {
                seen.first(7)?;
                // One choice is the rule; a `ChunkChoice` is large, and
                // `Vec`'s first growth would reserve four.
                chunk.choices.reserve_exact(1);
                cursor.array(|cursor| {
                    // Filled in place: a `ChunkChoice` is large to move.
                    chunk.choices.push(ChunkChoice::default());
                    choice(cursor, chunk.choices.last_mut()?)
                })?;
            }
            b"usage" => {
                seen.first(8)?;
                chunk.usage = cursor.optional_value()?;
            }
            b"error" => {
                seen.first(9)?;
                chunk.error = cursor.optional_value()?;
            }
            b"debug" => {
                seen.first(10)?;
                chunk.debug = cursor.optional_value()?;
            }
            b"openrouter_metadata" => {
                seen.first(11)?;
                chunk.openrouter_metadata = cursor.optional_value()?;
            }
            other => unknown(cursor, &mut chunk.extra, other)?,
        }
        Some(())
    })?;
    cursor.at_end().then_some(chunk)
}

fn choice(cursor: &mut Cursor<'_>, choice: &mut ChunkChoice) -> Option<()> {
    let mut seen = Seen::default();
    cursor.object(|cursor, key| {
        match key {
            b"index" => {
                seen.first(0)?;
                choice.index = u32::try_from(cursor.integer()?).ok()?;
            }
            b"delta" => {
                seen.first(1)?;
                delta(cursor, &mut choice.delta)?;
            }
            b"finish_reason" => {
                seen.first(2)?;
                choice.finish_reason = cursor.optional_parsed()?;
            }
            b"native_finish_reason" => {
                seen.first(3)?;
                choice.native_finish_reason = cursor.optional_string()?;
            }
            b"logprobs" => {
                seen.first(4)?;
                choice.logprobs = cursor.optional_value()?;
            }
            b"error" => {
                seen.first(5)?;
                choice.error = cursor.optional_value()?;
            }
            other => unknown(cursor, &mut choice.extra, other)?,
        }
        Some(())
    })
}

fn delta(cursor: &mut Cursor<'_>, delta: &mut Delta) -> Option<()> {
    let mut seen = Seen::default();
    cursor.object(|cursor, key| {
        match key {
            b"role" => {
                seen.first(0)?;
                delta.role = cursor.optional_parsed()?;
            }
            b"content" => {
                seen.first(1)?;
                delta.content = cursor.optional_string()?;
            }
            b"reasoning" => {
                seen.first(2)?;
                delta.reasoning = cursor.optional_string()?;
            }
            b"refusal" => {
                seen.first(3)?;
                delta.refusal = cursor.optional_string()?;
            }
            b"reasoning_details" => {
                seen.first(4)?;
                delta.reasoning_details = cursor.optional_value()?;
            }
            b"tool_calls" => {
                seen.first(5)?;
                delta.tool_calls = cursor.optional_value()?;
            }
            b"audio" => {
                seen.first(6)?;
                delta.audio = cursor.optional_value()?;
            }
            b"images" => {
                seen.first(7)?;
                delta.images = cursor.optional_value()?;
            }
            b"annotations" => {
                seen.first(8)?;
                delta.annotations = cursor.optional_value()?;
            }
            other => unknown(cursor, &mut delta.extra, other)?,
        }
        Some(())
    })
}

/// Compiles only while the fast path names every field of the types it
/// fills: a field added to `ChunkChoice` or `Delta` (`ChatChunk` is built
/// by a struct literal in `chunk`) must be read above, or the fast path
/// would put it in `extra` where serde_json fills the field.
const _: fn(&ChunkChoice, &Delta) = |choice, delta| {
    let ChunkChoice {
        index: _,
        delta: _,
        finish_reason: _,
        native_finish_reason: _,
        logprobs: _,
        error: _,
        extra: _,
    } = choice;
    let Delta {
        role: _,
        content: _,
        reasoning: _,
        refusal: _,
        reasoning_details: _,
        tool_calls: _,
        audio: _,
        images: _,
        annotations: _,
        extra: _,
    } = delta;
};

/// A field this version does not model, kept in `extra` as serde's flatten
/// would keep it; a repeated one is left to serde_json.
fn unknown(cursor: &mut Cursor<'_>, extra: &mut Extra, key: &[u8]) -> Option<()> {
    let key = Cursor::checked_key(key)?.to_owned();
    let value = cursor.value()?;
    extra.insert(key, value).is_none().then_some(())
}

/// Known fields already read in one object: a repeated one is left to
/// serde_json (which rejects it).
#[derive(Default)]
struct Seen(u16);

impl Seen {
    fn first(&mut self, field: u8) -> Option<()> {
        let bit = 1 << field;
        let first = self.0 & bit == 0;
        self.0 |= bit;
        first.then_some(())
    }
}
