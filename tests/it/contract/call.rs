//! Which client method replays a fixture: chosen from the recorded method and path alone, so a new
//! fixture on a known route needs no code change.

use openrouter_api::{Client, Error, Response};
use openrouter_testkit::Fixture;
use openrouter_types::chat::ChatRequest;
use openrouter_types::embeddings::EmbeddingsRequest;
use openrouter_types::keys::{CreateKeyRequest, ListKeysQuery, UpdateKeyRequest};
use openrouter_types::models::{ModelsCountQuery, ModelsQuery, OutputModality, PageQuery};
use openrouter_types::responses::ResponsesRequest;
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

/// One typed client call, built from a fixture's recorded request.
#[derive(Debug, Clone)]
pub(crate) enum Call {
    Chat(Box<ChatRequest>),
    ChatStream(Box<ChatRequest>),
    Responses(Box<ResponsesRequest>),
    ResponsesStream(Box<ResponsesRequest>),
    Embeddings(Box<EmbeddingsRequest>),
    EmbeddingModels,
    Models(Box<ModelsQuery>),
    ModelsCount(ModelsCountQuery),
    ModelsUser(PageQuery),
    Model(String),
    ModelEndpoints(String),
    ZdrEndpoints,
    Providers,
    Key,
    Credits,
    Generation(String),
    ListKeys(ListKeysQuery),
    CreateKey(Box<CreateKeyRequest>),
    GetKey(String),
    UpdateKey(String, Box<UpdateKeyRequest>),
    DeleteKey(String),
}

/// A call that does not send the fixture's recorded request: the client has no method for
/// that route, so the fixture is served (by the `x-mock-fixture` header) to the client method
/// that decodes the same shape. Listed in the coverage snapshot so the gap stays visible.
#[derive(Debug, Clone)]
pub(crate) struct StandIn {
    pub(crate) call: Call,
    pub(crate) why: &'static str,
}

/// How a fixture is replayed.
#[derive(Debug, Clone)]
pub(crate) enum Plan {
    /// The client method for the fixture's route, sent with the fixture's request.
    Replay(Call),
    /// Another method, for a route the client has no method for.
    StandIn(StandIn),
}

impl Plan {
    pub(crate) fn call(&self) -> &Call {
        match self {
            Plan::Replay(call) => call,
            Plan::StandIn(stand_in) => &stand_in.call,
        }
    }
}

impl Call {
    /// The client method's name, as the snapshots show it.
    pub(crate) fn name(&self) -> &'static str {
        match self {
            Call::Chat(_) => "chat",
            Call::ChatStream(_) => "chat_stream",
            Call::Responses(_) => "responses",
            Call::ResponsesStream(_) => "responses_stream",
            Call::Embeddings(_) => "embeddings",
            Call::EmbeddingModels => "embedding_models",
            Call::Models(_) => "models",
            Call::ModelsCount(_) => "models_count",
            Call::ModelsUser(_) => "models_user",
            Call::Model(_) => "model",
            Call::ModelEndpoints(_) => "model_endpoints",
            Call::ZdrEndpoints => "zdr_endpoints",
            Call::Providers => "providers",
            Call::Key => "key",
            Call::Credits => "credits",
            Call::Generation(_) => "generation",
            Call::ListKeys(_) => "list_keys",
            Call::CreateKey(_) => "create_key",
            Call::GetKey(_) => "get_key",
            Call::UpdateKey(..) => "update_key",
            Call::DeleteKey(_) => "delete_key",
        }
    }

    /// Runs a non-streaming call; `None` for the two streaming calls.
    pub(crate) async fn run_plain(&self, client: &Client) -> Option<Plain> {
        let plain = match self {
            Call::Chat(request) => plain(client.chat(request).await),
            Call::Responses(request) => plain(client.responses(request).await),
            Call::Embeddings(request) => plain(client.embeddings(request).await),
            Call::EmbeddingModels => plain(client.embedding_models().await),
            Call::Models(query) => plain(client.models(query).await),
            Call::ModelsCount(query) => plain(client.models_count(query).await),
            Call::ModelsUser(page) => plain(client.models_user(page).await),
            Call::Model(id) => plain(client.model(id).await),
            Call::ModelEndpoints(id) => plain(client.model_endpoints(id).await),
            Call::ZdrEndpoints => plain(client.zdr_endpoints().await),
            Call::Providers => plain(client.providers().await),
            Call::Key => plain(client.key().await),
            Call::Credits => plain(client.credits().await),
            Call::Generation(id) => plain(client.generation(id).await),
            Call::ListKeys(query) => plain(client.list_keys(query).await),
            Call::CreateKey(request) => plain(client.create_key(request).await),
            Call::GetKey(hash) => plain(client.get_key(hash).await),
            Call::UpdateKey(hash, request) => plain(client.update_key(hash, request).await),
            Call::DeleteKey(hash) => plain(client.delete_key(hash).await),
            Call::ChatStream(_) | Call::ResponsesStream(_) => return None,
        };
        Some(plain)
    }
}

