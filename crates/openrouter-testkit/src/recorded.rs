//! What a client actually sent: assertions and a snapshot-friendly dump with secrets redacted.

use std::fmt::Write as _;

use bytes::Bytes;
use serde_json::Value;

use crate::route::split_query;

/// Headers whose values never appear in a dump or a panic message.
const REDACTED: &[&str] = &[
    "authorization",
    "cookie",
    "proxy-authorization",
    "x-api-key",
];

/// Headers left out of [`RecordedRequest::dump`] because they change from run to run.
const VOLATILE: &[&str] = &["host"];

/// One request received by the mock server or a wiremock `MockServer`.
///
/// Getters never panic; the `expect_*` methods panic with a message that names the request,
/// for use as test assertions.
///
/// ```
/// use openrouter_testkit::RecordedRequest;
///
/// let request = RecordedRequest::new(
///     "POST",
///     "/api/v1/chat/completions",
///     vec![
///         ("authorization".into(), "Bearer secret".into()),
///         ("content-type".into(), "application/json".into()),
///     ],
///     br#"{"model":"openai/gpt-4o","stream":true}"#.to_vec(),
/// );
/// request.expect_header("authorization");
/// request.expect_body_field("/stream", true);
/// let dump = request.dump();
/// assert!(dump.contains("authorization: [redacted]"));
/// assert!(!dump.contains("secret"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordedRequest {
    method: String,
    path: String,
    query: Vec<(String, String)>,
    headers: Vec<(String, String)>,
    body: Bytes,
}

impl RecordedRequest {
    /// A request from its parts; `path_and_query` may carry a `?query`. Header names are
    /// lower-cased.
    pub fn new(
        method: impl Into<String>,
        path_and_query: &str,
        headers: Vec<(String, String)>,
        body: impl Into<Bytes>,
    ) -> RecordedRequest {
        let (path, query) = split_query(path_and_query);
        RecordedRequest {
            method: method.into().to_ascii_uppercase(),
            path: path.to_owned(),
            query,
            headers: headers
                .into_iter()
                .map(|(name, value)| (name.to_ascii_lowercase(), value))
                .collect(),
            body: body.into(),
        }
    }

    pub(crate) fn from_http(parts: &http::request::Parts, body: Bytes) -> RecordedRequest {
        let path_and_query = parts.uri.path_and_query().map_or("/", |pq| pq.as_str());
        RecordedRequest::new(
            parts.method.as_str(),
            path_and_query,
            header_pairs(&parts.headers),
            body,
        )
    }

    /// Upper-case method.
    pub fn method(&self) -> &str {
        &self.method
    }

    /// Path without the query.
    pub fn path(&self) -> &str {
        &self.path
    }

    /// Decoded query pairs in the order sent.
    pub fn query(&self) -> &[(String, String)] {
        &self.query
    }

    /// The first value of query parameter `name`.
    pub fn query_param(&self, name: &str) -> Option<&str> {
        self.query
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// All headers, lower-case names, in the order received.
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

    /// The raw body.
    pub fn body(&self) -> &Bytes {
        &self.body
    }

    /// The body parsed as JSON, if it is JSON.
    pub fn body_json(&self) -> Option<Value> {
        serde_json::from_slice(&self.body).ok()
    }

    /// A body field by JSON pointer (`"/model"`, `"/messages/0/role"`) or top-level key
    /// (`"model"`).
    pub fn body_field(&self, field: &str) -> Option<Value> {
        let body = self.body_json()?;
        if field.starts_with('/') {
            body.pointer(field).cloned()
        } else {
            body.get(field).cloned()
        }
    }

    /// Returns header `name`'s value, panicking with the headers that were sent if it is
    /// missing. The value of a secret header is not printed.
    #[track_caller]
    pub fn expect_header(&self, name: &str) -> &str {
        match self.header(name) {
            Some(value) => value,
            None => {
                let sent: Vec<&str> = self.headers.iter().map(|(n, _)| n.as_str()).collect();
                panic!(
                    "{} {} has no `{name}` header; it sent: {}",
                    self.method,
                    self.path,
                    sent.join(", ")
                )
            }
        }
    }

    /// Panics unless body field `field` (pointer or top-level key) equals `expected`.
    #[track_caller]
    pub fn expect_body_field(&self, field: &str, expected: impl Into<Value>) {
        let expected = expected.into();
        let actual = self.body_field(field);
        if actual.as_ref() != Some(&expected) {
            let actual = actual.map_or_else(|| "nothing".to_owned(), |v| v.to_string());
            panic!(
                "{} {}: body field `{field}` is {actual}, expected {expected}\n{}",
                self.method,
                self.path,
                self.dump()
            );
        }
    }

    /// A stable, human-readable rendering for snapshots: request line, sorted headers (secrets
    /// shown as `[redacted]`, `host` left out because its port changes), then the body
    /// (pretty JSON when it is JSON).
    pub fn dump(&self) -> String {
        let mut out = format!("{} {}", self.method, self.path);
        for (i, (key, value)) in self.query.iter().enumerate() {
            let _ = write!(out, "{}{key}={value}", if i == 0 { '?' } else { '&' });
        }
        out.push('\n');
        let mut headers: Vec<&(String, String)> = self
            .headers
            .iter()
            .filter(|(name, _)| !VOLATILE.contains(&name.as_str()))
            .collect();
        headers.sort();
        for (name, value) in headers {
            let value = if REDACTED.contains(&name.as_str()) {
                "[redacted]"
            } else {
                value
            };
            let _ = writeln!(out, "{name}: {value}");
        }
        if !self.body.is_empty() {
            out.push('\n');
            match self.body_json() {
                Some(json) => {
                    out.push_str(&serde_json::to_string_pretty(&json).unwrap_or_default());
                    out.push('\n');
                }
                None => {
                    out.push_str(&String::from_utf8_lossy(&self.body));
                    out.push('\n');
                }
            }
        }
        out
    }
}

/// [`RecordedRequest::dump`] of each request, separated by `---` lines.
pub fn dump_requests(requests: &[RecordedRequest]) -> String {
    requests
        .iter()
        .map(RecordedRequest::dump)
        .collect::<Vec<_>>()
        .join("---\n")
}

pub(crate) fn header_pairs(headers: &http::HeaderMap) -> Vec<(String, String)> {
    headers
        .iter()
        .map(|(name, value)| {
            (
                name.as_str().to_owned(),
                String::from_utf8_lossy(value.as_bytes()).into_owned(),
            )
        })
        .collect()
}

#[cfg(feature = "wiremock")]
impl From<&wiremock::Request> for RecordedRequest {
    fn from(request: &wiremock::Request) -> RecordedRequest {
        let url = &request.url;
        let path_and_query = match url.query() {
            Some(query) => format!("{}?{query}", url.path()),
            None => url.path().to_owned(),
        };
        RecordedRequest::new(
            request.method.as_str(),
            &path_and_query,
            header_pairs(&request.headers),
            request.body.clone(),
        )
    }
}
