//! One call, start to finish: build the request, send it, time it out,
//! classify the answer, retry what is transient, read bounded bodies.

use std::time::Duration;

use bytes::{Bytes, BytesMut};
use http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use serde::Deserialize;
use serde::de::{DeserializeOwned, IgnoredAny};
use serde_json::{Map, Value};
use tokio::time::Instant;
use tracing::{Instrument, Span, field};

use crate::error::{ApiError, DecodeError, LimitError, TimeoutError, TransportError};
use crate::meta::{Attempt, AttemptOutcome, Response, ResponseMeta};
use crate::retry::RetryPolicy;
use crate::{Client, Error, TimeoutKind, Timeouts};

/// Error bodies are read only to explain the error: 1 MiB is plenty.
const MAX_ERROR_BODY: usize = 1 << 20;

/// Whether a call needs the API key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Auth {
    /// Fails with a configuration error when no key is set.
    Required,
    /// Sends the key when there is one (public endpoints give more with it).
    Optional,
}

/// A call to make.
pub(crate) struct Call {
    pub(crate) method: Method,
    pub(crate) path: String,
    pub(crate) query: Vec<(String, String)>,
    pub(crate) body: Option<Map<String, Value>>,
    pub(crate) auth: Auth,
    pub(crate) what: &'static str,
    /// `/generation` answers 404 for a while after a completion: retry those.
    pub(crate) retry_not_found: bool,
}

impl Call {
    pub(crate) fn get(path: impl Into<String>, what: &'static str) -> Self {
        Self {
            method: Method::GET,
            path: path.into(),
            query: Vec::new(),
            body: None,
            auth: Auth::Required,
            what,
            retry_not_found: false,
        }
    }

    pub(crate) fn with_body(
        method: Method,
        path: impl Into<String>,
        what: &'static str,
        body: &impl serde::Serialize,
    ) -> Result<Self, Error> {
        let body = match serde_json::to_value(body) {
            Ok(Value::Object(map)) => map,
            Ok(_) => {
                return Err(Error::config(format!(
                    "the {what} request must serialise to a JSON object"
                )));
            }
            Err(e) => {
                return Err(Error::Config(Box::new(crate::error::ConfigError {
                    message: format!("could not serialise the {what} request").into(),
                    source: Some(Box::new(e)),
                })));
            }
        };
        Ok(Self {
            method,
            path: path.into(),
            query: Vec::new(),
            body: Some(body),
            auth: Auth::Required,
            what,
            retry_not_found: false,
        })
    }

    pub(crate) fn auth(mut self, auth: Auth) -> Self {
        self.auth = auth;
        self
    }

    pub(crate) fn query<'a>(mut self, pairs: impl IntoIterator<Item = (&'a str, String)>) -> Self {
        self.query.extend(
            pairs
                .into_iter()
                .map(|(name, value)| (name.to_owned(), value)),
        );
        self
    }
}

/// The configuration of one call: client defaults with the call's overrides.
pub(crate) struct Effective {
    pub(crate) retry: RetryPolicy,
    pub(crate) timeouts: Timeouts,
    pub(crate) capture_raw_body: bool,
}

/// Measures the whole call against the optional total deadline.
#[derive(Clone, Copy)]
pub(crate) struct Clock {
    pub(crate) start: Instant,
    pub(crate) total: Option<Duration>,
}

impl Clock {
    pub(crate) fn deadline(&self) -> Option<Instant> {
        self.total.map(|t| self.start + t)
    }

    /// Runs `fut` under `limit` (of kind `kind`) or the total deadline, whichever is sooner.
    pub(crate) async fn limit<F: Future>(
        &self,
        limit: Duration,
        kind: TimeoutKind,
        fut: F,
    ) -> Result<F::Output, Error> {
        let own = Instant::now() + limit;
        let (until, kind, after) = match (self.deadline(), self.total) {
            (Some(deadline), Some(total)) if deadline <= own => {
                (deadline, TimeoutKind::Total, total)
            }
            _ => (own, kind, limit),
        };
        tokio::time::timeout_at(until, fut)
            .await
            .map_err(|_| Error::Timeout(Box::new(TimeoutError::new(kind, after))))
    }
}

/// A successful attempt: the open response of a stream, or a whole body.
struct Success {
    status: StatusCode,
    headers: HeaderMap,
    outcome: Received,
}

enum Received {
    Stream(reqwest::Response),
    Body(Bytes),
}

