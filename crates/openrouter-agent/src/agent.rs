//! `Agent`: a model, its tools, its stop conditions and a hook between steps, built once
//! and run many times (cheap to clone).

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use openrouter_api::Client;
use openrouter_types::Message;
use openrouter_types::chat::ChatRequest;

use crate::event::AgentStream;
use crate::stop::StopCondition;
use crate::tool::{Tool, ToolSet};
use crate::{Error, RunOutput, Totals};

/// Steps a run may take when the caller sets no lower limit: nothing runs unbounded.
pub const DEFAULT_MAX_STEPS: usize = 20;

/// Time one tool call may take unless the tool says otherwise.
pub const DEFAULT_TOOL_TIMEOUT: Duration = Duration::from_secs(60);

/// What the [`Agent::prepare_step`] hook sees before each model call.
#[derive(Debug)]
#[non_exhaustive]
pub struct StepContext<'a> {
    /// The 1-based number of the step about to run.
    pub step: usize,
    /// Totals of the steps so far.
    pub totals: &'a Totals,
    /// The conversation so far (also in the request's `messages`).
    pub messages: &'a [Message],
}

type PrepareFn = dyn Fn(&StepContext<'_>, &mut ChatRequest) + Send + Sync;

/// A model with tools, run in a loop until a stop condition holds.
///
/// ```no_run
/// use openrouter_agent::{Agent, StopCondition, tool};
/// use openrouter_types::Message;
///
/// #[derive(serde::Deserialize, schemars::JsonSchema)]
/// struct City { city: String }
///
/// # async fn demo() -> Result<(), Box<dyn std::error::Error>> {
/// let client = openrouter_api::Client::from_env()?;
/// let agent = Agent::new(client, "openai/gpt-4o-mini")
///     .tool(tool("get_weather", "Current weather for a city", |args: City| async move {
///         Ok::<_, String>(format!("21 °C and clear in {}", args.city))
///     }))
///     .stop_when(StopCondition::max_cost(0.01));
/// let run = agent.run(vec![Message::user("Weather in Lisbon?")]).await?;
/// println!("{} ({} steps, ${:.6})", run.text().unwrap_or_default(), run.totals.steps, run.totals.cost);
/// # Ok(()) }
/// ```
#[derive(Clone)]
pub struct Agent {
    pub(crate) client: Client,
    pub(crate) request: ChatRequest,
    pub(crate) tools: ToolSet,
    pub(crate) stop: Vec<StopCondition>,
    pub(crate) max_steps: usize,
    pub(crate) tool_timeout: Duration,
    pub(crate) prepare: Option<Arc<PrepareFn>>,
    pub(crate) name: Option<String>,
    pub(crate) config_error: Option<String>,
}

impl Agent {
    /// An agent calling `model` through `client`, with no tools yet.
    pub fn new(client: Client, model: impl Into<String>) -> Self {
        Self::with_request(client, ChatRequest::new(model.into(), Vec::new()))
    }

    /// An agent whose every step starts from `request` (model, temperature, provider
    /// routing, response format…); its `messages` are replaced by the conversation and its
    /// `tools` by the agent's.
    pub fn with_request(client: Client, request: ChatRequest) -> Self {
        Self {
            client,
            request,
            tools: ToolSet::default(),
            stop: Vec::new(),
            max_steps: DEFAULT_MAX_STEPS,
            tool_timeout: DEFAULT_TOOL_TIMEOUT,
            prepare: None,
            name: None,
            config_error: None,
        }
    }

    /// Adds a tool. Names must be unique (a clash makes [`run`](Self::run) fail with
    /// [`Error::Config`]).
    #[must_use]
    pub fn tool(self, tool: impl Tool + 'static) -> Self {
        self.tool_arc(Arc::new(tool))
    }

    /// Adds a shared tool (one instance used by several agents, or a trait object).
    #[must_use]
    pub fn tool_arc(mut self, tool: Arc<dyn Tool>) -> Self {
        if let Err(message) = self.tools.insert(tool) {
            self.config_error.get_or_insert(message);
        }
        self
    }

    /// Adds a stop condition; the first that holds after a step ends the run.
    #[must_use]
    pub fn stop_when(mut self, condition: StopCondition) -> Self {
        self.stop.push(condition);
        self
    }

    /// The most steps a run may take ([`DEFAULT_MAX_STEPS`] unless set): a backstop that
    /// ends the run with [`StopReason::StepCount`](crate::StopReason::StepCount).
    #[must_use]
    pub fn max_steps(mut self, steps: usize) -> Self {
        self.max_steps = steps;
        self
    }

    /// How long one tool call may take when the tool sets no timeout of its own
    /// ([`DEFAULT_TOOL_TIMEOUT`] unless set). A late tool's error is fed back to the model.
    #[must_use]
    pub fn tool_timeout(mut self, timeout: Duration) -> Self {
        self.tool_timeout = timeout;
        self
    }

    /// A hook run before each model call that may change the request: model, temperature,
    /// which tools are offered (`request.tools`), anything else. A tool call the model makes
    /// to a tool this step did not offer is answered with an error.
    ///
    /// ```
    /// # fn demo(agent: openrouter_agent::Agent) -> openrouter_agent::Agent {
    /// agent.prepare_step(|ctx, request| {
    ///     if ctx.step > 1 {
    ///         request.model = Some("openai/gpt-4o".into()); // a stronger model after the first step
    ///         request.temperature = Some(0.0);
    ///     }
    /// })
    /// # }
    /// ```
    #[must_use]
    pub fn prepare_step(
        mut self,
        hook: impl Fn(&StepContext<'_>, &mut ChatRequest) + Send + Sync + 'static,
    ) -> Self {
        self.prepare = Some(Arc::new(hook));
        self
    }

    /// A name for telemetry (`gen_ai.agent.name`).
    #[must_use]
    pub fn name(mut self, name: impl Into<String>) -> Self {
        self.name = Some(name.into());
        self
    }

    /// Runs the loop on `messages` until a stop condition holds, and returns the whole
    /// conversation, every step, the totals and why it stopped.
    ///
    /// A failed model call ends the run with [`Error::Step`], which keeps the conversation
    /// up to the failed step.
    pub async fn run(&self, messages: Vec<Message>) -> Result<RunOutput, Error> {
        crate::run::drive(self.clone(), messages, None).await
    }

    /// Runs the loop with streaming model calls, yielding [`AgentEvent`](crate::AgentEvent)s:
    /// text and reasoning deltas, keep-alives, tool calls and their results, a summary per
    /// step, then [`AgentEvent::Done`](crate::AgentEvent::Done) with the same
    /// [`RunOutput`] as [`run`](Self::run). Dropping the stream cancels the run.
    pub fn stream(&self, messages: Vec<Message>) -> AgentStream {
        AgentStream::new(self.clone(), messages)
    }

    pub(crate) fn model_name(&self) -> String {
        self.request
            .model
            .as_ref()
            .map(|m| m.as_str().to_owned())
            .unwrap_or_default()
    }
}

impl fmt::Debug for Agent {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Agent")
            .field("model", &self.model_name())
            .field("tools", &self.tools.names().collect::<Vec<_>>())
            .field("stop", &self.stop)
            .field("max_steps", &self.max_steps)
            .field("tool_timeout", &self.tool_timeout)
            .finish_non_exhaustive()
    }
}
