//! Which fixture answers a request: the one rule shared by wiremock mounting and the
//! standalone server (documented in `fixtures/README.md`, "How a request finds its fixture").

use std::fmt;

use serde_json::Value;

use crate::fixture::is_stream_body;
use crate::{Fixture, FixtureSet};

/// Request header that selects a fixture by name, bypassing the matching rules.
///
/// ```
/// use openrouter_testkit::{FixtureSet, FIXTURE_HEADER};
///
/// let set = FixtureSet::bundled();
/// let mut headers = http::HeaderMap::new();
/// headers.insert(FIXTURE_HEADER, "key/error_401".parse().unwrap());
/// let fixture = set.route("GET", "/api/v1/key", &headers, b"").unwrap();
/// assert_eq!(fixture.response().status(), 401);
/// ```
pub const FIXTURE_HEADER: &str = "x-mock-fixture";

/// No fixture answers a request; says which one came closest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoMatch {
    message: String,
    closest: Option<String>,
}

impl NoMatch {
    /// A sentence naming the request and the closest fixture.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The name of the fixture that came closest, if the set is not empty.
    pub fn closest(&self) -> Option<&str> {
        self.closest.as_deref()
    }

    /// The message in OpenRouter's error envelope, as the mock server sends it with a 404:
    /// `{"error":{"message":"…","code":404}}`.
    pub fn to_error_body(&self) -> String {
        let message = Value::String(self.message.clone());
        format!(r#"{{"error":{{"message":{message},"code":404}}}}"#)
    }
}

impl fmt::Display for NoMatch {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for NoMatch {}

impl FixtureSet {
    /// The fixture that answers this request, following the rules in `fixtures/README.md`:
    /// the [`FIXTURE_HEADER`] if present; else same method, path and streaming mode, with the
    /// same body `model` and the fixture's query pairs present (most query pairs wins, then
    /// the default); else the route's `"default": true` fixture.
    ///
    /// ```
    /// use openrouter_testkit::FixtureSet;
    ///
    /// let set = FixtureSet::bundled();
    /// let none = http::HeaderMap::new();
    /// let body = br#"{"model":"any/model","messages":[],"stream":true}"#;
    /// let demo = set.route("POST", "/api/v1/chat/completions", &none, body).unwrap();
    /// assert_eq!(demo.name(), "chat/demo_stream");
    ///
    /// let miss = set.route("GET", "/api/v1/modles", &none, b"").unwrap_err();
    /// assert_eq!(miss.closest(), Some("models/list"));
    /// ```
    pub fn route(
        &self,
        method: &str,
        path_and_query: &str,
        headers: &http::HeaderMap,
        body: &[u8],
    ) -> Result<&Fixture, NoMatch> {
        let (raw_path, query) = split_query(path_and_query);
        // Clients differ in what they escape (`:` in `gpt-4o:free`); fixtures store paths
        // unescaped.
        let path = &decode_path(raw_path);
        let path = path.as_str();
        if let Some(selected) = headers.get(FIXTURE_HEADER) {
            let selected = selected.to_str().unwrap_or_default();
            return self.get(selected).ok_or_else(|| NoMatch {
                closest: self.closest_by(|f| distance(selected, f.name())),
                message: format!(
                    "no fixture named `{selected}` (from the {FIXTURE_HEADER} header)"
                ),
            });
        }
        let body: Option<Value> = serde_json::from_slice(body).ok();
        let stream = body.as_ref().is_some_and(is_stream_body);
        let model = body
            .as_ref()
            .and_then(|b| b.get("model"))
            .and_then(Value::as_str);

        let on_route = || {
            self.iter().filter(move |f| {
                let r = f.request();
                r.method().eq_ignore_ascii_case(method)
                    && r.path() == path
                    && r.is_stream() == stream
            })
        };
        let matched = on_route()
            .filter(|f| f.request().model() == model)
            .filter(|f| f.request().query().iter().all(|pair| query.contains(pair)))
            .filter(|f| f.request().matches_conversation(body.as_ref()))
            // More query pairs is more specific, then a step matched on the conversation; on
            // a tie the default wins, then the first name (`max_by_key` keeps the last
            // maximum, hence `rev`).
            .rev()
            .max_by_key(|f| {
                (
                    f.request().query().len(),
                    f.request().last_message().is_some(),
                    f.is_default(),
                )
            });
        if let Some(fixture) = matched.or_else(|| on_route().find(|f| f.is_default())) {
            return Ok(fixture);
        }

        let mut described = format!("{} {path_and_query}", method.to_ascii_uppercase());
        if let Some(model) = model {
            described.push_str(&format!(" with model `{model}`"));
        }
        if stream {
            described.push_str(" (stream)");
        }
        let wanted = format!("{} {path}", method.to_ascii_uppercase());
        let closest = self.closest_by(|f| {
            distance(
                &wanted,
                &format!("{} {}", f.request().method(), f.request().path()),
            ) + usize::from(f.request().is_stream() != stream)
        });
        let message = match closest.as_deref().and_then(|name| self.get(name)) {
            Some(fixture) => format!("no fixture for {described}; closest: {fixture}"),
            None => format!("no fixture for {described}; the fixture set is empty"),
        };
        Err(NoMatch { message, closest })
    }

