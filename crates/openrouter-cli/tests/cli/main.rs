//! End-to-end tests of the `openrouter` binary against the testkit's mock OpenRouter over
//! loopback: every command, `--json`, stdin, each error and its exit code, interrupted and
//! truncated streams, offline mode, and the API key never leaking.

mod account;
mod api;
mod attribution;
mod batch;
mod chat;
mod config;
mod errors;
mod help;
#[cfg(unix)]
mod interrupt;
mod manage;
mod media;
#[cfg(unix)]
mod mock;
mod models;
mod offline;
mod schema;
mod secrets;
mod support;
mod waits;
// `kill -INT` and `script` are Unix tools; the pseudo-terminal tests use util-linux `script`.
#[cfg(target_os = "linux")]
mod session;
#[cfg(target_os = "linux")]
mod terminal;
