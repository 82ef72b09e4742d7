//! Every endpoint against its bundled fixture (mounted strictly, so the client
//! must send the recorded request), and a snapshot of every request we send.

use openrouter_testkit::mount;
use openrouter_types::chat::{Reasoning, ReasoningEffort};
use openrouter_types::embeddings::EmbeddingsRequest;
use openrouter_types::key::LimitReset;
use openrouter_types::keys::{CreateKeyRequest, ListKeysQuery, UpdateKeyRequest};
use openrouter_types::models::{ModelsCountQuery, ModelsQuery, PageQuery, Parameter};
use openrouter_types::responses::ResponsesRequest;
use serde_json::Value;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::support::{client, fixture, render, sent, server};

/// The fixtures the endpoint tour serves, in call order; each is mounted strictly and
/// must be hit exactly once.
const TOUR: &[&str] = &[
    "models/list_tools",
    "models/count",
    "models/user",
    "embeddings/models",
    "models/one",
    "endpoints/list",
    "endpoints/zdr",
    "providers/list",
    "key/info",
    "credits/balance",
    "generation/stats",
    "keys/list",
    "keys/create",
    "keys/get",
    "keys/update",
    "keys/delete",
    "embeddings/create",
    "responses/create",
];

/// Answers `verb route` with a crafted body, once.
async fn answer(server: &MockServer, verb: &str, route: &str, status: u16, body: String) {
    Mock::given(method(verb))
        .and(path(format!("/api/v1{route}")))
        .respond_with(ResponseTemplate::new(status).set_body_raw(body, "application/json"))
        .expect(1)
        .mount(server)
        .await;
}

/// JSON equality where numbers compare by value (`10.0` sent, `10` recorded).
fn same_json(a: Option<&Value>, b: Option<&Value>) -> bool {
    match (a, b) {
        (None, None) => true,
        (Some(Value::Number(x)), Some(Value::Number(y))) => x.as_f64() == y.as_f64(),
        (Some(Value::Array(x)), Some(Value::Array(y))) => {
            x.len() == y.len() && x.iter().zip(y).all(|(x, y)| same_json(Some(x), Some(y)))
        }
        (Some(Value::Object(x)), Some(Value::Object(y))) => {
            x.len() == y.len() && x.iter().all(|(k, v)| same_json(Some(v), y.get(k)))
        }
        (Some(x), Some(y)) => x == y,
        _ => false,
    }
}

/// The part of `fixture`'s recorded path after `prefix` (a model slug, a key hash).
fn path_after(name: &str, prefix: &str) -> &'static str {
    let path = fixture(name).request().path();
    path.strip_prefix(prefix)
        .and_then(|rest| rest.strip_suffix("/endpoints").or(Some(rest)))
        .unwrap_or_else(|| panic!("{name}: {path} does not start with {prefix}"))
}

#[tokio::test]
async fn every_endpoint_decodes_and_sends_the_documented_request() {
    let server = server().await;
    for name in TOUR {
        mount::fixture_mock(fixture(name))
            .expect(1)
            .mount(&server)
            .await;
    }

    let client = client(&server.uri());
    let models = client
        .models(&ModelsQuery::new().supported_parameters([Parameter::Tools]))
        .await
        .unwrap();
    assert_eq!(models.data[0].id, "openai/gpt-4o-mini");
    assert_eq!(models.data.len(), 3);
    assert_eq!(models.total_count, Some(3));
    assert_eq!(
        *client.models_count(&ModelsCountQuery::new()).await.unwrap(),
        5
    );
    assert_eq!(
        client
            .models_user(&PageQuery::new().limit(10))
            .await
            .unwrap()
            .data
            .len(),
        2
    );
    assert_eq!(
        client.embedding_models().await.unwrap().data[0].id,
        "openai/text-embedding-3-small"
    );
    assert_eq!(
        client
            .model(path_after("models/one", "/api/v1/model/"))
            .await
            .unwrap()
            .context_length,
        Some(128000)
    );
    let endpoints = client
        .model_endpoints(path_after("endpoints/list", "/api/v1/models/"))
        .await
        .unwrap();
    let tags: Vec<&str> = endpoints.endpoints.iter().map(|e| e.tag.as_str()).collect();
    assert_eq!(tags, ["openai", "azure"]);
    assert_eq!(client.zdr_endpoints().await.unwrap().len(), 1);
    let providers = client.providers().await.unwrap();
    assert_eq!(providers.len(), 3);
    assert_eq!(providers[0].slug, "openai");
    assert_eq!(client.key().await.unwrap().limit, Some(100.0));
    assert_eq!(client.credits().await.unwrap().total_credits, 100.5);
    let generation_id = &fixture("generation/stats").request().query()[0].1;
    assert_eq!(
        client.generation(generation_id).await.unwrap().total_cost,
        Some(4.62e-5)
    );
    assert_eq!(
        client
            .list_keys(&ListKeysQuery::new().include_disabled(true))
            .await
            .unwrap()
            .len(),
        2
    );
    let created = client
        .create_key(
            &CreateKeyRequest::new("mock-created")
                .limit(10.0)
                .limit_reset(LimitReset::Monthly),
        )
        .await
        .unwrap();
    assert_eq!(created.meta().status().as_u16(), 201);
    assert_eq!(created.data.name, "mock-created");
    assert_eq!(
        client
            .get_key(path_after("keys/get", "/api/v1/keys/"))
            .await
            .unwrap()
            .name,
        "ci-runner"
    );
    let updated = client
        .update_key(
            path_after("keys/update", "/api/v1/keys/"),
            &UpdateKeyRequest::new()
                .name("ci-runner-renamed")
                .disabled(true),
        )
        .await
        .unwrap();
    assert_eq!(updated.disabled, Some(true));
    assert_eq!(updated.name, "ci-runner-renamed");
    assert!(
        client
            .delete_key(path_after("keys/delete", "/api/v1/keys/"))
            .await
            .unwrap()
            .deleted
    );
    let embeddings = client
        .embeddings(
            &EmbeddingsRequest::new("openai/text-embedding-3-small", vec!["hello", "world"])
                .dimensions(8),
        )
        .await
        .unwrap();
    assert_eq!(embeddings.data.len(), 2);
    let response = client
        .responses(
            &ResponsesRequest::new("openai/gpt-5-nano", "Where do offline answers come from?")
                .max_output_tokens(256)
                .reasoning(Reasoning::effort(ReasoningEffort::Minimal)),
        )
        .await
        .unwrap();
    assert_eq!(
        response.text(),
        "Offline answers come from recorded fixtures."
    );

    let sent = sent(&server).await;
    assert_eq!(sent.len(), TOUR.len());
    // The typed builders send what each fixture recorded (the snapshot shows the exact bytes).
    for (request, name) in sent.iter().zip(TOUR) {
        let recorded = fixture(name).request();
        assert_eq!(
            (request.method(), request.path()),
            (recorded.method(), recorded.path()),
            "{name}"
        );
        assert!(
            same_json(request.body_json().as_ref(), recorded.body()),
            "{name}: sent {:?}, recorded {:?}",
            request.body_json(),
            recorded.body()
        );
    }
    insta::assert_snapshot!("endpoint_requests", render(&sent));
}

