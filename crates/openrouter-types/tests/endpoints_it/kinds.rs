//! Which of our types decodes which body, and the decode → encode round trip.

use std::path::PathBuf;

use openrouter_types::Data;
use openrouter_types::credits::Credits;
use openrouter_types::embeddings::{EmbeddingsRequest, EmbeddingsResponse};
use openrouter_types::endpoints::{Endpoint, EndpointsList};
use openrouter_types::feedback::{FeedbackReceipt, FeedbackRequest};
use openrouter_types::generation::Generation;
use openrouter_types::generation_content::GenerationContent;
use openrouter_types::key::KeyInfo;
use openrouter_types::keys::{
    ApiKey, CreateKeyRequest, CreateKeyResponse, DeleteKeyResponse, UpdateKeyRequest,
};
use openrouter_types::models::{Model, ModelsCount, ModelsList};
use openrouter_types::providers::Provider;
use openrouter_types::responses::{Response, ResponsesRequest, StreamEvent};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

/// A body shape of one of our endpoints.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    ModelsList,
    ModelsCount,
    OneModel,
    EndpointsList,
    ZdrEndpoints,
    Providers,
    KeyInfo,
    /// The bare `data` object of `/auth/key` (a capture kept only that).
    KeyInfoObject,
    Credits,
    Generation,
    GenerationContent,
    FeedbackRequest,
    FeedbackReceipt,
    KeysList,
    OneKey,
    CreateKeyRequest,
    CreateKeyResponse,
    UpdateKeyRequest,
    DeleteKeyResponse,
    EmbeddingsRequest,
    EmbeddingsResponse,
    ResponsesRequest,
    Response,
    StreamEvent,
    /// A removed endpoint that only answers errors (`POST /credits/coinbase`: 410).
    Removed,
}

impl Kind {
    /// Decodes `value` as this kind and encodes it back.
    pub fn round_trip(self, value: &Value) -> Result<Value, String> {
        match self {
            Self::ModelsList => via::<ModelsList>(value),
            Self::ModelsCount => via::<Data<ModelsCount>>(value),
            Self::OneModel => via::<Data<Model>>(value),
            Self::EndpointsList => via::<Data<EndpointsList>>(value),
            Self::ZdrEndpoints => via::<Data<Vec<Endpoint>>>(value),
            Self::Providers => via::<Data<Vec<Provider>>>(value),
            Self::KeyInfo => via::<Data<KeyInfo>>(value),
            Self::KeyInfoObject => via::<KeyInfo>(value),
            Self::Credits => via::<Data<Credits>>(value),
            Self::Generation => via::<Data<Generation>>(value),
            Self::GenerationContent => via::<Data<GenerationContent>>(value),
            Self::FeedbackRequest => via::<FeedbackRequest>(value),
            Self::FeedbackReceipt => via::<Data<FeedbackReceipt>>(value),
            Self::KeysList => via::<Data<Vec<ApiKey>>>(value),
            Self::OneKey => via::<Data<ApiKey>>(value),
            Self::CreateKeyRequest => via::<CreateKeyRequest>(value),
            Self::CreateKeyResponse => via::<CreateKeyResponse>(value),
            Self::UpdateKeyRequest => via::<UpdateKeyRequest>(value),
            Self::DeleteKeyResponse => via::<DeleteKeyResponse>(value),
            Self::EmbeddingsRequest => via::<EmbeddingsRequest>(value),
            Self::EmbeddingsResponse => via::<EmbeddingsResponse>(value),
            Self::ResponsesRequest => via::<ResponsesRequest>(value),
            Self::Response => via::<Response>(value),
            Self::StreamEvent => via::<StreamEvent>(value),
            Self::Removed => Err("a removed endpoint answered with a success body".to_owned()),
        }
    }

