//! A call to make: an [`Operation`] with its path parameters, query and body,
//! encoded once, in the order the caller's types declare.

use std::sync::{Arc, Mutex};

use bytes::Bytes;
use http::{HeaderValue, Method};
use serde::Serialize;
use serde_json::{Map, Value};

use crate::operation::{AuthKind, BodyKind, Operation, RetryClass};
use crate::{Error, RequestOptions};

/// One call of one operation.
pub(crate) struct Call {
    pub(crate) op: &'static Operation,
    pub(crate) path: String,
    pub(crate) query: Vec<(String, String)>,
    pub(crate) body: Body,
    /// `/generation` answers 404 for a while after a completion: retry those.
    pub(crate) retry_not_found: bool,
    /// For requests to paths this crate does not declare (`Client::request`).
    pub(crate) method_override: Option<Method>,
    pub(crate) auth_override: Option<AuthKind>,
    pub(crate) retry_override: Option<RetryClass>,
}

impl std::fmt::Debug for Call {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Call")
            .field("method", &self.method())
            .field("path", &self.path)
            .field("query", &self.query)
            .finish_non_exhaustive()
    }
}

/// What a call sends.
pub(crate) enum Body {
    None,
    /// A JSON object, keys in declaration order (serde_json's `preserve_order`
    /// is on in `openrouter-types`, so the map keeps them).
    Json(Map<String, Value>),
    /// Bytes as they are, under a content type.
    Raw(HeaderValue, Bytes),
    /// `multipart/form-data`.
    Multipart(Multipart),
}

/// A `multipart/form-data` body: fields and files, in order.
///
/// Parts held in memory are sent again on a retry; a part streamed from a
/// reader can be sent once, so a call carrying one is never retried.
#[derive(Debug, Clone, Default)]
pub struct Multipart {
    parts: Vec<Part>,
}

/// One part of a [`Multipart`] body.
#[derive(Debug, Clone)]
pub struct Part {
    name: String,
    file_name: Option<String>,
    content_type: Option<String>,
    data: PartData,
}

#[derive(Clone)]
enum PartData {
    Bytes(Bytes),
    /// Taken by the first attempt.
    Stream(Arc<Mutex<Option<reqwest::Body>>>, Option<u64>),
}

impl std::fmt::Debug for PartData {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Bytes(bytes) => write!(f, "<{} bytes>", bytes.len()),
            Self::Stream(_, len) => write!(f, "<stream of {len:?} bytes>"),
        }
    }
}

impl Multipart {
    /// An empty form.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a text field.
    #[must_use]
    pub fn text(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.parts.push(Part {
            name: name.into(),
            file_name: None,
            content_type: None,
            data: PartData::Bytes(Bytes::from(value.into())),
        });
        self
    }

    /// Adds a file held in memory (sent again if the call is retried).
    #[must_use]
    pub fn file(
        mut self,
        name: impl Into<String>,
        file_name: impl Into<String>,
        content_type: impl Into<String>,
        bytes: impl Into<Bytes>,
    ) -> Self {
        self.parts.push(Part {
            name: name.into(),
            file_name: Some(file_name.into()),
            content_type: Some(content_type.into()),
            data: PartData::Bytes(bytes.into()),
        });
        self
    }

    /// Adds a file read from `reader` as the request is written, never held
    /// whole in memory. `length`, when known, lets the server see the size
    /// up front. A call with such a part is sent once, never retried.
    #[must_use]
    pub fn file_stream<R>(
        mut self,
        name: impl Into<String>,
        file_name: impl Into<String>,
        content_type: impl Into<String>,
        reader: R,
        length: Option<u64>,
    ) -> Self
    where
        R: tokio::io::AsyncRead + Send + 'static,
    {
        let stream = tokio_util::io::ReaderStream::new(reader);
        self.parts.push(Part {
            name: name.into(),
            file_name: Some(file_name.into()),
            content_type: Some(content_type.into()),
            data: PartData::Stream(
                Arc::new(Mutex::new(Some(reqwest::Body::wrap_stream(stream)))),
                length,
            ),
        });
        self
    }

    /// Whether every part can be sent again.
    pub(crate) fn replayable(&self) -> bool {
        self.parts
            .iter()
            .all(|p| matches!(p.data, PartData::Bytes(_)))
    }

