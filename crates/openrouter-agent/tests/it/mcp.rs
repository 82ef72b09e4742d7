//! MCP tools: a small rmcp server started by the test (in-process, over a duplex pipe)
//! lends its tools to the agent; a call's result and an `isError` result reach the model.

use std::future::Future;

use openrouter_agent::mcp::McpServer;
use openrouter_agent::{Agent, Tool, ToolError};
use openrouter_types::Message;
use rmcp::handler::server::ServerHandler;
use rmcp::model::{
    CallToolRequestParams, CallToolResponse, CallToolResult, ContentBlock, ListToolsResult,
    PaginatedRequestParams, ServerCapabilities, ServerConfig,
};
use rmcp::service::{MaybeSendFuture, RequestContext, RoleServer};
use rmcp::{ErrorData, ServiceExt};
use serde_json::json;

use crate::support::{chat_bodies, text_completion, tool_calls_completion, wiremock_client};

/// Two tools: `add` sums `a` and `b`; `explode` always reports an error.
struct Calculator;

impl ServerHandler for Calculator {
    fn get_info(&self) -> ServerConfig {
        ServerConfig::new(ServerCapabilities::builder().enable_tools().build())
    }

    fn list_tools(
        &self,
        _request: Option<PaginatedRequestParams>,
        _context: RequestContext<RoleServer>,
    ) -> impl Future<Output = Result<ListToolsResult, ErrorData>> + MaybeSendFuture + '_ {
        let schema = json!({"type": "object", "properties": {"a": {"type": "number"}, "b": {"type": "number"}}, "required": ["a", "b"]});
        let schema = schema.as_object().unwrap().clone();
        std::future::ready(Ok(ListToolsResult::with_all_items(vec![
            rmcp::model::Tool::new("add", "Adds two numbers", schema.clone()),
            rmcp::model::Tool::new("explode", "Always fails", schema),
        ])))
    }

    fn call_tool(
        &self,
        request: CallToolRequestParams,
        _context: RequestContext<RoleServer>,
    ) -> impl Future<Output = Result<CallToolResponse, ErrorData>> + MaybeSendFuture + '_ {
        let arguments = request.arguments.unwrap_or_default();
        let number = |key: &str| arguments.get(key).and_then(|v| v.as_f64()).unwrap_or(0.0);
        let result = match request.name.as_ref() {
            "add" => CallToolResult::success(vec![ContentBlock::text(
                (number("a") + number("b")).to_string(),
            )]),
            _ => CallToolResult::error(vec![ContentBlock::text("boom")]),
        };
        std::future::ready(Ok(result.into()))
    }
}

async fn connect() -> McpServer {
    let (server_side, client_side) = tokio::io::duplex(64 * 1024);
    tokio::spawn(async move {
        let server = Calculator.serve(server_side).await.expect("server starts");
        let _ = server.waiting().await;
    });
    McpServer::connect(client_side)
        .await
        .expect("client connects")
}

#[tokio::test]
async fn an_mcp_servers_tools_run_in_the_loop() {
    let mcp = connect().await;
    let tools = mcp.tools().await.unwrap();
    let names: Vec<&str> = tools.iter().map(|t| t.name()).collect();
    assert_eq!(names, ["add", "explode"]);
    assert_eq!(
        tools[0]
            .definition()
            .function
            .as_ref()
            .unwrap()
            .parameters
            .as_ref()
            .unwrap()["required"],
        json!(["a", "b"])
    );

    let server = wiremock::MockServer::start().await;
    openrouter_testkit::mount::mount_catch_all(&server).await;
    wiremock::Mock::given(wiremock::matchers::method("POST"))
        .respond_with(
            wiremock::ResponseTemplate::new(200).set_body_json(tool_calls_completion(&[
                ("call_add", "add", r#"{"a":2,"b":40}"#),
                ("call_explode", "explode", r#"{"a":1,"b":1}"#),
            ])),
        )
        .up_to_n_times(1)
        .with_priority(1)
        .mount(&server)
        .await;
    wiremock::Mock::given(wiremock::matchers::method("POST"))
        .respond_with(wiremock::ResponseTemplate::new(200).set_body_json(text_completion("42")))
        .with_priority(2)
        .mount(&server)
        .await;

    let mut agent = Agent::new(wiremock_client(&server), "mockai/tools");
    for tool in tools {
        agent = agent.tool(tool);
    }
    let run = agent.run(vec![Message::user("2 + 40?")]).await.unwrap();
    let results = &run.steps[0].tool_results;
    assert_eq!(results[0].output.as_deref(), Ok("42"));
    assert_eq!(results[1].output, Err(ToolError::Failed("boom".to_owned())));
    let second = &chat_bodies(&server).await[1];
    assert_eq!(second["tools"][1]["function"]["name"], "explode");
    assert_eq!(run.text(), Some("42"));
}
