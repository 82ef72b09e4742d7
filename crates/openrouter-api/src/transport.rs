//! One call, start to finish: build the request, send it, time it out,
//! classify the answer, retry what is transient and safe to resend, read
//! bounded bodies. Every operation goes through here.

mod body;
mod call;
mod guard;

use std::time::Duration;

use http::{HeaderMap, HeaderValue, StatusCode, header};
use serde::de::DeserializeOwned;
use tokio::time::Instant;
use tracing::{Instrument, Span, field};

pub(crate) use body::{decode, in_band_error};
use body::{read_body, read_error_body, scrub};
pub(crate) use call::{Body, Call, Encoded};
pub use call::{Multipart, Part};

use crate::error::{ApiError, DecodeError, TimeoutError, TransportError};
use crate::meta::{Attempt, AttemptOutcome, Response, ResponseMeta};
use crate::operation::AuthKind;
use crate::retry::{RetryHook, RetryNotice, RetryPolicy, Verdict, verdict};
use crate::secrets::redact;
use crate::{Client, Error, TimeoutKind, Timeouts};

/// The configuration of one call: client defaults with the call's overrides.
pub(crate) struct Effective {
    pub(crate) retry: RetryPolicy,
    pub(crate) timeouts: Timeouts,
    pub(crate) capture_raw_body: bool,
    pub(crate) retry_ambiguous: bool,
    pub(crate) on_retry: Option<RetryHook>,
}

/// Measures the whole call against the optional total deadline.
#[derive(Clone, Copy)]
pub(crate) struct Clock {
    pub(crate) start: Instant,
    pub(crate) total: Option<Duration>,
}

impl Clock {
    /// A clock starting now, against an optional total deadline.
    pub(crate) fn started(total: Option<Duration>) -> Self {
        Self {
            start: Instant::now(),
            total,
        }
    }

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

/// What a call reads back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mode {
    /// One JSON document, read whole.
    Json,
    /// Server-Sent Events, read as the caller pulls (`stream: true` is sent).
    Events,
    /// Raw bytes, read whole (bounded by `max_response_bytes`).
    Bytes,
    /// Raw bytes, handed over open for the caller to pull.
    ByteStream,
}

impl Mode {
    fn accept(self) -> &'static str {
        match self {
            Mode::Json => "application/json",
            Mode::Events => "text/event-stream",
            Mode::Bytes | Mode::ByteStream => "*/*",
        }
    }

    /// Whether the answer is handed over open rather than read in the attempt.
    fn open(self) -> bool {
        matches!(self, Mode::Events | Mode::ByteStream)
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
    Body(bytes::Bytes),
}

impl Client {
    pub(crate) fn effective(&self) -> Effective {
        let inner = &self.inner;
        let mut timeouts = inner.timeouts;
        let mut retry = inner.retry.clone();
        let mut capture_raw_body = false;
        let mut retry_ambiguous = false;
        let mut on_retry = inner.on_retry.clone();
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
            // Adjusts whichever policy applies: the client's backoff and caps stay.
            if let Some(retries) = options.max_retries {
                retry.max_retries = retries;
            }
            capture_raw_body = options.capture_raw_body.unwrap_or(false);
            retry_ambiguous = options.retry_ambiguous.unwrap_or(false);
            if let Some(hook) = &options.on_retry {
                on_retry = Some(hook.clone());
            }
        }
        Effective {
            retry,
            timeouts,
            capture_raw_body,
            retry_ambiguous,
            on_retry,
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
        async move {
            let (mut meta, body, capture_raw_body) = self.read_whole(&call, Mode::Json).await?;
            let data = decode::<T>(call.op.what, meta.status, &body)?;
            observe(&data, &Span::current());
            tracing::debug!(
                status = meta.status.as_u16(),
                attempts = meta.attempts.len(),
                "openrouter response"
            );
            if capture_raw_body {
                meta.raw_body = Some(body);
            }
            Ok(Response::new(data, meta))
        }
        .instrument(span)
        .await
    }

    /// Sends a streaming call and returns the open response once its status
    /// is a success (errors before the stream starts follow the retry rules
    /// of any call).
    pub(crate) async fn open_stream(&self, call: Call) -> Result<OpenStream, Error> {
        self.open(call, Mode::Events).await
    }

    /// Sends a call whose answer is raw bytes and returns it open, for the
    /// caller to pull (downloads that must not sit in memory whole).
    pub(crate) async fn open_bytes(&self, call: Call) -> Result<OpenStream, Error> {
        self.open(call, Mode::ByteStream).await
    }

    /// Sends a call whose answer is raw bytes and reads them whole.
    pub(crate) async fn send_bytes(&self, call: Call) -> Result<Response<bytes::Bytes>, Error> {
        let span = request_span(&call);
        let (meta, body, _) = self.read_whole(&call, Mode::Bytes).instrument(span).await?;
        Ok(Response::new(body, meta))
    }

