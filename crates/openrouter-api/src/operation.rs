//! Every operation of the API declared once, as data.
//!
//! An [`Operation`] says what the one generic call path needs to know about
//! an endpoint: its method and path template, which key it needs, whether a
//! request that may have reached the server can be sent again, and what kind
//! of body goes out and comes back. A typed method on [`Client`](crate::Client)
//! is a documented line over its declaration; the transport is written once.
//!
//! ```
//! use openrouter_api::operation::{self, RetryClass};
//!
//! let create = operation::find("POST", "/keys").expect("declared");
//! assert_eq!(create.client_method, "create_key");
//! // Creating a key twice makes two keys: never resent once it may have arrived.
//! assert_eq!(create.retry, RetryClass::NotIdempotent);
//! assert!(operation::ALL.len() >= 19);
//! ```

mod catalog;

use std::fmt;

use http::Method;

pub use catalog::*;

/// One operation of the OpenRouter API.
#[derive(Debug)]
#[non_exhaustive]
pub struct Operation {
    /// The spec's `operationId` (`createKeys`, `sendChatCompletionRequest`).
    pub id: &'static str,
    /// The HTTP method.
    pub method: Method,
    /// The path template under the base URL, with `{name}` parameters
    /// (`/keys/{hash}`).
    pub path: &'static str,
    /// Which key the operation needs.
    pub auth: AuthKind,
    /// Whether, and when, a failed attempt may be sent again.
    pub retry: RetryClass,
    /// What the request carries.
    pub request: BodyKind,
    /// What the answer is.
    pub response: ResponseKind,
    /// The [`Client`](crate::Client) method that performs it.
    pub client_method: &'static str,
    /// What the answer is called in errors ("chat completion", "key list").
    pub what: &'static str,
}

impl fmt::Display for Operation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.method, self.path)
    }
}

/// Which key an operation needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum AuthKind {
    /// Works without a key; the key is sent when there is one (the catalogue
    /// gives more with it).
    Public,
    /// Needs an API key (`OPENROUTER_API_KEY`).
    Inference,
    /// Needs a management key: `OPENROUTER_MANAGEMENT_KEY` when set, else
    /// `OPENROUTER_API_KEY` (see [`ClientBuilder::management_key`](crate::ClientBuilder::management_key)).
    Management,
}

/// Whether a request that may have reached the server can be sent again.
///
/// The client's retry rule reads it together with the point at which an
/// attempt failed:
///
/// | failure | `Idempotent` | `Inference` | `NotIdempotent` |
/// |---|---|---|---|
/// | never sent (DNS, connect, TLS) | retried | retried | retried |
/// | retryable status (408, 429, 500, 502–504, 520–524, 529) | retried | retried | only 429, and 503 with `Retry-After` |
/// | sent, no status came back (reset, response-headers timeout) | retried | **not retried** | **not retried** |
/// | 2xx whose body was cut (reset, idle timeout) | retried | **not retried** | **not retried** |
/// | a stream after its response headers | never | never | never |
///
/// "Not retried" cells become retried with
/// [`RequestOptions::retry_ambiguous`](crate::RequestOptions::retry_ambiguous);
/// without it the error says the request may have been processed
/// ([`Error::is_ambiguous`](crate::Error::is_ambiguous)) and, for a cut
/// body, carries the generation id to look the cost up with
/// [`Client::generation`](crate::Client::generation).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum RetryClass {
    /// Sending it twice has the effect of sending it once: reads (`GET`),
    /// `PUT`, `DELETE`, and updates that set absolute values (`PATCH`).
    Idempotent,
    /// A generation: a retryable status says the server did not act, but a
    /// request that got no answer may be running, and billed.
    Inference,
    /// Creates something (a key, a workspace, a charge): a second request
    /// makes a second one.
    NotIdempotent,
}

/// What a request carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum BodyKind {
    /// No body.
    None,
    /// A JSON object, encoded once in the order its type declares.
    Json,
    /// `multipart/form-data` (file uploads).
    Multipart,
}

/// What an answer is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ResponseKind {
    /// One JSON document.
    Json,
    /// One JSON document, or Server-Sent Events when the request asks to stream.
    JsonOrEvents,
    /// Raw bytes (audio, a file), read whole or streamed to a writer.
    Bytes,
}

/// The declared operation for a method and path template, if any.
///
/// ```
/// let op = openrouter_api::operation::find("GET", "/keys/{hash}").unwrap();
/// assert_eq!(op.client_method, "get_key");
/// ```
pub fn find(method: &str, path: &str) -> Option<&'static Operation> {
    ALL.iter()
        .copied()
        .find(|op| op.method.as_str().eq_ignore_ascii_case(method) && op.path == path)
}

/// The declared operation a concrete request path belongs to: an exact
/// template first (`/guardrails/assignments/keys` is not
/// `/guardrails/{id}/…`), then a template the path fills.
///
/// ```
/// let op = openrouter_api::operation::for_path("DELETE", "/keys/abc123").unwrap();
/// assert_eq!(op.client_method, "delete_key");
/// assert!(openrouter_api::operation::for_path("GET", "/keys/a/b").is_none());
/// ```
pub fn for_path(method: &str, path: &str) -> Option<&'static Operation> {
    let same_method = || {
        ALL.iter()
            .copied()
            .filter(move |op| op.method.as_str().eq_ignore_ascii_case(method))
    };
    same_method()
        .find(|op| op.path == path)
        .or_else(|| same_method().find(|op| fills(op.path, path)))
}

/// Whether `path` fills `template` segment by segment (`{…}` takes one
/// non-empty segment, so `{author}/{slug}` takes two).
fn fills(template: &str, path: &str) -> bool {
    let (mut t, mut p) = (template.split('/'), path.split('/'));
    loop {
        match (t.next(), p.next()) {
            (None, None) => return true,
            (Some(t), Some(p)) if t.starts_with('{') && !p.is_empty() => {}
            (Some(t), Some(p)) if t == p => {}
            _ => return false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::fills;

    #[test]
    fn paths_fill_their_templates_segment_by_segment() {
        assert!(fills("/keys/{hash}", "/keys/abc"));
        assert!(fills("/model/{author}/{slug}", "/model/openai/gpt-4o"));
        assert!(!fills("/keys/{hash}", "/keys"));
        assert!(!fills("/keys/{hash}", "/keys/"));
        assert!(!fills("/keys/{hash}", "/keys/a/b"));
        assert!(!fills("/keys", "/key"));
    }
}