/// What a non-streaming call returned: the decoded value as JSON, with the response's status
/// and generation id.
pub(crate) struct Plain {
    pub(crate) status: Option<u16>,
    pub(crate) generation_id: Option<String>,
    pub(crate) result: Result<Value, Error>,
}

fn plain<T: Serialize>(result: Result<Response<T>, Error>) -> Plain {
    match result {
        Ok(response) => Plain {
            status: Some(response.meta().status().as_u16()),
            generation_id: response.meta().generation_id().map(str::to_owned),
            result: Ok(serde_json::to_value(response.data())
                .expect("every response type serialises to JSON")),
        },
        Err(error) => Plain {
            status: None,
            generation_id: None,
            result: Err(error),
        },
    }
}

/// The plan for `fixture`, or why there is none (a route this file does not map yet).
pub(crate) fn plan(fixture: &Fixture) -> Result<Plan, String> {
    let request = fixture.request();
    let path = request
        .path()
        .strip_prefix("/api/v1/")
        .ok_or_else(|| format!("{fixture}: the path is not under /api/v1/"))?;
    let segments: Vec<&str> = path.split('/').collect();
    let query = request.query();
    let no_query = |call: Call| {
        if query.is_empty() {
            Ok(call)
        } else {
            Err(format!(
                "{fixture}: the client method `{}` takes no query, but the fixture has {query:?}",
                call.name()
            ))
        }
    };
    let call = match (request.method(), segments.as_slice()) {
        ("POST", ["chat", "completions"]) if request.is_stream() => {
            Call::ChatStream(body(fixture)?)
        }
        ("POST", ["chat", "completions"]) => Call::Chat(body(fixture)?),
        ("POST", ["responses"]) if request.is_stream() => Call::ResponsesStream(body(fixture)?),
        ("POST", ["responses"]) => Call::Responses(body(fixture)?),
        ("POST", ["embeddings"]) => Call::Embeddings(body(fixture)?),
        ("GET", ["embeddings", "models"]) => no_query(Call::EmbeddingModels)?,
        ("GET", ["models"]) => Call::Models(Box::new(models_query(query))),
        ("GET", ["models", "count"]) => Call::ModelsCount(count_query(fixture, query)?),
        ("GET", ["models", "user"]) => Call::ModelsUser(page_query(fixture, query)?),
        ("GET", ["models", author, slug, "endpoints"]) => {
            no_query(Call::ModelEndpoints(format!("{author}/{slug}")))?
        }
        ("GET", ["model", author, slug]) => no_query(Call::Model(format!("{author}/{slug}")))?,
        ("GET", ["endpoints", "zdr"]) => no_query(Call::ZdrEndpoints)?,
        ("GET", ["providers"]) => no_query(Call::Providers)?,
        ("GET", ["key"]) => no_query(Call::Key)?,
        ("GET", ["auth", "key"]) => {
            return Ok(Plan::StandIn(StandIn {
                call: Call::Key,
                why: "the client calls GET /key only; the legacy /auth/key answers the same shape",
            }));
        }
        ("GET", ["credits"]) => no_query(Call::Credits)?,
        ("GET", ["generation"]) => match query {
            [(name, id)] if name == "id" => Call::Generation(id.clone()),
            _ => {
                return Err(format!(
                    "{fixture}: GET /generation needs exactly `id`, got {query:?}"
                ));
            }
        },
        ("GET", ["keys"]) => Call::ListKeys(keys_query(fixture, query)?),
        ("POST", ["keys"]) => Call::CreateKey(body(fixture)?),
        ("GET", ["keys", hash]) => no_query(Call::GetKey((*hash).to_owned()))?,
        ("PATCH", ["keys", hash]) => Call::UpdateKey((*hash).to_owned(), body(fixture)?),
        ("DELETE", ["keys", hash]) => no_query(Call::DeleteKey((*hash).to_owned()))?,
        (method, _) => {
            return Err(format!(
                "{fixture}: no client method is mapped for {method} {}; add it to tests/it/contract/call.rs",
                request.path()
            ));
        }
    };
    Ok(Plan::Replay(call))
}

