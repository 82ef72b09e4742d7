//! The fast path's `data:` lines that span chunks (about one event in four
//! when a stream arrives in 1460-byte packets): the start of the line is
//! kept in `partial`, as the general path keeps it, and when its end and
//! the blank line after it arrive in the next chunk, the value is copied
//! once, into a reusable buffer that frames share (`Parser::arena`), instead
//! of into an allocation of its own.

use bytes::BytesMut;

use super::Parser;
use super::fast::Found;
use crate::frame::Event;
use crate::scan::{find_line_end, scan_line};
use crate::utf8::{Utf8Bytes, is_ascii};

/// What [`Parser::continue_data_line`] did.
pub(super) enum Step {
    /// It is done: return this.
    Done(Found),
    /// The whole chunk was part of the line: look at the next one.
    Next,
}

impl Parser {
    /// The arena is allocated this large (or as large as the event limit,
    /// if smaller), so one allocation serves many values.
    const ARENA_BYTES: usize = 8192;

    /// A `data:` line begun in an earlier chunk, with nothing else pending
    /// (no field since the last blank line, no CR whose LF may follow): when
    /// the first pending chunk ends it and has the blank line after it,
    /// the event is made ready; when it does not end it, the chunk is kept
    /// as the general path keeps it. Anything else is left to the general
    /// path.
    pub(super) fn continue_data_line(&mut self) -> Step {
        if self.after_cr
            || self.block_open
            || self.resync
            || self.discarding_line
            || !self.partial.starts_with(b"data:")
        {
            return Step::Done(Found::Other);
        }
        // A line that starts with `data:` does not start with a byte-order
        // mark: if it is the stream's first, there is none to strip.
        self.at_stream_start = false;
        let Some(chunk) = self.pending.front() else {
            return Step::Done(Found::Nothing);
        };
        let pos = self.pending_pos;
        let head = chunk.get(pos..).unwrap_or_default();
        // Long lines are handed over whole by the general path: only their
        // end matters here, and `memchr2` finds it fastest.
        let long = self.partial.len() > Self::HAND_OVER_LINE_MIN_BYTES;
        let (end, head_non_ascii) = if long {
            (find_line_end(head), None)
        } else {
            let scan = scan_line(head);
            (scan.end, scan.non_ascii)
        };
        let Some(end) = end else {
            let Some(chunk) = self.pending.pop_front() else {
                return Step::Done(Found::Nothing);
            };
            self.pending_pos = 0;
            self.extend_partial(chunk.get(pos..).unwrap_or_default());
            return if self.ready.is_some() {
                Step::Done(Found::Ready)
            } else {
                Step::Next
            };
        };
        let line_len = self.partial.len() + end;
        // The optional space after the colon may be the chunk's first byte.
        let space = match self.partial.get(5) {
            Some(&byte) => byte == b' ',
            None => head.first() == Some(&b' '),
        };
        let skip = 5 + usize::from(space);
        if long
            || head.get(end..end + 2) != Some(b"\n\n")
            || line_len > self.config.max_line_bytes
            || line_len > Self::HAND_OVER_LINE_MIN_BYTES
            || line_len - skip >= self.config.max_event_bytes
        {
            return Step::Done(Found::Other);
        }
        let from_partial = self.partial.get(skip..).unwrap_or_default();
        let head_start = skip.saturating_sub(self.partial.len());
        let from_head = head.get(head_start..end).unwrap_or_default();
        // Where the non-ASCII bytes of the value may be: those of the head,
        // from the scan (the bytes it skips are the prefix's space), and
        // all of the part from `partial` unless that is ASCII.
        let value_len = from_partial.len() + from_head.len();
        let head_non_ascii = head_non_ascii.map(|(first, last)| {
            let at = |i: usize| from_partial.len() + i - head_start;
            (at(first), at(last))
        });
        let non_ascii = if is_ascii(from_partial) {
            head_non_ascii
        } else {
            Some((
                0,
                head_non_ascii.map_or(from_partial.len() - 1, |(_, last)| last),
            ))
        };
        let arena_bytes = Self::ARENA_BYTES.min(self.config.max_event_bytes);
        fill(&mut self.arena, arena_bytes, from_partial, from_head);
        // Invalid UTF-8 is left to the general path: decoded lossily, it can
        // grow past the event limit.
        let Some(checked) = Utf8Bytes::check_scanned(&self.arena, 0..value_len, non_ascii) else {
            self.arena.clear();
            return Step::Done(Found::Other);
        };
        self.found = checked;
        self.partial.clear();
        self.pending_pos = pos + end + 2;
        Step::Done(Found::Spanned)
    }

    /// The event [`continue_data_line`](Parser::continue_data_line) left in
    /// the arena, split off it (built where it is returned, like the
    /// events of `fast`).
    #[inline(always)]
    pub(super) fn spanned_event(&mut self) -> Event {
        debug_assert!(self.id_buffer == self.last_event_id);
        let data = self.found.owned(self.arena.split().freeze());
        Event::with_last_id(data, self.last_event_id.as_ref())
    }
}

/// `a` and `b`, copied into the (empty) arena. A new arena (of
/// `arena_bytes`, or more if `a` and `b` need it) is allocated only when the
/// current one has no room left and its frames still hold it; once they are
/// all dropped, it is reused.
fn fill(arena: &mut BytesMut, arena_bytes: usize, a: &[u8], b: &[u8]) {
    let len = a.len() + b.len();
    debug_assert!(arena.is_empty());
    if arena.capacity() < len && !arena.try_reclaim(len) {
        *arena = BytesMut::with_capacity(len.max(arena_bytes));
    }
    arena.extend_from_slice(a);
    arena.extend_from_slice(b);
}
