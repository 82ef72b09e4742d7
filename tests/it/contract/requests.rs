//! What the client puts on the wire for a few representative calls built with the typed
//! builders, recorded by wiremock and snapshotted with the key redacted.

use openrouter_testkit::{FixtureSet, dump_requests, mount};
use openrouter_types::chat::{ChatRequest, Message, Tool, ToolChoice};
use openrouter_types::keys::CreateKeyRequest;
use openrouter_types::models::{ModelsQuery, Parameter};
use serde_json::json;

use super::replay::{TEST_KEY, client};

#[tokio::test]
async fn requests_the_client_sends() {
    let server = wiremock::MockServer::start().await;
    mount::mount_set(&server, &FixtureSet::bundled()).await;
    mount::mount_catch_all(&server).await;
    let client = client(&format!("{}/api/v1", server.uri()));

    let weather = ChatRequest::new(
        "mistralai/mistral-small-3.2-24b-instruct",
        vec![Message::user("What is the weather in Paris?")],
    )
    .tool(Tool::function(
        "get_weather",
        "Current weather for a city",
        json!({
            "type": "object",
            "properties": {"city": {"type": "string"}},
            "required": ["city"]
        }),
    ))
    .tool_choice(ToolChoice::Auto);
    let completion = client.chat(&weather).await.expect("chat with tools");
    assert!(
        completion.choices[0]
            .message
            .tool_calls
            .as_ref()
            .is_some_and(|calls| !calls.is_empty()),
        "routed to chat/completion_tool_call: {completion:?}"
    );

    let hello = ChatRequest::new(
        "anthropic/claude-sonnet-4.6",
        vec![Message::system("Be brief."), Message::user("Say hello")],
    )
    .max_tokens(64);
    let streamed = client
        .chat_stream(&hello)
        .await
        .expect("stream opens")
        .collect_completion()
        .await
        .expect("stream finishes");
    assert!(streamed.text().is_some_and(|t| !t.is_empty()));

    let tools = client
        .models(&ModelsQuery::new().supported_parameters([Parameter::Tools]))
        .await
        .expect("models with a filter");
    assert!(!tools.data.is_empty());

    let created = client
        .create_key(&CreateKeyRequest::new("contract-test").limit(10.0))
        .await
        .expect("key created");
    assert_eq!(created.meta().status(), 201);

    let received = mount::received_requests(&server).await;
    assert_eq!(received.len(), 4, "one request per call, no retries");
    for request in &received {
        assert_eq!(
            request.header("authorization"),
            Some(format!("Bearer {TEST_KEY}").as_str()),
            "{} sends the key",
            request.path()
        );
    }
    let dump = dump_requests(&received);
    assert!(!dump.contains(TEST_KEY), "the dump redacts the key");
    insta::with_settings!({snapshot_path => "../snapshots", prepend_module_to_snapshot => false}, {
        insta::assert_snapshot!("contract_requests", dump);
    });
}
