//! Reading what came back: bounded bodies, error envelopes inside 2xx
//! answers, decoding with the JSON path of a failure, and the request's own
//! key cut out of anything that may be quoted.

use bytes::{Bytes, BytesMut};
use http::{HeaderMap, StatusCode, header};
use serde::Deserialize;
use serde::de::{DeserializeOwned, IgnoredAny};

use super::Clock;
use crate::error::{ApiError, DecodeError, LimitError, TransportError};
use crate::{Error, TimeoutKind, Timeouts};

/// Error bodies are read only to explain the error: 1 MiB is plenty.
const MAX_ERROR_BODY: usize = 1 << 20;

/// Reads a success body up to `limit`, failing beyond it.
pub(super) async fn read_body(
    mut response: reqwest::Response,
    limit: usize,
    timeouts: &Timeouts,
    clock: Clock,
) -> Result<Bytes, Error> {
    let too_large = || {
        Error::LimitExceeded(Box::new(LimitError {
            what: "response body",
            limit,
            source: None,
        }))
    };
    if response
        .content_length()
        .is_some_and(|len| len > limit as u64)
    {
        return Err(too_large());
    }
    let mut body = BytesMut::new();
    loop {
        let chunk = clock
            .limit(timeouts.idle, TimeoutKind::Idle, response.chunk())
            .await?
            .map_err(|e| Error::Transport(Box::new(TransportError::from_reqwest(e))))?;
        let Some(chunk) = chunk else {
            return Ok(body.freeze());
        };
        if body.len() + chunk.len() > limit {
            return Err(too_large());
        }
        if body.is_empty() {
            body = BytesMut::from(chunk);
        } else {
            body.extend_from_slice(&chunk);
        }
    }
}

/// Reads up to [`MAX_ERROR_BODY`] of an error body; failures end the read quietly.
pub(super) async fn read_error_body(
    mut response: reqwest::Response,
    timeouts: &Timeouts,
    clock: Clock,
) -> Bytes {
    let mut body = BytesMut::new();
    while body.len() < MAX_ERROR_BODY {
        match clock
            .limit(timeouts.idle, TimeoutKind::Idle, response.chunk())
            .await
        {
            Ok(Ok(Some(chunk))) => {
                let room = MAX_ERROR_BODY - body.len();
                body.extend_from_slice(&chunk[..chunk.len().min(room)]);
            }
            _ => break,
        }
    }
    body.freeze()
}

/// The body with every occurrence of the request's bearer token replaced by
/// `[REDACTED]`.
///
/// A misconfigured proxy or debugging endpoint may echo the request's headers
/// back; the body then reaches error messages (`body_excerpt`), decode
/// errors and logs, where the key must never appear. The search is one
/// `memmem` pass, and the body is copied only when the key is found.
pub(super) fn scrub(body: Bytes, headers: &HeaderMap) -> Bytes {
    let Some(token) = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.as_bytes().strip_prefix(b"Bearer "))
        .filter(|t| t.len() >= 8)
    else {
        return body;
    };
    let finder = memchr::memmem::Finder::new(token);
    if finder.find(&body).is_none() {
        return body;
    }
    let mut clean = Vec::with_capacity(body.len());
    let mut rest = &body[..];
    while let Some(at) = finder.find(rest) {
        clean.extend_from_slice(&rest[..at]);
        clean.extend_from_slice(b"[REDACTED]");
        rest = &rest[at + token.len()..];
    }
    clean.extend_from_slice(rest);
    Bytes::from(clean)
}

/// A 2xx body that is an error envelope: `error` set, and none of the
/// fields a success carries (`choices`, `data`, `output`).
pub(crate) fn in_band_error(
    status: StatusCode,
    headers: &HeaderMap,
    body: &[u8],
) -> Option<ApiError> {
    #[derive(Deserialize)]
    struct Probe {
        #[serde(default)]
        error: Option<IgnoredAny>,
        #[serde(default)]
        choices: Option<IgnoredAny>,
        #[serde(default)]
        data: Option<IgnoredAny>,
        #[serde(default)]
        output: Option<IgnoredAny>,
    }
    let probe: Probe = serde_json::from_slice(body).ok()?;
    if probe.error.is_none()
        || probe.choices.is_some()
        || probe.data.is_some()
        || probe.output.is_some()
    {
        return None;
    }
    Some(ApiError::from_response(status, headers, body))
}

/// Decodes a body, naming the JSON path of a failure. Leading whitespace
/// (OpenRouter's keep-alive for slow non-streaming calls) is valid JSON.
pub(crate) fn decode<T: DeserializeOwned>(
    what: &'static str,
    status: StatusCode,
    body: &[u8],
) -> Result<T, Error> {
    let mut deserializer = serde_json::Deserializer::from_slice(body);
    let value = serde_path_to_error::deserialize(&mut deserializer).map_err(|e| {
        let path = e.path().to_string();
        Error::Decode(Box::new(DecodeError::new(
            what,
            status,
            body,
            path,
            e.into_inner(),
        )))
    })?;
    deserializer.end().map_err(|e| {
        Error::Decode(Box::new(DecodeError::new(
            what,
            status,
            body,
            ".".to_owned(),
            e,
        )))
    })?;
    Ok(value)
}
