//! The crate's integration tests, in one binary (one link, one process).

mod behaviour;
mod cases;
mod chunking;
mod conformance;
mod differential;
mod encoder;
mod fuzz_corpus;
mod limits;
