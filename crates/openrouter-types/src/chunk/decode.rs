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
            "id" => {
                seen.first(0)?;
                chunk.id = cursor.string()?;
            }
            "object" => {
                seen.first(1)?;
                chunk.object = cursor.optional_parsed()?;
            }
            "created" => {
                seen.first(2)?;
                chunk.created = i64::try_from(cursor.integer()?).ok()?;
            }
            "model" => {
                seen.first(3)?;
                chunk.model = cursor.string()?;
            }
            "provider" => {
                seen.first(4)?;
                chunk.provider = cursor.optional_parsed()?;
            }
            "system_fingerprint" => {
                seen.first(5)?;
                chunk.system_fingerprint = cursor.optional_string()?;
            }
            "service_tier" => {
                seen.first(6)?;
                chunk.service_tier = cursor.optional_parsed()?;
            }
            "choices" => {
                seen.first(7)?;
                // One choice is the rule; a `ChunkChoice` is large, and
                // `Vec`'s first growth would reserve four.
                chunk.choices.reserve_exact(1);
                cursor.array(|cursor| {
                    chunk.choices.push(choice(cursor)?);
                    Some(())
                })?;
            }
            "usage" => {
                seen.first(8)?;
                chunk.usage = cursor.value()?;
            }
            "error" => {
                seen.first(9)?;
                chunk.error = cursor.value()?;
            }
            "debug" => {
                seen.first(10)?;
                chunk.debug = cursor.value()?;
            }
            "openrouter_metadata" => {
                seen.first(11)?;
                chunk.openrouter_metadata = cursor.value()?;
            }
            other => unknown(cursor, &mut chunk.extra, other)?,
        }
        Some(())
    })?;
    cursor.at_end().then_some(chunk)
}

fn choice(cursor: &mut Cursor<'_>) -> Option<ChunkChoice> {
    let mut choice = ChunkChoice::default();
    let mut seen = Seen::default();
    cursor.object(|cursor, key| {
        match key {
            "index" => {
                seen.first(0)?;
                choice.index = u32::try_from(cursor.integer()?).ok()?;
            }
            "delta" => {
                seen.first(1)?;
                choice.delta = delta(cursor)?;
            }
            "finish_reason" => {
                seen.first(2)?;
                choice.finish_reason = cursor.optional_parsed()?;
            }
            "native_finish_reason" => {
                seen.first(3)?;
                choice.native_finish_reason = cursor.optional_string()?;
            }
            "logprobs" => {
                seen.first(4)?;
                choice.logprobs = cursor.value()?;
            }
            "error" => {
                seen.first(5)?;
                choice.error = cursor.value()?;
            }
            other => unknown(cursor, &mut choice.extra, other)?,
        }
        Some(())
    })?;
    Some(choice)
}

fn delta(cursor: &mut Cursor<'_>) -> Option<Delta> {
    let mut delta = Delta::default();
    let mut seen = Seen::default();
    cursor.object(|cursor, key| {
        match key {
            "role" => {
                seen.first(0)?;
                delta.role = cursor.optional_parsed()?;
            }
            "content" => {
                seen.first(1)?;
                delta.content = cursor.optional_string()?;
            }
            "reasoning" => {
                seen.first(2)?;
                delta.reasoning = cursor.optional_string()?;
            }
            "refusal" => {
                seen.first(3)?;
                delta.refusal = cursor.optional_string()?;
            }
            "reasoning_details" => {
                seen.first(4)?;
                delta.reasoning_details = cursor.value()?;
            }
            "tool_calls" => {
                seen.first(5)?;
                delta.tool_calls = cursor.value()?;
            }
            "audio" => {
                seen.first(6)?;
                delta.audio = cursor.value()?;
            }
            "images" => {
                seen.first(7)?;
                delta.images = cursor.value()?;
            }
            "annotations" => {
                seen.first(8)?;
                delta.annotations = cursor.value()?;
            }
            other => unknown(cursor, &mut delta.extra, other)?,
        }
        Some(())
    })?;
    Some(delta)
}

/// A field this version does not model, kept in `extra` as serde's flatten
/// would keep it; a repeated one is left to serde_json.
fn unknown(cursor: &mut Cursor<'_>, extra: &mut Extra, key: &str) -> Option<()> {
    let value = cursor.value()?;
    extra.insert(key.to_owned(), value).is_none().then_some(())
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
