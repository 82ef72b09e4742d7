//! What the parser produces: events, comments and reconnection times.

use std::fmt;

use bytes::Bytes;

use crate::utf8::Utf8Bytes;

/// One item of an event stream, in stream order.
///
/// ```
/// use openrouter_sse::{Frame, Parser};
///
/// let mut parser = Parser::new();
/// parser.feed(b": OPENROUTER PROCESSING\n\nretry: 3000\ndata: {}\n\n");
/// let mut seen = Vec::new();
/// while let Some(frame) = parser.next_frame() {
///     match frame? {
///         Frame::Event(event) => seen.push(format!("event {}", event.data())),
///         Frame::Comment(comment) => seen.push(format!("comment {:?}", comment.text())),
///         Frame::Retry(ms) => seen.push(format!("retry {ms}")),
///         _ => {}
///     }
/// }
/// assert_eq!(seen, ["comment \" OPENROUTER PROCESSING\"", "retry 3000", "event {}"]);
/// # Ok::<(), openrouter_sse::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Frame {
    /// A dispatched event (a block of fields ended by a blank line, with at
    /// least one `data` field).
    Event(Event),
    /// A comment line (`:` first). OpenRouter sends `: OPENROUTER PROCESSING`
    /// as a keep-alive while a model is thinking.
    Comment(Comment),
    /// A valid `retry` field: the server's reconnection time in milliseconds.
    /// Reported when the field's line completes, before the event it is part of.
    Retry(u64),
}

impl Frame {
    /// The event, if this frame is one.
    ///
    /// ```
    /// # use openrouter_sse::{Event, Frame};
    /// assert_eq!(Frame::Event(Event::new("x")).as_event().map(|e| e.data()), Some("x"));
    /// assert!(Frame::Retry(5).as_event().is_none());
    /// ```
    pub fn as_event(&self) -> Option<&Event> {
        match self {
            Frame::Event(event) => Some(event),
            _ => None,
        }
    }

    /// The comment, if this frame is one.
    ///
    /// ```
    /// # use openrouter_sse::{Comment, Frame};
    /// assert_eq!(Frame::Comment(Comment::new(" hi")).as_comment().map(|c| c.text()), Some(" hi"));
    /// ```
    pub fn as_comment(&self) -> Option<&Comment> {
        match self {
            Frame::Comment(comment) => Some(comment),
            _ => None,
        }
    }
}

/// A dispatched event: its data, event type and the last event ID in effect.
///
/// Strings are shared views of the input where possible: `clone` and
/// [`data_bytes`](Event::data_bytes) never copy the payload.
///
/// ```
/// use openrouter_sse::Event;
///
/// let event = Event::new("{\"a\":1}").with_event_type("update").with_id("7");
/// assert_eq!(event.data(), "{\"a\":1}");
/// assert_eq!(event.event_type(), Some("update"));
/// assert_eq!(event.id(), Some("7"));
/// ```
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Event {
    pub(crate) data: Utf8Bytes,
    /// Event type and id, boxed because they are rare (OpenRouter sends
    /// neither): this keeps an `Event` to 40 bytes, cheap to move through
    /// the parser. `None` when both are absent, never `Some` of two `None`s,
    /// so equality is structural.
    meta: Option<Box<Meta>>,
}

#[derive(Clone, PartialEq, Eq, Hash)]
struct Meta {
    event_type: Option<Utf8Bytes>,
    id: Option<Utf8Bytes>,
}

impl Meta {
    /// Just an id (out of line: rare, and the code that builds events
    /// inline stays small).
    #[inline(never)]
    fn id(id: &Utf8Bytes) -> Box<Meta> {
        Box::new(Meta {
            event_type: None,
            id: Some(id.clone()),
        })
    }
}

impl Event {
    /// An event of the default type (`message`) with `data` and no id, for the
    /// [`Encoder`](crate::Encoder) and for tests.
    ///
    /// ```
    /// # use openrouter_sse::Event;
    /// let event = Event::new("line 1\nline 2");
    /// assert_eq!(event.event_type(), None);
    /// assert_eq!(event.id(), None);
    /// ```
    pub fn new(data: impl Into<String>) -> Self {
        Event {
            data: Utf8Bytes::from(data.into()),
            meta: None,
        }
    }

    /// An event with data only (nearly every one): no test of the optional
    /// parts.
    pub(crate) fn from_data(data: Utf8Bytes) -> Self {
        Event { data, meta: None }
    }

    /// An event of the default type with `data` and `id` (usually none).
    #[inline(always)]
    pub(crate) fn with_last_id(data: Utf8Bytes, id: Option<&Utf8Bytes>) -> Self {
        Event {
            data,
            meta: id.map(Meta::id),
        }
    }

    pub(crate) fn from_parts(
        data: Utf8Bytes,
        event_type: Option<Utf8Bytes>,
        id: Option<Utf8Bytes>,
    ) -> Self {
        let meta =
            (event_type.is_some() || id.is_some()).then(|| Box::new(Meta { event_type, id }));
        Event { data, meta }
    }

    /// Sets the event type; an empty string means the default type (`None`).
    ///
    /// ```
    /// # use openrouter_sse::Event;
    /// assert_eq!(Event::new("").with_event_type("").event_type(), None);
    /// ```
    #[must_use]
    pub fn with_event_type(self, event_type: impl Into<String>) -> Self {
        let event_type = event_type.into();
        let event_type = (!event_type.is_empty()).then(|| Utf8Bytes::from(event_type));
        let id = self.meta.and_then(|meta| meta.id);
        Event::from_parts(self.data, event_type, id)
    }

