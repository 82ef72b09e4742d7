//! The contract of every operation beyond the original endpoints: for each
//! declared operation, each fixture recorded on its route is requested
//! through the operation's typed `Client` method from the mock server; the
//! typed answer must re-encode to the fixture's body (a round trip), an
//! error fixture must come back as the typed error of its status, and every
//! operation of `openrouter_api::operation::ALL` must be exercised.
//! (The original endpoints go through `call.rs`, with snapshots.)

use std::future::Future;
use std::pin::Pin;
use std::time::Duration;

use futures::StreamExt;
use openrouter_api::operation::{self, Operation};
use openrouter_api::{
    Client, Error, FileContent, MessagesStreamItem, RequestOptions, RetryPolicy, Timeouts,
};
use openrouter_testkit::server::MockOpenRouter;
use openrouter_testkit::{FIXTURE_HEADER, Fixture, FixtureSet};
use serde::de::DeserializeOwned;
use serde_json::Value;

use super::replay::{TEST_KEY, fixtures_dir};

/// Client methods `call.rs` replays (with snapshots); every other declared
/// operation is this file's.
const REPLAYED_BY_CALL_RS: &[&str] = &[
    "chat",
    "responses",
    "embeddings",
    "embedding_models",
    "models",
    "models_count",
    "models_user",
    "model",
    "model_endpoints",
    "zdr_endpoints",
    "providers",
    "key",
    "credits",
    "generation",
    "list_keys",
    "create_key",
    "get_key",
    "update_key",
    "delete_key",
];

/// The declared operation whose method and path template `fixture` was recorded on.
fn operation_of(fixture: &Fixture) -> Option<&'static Operation> {
    let request = fixture.request();
    operation::for_path(request.method(), request.path().strip_prefix("/api/v1")?)
}

/// Whether `fixture` belongs to this file rather than `call.rs`.
pub(crate) fn handles(fixture: &Fixture) -> bool {
    operation_of(fixture).is_some_and(|op| !REPLAYED_BY_CALL_RS.contains(&op.client_method))
}

/// The values of the template's parameters in `path`, in order.
fn params(template: &str, path: &str) -> Vec<String> {
    template
        .split('/')
        .zip(path.split('/'))
        .filter(|(t, _)| t.starts_with('{'))
        .map(|(_, p)| p.to_owned())
        .collect()
}

/// What a typed call is given, from the fixture's recorded request.
struct Args {
    params: Vec<String>,
    body: Option<Value>,
    fixture: String,
}

impl Args {
    fn p(&self, i: usize) -> &str {
        &self.params[i]
    }

    fn body<T: DeserializeOwned>(&self) -> T {
        let body = self
            .body
            .clone()
            .unwrap_or(Value::Object(Default::default()));
        serde_json::from_value(body).unwrap_or_else(|e| {
            panic!(
                "{}: the recorded body does not decode as the typed request: {e}",
                self.fixture
            )
        })
    }
}

type Answer = Result<Value, Error>;
type Fut<'a> = Pin<Box<dyn Future<Output = Answer> + 'a>>;

/// A typed answer as JSON, for the round trip.
fn json<T: serde::Serialize>(r: Result<openrouter_api::Response<T>, Error>) -> Answer {
    r.map(|r| serde_json::to_value(r.data()).expect("a typed answer encodes"))
}

/// The small WAV the audio fixtures upload.
fn wav() -> FileContent {
    FileContent::bytes(
        std::fs::read(fixtures_dir().join("audio/hello.wav")).expect("fixtures/audio/hello.wav"),
    )
}

