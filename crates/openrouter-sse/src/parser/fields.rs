//! Interpreting complete lines: the field match, the data and event type
//! buffers, dispatch, and the error recovery of the general path.

use std::mem;
use std::ops::Range;

use memchr::memchr;

use super::{BOM, Data, Parser, Src, grown_capacity};
use crate::Error;
use crate::frame::{Comment, Event, Frame};
use crate::utf8::Utf8Bytes;

impl Parser {
    /// Interprets one complete line (without its terminator).
    pub(super) fn line(&mut self, src: Src<'_>, range: Range<usize>) {
        let buf = src.as_slice();
        let Range { mut start, end } = range;
        let raw_len = end - start;
        if mem::take(&mut self.at_stream_start) && buf[start..end].starts_with(BOM) {
            start += BOM.len();
        }
        if self.resync {
            self.resync = start != end;
            return;
        }
        if raw_len > self.config.max_line_bytes {
            self.fail(Error::LineTooLong {
                limit: self.config.max_line_bytes,
            });
            return;
        }
        if start == end {
            self.dispatch();
            return;
        }

        let line = &buf[start..end];
        // Nearly every OpenRouter line is `data: {...}`: skip the field match.
        if let Some(rest) = line.strip_prefix(b"data:") {
            let value_start = start + 5 + usize::from(rest.first() == Some(&b' '));
            self.block_open = true;
            self.push_data(src, value_start..end);
            return;
        }
        if line[0] == b':' {
            let text = src.text(start + 1..end);
            self.emit(Ok(Frame::Comment(Comment { text })));
            return;
        }

        self.block_open = true;
        let (name, value) = match memchr(b':', line) {
            Some(colon) => {
                let value_start = start + colon + 1;
                let space = value_start < end && buf[value_start] == b' ';
                (&line[..colon], value_start + usize::from(space)..end)
            }
            None => (line, end..end),
        };
        match name {
            b"data" => self.push_data(src, value),
            b"event" => self.set_event_type(src.text(value)),
            b"id" if memchr(0, &buf[value.clone()]).is_none() => {
                self.id_buffer = Some(src.text(value));
            }
            b"retry" => {
                if let Some(ms) = parse_retry(&buf[value]) {
                    self.retry_ms = Some(ms);
                    self.emit(Ok(Frame::Retry(ms)));
                }
            }
            _ => {}
        }
    }

    fn push_data(&mut self, src: Src<'_>, value: Range<usize>) {
        let limit = self.config.max_event_bytes;
        let event_type_len = self.event_type.as_ref().map_or(0, Utf8Bytes::len);
        match &mut self.data {
            Data::Empty => {
                let text = src.text(value);
                if text.len() + 1 + event_type_len > limit {
                    self.fail(Error::EventTooLarge { limit });
                } else {
                    self.data = Data::One(text);
                }
            }
            Data::One(_) | Data::Many(_) => {
                let text = String::from_utf8_lossy(&src.as_slice()[value]);
                let needed = self.data.spec_len() + text.len();
                if needed + 1 + event_type_len > limit {
                    self.fail(Error::EventTooLarge { limit });
                    return;
                }
                let mut joined = match mem::take(&mut self.data) {
                    Data::Many(joined) => joined,
                    Data::One(first) => {
                        let mut joined = String::with_capacity(needed);
                        joined.push_str(first.as_str());
                        joined
                    }
                    Data::Empty => String::new(),
                };
                let target = grown_capacity(joined.capacity(), needed, limit);
                joined.reserve_exact(target - joined.len());
                joined.push('\n');
                joined.push_str(&text);
                self.data = Data::Many(joined);
            }
        }
    }

    fn set_event_type(&mut self, event_type: Utf8Bytes) {
        let limit = self.config.max_event_bytes;
        if self.data.spec_len() + event_type.len() > limit {
            self.fail(Error::EventTooLarge { limit });
            return;
        }
        self.event_type = (!event_type.is_empty()).then_some(event_type);
    }

    /// A blank line: commit the last event ID and fire the event, if any.
    pub(super) fn dispatch(&mut self) {
        self.last_event_id.clone_from(&self.id_buffer);
        self.block_open = false;
        let event_type = self.event_type.take();
        let data = match mem::take(&mut self.data) {
            Data::Empty => return,
            Data::One(value) => value,
            Data::Many(joined) => Utf8Bytes::from(joined),
        };
        let id = self.id_buffer.clone();
        self.emit(Ok(Frame::Event(Event::from_parts(data, event_type, id))));
    }

    pub(super) fn emit(&mut self, frame: Result<Frame, Error>) {
        if self.ready.is_none() && self.frames.is_empty() {
            self.ready = Some(frame);
        } else {
            self.frames.push_back(frame);
        }
    }

    /// Reports `error`, drops the event being built and skips to the next
    /// blank line.
    pub(super) fn fail(&mut self, error: Error) {
        self.emit(Err(error));
        self.discard_event();
        self.resync = true;
    }

    pub(super) fn discard_event(&mut self) {
        self.data = Data::Empty;
        self.event_type = None;
        self.block_open = false;
        // An `id` in a block that never completed is not committed.
        self.id_buffer.clone_from(&self.last_event_id);
    }
}

/// A `retry` value: ASCII digits only, at least one. Values that overflow
/// `u64` are ignored, as Chromium does.
fn parse_retry(value: &[u8]) -> Option<u64> {
    if value.is_empty() {
        return None;
    }
    value.iter().try_fold(0u64, |acc, &b| {
        let digit = b.checked_sub(b'0').filter(|d| *d <= 9)?;
        acc.checked_mul(10)?.checked_add(u64::from(digit))
    })
}