    /// Sets the id (`""` is an id that resets the last event ID).
    ///
    /// ```
    /// # use openrouter_sse::Event;
    /// assert_eq!(Event::new("").with_id("").id(), Some(""));
    /// ```
    #[must_use]
    pub fn with_id(self, id: impl Into<String>) -> Self {
        let event_type = self.meta.and_then(|meta| meta.event_type);
        Event::from_parts(self.data, event_type, Some(Utf8Bytes::from(id.into())))
    }

    /// The data: the event's `data` lines joined with `\n`.
    ///
    /// ```
    /// # use openrouter_sse::Parser;
    /// let mut parser = Parser::new();
    /// parser.feed(b"data: a\ndata: b\n\n");
    /// assert_eq!(parser.next_frame().unwrap()?.as_event().unwrap().data(), "a\nb");
    /// # Ok::<(), openrouter_sse::Error>(())
    /// ```
    pub fn data(&self) -> &str {
        self.data.as_str()
    }

    /// The data as shared bytes (valid UTF-8); a reference-count increment,
    /// not a copy.
    ///
    /// ```
    /// # use openrouter_sse::Event;
    /// assert_eq!(&Event::new("hi").data_bytes()[..], b"hi");
    /// ```
    pub fn data_bytes(&self) -> Bytes {
        self.data.as_bytes().clone()
    }

    /// Takes the data out as a `String` (one copy).
    ///
    /// ```
    /// # use openrouter_sse::Event;
    /// assert_eq!(Event::new("hi").into_data(), "hi");
    /// ```
    pub fn into_data(self) -> String {
        self.data.as_str().to_owned()
    }

    /// Takes the data out as shared bytes (valid UTF-8), without copying.
    ///
    /// ```
    /// # use openrouter_sse::Event;
    /// assert_eq!(&Event::new("hi").into_data_bytes()[..], b"hi");
    /// ```
    pub fn into_data_bytes(self) -> Bytes {
        self.data.into_bytes()
    }

    /// The event type from the last `event` field of the block, or `None` for
    /// the default type `message` (no field, or an empty one).
    ///
    /// ```
    /// # use openrouter_sse::Parser;
    /// let mut parser = Parser::new();
    /// parser.feed(b"event: ping\ndata: 1\n\n");
    /// assert_eq!(parser.next_frame().unwrap()?.as_event().unwrap().event_type(), Some("ping"));
    /// # Ok::<(), openrouter_sse::Error>(())
    /// ```
    pub fn event_type(&self) -> Option<&str> {
        self.meta
            .as_ref()?
            .event_type
            .as_ref()
            .map(Utf8Bytes::as_str)
    }

    /// The last event ID in effect when the event was dispatched: `None` if
    /// the stream never set one, `Some("")` if an empty `id` field reset it.
    /// It persists across events, as the spec requires.
    ///
    /// ```
    /// # use openrouter_sse::Parser;
    /// let mut parser = Parser::new();
    /// parser.feed(b"id: 42\ndata: a\n\ndata: b\n\n");
    /// assert_eq!(parser.next_frame().unwrap()?.as_event().unwrap().id(), Some("42"));
    /// assert_eq!(parser.next_frame().unwrap()?.as_event().unwrap().id(), Some("42"));
    /// # Ok::<(), openrouter_sse::Error>(())
    /// ```
    pub fn id(&self) -> Option<&str> {
        self.meta.as_ref()?.id.as_ref().map(Utf8Bytes::as_str)
    }
}

impl fmt::Debug for Event {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Event")
            .field("event_type", &self.event_type())
            .field("data", &self.data())
            .field("id", &self.id())
            .finish()
    }
}

/// A comment line: everything after the `:`, verbatim.
///
/// ```
/// use openrouter_sse::{Frame, Parser};
///
/// let mut parser = Parser::new();
/// parser.feed(b": OPENROUTER PROCESSING\n\n");
/// let Some(Ok(Frame::Comment(comment))) = parser.next_frame() else { panic!() };
/// assert_eq!(comment.text(), " OPENROUTER PROCESSING");
/// ```
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Comment {
    pub(crate) text: Utf8Bytes,
}

impl Comment {
    /// A comment with `text` (what follows the `:`; include a leading space if
    /// you want one on the wire).
    ///
    /// ```
    /// # use openrouter_sse::Comment;
    /// assert_eq!(Comment::new(" keep-alive").text(), " keep-alive");
    /// ```
    pub fn new(text: impl Into<String>) -> Self {
        Comment {
            text: Utf8Bytes::from(text.into()),
        }
    }

    /// The text after the colon, leading space included.
    ///
    /// ```
    /// # use openrouter_sse::Comment;
    /// assert_eq!(Comment::new("x").text(), "x");
    /// ```
    pub fn text(&self) -> &str {
        self.text.as_str()
    }

    /// The text as shared bytes (valid UTF-8), without copying.
    ///
    /// ```
    /// # use openrouter_sse::Comment;
    /// assert_eq!(&Comment::new("x").text_bytes()[..], b"x");
    /// ```
    pub fn text_bytes(&self) -> Bytes {
        self.text.as_bytes().clone()
    }
}

impl fmt::Debug for Comment {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Comment").field(&self.text()).finish()
    }
}
