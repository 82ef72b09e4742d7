//! A sans-IO Server-Sent Events parser and encoder: bytes in, frames out.
//!
//! [`Parser`] implements the WHATWG HTML algorithm for
//! [interpreting an event stream](https://html.spec.whatwg.org/multipage/server-sent-events.html#event-stream-interpretation)
//! exactly, incrementally, over chunks of any size: CRLF, CR and LF line
//! endings (a CR at the end of one chunk and a LF at the start of the next are
//! one terminator), UTF-8 decoding with U+FFFD for invalid sequences (a
//! character split across chunks decodes correctly), one leading byte-order
//! mark ignored, `event`/`data`/`id`/`retry` fields, persistent last event ID.
//! Comment lines are surfaced as frames: OpenRouter sends
//! `: OPENROUTER PROCESSING` to keep a connection alive while a model thinks.
//!
//! It is built to be picked over the alternatives:
//! - **Chunking-invariant**, checked by property tests and a differential
//!   fuzz target: any split of the input gives the same frames.
//! - **Cheap**: event data of a `data:` line inside one chunk is a slice of
//!   the [`Bytes`](bytes::Bytes) you fed (or of one copy of a `&[u8]` chunk);
//!   one SIMD pass (SSE2, or AVX2 where the CPU has it, on x86_64) finds a
//!   line's end and its non-ASCII bytes, so ASCII values need no UTF-8
//!   validation and others only over their non-ASCII stretch; a value whose
//!   line spans two chunks is copied once, into a buffer shared by such
//!   values; shared chunks are parsed lazily, one frame per
//!   [`Parser::next_frame`], so no queue of frames builds up; buffers are
//!   reused. Numbers beside other parsers are in `BENCHMARKS.md`.
//! - **Bounded**: [`ParserConfig`] limits line and event size (16 MiB by
//!   default); an over-long line is discarded as it arrives, never buffered,
//!   and the parser recovers at the next blank line.
//! - **Honest about the end**: [`Parser::finish`] reports whether the stream
//!   ended cleanly or in the middle of an event.
//! - **Never panics**, on any input in any chunking (fuzzed).
//!
//! # Example
//!
//! ```
//! use openrouter_sse::{Frame, Parser};
//!
//! let mut parser = Parser::new();
//! // Bytes arrive from the network in arbitrary pieces.
//! for chunk in [&b": OPENROUTER PROCESSING\n\nda"[..], b"ta: {\"id\":\"gen-1\"}\r\n\r\n", b"data: [DONE]\n\n"] {
//!     parser.feed(chunk);
//!     while let Some(frame) = parser.next_frame() {
//!         match frame? {
//!             Frame::Event(event) if event.data() == "[DONE]" => println!("done"),
//!             Frame::Event(event) => println!("chunk: {}", event.data()),
//!             Frame::Comment(comment) => println!("comment:{}", comment.text()),
//!             Frame::Retry(ms) => println!("reconnect after {ms} ms"),
//!             _ => {}
//!         }
//!     }
//! }
//! assert!(parser.finish().is_clean(), "stream was cut off");
//! # Ok::<(), openrouter_sse::Error>(())
//! ```
//!
//! # What it does not do
//!
//! - **No IO**: it never reads a socket, a file or the clock, spawns nothing
//!   and has no async. Feed it from any transport: hyper, reqwest, a test
//!   vector, a fuzzer.
//! - **No reconnection**: it reports `retry` and keeps the last event ID
//!   ([`Parser::last_event_id`]); reconnecting is the client's job.
//! - **No JSON**: event data is text; OpenRouter's `data: [DONE]` is an
//!   ordinary event here.
//! - It does not dispatch events to listeners or filter by event type.
//!
//! [`Encoder`] writes the same format (a mock server uses it), and
//! `parse(encode(frames)) == frames`.
//!
//! # Minimum supported Rust version
//!
//! Rust 1.88. Dependencies: `bytes` and `memchr` only.
#![warn(missing_docs)]

mod encoder;
mod error;
mod frame;
mod parser;
mod scan;
mod utf8;

pub use crate::encoder::Encoder;
pub use crate::error::Error;
pub use crate::frame::{Comment, Event, Frame};
pub use crate::parser::{Finish, Parser, ParserConfig};

/// The README's example, compiled and run as a doctest so it cannot rot.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
