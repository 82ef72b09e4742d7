//! Recorded OpenRouter exchanges, served over real HTTP on 127.0.0.1.
//!
//! The workspace's `fixtures/` folder holds one JSON file per HTTP exchange with OpenRouter
//! (request, status, headers, exact body; streams as byte-exact `.sse` files). This crate
//! loads them ([`Fixture`], [`FixtureSet`], embedded copies in [`FixtureSet::bundled`]) and
//! serves them two ways:
//!
//! - on a [`wiremock::MockServer`] ([`mount`]): one fixture with strict matching, a folder, or
//!   the whole set, plus a catch-all that fails misrouted requests readably;
//! - on [`server::MockOpenRouter`], a small hyper server that speaks the OpenRouter paths under
//!   `/api/v1`, delivers bodies in paced chunks and can cut a connection mid-stream.
//!
//! For faults no HTTP library commits on purpose (a reset half-way through the headers, a
//! chunked body that never ends, one byte a second, an HTML page where JSON was due), [`raw`]
//! has [`raw::RawServer`]: a TCP server that answers each request with scripted bytes, pauses,
//! closes and resets, and records what the client sent and whether it closed its connections.
//!
//! Both route a request with the same rule (see [`FixtureSet::route`] and
//! `fixtures/README.md`): the `x-mock-fixture` header, else method + path + streaming mode +
//! `model` + query, else the route's default fixture. A chat request for any model gets the
//! demo answer `chat/demo_stream` (or `chat/demo` without `stream`).
//!
//! # In a downstream crate's tests
//!
//! ```
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> Result<(), Box<dyn std::error::Error>> {
//! use openrouter_testkit::{mount, FixtureSet};
//!
//! // wiremock: the whole set, plus a 500 for anything unexpected.
//! let server = wiremock::MockServer::start().await;
//! mount::mount_set(&server, &FixtureSet::bundled()).await;
//! mount::mount_catch_all(&server).await;
//! let base_url = format!("{}/api/v1", server.uri());
//!
//! let sse = reqwest::Client::new()
//!     .post(format!("{base_url}/chat/completions"))
//!     .header("authorization", "Bearer test")
//!     .body(r#"{"model":"openai/gpt-4o","messages":[{"role":"user","content":"hi"}],"stream":true}"#)
//!     .send()
//!     .await?
//!     .text()
//!     .await?;
//! assert!(sse.starts_with(": OPENROUTER PROCESSING\n\n"));
//!
//! // What the client sent, for assertions and snapshots (authorization redacted).
//! let sent = mount::received_requests(&server).await;
//! sent[0].expect_body_field("stream", true);
//! assert!(sent[0].dump().contains("authorization: [redacted]"));
//! # Ok(())
//! # }
//! ```
//!
//! The standalone server, with a stream cut after 200 bytes:
//!
//! ```
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> Result<(), Box<dyn std::error::Error>> {
//! use openrouter_testkit::{server::{MockOpenRouter, Pacing}, FixtureSet};
//!
//! let server = MockOpenRouter::builder(FixtureSet::bundled())
//!     .pacing(Pacing::new().chunk_size(16).cut_after(200))
//!     .start()
//!     .await?;
//! let response = reqwest::Client::new()
//!     .post(format!("{}/chat/completions", server.base_url()))
//!     .bearer_auth("any-key") // like OpenRouter, the mock refuses keyless calls (401)
//!     .body(r#"{"model":"x/y","messages":[],"stream":true}"#)
//!     .send()
//!     .await?;
//! assert_eq!(response.status(), 200);
//! assert!(response.text().await.is_err(), "a cut stream is an error, not a short success");
//! server.shutdown().await;
//! # Ok(())
//! # }
//! ```
//!
//! A raw server whose stream is reset after its first event:
//!
//! ```
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> Result<(), Box<dyn std::error::Error>> {
//! use std::time::Duration;
//! use openrouter_testkit::raw::{self, RawServer, Step};
//!
//! let server = RawServer::start([vec![
//!     Step::send(raw::head(
//!         200,
//!         &[("content-type", "text/event-stream"), ("transfer-encoding", "chunked")],
//!     )),
//!     Step::chunk("data: {\"choices\":[]}\n\n"),
//!     Step::Sleep(Duration::from_millis(10)),
//!     Step::Reset,
//! ]])
//! .await?;
//! let response = reqwest::get(format!("{}/chat/completions", server.base_url())).await?;
//! assert_eq!(response.status(), 200);
//! assert!(response.text().await.is_err(), "the reset reaches the client as an error");
//! assert_eq!(server.received_requests()[0].path(), "/api/v1/chat/completions");
//! # Ok(())
//! # }
//! ```
//!
//! # Features
//!
//! - `wiremock` (default): the [`mount`] module. The CLI turns it off; it only needs the server.
//!
//! The [`server`] and [`raw`] modules are always available.
//!
//! # Non-goals
//!
//! The server replays fixtures; it does not validate requests against the API schema, keep
//! state between requests, or talk to the internet. The binary `openrouter-mock` serves a
//! fixture folder from the command line (`--port`, `--fixtures DIR`).
//!
//! MSRV: the workspace's `rust-version`.

#![warn(missing_docs)]

mod error;
mod fixture;
#[cfg(feature = "wiremock")]
pub mod mount;
pub mod raw;
mod recorded;
mod route;
pub mod server;
mod set;

pub use error::Error;
pub use fixture::{BodySource, Fixture, FixtureRequest, FixtureResponse, LastMessage};
pub use recorded::{RecordedRequest, dump_requests};
pub use route::{FIXTURE_HEADER, NoMatch};
pub use set::FixtureSet;

/// The README's examples, compiled as doctests so they cannot rot.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
