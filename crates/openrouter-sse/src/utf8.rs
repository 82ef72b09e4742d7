//! `Utf8Bytes`: a `Bytes` known to hold UTF-8, so frames validate once and
//! hand out `&str` views and cheap clones without copying.

use std::fmt;
use std::ops::Range;

use bytes::Bytes;

/// Shared, immutable bytes that are valid UTF-8.
///
/// Every constructor validates (or lossily decodes, as the WHATWG event stream
/// algorithm requires), so `as_str` never has to check again.
#[derive(Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) struct Utf8Bytes(Bytes);

impl Utf8Bytes {
    /// Decodes `bytes` per the WHATWG "UTF-8 decode": valid input is kept
    /// without copying, each maximal invalid subpart becomes U+FFFD.
    pub(crate) fn decode(bytes: Bytes) -> Self {
        if is_utf8(&bytes) {
            Self(bytes)
        } else {
            Self::lossy(&bytes)
        }
    }

    /// Like [`Utf8Bytes::decode`] for borrowed input: one copy, one validation.
    pub(crate) fn decode_slice(bytes: &[u8]) -> Self {
        if is_utf8(bytes) {
            Self(Bytes::copy_from_slice(bytes))
        } else {
            Self::lossy(bytes)
        }
    }

    /// Checks `chunk[range]`, whose non-ASCII bytes are known to lie in
    /// `non_ascii` (first and last, inclusive, relative to `range.start`;
    /// [`scan_line`](crate::scan::scan_line) found them while looking for
    /// the line end): only those are validated, nothing at all when there
    /// are none. `None` if the range is not valid UTF-8.
    #[inline(always)]
    pub(crate) fn check_scanned(
        chunk: &[u8],
        range: Range<usize>,
        non_ascii: Option<(usize, usize)>,
    ) -> Option<Checked> {
        let value = chunk.get(range.clone())?;
        if let Some((first, last)) = non_ascii {
            debug_assert!(value[..first].is_ascii() && value[last + 1..].is_ascii());
            // ASCII bytes are whole characters, so the value is valid if the
            // bytes between its ASCII ends are.
            std::str::from_utf8(value.get(first..=last)?).ok()?;
        } else {
            debug_assert!(value.is_ascii());
        }
        Some(Checked {
            start: range.start,
            end: range.end,
            chunk: chunk.as_ptr() as usize,
        })
    }

    #[cold]
    fn lossy(bytes: &[u8]) -> Self {
        Self(Bytes::from(String::from_utf8_lossy(bytes).into_owned()))
    }