/// Calls the typed method of `op` with `a`.
fn call<'a>(c: &'a Client, op: &'static Operation, a: &'a Args) -> Fut<'a> {
    macro_rules! on {
        ($($name:ident => $call:expr,)*) => {
            $(if op.id == operation::$name.id {
                return Box::pin(async move { $call });
            })*
        };
    }
    on! {
        ACTIVITY => json(c.activity(&Default::default()).await),
        ANALYTICS_META => json(c.analytics_meta().await),
        ANALYTICS_QUERY => json(c.analytics_query(&a.body()).await),
        SPEECH => bytes(c.speech(&a.body()).await).await,
        TRANSCRIPTION => json(c.transcription(
            &openrouter_types::audio::TranscriptionRequest::new("openai/whisper-1"),
            wav(),
            "hello.wav",
            "audio/wav",
        ).await),
        EXCHANGE_AUTH_CODE => json(c.exchange_auth_code(&a.body()).await),
        CREATE_AUTH_CODE => json(c.create_auth_code(&a.body()).await),
        BENCHMARKS => json(c.benchmarks(&Default::default()).await),
        LIST_BYOK => json(c.list_byok(&Default::default()).await),
        CREATE_BYOK => json(c.create_byok(&a.body()).await),
        DELETE_BYOK => json(c.delete_byok(a.p(0)).await),
        GET_BYOK => json(c.get_byok(a.p(0)).await),
        UPDATE_BYOK => json(c.update_byok(a.p(0), &a.body()).await),
        TASK_CLASSIFICATIONS => json(c.task_classifications(&Default::default()).await),
        CREATE_COINBASE_CHARGE => json(c.create_coinbase_charge(&a.body()).await),
        APP_RANKINGS => json(c.app_rankings(&Default::default()).await),
        RANKINGS_DAILY => json(c.rankings_daily(&Default::default()).await),
        SESSION_COST => json(c.session_cost(&Default::default()).await),
        LIST_FILES => json(c.list_files(&Default::default()).await),
        UPLOAD_FILE => json(c.upload_file(&openrouter_types::files::UploadFileForm::new("notes.jsonl"), FileContent::bytes(&b"{}\n"[..])).await),
        DELETE_FILE => json(c.delete_file(a.p(0)).await),
        GET_FILE => json(c.get_file(a.p(0)).await),
        DOWNLOAD_FILE => bytes(c.download_file(a.p(0)).await).await,
        GENERATION_CONTENT => json(c.generation_content(&openrouter_types::generation_content::GenerationContentQuery::new("gen-1")).await),
        GENERATION_FEEDBACK => json(c.generation_feedback(&a.body()).await),
        LIST_GUARDRAILS => json(c.list_guardrails(&Default::default()).await),
        CREATE_GUARDRAIL => json(c.create_guardrail(&a.body()).await),
        DELETE_GUARDRAIL => json(c.delete_guardrail(a.p(0)).await),
        GET_GUARDRAIL => json(c.get_guardrail(a.p(0)).await),
        UPDATE_GUARDRAIL => json(c.update_guardrail(a.p(0), &a.body()).await),
        LIST_GUARDRAIL_KEY_ASSIGNMENTS => json(c.list_guardrail_key_assignments(a.p(0), &Default::default()).await),
        ASSIGN_GUARDRAIL_KEYS => json(c.assign_guardrail_keys(a.p(0), &a.body()).await),
        UNASSIGN_GUARDRAIL_KEYS => json(c.unassign_guardrail_keys(a.p(0), &a.body()).await),
        LIST_GUARDRAIL_MEMBER_ASSIGNMENTS => json(c.list_guardrail_member_assignments(a.p(0), &Default::default()).await),
        ASSIGN_GUARDRAIL_MEMBERS => json(c.assign_guardrail_members(a.p(0), &a.body()).await),
        UNASSIGN_GUARDRAIL_MEMBERS => json(c.unassign_guardrail_members(a.p(0), &a.body()).await),
        LIST_KEY_ASSIGNMENTS => json(c.list_key_assignments(&Default::default()).await),
        LIST_MEMBER_ASSIGNMENTS => json(c.list_member_assignments(&Default::default()).await),
        GENERATE_IMAGES => json(c.generate_images(&a.body()).await),
        IMAGE_MODELS => json(c.image_models().await),
        IMAGE_MODEL_ENDPOINTS => json(c.image_model_endpoints(&format!("{}/{}", a.p(0), a.p(1))).await),
        MESSAGES => messages(c, a).await,
        LIST_OBSERVABILITY_DESTINATIONS => json(c.list_observability_destinations(&Default::default()).await),
        CREATE_OBSERVABILITY_DESTINATION => json(c.create_observability_destination(&a.body()).await),
        DELETE_OBSERVABILITY_DESTINATION => json(c.delete_observability_destination(a.p(0)).await),
        GET_OBSERVABILITY_DESTINATION => json(c.get_observability_destination(a.p(0)).await),
        UPDATE_OBSERVABILITY_DESTINATION => json(c.update_observability_destination(a.p(0), &a.body()).await),
        ORGANIZATION_MEMBERS => json(c.organization_members(&Default::default()).await),
        LIST_PRESETS => json(c.list_presets(&Default::default()).await),
        GET_PRESET => json(c.get_preset(a.p(0)).await),
        CREATE_PRESET_FROM_CHAT => json(c.create_preset_from_chat(a.p(0), &a.body()).await),
        CREATE_PRESET_FROM_MESSAGES => json(c.create_preset_from_messages(a.p(0), &a.body()).await),
        CREATE_PRESET_FROM_RESPONSES => json(c.create_preset_from_responses(a.p(0), &a.body()).await),
        LIST_PRESET_VERSIONS => json(c.list_preset_versions(a.p(0)).await),
        GET_PRESET_VERSION => json(c.get_preset_version(a.p(0), a.p(1)).await),
        RERANK => json(c.rerank(&a.body()).await),
        LIST_SCIM_GROUP_MAPPINGS => json(c.list_scim_group_mappings(&Default::default()).await),
        CREATE_SCIM_GROUP_MAPPING => json(c.create_scim_group_mapping(&a.body()).await),
        DELETE_SCIM_GROUP_MAPPING => json(c.delete_scim_group_mapping(a.p(0), &openrouter_types::scim::DeleteGroupMappingQuery::new(false)).await),
        GET_SCIM_GROUP_MAPPING => json(c.get_scim_group_mapping(a.p(0)).await),
        UPDATE_SCIM_GROUP_MAPPING => json(c.update_scim_group_mapping(a.p(0), &a.body()).await),
        LIST_SCIM_GROUPS => json(c.list_scim_groups(&Default::default()).await),
        CREATE_VIDEO => json(c.create_video(&a.body()).await),
        VIDEO => json(c.video(a.p(0)).await),
        DOWNLOAD_VIDEO => bytes(c.download_video(a.p(0), &Default::default()).await).await,
        VIDEO_MODELS => json(c.video_models().await),
        LIST_WORKSPACES => json(c.list_workspaces(&Default::default()).await),
        CREATE_WORKSPACE => json(c.create_workspace(&a.body()).await),
        DELETE_WORKSPACE => json(c.delete_workspace(a.p(0)).await),
        GET_WORKSPACE => json(c.get_workspace(a.p(0)).await),
        UPDATE_WORKSPACE => json(c.update_workspace(a.p(0), &a.body()).await),
        LIST_WORKSPACE_BUDGETS => json(c.list_workspace_budgets(a.p(0)).await),
        DELETE_WORKSPACE_BUDGET => json(c.delete_workspace_budget(a.p(0), a.p(1)).await),
        GET_WORKSPACE_BUDGET => json(c.get_workspace_budget(a.p(0), a.p(1)).await),
        UPSERT_WORKSPACE_BUDGET => json(c.upsert_workspace_budget(a.p(0), a.p(1), &a.body()).await),
        LIST_WORKSPACE_MEMBERS => json(c.list_workspace_members(a.p(0), &Default::default()).await),
        ADD_WORKSPACE_MEMBERS => json(c.add_workspace_members(a.p(0), &a.body()).await),
        REMOVE_WORKSPACE_MEMBERS => json(c.remove_workspace_members(a.p(0), &a.body()).await),
    }
    panic!(
        "{}: no typed call for {op} in contract/operations.rs",
        a.fixture
    )
}