    /// Sends `call` and reads its whole answer: the metadata, the body, and
    /// whether the caller asked to keep the raw body.
    async fn read_whole(
        &self,
        call: &Call,
        mode: Mode,
    ) -> Result<(ResponseMeta, bytes::Bytes, bool), Error> {
        let effective = self.effective();
        let clock = Clock::started(effective.timeouts.total);
        let (success, attempts) = self.execute(call, &effective, clock, mode).await?;
        let Success {
            status,
            headers,
            outcome: Received::Body(body),
        } = success
        else {
            unreachable!("a whole answer is read in the attempt")
        };
        let mut meta = ResponseMeta::new(status, headers);
        meta.attempts = attempts;
        Ok((meta, body, effective.capture_raw_body))
    }

    async fn open(&self, call: Call, mode: Mode) -> Result<OpenStream, Error> {
        let span = request_span(&call);
        let effective = self.effective();
        let clock = Clock::started(effective.timeouts.total);
        let (success, attempts) = self
            .execute(&call, &effective, clock, mode)
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

    /// The retry loop. What may be sent again is decided by
    /// [`verdict`]: the operation's retry class and where the attempt failed.
    async fn execute(
        &self,
        call: &Call,
        effective: &Effective,
        clock: Clock,
        mode: Mode,
    ) -> Result<(Success, Vec<Attempt>), Error> {
        let request = self.prepare(call, mode)?;
        let mut attempts = Vec::new();
        let mut waited = Duration::ZERO;
        let mut retry = 0u32;
        loop {
            let attempt = self.attempt(&request, effective, clock, mode);
            let result = self.guarded(call, attempts.is_empty(), attempt).await;
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
            let mut allowed = effective.retry.max_retries;
            let delay = if not_found {
                // Eventual consistency, not overload: fixed doubling waits of 0.5, 1, 2, 4 s.
                let wait = Duration::from_millis(500u64 << retry.min(3));
                allowed = allowed.max(4);
                effective.retry.clone().max_retries(allowed).next_delay(
                    retry,
                    Some(wait),
                    clock.start.elapsed(),
                )
            } else {
                let verdict = match call.retry_class() {
                    Some(class) => verdict(class, &error, effective.retry_ambiguous),
                    None => Verdict::Stop,
                };
                match verdict {
                    Verdict::Retry => effective.retry.next_delay(
                        retry,
                        error.retry_after(),
                        clock.start.elapsed(),
                    ),
                    Verdict::Stop => None,
                    Verdict::Ambiguous => {
                        error.hold_back(call.op.what);
                        None
                    }
                }
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
            if let Some(hook) = &effective.on_retry {
                hook.call(&RetryNotice {
                    attempt: retry.saturating_add(2),
                    max_attempts: allowed.saturating_add(1),
                    delay,
                    error: &error,
                    operation: call.op,
                    method: call.method(),
                    path: &call.path,
                });
            }
            tokio::time::sleep(delay).await;
            waited = delay;
            retry += 1;
        }
    }

    /// Everything about the request that does not change between attempts:
    /// the body is encoded here, once per call.
    fn prepare(&self, call: &Call, mode: Mode) -> Result<Prepared, Error> {
        let inner = &self.inner;
        let options = self.options.as_deref();
        if let Some(invalid) = options.and_then(|o| o.invalid_header.as_ref()) {
            return Err(Error::config(format!(
                "invalid header `{invalid}` in RequestOptions: names must be tokens and values visible ASCII"
            )));
        }
        if call.path.contains('{') {
            return Err(Error::config(format!(
                "the path `{}` of {} has an unfilled parameter",
                call.path, call.op
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
        let own_key = || {
            if call.auth() == AuthKind::Management {
                inner.management_key.as_ref().or(inner.api_key.as_ref())
            } else {
                inner.api_key.as_ref()
            }
        };
        let key = options.and_then(|o| o.api_key.as_ref()).or_else(own_key);
        let own_authorization = headers.contains_key(header::AUTHORIZATION)
            || options.is_some_and(|o| o.headers.contains_key(header::AUTHORIZATION));
        match key {
            Some(key) => {
                let value = key.bearer_header().ok_or_else(|| {
                    Error::config("the API key contains characters a header cannot carry: check OPENROUTER_API_KEY")
                })?;
                headers.insert(header::AUTHORIZATION, value);
            }
            // A caller may authenticate with a header of their own (a proxy token).
            None if call.auth() == AuthKind::Public || own_authorization => {}
            None if call.auth() == AuthKind::Management => {
                return Err(Error::missing_management_key());
            }
            None => return Err(Error::missing_api_key()),
        }
        headers.insert(header::ACCEPT, HeaderValue::from_static(mode.accept()));
        let body = call.encode(mode == Mode::Events, options)?;
        if let Some(content_type) = body.content_type() {
            // A multipart body sets its own type, with the boundary.
            headers.insert(header::CONTENT_TYPE, content_type);
        }
        if tracing::enabled!(tracing::Level::TRACE)
            && let Some(bytes) = body.json_bytes()
        {
            let shown = redact(&bytes[..bytes.len().min(4096)]);
            tracing::trace!(body = %String::from_utf8_lossy(&shown), "request body");
        }
        if let Some(options) = options {
            for (name, value) in &options.headers {
                headers.insert(name.clone(), value.clone());
            }
        }
        // Whatever the options said, the key stays out of HPACK tables and Debug output.
        if let Some(auth) = headers.get_mut(header::AUTHORIZATION) {
            auth.set_sensitive(true);
        }
        Ok(Prepared {
            method: call.method(),
            url,
            headers,
            body,
            management: call.auth() == AuthKind::Management,
        })
    }

    async fn attempt(
        &self,
        request: &Prepared,
        effective: &Effective,
        clock: Clock,
        mode: Mode,
    ) -> Result<Success, Error> {
        let stream = mode == Mode::Events;
        let mut builder = self
            .inner
            .http
            .request(request.method.clone(), request.url.clone())
            .headers(request.headers.clone());
        builder = request.body.attach(builder)?;
        let timeouts = &effective.timeouts;
        let located = |mut error: Error| {
            error.locate(&request.url, self.inner.base_url_from_env);
            error
        };
        let sent = clock
            .limit(
                timeouts.response_headers,
                TimeoutKind::ResponseHeaders,
                builder.send(),
            )
            .await
            .map_err(located)?;
        let response = sent.map_err(|e| {
            located(if e.is_timeout() && e.is_connect() {
                Error::Timeout(Box::new(TimeoutError::new(
                    TimeoutKind::Connect,
                    timeouts.connect,
                )))
            } else {
                Error::Transport(Box::new(TransportError::from_reqwest(e)))
            })
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
            if mode.open() && !is_json {
                return Ok(Success {
                    status,
                    headers,
                    outcome: Received::Stream(response),
                });
            }
            let body = read_body(response, self.inner.max_response_bytes, timeouts, clock)
                .await
                .map_err(|mut error| {
                    // The server answered and may have done the work: what was cut is the answer.
                    error.cut_after_status(
                        headers.get("x-generation-id").and_then(|v| v.to_str().ok()),
                    );
                    located(error)
                })?;
            let body = scrub(body, &request.headers);
            if tracing::enabled!(tracing::Level::TRACE) {
                let shown = redact(&body[..body.len().min(4096)]);
                tracing::trace!(body = %String::from_utf8_lossy(&shown), "response body");
            }
            // Checked inside the attempt so a transient error in a 200 body is retried.
            if let Some(error) = in_band_error(status, &headers, &body) {
                return Err(Error::Api(Box::new(
                    error.for_management(request.management),
                )));
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
        if tracing::enabled!(tracing::Level::TRACE) {
            tracing::trace!(body = %String::from_utf8_lossy(&redact(&body)), "error body");
        }
        Err(Error::Api(Box::new(
            ApiError::from_response(status, &headers, &body).for_management(request.management),
        )))
    }
}

struct Prepared {
    method: http::Method,
    url: reqwest::Url,
    headers: HeaderMap,
    body: Encoded,
    management: bool,
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
    let span = tracing::info_span!(
        "openrouter.request",
        method = %call.op.method,
        path = %call.path,
        model = field::Empty,
        provider = field::Empty,
        generation_id = field::Empty,
        status = field::Empty,
        attempts = field::Empty,
        prompt_tokens = field::Empty,
        completion_tokens = field::Empty,
        cost = field::Empty,
        // OpenTelemetry GenAI semantic conventions (crate::telemetry fills them).
        gen_ai.operation.name = field::Empty,
        gen_ai.provider.name = field::Empty,
        gen_ai.request.model = field::Empty,
        gen_ai.response.model = field::Empty,
        gen_ai.response.id = field::Empty,
        gen_ai.response.finish_reasons = field::Empty,
        gen_ai.usage.input_tokens = field::Empty,
        gen_ai.usage.output_tokens = field::Empty,
        openrouter.cost = field::Empty,
        openrouter.provider = field::Empty,
    );
    if let Some(model) = call.model() {
        span.record("model", model);
    }
    crate::telemetry::record_request(&span, &call.path, call.model());
    span
}

fn record_headers(span: &Span, headers: &HeaderMap) {
    if let Some(id) = headers.get("x-generation-id").and_then(|v| v.to_str().ok()) {
        span.record("generation_id", id);
    }
}
