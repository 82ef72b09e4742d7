//! Tests of the batch crate: its sans-IO core (validation, shards, output, resume) and the
//! runner against the testkit's servers over loopback.

mod core;
mod runner;
mod support;