impl Client {
    pub(crate) fn effective(&self) -> Effective {
        let inner = &self.inner;
        let mut timeouts = inner.timeouts;
        let mut retry = inner.retry.clone();
        let mut capture_raw_body = false;
        if let Some(options) = &self.options {
            if let Some(total) = options.total_timeout {
                timeouts.total = Some(total);
            }
            if let Some(idle) = options.idle_timeout {
                timeouts.idle = idle;
            }
            if let Some(headers) = options.response_headers_timeout {
                timeouts.response_headers = headers;
            }
            if let Some(policy) = &options.retry {
                retry = policy.clone();
            }
            capture_raw_body = options.capture_raw_body;
        }
        Effective {
            retry,
            timeouts,
            capture_raw_body,
        }
    }

    /// Sends a call whose answer is one JSON document and decodes it.
    pub(crate) async fn send_json<T: DeserializeOwned>(
        &self,
        call: Call,
    ) -> Result<Response<T>, Error> {
        self.send_json_observed(call, |_, _| {}).await
    }

    /// [`send_json`](Self::send_json), recording payload facts (tokens, cost) on the span.
    pub(crate) async fn send_json_observed<T: DeserializeOwned>(
        &self,
        call: Call,
        observe: impl FnOnce(&T, &Span),
    ) -> Result<Response<T>, Error> {
        let span = request_span(&call);
        let what = call.what;
        async move {
            let effective = self.effective();
            let clock = Clock {
                start: Instant::now(),
                total: effective.timeouts.total,
            };
            let (success, attempts) = self.execute(&call, &effective, clock, false).await?;
            let Success {
                status,
                headers,
                outcome: Received::Body(body),
            } = success
            else {
                unreachable!("a JSON call reads its body in the attempt")
            };
            let mut meta = ResponseMeta::new(status, headers);
            meta.attempts = attempts;
            let data = decode::<T>(what, status, &body)?;
            observe(&data, &Span::current());
            tracing::debug!(
                status = status.as_u16(),
                attempts = meta.attempts.len(),
                "openrouter response"
            );
            if effective.capture_raw_body {
                meta.raw_body = Some(body);
            }
            Ok(Response::new(data, meta))
        }
        .instrument(span)
        .await
    }

    /// Sends a streaming call and returns the open response once its status
    /// is a success (errors before the stream starts are retried like any other).
    pub(crate) async fn open_stream(&self, call: Call) -> Result<OpenStream, Error> {
        let span = request_span(&call);
        let effective = self.effective();
        let clock = Clock {
            start: Instant::now(),
            total: effective.timeouts.total,
        };
        let (success, attempts) = self
            .execute(&call, &effective, clock, true)
            .instrument(span.clone())
            .await?;
        let Success {
            status,
            headers,
            outcome: Received::Stream(response),
        } = success
        else {
            unreachable!("a streaming call keeps its response open")
        };
        let mut meta = ResponseMeta::new(status, headers);
        meta.attempts = attempts;
        record_headers(&span, &meta.headers);
        Ok(OpenStream {
            response,
            meta,
            span,
            idle: effective.timeouts.idle,
            deadline: clock.deadline().zip(effective.timeouts.total),
            max_event_bytes: self.inner.max_event_bytes,
        })
    }

    /// The retry loop.
    async fn execute(
        &self,
        call: &Call,
        effective: &Effective,
        clock: Clock,
        stream: bool,
    ) -> Result<(Success, Vec<Attempt>), Error> {
        let request = self.prepare(call, stream)?;
        let mut attempts = Vec::new();
        let mut waited = Duration::ZERO;
        let mut retry = 0u32;
        loop {
            let result = self.attempt(&request, effective, clock, stream).await;
            let mut error = match result {
                Ok(success) => {
                    attempts.push(Attempt {
                        outcome: AttemptOutcome::Status(success.status),
                        waited,
                    });
                    let span = Span::current();
                    span.record("attempts", attempts.len());
                    span.record("status", success.status.as_u16());
                    record_headers(&span, &success.headers);
                    return Ok((success, attempts));
                }
                Err(error) => error,
            };
            let outcome = error.attempt_outcome();
            attempts.push(Attempt {
                outcome: outcome.clone(),
                waited,
            });
            let not_found = call.retry_not_found && error.status() == Some(StatusCode::NOT_FOUND);
            let delay = if not_found {
                // Eventual consistency, not overload: fixed doubling waits of 0.5, 1, 2, 4 s.
                let wait = Duration::from_millis(500u64 << retry.min(3));
                effective
                    .retry
                    .clone()
                    .max_retries(effective.retry.max_retries.max(4))
                    .next_delay(retry, Some(wait), clock.start.elapsed())
            } else if error.is_retryable() {
                effective
                    .retry
                    .next_delay(retry, error.retry_after(), clock.start.elapsed())
            } else {
                None
            };
            let delay = delay.filter(|delay| {
                clock
                    .deadline()
                    // `checked_add`: a huge allowed wait must stop the call, not panic.
                    .is_none_or(|deadline| {
                        Instant::now()
                            .checked_add(*delay)
                            .is_some_and(|at| at < deadline)
                    })
            });
            let span = Span::current();
            span.record("attempts", attempts.len());
            let Some(delay) = delay else {
                if let Some(status) = error.status() {
                    span.record("status", status.as_u16());
                }
                error.set_attempts(attempts);
                return Err(error);
            };
            tracing::info!(
                attempt = attempts.len(),
                outcome = %outcome,
                delay_ms = u64::try_from(delay.as_millis()).unwrap_or(u64::MAX),
                "retrying openrouter request"
            );
            tokio::time::sleep(delay).await;
            waited = delay;
            retry += 1;
        }
    }

