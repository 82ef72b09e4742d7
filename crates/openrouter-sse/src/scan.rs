//! Line ends and the ASCII check found in one pass over a value.
//!
//! The parser's fast path needs two facts about a value: where its line ends
//! (the first CR or LF) and whether it is ASCII (most OpenRouter values are
//! JSON with nothing above 0x7F, so UTF-8 validation can be skipped). Two
//! passes (`memchr2`, then an ASCII check) cost about 250 instructions per
//! 330-byte value; one pass that looks for both costs about half.

use memchr::memchr2;

/// What [`scan_line`] found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct LineScan {
    /// The first CR or LF, if any.
    pub(crate) end: Option<usize>,
    /// The first and the last byte above 0x7F before `end` (before the end
    /// of the input when there is no line end), if any. The bytes outside
    /// that range are ASCII, so only the range needs UTF-8 validation.
    pub(crate) non_ascii: Option<(usize, usize)>,
}

/// The first CR or LF of `bytes` and the non-ASCII bytes before it.
#[inline]
pub(crate) fn scan_line(bytes: &[u8]) -> LineScan {
    #[cfg(all(target_arch = "x86_64", not(miri)))]
    {
        if bytes.len() >= 64 && std::is_x86_feature_detected!("avx2") {
            // SAFETY: the CPU has AVX2 (just checked).
            #[allow(
                unsafe_code,
                reason = "a `target_feature` function is unsafe to call without the feature"
            )]
            return unsafe { avx2::scan_line(bytes) };
        }
    }
    #[cfg(all(target_arch = "x86_64", target_feature = "sse2", not(miri)))]
    {
        if bytes.len() >= 16 {
            // SAFETY: SSE2 is enabled at compile time (the `cfg` above), so
            // the CPU running this has it.
            #[allow(
                unsafe_code,
                reason = "a `target_feature` function is unsafe to call from one without it, even \
                          for a feature the whole build has"
            )]
            return unsafe { sse2::scan_line(bytes) };
        }
    }
    scan_line_portable(bytes)
}

/// The same without SIMD: short inputs, other architectures, Miri.
fn scan_line_portable(bytes: &[u8]) -> LineScan {
    let end = find_line_end(bytes);
    let before_end = &bytes[..end.unwrap_or(bytes.len())];
    let first = before_end.iter().position(|&b| b >= 0x80);
    let last = before_end.iter().rposition(|&b| b >= 0x80);
    LineScan {
        end,
        non_ascii: first.zip(last),
    }
}

/// The first CR or LF. Short inputs (a few bytes fed at a time, as from a
/// slow network or a fuzzer) are scanned directly: `memchr2`'s set-up costs
/// more than it saves on them.
#[inline]
pub(crate) fn find_line_end(bytes: &[u8]) -> Option<usize> {
    if bytes.len() < 16 {
        bytes.iter().position(|&b| b == b'\n' || b == b'\r')
    } else {
        memchr2(b'\n', b'\r', bytes)
    }
}

/// Goes through the suspect bytes `suspects` of `bytes` (bit 0 is the
/// byte at `base`) in order: records non-ASCII ones in `non_ascii` and
/// returns the first line end. Usually the first suspect is the line end.
#[cfg(all(target_arch = "x86_64", not(miri)))]
#[inline]
fn settle(
    bytes: &[u8],
    mut suspects: u64,
    base: usize,
    non_ascii: &mut Option<(usize, usize)>,
) -> Option<usize> {
    while suspects != 0 {
        let at = base + suspects.trailing_zeros() as usize;
        match bytes.get(at) {
            Some(b'\n' | b'\r') => return Some(at),
            Some(0x80..) => *non_ascii = Some((non_ascii.map_or(at, |(first, _)| first), at)),
            _ => {}
        }
        suspects &= suspects - 1;
    }
    None
}

/// AVX2, where the CPU has it (detected at run time; `std` caches the
/// answer): the SSE2 scan's method with 32-byte vectors and compares that do
/// not overwrite an operand, about half the instructions per 64 bytes.
#[cfg(all(target_arch = "x86_64", not(miri)))]
mod avx2 {
    use std::arch::x86_64::{
        __m256i, _mm256_and_si256, _mm256_cmpgt_epi8, _mm256_loadu_si256, _mm256_movemask_epi8,
        _mm256_set1_epi8,
    };

    use super::{LineScan, settle};

