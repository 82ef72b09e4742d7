//! Any request, declared or not: the generic call behind every typed
//! method, open to callers for endpoints newer than this crate. It has the
//! client's auth, headers, timeouts, error classification and retry rules.

use bytes::Bytes;
use http::{HeaderValue, Method};
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::operation::{self, AuthKind, BodyKind, Operation, ResponseKind, RetryClass};
use crate::transport::{Body, Call};
use crate::{ByteStream, Client, Error, Multipart, Response};

/// The stand-in declaration of a path this crate does not declare.
static UNDECLARED: Operation = Operation {
    id: "undeclared",
    method: Method::GET,
    path: "",
    auth: AuthKind::Inference,
    retry: RetryClass::Idempotent,
    request: BodyKind::Json,
    response: ResponseKind::Json,
    client_method: "request",
    what: "response",
};

/// A request under construction; see [`Client::request`].
#[derive(Debug)]
#[must_use = "a request does nothing until it is sent"]
pub struct RequestBuilder {
    client: Client,
    call: Result<Call, Error>,
}

impl Client {
    /// A request to any path of the API (`/activity`, `/keys/{hash}`, a
    /// route newer than this crate), sent through the same call path as the
    /// typed methods.
    ///
    /// When `path` matches a declared operation (`/keys/abc` matches
    /// `/keys/{hash}`), its key and retry rules apply; otherwise `GET`,
    /// `PUT` and `DELETE` count as idempotent, `POST` and `PATCH` as not
    /// (resent only when the server says it did not act), and the API key is
    /// sent ([`RequestBuilder::management`] sends the management key).
    ///
    /// ```no_run
    /// # async fn demo(client: openrouter_api::Client) -> Result<(), openrouter_api::Error> {
    /// use http::Method;
    /// let activity = client
    ///     .request(Method::GET, "/activity")
    ///     .query("date", "2026-11-25")
    ///     .send_json::<serde_json::Value>()
    ///     .await?
    ///     .into_inner();
    /// # let _ = activity; Ok(()) }
    /// ```
    pub fn request(&self, method: Method, path: &str) -> RequestBuilder {
        let call = checked(path).map(|path| {
            let declared = operation::for_path(method.as_str(), path);
            let mut call = Call::new(declared.unwrap_or(&UNDECLARED));
            call.path = path.to_owned();
            if declared.is_none() {
                call.retry_override = Some(match method {
                    Method::GET | Method::HEAD | Method::PUT | Method::DELETE => {
                        RetryClass::Idempotent
                    }
                    _ => RetryClass::NotIdempotent,
                });
                call.method_override = Some(method);
            }
            call
        });
        RequestBuilder {
            client: self.clone(),
            call,
        }
    }

    /// `GET {base}{path}?{query}`, decoded as `T` (use `serde_json::Value` for
    /// anything). Shorthand for [`request`](Self::request).
    pub async fn get_json<T: DeserializeOwned>(
        &self,
        path: &str,
        query: &[(&str, &str)],
    ) -> Result<Response<T>, Error> {
        let mut request = self.request(Method::GET, path);
        for (name, value) in query {
            request = request.query(name, value);
        }
        request.send_json().await
    }

    /// `POST {base}{path}` with a JSON body, decoded as `T`. Shorthand for
    /// [`request`](Self::request).
    pub async fn post_json<B: Serialize, T: DeserializeOwned>(
        &self,
        path: &str,
        body: &B,
    ) -> Result<Response<T>, Error> {
        self.request(Method::POST, path)
            .json(body)
            .send_json()
            .await
    }
}

impl RequestBuilder {
    fn map(mut self, f: impl FnOnce(Call) -> Result<Call, Error>) -> Self {
        self.call = self.call.and_then(f);
        self
    }

    /// Appends a query pair.
    pub fn query(self, name: &str, value: &str) -> Self {
        self.map(|call| Ok(call.query([(name, value.to_owned())])))
    }

    /// A JSON body, in the order `body` declares its fields.
    pub fn json(self, body: &impl Serialize) -> Self {
        self.map(|call| {
            let with = Call::json(&UNDECLARED, body)?;
            Ok(Call {
                body: with.body,
                ..call
            })
        })
    }

    /// A body of raw bytes under `content_type`.
    pub fn body(self, content_type: &str, bytes: impl Into<Bytes>) -> Self {
        let bytes = bytes.into();
        self.map(|mut call| {
            let content_type = HeaderValue::from_str(content_type)
                .map_err(|_| Error::config(format!("invalid content type `{content_type}`")))?;
            call.body = Body::Raw(content_type, bytes);
            Ok(call)
        })
    }

    /// A `multipart/form-data` body.
    pub fn multipart(self, form: Multipart) -> Self {
        self.map(|mut call| {
            call.body = Body::Multipart(form);
            Ok(call)
        })
    }

    /// Sends the management key (`OPENROUTER_MANAGEMENT_KEY`, else the API key).
    pub fn management(self) -> Self {
        self.map(|mut call| {
            call.auth_override = Some(AuthKind::Management);
            Ok(call)
        })
    }

    /// Sends it and decodes the JSON answer as `T` (`serde_json::Value` for anything).
    pub async fn send_json<T: DeserializeOwned>(self) -> Result<Response<T>, Error> {
        self.client.send_json(self.call?).await
    }

    /// Sends it and reads the whole answer as bytes (up to the client's
    /// `max_response_bytes`).
    pub async fn send_bytes(self) -> Result<Response<Bytes>, Error> {
        self.client.send_bytes(self.call?).await
    }

    /// Sends it and hands the answer over open, to be read as it arrives.
    pub async fn send_stream(self) -> Result<ByteStream, Error> {
        Ok(ByteStream::new(self.client.open_bytes(self.call?).await?))
    }
}

fn checked(path: &str) -> Result<&str, Error> {
    if path.starts_with('/') && !path.starts_with("//") && !path.contains(['?', '#']) {
        Ok(path)
    } else {
        Err(Error::config(format!(
            "invalid path `{path}`: it must start with `/` and carry no query (pass it with .query)"
        )))
    }
}