    /// Everything about the request that does not change between attempts.
    fn prepare(&self, call: &Call, stream: bool) -> Result<Prepared, Error> {
        let inner = &self.inner;
        if let Some(invalid) = self
            .options
            .as_ref()
            .and_then(|o| o.invalid_header.as_ref())
        {
            return Err(Error::config(format!(
                "invalid header `{invalid}` in RequestOptions: names must be tokens and values visible ASCII"
            )));
        }
        let mut url = reqwest::Url::parse(&format!("{}{}", inner.base_url, call.path))
            .map_err(|_| Error::config(format!("invalid request path `{}`", call.path)))?;
        if !call.query.is_empty() {
            let mut pairs = url.query_pairs_mut();
            for (name, value) in &call.query {
                pairs.append_pair(name, value);
            }
        }
        let mut headers = inner.headers.clone();
        let key = self
            .options
            .as_ref()
            .and_then(|o| o.api_key.as_ref())
            .or(inner.api_key.as_ref());
        match (key, call.auth) {
            (Some(key), _) => {
                let value = key.bearer_header().ok_or_else(|| {
                    Error::config("the API key contains characters a header cannot carry: check OPENROUTER_API_KEY")
                })?;
                headers.insert(header::AUTHORIZATION, value);
            }
            // A caller may authenticate with a header of their own (a proxy token).
            (None, Auth::Required)
                if !headers.contains_key(header::AUTHORIZATION)
                    && !self
                        .options
                        .as_ref()
                        .is_some_and(|o| o.headers.contains_key(header::AUTHORIZATION)) =>
            {
                return Err(Error::missing_api_key());
            }
            (None, Auth::Required) => {}
            (None, Auth::Optional) => {}
        }
        headers.insert(
            header::ACCEPT,
            HeaderValue::from_static(if stream {
                "text/event-stream"
            } else {
                "application/json"
            }),
        );
        let body = match &call.body {
            Some(map) => {
                let mut map = map.clone();
                if stream {
                    map.insert("stream".to_owned(), Value::Bool(true));
                }
                if let Some(options) = &self.options {
                    for (name, value) in &options.body_fields {
                        map.insert(name.clone(), value.clone());
                    }
                }
                headers.insert(
                    header::CONTENT_TYPE,
                    HeaderValue::from_static("application/json"),
                );
                let bytes = serde_json::to_vec(&map)
                    .map_err(|_| Error::config("could not serialise the request body"))?;
                tracing::trace!(body = %String::from_utf8_lossy(&bytes), "request body");
                Some(Bytes::from(bytes))
            }
            None => None,
        };
        if let Some(options) = &self.options {
            for (name, value) in &options.headers {
                headers.insert(name.clone(), value.clone());
            }
        }
        // Whatever the options said, the key stays out of HPACK tables and Debug output.
        if let Some(auth) = headers.get_mut(header::AUTHORIZATION) {
            auth.set_sensitive(true);
        }
        Ok(Prepared {
            method: call.method.clone(),
            url,
            headers,
            body,
        })
    }