    pub(crate) fn as_str(&self) -> &str {
        debug_assert!(std::str::from_utf8(&self.0).is_ok());
        // SAFETY: every constructor of `Utf8Bytes` either validated the bytes
        // (with `str::from_utf8`, or, for `Checked::slice` and
        // `Checked::owned`, by the scan for non-ASCII bytes and
        // `str::from_utf8` on those) or built them from a `String`, and the
        // bytes are immutable afterwards.
        #[allow(
            unsafe_code,
            reason = "re-validating on every access would defeat the point of validating once; \
                      the invariant is upheld by every constructor in this module"
        )]
        unsafe {
            std::str::from_utf8_unchecked(&self.0)
        }
    }

    pub(crate) fn as_bytes(&self) -> &Bytes {
        &self.0
    }

    pub(crate) fn into_bytes(self) -> Bytes {
        self.0
    }

    pub(crate) fn len(&self) -> usize {
        self.0.len()
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// UTF-8 validation with a fast path for ASCII, which most SSE payloads
/// (JSON, often with non-ASCII escaped) are: `is_ascii` checks a word at a
/// time and measured about three times faster than `str::from_utf8` on
/// OpenRouter-sized lines.
fn is_utf8(bytes: &[u8]) -> bool {
    is_ascii(bytes) || std::str::from_utf8(bytes).is_ok()
}

/// Whether every byte is ASCII, 16 bytes a step with no early exit (the
/// compiler makes each step one vector OR) and the tail covered by one
/// overlapping block instead of a byte loop. Values are a few hundred bytes
/// of nearly always ASCII JSON: this takes about half the instructions of
/// `<[u8]>::is_ascii` on them (measured under callgrind). A non-ASCII value
/// is validated in full afterwards anyway.
pub(crate) fn is_ascii(bytes: &[u8]) -> bool {
    let len = bytes.len();
    if len < 16 {
        let word = |at: usize| u64::from_ne_bytes(bytes[at..at + 8].try_into().unwrap_or([0; 8]));
        return if len < 8 {
            bytes.iter().fold(0, |acc, &b| acc | b) < 0x80
        } else {
            (word(0) | word(len - 8)) & u64::from_ne_bytes([0x80; 8]) == 0
        };
    }
    let (blocks, _) = bytes.as_chunks::<16>();
    let mut acc: [u8; 16] = bytes[len - 16..].try_into().unwrap_or([0; 16]);
    for block in blocks {
        for (a, b) in acc.iter_mut().zip(block) {
            *a |= b;
        }
    }
    u128::from_ne_bytes(acc) & u128::from_ne_bytes([0x80; 16]) == 0
}

/// A range of a chunk that [`Utf8Bytes::check_scanned`] found valid (the
/// default: the empty range).
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Checked {
    start: usize,
    end: usize,
    /// The address of the chunk checked: taking the range from another
    /// chunk is a bug, caught before it could hand out unchecked bytes.
    chunk: usize,
}

impl Checked {
    /// The checked range of `chunk`, which must be the chunk checked, as a
    /// shared slice. No branch: the `Bytes` is built where it is returned
    /// (a merge of two paths would build it in a temporary and copy it, and
    /// that copy stalls on the stores that just wrote it).
    ///
    /// # Panics
    ///
    /// If `chunk` is not at the address checked: a bug in the parser,
    /// which would otherwise hand out unchecked bytes as `&str`.
    #[inline(always)]
    pub(crate) fn slice(self, chunk: &Bytes) -> Utf8Bytes {
        assert!(
            chunk.as_ptr() as usize == self.chunk,
            "openrouter-sse bug: a value checked in one chunk taken from another"
        );
        debug_assert!(std::str::from_utf8(&chunk[self.start..self.end]).is_ok());
        Utf8Bytes(chunk.slice(self.start..self.end))
    }

    /// `bytes`, which must be the checked range itself (split off the
    /// buffer checked).
    ///
    /// # Panics
    ///
    /// If `bytes` is not the range checked: a bug in the parser, as above.
    #[inline(always)]
    pub(crate) fn owned(self, bytes: Bytes) -> Utf8Bytes {
        assert!(
            bytes.as_ptr() as usize == self.chunk + self.start
                && bytes.len() == self.end - self.start,
            "openrouter-sse bug: a value checked in one buffer taken from another"
        );
        debug_assert!(std::str::from_utf8(&bytes).is_ok());
        Utf8Bytes(bytes)
    }
}

impl From<String> for Utf8Bytes {
    fn from(s: String) -> Self {
        Self(Bytes::from(s))
    }
}

impl From<&str> for Utf8Bytes {
    fn from(s: &str) -> Self {
        Self(Bytes::copy_from_slice(s.as_bytes()))
    }
}

impl fmt::Debug for Utf8Bytes {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_sequences_become_replacement_characters_per_maximal_subpart() {
        let input = b"a\xF0\x9F\x98b\xC0\xAFc\xED\xA0\x80";
        let decoded = Utf8Bytes::decode(Bytes::from_static(input));
        assert_eq!(decoded.as_str(), String::from_utf8_lossy(input));
        assert_eq!(
            decoded.as_str(),
            "a\u{FFFD}b\u{FFFD}\u{FFFD}c\u{FFFD}\u{FFFD}\u{FFFD}"
        );
    }

    #[test]
    fn the_ascii_check_agrees_with_the_standard_one() {
        let mut bytes = [b'a'; 80];
        for len in 0..bytes.len() {
            assert!(is_ascii(&bytes[..len]));
            for i in 0..len {
                bytes[i] = 0x80;
                assert!(!is_ascii(&bytes[..len]), "{len} {i}");
                bytes[i] = b'a';
            }
        }
    }

    #[test]
    fn valid_input_is_shared_not_copied() {
        let chunk = Bytes::from(b"data: hello".to_vec());
        let value = chunk.slice(6..);
        let ptr = value.as_ptr();
        let decoded = Utf8Bytes::decode(value);
        assert_eq!(decoded.as_bytes().as_ptr(), ptr);
        assert_eq!(decoded.as_str(), "hello");
    }
}
