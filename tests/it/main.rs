//! The workspace's one integration-test binary: cross-crate contract tests,
//! fault injection, secret hygiene and tidy checks.

mod contract;
mod faults;
mod fidelity;
mod fixtures_tidy;
mod fuzz_corpus;
mod newcomer;
mod secrets;
mod sse_model;
mod support;
mod tidy;
