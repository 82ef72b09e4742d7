//! Fixtures on a `wiremock::MockServer`: one fixture with strict matching, a folder or a whole
//! set with the shared routing rule, and the catch-all that names unexpected requests.

use wiremock::{Match, Mock, MockServer, Request, Respond, ResponseTemplate};

use crate::fixture::is_stream_body;
use crate::route::{decode_path, split_query};
use crate::{Fixture, FixtureSet, RecordedRequest};

/// Priority of the catch-all: wiremock's lowest, so every fixture wins over it.
const CATCH_ALL_PRIORITY: u8 = u8::MAX;

/// A `Mock` answering with `fixture` when a request matches it strictly: same method and path,
/// the fixture's query pairs present, same `stream` mode and, when the fixture's body has a
/// `model`, the same model and, for one step of a multi-step exchange (`"match_last_message":
/// true`), the same last message. The fixture's `default` flag plays no part.
///
/// Returned unmounted so a test can add `.expect(1)` or `.named(…)` first.
///
/// ```
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() {
/// use openrouter_testkit::{FixtureSet, mount};
///
/// let server = wiremock::MockServer::start().await;
/// let fixture = FixtureSet::bundled().get("chat/error_429").unwrap().clone();
/// mount::fixture_mock(&fixture).expect(1).mount(&server).await;
///
/// let response = reqwest::Client::new()
///     .post(format!("{}/api/v1/chat/completions", server.uri()))
///     .header("content-type", "application/json")
///     .body(fixture.request().body_bytes().clone())
///     .send()
///     .await
///     .unwrap();
/// assert_eq!(response.status(), 429);
/// assert_eq!(response.headers()["retry-after"], "30");
/// # }
/// ```
pub fn fixture_mock(fixture: &Fixture) -> Mock {
    Mock::given(StrictMatch(fixture.clone()))
        .respond_with(fixture_response(fixture))
        .named(fixture.name())
}

/// Mounts one fixture with [`fixture_mock`]'s strict matching.
pub async fn mount_fixture(server: &MockServer, fixture: &Fixture) {
    fixture_mock(fixture).mount(server).await;
}

/// Mounts every fixture of `set`, routed exactly as the standalone server routes them
/// (`fixtures/README.md`): a request for any chat model gets the demo answer, the
/// `x-mock-fixture` header selects a fixture by name. Requests no fixture answers fall through
/// (mount [`mount_catch_all`] to make them fail readably).
pub async fn mount_set(server: &MockServer, set: &FixtureSet) {
    // One mock for the whole set: routing once per request instead of once per fixture.
    Mock::given(Routable(set.clone()))
        .respond_with(Routed(set.clone()))
        .named("openrouter-testkit fixture set")
        .mount(server)
        .await;
}

/// Mounts the fixtures of one folder of `set` (`"chat"`, `"models"`, …) like [`mount_set`].
pub async fn mount_folder(server: &MockServer, set: &FixtureSet, folder: &str) {
    mount_set(server, &set.folder(folder)).await;
}

/// Mounts a lowest-priority mock answering every otherwise unmatched request with
/// `500 unexpected request: METHOD /path?query`, so a misrouted call fails with a message that
/// says what was sent instead of wiremock's bare 404.
///
/// ```
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() {
/// let server = wiremock::MockServer::start().await;
/// openrouter_testkit::mount::mount_catch_all(&server).await;
/// let response = reqwest::get(format!("{}/api/v1/nope", server.uri())).await.unwrap();
/// assert_eq!(response.status(), 500);
/// assert_eq!(response.text().await.unwrap(), "unexpected request: GET /api/v1/nope");
/// # }
/// ```
pub async fn mount_catch_all(server: &MockServer) {
    Mock::given(wiremock::matchers::any())
        .respond_with(CatchAll)
        .with_priority(CATCH_ALL_PRIORITY)
        .named("catch-all: unexpected request")
        .mount(server)
        .await;
}

/// Every request `server` received, as [`RecordedRequest`]s (empty if recording is off).
pub async fn received_requests(server: &MockServer) -> Vec<RecordedRequest> {
    server
        .received_requests()
        .await
        .unwrap_or_default()
        .iter()
        .map(RecordedRequest::from)
        .collect()
}

/// The fixture's response as a wiremock template: status, headers, exact body bytes.
///
/// For mocks that need matchers, priorities or delays of their own, such as a retry
/// sequence whose second answer comes from another fixture than the one the request
/// matches:
///
/// ```
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() {
/// use std::time::Duration;
/// use openrouter_testkit::FixtureSet;
/// use openrouter_testkit::mount::fixture_response;
/// use wiremock::matchers::{method, path};
/// use wiremock::{Mock, MockServer};
///
/// let set = FixtureSet::bundled();
/// let server = MockServer::start().await;
/// Mock::given(method("POST"))
///     .and(path("/api/v1/chat/completions"))
///     .respond_with(fixture_response(set.get("chat/error_502").unwrap()))
///     .up_to_n_times(1)
///     .mount(&server)
///     .await;
/// Mock::given(method("POST"))
///     .and(path("/api/v1/chat/completions"))
///     .respond_with(fixture_response(set.get("chat/demo").unwrap()).set_delay(Duration::from_millis(10)))
///     .mount(&server)
///     .await;
/// # }
/// ```
pub fn fixture_response(fixture: &Fixture) -> ResponseTemplate {
    let response = fixture.response();
    let mut template = ResponseTemplate::new(response.status())
        .set_body_raw(response.body().to_vec(), response.content_type());
    for (name, value) in response.headers() {
        if name != "content-type" {
            template = template.append_header(name.as_str(), value.as_str());
        }
    }
    template
}

struct StrictMatch(Fixture);

impl Match for StrictMatch {
    fn matches(&self, request: &Request) -> bool {
        let expected = self.0.request();
        if request.method.as_str() != expected.method()
            || decode_path(request.url.path()) != expected.path()
        {
            return false;
        }
        let (_, query) = split_query(&format!("?{}", request.url.query().unwrap_or_default()));
        if !expected.query().iter().all(|pair| query.contains(pair)) {
            return false;
        }
        let body: Option<serde_json::Value> = serde_json::from_slice(&request.body).ok();
        if body.as_ref().is_some_and(is_stream_body) != expected.is_stream()
            || !expected.matches_conversation(body.as_ref())
        {
            return false;
        }
        match expected.model() {
            Some(model) => {
                body.as_ref()
                    .and_then(|b| b.get("model"))
                    .and_then(|m| m.as_str())
                    == Some(model)
            }
            None => true,
        }
    }
}

/// Matches requests some fixture of the set answers.
struct Routable(FixtureSet);

impl Match for Routable {
    fn matches(&self, request: &Request) -> bool {
        route(&self.0, request).is_some()
    }
}

/// Answers with the fixture the set routes the request to.
struct Routed(FixtureSet);

impl Respond for Routed {
    fn respond(&self, request: &Request) -> ResponseTemplate {
        match route(&self.0, request) {
            Some(fixture) => fixture_response(fixture),
            // Unreachable while `Routable` guards this responder; answer like the server would.
            None => ResponseTemplate::new(404),
        }
    }
}

fn route<'a>(set: &'a FixtureSet, request: &Request) -> Option<&'a Fixture> {
    let path_and_query = match request.url.query() {
        Some(query) => format!("{}?{query}", request.url.path()),
        None => request.url.path().to_owned(),
    };
    set.route(
        request.method.as_str(),
        &path_and_query,
        &request.headers,
        &request.body,
    )
    .ok()
}

struct CatchAll;

impl Respond for CatchAll {
    fn respond(&self, request: &Request) -> ResponseTemplate {
        let mut target = request.url.path().to_owned();
        if let Some(query) = request.url.query() {
            target.push('?');
            target.push_str(query);
        }
        ResponseTemplate::new(500).set_body_raw(
            format!("unexpected request: {} {target}", request.method),
            "text/plain; charset=utf-8",
        )
    }
}
