//! Every endpoint against wiremock with bodies in the real wire shapes, and a
//! snapshot of every request we send.

use openrouter_types::embeddings::EmbeddingsRequest;
use openrouter_types::keys::{CreateKeyRequest, ListKeysQuery, UpdateKeyRequest};
use openrouter_types::models::{ModelsCountQuery, ModelsQuery, PageQuery, Parameter};
use openrouter_types::responses::ResponsesRequest;
use serde_json::{Value, json};
use wiremock::matchers::{method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::support::{client, render, sent, server};

const MODEL: &str = r#"{"id":"meta-llama/llama-3.1-8b-instruct","canonical_slug":"meta-llama/llama-3.1-8b-instruct","hugging_face_id":"meta-llama/Meta-Llama-3.1-8B-Instruct","name":"Meta: Llama 3.1 8B Instruct","created":1721692800,"description":"Meta's latest class of model","context_length":131072,"architecture":{"modality":"text->text","input_modalities":["text"],"output_modalities":["text"],"tokenizer":"Llama3","instruct_type":"llama3"},"pricing":{"prompt":"0.00000005","completion":"0.00000008","input_cache_read":"0.000000025"},"top_provider":{"context_length":131072,"max_completion_tokens":117964,"is_moderated":false},"per_request_limits":null,"supported_parameters":["max_tokens","tools"],"default_parameters":{},"supported_voices":null,"knowledge_cutoff":"2023-12-31","expiration_date":null,"links":{"details":"/api/v1/models/meta-llama/llama-3.1-8b-instruct/endpoints"}}"#;

const ENDPOINT: &str = r#"{"context_length":8192,"latency_last_30m":{"p50":0.25,"p75":0.35,"p90":0.48,"p99":0.85},"max_completion_tokens":4096,"max_prompt_tokens":8192,"model_id":"openai/gpt-4","model_name":"GPT-4","name":"OpenAI: GPT-4","pricing":{"completion":"0.00006","image":"0","prompt":"0.00003","request":"0"},"provider_name":"OpenAI","quantization":"fp16","status":0,"supported_parameters":["temperature","top_p","max_tokens"],"supports_implicit_caching":true,"tag":"openai","throughput_last_30m":{"p50":45.2,"p75":38.5,"p90":28.3,"p99":15.1},"uptime_last_1d":99.8,"uptime_last_30m":99.5,"uptime_last_5m":100}"#;

const KEY_RECORD: &str = r#"{"hash":"f01d52606dc8f0a8303a7b5cc3fa07109c2e346cec7c0a16b40de462992ce943","name":"ci","label":"sk-or-v1-0e6...1c96","disabled":false,"limit":10,"limit_remaining":10,"limit_reset":null,"include_byok_in_limit":false,"usage":0,"usage_daily":0,"usage_weekly":0,"usage_monthly":0,"byok_usage":0,"byok_usage_daily":0,"byok_usage_weekly":0,"byok_usage_monthly":0,"created_at":"2026-01-01T00:00:00Z","updated_at":null,"expires_at":null,"creator_user_id":null,"workspace_id":"550e8400-e29b-41d4-a716-446655440000"}"#;

const HASH: &str = "f01d52606dc8f0a8303a7b5cc3fa07109c2e346cec7c0a16b40de462992ce943";

async fn answer(server: &MockServer, verb: &str, route: &str, status: u16, body: String) {
    Mock::given(method(verb))
        .and(path(format!("/api/v1{route}")))
        .respond_with(ResponseTemplate::new(status).set_body_raw(body, "application/json"))
        .expect(1)
        .mount(server)
        .await;
}

#[tokio::test]
async fn every_endpoint_decodes_and_sends_the_documented_request() {
    let server = server().await;
    let models_list = format!(r#"{{"data":[{MODEL}],"links":{{"next":null}},"total_count":1}}"#);
    Mock::given(method("GET"))
        .and(path("/api/v1/models"))
        .and(query_param("supported_parameters", "tools"))
        .respond_with(
            ResponseTemplate::new(200).set_body_raw(models_list.clone(), "application/json"),
        )
        .expect(1)
        .mount(&server)
        .await;
    answer(
        &server,
        "GET",
        "/models/count",
        200,
        r#"{"data":{"count":150}}"#.into(),
    )
    .await;
    answer(&server, "GET", "/models/user", 200, models_list.clone()).await;
    answer(
        &server,
        "GET",
        "/embeddings/models",
        200,
        r#"{"data":[]}"#.into(),
    )
    .await;
    answer(
        &server,
        "GET",
        "/model/meta-llama/llama-3.1-8b-instruct",
        200,
        format!(r#"{{"data":{MODEL}}}"#),
    )
    .await;
    answer(
        &server,
        "GET",
        "/models/openai/gpt-4/endpoints",
        200,
        format!(r#"{{"data":{{"id":"openai/gpt-4","name":"GPT-4","created":1692901234,"description":"GPT-4","architecture":{{"input_modalities":["text"],"instruct_type":"chatml","modality":"text->text","output_modalities":["text"],"tokenizer":"GPT"}},"endpoints":[{ENDPOINT}]}}}}"#),
    )
    .await;
    answer(
        &server,
        "GET",
        "/endpoints/zdr",
        200,
        format!(r#"{{"data":[{ENDPOINT}]}}"#),
    )
    .await;
    answer(
        &server,
        "GET",
        "/providers",
        200,
        r#"{"data":[{"name":"OpenAI","slug":"openai","privacy_policy_url":"https://openai.com/policies/privacy-policy/","terms_of_service_url":null,"status_page_url":"https://status.openai.com/","headquarters":"US","datacenters":["US"]}]}"#.into(),
    )
    .await;
    answer(
        &server,
        "GET",
        "/key",
        200,
        r#"{"data":{"label":"sk-or-v1-au7...890","limit":100,"limit_remaining":74.5,"limit_reset":"monthly","include_byok_in_limit":false,"usage":25.5,"usage_daily":25.5,"usage_weekly":25.5,"usage_monthly":25.5,"byok_usage":17.38,"byok_usage_daily":17.38,"byok_usage_weekly":17.38,"byok_usage_monthly":17.38,"is_free_tier":false,"is_management_key":false,"is_provisioning_key":false,"creator_user_id":"user_2dHFtVWx2n56w6HkM0000000000","expires_at":"2027-12-31T23:59:59Z","rate_limit":{"interval":"1h","note":"This field is deprecated and safe to ignore.","requests":1000}}}"#.into(),
    )
    .await;
    answer(
        &server,
        "GET",
        "/credits",
        200,
        r#"{"data":{"total_credits":100.5,"total_usage":25.75}}"#.into(),
    )
    .await;
    answer(
        &server,
        "GET",
        "/generation",
        200,
        r#"{"data":{"api_type":"completions","id":"gen-3bhGkxlo4XFrqiabUM7NDtwDzWwG","model":"sao10k/l3-stheno-8b","provider_name":"Infermatic","created_at":"2024-07-15T23:33:19.433273+00:00","total_cost":0.0015,"usage":0.0015,"tokens_prompt":10,"tokens_completion":25,"streamed":true,"cancelled":false,"finish_reason":"stop"}}"#.into(),
    )
    .await;
    answer(
        &server,
        "GET",
        "/keys",
        200,
        format!(r#"{{"data":[{KEY_RECORD}]}}"#),
    )
    .await;
    answer(&server, "POST", "/keys", 201, format!(r#"{{"data":{KEY_RECORD},"key":"sk-or-v1-d3adb33f0000000000000000000000000000000000000000000000000000000"}}"#)).await;
    answer(
        &server,
        "GET",
        &format!("/keys/{HASH}"),
        200,
        format!(r#"{{"data":{KEY_RECORD}}}"#),
    )
    .await;
    answer(
        &server,
        "PATCH",
        &format!("/keys/{HASH}"),
        200,
        format!(r#"{{"data":{KEY_RECORD}}}"#),
    )
    .await;
    answer(
        &server,
        "DELETE",
        &format!("/keys/{HASH}"),
        200,
        r#"{"deleted":true}"#.into(),
    )
    .await;
    answer(
        &server,
        "POST",
        "/embeddings",
        200,
        r#"{"id":"gen-emb-1","object":"list","model":"openai/text-embedding-3-small","data":[{"object":"embedding","embedding":[0.1,-0.2,0.3],"index":0}],"usage":{"prompt_tokens":2,"total_tokens":2,"cost":4e-8}}"#.into(),
    )
    .await;
    answer(
        &server,
        "POST",
        "/responses",
        200,
        r#"{"id":"resp_1","object":"response","created_at":1,"model":"openai/gpt-5-nano","status":"completed","output":[{"type":"message","id":"msg_1","role":"assistant","status":"completed","content":[{"type":"output_text","text":"Hi!","annotations":[]}]}],"usage":{"input_tokens":5,"output_tokens":2,"total_tokens":7}}"#.into(),
    )
    .await;

    let client = client(&server.uri());
    let models = client
        .models(&ModelsQuery::new().supported_parameters([Parameter::Tools]))
        .await
        .unwrap();
    assert_eq!(models.data[0].id, "meta-llama/llama-3.1-8b-instruct");
    assert_eq!(models.total_count, Some(1));
    assert_eq!(
        *client.models_count(&ModelsCountQuery::new()).await.unwrap(),
        150
    );
    assert_eq!(
        client
            .models_user(&PageQuery::new().limit(10))
            .await
            .unwrap()
            .data
            .len(),
        1
    );
    assert!(client.embedding_models().await.unwrap().data.is_empty());
    assert_eq!(
        client
            .model("meta-llama/llama-3.1-8b-instruct")
            .await
            .unwrap()
            .context_length,
        Some(131072)
    );
    let endpoints = client.model_endpoints("openai/gpt-4").await.unwrap();
    assert_eq!(endpoints.endpoints[0].tag, "openai");
    assert_eq!(client.zdr_endpoints().await.unwrap().len(), 1);
    assert_eq!(client.providers().await.unwrap()[0].slug, "openai");
    assert_eq!(client.key().await.unwrap().limit, Some(100.0));
    assert_eq!(client.credits().await.unwrap().total_credits, 100.5);
    assert_eq!(
        client
            .generation("gen-3bhGkxlo4XFrqiabUM7NDtwDzWwG")
            .await
            .unwrap()
            .total_cost,
        Some(0.0015)
    );
    assert_eq!(
        client
            .list_keys(&ListKeysQuery::new().include_disabled(true))
            .await
            .unwrap()
            .len(),
        1
    );
    let created = client
        .create_key(&CreateKeyRequest::new("ci").limit(10.0))
        .await
        .unwrap();
    assert_eq!(created.meta().status().as_u16(), 201);
    assert_eq!(client.get_key(HASH).await.unwrap().name, "ci");
    client
        .update_key(HASH, &UpdateKeyRequest::new().disabled(true))
        .await
        .unwrap();
    assert!(client.delete_key(HASH).await.unwrap().deleted);
    let embeddings = client
        .embeddings(&EmbeddingsRequest::new(
            "openai/text-embedding-3-small",
            "hello",
        ))
        .await
        .unwrap();
    assert_eq!(embeddings.data.len(), 1);
    let response = client
        .responses(&ResponsesRequest::new("openai/gpt-5-nano", "hi"))
        .await
        .unwrap();
    assert_eq!(response.text(), "Hi!");

    insta::assert_snapshot!("endpoint_requests", render(&sent(&server).await));
}

#[tokio::test]
async fn path_parameters_cannot_escape_their_segment() {
    let server = server().await;
    let client = client(&server.uri());
    for id in ["openai", "a/b/c", "../x", "a/b?c", "a/ b", ""] {
        assert!(
            matches!(
                client.model(id).await,
                Err(openrouter_client::Error::Config(_))
            ),
            "{id}"
        );
    }
    for hash in ["a/b", "..", "", "x?y"] {
        assert!(
            matches!(
                client.get_key(hash).await,
                Err(openrouter_client::Error::Config(_))
            ),
            "{hash}"
        );
    }
    assert!(sent(&server).await.is_empty());
}

#[tokio::test]
async fn model_list_errors_are_api_errors_too() {
    let server = server().await;
    answer(
        &server,
        "GET",
        "/credits",
        403,
        r#"{"error":{"message":"Only management keys can perform this operation","code":403}}"#
            .into(),
    )
    .await;
    let error = client(&server.uri()).credits().await.unwrap_err();
    assert_eq!(error.status().map(|s| s.as_u16()), Some(403));
    let _: Value = json!(null);
}

#[tokio::test]
async fn a_failed_response_object_is_a_mid_stream_error() {
    let server = server().await;
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
    let openrouter_client::Error::MidStream(e) = &error else {
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
    Mock::given(path("/api/v1/keys"))
        .and(wiremock::matchers::header(
            "authorization",
            "Bearer sk-or-v1-management",
        ))
        .respond_with(ResponseTemplate::new(200).set_body_raw(r#"{"data":[]}"#, "application/json"))
        .expect(1)
        .mount(&server)
        .await;
    let options = openrouter_client::RequestOptions::new().api_key("sk-or-v1-management");
    assert!(
        !format!("{options:?}").contains("management"),
        "the per-call key is redacted too"
    );
    let keys = client(&server.uri())
        .with_options(options)
        .list_keys(&ListKeysQuery::new())
        .await
        .unwrap();
    assert!(keys.is_empty());
}