    async fn attempt(
        &self,
        request: &Prepared,
        effective: &Effective,
        clock: Clock,
        stream: bool,
    ) -> Result<Success, Error> {
        let mut builder = self
            .inner
            .http
            .request(request.method.clone(), request.url.clone())
            .headers(request.headers.clone());
        if let Some(body) = &request.body {
            builder = builder.body(body.clone());
        }
        let timeouts = &effective.timeouts;
        let sent = clock
            .limit(
                timeouts.response_headers,
                TimeoutKind::ResponseHeaders,
                builder.send(),
            )
            .await?;
        let response = sent.map_err(|e| {
            if e.is_timeout() && e.is_connect() {
                Error::Timeout(Box::new(TimeoutError::new(
                    TimeoutKind::Connect,
                    timeouts.connect,
                )))
            } else {
                Error::Transport(Box::new(TransportError::from_reqwest(e)))
            }
        })?;
        let status = response.status();
        if status.is_success() {
            let headers = response.headers().clone();
            let content_type = headers
                .get(header::CONTENT_TYPE)
                .map(|v| v.to_str().unwrap_or("").trim_start().to_ascii_lowercase());
            let is_json = content_type
                .as_deref()
                .is_some_and(|v| v.starts_with("application/json"));
            match content_type.as_deref() {
                // An absent content type is taken at its word: the body is read as events.
                Some(v) if stream && v.starts_with("text/event-stream") => {}
                None if stream => {}
                Some(v) if stream && !is_json => {
                    // A captive portal or a proxy's HTML page answering 200: reading it as
                    // events would find none and report a truncated stream, hiding the cause.
                    let body = scrub(
                        read_error_body(response, timeouts, clock).await,
                        &request.headers,
                    );
                    return Err(Error::Decode(Box::new(DecodeError::wrong_kind(
                        "stream",
                        status,
                        &body,
                        format!(
                            "expected an event stream (text/event-stream) but the response is \
                             `{v}`: something between you and OpenRouter (a proxy, a captive \
                             portal, a wrong OPENROUTER_BASE_URL) answered instead"
                        ),
                    ))));
                }
                _ => {}
            }
            if stream && !is_json {
                return Ok(Success {
                    status,
                    headers,
                    outcome: Received::Stream(response),
                });
            }
            let body = read_body(response, self.inner.max_response_bytes, timeouts, clock).await?;
            let body = scrub(body, &request.headers);
            tracing::trace!(body = %String::from_utf8_lossy(&body[..body.len().min(4096)]), "response body");
            // Checked inside the attempt so a transient error in a 200 body is retried.
            if let Some(error) = in_band_error(status, &headers, &body) {
                return Err(Error::Api(Box::new(error)));
            }
            if stream {
                // A JSON document where an event stream was asked for, and not
                // an error: a proxy or server that ignored `stream: true`.
                return Err(Error::Decode(Box::new(DecodeError::wrong_kind(
                    "stream",
                    status,
                    &body,
                    "expected an event stream (text/event-stream) but the response is a JSON \
                     document: the server ignored `stream: true`"
                        .to_owned(),
                ))));
            }
            return Ok(Success {
                status,
                headers,
                outcome: Received::Body(body),
            });
        }
        let headers = response.headers().clone();
        // A body that cannot be read fully still explains the status with what did arrive.
        let body = scrub(
            read_error_body(response, timeouts, clock).await,
            &request.headers,
        );
        tracing::debug!(status = status.as_u16(), "openrouter error response");
        tracing::trace!(body = %String::from_utf8_lossy(&body), "error body");
        Err(Error::Api(Box::new(ApiError::from_response(
            status, &headers, &body,
        ))))
    }
}

struct Prepared {
    method: Method,
    url: reqwest::Url,
    headers: HeaderMap,
    body: Option<Bytes>,
}

/// A stream whose status line and headers arrived.
pub(crate) struct OpenStream {
    pub(crate) response: reqwest::Response,
    pub(crate) meta: ResponseMeta,
    pub(crate) span: Span,
    pub(crate) idle: Duration,
    pub(crate) deadline: Option<(Instant, Duration)>,
    pub(crate) max_event_bytes: usize,
}

fn request_span(call: &Call) -> Span {
    let model = call
        .body
        .as_ref()
        .and_then(|b| b.get("model"))
        .and_then(Value::as_str);
    let span = tracing::info_span!(
        "openrouter.request",
        method = %call.method,
        path = %call.path,
        model = field::Empty,
        provider = field::Empty,
        generation_id = field::Empty,
        status = field::Empty,
        attempts = field::Empty,
        prompt_tokens = field::Empty,
        completion_tokens = field::Empty,
        cost = field::Empty,
    );
    if let Some(model) = model {
        span.record("model", model);
    }
    span
}

fn record_headers(span: &Span, headers: &HeaderMap) {
    if let Some(id) = headers.get("x-generation-id").and_then(|v| v.to_str().ok()) {
        span.record("generation_id", id);
    }
}

