//! One recorded HTTP exchange (`fixtures/<folder>/<name>.json`) and how it is read from disk.

mod compact;
mod pairs;

use std::fmt;
use std::path::Path;

use bytes::Bytes;
use serde::Deserialize;
use serde_json::Value;
use serde_json::value::RawValue;

use crate::Error;

pub(crate) use compact::compact_json;
use pairs::Pairs;

/// A recorded exchange: the request a client sent and the response OpenRouter gave.
///
/// The file format is described in `fixtures/README.md`. A fixture is immutable once loaded and
/// cheap to clone (bodies are [`Bytes`]).
///
/// ```
/// use openrouter_testkit::FixtureSet;
///
/// let set = FixtureSet::bundled();
/// let demo = set.get("chat/demo_stream").expect("bundled");
/// assert_eq!(demo.request().method(), "POST");
/// assert!(demo.request().is_stream());
/// assert_eq!(demo.response().status(), 200);
/// assert!(demo.response().body().ends_with(b"data: [DONE]\n\n"));
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Fixture {
    name: String,
    description: String,
    default: bool,
    request: FixtureRequest,
    response: FixtureResponse,
}

/// The request half of a [`Fixture`].
#[derive(Debug, Clone, PartialEq)]
pub struct FixtureRequest {
    method: String,
    path: String,
    query: Vec<(String, String)>,
    headers: Vec<(String, String)>,
    body: Option<Value>,
    body_bytes: Bytes,
    last_message: Option<LastMessage>,
}

/// The turn a multi-step fixture answers: the role of the request's last message and, for a
/// `tool` message, the call it answers (`"match_last_message": true` in the fixture file).
///
/// One step of an agent's conversation is one fixture; the steps share a model and differ
/// in what the conversation ends with (a user turn, then the tool result of `call_1`…).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LastMessage {
    role: String,
    tool_call_id: Option<String>,
}

impl LastMessage {
    /// The last message of a chat request body (`messages[-1]`), if it has a role.
    pub fn of_body(body: &Value) -> Option<LastMessage> {
        let last = body.get("messages")?.as_array()?.last()?;
        Some(LastMessage {
            role: last.get("role")?.as_str()?.to_owned(),
            tool_call_id: last
                .get("tool_call_id")
                .and_then(Value::as_str)
                .map(str::to_owned),
        })
    }

    /// `user`, `tool`, …
    pub fn role(&self) -> &str {
        &self.role
    }

    /// The tool call a `tool` message answers.
    pub fn tool_call_id(&self) -> Option<&str> {
        self.tool_call_id.as_deref()
    }
}

impl fmt::Display for LastMessage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.tool_call_id {
            Some(id) => write!(f, "{} message answering `{id}`", self.role),
            None => write!(f, "{} message", self.role),
        }
    }
}

/// The response half of a [`Fixture`]: status, headers and the exact bytes to serve.
#[derive(Debug, Clone, PartialEq)]
pub struct FixtureResponse {
    status: u16,
    headers: Vec<(String, String)>,
    body: Bytes,
    source: BodySource,
}

/// Where a response body came from in the fixture file.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum BodySource {
    /// `"body"`: a JSON value, served compact with its key order and number spelling kept.
    Json,
    /// `"body_text"`: a string served verbatim (HTML pages, whitespace-prefixed JSON).
    Text,
    /// `"body_file"`: the bytes of a sibling file (every `.sse` stream), served verbatim.
    File(String),
}

impl Fixture {
    /// Reads one exchange file; a `body_file` is read from the same directory.
    ///
    /// The fixture's [`name`](Self::name) is `<parent folder>/<file stem>`, e.g. `chat/demo`.
    ///
    /// ```
    /// # fn main() -> Result<(), openrouter_testkit::Error> {
    /// let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures");
    /// let fixture = openrouter_testkit::Fixture::load(dir.join("key/info.json"))?;
    /// assert_eq!(fixture.name(), "key/info");
    /// # Ok(())
    /// # }
    /// ```
    pub fn load(path: impl AsRef<Path>) -> Result<Fixture, Error> {
        let path = path.as_ref();
        let text = std::fs::read_to_string(path).map_err(|source| Error::Io {
            path: path.to_owned(),
            source,
        })?;
        let stem = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default();
        let name = match path
            .parent()
            .and_then(|p| p.file_name())
            .and_then(|s| s.to_str())
        {
            Some(folder) => format!("{folder}/{stem}"),
            None => stem.to_owned(),
        };
        let dir = path.parent().unwrap_or_else(|| Path::new("."));
        Fixture::parse(&name, &text, |file| {
            let file_path = dir.join(file);
            std::fs::read(&file_path)
                .map(Bytes::from)
                .map_err(|e| format!("cannot read body_file {}: {e}", file_path.display()))
        })
    }

