//! A JSON cursor for the chunk decoder's fast path. It reads the shapes a
//! chunk takes on the wire and returns `None` at anything it does not
//! handle itself (escaped keys, floats where integers go, malformed text…),
//! leaving serde_json to decide: the fast path may give up, never disagree.

use bytes::Bytes;
use serde::de::DeserializeOwned;

use crate::SharedStr;

/// Deepest nesting the skipper follows. serde_json's own limit is 128; a
/// value nested deeper than this is left to it, so a sub-value decoded on
/// its own can never succeed where the whole document would not.
const MAX_DEPTH: usize = 96;

/// Bytes that end the plain run of a JSON string: `"`, `\` and control
/// characters, found eight at a time.
const ONES: u64 = u64::from_ne_bytes([1; 8]);
const HIGHS: u64 = ONES * 0x80;

pub(super) struct Cursor<'a> {
    text: &'a str,
    pos: usize,
    /// The buffer `text` lies in, and where: long strings become slices of it.
    buffer: Option<(&'a Bytes, usize)>,
}

impl<'a> Cursor<'a> {
    pub(super) fn new(text: &'a str, buffer: Option<&'a Bytes>) -> Self {
        let buffer = buffer.and_then(|buffer| {
            let start = (text.as_ptr() as usize).checked_sub(buffer.as_ptr() as usize)?;
            (start + text.len() <= buffer.len()).then_some((buffer, start))
        });
        Cursor {
            text,
            pos: 0,
            buffer,
        }
    }

