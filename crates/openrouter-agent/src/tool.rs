//! Typed tools: an async function with `Deserialize + JsonSchema` arguments and a
//! `Serialize` output, registered by name, run with a timeout, its failures fed back to the
//! model as text instead of ending the run.

use std::collections::HashMap;
use std::fmt;
use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use futures::future::BoxFuture;
use openrouter_types::structured::ParseError;
use schemars::JsonSchema;
use serde::Serialize;
use serde::de::DeserializeOwned;

/// A tool the agent can run: its definition for the model and how to call it.
///
/// [`tool`] builds one from an async function; implement this trait for tools whose schema
/// is known only at run time (an MCP server's tools are such).
pub trait Tool: Send + Sync {
    /// The definition sent to the model in `tools` (name, description, parameter schema).
    fn definition(&self) -> &openrouter_types::Tool;

    /// Runs the tool on the model's arguments text (possibly `""`, meaning `{}`) and returns
    /// the text to send back as the tool message's content.
    fn call(&self, arguments: String) -> BoxFuture<'static, Result<String, ToolError>>;

    /// How long one call may take; `None` uses the agent's default.
    fn timeout(&self) -> Option<Duration> {
        None
    }

    /// The tool's name (the definition's function name).
    fn name(&self) -> &str {
        self.definition()
            .function
            .as_ref()
            .map_or("", |f| f.name.as_str())
    }
}

/// Why a tool call failed. Its `Display` is what the model reads in the tool message.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum ToolError {
    /// The model called a tool the agent does not have (or not in this step's tool set).
    #[error("there is no tool named `{0}`; call one of the tools you were given")]
    Unknown(String),
    /// The arguments did not decode into the tool's argument type.
    #[error("invalid arguments: {0}")]
    InvalidArguments(ParseError),
    /// The tool ran and failed; its message.
    #[error("the tool failed: {0}")]
    Failed(String),
    /// The tool did not finish in time.
    #[error("the tool did not finish within {0:?}")]
    TimedOut(Duration),
}

impl ToolError {
    /// A failure with this message, for tools implemented by hand.
    pub fn failed(message: impl fmt::Display) -> Self {
        Self::Failed(message.to_string())
    }
}

/// Builds a typed tool from an async function.
///
/// `A` is the argument type (its strict schema becomes the tool's parameters), `O` the
/// output (sent back as JSON), `E` any displayable error (sent back as the tool's failure).
///
/// ```
/// use openrouter_agent::tool;
/// use schemars::JsonSchema;
/// use serde::Deserialize;
///
/// #[derive(Deserialize, JsonSchema)]
/// struct Add { a: i64, b: i64 }
///
/// let add = tool("add", "Adds two integers", |args: Add| async move {
///     Ok::<_, std::convert::Infallible>(args.a + args.b)
/// });
/// # use openrouter_agent::Tool as _;
/// assert_eq!(add.name(), "add");
/// ```
pub fn tool<A, O, E, F, Fut>(
    name: impl Into<String>,
    description: impl Into<String>,
    function: F,
) -> FnTool
where
    A: DeserializeOwned + JsonSchema + Send + 'static,
    O: Serialize + Send + 'static,
    E: fmt::Display + Send + 'static,
    F: Fn(A) -> Fut + Send + Sync + 'static,
    Fut: Future<Output = Result<O, E>> + Send + 'static,
{
    let function = Arc::new(function);
    FnTool {
        definition: openrouter_types::Tool::for_args::<A>(name, description),
        timeout: None,
        call: Arc::new(move |arguments: String| {
            let function = Arc::clone(&function);
            Box::pin(async move {
                let call = openrouter_types::ToolCall::function("", "", arguments);
                let args: A = call
                    .parse_arguments()
                    .map_err(ToolError::InvalidArguments)?;
                let output = function(args)
                    .await
                    .map_err(|e| ToolError::Failed(e.to_string()))?;
                serde_json::to_string(&output)
                    .map_err(|e| ToolError::Failed(format!("the output did not encode: {e}")))
            })
        }),
    }
}

type CallFn = dyn Fn(String) -> BoxFuture<'static, Result<String, ToolError>> + Send + Sync;

/// A tool made by [`tool`] from an async function.
#[derive(Clone)]
pub struct FnTool {
    definition: openrouter_types::Tool,
    timeout: Option<Duration>,
    call: Arc<CallFn>,
}

impl FnTool {
    /// Limits how long one call may take (overrides the agent's default).
    #[must_use]
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = Some(timeout);
        self
    }
}

impl fmt::Debug for FnTool {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FnTool")
            .field("name", &self.name())
            .field("timeout", &self.timeout)
            .finish_non_exhaustive()
    }
}

impl Tool for FnTool {
    fn definition(&self) -> &openrouter_types::Tool {
        &self.definition
    }

    fn call(&self, arguments: String) -> BoxFuture<'static, Result<String, ToolError>> {
        (self.call)(arguments)
    }

    fn timeout(&self) -> Option<Duration> {
        self.timeout
    }
}

/// The agent's tools by name, in registration order.
#[derive(Clone, Default)]
pub(crate) struct ToolSet {
    tools: Vec<Arc<dyn Tool>>,
    by_name: HashMap<String, usize>,
}

impl ToolSet {
    pub(crate) fn insert(&mut self, tool: Arc<dyn Tool>) -> Result<(), String> {
        let name = tool.name().to_owned();
        if name.is_empty() {
            return Err("a tool has no function name".to_owned());
        }
        if self.by_name.contains_key(&name) {
            return Err(format!(
                "two tools are named `{name}`; tool names must be unique"
            ));
        }
        self.by_name.insert(name, self.tools.len());
        self.tools.push(tool);
        Ok(())
    }

    pub(crate) fn get(&self, name: &str) -> Option<&Arc<dyn Tool>> {
        self.by_name.get(name).map(|&i| &self.tools[i])
    }

    pub(crate) fn definitions(&self) -> Vec<openrouter_types::Tool> {
        self.tools.iter().map(|t| t.definition().clone()).collect()
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.tools.is_empty()
    }

    pub(crate) fn names(&self) -> impl Iterator<Item = &str> {
        self.tools.iter().map(|t| t.name())
    }
}
