//! The push parser: the WHATWG "interpreting an event stream" algorithm run
//! incrementally over chunks of any size, with bounded memory.

mod config;
mod fast;
mod fields;
mod finish;
mod span;

use std::collections::VecDeque;
use std::mem;
use std::ops::Range;

use bytes::{Bytes, BytesMut};

pub use self::config::ParserConfig;
pub use self::finish::Finish;
use crate::Error;
use crate::frame::{Comment, Event, Frame};
use crate::scan::find_line_end;
use crate::utf8::{Checked, Utf8Bytes};

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// An incremental, sans-IO Server-Sent Events parser.
///
/// Feed it bytes as they arrive ([`feed`](Parser::feed) or
/// [`feed_bytes`](Parser::feed_bytes)), then drain
/// [`next_frame`](Parser::next_frame) until it returns `None`, which means
/// "need more input" (incomplete input is not an error). At the end of the
/// stream call [`finish`](Parser::finish) to learn whether the stream ended
/// cleanly or in the middle of an event.
///
/// Frames do not depend on how the input was split into chunks: a CRLF, a
/// UTF-8 character or a byte-order mark split across two chunks is handled
/// exactly as if it had arrived whole.
///
/// ```
/// use openrouter_sse::{Frame, Parser};
///
/// let mut parser = Parser::new();
/// let mut data = Vec::new();
/// for chunk in [&b"data: {\"a\""[..], b":1}\r", b"\n\r\ndata: [DONE]\n\n"] {
///     parser.feed(chunk);
///     while let Some(frame) = parser.next_frame() {
///         if let Frame::Event(event) = frame? {
///             data.push(event.into_data());
///         }
///     }
/// }
/// assert!(parser.finish().is_clean());
/// assert_eq!(data, ["{\"a\":1}", "[DONE]"]);
/// # Ok::<(), openrouter_sse::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct Parser {
    config: ParserConfig,
    /// Frames parsed from complete lines and not yet taken by `next_frame`.
    frames: VecDeque<Result<Frame, Error>>,
    /// The oldest unread frame, kept out of `frames` so the common case (one
    /// frame at a time) never touches the queue.
    ready: Option<Result<Frame, Error>>,
    /// Chunks from `feed_bytes` not parsed yet: `next_frame` parses them
    /// lazily, one frame at a time.
    pending: VecDeque<Bytes>,
    /// How much of the front of `pending` has been parsed (the chunk is left
    /// as it is rather than advanced, which would touch it twice per frame).
    pending_pos: usize,
    /// The value of the last line the fast path found, in the front of
    /// `pending` (see `fast`).
    found: Checked,

    /// Bytes of a line begun in an earlier chunk; never longer than
    /// `max_line_bytes`, and its capacity never above it either.
    partial: Vec<u8>,
    /// Where the fast path copies the value of a `data:` line that spanned
    /// chunks: frames share it (see `span`). It holds no input, only room
    /// for values: at most 8 KiB (or the event limit, if smaller) once a
    /// value is split off.
    arena: BytesMut,
    /// The previous line ended in CR: a LF first in the next chunk is part of
    /// the same terminator.
    after_cr: bool,
    /// No line has completed yet, so a leading byte-order mark is still to be
    /// stripped.
    at_stream_start: bool,
    /// After an error: discard lines up to and including the next blank one.
    resync: bool,
    /// While resynchronising, partial lines are not buffered; this remembers
    /// that the current one has bytes, so its end is not taken for a blank line.
    discarding_line: bool,

    /// The event being built.
    data: Data,
    event_type: Option<Utf8Bytes>,
    /// A field line has been seen since the last blank line.
    block_open: bool,
    /// The spec's "last event ID buffer" (set by `id` fields).
    id_buffer: Option<Utf8Bytes>,
    /// The spec's "last event ID string" (committed from the buffer when a
    /// block ends, even if no event fires).
    last_event_id: Option<Utf8Bytes>,
    /// The reconnection time from the last valid `retry` field.
    retry_ms: Option<u64>,
}

/// The data buffer. The common case (one `data:` line) keeps a shared slice
/// of the input and never copies into a buffer.
#[derive(Debug, Clone, Default)]
enum Data {
    #[default]
    Empty,
    One(Utf8Bytes),
    Many(String),
}

