//! Every fixture is exercised by the client, exactly once, and the client sends the request the
//! fixture recorded.

use http::{HeaderMap, HeaderName, HeaderValue};
use openrouter_testkit::{FixtureSet, RecordedRequest};
use serde_json::Value;

use super::call::Plan;
use super::replay::{Run, run};

/// The fixture the mock served for `request`: the same routing the server applied, headers
/// (and so `x-mock-fixture`) included.
fn served(set: &FixtureSet, request: &RecordedRequest) -> Result<String, String> {
    let mut headers = HeaderMap::new();
    for (name, value) in request.headers() {
        if let (Ok(name), Ok(value)) = (
            HeaderName::from_bytes(name.as_bytes()),
            HeaderValue::from_str(value),
        ) {
            headers.append(name, value);
        }
    }
    let mut target = request.path().to_owned();
    for (i, (key, value)) in request.query().iter().enumerate() {
        target.push(if i == 0 { '?' } else { '&' });
        target.push_str(&format!("{key}={value}"));
    }
    set.route(request.method(), &target, &headers, request.body())
        .map(|f| f.name().to_owned())
        .map_err(|e| e.to_string())
}

#[test]
fn every_fixture_is_served_to_the_client_exactly_once() {
    let Run {
        set,
        replays,
        unmapped,
    } = run();
    assert!(
        unmapped.is_empty(),
        "fixtures no client method replays:\n{}",
        unmapped.join("\n")
    );
    let mut problems = Vec::new();
    let mut hit = Vec::new();
    for replay in replays {
        let name = replay.fixture.name();
        if replay.sent.len() != 1 {
            problems.push(format!(
                "{name}: the client sent {} requests, expected exactly 1 (retries are off)",
                replay.sent.len()
            ));
        }
        for request in &replay.sent {
            match served(set, request) {
                Ok(served) if served == name => hit.push(served),
                Ok(served) => problems.push(format!("{name}: the request was served {served}")),
                Err(e) => problems.push(format!("{name}: the request reached no fixture: {e}")),
            }
        }
    }
    // The operations beyond the original endpoints are exercised by `operations.rs`.
    let all: Vec<&str> = set
        .iter()
        .filter(|f| !super::operations::handles(f))
        .map(|f| f.name())
        .collect();
    let missed: Vec<&&str> = all
        .iter()
        .filter(|n| !hit.iter().any(|h| h == *n))
        .collect();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    assert!(
        missed.is_empty(),
        "fixtures the client never reached: {missed:?}"
    );
    assert_eq!(hit.len(), all.len());
}

/// Which fixtures needed the `x-mock-fixture` header, and why: a shadowed fixture is fine, a
/// stand-in is a client method that does not exist yet.
#[test]
fn fixtures_selected_by_header() {
    let lines: Vec<String> = run()
        .replays
        .iter()
        .filter_map(|r| {
            r.header
                .as_ref()
                .map(|why| format!("{}: {why}", r.fixture.name()))
        })
        .collect();
    insta::with_settings!({snapshot_path => "../snapshots", prepend_module_to_snapshot => false}, {
        insta::assert_snapshot!("contract_selected_by_header", lines.join("\n"));
    });
}

/// The typed client, given the fixture's request as a typed value, sends what the fixture
/// recorded: method, path, query, `model` and streaming mode. For a fixture routing finds on its
/// own this is implied; for the ones selected by header it is the only check.
#[test]
fn the_client_sends_the_recorded_request() {
    let mut problems = Vec::new();
    for replay in &run().replays {
        if let Plan::StandIn(_) = replay.plan {
            continue;
        }
        let name = replay.fixture.name();
        let recorded = replay.fixture.request();
        let Some(sent) = replay.sent.first() else {
            continue;
        };
        if sent.method() != recorded.method() || decode(sent.path()) != recorded.path() {
            problems.push(format!(
                "{name}: sent {} {}, recorded {} {}",
                sent.method(),
                sent.path(),
                recorded.method(),
                recorded.path()
            ));
        }
        for pair in recorded.query() {
            if !sent.query().contains(pair) {
                problems.push(format!(
                    "{name}: query {pair:?} not sent; sent {:?}",
                    sent.query()
                ));
            }
        }
        let body = sent.body_json();
        let field = |key: &str| body.as_ref().and_then(|b| b.get(key)).cloned();
        if field("model").as_ref().and_then(Value::as_str) != recorded.model() {
            problems.push(format!(
                "{name}: model {:?}, recorded {:?}",
                field("model"),
                recorded.model()
            ));
        }
        if (field("stream") == Some(Value::Bool(true))) != recorded.is_stream() {
            problems.push(format!(
                "{name}: stream {:?}, recorded {}",
                field("stream"),
                recorded.is_stream()
            ));
        }
        // Every recorded body field reaches the wire (the typed request may add defaults).
        if let (Some(Value::Object(recorded)), Some(Value::Object(sent))) = (recorded.body(), &body)
        {
            for (key, value) in recorded {
                if !same_json(sent.get(key).unwrap_or(&Value::Null), value) {
                    problems.push(format!(
                        "{name}: body field `{key}` sent as {:?}, recorded {value}",
                        sent.get(key)
                    ));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// JSON equality as the wire means it: numbers by value (`10` is `10.0`), and a `null` field
/// the same as an absent one (fixtures/README.md).
fn same_json(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => x.as_f64() == y.as_f64(),
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(x, y)| same_json(x, y))
        }
        (Value::Object(x), Value::Object(y)) => x.keys().chain(y.keys()).all(|k| {
            same_json(
                x.get(k).unwrap_or(&Value::Null),
                y.get(k).unwrap_or(&Value::Null),
            )
        }),
        _ => a == b,
    }
}

/// `%3A` → `:`: clients differ in what they escape in a path, fixtures store it unescaped.
fn decode(path: &str) -> String {
    let bytes = path.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && let Some(byte) = path
                .get(i + 1..i + 3)
                .and_then(|hex| u8::from_str_radix(hex, 16).ok())
        {
            out.push(byte);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}
