//! What reaches the server is what the caller wrote: keys in the order the
//! caller's types and maps declare, checked on the raw bytes a 127.0.0.1
//! server received, and decode → encode keeping the wire's order.

use openrouter_api::RequestOptions;
use openrouter_types::chat::{ChatRequest, Message, ResponseFormat, Tool};
use serde_json::{Value, json};

use crate::support::{self, RawServer, Step, completion_body, json as json_response};

/// The byte offset of `needle` in `haystack`, which must hold it.
fn at(haystack: &str, needle: &str) -> usize {
    haystack
        .find(needle)
        .unwrap_or_else(|| panic!("`{needle}` not in {haystack}"))
}

#[tokio::test]
async fn schema_properties_reach_the_server_in_the_order_written() {
    let schema = json!({
        "type": "object",
        "properties": {
            "z": {"type": "string"},
            "a": {"type": "string"},
            "m": {"type": "integer"}
        },
        "required": ["z", "a", "m"],
        "additionalProperties": false
    });
    let request = ChatRequest::new("openai/gpt-4o-mini", vec![Message::user("hi")])
        .response_format(ResponseFormat::json_schema("zam", schema.clone()))
        .tool(Tool::function("zam", "Takes z, a, m", schema));
    let server = RawServer::start(vec![vec![Step::send(json_response(
        200,
        &completion_body("ok"),
    ))]])
    .await
    .unwrap();
    let client = support::builder(&server).build().unwrap().with_options(
        RequestOptions::new()
            .body_field("zeta_extension", json!(1))
            .body_field("alpha_extension", json!(2)),
    );
    client.chat(&request).await.unwrap();
    let requests = server.received_requests();
    let body = std::str::from_utf8(requests[0].body()).unwrap();
    // The request's own fields in declaration order, the options' fields after them.
    assert!(at(body, r#""model""#) < at(body, r#""messages""#), "{body}");
    assert!(
        at(body, r#""zeta_extension""#) < at(body, r#""alpha_extension""#),
        "{body}"
    );
    // Both schemas (response_format and the tool's parameters): z, a, m.
    let mut rest = body;
    for _ in 0..2 {
        let start = at(rest, r#""properties":{"#);
        let schema = &rest[start..];
        let (z, a, m) = (
            at(schema, r#""z""#),
            at(schema, r#""a""#),
            at(schema, r#""m""#),
        );
        assert!(z < a && a < m, "properties reordered: {schema}");
        rest = &schema[1..];
    }
    // The body is one compact encoding: no `stream` field on a plain call.
    assert!(!body.contains(r#""stream""#), "{body}");
    let value: Value = serde_json::from_str(body).unwrap();
    assert_eq!(
        value["messages"][0],
        json!({"role": "user", "content": "hi"})
    );
}