/// The recorded body as the typed request (the client serialises it again when sending).
fn body<T: DeserializeOwned>(fixture: &Fixture) -> Result<Box<T>, String> {
    let body = fixture
        .request()
        .body()
        .ok_or_else(|| format!("{fixture}: the request has no body"))?;
    serde_json::from_value(body.clone())
        .map(Box::new)
        .map_err(|e| {
            format!("{fixture}: the recorded body does not decode as the typed request: {e}")
        })
}

/// `/models` takes any filter: numbers typed, everything else passed through verbatim.
fn models_query(pairs: &[(String, String)]) -> ModelsQuery {
    let mut query = ModelsQuery::new();
    for (name, value) in pairs {
        query = match (name.as_str(), value.parse::<u64>()) {
            ("offset", Ok(n)) => query.offset(n),
            ("limit", Ok(n)) => query.limit(n),
            _ => query.param(name.clone(), value.clone()),
        };
    }
    query
}

fn count_query(fixture: &Fixture, pairs: &[(String, String)]) -> Result<ModelsCountQuery, String> {
    let mut query = ModelsCountQuery::new();
    for (name, value) in pairs {
        query = match (name.as_str(), value.as_str()) {
            ("output_modalities", "all") => query.all_output_modalities(),
            ("output_modalities", list) => {
                let modalities = list
                    .split(',')
                    .map(|m| serde_json::from_value::<OutputModality>(Value::from(m)))
                    .collect::<Result<Vec<_>, _>>()
                    .map_err(|e| format!("{fixture}: output_modalities `{list}`: {e}"))?;
                query.output_modalities(modalities)
            }
            _ => return Err(format!("{fixture}: ModelsCountQuery has no `{name}`")),
        };
    }
    Ok(query)
}

fn page_query(fixture: &Fixture, pairs: &[(String, String)]) -> Result<PageQuery, String> {
    let mut query = PageQuery::new();
    for (name, value) in pairs {
        let n: u64 = value
            .parse()
            .map_err(|_| format!("{fixture}: `{name}={value}` is not a number"))?;
        query = match name.as_str() {
            "offset" => query.offset(n),
            "limit" => query.limit(n),
            _ => return Err(format!("{fixture}: PageQuery has no `{name}`")),
        };
    }
    Ok(query)
}

fn keys_query(fixture: &Fixture, pairs: &[(String, String)]) -> Result<ListKeysQuery, String> {
    let mut query = ListKeysQuery::new();
    for (name, value) in pairs {
        let bad = || format!("{fixture}: ListKeysQuery cannot send `{name}={value}`");
        query = match name.as_str() {
            "include_disabled" => query.include_disabled(value.parse().map_err(|_| bad())?),
            "offset" => query.offset(value.parse().map_err(|_| bad())?),
            "workspace_id" => query.workspace_id(value.clone()),
            _ => return Err(bad()),
        };
    }
    Ok(query)
}
