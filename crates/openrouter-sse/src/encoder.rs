//! `Encoder`: writes frames as a valid event stream, for servers and mocks.

use bytes::{BufMut, Bytes, BytesMut};
use memchr::{memchr, memchr2};

use crate::Error;
use crate::frame::{Comment, Event, Frame};

/// Writes events, comments and reconnection times as a valid event stream.
///
/// Whatever it writes parses back to the same frames:
/// `parse(encode(frames)) == frames` (checked by a property test). Each item
/// is written as a complete block ending in a blank line, so the output can
/// be cut into chunks between any two calls.
///
/// ```
/// use openrouter_sse::{Comment, Encoder, Event, Frame, Parser};
///
/// let mut encoder = Encoder::new();
/// encoder.comment(" OPENROUTER PROCESSING")?;
/// encoder.event(&Event::new("{\"choices\":[]}"))?;
/// encoder.event(&Event::new("[DONE]"))?;
/// let wire = encoder.take();
/// assert_eq!(
///     &wire[..],
///     b": OPENROUTER PROCESSING\n\ndata: {\"choices\":[]}\n\ndata: [DONE]\n\n"
/// );
///
/// let mut parser = Parser::new();
/// parser.feed_bytes(wire);
/// assert_eq!(parser.next_frame(), Some(Ok(Frame::Comment(Comment::new(" OPENROUTER PROCESSING")))));
/// # Ok::<(), openrouter_sse::Error>(())
/// ```
#[derive(Debug, Clone, Default)]
pub struct Encoder {
    buf: BytesMut,
}

impl Encoder {
    /// An encoder with an empty output buffer.
    ///
    /// ```
    /// assert!(openrouter_sse::Encoder::new().as_bytes().is_empty());
    /// ```
    pub fn new() -> Self {
        Self::default()
    }

    /// Writes an event: `event:` if it has a type, `id:` if it has an id,
    /// one `data:` line per line of its data, then a blank line.
    ///
    /// Line breaks in the data (LF, CR or CRLF) become separate `data:`
    /// lines, which a parser joins with LF: data containing CR therefore
    /// comes back with LF, as any SSE parser would report it.
    ///
    /// # Errors
    ///
    /// [`Error::Unencodable`] if the event type or id contains CR or LF, or
    /// the id contains NUL (a parser would ignore such an id). Nothing is
    /// written then.
    ///
    /// ```
    /// # use openrouter_sse::{Encoder, Event};
    /// let mut encoder = Encoder::new();
    /// encoder.event(&Event::new("a\nb").with_event_type("msg").with_id("1"))?;
    /// assert_eq!(encoder.as_bytes(), b"event: msg\nid: 1\ndata: a\ndata: b\n\n");
    /// assert!(encoder.event(&Event::new("").with_id("a\nb")).is_err());
    /// # Ok::<(), openrouter_sse::Error>(())
    /// ```
    pub fn event(&mut self, event: &Event) -> Result<&mut Self, Error> {
        if let Some(event_type) = event.event_type() {
            check_single_line("event", event_type)?;
        }
        if let Some(id) = event.id() {
            check_single_line("id", id)?;
            if memchr(0, id.as_bytes()).is_some() {
                return Err(Error::Unencodable {
                    field: "id",
                    reason: "it contains NUL, and parsers ignore such ids",
                });
            }
        }
        let data = event.data();
        self.buf.reserve(data.len() + 16);
        if let Some(event_type) = event.event_type() {
            self.field("event", event_type);
        }
        if let Some(id) = event.id() {
            self.field("id", id);
        }
        let mut rest = data.as_bytes();
        loop {
            match memchr2(b'\n', b'\r', rest) {
                Some(i) => {
                    self.field_bytes(b"data", &rest[..i]);
                    let skip = if rest[i] == b'\r' && rest.get(i + 1) == Some(&b'\n') {
                        2
                    } else {
                        1
                    };
                    rest = &rest[i + skip..];
                }
                None => {
                    self.field_bytes(b"data", rest);
                    break;
                }
            }
        }
        self.buf.put_u8(b'\n');
        Ok(self)
    }

