//! A call to make: an [`Operation`] with its path parameters, query and body,
//! encoded once, in the order the caller's types declare.

use bytes::Bytes;
use serde::Serialize;
use serde_json::{Map, Value};

use crate::operation::{BodyKind, Operation};
use crate::{Error, RequestOptions};

/// One call of one operation.
pub(crate) struct Call {
    pub(crate) op: &'static Operation,
    pub(crate) path: String,
    pub(crate) query: Vec<(String, String)>,
    pub(crate) body: Body,
    /// `/generation` answers 404 for a while after a completion: retry those.
    pub(crate) retry_not_found: bool,
}

/// What a call sends.
pub(crate) enum Body {
    None,
    /// A JSON object, keys in declaration order (serde_json's `preserve_order`
    /// is on in `openrouter-types`, so the map keeps them).
    Json(Map<String, Value>),
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
                return Err(Error::Config(Box::new(crate::error::ConfigError {
                    message: format!("could not serialise the {} request", op.what).into(),
                    source: Some(Box::new(e)),
                    missing_key: false,
                })));
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
            Body::None => None,
        }
    }

    /// The body's bytes: the typed request with `stream: true` (for a stream)
    /// and the options' body fields merged in. A field the request already
    /// has keeps its place; new ones follow, in the order they were added.
    pub(crate) fn encode(
        &self,
        stream: bool,
        options: Option<&RequestOptions>,
    ) -> Result<Option<(&'static str, Bytes)>, Error> {
        let map = match &self.body {
            Body::None => return Ok(None),
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
        Ok(Some(("application/json", Bytes::from(bytes))))
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
        let (_, bytes) = call.encode(true, Some(&options)).unwrap().unwrap();
        assert_eq!(
            std::str::from_utf8(&bytes).unwrap(),
            r#"{"model":"m","stream":true,"z":1,"a":9,"m":3,"new":true}"#
        );
        let plain = call.without_field("stream");
        let (_, bytes) = plain.encode(false, None).unwrap().unwrap();
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
