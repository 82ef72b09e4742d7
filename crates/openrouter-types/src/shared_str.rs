//! [`SharedStr`]: the string type of stream chunks, which can share the
//! buffer it was decoded from instead of allocating.
//!
//! A streamed chat chunk carries four or five strings (`id`, `model`, the
//! content delta, `system_fingerprint`…). As `String`s they were most of the
//! allocations of a streamed answer (5.3 per chunk, `BENCHMARKS.md`). A
//! `SharedStr` keeps a short string inline and a long one as a slice of the
//! event's [`Bytes`], so decoding a chunk allocates nothing for its strings.

use std::borrow::Borrow;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::ops::Deref;

use bytes::Bytes;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Longest string kept inline: copying up to this many bytes costs less than
/// the two atomic reference-count updates of sharing a buffer, and keeps
/// `SharedStr` as small as `Bytes` plus its tag.
const INLINE: usize = 22;

/// An immutable UTF-8 string that is either short and stored inline, or a
/// shared slice of a [`Bytes`] buffer (a reference-count increment to clone).
///
/// It dereferences to `str`, so it reads like a `String`:
///
/// ```
/// use openrouter_types::SharedStr;
/// let text = SharedStr::from("Hello");
/// assert_eq!(text, "Hello");
/// assert_eq!(text.len(), 5);
/// assert!(text.starts_with("He"));
/// let owned: String = text.into();
/// assert_eq!(owned, "Hello");
/// ```
///
/// A `SharedStr` decoded by [`ChatChunk::from_json_in`](crate::ChatChunk::from_json_in)
/// may keep the event's whole buffer alive while it lives; convert it to a
/// `String` to keep it for long.
#[derive(Clone)]
pub struct SharedStr(Repr);

#[derive(Clone)]
enum Repr {
    Inline {
        len: u8,
        bytes: [u8; INLINE],
    },
    /// Valid UTF-8, checked or inherited from a `str` by every constructor.
    Shared(Bytes),
}

impl SharedStr {
    /// The empty string.
    ///
    /// ```
    /// assert!(openrouter_types::SharedStr::new().is_empty());
    /// ```
    pub const fn new() -> Self {
        SharedStr(Repr::Inline {
            len: 0,
            bytes: [0; INLINE],
        })
    }

    /// A string pointing at static text, without copying.
    ///
    /// ```
    /// const STOP: openrouter_types::SharedStr = openrouter_types::SharedStr::from_static("stop");
    /// assert_eq!(STOP, "stop");
    /// ```
    pub const fn from_static(text: &'static str) -> Self {
        SharedStr(Repr::Shared(Bytes::from_static(text.as_bytes())))
    }

    /// Wraps `bytes` after checking they are UTF-8, without copying.
    ///
    /// ```
    /// use bytes::Bytes;
    /// use openrouter_types::SharedStr;
    /// assert_eq!(SharedStr::from_utf8(Bytes::from_static(b"ok")).unwrap(), "ok");
    /// assert!(SharedStr::from_utf8(Bytes::from_static(b"\xff")).is_err());
    /// ```
    pub fn from_utf8(bytes: Bytes) -> Result<Self, std::str::Utf8Error> {
        std::str::from_utf8(&bytes)?;
        Ok(SharedStr(Repr::Shared(bytes)))
    }

    /// `text`, which lies inside `buffer` at `range`: inline when short, else
    /// a slice of `buffer`.
    pub(crate) fn from_buffer(text: &str, buffer: &Bytes, range: std::ops::Range<usize>) -> Self {
        debug_assert_eq!(&buffer[range.clone()], text.as_bytes());
        if text.len() <= INLINE {
            // A fixed-size copy (no `memcpy` call) when the buffer has the
            // bytes; those past `len` are never read.
            if let Some(window) = buffer.get(range.start..range.start + INLINE) {
                let mut bytes = [0; INLINE];
                bytes.copy_from_slice(window);
                return SharedStr(Repr::Inline {
                    len: text.len() as u8,
                    bytes,
                });
            }
            Self::inline(text)
        } else {
            // `buffer[range]` is `text`, so the slice is UTF-8.
            SharedStr(Repr::Shared(buffer.slice(range)))
        }
    }

    fn inline(text: &str) -> Self {
        let mut bytes = [0; INLINE];
        bytes[..text.len()].copy_from_slice(text.as_bytes());
        SharedStr(Repr::Inline {
            len: text.len() as u8,
            bytes,
        })
    }

    /// The text.
    pub fn as_str(&self) -> &str {
        let bytes = match &self.0 {
            Repr::Inline { len, bytes } => &bytes[..usize::from(*len)],
            Repr::Shared(bytes) => bytes,
        };
        debug_assert!(std::str::from_utf8(bytes).is_ok());
        // SAFETY: every constructor stores UTF-8: inline bytes are copied from
        // a `str` (whole, so no character is cut), shared bytes come from a
        // `str`, a `String`, `from_utf8` (checked), or `from_buffer`, whose
        // range is exactly a `str`'s bytes. Neither representation is ever
        // mutated afterwards.
        #[allow(
            unsafe_code,
            reason = "checking again on every access would cost what sharing saves; \
                      every constructor in this module upholds the invariant"
        )]
        unsafe {
            std::str::from_utf8_unchecked(bytes)
        }
    }
}

