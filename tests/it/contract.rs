//! Cross-crate contract: the typed client against every recorded exchange in `fixtures/`,
//! served by the testkit over 127.0.0.1.

mod call;
mod coverage;
mod cut;
mod every_fixture;
mod invariants;
mod operations;
mod render;
mod replay;
mod requests;
