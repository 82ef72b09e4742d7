//! The crate's integration tests, in one binary (one link, one process).

mod behaviour;
mod cases;
mod conformance;
