//! The workspace's one integration-test binary: cross-crate contract tests and tidy checks.

mod tidy;
mod fixtures_tidy;
mod contract;
mod support;
mod faults;
mod sse_model;
mod secrets;
mod fuzz_corpus;