impl Data {
    /// Length of the spec's data buffer: every value followed by a LF.
    fn spec_len(&self) -> usize {
        match self {
            Data::Empty => 0,
            Data::One(value) => value.len() + 1,
            Data::Many(joined) => joined.len() + 1,
        }
    }
}

/// Where the bytes of a line live, so values can be taken without copying
/// when the input is shared.
#[derive(Clone, Copy)]
enum Src<'a> {
    Borrowed(&'a [u8]),
    Shared(&'a Bytes),
}

impl<'a> Src<'a> {
    fn as_slice(self) -> &'a [u8] {
        match self {
            Src::Borrowed(slice) => slice,
            Src::Shared(bytes) => bytes,
        }
    }

    /// The decoded text of `range`: a slice of shared input, or one copy of
    /// borrowed input.
    fn text(self, range: Range<usize>) -> Utf8Bytes {
        match self {
            Src::Borrowed(slice) => Utf8Bytes::decode_slice(&slice[range]),
            Src::Shared(bytes) => Utf8Bytes::decode(bytes.slice(range)),
        }
    }
}

impl Default for Parser {
    fn default() -> Self {
        Self::with_config(ParserConfig::default())
    }
}

impl Parser {
    /// A parser with the default limits (16 MiB per line and per event).
    ///
    /// ```
    /// let parser = openrouter_sse::Parser::new();
    /// assert_eq!(parser.config().max_line_bytes, 16 << 20);
    /// ```
    pub fn new() -> Self {
        Self::default()
    }

    /// A parser with the given limits.
    ///
    /// ```
    /// use openrouter_sse::{Parser, ParserConfig};
    ///
    /// let parser = Parser::with_config(ParserConfig::default().max_event_bytes(1 << 20));
    /// assert_eq!(parser.config().max_event_bytes, 1 << 20);
    /// ```
    pub fn with_config(config: ParserConfig) -> Self {
        Parser {
            config,
            frames: VecDeque::new(),
            ready: None,
            pending: VecDeque::new(),
            pending_pos: 0,
            found: Checked::default(),
            partial: Vec::new(),
            arena: BytesMut::new(),
            after_cr: false,
            at_stream_start: true,
            resync: false,
            discarding_line: false,
            data: Data::Empty,
            event_type: None,
            block_open: false,
            id_buffer: None,
            last_event_id: None,
            retry_ms: None,
        }
    }

    /// The limits this parser enforces.
    ///
    /// ```
    /// assert_eq!(openrouter_sse::Parser::new().config().max_event_bytes, 16 << 20);
    /// ```
    pub fn config(&self) -> &ParserConfig {
        &self.config
    }

    /// Parses a chunk of borrowed input.
    ///
    /// Nothing fed is copied more than once. A chunk of
    /// [`COPY_CHUNK_MIN_BYTES`](Parser::COPY_CHUNK_MIN_BYTES) or more is copied
    /// into one shared buffer, parsed as frames are taken, and frames are
    /// slices of it (as with [`feed_bytes`](Parser::feed_bytes)); a smaller
    /// chunk is parsed now, copying only the values frames keep and the bytes
    /// of an unfinished last line. Prefer `feed_bytes` when you already hold
    /// `Bytes`.
    ///
    /// ```
    /// let mut parser = openrouter_sse::Parser::new();
    /// parser.feed(b"data: hel");
    /// assert!(parser.next_frame().is_none()); // need more input
    /// parser.feed(b"lo\n\n");
    /// assert_eq!(parser.next_frame().unwrap()?.as_event().unwrap().data(), "hello");
    /// # Ok::<(), openrouter_sse::Error>(())
    /// ```
    #[inline]
    pub fn feed(&mut self, chunk: &[u8]) {
        if chunk.len() >= Self::COPY_CHUNK_MIN_BYTES {
            self.feed_bytes_slow(Bytes::copy_from_slice(chunk));
        } else if !self.pending.is_empty() || !self.append_to_line(chunk) {
            self.feed_small(Src::Borrowed(chunk));
        }
    }

    /// Chunks given to [`feed`](Parser::feed) at least this long are copied
    /// whole into a shared buffer rather than value by value: one allocation
    /// per chunk instead of one per event, and no queue of frames built up
    /// from a large chunk.
    pub const COPY_CHUNK_MIN_BYTES: usize = 256;