/// Reads a success body up to `limit`, failing beyond it.
async fn read_body(
    mut response: reqwest::Response,
    limit: usize,
    timeouts: &Timeouts,
    clock: Clock,
) -> Result<Bytes, Error> {
    let too_large = || {
        Error::LimitExceeded(Box::new(LimitError {
            what: "response body",
            limit,
            source: None,
        }))
    };
    if response
        .content_length()
        .is_some_and(|len| len > limit as u64)
    {
        return Err(too_large());
    }
    let mut body = BytesMut::new();
    loop {
        let chunk = clock
            .limit(timeouts.idle, TimeoutKind::Idle, response.chunk())
            .await?
            .map_err(|e| Error::Transport(Box::new(TransportError::from_reqwest(e))))?;
        let Some(chunk) = chunk else {
            return Ok(body.freeze());
        };
        if body.len() + chunk.len() > limit {
            return Err(too_large());
        }
        if body.is_empty() {
            body = BytesMut::from(chunk);
        } else {
            body.extend_from_slice(&chunk);
        }
    }
}

/// Reads up to [`MAX_ERROR_BODY`] of an error body; failures end the read quietly.
async fn read_error_body(
    mut response: reqwest::Response,
    timeouts: &Timeouts,
    clock: Clock,
) -> Bytes {
    let mut body = BytesMut::new();
    while body.len() < MAX_ERROR_BODY {
        match clock
            .limit(timeouts.idle, TimeoutKind::Idle, response.chunk())
            .await
        {
            Ok(Ok(Some(chunk))) => {
                let room = MAX_ERROR_BODY - body.len();
                body.extend_from_slice(&chunk[..chunk.len().min(room)]);
            }
            _ => break,
        }
    }
    body.freeze()
}

/// The body with every occurrence of the request's bearer token replaced by
/// `[REDACTED]`.
///
/// A misconfigured proxy or debugging endpoint may echo the request's headers
/// back; the body then reaches error messages (`body_excerpt`), decode
/// errors and logs, where the key must never appear. The search is one
/// `memmem` pass, and the body is copied only when the key is found.
fn scrub(body: Bytes, headers: &HeaderMap) -> Bytes {
    let Some(token) = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.as_bytes().strip_prefix(b"Bearer "))
        .filter(|t| t.len() >= 8)
    else {
        return body;
    };
    let finder = memchr::memmem::Finder::new(token);
    if finder.find(&body).is_none() {
        return body;
    }
    let mut clean = Vec::with_capacity(body.len());
    let mut rest = &body[..];
    while let Some(at) = finder.find(rest) {
        clean.extend_from_slice(&rest[..at]);
        clean.extend_from_slice(b"[REDACTED]");
        rest = &rest[at + token.len()..];
    }
    clean.extend_from_slice(rest);
    Bytes::from(clean)
}

/// A 2xx body that is an error envelope: `error` set, and none of the
/// fields a success carries (`choices`, `data`, `output`).
pub(crate) fn in_band_error(
    status: StatusCode,
    headers: &HeaderMap,
    body: &[u8],
) -> Option<ApiError> {
    #[derive(Deserialize)]
    struct Probe {
        #[serde(default)]
        error: Option<IgnoredAny>,
        #[serde(default)]
        choices: Option<IgnoredAny>,
        #[serde(default)]
        data: Option<IgnoredAny>,
        #[serde(default)]
        output: Option<IgnoredAny>,
    }
    let probe: Probe = serde_json::from_slice(body).ok()?;
    if probe.error.is_none()
        || probe.choices.is_some()
        || probe.data.is_some()
        || probe.output.is_some()
    {
        return None;
    }
    Some(ApiError::from_response(status, headers, body))
}

/// Decodes a body, naming the JSON path of a failure. Leading whitespace
/// (OpenRouter's keep-alive for slow non-streaming calls) is valid JSON.
pub(crate) fn decode<T: DeserializeOwned>(
    what: &'static str,
    status: StatusCode,
    body: &[u8],
) -> Result<T, Error> {
    let mut deserializer = serde_json::Deserializer::from_slice(body);
    let value = serde_path_to_error::deserialize(&mut deserializer).map_err(|e| {
        let path = e.path().to_string();
        Error::Decode(Box::new(DecodeError::new(
            what,
            status,
            body,
            path,
            e.into_inner(),
        )))
    })?;
    deserializer.end().map_err(|e| {
        Error::Decode(Box::new(DecodeError::new(
            what,
            status,
            body,
            ".".to_owned(),
            e,
        )))
    })?;
    Ok(value)
}