    /// The form for one attempt.
    fn form(&self) -> Result<reqwest::multipart::Form, Error> {
        let mut form = reqwest::multipart::Form::new();
        for part in &self.parts {
            let mut built = match &part.data {
                PartData::Bytes(bytes) => reqwest::multipart::Part::stream_with_length(
                    reqwest::Body::from(bytes.clone()),
                    bytes.len() as u64,
                ),
                PartData::Stream(slot, length) => {
                    let body = slot
                        .lock()
                        .map_err(|_| Error::config("a multipart stream was poisoned"))?
                        .take()
                        .ok_or_else(|| {
                            Error::config(format!(
                                "the multipart part `{}` was streamed from a reader and cannot be sent twice",
                                part.name
                            ))
                        })?;
                    match length {
                        Some(length) => reqwest::multipart::Part::stream_with_length(body, *length),
                        None => reqwest::multipart::Part::stream(body),
                    }
                }
            };
            if let Some(file_name) = &part.file_name {
                built = built.file_name(file_name.clone());
            }
            if let Some(content_type) = &part.content_type {
                built = built.mime_str(content_type).map_err(|_| {
                    Error::config(format!(
                        "invalid content type `{content_type}` for the multipart part `{}`",
                        part.name
                    ))
                })?;
            }
            form = form.part(part.name.clone(), built);
        }
        Ok(form)
    }
}

/// A body ready to send: encoded once, attached to each attempt.
pub(crate) enum Encoded {
    None,
    Bytes(HeaderValue, Bytes),
    Multipart(Multipart),
}

impl Encoded {
    /// The content type to send, except for multipart (reqwest adds the boundary).
    pub(crate) fn content_type(&self) -> Option<HeaderValue> {
        match self {
            Self::Bytes(content_type, _) => Some(content_type.clone()),
            Self::None | Self::Multipart(_) => None,
        }
    }

    /// The bytes of a JSON body, for the `TRACE` log.
    pub(crate) fn json_bytes(&self) -> Option<&Bytes> {
        match self {
            Self::Bytes(content_type, bytes) if content_type == "application/json" => Some(bytes),
            _ => None,
        }
    }

    pub(crate) fn attach(
        &self,
        builder: reqwest::RequestBuilder,
    ) -> Result<reqwest::RequestBuilder, Error> {
        Ok(match self {
            Self::None => builder,
            Self::Bytes(_, bytes) => builder.body(bytes.clone()),
            Self::Multipart(form) => builder.multipart(form.form()?),
        })
    }
}

impl Call {
    /// A call of `op` with no body; path parameters are filled with [`param`](Self::param).
    pub(crate) fn new(op: &'static Operation) -> Self {
        Self {
            op,
            path: op.path.to_owned(),
            query: Vec::new(),
            body: Body::None,
            retry_not_found: false,
            method_override: None,
            auth_override: None,
            retry_override: None,
        }
    }

    /// This call with `body` as its JSON body.
    pub(crate) fn with_json<B: Serialize>(self, body: &B) -> Result<Self, Error> {
        let op = self.op;
        let with = Self::json(op, body)?;
        Ok(Self {
            body: with.body,
            ..self
        })
    }

    /// A call of `op` carrying a multipart form.
    pub(crate) fn multipart(op: &'static Operation, form: Multipart) -> Self {
        debug_assert_eq!(
            op.request,
            BodyKind::Multipart,
            "{op} takes no multipart body"
        );
        Self {
            body: Body::Multipart(form),
            ..Self::new(op)
        }
    }

    pub(crate) fn method(&self) -> Method {
        self.method_override
            .clone()
            .unwrap_or_else(|| self.op.method.clone())
    }

    pub(crate) fn auth(&self) -> AuthKind {
        self.auth_override.unwrap_or(self.op.auth)
    }

    /// The operation's retry class; a body that cannot be sent twice is sent once.
    pub(crate) fn retry_class(&self) -> Option<RetryClass> {
        match &self.body {
            Body::Multipart(form) if !form.replayable() => None,
            _ => Some(self.retry_override.unwrap_or(self.op.retry)),
        }
    }

    /// A call of `op` carrying `body` as JSON.
    pub(crate) fn json(op: &'static Operation, body: &impl Serialize) -> Result<Self, Error> {
        debug_assert_eq!(op.request, BodyKind::Json, "{op} takes no JSON body");
        let map = match serde_json::to_value(body) {
            Ok(Value::Object(map)) => map,
            Ok(_) => {
                return Err(Error::config(format!(
                    "the {} request must serialise to a JSON object",
                    op.what
                )));
            }
            Err(e) => {
                return Err(Error::config_with(
                    format!("could not serialise the {} request", op.what),
                    e,
                ));
            }
        };
        Ok(Self {
            body: Body::Json(map),
            ..Self::new(op)
        })
    }

    /// Fills the `{name}` parameter of the path template with `value`,
    /// refusing values that would leave their segment (`/`, `..`, `?`…).
    pub(crate) fn param(mut self, name: &str, value: &str) -> Result<Self, Error> {
        let what = name.replace('_', " ");
        let value = path_segment(&what, value)?;
        self.path = self.path.replacen(&format!("{{{name}}}"), value, 1);
        Ok(self)
    }

