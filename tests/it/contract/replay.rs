//! Runs every recorded exchange through the typed client once per test binary, against the
//! testkit's mock server over 127.0.0.1, and keeps what came back for the contract tests.

use std::path::PathBuf;
use std::sync::OnceLock;
use std::time::Duration;

use futures::StreamExt;
use openrouter_api::{
    Client, Error, RequestOptions, ResponsesStreamEvent, RetryPolicy, StreamEvent, Timeouts,
};
use openrouter_testkit::server::MockOpenRouter;
use openrouter_testkit::{FIXTURE_HEADER, Fixture, FixtureSet, RecordedRequest};
use serde_json::Value;

use super::call::{Call, Plan, plan};

/// A key the mock accepts and nothing else would: it must never show up in a snapshot.
pub(crate) const TEST_KEY: &str = "contract-test-key-do-not-print";

/// One fixture, replayed.
pub(crate) struct Replay {
    pub(crate) fixture: Fixture,
    pub(crate) plan: Plan,
    /// Why the request carried `x-mock-fixture` (`None`: routing alone found the fixture).
    pub(crate) header: Option<String>,
    /// What the server received during this call.
    pub(crate) sent: Vec<RecordedRequest>,
    pub(crate) outcome: Outcome,
}

/// What the client returned.
pub(crate) struct Outcome {
    /// The HTTP status the client reported with a success or an opened stream.
    pub(crate) status: Option<u16>,
    pub(crate) generation_id: Option<String>,
    /// The decoded value (for streams: the assembled completion or final response), or the error.
    pub(crate) result: Result<Value, Error>,
    /// Set for streaming calls that got past the response headers.
    pub(crate) stream: Option<StreamStats>,
}

/// What a stream yielded before it ended.
#[derive(Debug, Default)]
pub(crate) struct StreamStats {
    /// Chunks (chat) or typed events (responses).
    pub(crate) events: usize,
    pub(crate) keep_alives: usize,
    pub(crate) done: bool,
    /// The accumulator's verdict for a chat stream that ended without an error.
    pub(crate) outcome: Option<String>,
    /// The last response snapshot of a Responses stream, also after an error.
    pub(crate) latest: Option<Value>,
}

/// Every fixture of `fixtures/`, replayed, and the set they came from.
pub(crate) struct Run {
    pub(crate) set: FixtureSet,
    pub(crate) replays: Vec<Replay>,
    /// Fixtures no client method is mapped to, with the reason.
    pub(crate) unmapped: Vec<String>,
}

impl Run {
    pub(crate) fn get(&self, name: &str) -> &Replay {
        self.replays
            .iter()
            .find(|r| r.fixture.name() == name)
            .unwrap_or_else(|| panic!("fixture {name} was not replayed: {:?}", self.unmapped))
    }
}

/// `fixtures/` of the workspace.
pub(crate) fn fixtures_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../fixtures")
}

/// The replay of every fixture, computed once and shared by the tests of this module.
pub(crate) fn run() -> &'static Run {
    static RUN: OnceLock<Run> = OnceLock::new();
    RUN.get_or_init(|| {
        let set = FixtureSet::load_dir(fixtures_dir()).expect("fixtures/ loads");
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("a tokio runtime");
        runtime.block_on(replay_all(set))
    })
}

/// A client as a careful user would configure it for tests: no retries, so every error
/// fixture is requested exactly once, and short timeouts, so a hang fails fast.
pub(crate) fn client(base_url: &str) -> Client {
    Client::builder()
        .base_url(base_url)
        .api_key(TEST_KEY)
        .timeouts(
            Timeouts::default()
                .connect(Duration::from_secs(2))
                .response_headers(Duration::from_secs(5))
                .idle(Duration::from_secs(5))
                .total(Duration::from_secs(10)),
        )
        // `RetryPolicy::none()` alone still retries `generation`'s 404 (documented:
        // statistics appear late); a zero deadline stops that retry too.
        .retry_policy(RetryPolicy::none().deadline(Duration::ZERO))
        .build()
        .expect("a valid client configuration")
}

