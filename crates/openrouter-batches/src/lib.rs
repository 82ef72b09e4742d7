//! Run OpenAI Batch API files live through [OpenRouter](https://openrouter.ai): the same
//! JSONL in (`custom_id`, `method`, `url`, `body`), the same JSONL out (`custom_id`,
//! `response.status_code`, `response.body`, `error`), with the client's rate limits and cost
//! budget, resumable and crash-safe.
//!
//! - **Input** is streamed and validated before anything is sent ([`validate`]): a malformed
//!   line or a duplicate `custom_id` is reported with its line number. Memory holds a 16-byte
//!   fingerprint per id, never the bodies.
//! - **Output** gets one line per request that reached a final answer, appended as it
//!   completes (so not in input order) with one write of a complete line ([`Appender`]).
//!   Non-retryable API errors (400, 401, 402, 403, 404…) are final answers too.
//! - **Resume**: [`open_output`] reads what OUTPUT holds (ids done, cost so far) and cuts off a
//!   torn last line left by a crash; the next run skips what is done.
//! - **Shards**: [`Shard`] splits one input across machines by a frozen hash of the id
//!   ([`shard_hash`]: SHA-256), with no coordination; outputs concatenate.
//! - **Runner**: [`Runner::run`] turns a `Stream` of [`BatchRequest`]s into a `Stream` of
//!   [`Outcome`]s, concurrently, through any [`openrouter_api::Client`] (with its limiter
//!   and budget).
//!
//! One machine drives thousands of concurrent requests; the account's rate limit, not the
//! machine, is the ceiling.
//!
//! ```
//! use openrouter_batches::{Checked, Shard, Validator};
//! let mut validator = Validator::new(Shard::all());
//! let line = br#"{"custom_id":"q1","method":"POST","url":"/v1/chat/completions","body":{"model":"openai/gpt-4o-mini","messages":[]}}"#;
//! let Checked::Request(request) = validator.check(1, line) else { panic!() };
//! assert_eq!(request.endpoint.path(), "/chat/completions");
//! ```
//!
//! Non-goals: OpenAI's asynchronous batch endpoints (`/v1/batches`, `/v1/files`): requests
//! run live, at OpenRouter's normal prices.
#![warn(missing_docs)]

mod error;
mod ids;
mod input;
mod output;
mod resume;
mod runner;
mod validate;

pub use error::Error;
pub use ids::{IdSet, Shard, fingerprint, shard_hash};
pub use input::{BatchRequest, Endpoint, LineProblem, parse_line};
pub use output::{Appender, OutputLine, OutputResponse};
pub use resume::{ResumeState, open_output, scan_output};
pub use runner::{DEFAULT_CONCURRENCY, Outcome, Runner, send};
pub use validate::{
    Checked, DEFAULT_MAX_LINE_BYTES, InvalidLine, LineReader, MAX_LISTED_PROBLEMS, ModelTally,
    ReadLine, Validation, Validator, validate,
};

/// The README's example, compiled as a doctest so it cannot rot.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