    /// The kind of a capture in `../shared/captures`, by its file name.
    pub fn of_capture(name: &str) -> Option<Self> {
        let kind = if name.starts_with("models_list_") {
            Self::ModelsList
        } else if name.starts_with("endpoints_") {
            Self::EndpointsList
        } else if name.starts_with("key_info_") {
            Self::KeyInfoObject
        } else if name.starts_with("generation_") {
            Self::Generation
        } else if name.starts_with("embeddings_") {
            Self::EmbeddingsResponse
        } else if name.starts_with("responses_api_") && name.ends_with(".sse") {
            Self::StreamEvent
        } else if name.starts_with("responses_api_") {
            Self::Response
        } else {
            return None;
        };
        Some(kind)
    }

    /// The kinds of a fixture exchange's request body and 2xx response body,
    /// by method and path (`/api/v1/...`). `None` for routes that are not ours.
    pub fn of_route(method: &str, path: &str) -> Option<(Option<Self>, Self)> {
        let path = path.strip_prefix("/api/v1")?;
        let segments: Vec<&str> = path.trim_matches('/').split('/').collect();
        let found = match (method, segments.as_slice()) {
            ("GET", ["models"] | ["models", "user"] | ["embeddings", "models"]) => {
                (None, Self::ModelsList)
            }
            ("GET", ["models", "count"]) => (None, Self::ModelsCount),
            ("GET", ["model", _, _]) => (None, Self::OneModel),
            ("GET", ["models", _, _, "endpoints"]) => (None, Self::EndpointsList),
            ("GET", ["endpoints", "zdr"]) => (None, Self::ZdrEndpoints),
            ("GET", ["providers"]) => (None, Self::Providers),
            ("GET", ["key"] | ["auth", "key"]) => (None, Self::KeyInfo),
            ("GET", ["credits"]) => (None, Self::Credits),
            ("POST", ["credits", "coinbase"]) => (None, Self::Removed),
            ("GET", ["generation"]) => (None, Self::Generation),
            ("GET", ["generation", "content"]) => (None, Self::GenerationContent),
            ("POST", ["generation", "feedback"]) => {
                (Some(Self::FeedbackRequest), Self::FeedbackReceipt)
            }
            ("GET", ["keys"]) => (None, Self::KeysList),
            ("POST", ["keys"]) => (Some(Self::CreateKeyRequest), Self::CreateKeyResponse),
            ("GET", ["keys", _]) => (None, Self::OneKey),
            ("PATCH", ["keys", _]) => (Some(Self::UpdateKeyRequest), Self::OneKey),
            ("DELETE", ["keys", _]) => (None, Self::DeleteKeyResponse),
            ("POST", ["embeddings"]) => (Some(Self::EmbeddingsRequest), Self::EmbeddingsResponse),
            ("POST", ["responses"]) => (Some(Self::ResponsesRequest), Self::Response),
            _ => return None,
        };
        Some(found)
    }
}

fn via<T: DeserializeOwned + Serialize>(value: &Value) -> Result<Value, String> {
    // serde_json alone names no path for a Value; serde_path_to_error does.
    let typed: T = serde_path_to_error::deserialize(value.clone())
        .map_err(|e| format!("decode failed at {}: {}", e.path(), e.inner()))?;
    serde_json::to_value(&typed).map_err(|e| format!("encode failed: {e}"))
}

/// `../shared/<sub>` seen from this crate, or `None` (with a notice) when the
/// shared folder is absent.
pub fn shared_dir(sub: &str) -> Option<PathBuf> {
    crate::support::shared_dir().map(|dir| dir.join(sub))
}

/// Every data payload of an SSE body, `[DONE]` excluded, parsed with
/// `openrouter-sse`; fails on a body that does not end cleanly.
pub fn sse_data(body: &[u8]) -> Result<Vec<String>, String> {
    let mut parser = openrouter_sse::Parser::new();
    parser.feed(body);
    let mut out = Vec::new();
    while let Some(frame) = parser.next_frame() {
        let frame = frame.map_err(|e| format!("sse: {e}"))?;
        if let Some(event) = frame.as_event()
            && event.data() != "[DONE]"
        {
            out.push(event.data().to_owned());
        }
    }
    if !parser.finish().is_clean() {
        return Err("sse: the body ends inside an event".to_owned());
    }
    Ok(out)
}