    fn closest_by(&self, cost: impl Fn(&Fixture) -> usize) -> Option<String> {
        // On a tie, name the fixture a request most likely meant: the default.
        self.iter()
            .min_by_key(|f| (cost(f), !f.is_default()))
            .map(|f| f.name().to_owned())
    }
}

/// Splits `path?query` and decodes the query into pairs.
pub(crate) fn split_query(path_and_query: &str) -> (&str, Vec<(String, String)>) {
    let Some((path, query)) = path_and_query.split_once('?') else {
        return (path_and_query, Vec::new());
    };
    let pairs = query
        .split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            (decode(key, true), decode(value, true))
        })
        .collect();
    (path, pairs)
}

/// A request path with its `%XX` escapes decoded, as fixtures store paths.
pub(crate) fn decode_path(path: &str) -> String {
    decode(path, false)
}

/// Decodes `%XX` escapes, and `+` as a space when `plus_is_space` (query strings); invalid
/// escapes are kept as written.
fn decode(text: &str, plus_is_space: bool) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' if plus_is_space => out.push(b' '),
            b'%' if i + 2 < bytes.len() => match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                (Some(high), Some(low)) => {
                    out.push(high << 4 | low);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            byte => out.push(byte),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex(byte: u8) -> Option<u8> {
    (byte as char).to_digit(16).map(|d| d as u8)
}

/// Levenshtein distance over bytes: small inputs, used only to name the closest fixture.
fn distance(a: &str, b: &str) -> usize {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, &ca) in a.iter().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let next = (row[j + 1] + 1)
                .min(row[j] + 1)
                .min(diagonal + usize::from(ca != cb));
            diagonal = row[j + 1];
            row[j + 1] = next;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_is_decoded() {
        let (path, query) = split_query("/api/v1/models?supported_parameters=tools%2Cseed&q=a+b&x");
        assert_eq!(path, "/api/v1/models");
        assert_eq!(
            query,
            [
                ("supported_parameters".to_owned(), "tools,seed".to_owned()),
                ("q".to_owned(), "a b".to_owned()),
                ("x".to_owned(), String::new()),
            ]
        );
        assert_eq!(decode("50%", true), "50%");
        assert_eq!(decode("%zz", true), "%zz");
        assert_eq!(decode("/model/a/b%3Afree+x", false), "/model/a/b:free+x");
    }

    #[test]
    fn distance_counts_edits() {
        assert_eq!(distance("GET /api/v1/modles", "GET /api/v1/models"), 2);
        assert_eq!(distance("", "abc"), 3);
    }
}