    fn bytes(&self) -> &'a [u8] {
        self.text.as_bytes()
    }

    /// The next byte after whitespace, not consumed.
    pub(super) fn peek(&mut self) -> Option<u8> {
        let bytes = self.bytes();
        let byte = *bytes.get(self.pos)?;
        // Every structural byte is above the space: one test for the usual
        // case of no whitespace.
        if byte > b' ' {
            return Some(byte);
        }
        while let Some(&byte) = bytes.get(self.pos) {
            if !matches!(byte, b' ' | b'\n' | b'\r' | b'\t') {
                return Some(byte);
            }
            self.pos += 1;
        }
        None
    }

    pub(super) fn eat(&mut self, byte: u8) -> Option<()> {
        (self.peek()? == byte).then(|| self.pos += 1)
    }

    /// Whether only whitespace is left.
    pub(super) fn at_end(&mut self) -> bool {
        self.peek().is_none()
    }

    /// Reads `{ "key": value, … }`, handing each key to `field`, which must
    /// read the value.
    pub(super) fn object(
        &mut self,
        mut field: impl FnMut(&mut Self, &'a [u8]) -> Option<()>,
    ) -> Option<()> {
        self.eat(b'{')?;
        if self.peek()? == b'}' {
            self.pos += 1;
            return Some(());
        }
        loop {
            let key = self.key()?;
            self.eat(b':')?;
            field(self, key)?;
            match self.peek()? {
                b',' => self.pos += 1,
                b'}' => {
                    self.pos += 1;
                    return Some(());
                }
                _ => return None,
            }
        }
    }

    /// Reads `[ item, … ]`, calling `item` for each element.
    pub(super) fn array(&mut self, mut item: impl FnMut(&mut Self) -> Option<()>) -> Option<()> {
        self.eat(b'[')?;
        if self.peek()? == b']' {
            self.pos += 1;
            return Some(());
        }
        loop {
            item(self)?;
            match self.peek()? {
                b',' => self.pos += 1,
                b']' => {
                    self.pos += 1;
                    return Some(());
                }
                _ => return None,
            }
        }
    }

    /// A key, as bytes up to the next quote. Keys are short, so one
    /// word-wise test for the quote usually finds it. The bytes are not
    /// checked: a key with an escape or a control character matches no
    /// known field, and [`Cursor::checked_key`] checks the others.
    fn key(&mut self) -> Option<&'a [u8]> {
        self.eat(b'"')?;
        let bytes = self.bytes();
        let start = self.pos;
        let end = match bytes.get(start..start + 8) {
            Some(word) => {
                let word = u64::from_le_bytes(word.try_into().unwrap_or_default());
                let quote = word ^ (ONES * u64::from(b'"'));
                let found = quote.wrapping_sub(ONES) & !quote & HIGHS;
                if found == 0 {
                    plain_run(bytes, start + 8)
                } else {
                    start + (found.trailing_zeros() / 8) as usize
                }
            }
            None => plain_run(bytes, start),
        };
        if bytes.get(end) != Some(&b'"') {
            return None;
        }
        self.pos = end + 1;
        Some(&bytes[start..end])
    }

    /// `key` (from [`Cursor::object`]) as text, if it is a plain key: no
    /// escape, no control character. For keys that matched no field.
    pub(super) fn checked_key(key: &[u8]) -> Option<&str> {
        if key.iter().any(|&byte| byte == b'\\' || byte < 0x20) {
            return None;
        }
        // Cut from a `str` at quotes, so UTF-8.
        std::str::from_utf8(key).ok()
    }

    /// Consumes `null` if it comes next.
    pub(super) fn null(&mut self) -> Option<bool> {
        if self.peek()? != b'n' {
            return Some(false);
        }
        if self.bytes().get(self.pos..self.pos + 4) == Some(b"null") {
            self.pos += 4;
            Some(true)
        } else {
            None
        }
    }

    /// A string's text: borrowed when it has no escapes, else decoded.
    /// Inlined: its callers branch on the result it just built.
    #[inline(always)]
    fn text(&mut self) -> Option<Text> {
        self.eat(b'"')?;
        let start = self.pos;
        let end = plain_run(self.bytes(), start);
        match self.bytes().get(end)? {
            b'"' => {
                self.pos = end + 1;
                Some(Text::Plain(start..end))
            }
            b'\\' => self.unescape(start, end).map(Text::Escaped),
            _ => None,
        }
    }

    /// A string, sharing the buffer when long and unescaped.
    pub(super) fn string(&mut self) -> Option<SharedStr> {
        Some(match self.text()? {
            Text::Plain(range) => {
                let text = &self.text[range.clone()];
                match self.buffer {
                    Some((buffer, offset)) => SharedStr::from_buffer(
                        text,
                        buffer,
                        offset + range.start..offset + range.end,
                    ),
                    None => SharedStr::from(text),
                }
            }
            Text::Escaped(text) => text,
        })
    }

    /// `null` as `None`, else a string.
    pub(super) fn optional_string(&mut self) -> Option<Option<SharedStr>> {
        if self.null()? {
            return Some(None);
        }
        self.string().map(Some)
    }

    /// A string decoded into `T` by `T`'s own `Deserialize` (the open enums),
    /// from borrowed text when it has no escapes.
    pub(super) fn parsed<T: DeserializeOwned>(&mut self) -> Option<T> {
        use serde::de::value::{Error, StrDeserializer};
        let escaped;
        let text = match self.text()? {
            Text::Plain(range) => &self.text[range],
            Text::Escaped(text) => {
                escaped = text;
                escaped.as_str()
            }
        };
        T::deserialize(StrDeserializer::<Error>::new(text)).ok()
    }

    /// `null` as `None`, else [`Cursor::parsed`].
    pub(super) fn optional_parsed<T: DeserializeOwned>(&mut self) -> Option<Option<T>> {
        if self.null()? {
            return Some(None);
        }
        self.parsed().map(Some)
    }

    /// A non-negative integer of at most 18 digits; anything else (a sign,
    /// a fraction, an exponent, a leading zero) is left to serde_json.
    pub(super) fn integer(&mut self) -> Option<u64> {
        self.peek()?;
        let bytes = self.bytes();
        let start = self.pos;
        let mut value: u64 = 0;
        while let Some(&byte) = bytes.get(self.pos) {
            if !byte.is_ascii_digit() {
                break;
            }
            // Wrapping: more than 18 digits are rejected below anyway.
            value = value.wrapping_mul(10).wrapping_add(u64::from(byte - b'0'));
            self.pos += 1;
        }
        let digits = self.pos - start;
        let leading_zero = digits > 1 && bytes[start] == b'0';
        let fraction = matches!(bytes.get(self.pos), Some(b'.' | b'e' | b'E'));
        (digits > 0 && digits <= 18 && !leading_zero && !fraction).then_some(value)
    }

    /// Any value, decoded by serde_json from its own text (the rare and
    /// nested fields: usage, errors, tool calls…).
    pub(super) fn value<T: DeserializeOwned>(&mut self) -> Option<T> {
        let raw = self.skip()?;
        serde_json::from_str(raw).ok()
    }

    /// `null` as `None` (as serde reads an `Option`), else [`Cursor::value`].
    pub(super) fn optional_value<T: DeserializeOwned>(&mut self) -> Option<Option<T>> {
        if self.null()? {
            return Some(None);
        }
        self.value().map(Some)
    }

    /// Steps over one value and returns its text. Brackets are only
    /// counted, not matched: serde_json, reading the text afterwards, rejects
    /// what does not parse, and a value that parses ends where the count
    /// ends.
    fn skip(&mut self) -> Option<&'a str> {
        let first = self.peek()?;
        let bytes = self.bytes();
        let start = self.pos;
        match first {
            b'"' => self.skip_string()?,
            b'{' | b'[' => {
                let mut depth = 0usize;
                loop {
                    match *bytes.get(self.pos)? {
                        b'"' => {
                            self.skip_string()?;
                            continue;
                        }
                        b'{' | b'[' => {
                            depth += 1;
                            if depth > MAX_DEPTH {
                                return None;
                            }
                        }
                        b'}' | b']' => {
                            depth -= 1;
                            if depth == 0 {
                                self.pos += 1;
                                break;
                            }
                        }
                        _ => {}
                    }
                    self.pos += 1;
                }
            }
            _ => {
                while let Some(byte) = bytes.get(self.pos) {
                    if matches!(byte, b',' | b'}' | b']' | b' ' | b'\n' | b'\r' | b'\t') {
                        break;
                    }
                    self.pos += 1;
                }
            }
        }
        (self.pos > start).then(|| &self.text[start..self.pos])
    }

    fn skip_string(&mut self) -> Option<()> {
        let bytes = self.bytes();
        self.pos += 1;
        loop {
            let end = plain_run(bytes, self.pos);
            match *bytes.get(end)? {
                b'"' => {
                    self.pos = end + 1;
                    return Some(());
                }
                b'\\' => self.pos = end + 2,
                // A control character: invalid, serde_json will say so.
                _ => self.pos = end + 1,
            }
        }
    }

    /// The slow part of [`Cursor::string`]: `end` is the first backslash.
    fn unescape(&mut self, start: usize, mut end: usize) -> Option<SharedStr> {
        let bytes = self.bytes();
        let mut out = Unescaped::default();
        let mut run = start;
        loop {
            out.push(&bytes[run..end]);
            match *bytes.get(end)? {
                b'"' => {
                    self.pos = end + 1;
                    return out.finish();
                }
                b'\\' => {}
                _ => return None,
            }
            let escape = *bytes.get(end + 1)?;
            let mut next = end + 2;
            let byte = match escape {
                b'"' => b'"',
                b'\\' => b'\\',
                b'/' => b'/',
                b'b' => 0x08,
                b'f' => 0x0c,
                b'n' => b'\n',
                b'r' => b'\r',
                b't' => b'\t',
                b'u' => {
                    let (ch, after) = unicode_escape(bytes, end + 2)?;
                    out.push(ch.encode_utf8(&mut [0; 4]).as_bytes());
                    next = after;
                    run = next;
                    end = plain_run(bytes, run);
                    continue;
                }
                _ => return None,
            };
            out.push(&[byte]);
            run = next;
            end = plain_run(bytes, run);
        }
    }
}

