//! The fast path of [`Parser::next_frame`] over the chunks parsed lazily
//! (from `feed_bytes`, and `feed` chunks of 256 bytes or more): between blocks, with nothing buffered, the lines OpenRouter sends (a
//! `data:` line followed by a blank line, a comment, a blank line) become
//! frames straight from the chunk, without the general path's buffers and
//! with the line end and the ASCII check found in one pass.
//!
//! [`line`] only looks (positions, no `Bytes`); the caller builds the frame
//! as the value it returns, so the frame is written once, where it is
//! returned, rather than moved through temporaries (those moves measured
//! slower than the instructions they cost: a `Bytes` written field by field
//! and then copied whole stalls store forwarding).

use bytes::Bytes;

use super::span::Step;
use super::{Parser, ParserConfig};
use crate::frame::Event;
use crate::scan::scan_line;
use crate::utf8::{Checked, Utf8Bytes};

/// What [`Parser::next_fast_line`] found.
///
/// The value found is left in `Parser::found`, so this fits a register
/// (a larger result goes through memory, and the caller, which inlines
/// `next_frame`, sets that memory up on every call, frame or not).
#[derive(Clone, Copy)]
pub(super) enum Found {
    /// No input left.
    Nothing,
    /// A line for the general path.
    Other,
    /// A `data:` line and a blank line in the first pending chunk, read
    /// past: an event with the data in `Parser::found`.
    Event,
    /// A comment line in the first pending chunk, read past; its text is in
    /// `Parser::found`.
    Comment,
    /// A `data:` line begun in an earlier chunk and a blank line, read
    /// past: an event with the data in the arena (`Parser::found` says
    /// where).
    Spanned,
    /// A frame in `Parser::ready` (an error).
    Ready,
}

/// What the fast path found at the read position of a chunk.
enum Line {
    /// The end of the chunk.
    End,
    /// A blank line with no field since the last one: nothing to dispatch,
    /// the last event ID is already committed. The next line starts at the
    /// position given.
    Blank(usize),
    /// A `data:` line and a blank line: an event with this data.
    Event(Value),
    /// A comment line with this text.
    Comment(Value),
    /// A `data:` line that does not end in the chunk.
    Tail,
    /// A line for the general path.
    Other,
}

/// A valid UTF-8 value in a chunk, and where the next line starts.
#[derive(Clone, Copy)]
struct Value {
    text: Checked,
    next: usize,
}

impl Parser {
    /// Whether the parser is between blocks with nothing buffered: no line
    /// begun, no CR whose LF may follow, no field seen since the last blank
    /// line (so no data or event type buffered, and the id buffer equals the
    /// last event ID), not resynchronising. [`line`] is only for this state,
    /// which each line it takes keeps. (A byte-order mark may still be due
    /// at the stream's start: see `next_fast_line`.)
    #[inline]
    pub(super) fn between_blocks(&self) -> bool {
        self.partial.is_empty()
            && !self.after_cr
            && !self.block_open
            && !self.resync
            && !self.discarding_line
    }

    /// The next line of a shape the fast path takes, between blocks: blank
    /// lines are skipped, chunks read to their end dropped, and the line
    /// found is read past. Only positions: the caller builds the frame
    /// from the first pending chunk.
    #[inline(never)]
    pub(super) fn next_fast_line(&mut self) -> Found {
        loop {
            if !self.between_blocks() {
                if self.partial.is_empty() {
                    return Found::Other;
                }
                // A `data:` line begun in an earlier chunk.
                match self.continue_data_line() {
                    Step::Done(found) => return found,
                    Step::Next => continue,
                }
            }
            let Some(chunk) = self.pending.front() else {
                return Found::Nothing;
            };
            if self.at_stream_start {
                // The first line: a line that starts as the fast path's do
                // does not start with a byte-order mark, so there is none to
                // strip (the general path clears the flag at its end).
                match chunk.get(self.pending_pos) {
                    Some(b'd' | b':' | b'\n') => self.at_stream_start = false,
                    _ => return Found::Other,
                }
            }
            match line(chunk, self.pending_pos, &self.config) {
                Line::End => {
                    self.pending.pop_front();
                    self.pending_pos = 0;
                }
                Line::Blank(next) => self.pending_pos = next,
                Line::Event(data) => {
                    self.pending_pos = data.next;
                    self.found = data.text;
                    return Found::Event;
                }
                Line::Comment(text) => {
                    self.pending_pos = text.next;
                    self.found = text.text;
                    return Found::Comment;
                }
                Line::Tail => {
                    // Kept as the general path keeps the start of a line;
                    // `continue_data_line` takes it from there.
                    let pos = self.pending_pos;
                    if let Some(chunk) = self.pending.pop_front() {
                        self.pending_pos = 0;
                        self.extend_partial(chunk.get(pos..).unwrap_or_default());
                    }
                    if self.ready.is_some() {
                        return Found::Ready;
                    }
                }
                Line::Other => return Found::Other,
            }
        }
    }

    /// An event of the default type with the data found, a slice of
    /// `chunk`, and the last event ID.
    #[inline(always)]
    pub(super) fn found_event(&self, chunk: &Bytes) -> Event {
        debug_assert!(self.id_buffer == self.last_event_id);
        Event::with_last_id(self.found.slice(chunk), self.last_event_id.as_ref())
    }
}

/// The line at `pos` of `chunk`, if it is of a shape the fast path takes:
/// a blank line; a `data:` line followed by a blank line, both LF-terminated,
/// inside the chunk and within the limits, with valid UTF-8; a comment line,
/// LF-terminated, inside the chunk and within the line limit, valid UTF-8.
#[inline(always)]
fn line(chunk: &[u8], pos: usize, config: &ParserConfig) -> Line {
    match chunk.get(pos) {
        None => Line::End,
        Some(b'\n') => Line::Blank(pos + 1),
        Some(b'd') => data_event(chunk, pos, config),
        Some(b':') => comment(chunk, pos, config).map_or(Line::Other, Line::Comment),
        Some(_) => Line::Other,
    }
}

#[inline(always)]
fn data_event(chunk: &[u8], pos: usize, config: &ParserConfig) -> Line {
    let Some(line) = chunk
        .get(pos..)
        .and_then(|line| line.strip_prefix(b"data:"))
    else {
        return Line::Other;
    };
    let start = pos + 5 + usize::from(line.first() == Some(&b' '));
    let scan = scan_line(chunk.get(start..).unwrap_or_default());
    let Some(end) = scan.end else {
        return Line::Tail;
    };
    let end = start + end;
    // The data buffer is the value and a LF.
    if chunk.get(end..end + 2) != Some(b"\n\n")
        || end - pos > config.max_line_bytes
        || end - start >= config.max_event_bytes
    {
        return Line::Other;
    }
    // Invalid UTF-8 is left to the general path: decoded lossily, it can
    // grow past the event limit.
    match Utf8Bytes::check_scanned(chunk, start..end, scan.non_ascii) {
        Some(text) => Line::Event(Value {
            text,
            next: end + 2,
        }),
        None => Line::Other,
    }
}

#[inline(always)]
fn comment(chunk: &[u8], pos: usize, config: &ParserConfig) -> Option<Value> {
    let start = pos + 1;
    let scan = scan_line(chunk.get(start..)?);
    let end = start + scan.end?;
    if chunk.get(end) != Some(&b'\n') || end - pos > config.max_line_bytes {
        return None;
    }
    Some(Value {
        text: Utf8Bytes::check_scanned(chunk, start..end, scan.non_ascii)?,
        next: end + 1,
    })
}