    /// Parses an exchange from its JSON text; `read_body_file` supplies the bytes of a
    /// `body_file` given its (sibling) file name.
    pub(crate) fn parse(
        name: &str,
        text: &str,
        read_body_file: impl FnOnce(&str) -> Result<Bytes, String>,
    ) -> Result<Fixture, Error> {
        let invalid = |reason: String| Error::Invalid {
            name: name.to_owned(),
            reason,
        };
        let raw: RawFixture<'_> = serde_json::from_str(text).map_err(|e| invalid(e.to_string()))?;
        let request = FixtureRequest::from_raw(raw.request).map_err(invalid)?;
        let response = FixtureResponse::from_raw(raw.response, read_body_file).map_err(invalid)?;
        Ok(Fixture {
            name: name.to_owned(),
            description: raw.description,
            default: raw.default,
            request,
            response,
        })
    }

    /// `folder/stem`, e.g. `chat/demo_stream`; what `x-mock-fixture` selects.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The folder part of the name (`chat` for `chat/demo_stream`).
    pub fn folder(&self) -> &str {
        self.name.split_once('/').map_or("", |(folder, _)| folder)
    }

    /// The one-line description from the file.
    pub fn description(&self) -> &str {
        &self.description
    }

    /// Whether this fixture answers requests on its route that no other fixture matches
    /// (`"default": true`; see `fixtures/README.md`).
    pub fn is_default(&self) -> bool {
        self.default
    }

    /// What the client sent.
    pub fn request(&self) -> &FixtureRequest {
        &self.request
    }

    /// What OpenRouter answered.
    pub fn response(&self) -> &FixtureResponse {
        &self.response
    }
}

impl fmt::Display for Fixture {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} ({} {})",
            self.name, self.request.method, self.request.path
        )
    }
}

impl FixtureRequest {
    fn from_raw(raw: RawRequest<'_>) -> Result<FixtureRequest, String> {
        let method = raw.method.to_ascii_uppercase();
        if http::Method::from_bytes(method.as_bytes()).is_err() {
            return Err(format!(
                "request.method `{}` is not an HTTP method",
                raw.method
            ));
        }
        if !raw.path.starts_with("/api/v1/") {
            return Err(format!(
                "request.path `{}` must start with /api/v1/",
                raw.path
            ));
        }
        let headers = lower_case_names(raw.headers.0, "request")?;
        if headers.iter().any(|(name, _)| name == "authorization") {
            return Err("request.headers must not record `authorization`".to_owned());
        }
        let (body, body_bytes) = match raw.body {
            Some(raw_body) => {
                let value: Value =
                    serde_json::from_str(raw_body.get()).map_err(|e| e.to_string())?;
                (Some(value), Bytes::from(compact_json(raw_body.get())))
            }
            None => (None, Bytes::new()),
        };
        let last_message = if raw.match_last_message {
            let last = body.as_ref().and_then(LastMessage::of_body);
            if last.is_none() {
                return Err(
                    "request.match_last_message needs a body whose `messages` end with a message that has a `role`"
                        .to_owned(),
                );
            }
            last
        } else {
            None
        };
        Ok(FixtureRequest {
            method,
            path: raw.path,
            query: raw.query.0,
            headers,
            body,
            body_bytes,
            last_message,
        })
    }

    /// The last message a request must end with to match this fixture, when the fixture is
    /// one step of a multi-step exchange (`"match_last_message": true`).
    pub fn last_message(&self) -> Option<&LastMessage> {
        self.last_message.as_ref()
    }

    /// Whether a request body fits this fixture's [`last_message`](Self::last_message)
    /// (always, for a fixture that does not match on it).
    pub fn matches_conversation(&self, body: Option<&Value>) -> bool {
        match &self.last_message {
            Some(expected) => body.and_then(LastMessage::of_body).as_ref() == Some(expected),
            None => true,
        }
    }

    /// Upper-case HTTP method.
    pub fn method(&self) -> &str {
        &self.method
    }

    /// Path including `/api/v1`.
    pub fn path(&self) -> &str {
        &self.path
    }

    /// Query pairs, in the order they were sent.
    pub fn query(&self) -> &[(String, String)] {
        &self.query
    }

    /// `path?query`, percent-encoded, ready to append to a server's origin.
    ///
    /// ```
    /// let set = openrouter_testkit::FixtureSet::bundled();
    /// let stats = set.get("generation/stats").unwrap();
    /// assert!(stats.request().path_and_query().starts_with("/api/v1/generation?id=gen-"));
    /// ```
    pub fn path_and_query(&self) -> String {
        let mut out = self.path.clone();
        for (i, (key, value)) in self.query.iter().enumerate() {
            out.push(if i == 0 { '?' } else { '&' });
            out.push_str(&percent_encode(key));
            out.push('=');
            out.push_str(&percent_encode(value));
        }
        out
    }

