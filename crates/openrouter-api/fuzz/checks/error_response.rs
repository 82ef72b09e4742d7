//! The error-classification check shared by the `error_response` fuzz target
//! and the corpus replay test in `tests/it/fuzz_corpus.rs`.
//!
//! It calls `openrouter_api::fuzzing::classify_chat_answer`, the very
//! code `Client::chat` runs on a received answer, in process: over loopback
//! the fuzzer managed a few hundred executions a second, in process it runs
//! tens of thousands. The transport in front of it (headers, chunking,
//! resets) is covered by the fault-injection suite in `tests/it/faults*`.
//!
//! Input layout: bytes 0–1 pick the status (200–599), byte 2 holds flags
//! (bit 0: an `x-generation-id` header, bit 1: the first line of the rest
//! is a `Retry-After` value, bit 2: `text/html` instead of JSON, bit 3:
//! `retry-after-ms` instead of `Retry-After`); the rest is the body.
//!
//! Invariants: no panic; a non-2xx status is an `Error::Api` whose HTTP
//! status is that status; a 2xx answer is a completion or an error that
//! says why; every error renders, and its accessors answer.

use http::header::{CONTENT_TYPE, HeaderName, HeaderValue};
use http::{HeaderMap, StatusCode};
use openrouter_api::Error;
use openrouter_api::fuzzing::classify_chat_answer;

/// Runs the check; panics on a broken invariant.
pub fn check(data: &[u8]) {
    let [a, b, flags, rest @ ..] = data else {
        return;
    };
    let status = 200 + u16::from_le_bytes([*a, *b]) % 400;
    let status = StatusCode::from_u16(status).expect("200..600 is a valid status");
    let (retry_after, body) = if flags & 2 != 0 {
        let end = rest.iter().position(|&c| c == b'\n').unwrap_or(rest.len());
        (Some(&rest[..end]), &rest[(end + 1).min(rest.len())..])
    } else {
        (None, rest)
    };
    let mut headers = HeaderMap::new();
    let content_type = if flags & 4 != 0 {
        "text/html"
    } else {
        "application/json"
    };
    headers.insert(CONTENT_TYPE, HeaderValue::from_static(content_type));
    if flags & 1 != 0 {
        headers.insert(
            HeaderName::from_static("x-generation-id"),
            HeaderValue::from_static("gen-fuzz-1"),
        );
    }
    // Only bytes an HTTP parser would let through reach the classifier.
    if let Some(value) = retry_after.and_then(|v| HeaderValue::from_bytes(v).ok()) {
        let name = if flags & 8 != 0 {
            "retry-after-ms"
        } else {
            "retry-after"
        };
        headers.insert(HeaderName::from_static(name), value);
    }

    let error = match classify_chat_answer(status, headers, body) {
        Ok(completion) => {
            assert!(
                status.is_success(),
                "a {status} answer was taken for a success"
            );
            let _ = serde_json::to_vec(&completion).expect("a decoded completion encodes");
            return;
        }
        Err(error) => error,
    };
    let rendered = error.to_string();
    assert!(!rendered.is_empty(), "an error with no message: {error:?}");
    let _ = (format!("{error:?}"), error.is_retryable());
    let _ = (error.status(), error.generation_id(), error.attempts());
    if let Some(wait) = error.retry_after() {
        let _ = format!("{wait:?}");
    }
    match &error {
        Error::Api(api) => {
            assert_eq!(api.http_status(), status, "the HTTP status is kept");
            let _ = (
                api.message(),
                api.code(),
                api.error_type(),
                api.provider_name(),
                api.raw_message(),
                api.moderation_reasons(),
                api.flagged_input(),
                api.limit_source(),
                api.rate_limit(),
                api.body_excerpt(),
            );
            if !status.is_success() {
                assert!(
                    api.body().is_some() || api.body_excerpt().is_some(),
                    "an error answer keeps its envelope or an excerpt"
                );
            }
        }
        Error::Decode(_) | Error::MidStream(_) => {
            assert!(status.is_success(), "a {status} answer became {error:?}");
        }
        other => panic!("a received answer became {other:?}"),
    }
}