    /// Parses a chunk of shared input without copying it: event data and
    /// comments of lines wholly inside the chunk are slices of `chunk`.
    ///
    /// Frames keep those slices (and so the chunk's allocation) alive until
    /// they are dropped.
    ///
    /// ```
    /// use bytes::{Bytes, BytesMut};
    ///
    /// let chunk = Bytes::from_static(b"data: {\"choices\":[]}\n\n");
    /// let mut parser = openrouter_sse::Parser::new();
    /// parser.feed_bytes(chunk.clone());
    /// let frame = parser.next_frame().unwrap()?;
    /// let data = frame.as_event().unwrap().data_bytes();
    /// assert_eq!(data.as_ptr(), chunk[6..].as_ptr()); // no copy
    /// # Ok::<(), openrouter_sse::Error>(())
    /// ```
    #[allow(
        clippy::needless_pass_by_value,
        reason = "taking the chunk lets callers hand over what they received without a clone at \
                  the call site; frames keep slices of it"
    )]
    #[inline(always)]
    pub fn feed_bytes(&mut self, chunk: Bytes) {
        // Inline only as far as the fast path for small chunks inside a line
        // (a call per chunk costs more than that path, a byte at a time).
        if chunk.len() >= Self::COPY_CHUNK_MIN_BYTES
            || !self.pending.is_empty()
            || !self.append_to_line(&chunk)
        {
            self.feed_bytes_slow(chunk);
        }
    }

    #[inline(never)]
    fn feed_bytes_slow(&mut self, chunk: Bytes) {
        if chunk.len() >= Self::COPY_CHUNK_MIN_BYTES || !self.pending.is_empty() {
            self.pending.push_back(chunk);
        } else {
            // A small chunk yields few frames: parsing it now is cheaper than
            // queueing it (a byte at a time, measurably so).
            self.feed_small(Src::Shared(&chunk));
        }
    }

    /// The fast path for small chunks in the middle of a line (a byte at a
    /// time, or a long line in packets): when the chunk ends no line and fits
    /// the line buffer's spare capacity, append it and do nothing else.
    /// Returns `false`, having done nothing, when the general path is needed.
    #[inline]
    fn append_to_line(&mut self, chunk: &[u8]) -> bool {
        // `partial` is empty at a line start, after a CR (whose LF may
        // follow) and while resynchronising, so a non-empty one means a line
        // is in progress. Its capacity never exceeds `max_line_bytes`, so
        // bytes that fit in it cannot break the limit.
        if self.partial.is_empty() {
            return false;
        }
        debug_assert!(!self.resync);
        if chunk.len() < 16 {
            // Copied as it is checked, in one pass: for a few bytes, cheaper
            // than a search and then `memcpy`. A line end, or a full
            // buffer, undoes the copy. (Testing for room byte by byte spares
            // `push` its own test, and the whole-chunk test.)
            let len = self.partial.len();
            for &b in chunk {
                if b == b'\n' || b == b'\r' || self.partial.len() == self.partial.capacity() {
                    self.partial.truncate(len);
                    return false;
                }
                self.partial.push(b);
            }
        } else {
            if chunk.len() > self.partial.capacity() - self.partial.len()
                || find_line_end(chunk).is_some()
            {
                return false;
            }
            self.partial.extend_from_slice(chunk);
        }
        true
    }

    /// The general path for a chunk parsed at once (kept out of line so the
    /// fast paths above inline small).
    #[inline(never)]
    fn feed_small(&mut self, src: Src<'_>) {
        self.flush_pending();
        self.feed_src(src, 0, false);
    }

    /// The next parsed frame, or `None` when all input fed so far has been
    /// consumed (feed more, or [`finish`](Parser::finish)).
    ///
    /// An `Err` reports a limit that was exceeded; the parser has recovered
    /// (see [`Error`]) and later calls return later frames.
    ///
    /// ```
    /// let mut parser = openrouter_sse::Parser::new();
    /// parser.feed(b"data: 1\n\ndata: 2\n\n");
    /// let mut n = 0;
    /// while let Some(frame) = parser.next_frame() {
    ///     frame?;
    ///     n += 1;
    /// }
    /// assert_eq!(n, 2);
    /// # Ok::<(), openrouter_sse::Error>(())
    /// ```
    #[inline]
    pub fn next_frame(&mut self) -> Option<Result<Frame, Error>> {
        if self.ready.is_some() {
            return self.ready.take();
        }
        // Called after every chunk, usually to learn there is nothing: the
        // checks for that stay inline, the work does not.
        if self.frames.is_empty() && self.pending.is_empty() {
            return None;
        }
        if self.frames.is_empty() {
            // The fast path (see `fast`): the line is found out of line, the
            // frame is built here, straight into the caller's variable.
            match self.next_fast_line() {
                fast::Found::Nothing => return None,
                fast::Found::Ready => return self.ready.take(),
                fast::Found::Spanned => return Some(Ok(Frame::Event(self.spanned_event()))),
                fast::Found::Other => {}
                fast::Found::Event => {
                    if let Some(chunk) = self.pending.front() {
                        return Some(Ok(Frame::Event(self.found_event(chunk))));
                    }
                }
                fast::Found::Comment => {
                    if let Some(chunk) = self.pending.front() {
                        let text = self.found.slice(chunk);
                        return Some(Ok(Frame::Comment(Comment { text })));
                    }
                }
            }
        }
        self.next_frame_slow()
    }

    #[inline(never)]
    fn next_frame_slow(&mut self) -> Option<Result<Frame, Error>> {
        if let Some(frame) = self.frames.pop_front() {
            return Some(frame);
        }
        // Shared chunks are parsed only as far as the next frame, so a large
        // chunk never turns into a large queue of frames. The queue is taken
        // out (an empty one holds no allocation) so the parser can be
        // borrowed mutably while one of its chunks is parsed.
        let mut pending = mem::take(&mut self.pending);
        while let Some(chunk) = pending.front() {
            let end = self.feed_src(Src::Shared(chunk), self.pending_pos, true);
            if end < chunk.len() {
                self.pending_pos = end;
            } else {
                pending.pop_front();
                self.pending_pos = 0;
            }
            if self.ready.is_some() {
                break;
            }
        }
        // Put back without dropping the empty queue left in its place: that
        // drop is a function call per frame for nothing (it holds no
        // allocation: nothing parsed adds to `pending`).
        mem::swap(&mut self.pending, &mut pending);
        debug_assert!(pending.capacity() == 0);
        mem::forget(pending);
        self.ready.take()
    }

    /// Ends the stream: discards an unfinished line and an undispatched event
    /// (as the spec requires) and reports whether anything was discarded, so
    /// a clean end can be told from a cut one.
    ///
    /// Frames parsed before the end stay queued for
    /// [`next_frame`](Parser::next_frame). The parser is then ready for a new
    /// stream (for example after a reconnect): the last event ID and the
    /// reconnection time are kept, everything else starts afresh.
    ///
    /// ```
    /// let mut parser = openrouter_sse::Parser::new();
    /// parser.feed(b"data: complete\n\ndata: cut off");
    /// let end = parser.finish();
    /// assert!(!end.is_clean());
    /// assert!(end.discarded_partial_line());
    /// assert!(end.discarded_event());
    /// assert_eq!(parser.next_frame().unwrap()?.as_event().unwrap().data(), "complete");
    /// # Ok::<(), openrouter_sse::Error>(())
    /// ```
    pub fn finish(&mut self) -> Finish {
        self.flush_pending();
        // An unfinished line that is not a comment is the start of an event.
        let partial_field = !self.partial.is_empty() && self.partial[0] != b':';
        let finish = Finish::new(
            !self.partial.is_empty() || self.discarding_line,
            self.block_open || self.resync || partial_field,
        );
        self.partial.clear();
        self.discarding_line = false;
        self.after_cr = false;
        self.at_stream_start = true;
        self.resync = false;
        self.discard_event();
        finish
    }

    /// The spec's "last event ID string": the id committed by the last
    /// completed block (`None` if never set). Send it as `Last-Event-ID` when
    /// reconnecting.
    ///
    /// ```
    /// let mut parser = openrouter_sse::Parser::new();
    /// parser.feed(b"id: 7\ndata: x\n\nid: 8\ndata: cut");
    /// let _ = parser.finish();
    /// assert_eq!(parser.last_event_id(), Some("7"));
    /// ```
    pub fn last_event_id(&self) -> Option<&str> {
        self.last_event_id.as_ref().map(Utf8Bytes::as_str)
    }

    /// The reconnection time in milliseconds from the last valid `retry`
    /// field, if any.
    ///
    /// ```
    /// let mut parser = openrouter_sse::Parser::new();
    /// parser.feed(b"retry: 2500\n\n");
    /// assert_eq!(parser.retry_ms(), Some(2500));
    /// ```
    pub fn retry_ms(&self) -> Option<u64> {
        self.retry_ms
    }

    /// Bytes the parser holds for input it has not turned into frames yet:
    /// chunks given to [`feed_bytes`](Parser::feed_bytes) and not parsed yet,
    /// the unfinished line and the data of the unfinished event.
    ///
    /// Event data that is a shared slice of a fed chunk is not counted.
    ///
    /// ```
    /// let mut parser = openrouter_sse::Parser::new();
    /// parser.feed(b"data: abc");
    /// assert_eq!(parser.buffered_len(), 9);
    /// ```
    pub fn buffered_len(&self) -> usize {
        let pending: usize = self.pending.iter().map(Bytes::len).sum();
        pending - self.pending_pos
            + self.partial.len()
            + if let Data::Many(joined) = &self.data {
                joined.len()
            } else {
                0
            }
    }

    /// Memory the parser has allocated for unparsed input: never more than
    /// `max_line_bytes + max_event_bytes` (plus a few bytes), however the
    /// input is chunked. Queued frames are not counted, nor the room (at
    /// most 8 KiB, or `max_event_bytes` if smaller) kept for the data of
    /// `data:` lines that span two chunks, which events share.
    ///
    /// ```
    /// use openrouter_sse::{Parser, ParserConfig};
    ///
    /// let mut parser = Parser::with_config(ParserConfig::default().max_line_bytes(1024));
    /// for _ in 0..100 {
    ///     parser.feed(&[b'x'; 100]); // a line that never ends
    /// }
    /// assert!(parser.buffer_capacity() <= 1024);
    /// ```
    pub fn buffer_capacity(&self) -> usize {
        self.partial.capacity()
            + if let Data::Many(joined) = &self.data {
                joined.capacity()
            } else {
                0
            }
    }

    /// Parses the lines of `src` from `start`. With `stop_at_frame`, returns
    /// as soon as a frame is queued. Returns where it stopped: the end of
    /// `src` unless it stopped early.
    fn feed_src(&mut self, src: Src<'_>, start: usize, stop_at_frame: bool) -> usize {
        let buf = src.as_slice();
        if start >= buf.len() {
            return buf.len();
        }
        let mut pos = start;
        if mem::take(&mut self.after_cr) && buf[pos] == b'\n' {
            pos += 1;
        }

        // Finish a line begun in an earlier chunk.
        if !self.partial.is_empty() || self.discarding_line {
            let Some(i) = find_line_end(&buf[pos..]) else {
                self.extend_partial(&buf[pos..]);
                return buf.len();
            };
            let end = pos + i;
            self.extend_partial(&buf[pos..end]);
            self.complete_partial();
            pos = self.skip_terminator(buf, end);
        }

        // Lines wholly inside this chunk.
        while pos < buf.len() {
            if stop_at_frame && self.ready.is_some() {
                return pos;
            }
            // A blank line ends every event: skip the search call for it.
            let end = if matches!(buf[pos], b'\n' | b'\r') {
                pos
            } else {
                match find_line_end(&buf[pos..]) {
                    Some(i) => pos + i,
                    None => break,
                }
            };
            if let Some(next) = self.single_line_event(src, pos, end) {
                if stop_at_frame {
                    return next;
                }
                pos = next;
                continue;
            }
            self.line(src, pos..end);
            pos = self.skip_terminator(buf, end);
        }
        self.extend_partial(&buf[pos..]);
        buf.len()
    }

    /// The fast path for nearly every OpenRouter event: a block that is one
    /// `data:` line and a blank line, both LF-terminated, inside the chunk.
    /// It is dispatched straight away, without the event buffers. Returns
    /// where the next line starts, or `None` to take the general path. `end`
    /// is where the line at `start` ends (found once, for either path).
    fn single_line_event(&mut self, src: Src<'_>, start: usize, end: usize) -> Option<usize> {
        // A closed block means no data or event type is buffered.
        if self.block_open || self.resync || self.at_stream_start {
            return None;
        }
        let buf = src.as_slice();
        let rest = buf[start..end].strip_prefix(b"data:")?;
        if buf.get(end..end + 2) != Some(b"\n\n") {
            return None;
        }
        let value_start = start + 5 + usize::from(rest.first() == Some(&b' '));
        // Limits: leave the reporting to the general path.
        if end - start > self.config.max_line_bytes
            || end - value_start + 1 > self.config.max_event_bytes
        {
            return None;
        }
        let data = src.text(value_start..end);
        if data.len() + 1 > self.config.max_event_bytes {
            return None;
        }
        // Events without an id, nearly all of them, skip the clones.
        let id = if self.id_buffer.is_none() && self.last_event_id.is_none() {
            None
        } else {
            self.last_event_id.clone_from(&self.id_buffer);
            self.id_buffer.clone()
        };
        let event = match id {
            None => Event::from_data(data),
            id => Event::from_parts(data, None, id),
        };
        self.emit(Ok(Frame::Event(event)));
        Some(end + 2)
    }

    /// Parses every chunk `feed_bytes` queued, so input stays in order when
    /// borrowed input follows or the stream ends.
    fn flush_pending(&mut self) {
        while let Some(chunk) = self.pending.pop_front() {
            let start = mem::take(&mut self.pending_pos);
            self.feed_src(Src::Shared(&chunk), start, false);
        }
    }

    /// The index after the terminator at `end`; remembers a CR at the very
    /// end of the chunk, whose LF may come in the next one.
    fn skip_terminator(&mut self, buf: &[u8], end: usize) -> usize {
        if buf[end] == b'\r' {
            match buf.get(end + 1) {
                Some(b'\n') => return end + 2,
                Some(_) => {}
                None => self.after_cr = true,
            }
        }
        end + 1
    }

    /// Keeps the start of an unfinished line, within `max_line_bytes`.
    fn extend_partial(&mut self, bytes: &[u8]) {
        if bytes.is_empty() {
            return;
        }
        if self.resync {
            self.discarding_line = true;
            return;
        }
        let needed = self.partial.len() + bytes.len();
        let limit = self.config.max_line_bytes;
        if needed > limit {
            self.fail(Error::LineTooLong { limit });
            self.partial.clear();
            self.discarding_line = true;
            return;
        }
        let target = grown_capacity(self.partial.capacity(), needed, limit);
        self.partial.reserve_exact(target - self.partial.len());
        self.partial.extend_from_slice(bytes);
    }

    /// Parses the line accumulated in `partial`, now that its end has arrived.
    fn complete_partial(&mut self) {
        if self.discarding_line {
            // A non-blank line skipped while resynchronising.
            self.discarding_line = false;
            self.at_stream_start = false;
            return;
        }
        let line = mem::take(&mut self.partial);
        // Long lines whose value the frame keeps hand their buffer over
        // instead of copying out of it. Short ones are copied (one allocation
        // of the right size) and leave the buffer for reuse: handing it over
        // would cost a new buffer grown step by step for the next line.
        let keeps_value = line.len() > Self::HAND_OVER_LINE_MIN_BYTES
            && (line.first() == Some(&b':') || line.starts_with(b"data"));
        if keeps_value {
            let shared = Bytes::from(line);
            self.line(Src::Shared(&shared), 0..shared.len());
        } else {
            self.line(Src::Borrowed(&line), 0..line.len());
            self.partial = line;
            self.partial.clear();
        }
    }

    /// Lines assembled from several chunks that are longer than this hand
    /// their buffer to the frame rather than being copied out of it.
    const HAND_OVER_LINE_MIN_BYTES: usize = 4096;
}

/// The capacity to grow a buffer of `capacity` to so it holds `needed` bytes:
/// geometric (so a long line fed in small chunks stays linear) but never past
/// `limit` (so memory is bounded by the limit, not by the allocator's
/// doubling). Callers ensure `needed <= limit`.
fn grown_capacity(capacity: usize, needed: usize, limit: usize) -> usize {
    if needed <= capacity {
        return capacity;
    }
    capacity.saturating_mul(2).max(64).min(limit).max(needed)
}
