//! Async client for the [OpenRouter](https://openrouter.ai) API: reqwest
//! (rustls) and tokio underneath, typed requests and responses from
//! [`openrouter_types`], typed errors that say what to do, retries with
//! backoff, timeouts that suit slow reasoning models, and back-pressured
//! streaming.
//!
//! # Quick start
//!
//! ```no_run
//! use futures::StreamExt;
//! use openrouter_api::{Client, StreamEvent};
//! use openrouter_api::types::chat::{ChatRequest, Message};
//!
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> Result<(), openrouter_api::Error> {
//! // Reads OPENROUTER_API_KEY (and OPENROUTER_BASE_URL, if set).
//! let client = openrouter_api::Client::from_env()?;
//! let request = ChatRequest::new("openai/gpt-4o-mini", vec![Message::user("Say hi")]);
//!
//! // One answer.
//! let completion = client.chat(&request).await?;
//! println!("{}", completion.text().unwrap_or_default());
//!
//! // Streamed.
//! let mut stream = client.chat_stream(&request).await?;
//! while let Some(event) = stream.next().await {
//!     if let StreamEvent::Chunk(chunk) = event? {
//!         print!("{}", chunk.content().unwrap_or_default());
//!     }
//! }
//! # let _: Client = client;
//! # Ok(()) }
//! ```
//!
//! # What the client does for you
//!
//! - **Errors are parsed on every status**, including 200 bodies that carry
//!   only an `error` and per-choice errors; HTML pages and empty bodies from
//!   proxies keep their status. [`Error`] tells apart API errors, errors after
//!   the generation started (with the partial completion), truncated streams,
//!   transport failures, timeouts, decode failures, size limits and
//!   configuration mistakes; [`Error::is_retryable`], [`Error::status`] and
//!   [`Error::retry_after`] answer the usual questions.
//! - **Retries** ([`RetryPolicy`]): two by default, on 408/429/5xx/520–524/529,
//!   connection failures and transient codes wrapped in a 400; full-jitter
//!   backoff; `Retry-After` honoured up to 60 s. A request that may already
//!   have been processed (sent, then no answer or a cut one) is resent only
//!   when its operation is idempotent: a chat or a `POST /keys` is never run
//!   twice behind your back ([`operation::RetryClass`] has the table,
//!   [`RequestOptions::retry_ambiguous`] the opt-in). Streams are never
//!   retried once open. [`ClientBuilder::on_retry`] hands each retry's
//!   [`RetryNotice`] (attempt, wait, reason) to your code before the wait,
//!   so a 40 s `Retry-After` need not look like a hang.
//! - **Requests are sent as written**: bodies keep the order their types
//!   declare (a JSON schema's properties reach the model in your order) and
//!   are encoded once per call.
//! - **Timeouts** ([`Timeouts`]): connect 10 s, response headers 120 s, idle
//!   120 s between body reads (OpenRouter's keep-alives reset it), and no total
//!   deadline unless you set one, so long reasoning streams are never cut.
//! - **Streams** ([`ChatStream`], [`ResponsesStream`]) are pull-based: the
//!   socket is read only as fast as you consume, and dropping the stream closes
//!   the connection (which stops generation, and billing, for providers that
//!   support it). `data: [DONE]` ends a stream; a body that ends before any
//!   finish reason is [`Error::TruncatedStream`], with the partial result.
//! - **Metadata** ([`ResponseMeta`]): status, `X-Generation-Id`, request id,
//!   rate-limit headers and every attempt, on every [`Response`]; raw bodies on
//!   request ([`RequestOptions::capture_raw_body`]).
//! - **Secrets**: the key is an [`ApiKey`] whose `Debug`/`Display` print
//!   `[redacted]` and which is zeroized on drop; the `Authorization` header is
//!   marked sensitive; redirects to another host are refused so the key never
//!   leaves the configured host. Keys the API returns are redacted types,
//!   [`ResponseMeta`]'s `Debug` shows a raw body's length only, and bodies
//!   logged at `TRACE` or quoted in errors have key-shaped values cut out.
//! - **Limits**: response bodies up to 64 MiB and stream events up to 16 MiB by
//!   default ([`ClientBuilder::max_response_bytes`],
//!   [`ClientBuilder::max_event_bytes`]).
//! - **Limits and budgets**, off by default, shared by clones: a [`Limiter`]
//!   (requests per interval, requests in flight, per key or per model; a 429
//!   pauses every call on its key) and a cost [`Budget`] (summed from each
//!   answer's `usage.cost`; new calls fail fast with [`Error::BudgetExceeded`]
//!   once it is spent). See [`Client::with_limiter`] and [`Client::with_budget`].
//! - **Tracing**: one `openrouter.request` span per call with method, path,
//!   model, provider, generation id, status, attempts, tokens and cost.
//!   Bodies are logged only at `TRACE`; headers and the key never.
//!
//! # Non-goals
//!
//! The client does not reconnect a broken stream (OpenRouter streams cannot be
//! resumed), does not retry a stream that has started, and does not pick
//! models or providers for you: that is OpenRouter's job, configured through
//! the request's routing fields.
//!
//! MSRV: see the workspace `rust-version` (1.88).
#![warn(missing_docs)]

mod api_key;
mod budget;
mod builder;
mod client;
mod download;
mod endpoints;
mod error;
#[doc(hidden)]
pub mod fuzzing;
mod limits;
mod meta;
pub mod operation;
mod options;
mod paging;
mod redirect;
mod retry;
mod secrets;
mod stream;
mod telemetry;
mod timeouts;
mod transport;

pub use api_key::ApiKey;
pub use budget::{Budget, BudgetError};
pub use builder::{
    ClientBuilder, DEFAULT_BASE_URL, DEFAULT_MAX_EVENT_BYTES, DEFAULT_MAX_RESPONSE_BYTES,
};
pub use client::Client;
pub use download::{ByteStream, FileContent};
pub use endpoints::{Pkce, RequestBuilder, VideoWait, save_image};
pub use error::{
    ApiError, ConfigError, DecodeError, Error, LimitError, MidStreamError, Phase, Result,
    TimeoutError, TransportError, TransportKind, TruncatedStreamError, TruncationReason,
};
pub use limits::Limiter;
pub use meta::{Attempt, AttemptOutcome, RateLimit, Response, ResponseMeta};
pub use options::RequestOptions;
pub use paging::paginate;
pub use retry::{RetryNotice, RetryPolicy};
pub use stream::messages::{MessagesStream, MessagesStreamItem};
pub use stream::responses::{ResponsesStream, ResponsesStreamEvent};
pub use stream::{ChatStream, StreamEvent, TextStream};
pub use timeouts::{TimeoutKind, Timeouts};
pub use transport::{Multipart, Part};

pub use openrouter_types as types;

/// Headers whose values are credentials: kept out of `Debug` output and HPACK tables.
pub(crate) fn is_sensitive(name: &http::HeaderName) -> bool {
    matches!(
        name.as_str(),
        "authorization" | "proxy-authorization" | "cookie" | "x-api-key" | "api-key"
    )
}

/// The README's examples, compiled as doctests so they cannot rot.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