    /// The bytes of 64 that are not plain (see the SSE2 scan), as a bit
    /// mask (bit `i` for byte `i`).
    #[inline]
    #[target_feature(enable = "avx2")]
    fn suspects(quad: &[u8; 64]) -> u64 {
        let (halves, _) = quad.as_chunks::<32>();
        let plain = |half: &[u8; 32]| {
            // SAFETY: `half` is 32 readable bytes and `_mm256_loadu_si256`
            // has no alignment requirement.
            #[allow(
                unsafe_code,
                reason = "the load is the one intrinsic that takes a pointer; its argument is a \
                          32-byte array, so it reads exactly that array"
            )]
            let v = unsafe { _mm256_loadu_si256(half.as_ptr().cast()) };
            _mm256_cmpgt_epi8(v, _mm256_set1_epi8(0x0D))
        };
        let (Some(low), Some(high)) = (halves.first(), halves.get(1)) else {
            return 0;
        };
        let (low, high) = (plain(low), plain(high));
        if _mm256_movemask_epi8(_mm256_and_si256(low, high)) == -1 {
            return 0;
        }
        let mask = |v: __m256i| u64::from(!_mm256_movemask_epi8(v).cast_unsigned());
        mask(low) | mask(high) << 32
    }

    /// `bytes.len() >= 64`.
    #[target_feature(enable = "avx2")]
    pub(super) fn scan_line(bytes: &[u8]) -> LineScan {
        let len = bytes.len();
        debug_assert!(len >= 64);
        let mut non_ascii = None;
        let mut at = 0;
        while let Some(quad) = bytes[at..].first_chunk::<64>() {
            let suspects = suspects(quad);
            if suspects != 0
                && let Some(end) = settle(bytes, suspects, at, &mut non_ascii)
            {
                return LineScan {
                    end: Some(end),
                    non_ascii,
                };
            }
            at += 64;
        }
        if at < len
            && let Some(last) = bytes.last_chunk::<64>()
        {
            // The last 64 bytes, of which only those from `at` are new.
            let base = len - 64;
            let new = !0 << (at - base);
            if let Some(end) = settle(bytes, suspects(last) & new, base, &mut non_ascii) {
                return LineScan {
                    end: Some(end),
                    non_ascii,
                };
            }
        }
        LineScan {
            end: None,
            non_ascii,
        }
    }
}

/// SSE2 (part of the x86_64 baseline, so no run-time detection).
///
/// One signed comparison per 16 bytes, `byte < 0x0E` as `i8`, is true for
/// every byte above 0x7F (negative as `i8`) and for the control characters
/// 0x00 to 0x0D, among them CR and LF: values without either (nearly every
/// byte of JSON text) cost a load, a compare and an OR per 16 bytes, four
/// blocks per test. A block with a hit is looked at precisely.
#[cfg(all(target_arch = "x86_64", target_feature = "sse2", not(miri)))]
mod sse2 {
    use std::arch::x86_64::{
        __m128i, _mm_and_si128, _mm_cmpgt_epi8, _mm_loadu_si128, _mm_movemask_epi8, _mm_set1_epi8,
    };

    use super::{LineScan, settle};

