//! MCP tools (feature `mcp`): connect to a Model Context Protocol server with `rmcp` (stdio
//! or streamable HTTP, or any rmcp transport) and hand its tools to the agent loop.

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use futures::future::BoxFuture;
use rmcp::ServiceExt;
use rmcp::model::{CallToolRequestParams, ContentBlock};
use rmcp::service::{RoleClient, RunningService};
use rmcp::transport::{IntoTransport, StreamableHttpClientTransport, TokioChildProcess};
use serde_json::{Map, Value};

use crate::Error;
use crate::tool::{Tool, ToolError};

type Service = RunningService<RoleClient, ()>;

/// A connected MCP server. Its tools stay usable while this value or any of its
/// [`McpTool`]s lives; the connection closes when the last one is dropped.
///
/// ```no_run
/// # async fn demo(agent: openrouter_agent::Agent) -> Result<(), openrouter_agent::Error> {
/// use openrouter_agent::mcp::McpServer;
/// let server = McpServer::stdio(tokio::process::Command::new("my-mcp-server")).await?;
/// let mut agent = agent;
/// for tool in server.tools().await? {
///     agent = agent.tool(tool);
/// }
/// # Ok(()) }
/// ```
#[derive(Clone)]
pub struct McpServer {
    service: Arc<Service>,
}

impl McpServer {
    /// Connects over any rmcp transport (an in-process duplex pipe, a socket…).
    pub async fn connect<T, E, A>(transport: T) -> Result<Self, Error>
    where
        T: IntoTransport<RoleClient, E, A>,
        E: std::error::Error + Send + Sync + 'static,
    {
        let service = ()
            .serve(transport)
            .await
            .map_err(|e| Error::Mcp(format!("cannot initialise the MCP session: {e}")))?;
        Ok(Self {
            service: Arc::new(service),
        })
    }

    /// Starts `command` as a child process and talks MCP over its stdin/stdout.
    pub async fn stdio(command: tokio::process::Command) -> Result<Self, Error> {
        let program = command
            .as_std()
            .get_program()
            .to_string_lossy()
            .into_owned();
        let transport = TokioChildProcess::new(command)
            .map_err(|e| Error::Mcp(format!("cannot start the MCP server `{program}`: {e}")))?;
        Self::connect(transport).await
    }

    /// Connects to a streamable-HTTP MCP endpoint such as `http://127.0.0.1:8000/mcp`.
    pub async fn streamable_http(url: &str) -> Result<Self, Error> {
        Self::connect(StreamableHttpClientTransport::from_uri(url)).await
    }

    /// The server's tools (every page), ready for [`Agent::tool`](crate::Agent::tool).
    pub async fn tools(&self) -> Result<Vec<McpTool>, Error> {
        let tools = self
            .service
            .list_all_tools()
            .await
            .map_err(|e| Error::Mcp(format!("cannot list the MCP server's tools: {e}")))?;
        Ok(tools
            .into_iter()
            .map(|tool| {
                let parameters = Value::Object((*tool.input_schema).clone());
                let description = tool.description.as_deref().unwrap_or_default().to_owned();
                McpTool {
                    definition: openrouter_types::Tool::function(
                        tool.name.to_string(),
                        description,
                        parameters,
                    ),
                    name: tool.name.to_string(),
                    service: Arc::clone(&self.service),
                    timeout: None,
                }
            })
            .collect())
    }
}

impl fmt::Debug for McpServer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("McpServer")
            .field("closed", &self.service.is_transport_closed())
            .finish_non_exhaustive()
    }
}

/// One tool of an MCP server. Its schema is the server's, sent as is (not strict: MCP
/// schemas need not follow strict mode's rules). A result with `isError` is fed back to the
/// model as the tool's error.
#[derive(Clone)]
pub struct McpTool {
    definition: openrouter_types::Tool,
    name: String,
    service: Arc<Service>,
    timeout: Option<Duration>,
}

impl McpTool {
    /// Limits how long one call may take (overrides the agent's default).
    #[must_use]
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = Some(timeout);
        self
    }
}

impl fmt::Debug for McpTool {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("McpTool")
            .field("name", &self.name)
            .field("timeout", &self.timeout)
            .finish_non_exhaustive()
    }
}

impl Tool for McpTool {
    fn definition(&self) -> &openrouter_types::Tool {
        &self.definition
    }

    fn timeout(&self) -> Option<Duration> {
        self.timeout
    }

    fn call(&self, arguments: String) -> BoxFuture<'static, Result<String, ToolError>> {
        let service = Arc::clone(&self.service);
        let name = self.name.clone();
        Box::pin(async move {
            let arguments: Map<String, Value> = if arguments.trim().is_empty() {
                Map::new()
            } else {
                openrouter_types::structured::parse_json(&arguments)
                    .map_err(ToolError::InvalidArguments)?
            };
            let result = service
                .call_tool(CallToolRequestParams::new(name).with_arguments(arguments))
                .await
                .map_err(|e| ToolError::Failed(format!("the MCP call failed: {e}")))?;
            let mut text: String = result
                .content
                .iter()
                .filter_map(ContentBlock::as_text)
                .map(|t| t.text.as_str())
                .collect::<Vec<_>>()
                .join("\n");
            if let (true, Some(structured)) = (text.is_empty(), &result.structured_content) {
                text = structured.to_string();
            }
            if result.is_error == Some(true) {
                Err(ToolError::Failed(text))
            } else {
                Ok(text)
            }
        })
    }
}
