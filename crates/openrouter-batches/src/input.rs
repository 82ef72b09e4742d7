//! One input line of an OpenAI Batch API file, parsed without IO and without parsing the body
//! into a tree: `{"custom_id": …, "method": "POST", "url": "/v1/chat/completions", "body": {…}}`.

use std::fmt;

use serde::Deserialize;
use serde_json::value::RawValue;

/// Where a line's request goes. The URL may carry OpenAI's `/v1` prefix or not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Endpoint {
    /// `/v1/chat/completions` → `POST /chat/completions`.
    ChatCompletions,
    /// `/v1/embeddings` → `POST /embeddings`.
    Embeddings,
    /// `/v1/responses` → `POST /responses`.
    Responses,
}

impl Endpoint {
    /// The endpoint a batch line's `url` names, if it is one this crate runs.
    ///
    /// ```
    /// use openrouter_batches::Endpoint;
    /// assert_eq!(Endpoint::from_url("/v1/chat/completions"), Some(Endpoint::ChatCompletions));
    /// assert_eq!(Endpoint::from_url("/embeddings"), Some(Endpoint::Embeddings));
    /// assert_eq!(Endpoint::from_url("/v1/completions"), None);
    /// ```
    pub fn from_url(url: &str) -> Option<Self> {
        let path = url.strip_prefix("/v1").unwrap_or(url);
        match path {
            "/chat/completions" => Some(Self::ChatCompletions),
            "/embeddings" => Some(Self::Embeddings),
            "/responses" => Some(Self::Responses),
            _ => None,
        }
    }

    /// The path under OpenRouter's API root (`/chat/completions`).
    pub fn path(self) -> &'static str {
        match self {
            Self::ChatCompletions => "/chat/completions",
            Self::Embeddings => "/embeddings",
            Self::Responses => "/responses",
        }
    }
}

impl fmt::Display for Endpoint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.path())
    }
}

/// One request of a batch: its id, where it goes and its body, kept as the input's bytes.
#[derive(Debug, Clone)]
pub struct BatchRequest {
    /// The caller's id for the request; unique in the file.
    pub custom_id: String,
    /// Where it goes.
    pub endpoint: Endpoint,
    /// The JSON object sent as the request body, unchanged.
    pub body: Box<RawValue>,
}

impl BatchRequest {
    /// A request from its parts; `body` must be a JSON object.
    ///
    /// ```
    /// use openrouter_batches::{BatchRequest, Endpoint};
    /// let body = serde_json::value::RawValue::from_string(r#"{"model":"m","input":"hi"}"#.into()).unwrap();
    /// let request = BatchRequest::new("a", Endpoint::Embeddings, body);
    /// assert_eq!(request.model().as_deref(), Some("m"));
    /// ```
    pub fn new(custom_id: impl Into<String>, endpoint: Endpoint, body: Box<RawValue>) -> Self {
        Self {
            custom_id: custom_id.into(),
            endpoint,
            body,
        }
    }

    /// The body's `model`, if it names one (parsed on demand; bodies are not kept parsed).
    pub fn model(&self) -> Option<String> {
        model_of(&self.body)
    }

    /// The body's `max_tokens` (or `max_output_tokens`, `max_completion_tokens`), if set.
    pub fn max_tokens(&self) -> Option<u64> {
        #[derive(Deserialize)]
        struct Max {
            max_tokens: Option<u64>,
            max_completion_tokens: Option<u64>,
            max_output_tokens: Option<u64>,
        }
        let max: Max = serde_json::from_str(self.body.get()).ok()?;
        max.max_tokens
            .or(max.max_completion_tokens)
            .or(max.max_output_tokens)
    }
}

pub(crate) fn model_of(body: &RawValue) -> Option<String> {
    #[derive(Deserialize)]
    struct Model {
        model: Option<String>,
    }
    serde_json::from_str::<Model>(body.get()).ok()?.model
}

/// Why a line is not a valid batch request.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum LineProblem {
    /// Not a JSON object of the batch line shape (the serde message says where).
    Malformed(String),
    /// `custom_id` is empty.
    EmptyId,
    /// `method` is not `POST`.
    Method(String),
    /// `url` is not an endpoint this crate runs.
    Url(String),
    /// `body` is not a JSON object.
    BodyNotObject,
    /// The line is longer than the configured limit.
    TooLong(usize),
    /// The `custom_id` appeared on an earlier line.
    Duplicate {
        /// The id.
        custom_id: String,
        /// The line it first appeared on (1-based).
        first_line: u64,
    },
}

impl fmt::Display for LineProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Malformed(why) => write!(
                f,
                "not a batch request line ({why}): expected {{\"custom_id\", \"method\", \"url\", \"body\"}}"
            ),
            Self::EmptyId => f.write_str("`custom_id` is empty: give every line a unique id"),
            Self::Method(m) => write!(f, "method `{m}` is not supported: batch lines use POST"),
            Self::Url(u) => write!(
                f,
                "url `{u}` is not supported: use /v1/chat/completions, /v1/embeddings or /v1/responses"
            ),
            Self::BodyNotObject => f.write_str("`body` is not a JSON object"),
            Self::TooLong(limit) => write!(
                f,
                "the line is longer than {limit} bytes: split the request or raise the limit"
            ),
            Self::Duplicate {
                custom_id,
                first_line,
            } => write!(
                f,
                "duplicate custom_id `{custom_id}` (first on line {first_line}): ids must be unique"
            ),
        }
    }
}

#[derive(Deserialize)]
struct Wire<'a> {
    custom_id: String,
    #[serde(borrow)]
    method: std::borrow::Cow<'a, str>,
    #[serde(borrow)]
    url: std::borrow::Cow<'a, str>,
    body: Box<RawValue>,
}

/// Parses one line (without its line ending). Unknown fields are ignored, as OpenAI does.
///
/// ```
/// use openrouter_batches::{parse_line, Endpoint, LineProblem};
/// let line = br#"{"custom_id":"a","method":"POST","url":"/v1/embeddings","body":{"model":"m","input":"x"}}"#;
/// let request = parse_line(line).unwrap();
/// assert_eq!((request.custom_id.as_str(), request.endpoint), ("a", Endpoint::Embeddings));
/// assert!(matches!(parse_line(b"{}"), Err(LineProblem::Malformed(_))));
/// ```
pub fn parse_line(line: &[u8]) -> Result<BatchRequest, LineProblem> {
    let line = trim_line_end(line);
    let wire: Wire<'_> =
        serde_json::from_slice(line).map_err(|e| LineProblem::Malformed(e.to_string()))?;
    if wire.custom_id.is_empty() {
        return Err(LineProblem::EmptyId);
    }
    if !wire.method.eq_ignore_ascii_case("POST") {
        return Err(LineProblem::Method(wire.method.into_owned()));
    }
    let endpoint =
        Endpoint::from_url(&wire.url).ok_or_else(|| LineProblem::Url(wire.url.into_owned()))?;
    if !wire.body.get().starts_with('{') {
        return Err(LineProblem::BodyNotObject);
    }
    Ok(BatchRequest {
        custom_id: wire.custom_id,
        endpoint,
        body: wire.body,
    })
}

/// The line without its `\n` or `\r\n`.
pub(crate) fn trim_line_end(line: &[u8]) -> &[u8] {
    let line = line.strip_suffix(b"\n").unwrap_or(line);
    line.strip_suffix(b"\r").unwrap_or(line)
}

/// Whether a line holds only whitespace (skipped, as JSONL readers do).
pub(crate) fn is_blank(line: &[u8]) -> bool {
    line.iter().all(u8::is_ascii_whitespace)
}