impl Default for SharedStr {
    fn default() -> Self {
        Self::new()
    }
}

impl Deref for SharedStr {
    type Target = str;

    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for SharedStr {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl Borrow<str> for SharedStr {
    fn borrow(&self) -> &str {
        self.as_str()
    }
}

impl From<&str> for SharedStr {
    fn from(text: &str) -> Self {
        if text.len() <= INLINE {
            Self::inline(text)
        } else {
            SharedStr(Repr::Shared(Bytes::copy_from_slice(text.as_bytes())))
        }
    }
}

impl From<String> for SharedStr {
    fn from(text: String) -> Self {
        if text.len() <= INLINE {
            Self::inline(&text)
        } else {
            SharedStr(Repr::Shared(Bytes::from(text)))
        }
    }
}

impl From<SharedStr> for String {
    fn from(text: SharedStr) -> Self {
        text.as_str().to_owned()
    }
}

impl fmt::Debug for SharedStr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for SharedStr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self.as_str(), f)
    }
}

impl PartialEq for SharedStr {
    fn eq(&self, other: &Self) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for SharedStr {}

impl PartialOrd for SharedStr {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for SharedStr {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.as_str().cmp(other.as_str())
    }
}

impl Hash for SharedStr {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
    }
}

macro_rules! eq_with {
    ($($other:ty),+) => {$(
        impl PartialEq<$other> for SharedStr {
            fn eq(&self, other: &$other) -> bool {
                self.as_str() == AsRef::<str>::as_ref(other)
            }
        }
        impl PartialEq<SharedStr> for $other {
            fn eq(&self, other: &SharedStr) -> bool {
                AsRef::<str>::as_ref(self) == other.as_str()
            }
        }
    )+};
}
eq_with!(str, &str, String);

impl Serialize for SharedStr {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for SharedStr {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = SharedStr;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<SharedStr, E> {
                Ok(SharedStr::from(text))
            }
            fn visit_string<E: serde::de::Error>(self, text: String) -> Result<SharedStr, E> {
                Ok(SharedStr::from(text))
            }
        }
        deserializer.deserialize_string(Visitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_text_is_inline_and_long_text_shares_the_buffer() {
        let buffer = Bytes::from_static(b"[\"hi\",\"a string longer than twenty-two bytes\"]");
        let short = SharedStr::from_buffer("hi", &buffer, 2..4);
        assert!(matches!(short.0, Repr::Inline { len: 2, .. }));
        let long = SharedStr::from_buffer("a string longer than twenty-two bytes", &buffer, 7..44);
        let Repr::Shared(bytes) = &long.0 else {
            panic!("a long string is shared")
        };
        assert_eq!(bytes.as_ptr(), buffer[7..].as_ptr(), "no copy");
        assert_eq!(long, "a string longer than twenty-two bytes");
    }

    #[test]
    fn inline_limit_holds_a_whole_multibyte_text() {
        let text = "é".repeat(11); // 22 bytes of two-byte characters
        assert_eq!(text.len(), INLINE);
        assert!(matches!(
            SharedStr::from(text.as_str()).0,
            Repr::Inline { len: 22, .. }
        ));
        assert_eq!(SharedStr::from(text.as_str()), text);
        let longer = format!("{text}é");
        assert!(matches!(SharedStr::from(longer.clone()).0, Repr::Shared(_)));
        assert_eq!(SharedStr::from(longer.clone()), longer);
    }

    #[test]
    fn compares_hashes_and_orders_like_str() {
        use std::collections::HashSet;
        let a = SharedStr::from("apple");
        let long = SharedStr::from("apple".repeat(10));
        assert_eq!(a, *"apple");
        assert_eq!("apple", a);
        assert_eq!(a, "apple".to_owned());
        assert!(a < long);
        let set: HashSet<SharedStr> = [a.clone()].into();
        assert!(set.contains("apple"));
        assert_eq!(format!("{a:?} {a}"), "\"apple\" apple");
    }

    #[test]
    fn round_trips_through_json() {
        for text in ["", "short", "é\n\"quoted\" and long enough to be shared"] {
            let json = serde_json::to_string(&SharedStr::from(text)).unwrap();
            assert_eq!(json, serde_json::to_string(text).unwrap());
            let back: SharedStr = serde_json::from_str(&json).unwrap();
            assert_eq!(back, text);
        }
    }

    #[test]
    fn is_no_larger_than_a_string_and_a_word() {
        assert!(size_of::<SharedStr>() <= size_of::<String>() + 16);
    }
}