/// `XXXX` of `\uXXXX` at `at`, joined with a following low surrogate if it
/// is a high one; a lone surrogate is left to serde_json (which rejects it).
fn unicode_escape(bytes: &[u8], at: usize) -> Option<(char, usize)> {
    let unit = hex4(bytes.get(at..at + 4)?)?;
    match unit {
        0xD800..=0xDBFF => {
            if bytes.get(at + 4..at + 6)? != b"\\u" {
                return None;
            }
            let low = hex4(bytes.get(at + 6..at + 10)?)?;
            if !(0xDC00..=0xDFFF).contains(&low) {
                return None;
            }
            let code = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
            Some((char::from_u32(code)?, at + 10))
        }
        0xDC00..=0xDFFF => None,
        _ => Some((char::from_u32(unit)?, at + 4)),
    }
}

fn hex4(digits: &[u8]) -> Option<u32> {
    digits.iter().try_fold(0u32, |value, &digit| {
        Some(value << 4 | char::from(digit).to_digit(16)?)
    })
}

/// Index of the first `"`, `\` or control character at or after `from`
/// (`bytes.len()` if none).
fn plain_run(bytes: &[u8], from: usize) -> usize {
    let mut at = from;
    while let Some(word) = bytes.get(at..at + 8) {
        let word = u64::from_le_bytes(word.try_into().unwrap_or_default());
        let quote = word ^ (ONES * u64::from(b'"'));
        let backslash = word ^ (ONES * u64::from(b'\\'));
        // Each term flags its bytes of interest; above a flagged byte a term
        // can flag falsely (the borrow), so only the lowest flag is read.
        let found = (quote.wrapping_sub(ONES) & !quote)
            | (backslash.wrapping_sub(ONES) & !backslash)
            | (word.wrapping_sub(ONES * 0x20) & !word);
        let found = found & HIGHS;
        if found != 0 {
            return at + (found.trailing_zeros() / 8) as usize;
        }
        at += 8;
    }
    while let Some(&byte) = bytes.get(at) {
        if byte == b'"' || byte == b'\\' || byte < 0x20 {
            return at;
        }
        at += 1;
    }
    at
}

