//! A standalone OpenRouter look-alike on 127.0.0.1 serving a [`FixtureSet`] with paced
//! delivery, for tests, `openrouter mock` and `openrouter chat --offline`.
//!
//! wiremock answers with whole bodies (it can only delay them); this server, built on hyper,
//! writes bodies in chunks with delays and can drop the connection mid-body, which is how
//! streams fail on real networks.

mod pacing;
mod strict;

pub use strict::INFERENCE_KEY_PREFIX;

use std::collections::VecDeque;
use std::convert::Infallible;
use std::net::{Ipv4Addr, SocketAddr};
use std::sync::{Arc, Mutex};

use bytes::Bytes;
use http_body_util::combinators::BoxBody;
use http_body_util::{BodyExt, Full, Limited};
use hyper::service::service_fn;
use hyper::{Request, Response};
use hyper_util::rt::TokioIo;
use tokio::net::TcpListener;
use tokio::sync::watch;
use tokio::task::{JoinHandle, JoinSet};

pub use pacing::{Chunking, Pacing};

use crate::{Error, FixtureSet, RecordedRequest};

/// Request bodies larger than this get a 413 instead of being buffered.
const MAX_REQUEST_BYTES: usize = 32 * 1024 * 1024;

/// How many received requests a server remembers by default (the oldest are forgotten first),
/// so a long-running `openrouter mock` does not grow without bound.
const DEFAULT_RECORD_LIMIT: usize = 1024;

/// A running mock OpenRouter: serves a [`FixtureSet`] under `/api/v1` on 127.0.0.1.
///
/// Routing follows `fixtures/README.md`: the `x-mock-fixture` header, else method, path,
/// streaming mode, `model` and query, else the route's default fixture (so a chat request for
/// any model gets the demo answer); anything else gets a 404 in OpenRouter's error envelope
/// naming the closest fixture. Each server has its own state; dropping it (or
/// [`shutdown`](Self::shutdown)) stops it.
///
/// It refuses what OpenRouter refuses before a model runs: a route that needs
/// a key called without `Authorization` (401), a JSON body that is not JSON
/// (400), a chat without `messages` (400), and a management route called with
/// an inference key, which the mock recognises by [`INFERENCE_KEY_PREFIX`]
/// (401). Any other key is accepted.
///
/// ```
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
/// use openrouter_testkit::{FixtureSet, server::MockOpenRouter};
///
/// let server = MockOpenRouter::start(FixtureSet::bundled()).await?;
/// // Point any OpenRouter client here, e.g. OPENROUTER_BASE_URL=<base_url>.
/// let url = format!("{}/credits", server.base_url());
/// let body = reqwest::Client::new().get(url).bearer_auth("any-key").send().await?.text().await?;
/// assert_eq!(body, r#"{"data":{"total_credits":100.5,"total_usage":25.75}}"#);
/// assert_eq!(server.received_requests()[0].path(), "/api/v1/credits");
/// server.shutdown().await;
/// # Ok(())
/// # }
/// ```
#[derive(Debug)]
pub struct MockOpenRouter {
    addr: SocketAddr,
    requests: Arc<Mutex<VecDeque<RecordedRequest>>>,
    stop: watch::Sender<bool>,
    task: Option<JoinHandle<()>>,
}

/// Options for a [`MockOpenRouter`]: port and [`Pacing`].
#[derive(Debug, Clone)]
#[must_use = "call .start().await to run the server"]
pub struct MockOpenRouterBuilder {
    set: FixtureSet,
    port: u16,
    pacing: Pacing,
    record_limit: usize,
}

impl MockOpenRouterBuilder {
    /// Listen on this port of 127.0.0.1 (0, the default, picks a free one).
    pub fn port(mut self, port: u16) -> Self {
        self.port = port;
        self
    }

    /// How bodies are delivered (default: whole, immediately).
    pub fn pacing(mut self, pacing: Pacing) -> Self {
        self.pacing = pacing;
        self
    }

    /// Remember at most this many received requests, forgetting the oldest (default 1024;
    /// 0 records nothing).
    pub fn record_limit(mut self, requests: usize) -> Self {
        self.record_limit = requests;
        self
    }

    /// Binds the port and starts serving on the current tokio runtime.
    pub async fn start(self) -> Result<MockOpenRouter, Error> {
        let addr = SocketAddr::from((Ipv4Addr::LOCALHOST, self.port));
        let listener = TcpListener::bind(addr)
            .await
            .map_err(|source| Error::Bind { addr, source })?;
        let addr = listener
            .local_addr()
            .map_err(|source| Error::Bind { addr, source })?;
        let requests = Arc::new(Mutex::new(VecDeque::new()));
        let (stop, stopped) = watch::channel(false);
        let state = Arc::new(State {
            set: self.set,
            pacing: self.pacing,
            record_limit: self.record_limit,
            requests: Arc::clone(&requests),
        });
        let task = tokio::spawn(accept_loop(listener, state, stopped));
        Ok(MockOpenRouter {
            addr,
            requests,
            stop,
            task: Some(task),
        })
    }
}

impl MockOpenRouter {
    /// Starts a server for `set` on a free port with default pacing.
    pub async fn start(set: FixtureSet) -> Result<MockOpenRouter, Error> {
        MockOpenRouter::builder(set).start().await
    }

    /// A builder to choose the port and pacing.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), openrouter_testkit::Error> {
    /// use std::time::Duration;
    /// use openrouter_testkit::{FixtureSet, server::{MockOpenRouter, Pacing}};
    ///
    /// let server = MockOpenRouter::builder(FixtureSet::bundled())
    ///     .pacing(Pacing::new().per_event().delay(Duration::from_millis(20)))
    ///     .start()
    ///     .await?;
    /// assert!(server.base_url().starts_with("http://127.0.0.1:"));
    /// # Ok(())
    /// # }
    /// ```
    pub fn builder(set: FixtureSet) -> MockOpenRouterBuilder {
        MockOpenRouterBuilder {
            set,
            port: 0,
            pacing: Pacing::default(),
            record_limit: DEFAULT_RECORD_LIMIT,
        }
    }