    /// Fills `{author}/{slug}` from a model id `author/slug[:variant]`.
    pub(crate) fn model_param(mut self, id: &str) -> Result<Self, Error> {
        let valid = id.split('/').count() == 2
            && id
                .split('/')
                .all(|part| !part.is_empty() && part != "." && part != "..")
            && !id.contains(['?', '#', '%', '\\'])
            && !id.chars().any(|c| c.is_whitespace() || c.is_control());
        if !valid {
            return Err(Error::config(format!(
                "invalid model id `{id}`: expected `author/slug`, e.g. openai/gpt-4o"
            )));
        }
        self.path = self.path.replacen("{author}/{slug}", id, 1);
        Ok(self)
    }

    /// Appends query pairs, in order.
    pub(crate) fn query<'a>(mut self, pairs: impl IntoIterator<Item = (&'a str, String)>) -> Self {
        self.query.extend(
            pairs
                .into_iter()
                .map(|(name, value)| (name.to_owned(), value)),
        );
        self
    }

    /// Removes a top-level body field, keeping the others in place.
    pub(crate) fn without_field(mut self, name: &str) -> Self {
        if let Body::Json(map) = &mut self.body {
            map.shift_remove(name);
        }
        self
    }

    /// The `model` of a JSON body, for the request span.
    pub(crate) fn model(&self) -> Option<&str> {
        match &self.body {
            Body::Json(map) => map.get("model").and_then(Value::as_str),
            _ => None,
        }
    }

    /// The body's bytes: the typed request with `stream: true` (for a stream)
    /// and the options' body fields merged in. A field the request already
    /// has keeps its place; new ones follow, in the order they were added.
    pub(crate) fn encode(
        &self,
        stream: bool,
        options: Option<&RequestOptions>,
    ) -> Result<Encoded, Error> {
        let map = match &self.body {
            Body::None => return Ok(Encoded::None),
            Body::Raw(content_type, bytes) => {
                return Ok(Encoded::Bytes(content_type.clone(), bytes.clone()));
            }
            Body::Multipart(form) => return Ok(Encoded::Multipart(form.clone())),
            Body::Json(map) => map,
        };
        let extra = options.map(|o| &o.body_fields).filter(|f| !f.is_empty());
        let bytes = if !stream && extra.is_none() {
            serde_json::to_vec(map)
        } else {
            let mut map = map.clone();
            if stream {
                map.insert("stream".to_owned(), Value::Bool(true));
            }
            for (name, value) in extra.into_iter().flatten() {
                map.insert(name.clone(), value.clone());
            }
            serde_json::to_vec(&map)
        }
        .map_err(|_| Error::config("could not serialise the request body"))?;
        Ok(Encoded::Bytes(
            HeaderValue::from_static("application/json"),
            Bytes::from(bytes),
        ))
    }
}

/// A path segment, checked so it cannot escape its place in the URL.
pub(crate) fn path_segment<'a>(what: &str, value: &'a str) -> Result<&'a str, Error> {
    if value.is_empty()
        || value == "."
        || value == ".."
        || value.contains(['/', '?', '#', '%', '\\'])
        || value.chars().any(|c| c.is_whitespace() || c.is_control())
    {
        return Err(Error::config(format!("invalid {what} `{value}`")));
    }
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::operation;

    #[test]
    fn bodies_keep_declaration_order_and_merged_fields_keep_their_place() {
        let request = serde_json::json!({"model": "m", "stream": false, "z": 1, "a": 2, "m": 3});
        let call = Call::json(&operation::CHAT_COMPLETIONS, &request).unwrap();
        let options = RequestOptions::new()
            .body_field("a", Value::from(9))
            .body_field("new", Value::from(true));
        let bytes = call.encode(true, Some(&options)).unwrap();
        let bytes = bytes.json_bytes().unwrap();
        assert_eq!(
            std::str::from_utf8(bytes).unwrap(),
            r#"{"model":"m","stream":true,"z":1,"a":9,"m":3,"new":true}"#
        );
        let plain = call.without_field("stream");
        let bytes = plain.encode(false, None).unwrap();
        let bytes = bytes.json_bytes().unwrap();
        assert_eq!(&bytes[..], br#"{"model":"m","z":1,"a":2,"m":3}"#);
    }

    #[test]
    fn path_parameters_cannot_escape_their_segment() {
        let call = Call::new(&operation::GET_KEY).param("hash", "abc").unwrap();
        assert_eq!(call.path, "/keys/abc");
        for bad in ["", "..", "a/b", "a?b", "a b", "%2e"] {
            assert!(Call::new(&operation::GET_KEY).param("hash", bad).is_err());
        }
        let call = Call::new(&operation::MODEL)
            .model_param("openai/gpt-4o:free")
            .unwrap();
        assert_eq!(call.path, "/model/openai/gpt-4o:free");
        assert!(Call::new(&operation::MODEL).model_param("gpt-4o").is_err());
    }
}
