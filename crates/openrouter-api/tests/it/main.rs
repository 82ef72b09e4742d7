//! The client's integration tests: real HTTP over 127.0.0.1 (wiremock, and a
//! raw TCP server for streaming misbehaviour), one test binary.

mod builder;
mod captures;
mod chat;
mod endpoints;
mod errors;
mod limits;
mod media;
mod notices;
mod options;
mod paging;
mod redirect;
mod retry;
mod secrets;
mod stream;
mod support;
mod text_stream;