    /// Loads 16 bytes.
    #[inline]
    #[target_feature(enable = "sse2")]
    fn load(block: &[u8; 16]) -> __m128i {
        // SAFETY: `block` is 16 readable bytes and `_mm_loadu_si128` has no
        // alignment requirement.
        #[allow(
            unsafe_code,
            reason = "the load is the one intrinsic that takes a pointer; its argument is a \
                      16-byte array, so it reads exactly that array"
        )]
        unsafe {
            _mm_loadu_si128(block.as_ptr().cast())
        }
    }

    /// Bytes that are neither a line end nor non-ASCII, nor another control
    /// character up to 0x0D: signed `byte > 0x0D` (bytes above 0x7F are
    /// negative as `i8`). `limit` is 0x0D in every byte, hidden from the
    /// optimiser: knowing it, LLVM turns the AND of these compares into an
    /// OR of `0x0E > byte`, whose SSE2 form overwrites the constant and so
    /// copies it before every compare.
    #[inline]
    #[target_feature(enable = "sse2")]
    fn plain(v: __m128i, limit: __m128i) -> __m128i {
        _mm_cmpgt_epi8(v, limit)
    }

    /// Whether 64 bytes are all plain.
    #[inline]
    #[target_feature(enable = "sse2")]
    fn all_plain(q: &[[u8; 16]; 4], limit: __m128i) -> bool {
        let p = |k: usize| plain(load(&q[k]), limit);
        mask(_mm_and_si128(
            _mm_and_si128(p(0), p(1)),
            _mm_and_si128(p(2), p(3)),
        )) == 0xFFFF
    }

    /// The top bits of the 16 bytes of `v`.
    #[inline]
    #[target_feature(enable = "sse2")]
    fn mask(v: __m128i) -> u32 {
        // In 0..=0xFFFF, so the cast loses nothing.
        _mm_movemask_epi8(v).cast_unsigned()
    }

    /// The bytes of `blocks` that are not plain, as a bit mask (bit `i` for
    /// byte `i`).
    #[inline]
    #[target_feature(enable = "sse2")]
    fn suspects<const N: usize>(blocks: &[[u8; 16]; N], limit: __m128i) -> u64 {
        let mut suspects = 0;
        for (k, block) in blocks.iter().enumerate() {
            let plain = mask(plain(load(block), limit));
            suspects |= u64::from(!plain & 0xFFFF) << (16 * k);
        }
        suspects
    }

    /// `bytes.len() >= 16`.
    #[inline]
    #[target_feature(enable = "sse2")]
    pub(super) fn scan_line(bytes: &[u8]) -> LineScan {
        const NONE: &[[u8; 16]; 4] = &[[0; 16]; 4];
        let len = bytes.len();
        debug_assert!(len >= 16);
        let mut non_ascii = None;
        let found = |end, non_ascii| LineScan {
            end: Some(end),
            non_ascii,
        };
        let limit = std::hint::black_box(_mm_set1_epi8(0x0D));
        let mut at = 0;
        while let Some(quad) = bytes[at..].first_chunk::<64>() {
            let q = quad.as_chunks::<16>().0.try_into().unwrap_or(NONE);
            if !all_plain(q, limit) {
                // Compared again rather than kept from `all_plain` (hidden
                // from the optimiser, which would otherwise keep them):
                // keeping them costs register copies in the loop, as SSE2
                // compares overwrite an operand.
                let suspects = suspects(std::hint::black_box(q), limit);
                if let Some(end) = settle(bytes, suspects, at, &mut non_ascii) {
                    return found(end, non_ascii);
                }
            }
            at += 64;
        }
        if at < len && len >= 64 {
            // The last 64 bytes, of which only those from `at` are new.
            let base = len - 64;
            let q = bytes[base..].as_chunks::<16>().0.try_into().unwrap_or(NONE);
            let new = !0 << (at - base);
            if let Some(end) = settle(bytes, suspects(q, limit) & new, base, &mut non_ascii) {
                return found(end, non_ascii);
            }
        } else {
            // Under 64 bytes: 16 at a time, the last 16 overlapping.
            while at < len {
                let base = at.min(len - 16);
                let Some(block) = bytes[base..].first_chunk::<16>() else {
                    break;
                };
                let new = !0 << (at - base);
                let suspects = suspects(&[*block], limit) & new;
                if let Some(end) = settle(bytes, suspects, base, &mut non_ascii) {
                    return found(end, non_ascii);
                }
                at += 16;
            }
        }
        LineScan {
            end: None,
            non_ascii,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every scan this machine can run agrees with the portable one.
    #[track_caller]
    fn check(bytes: &[u8], what: &dyn Fn() -> String) {
        let expected = scan_line_portable(bytes);
        assert_eq!(scan_line(bytes), expected, "{}", what());
        #[cfg(all(target_arch = "x86_64", not(miri)))]
        #[allow(
            unsafe_code,
            reason = "calling the SIMD scans directly, as `scan_line` does"
        )]
        {
            if bytes.len() >= 16 {
                // SAFETY: SSE2 is part of the x86_64 baseline.
                let sse2 = unsafe { sse2::scan_line(bytes) };
                assert_eq!(sse2, expected, "SSE2 {}", what());
            }
            if bytes.len() >= 64 && std::is_x86_feature_detected!("avx2") {
                // SAFETY: the CPU has AVX2 (just checked).
                let avx2 = unsafe { avx2::scan_line(bytes) };
                assert_eq!(avx2, expected, "AVX2 {}", what());
            }
        }
    }

    #[test]
    fn agrees_with_the_portable_scan() {
        // Every length up to a few blocks, with a line end, a non-ASCII
        // byte, a tab (a suspect that is neither) at every position.
        let specials: [&[u8]; 7] = [b"\n", b"\r", "é".as_bytes(), b"\t", b"\x80", b"\0", b"\x7f"];
        for len in 0..150 {
            let base = vec![b'a'; len];
            check(&base, &|| format!("{len}"));
            for at in 0..len {
                for first in specials {
                    let mut bytes = base.clone();
                    let n = first.len().min(len - at);
                    bytes[at..at + n].copy_from_slice(&first[..n]);
                    check(&bytes, &|| format!("{len} {at} {first:?}"));
                    if ![15, 16, 17, 33, 64, 65, 79, 127, 130].contains(&len) {
                        continue;
                    }
                    for later in [at + 1, at + 17, at + 33, at + 70] {
                        for second in specials {
                            let mut bytes = bytes.clone();
                            if later + second.len() <= len {
                                bytes[later..later + second.len()].copy_from_slice(second);
                            }
                            check(&bytes, &|| {
                                format!("{len} {at} {first:?} {later} {second:?}")
                            });
                        }
                    }
                }
            }
        }
    }
}