    /// Writes a comment line `:` + `text`, then a blank line (the shape of
    /// OpenRouter's `: OPENROUTER PROCESSING` keep-alives). Pass the leading
    /// space if you want one.
    ///
    /// # Errors
    ///
    /// [`Error::Unencodable`] if `text` contains CR or LF.
    ///
    /// ```
    /// # use openrouter_sse::Encoder;
    /// let mut encoder = Encoder::new();
    /// encoder.comment(" keep-alive")?;
    /// assert_eq!(encoder.as_bytes(), b": keep-alive\n\n");
    /// # Ok::<(), openrouter_sse::Error>(())
    /// ```
    pub fn comment(&mut self, text: &str) -> Result<&mut Self, Error> {
        check_single_line("comment", text)?;
        self.buf.reserve(text.len() + 3);
        self.buf.put_u8(b':');
        self.buf.put_slice(text.as_bytes());
        self.buf.put_slice(b"\n\n");
        Ok(self)
    }

    /// Writes `retry: <ms>` and a blank line.
    ///
    /// ```
    /// # use openrouter_sse::Encoder;
    /// let mut encoder = Encoder::new();
    /// encoder.retry(3000);
    /// assert_eq!(encoder.as_bytes(), b"retry: 3000\n\n");
    /// ```
    pub fn retry(&mut self, ms: u64) -> &mut Self {
        self.field("retry", &ms.to_string());
        self.buf.put_u8(b'\n');
        self
    }

    /// Writes any frame.
    ///
    /// # Errors
    ///
    /// As [`event`](Encoder::event) and [`comment`](Encoder::comment).
    ///
    /// ```
    /// # use openrouter_sse::{Encoder, Frame};
    /// let mut encoder = Encoder::new();
    /// encoder.frame(&Frame::Retry(10))?;
    /// assert_eq!(encoder.as_bytes(), b"retry: 10\n\n");
    /// # Ok::<(), openrouter_sse::Error>(())
    /// ```
    pub fn frame(&mut self, frame: &Frame) -> Result<&mut Self, Error> {
        match frame {
            Frame::Event(event) => self.event(event),
            Frame::Comment(Comment { text }) => self.comment(text.as_str()),
            Frame::Retry(ms) => Ok(self.retry(*ms)),
        }
    }

    /// The bytes written and not yet taken.
    ///
    /// ```
    /// # use openrouter_sse::Encoder;
    /// assert_eq!(Encoder::new().retry(1).as_bytes(), b"retry: 1\n\n");
    /// ```
    pub fn as_bytes(&self) -> &[u8] {
        &self.buf
    }

    /// Takes the bytes written so far (without copying), leaving the encoder
    /// empty and ready for more.
    ///
    /// ```
    /// # use openrouter_sse::Encoder;
    /// let mut encoder = Encoder::new();
    /// encoder.retry(1);
    /// let chunk = encoder.take();
    /// assert_eq!(&chunk[..], b"retry: 1\n\n");
    /// assert!(encoder.as_bytes().is_empty());
    /// ```
    pub fn take(&mut self) -> Bytes {
        self.buf.split().freeze()
    }

    fn field(&mut self, name: &str, value: &str) {
        self.field_bytes(name.as_bytes(), value.as_bytes());
    }

    fn field_bytes(&mut self, name: &[u8], value: &[u8]) {
        self.buf.put_slice(name);
        if value.is_empty() {
            self.buf.put_u8(b':');
        } else {
            self.buf.put_slice(b": ");
            self.buf.put_slice(value);
        }
        self.buf.put_u8(b'\n');
    }
}

fn check_single_line(field: &'static str, value: &str) -> Result<(), Error> {
    if memchr2(b'\n', b'\r', value.as_bytes()).is_some() {
        return Err(Error::Unencodable {
            field,
            reason: "it contains a line break (CR or LF)",
        });
    }
    Ok(())
}
