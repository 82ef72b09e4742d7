//! An escape hatch for endpoints this crate does not model yet (`/activity`,
//! `/auth/keys`, admin APIs): same auth, retries, timeouts and errors.

use http::Method;
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::operation::{AuthKind, BodyKind, Operation, ResponseKind, RetryClass};
use crate::transport::Call;
use crate::{Client, Error, Response};

/// A `GET` of a path this crate does not declare: a read, so idempotent.
static RAW_GET: Operation = Operation {
    id: "raw GET",
    method: Method::GET,
    path: "",
    auth: AuthKind::Inference,
    retry: RetryClass::Idempotent,
    request: BodyKind::None,
    response: ResponseKind::Json,
    client_method: "get_json",
    what: "response",
};

/// A `POST` of a path this crate does not declare: it may create or
/// generate, so it is resent only when the server says it did not act.
static RAW_POST: Operation = Operation {
    id: "raw POST",
    method: Method::POST,
    path: "",
    auth: AuthKind::Inference,
    retry: RetryClass::NotIdempotent,
    request: BodyKind::Json,
    response: ResponseKind::Json,
    client_method: "post_json",
    what: "response",
};

impl Client {
    /// `GET {base}{path}?{query}`, decoded as `T` (use `serde_json::Value` for
    /// anything). `path` starts with `/`, e.g. `/activity`.
    ///
    /// ```no_run
    /// # async fn demo(client: openrouter_client::Client) -> Result<(), openrouter_client::Error> {
    /// let activity: serde_json::Value = client
    ///     .get_json::<serde_json::Value>("/activity", &[("date", "2026-11-25")])
    ///     .await?
    ///     .into_inner();
    /// # let _ = activity; Ok(()) }
    /// ```
    pub async fn get_json<T: DeserializeOwned>(
        &self,
        path: &str,
        query: &[(&str, &str)],
    ) -> Result<Response<T>, Error> {
        let mut call = Call::new(&RAW_GET);
        call.path = checked(path)?.to_owned();
        let call = call.query(
            query
                .iter()
                .map(|(name, value)| (*name, (*value).to_owned())),
        );
        self.send_json(call).await
    }

    /// `POST {base}{path}` with a JSON body, decoded as `T`.
    pub async fn post_json<B: Serialize, T: DeserializeOwned>(
        &self,
        path: &str,
        body: &B,
    ) -> Result<Response<T>, Error> {
        let mut call = Call::json(&RAW_POST, body)?;
        call.path = checked(path)?.to_owned();
        self.send_json(call).await
    }
}

fn checked(path: &str) -> Result<&str, Error> {
    if path.starts_with('/') && !path.starts_with("//") && !path.contains(['?', '#']) {
        Ok(path)
    } else {
        Err(Error::config(format!(
            "invalid path `{path}`: it must start with `/` and carry no query (pass it separately)"
        )))
    }
}
