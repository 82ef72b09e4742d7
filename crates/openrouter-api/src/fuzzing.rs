//! Entry points for the fuzz targets and their corpus replay, outside the
//! semver-covered API: the error classifier is private, and driving it over
//! loopback runs a few hundred inputs a second where libFuzzer needs tens of
//! thousands.

use http::{HeaderMap, StatusCode};
use openrouter_types::response::ChatCompletion;

use crate::Error;
use crate::endpoints::chat::choice_error;
use crate::error::ApiError;
use crate::meta::{Response, ResponseMeta};
use crate::transport::{decode, in_band_error};

/// Classifies a complete, non-streamed `POST /chat/completions` answer
/// exactly as [`Client::chat`](crate::Client::chat) does once the body has
/// arrived: an error status becomes [`Error::Api`], a 2xx error envelope
/// becomes [`Error::Api`] too, a body that does not decode becomes
/// [`Error::Decode`], and a choice that ended in error becomes
/// [`Error::MidStream`].
///
/// Not part of the public API: it exists for `cargo xtask fuzz errors` and
/// may change in any release.
#[doc(hidden)]
pub fn classify_chat_answer(
    status: StatusCode,
    headers: HeaderMap,
    body: &[u8],
) -> Result<ChatCompletion, Error> {
    if !status.is_success() {
        return Err(Error::Api(Box::new(ApiError::from_response(
            status, &headers, body,
        ))));
    }
    if let Some(error) = in_band_error(status, &headers, body) {
        return Err(Error::Api(Box::new(error)));
    }
    let completion = decode::<ChatCompletion>("chat completion", status, body)?;
    choice_error(Response::new(
        completion,
        ResponseMeta::new(status, headers),
    ))
    .map(Response::into_inner)
}
