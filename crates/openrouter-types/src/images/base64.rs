//! A strict standard-alphabet base64 decoder (RFC 4648 §4) for image bytes,
//! hand-written because the crate depends on serde alone.

use super::ImageDecodeError;

/// Decodes `text`: standard alphabet, padding optional but exact when present.
pub(super) fn decode(text: &str) -> Result<Vec<u8>, ImageDecodeError> {
    let bytes = text.as_bytes();
    let data_len = bytes.len() - bytes.iter().rev().take_while(|&&b| b == b'=').count();
    let padding = bytes.len() - data_len;
    // Padded text is whole groups of four with at most two `=`.
    if padding > 0 && (padding > 2 || !bytes.len().is_multiple_of(4)) {
        return Err(ImageDecodeError::InvalidPadding { offset: data_len });
    }
    let mut out = Vec::with_capacity(data_len / 4 * 3 + 2);
    for (group, chunk) in bytes[..data_len].chunks(4).enumerate() {
        let mut acc = 0u32;
        for (i, &byte) in chunk.iter().enumerate() {
            let offset = group * 4 + i;
            let value = sextet(byte).ok_or(if byte == b'=' {
                ImageDecodeError::InvalidPadding { offset }
            } else {
                ImageDecodeError::InvalidByte { offset, byte }
            })?;
            acc |= u32::from(value) << (18 - 6 * i);
        }
        // Checked after the characters, so a bad byte is named before a bad length.
        if chunk.len() == 1 {
            return Err(ImageDecodeError::InvalidLength { length: data_len });
        }
        // n characters carry n * 6 bits: 4 → 3 bytes, 3 → 2, 2 → 1.
        out.extend_from_slice(&acc.to_be_bytes()[1..chunk.len()]);
    }
    Ok(out)
}

fn sextet(byte: u8) -> Option<u8> {
    Some(match byte {
        b'A'..=b'Z' => byte - b'A',
        b'a'..=b'z' => byte - b'a' + 26,
        b'0'..=b'9' => byte - b'0' + 52,
        b'+' => 62,
        b'/' => 63,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc_4648_test_vectors() {
        // RFC 4648 §10.
        for (encoded, decoded) in [
            ("", ""),
            ("Zg==", "f"),
            ("Zm8=", "fo"),
            ("Zm9v", "foo"),
            ("Zm9vYg==", "foob"),
            ("Zm9vYmE=", "fooba"),
            ("Zm9vYmFy", "foobar"),
        ] {
            assert_eq!(
                decode(encoded),
                Ok(decoded.as_bytes().to_vec()),
                "{encoded}"
            );
        }
    }

    #[test]
    fn padding_may_be_left_out() {
        assert_eq!(decode("Zg"), Ok(b"f".to_vec()));
        assert_eq!(decode("Zm8"), Ok(b"fo".to_vec()));
        assert_eq!(decode("Zm9vYg"), Ok(b"foob".to_vec()));
    }

    #[test]
    fn every_byte_value_survives() {
        // 0x00..=0xff encoded by a reference encoder (Python's base64.b64encode).
        let encoded = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8gISIjJCUmJygpKissLS4vMDEyMzQ1Njc4OTo7PD0+P0BBQkNERUZHSElKS0xNTk9QUVJTVFVWV1hZWltcXV5fYGFiY2RlZmdoaWprbG1ub3BxcnN0dXZ3eHl6e3x9fn+AgYKDhIWGh4iJiouMjY6PkJGSk5SVlpeYmZqbnJ2en6ChoqOkpaanqKmqq6ytrq+wsbKztLW2t7i5uru8vb6/wMHCw8TFxsfIycrLzM3Oz9DR0tPU1dbX2Nna29zd3t/g4eLj5OXm5+jp6uvs7e7v8PHy8/T19vf4+fr7/P3+/w==";
        assert_eq!(decode(encoded), Ok((0..=255u8).collect::<Vec<_>>()));
    }

    #[test]
    fn malformed_text_is_rejected_with_its_offset() {
        assert_eq!(
            decode("Zm9v!mFy"),
            Err(ImageDecodeError::InvalidByte {
                offset: 4,
                byte: b'!'
            })
        );
        // The URL-safe alphabet and whitespace are not the standard alphabet.
        assert_eq!(
            decode("-_8="),
            Err(ImageDecodeError::InvalidByte {
                offset: 0,
                byte: b'-'
            })
        );
        assert_eq!(
            decode("Zm9v\nYmFy"),
            Err(ImageDecodeError::InvalidByte {
                offset: 4,
                byte: b'\n'
            })
        );
        assert_eq!(
            decode("Z"),
            Err(ImageDecodeError::InvalidLength { length: 1 })
        );
        assert_eq!(
            decode("Zm9vY"),
            Err(ImageDecodeError::InvalidLength { length: 5 })
        );
        assert_eq!(
            decode("Zg="),
            Err(ImageDecodeError::InvalidPadding { offset: 2 })
        );
        assert_eq!(
            decode("Z==="),
            Err(ImageDecodeError::InvalidPadding { offset: 1 })
        );
        assert_eq!(
            decode("Zg==Zg=="),
            Err(ImageDecodeError::InvalidPadding { offset: 2 })
        );
        assert_eq!(
            decode("===="),
            Err(ImageDecodeError::InvalidPadding { offset: 0 })
        );
    }
}
