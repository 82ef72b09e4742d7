//! An agent loop over OpenRouter: typed tools, structured outputs from Rust types, and
//! stop conditions on steps, tools, cost and time.
//!
//! A client covers one call; an agent calls a model, runs the tools it asks for (one step's
//! calls concurrently, each with a timeout), feeds the results back and repeats until a stop
//! condition holds: a step count, a named tool called, a total cost (summed from the
//! `usage.cost` OpenRouter reports, never estimated), a deadline, an answer without tool
//! calls, or a predicate of yours. A tool's failure is fed back to the model as the tool's
//! result; a failed model call ends the run with the conversation so far in the error.
//!
//! ```no_run
//! use openrouter_agent::{Agent, StopCondition, tool};
//! use openrouter_types::Message;
//!
//! #[derive(serde::Deserialize, schemars::JsonSchema)]
//! struct City {
//!     /// The city's name.
//!     city: String,
//! }
//!
//! # async fn demo() -> Result<(), Box<dyn std::error::Error>> {
//! let agent = Agent::new(openrouter_api::Client::from_env()?, "openai/gpt-4o-mini")
//!     .tool(tool("get_weather", "Current weather for a city", |args: City| async move {
//!         Ok::<_, String>(format!("21 °C and clear in {}", args.city))
//!     }))
//!     .stop_when(StopCondition::max_cost(0.01));
//! let run = agent.run(vec![Message::user("Weather in Lisbon?")]).await?;
//! println!("{}", run.text().unwrap_or_default());
//! # Ok(()) }
//! ```
//!
//! [`Agent::stream`] yields the same loop as [`AgentEvent`]s. Every run, model call and
//! tool call is a `tracing` span with OpenTelemetry GenAI attributes (`gen_ai.operation.name`
//! `invoke_agent` / `chat` / `execute_tool`, models, response id, tokens, finish reasons, and
//! `openrouter.cost` / `openrouter.provider`).
//!
//! Non-goals: no IO of its own beyond the client (no runtime is started, no files read), no
//! prompt templates, no memory store. The `mcp` feature adds tools from a Model Context
//! Protocol server. MSRV 1.88.
#![warn(missing_docs)]

mod agent;
mod error;
mod event;
#[cfg(feature = "mcp")]
pub mod mcp;
mod output;
mod run;
mod stop;
pub mod telemetry;
mod tool;

pub use agent::{Agent, DEFAULT_MAX_STEPS, DEFAULT_TOOL_TIMEOUT, StepContext};
pub use error::{Error, StepFailure};
pub use event::{AgentEvent, AgentStream};
pub use output::{RunOutput, StepRecord, ToolResult, Totals};
pub use stop::{StopCondition, StopReason, StopState};
pub use tool::{FnTool, Tool, ToolError, tool};

/// The README's example, compiled as a doctest so it cannot rot.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