/// What [`Cursor::text`] read: the range of a string without escapes in the
/// cursor's text, or the decoded string.
enum Text {
    Plain(std::ops::Range<usize>),
    Escaped(SharedStr),
}

/// An unescaped string being built: on the stack while it fits inline.
#[derive(Default)]
struct Unescaped {
    small: [u8; 32],
    len: usize,
    spilled: Option<Vec<u8>>,
}

impl Unescaped {
    fn push(&mut self, part: &[u8]) {
        if let Some(spilled) = &mut self.spilled {
            spilled.extend_from_slice(part);
        } else if self.len + part.len() <= self.small.len() {
            self.small[self.len..self.len + part.len()].copy_from_slice(part);
            self.len += part.len();
        } else {
            let mut spilled = Vec::with_capacity((self.len + part.len()) * 2);
            spilled.extend_from_slice(&self.small[..self.len]);
            spilled.extend_from_slice(part);
            self.spilled = Some(spilled);
        }
    }

    fn finish(self) -> Option<SharedStr> {
        // Pieces of a `str` cut at ASCII bytes, and whole characters: UTF-8.
        match self.spilled {
            Some(spilled) => String::from_utf8(spilled).ok().map(SharedStr::from),
            None => std::str::from_utf8(&self.small[..self.len])
                .ok()
                .map(SharedStr::from),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_run_finds_the_first_special_byte_at_every_offset() {
        for special in [b'"', b'\\', 0x00, 0x1f] {
            for at in 0..40 {
                let mut text = vec![b'a'; 40];
                text[at] = special;
                // Bytes above the special one that would trip a naive test.
                if at + 1 < 40 {
                    text[at + 1] = 0x01;
                }
                assert_eq!(plain_run(&text, 0), at, "special {special:#x} at {at}");
            }
        }
        assert_eq!(plain_run("é€😀 text".as_bytes(), 0), "é€😀 text".len());
    }

    #[test]
    fn strings_match_serde_json() {
        for json in [
            r#""""#,
            r#""plain""#,
            r#""a \"quoted\" word\n""#,
            r#""\u00e9\u20ac\ud83d\ude00 \/\b\f\r\t\\""#,
            r#""long enough to spill past the stack buffer: \n\n\n\n\n\n\n\n\n\n""#,
        ] {
            let expected: String = serde_json::from_str(json).unwrap();
            let got = Cursor::new(json, None).string().unwrap();
            assert_eq!(got, expected, "{json}");
        }
        for bad in [
            r#""\ud83d""#,
            r#""\ude00""#,
            r#""\x""#,
            "\"\u{1}\"",
            r#""open"#,
        ] {
            assert!(Cursor::new(bad, None).string().is_none(), "{bad}");
        }
    }

    #[test]
    fn integers_outside_the_plain_form_are_left_to_serde() {
        for (json, expected) in [("0", Some(0)), ("1754441342", Some(1_754_441_342))] {
            assert_eq!(Cursor::new(json, None).integer(), expected);
        }
        for json in ["-1", "01", "1.0", "1e3", "1234567890123456789", ""] {
            assert_eq!(Cursor::new(json, None).integer(), None, "{json}");
        }
    }
}