    /// The recorded headers that matter (lower-case names; never `authorization`).
    pub fn headers(&self) -> &[(String, String)] {
        &self.headers
    }

    /// The JSON body, if the request had one.
    pub fn body(&self) -> Option<&Value> {
        self.body.as_ref()
    }

    /// The body as compact JSON bytes in its recorded key order (empty without a body).
    pub fn body_bytes(&self) -> &Bytes {
        &self.body_bytes
    }

    /// The body's `model`, if any.
    pub fn model(&self) -> Option<&str> {
        self.body.as_ref()?.get("model")?.as_str()
    }

    /// Whether the body says `"stream": true`.
    pub fn is_stream(&self) -> bool {
        self.body.as_ref().is_some_and(is_stream_body)
    }
}

impl FixtureResponse {
    fn from_raw(
        raw: RawResponse<'_>,
        read_body_file: impl FnOnce(&str) -> Result<Bytes, String>,
    ) -> Result<FixtureResponse, String> {
        if !(100..=599).contains(&raw.status) {
            return Err(format!(
                "response.status {} is not an HTTP status",
                raw.status
            ));
        }
        let headers = lower_case_names(raw.headers.0, "response")?;
        let (body, source) = match (raw.body, raw.body_text, raw.body_file) {
            (Some(json), None, None) => (Bytes::from(compact_json(json.get())), BodySource::Json),
            (None, Some(text), None) => (Bytes::from(text), BodySource::Text),
            (None, None, Some(file)) => {
                if file.is_empty() || file.contains(['/', '\\']) || file.starts_with('.') {
                    return Err(format!(
                        "response.body_file `{file}` must be the name of a file beside the exchange"
                    ));
                }
                (read_body_file(&file)?, BodySource::File(file))
            }
            _ => {
                return Err(
                    "response needs exactly one of `body`, `body_text` or `body_file`".to_owned(),
                );
            }
        };
        Ok(FixtureResponse {
            status: raw.status,
            headers,
            body,
            source,
        })
    }

    /// HTTP status code.
    pub fn status(&self) -> u16 {
        self.status
    }

    /// Recorded headers (lower-case names).
    pub fn headers(&self) -> &[(String, String)] {
        &self.headers
    }

    /// The first value of header `name` (case-insensitive).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// `content-type`, or `application/octet-stream` when the fixture has none.
    pub fn content_type(&self) -> &str {
        self.header("content-type")
            .unwrap_or("application/octet-stream")
    }

    /// Whether the body is a `text/event-stream`.
    pub fn is_event_stream(&self) -> bool {
        self.content_type().starts_with("text/event-stream")
    }

    /// The exact bytes to serve.
    pub fn body(&self) -> &Bytes {
        &self.body
    }

    /// Where the body came from in the fixture file.
    pub fn body_source(&self) -> &BodySource {
        &self.source
    }
}

/// Whether a JSON request body asks for a stream (`"stream": true`, nothing else).
pub(crate) fn is_stream_body(body: &Value) -> bool {
    body.get("stream").and_then(Value::as_bool) == Some(true)
}

fn lower_case_names(
    pairs: Vec<(String, String)>,
    side: &str,
) -> Result<Vec<(String, String)>, String> {
    pairs
        .into_iter()
        .map(|(name, value)| {
            if name.bytes().any(|b| b.is_ascii_uppercase()) {
                Err(format!("{side}.headers name `{name}` must be lower-case"))
            } else if http::HeaderName::from_bytes(name.as_bytes()).is_err()
                || http::HeaderValue::from_str(&value).is_err()
            {
                Err(format!(
                    "{side}.headers `{name}` is not a valid HTTP header"
                ))
            } else {
                Ok((name, value))
            }
        })
        .collect()
}

/// Percent-encodes everything outside RFC 3986's unreserved set.
pub(crate) fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFixture<'a> {
    description: String,
    #[serde(default)]
    default: bool,
    #[serde(borrow)]
    request: RawRequest<'a>,
    #[serde(borrow)]
    response: RawResponse<'a>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRequest<'a> {
    method: String,
    path: String,
    #[serde(default)]
    query: Pairs,
    #[serde(default)]
    headers: Pairs,
    #[serde(borrow, default)]
    body: Option<&'a RawValue>,
    #[serde(default)]
    match_last_message: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawResponse<'a> {
    status: u16,
    #[serde(default)]
    headers: Pairs,
    #[serde(borrow, default)]
    body: Option<&'a RawValue>,
    #[serde(default)]
    body_text: Option<String>,
    #[serde(default)]
    body_file: Option<String>,
}
