//! The agent's integration tests: the loop against the testkit's mock OpenRouter and
//! wiremock over 127.0.0.1, one test binary.

mod hook;
mod mcp;
mod stop;
mod stream;
mod support;
mod telemetry;
mod tools;