#[tokio::test]
async fn path_parameters_cannot_escape_their_segment() {
    let server = server().await;
    let client = client(&server.uri());
    for id in ["openai", "a/b/c", "../x", "a/b?c", "a/ b", ""] {
        assert!(
            matches!(
                client.model(id).await,
                Err(openrouter_api::Error::Config(_))
            ),
            "{id}"
        );
    }
    for hash in ["a/b", "..", "", "x?y"] {
        assert!(
            matches!(
                client.get_key(hash).await,
                Err(openrouter_api::Error::Config(_))
            ),
            "{hash}"
        );
    }
    assert!(sent(&server).await.is_empty());
}

#[tokio::test]
async fn model_list_errors_are_api_errors_too() {
    let server = server().await;
    mount::fixture_mock(fixture("credits/error_403"))
        .expect(1)
        .mount(&server)
        .await;
    let error = client(&server.uri()).credits().await.unwrap_err();
    assert_eq!(error.status().map(|s| s.as_u16()), Some(403));
    assert!(
        error
            .to_string()
            .contains("Only management keys can perform this operation"),
        "{error}"
    );
}

#[tokio::test]
async fn a_failed_response_object_is_a_mid_stream_error() {
    let server = server().await;
    // Inline: no fixture has a non-streamed response object with `status: "failed"`.
    answer(
        &server,
        "POST",
        "/responses",
        200,
        r#"{"id":"resp_2","object":"response","created_at":1,"model":"openai/gpt-5-nano","status":"failed","output":[],"error":{"code":"rate_limit_exceeded","message":"Upstream rate limit"},"error_type":"rate_limit_exceeded"}"#.into(),
    )
    .await;
    let error = client(&server.uri())
        .responses(&ResponsesRequest::new("openai/gpt-5-nano", "hi"))
        .await
        .unwrap_err();
    let openrouter_api::Error::MidStream(e) = &error else {
        panic!("expected MidStream, got {error:?}")
    };
    assert_eq!(e.error().message(), "Upstream rate limit");
    assert_eq!(
        e.error().error_type().map(|t| t.as_str()),
        Some("rate_limit_exceeded")
    );
    assert!(error.is_retryable(), "a rate limit is transient");
}

#[tokio::test]
async fn an_embeddings_200_with_only_an_error_is_an_api_error() {
    let server = server().await;
    // Inline: no fixture has an embeddings 200 whose body is only an error.
    answer(
        &server,
        "POST",
        "/embeddings",
        200,
        r#"{"error":{"code":400,"message":"Input must have at least 1 token."}}"#.into(),
    )
    .await;
    let error = client(&server.uri())
        .embeddings(&EmbeddingsRequest::new("openai/text-embedding-3-small", ""))
        .await
        .unwrap_err();
    assert_eq!(error.status().map(|s| s.as_u16()), Some(400));
    assert!(!error.is_retryable());
}

#[tokio::test]
async fn a_per_call_key_replaces_the_client_key() {
    let server = server().await;
    mount::fixture_mock(fixture("keys/list"))
        .expect(1)
        .mount(&server)
        .await;
    let options = openrouter_api::RequestOptions::new().api_key("sk-or-v1-management");
    assert!(
        !format!("{options:?}").contains("management"),
        "the per-call key is redacted too"
    );
    let keys = client(&server.uri())
        .with_options(options)
        .list_keys(&ListKeysQuery::new())
        .await
        .unwrap();
    assert_eq!(keys.len(), 2);
    assert_eq!(
        sent(&server).await[0].header("authorization"),
        Some("Bearer sk-or-v1-management")
    );
}