async fn replay_all(set: FixtureSet) -> Run {
    let server = MockOpenRouter::start(set.clone())
        .await
        .expect("the mock server starts");
    let client = client(&server.base_url());
    let mut replays = Vec::new();
    let mut unmapped = Vec::new();
    for fixture in &set {
        // The operations beyond the original endpoints have their own suite.
        if super::operations::handles(fixture) {
            continue;
        }
        let plan = match plan(fixture) {
            Ok(plan) => plan,
            Err(reason) => {
                unmapped.push(reason);
                continue;
            }
        };
        let header = header_reason(&set, fixture, &plan);
        let client = match &header {
            Some(_) => {
                client.with_options(RequestOptions::new().header(FIXTURE_HEADER, fixture.name()))
            }
            None => client.clone(),
        };
        let before = server.received_requests().len();
        let outcome = replay(&client, plan.call()).await;
        replays.push(Replay {
            fixture: fixture.clone(),
            plan,
            header,
            sent: server.received_requests().split_off(before),
            outcome,
        });
    }
    server.shutdown().await;
    Run {
        set,
        replays,
        unmapped,
    }
}

/// Why the fixture must be selected by name: a stand-in call, or another fixture (the route's
/// default) answers its recorded request.
fn header_reason(set: &FixtureSet, fixture: &Fixture, plan: &Plan) -> Option<String> {
    if let Plan::StandIn(stand_in) = plan {
        return Some(format!("stand-in: {}", stand_in.why));
    }
    let request = fixture.request();
    match set.route(
        request.method(),
        &request.path_and_query(),
        &http::HeaderMap::new(),
        request.body_bytes(),
    ) {
        Ok(routed) if routed.name() == fixture.name() => None,
        Ok(routed) => Some(format!("its recorded request routes to {}", routed.name())),
        Err(no_match) => Some(format!("its recorded request routes nowhere: {no_match}")),
    }
}

async fn replay(client: &Client, call: &Call) -> Outcome {
    let mut replay = Outcome {
        status: None,
        generation_id: None,
        result: Ok(Value::Null),
        stream: None,
    };
    if let Some(plain) = call.run_plain(client).await {
        replay.status = plain.status;
        replay.generation_id = plain.generation_id;
        replay.result = plain.result;
        return replay;
    }
    match call {
        Call::ChatStream(request) => match client.chat_stream(request).await {
            Err(error) => replay.result = Err(error),
            Ok(mut stream) => {
                replay.status = Some(stream.meta().status().as_u16());
                replay.generation_id = stream.meta().generation_id().map(str::to_owned);
                let mut stats = StreamStats::default();
                let mut failure = None;
                while let Some(event) = stream.next().await {
                    match event {
                        Ok(StreamEvent::Chunk(_)) => stats.events += 1,
                        Ok(StreamEvent::KeepAlive) => stats.keep_alives += 1,
                        Ok(StreamEvent::Done) => stats.done = true,
                        Ok(other) => panic!("a stream event this test does not know: {other:?}"),
                        Err(error) => failure = Some(error),
                    }
                }
                replay.result = match failure {
                    Some(error) => Err(error),
                    None => {
                        stats.outcome = Some(format!("{:?}", stream.accumulated().outcome()));
                        Ok(to_json(&stream.into_completion()))
                    }
                };
                replay.stream = Some(stats);
            }
        },
        Call::ResponsesStream(request) => match client.responses_stream(request).await {
            Err(error) => replay.result = Err(error),
            Ok(mut stream) => {
                replay.status = Some(stream.meta().status().as_u16());
                replay.generation_id = stream.meta().generation_id().map(str::to_owned);
                let mut stats = StreamStats::default();
                let mut failure = None;
                while let Some(event) = stream.next().await {
                    match event {
                        Ok(ResponsesStreamEvent::Event(_)) => stats.events += 1,
                        Ok(ResponsesStreamEvent::KeepAlive) => stats.keep_alives += 1,
                        Ok(ResponsesStreamEvent::Done) => stats.done = true,
                        Ok(other) => panic!("a stream event this test does not know: {other:?}"),
                        Err(error) => failure = Some(error),
                    }
                }
                let latest = stream.latest().map(to_json);
                replay.result = match failure {
                    Some(error) => {
                        stats.latest = latest;
                        Err(error)
                    }
                    None => Ok(latest.unwrap_or(Value::Null)),
                };
                replay.stream = Some(stats);
            }
        },
        _ => unreachable!("run_plain handles every non-streaming call"),
    }
    replay
}

fn to_json<T: serde::Serialize>(value: &T) -> Value {
    serde_json::to_value(value).expect("every response type serialises to JSON")
}