    /// `http://127.0.0.1:PORT/api/v1`: what `OPENROUTER_BASE_URL` (or an OpenAI SDK's
    /// `base_url`) should be.
    pub fn base_url(&self) -> String {
        format!("http://{}/api/v1", self.addr)
    }

    /// `http://127.0.0.1:PORT`, without the API prefix.
    pub fn origin(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// The address the server listens on.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// The requests received so far, in arrival order (the last
    /// [`record_limit`](MockOpenRouterBuilder::record_limit) of them).
    pub fn received_requests(&self) -> Vec<RecordedRequest> {
        let requests = self
            .requests
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        requests.iter().cloned().collect()
    }

    /// Stops accepting, closes open connections (cutting responses in flight) and waits until
    /// the port is released.
    pub async fn shutdown(mut self) {
        let _ = self.stop.send(true);
        if let Some(task) = self.task.take() {
            let _ = task.await;
        }
    }
}

impl Drop for MockOpenRouter {
    fn drop(&mut self) {
        let _ = self.stop.send(true);
        if let Some(task) = self.task.take() {
            // Aborting drops the listener and, with the `JoinSet`, every connection task.
            task.abort();
        }
    }
}

struct State {
    set: FixtureSet,
    pacing: Pacing,
    record_limit: usize,
    requests: Arc<Mutex<VecDeque<RecordedRequest>>>,
}

async fn accept_loop(listener: TcpListener, state: Arc<State>, mut stopped: watch::Receiver<bool>) {
    let mut connections = JoinSet::new();
    loop {
        tokio::select! {
            _ = stopped.wait_for(|stop| *stop) => break,
            accepted = listener.accept() => {
                let Ok((stream, _)) = accepted else { continue };
                // Paced writes must leave as written, not be coalesced by Nagle's algorithm.
                let _ = stream.set_nodelay(true);
                let state = Arc::clone(&state);
                connections.spawn(async move {
                    let service = service_fn(move |request| handle(Arc::clone(&state), request));
                    // A client hanging up mid-response is normal here (and the point of
                    // `Pacing::cut_after`): the error needs no reporting.
                    let _ = hyper::server::conn::http1::Builder::new()
                        .serve_connection(TokioIo::new(stream), service)
                        .await;
                });
                while connections.try_join_next().is_some() {}
            }
        }
    }
    connections.shutdown().await;
}

type Body = BoxBody<Bytes, std::io::Error>;

async fn handle(
    state: Arc<State>,
    request: Request<hyper::body::Incoming>,
) -> Result<Response<Body>, Infallible> {
    let (parts, body) = request.into_parts();
    let body = match Limited::new(body, MAX_REQUEST_BYTES).collect().await {
        Ok(collected) => collected.to_bytes(),
        Err(e) => {
            let message = format!(
                "cannot read the request body: {e} (the mock accepts at most {MAX_REQUEST_BYTES} bytes)"
            );
            return Ok(error_response(413, &message));
        }
    };
    let recorded = RecordedRequest::from_http(&parts, body.clone());
    if state.record_limit > 0 {
        let mut requests = state
            .requests
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if requests.len() == state.record_limit {
            requests.pop_front();
        }
        requests.push_back(recorded);
    }
    let path_and_query = parts.uri.path_and_query().map_or("/", |pq| pq.as_str());
    if let Some((status, message)) = strict::refusal(
        parts.method.as_str(),
        parts.uri.path(),
        &parts.headers,
        &body,
    ) {
        return Ok(error_response(status, &message));
    }
    let fixture =
        match state
            .set
            .route(parts.method.as_str(), path_and_query, &parts.headers, &body)
        {
            Ok(fixture) => fixture,
            Err(no_match) => return Ok(json_response(404, no_match.to_error_body())),
        };
    let response = fixture.response();
    let mut builder = Response::builder().status(response.status());
    for (name, value) in response.headers() {
        builder = builder.header(name.as_str(), value.as_str());
    }
    if !response.is_event_stream() {
        // Streams go out chunked, like OpenRouter's; other bodies declare their length so a
        // cut is visible to the client as a short body.
        builder = builder.header(hyper::header::CONTENT_LENGTH, response.body().len());
    }
    let body = if state.pacing == Pacing::default() && !response.is_event_stream() {
        Full::new(response.body().clone())
            .map_err(|never| match never {})
            .boxed()
    } else {
        state.pacing.body(response.body()).boxed()
    };
    Ok(builder.body(body).unwrap_or_else(|e| {
        error_response(
            500,
            &format!("fixture {} has an unusable header: {e}", fixture.name()),
        )
    }))
}

fn json_response(status: u16, body: String) -> Response<Body> {
    let mut response = Response::new(
        Full::new(Bytes::from(body))
            .map_err(|never| match never {})
            .boxed(),
    );
    *response.status_mut() =
        hyper::StatusCode::from_u16(status).unwrap_or(hyper::StatusCode::NOT_FOUND);
    response.headers_mut().insert(
        hyper::header::CONTENT_TYPE,
        hyper::header::HeaderValue::from_static("application/json"),
    );
    response
}

fn error_response(status: u16, message: &str) -> Response<Body> {
    let message = serde_json::Value::String(message.to_owned());
    json_response(
        status,
        format!(r#"{{"error":{{"message":{message},"code":{status}}}}}"#),
    )
}