/// A binary answer, read whole, as a hex string (compared with the fixture's bytes below).
async fn bytes(stream: Result<openrouter_api::ByteStream, Error>) -> Answer {
    let body = stream?.collect(64 << 20).await?;
    Ok(Value::String(hex(&body)))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// `POST /messages`, plain or streamed as the fixture recorded.
async fn messages(c: &Client, a: &Args) -> Answer {
    let request: openrouter_types::messages::MessagesRequest = a.body();
    if a.body.as_ref().and_then(|b| b.get("stream")) == Some(&Value::Bool(true)) {
        let mut stream = c.messages_stream(&request).await?;
        let mut keep_alives = 0;
        while let Some(item) = stream.next().await {
            if let MessagesStreamItem::KeepAlive = item? {
                keep_alives += 1;
            }
        }
        assert!(
            keep_alives > 0,
            "{}: the keep-alives were surfaced",
            a.fixture
        );
        return Ok(serde_json::to_value(stream.message()).expect("a message encodes"));
    }
    json(c.messages(&request).await)
}

/// `value` without `null`-valued keys and with every number as an `f64`:
/// the equivalences a typed round trip may introduce.
fn normal(value: &Value) -> Value {
    match value {
        Value::Object(map) => Value::Object(
            map.iter()
                .filter(|(_, v)| !v.is_null())
                .map(|(k, v)| (k.clone(), normal(v)))
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.iter().map(normal).collect()),
        Value::Number(n) => n.as_f64().map_or(value.clone(), Value::from),
        _ => value.clone(),
    }
}

#[test]
fn every_operation_is_served_through_its_typed_method() {
    let set = FixtureSet::load_dir(fixtures_dir()).expect("fixtures/ loads");
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a tokio runtime");
    let (problems, exercised) = runtime.block_on(async {
        let server = MockOpenRouter::start(set.clone()).await.expect("the mock starts");
        let client = Client::builder()
            .base_url(server.base_url())
            .api_key(TEST_KEY)
            .timeouts(Timeouts::default().total(Duration::from_secs(10)))
            .retry_policy(RetryPolicy::none())
            .build()
            .expect("a client");
        let mut problems = Vec::new();
        let mut exercised = Vec::new();
        for fixture in &set {
            let Some(op) = operation_of(fixture).filter(|_| handles(fixture)) else {
                continue;
            };
            let request = fixture.request();
            let path = request.path().trim_start_matches("/api/v1");
            let args = Args {
                params: params(op.path, path),
                body: request.body().cloned(),
                fixture: fixture.name().to_owned(),
            };
            // The header pins the fixture: several share a route.
            let client =
                client.with_options(RequestOptions::new().header(FIXTURE_HEADER, fixture.name()));
            let before = server.received_requests().len();
            let answer = call(&client, op, &args).await;
            let sent = server.received_requests().split_off(before);
            let name = fixture.name();
            if sent.len() != 1 || sent[0].method() != request.method() || sent[0].path() != request.path() {
                problems.push(format!(
                    "{name}: {op} sent {:?}",
                    sent.iter().map(|r| format!("{} {}", r.method(), r.path())).collect::<Vec<_>>()
                ));
            }
            let response = fixture.response();
            let status = response.status();
            match answer {
                Ok(_) if name.contains("truncated") || name.contains("stream_error") => {
                    problems.push(format!("{name}: a broken stream came back as a success"));
                }
                Err(Error::TruncatedStream(e)) if name.contains("truncated") => {
                    if e.partial_message().is_none() {
                        problems.push(format!("{name}: the truncation lost the partial message"));
                    }
                }
                Err(Error::MidStream(e)) if name.contains("stream_error") => {
                    if e.partial_message().is_none() {
                        problems.push(format!("{name}: the stream error lost the partial message"));
                    }
                }
                Ok(value) if (200..300).contains(&status) => {
                    let expected = if response.is_event_stream() {
                        None // compared through the stream's own checks
                    } else if !response.content_type().contains("json") {
                        Some(Value::String(hex(response.body())))
                    } else {
                        serde_json::from_slice::<Value>(response.body()).ok()
                    };
                    if let Some(expected) = expected
                        && normal(&expected) != normal(&value)
                    {
                        problems.push(format!(
                            "{name}: the typed answer does not re-encode to the fixture's body:\n  expected {}\n  got      {}",
                            normal(&expected), normal(&value)
                        ));
                    }
                }
                Err(Error::Api(e)) if !(200..300).contains(&status) => {
                    if e.http_status().as_u16() != status {
                        problems.push(format!("{name}: status {} for a {status}", e.http_status()));
                    }
                }
                other => problems.push(format!("{name}: unexpected answer {other:?} for a {status}")),
            }
            exercised.push(op.id);
        }
        (problems, exercised)
    });
    assert!(
        problems.is_empty(),
        "{} problem(s):\n{}",
        problems.len(),
        problems.join("\n")
    );
    let missing: Vec<_> = operation::ALL
        .iter()
        .filter(|op| !REPLAYED_BY_CALL_RS.contains(&op.client_method))
        .filter(|op| !exercised.contains(&op.id))
        .map(|op| op.to_string())
        .collect();
    assert!(
        missing.is_empty(),
        "operations with no fixture exercised: {missing:?}"
    );
}
