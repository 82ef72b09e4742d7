//! Secret-shaped values cut out of bodies before they reach logs and errors.
//!
//! Responses carry secrets of their own: the key `POST /keys` creates, the one
//! an OAuth code is exchanged for, and requests carry provider keys (BYOK).
//! The typed values hold them in redacted types; this is the second line for
//! the bytes themselves: whatever is logged at `TRACE` or quoted in an error
//! excerpt passes through [`redact`] first.

use std::borrow::Cow;

use memchr::memmem;

/// Prefixes of API keys and the shortest tail that makes them a key rather
/// than a word: OpenRouter (`sk-or-v1-…`), OpenAI and Anthropic (`sk-…`,
/// `sk-ant-…`), Langfuse secret keys (`sk-lf-…`), Google (`AIza…`), Groq
/// (`gsk_…`), xAI (`xai-…`), Replicate (`r8_…`), Hugging Face (`hf_…`), and
/// bearer tokens.
const SHAPES: [(&[u8], usize); 8] = [
    (b"sk-", 16),
    (b"AIza", 30),
    (b"gsk_", 20),
    (b"xai-", 20),
    (b"r8_", 20),
    (b"hf_", 20),
    (b"Bearer ", 16),
    (b"bearer ", 16),
];

const MASK: &[u8] = b"[REDACTED]";

fn is_token_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.')
}

/// `body` with the tail of every secret-shaped token replaced by
/// `[REDACTED]` (the prefix stays, so a reader sees what kind of key it
/// was). Borrows when there is nothing to cut, which is the common case.
pub(crate) fn redact(body: &[u8]) -> Cow<'_, [u8]> {
    let mut cuts: Vec<(usize, usize)> = Vec::new();
    for (prefix, min_tail) in SHAPES {
        for at in memmem::find_iter(body, prefix) {
            // `task-…` or `risk-…` are words, not keys.
            if at > 0 && is_token_byte(body[at - 1]) && !prefix.ends_with(b" ") {
                continue;
            }
            let start = at + prefix.len();
            let tail = body[start..]
                .iter()
                .take_while(|b| is_token_byte(**b))
                .count();
            if tail >= min_tail {
                cuts.push((start, start + tail));
            }
        }
    }
    if cuts.is_empty() {
        return Cow::Borrowed(body);
    }
    cuts.sort_unstable();
    let mut clean = Vec::with_capacity(body.len());
    let mut from = 0;
    for (start, end) in cuts {
        if start < from {
            continue; // overlaps a cut already made
        }
        clean.extend_from_slice(&body[from..start]);
        clean.extend_from_slice(MASK);
        from = end;
    }
    clean.extend_from_slice(&body[from..]);
    Cow::Owned(clean)
}

/// [`redact`] for text.
#[cfg(test)]
pub(crate) fn redact_str(text: &str) -> Cow<'_, str> {
    match redact(text.as_bytes()) {
        Cow::Borrowed(_) => Cow::Borrowed(text),
        // Cuts replace whole ASCII runs with ASCII, so the text stays UTF-8.
        Cow::Owned(bytes) => Cow::Owned(String::from_utf8_lossy(&bytes).into_owned()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cut(text: &str) -> String {
        redact_str(text).into_owned()
    }

    #[test]
    fn keys_of_every_known_shape_are_cut_and_words_are_not() {
        let key = "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";
        assert_eq!(
            cut(&format!(r#"{{"key":"{key}","name":"ci"}}"#)),
            r#"{"key":"sk-[REDACTED]","name":"ci"}"#
        );
        assert_eq!(
            cut("AIzaSyA1234567890abcdefghijklmnopqrstu and gsk_abcdefghijklmnopqrstuv"),
            "AIza[REDACTED] and gsk_[REDACTED]"
        );
        assert_eq!(
            cut("Authorization: Bearer abcdefghijklmnop1234"),
            "Authorization: Bearer [REDACTED]"
        );
        for word in [
            "task-scheduler-for-everyone",
            "sk-short",
            "the risk-assessment-framework-v2",
            "sk-or-v1-REDACTED",
        ] {
            assert_eq!(cut(word), word, "{word}");
        }
        assert!(matches!(redact(b"nothing here"), Cow::Borrowed(_)));
    }
}
