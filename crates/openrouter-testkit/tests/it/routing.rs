//! The routing rule of fixtures/README.md holds for the fixture set: defaults are unique, every
//! fixture answers its own recorded request unless it shares that request with its route's
//! default, and chat requests for any model get the demo.

use std::collections::BTreeMap;

use openrouter_testkit::{Fixture, FixtureSet};

fn route_of(fixture: &Fixture) -> String {
    let r = fixture.request();
    format!("{} {} stream={}", r.method(), r.path(), r.is_stream())
}

fn match_key(fixture: &Fixture) -> String {
    let r = fixture.request();
    format!(
        "{} model={:?} query={:?} last={:?}",
        route_of(fixture),
        r.model(),
        r.query(),
        r.last_message()
    )
}

#[test]
fn at_most_one_default_per_route() {
    let mut defaults: BTreeMap<String, Vec<&str>> = BTreeMap::new();
    let set = FixtureSet::bundled();
    for fixture in set.iter().filter(|f| f.is_default()) {
        defaults
            .entry(route_of(fixture))
            .or_default()
            .push(fixture.name());
    }
    let clashes: Vec<_> = defaults
        .iter()
        .filter(|(_, names)| names.len() > 1)
        .collect();
    assert!(
        clashes.is_empty(),
        "several defaults on one route: {clashes:?}"
    );
}

#[test]
fn every_fixture_answers_its_own_request_or_shares_it_with_the_default() {
    let set = FixtureSet::bundled();
    let none = http::HeaderMap::new();
    let mut unreachable = Vec::new();
    for fixture in &set {
        let request = fixture.request();
        let routed = set
            .route(
                request.method(),
                &request.path_and_query(),
                &none,
                request.body_bytes(),
            )
            .map(|f| f.name().to_owned());
        if routed.as_deref() == Ok(fixture.name()) {
            continue;
        }
        let shadowed_by_default = set.iter().any(|other| {
            other.is_default()
                && other.name() != fixture.name()
                && match_key(other) == match_key(fixture)
        });
        if !shadowed_by_default {
            unreachable.push(format!("{} routes to {routed:?}", fixture.name()));
        }
    }
    assert!(
        unreachable.is_empty(),
        "fixtures their own request does not reach:\n{}",
        unreachable.join("\n")
    );
}

#[test]
fn any_chat_model_gets_the_demo() {
    let set = FixtureSet::bundled();
    let none = http::HeaderMap::new();
    let path = "/api/v1/chat/completions";
    let stream = br#"{"model":"someone/brand-new-model","messages":[{"role":"user","content":"hi"}],"stream":true}"#;
    assert_eq!(
        set.route("POST", path, &none, stream).unwrap().name(),
        "chat/demo_stream"
    );
    let plain =
        br#"{"model":"someone/brand-new-model","messages":[{"role":"user","content":"hi"}]}"#;
    assert_eq!(
        set.route("POST", path, &none, plain).unwrap().name(),
        "chat/demo"
    );
    // Not JSON at all: still the non-streaming demo.
    assert_eq!(
        set.route("POST", path, &none, b"not json").unwrap().name(),
        "chat/demo"
    );
    // A model a fixture records exactly selects that fixture.
    let limited = br#"{"model":"deepseek/deepseek-chat-v3.1:free","messages":[]}"#;
    assert_eq!(
        set.route("POST", path, &none, limited).unwrap().name(),
        "chat/error_429"
    );
}

#[test]
fn query_selects_the_more_specific_fixture() {
    let set = FixtureSet::bundled();
    let none = http::HeaderMap::new();
    let name = |pq: &str| {
        set.route("GET", pq, &none, b"")
            .map(|f| f.name().to_owned())
    };
    assert_eq!(name("/api/v1/models").as_deref(), Ok("models/list"));
    assert_eq!(
        name("/api/v1/models?supported_parameters=tools").as_deref(),
        Ok("models/list_tools")
    );
    assert_eq!(
        name("/api/v1/models?limit=2&offset=0").as_deref(),
        Ok("models/list_page")
    );
    assert_eq!(
        name("/api/v1/models?category=legal").as_deref(),
        Ok("models/list")
    );
}

#[test]
fn escaped_paths_match_their_fixture() {
    let set = FixtureSet::bundled();
    let none = http::HeaderMap::new();
    let escaped = "/api/v1/model/openai/gpt%2D4o%2Dmini";
    assert_eq!(
        set.route("GET", escaped, &none, b"").unwrap().name(),
        "models/one"
    );
}

#[test]
fn unknown_requests_name_the_closest_fixture() {
    let set = FixtureSet::bundled();
    let none = http::HeaderMap::new();
    let miss = set.route("GET", "/api/v1/credit", &none, b"").unwrap_err();
    assert_eq!(miss.closest(), Some("credits/balance"));
    assert_eq!(
        miss.to_error_body(),
        r#"{"error":{"message":"no fixture for GET /api/v1/credit; closest: credits/balance (GET /api/v1/credits)","code":404}}"#
    );
    let mut headers = http::HeaderMap::new();
    headers.insert(
        openrouter_testkit::FIXTURE_HEADER,
        "chat/eror_429".parse().unwrap(),
    );
    let miss = set
        .route("POST", "/api/v1/chat/completions", &headers, b"")
        .unwrap_err();
    assert_eq!(miss.closest(), Some("chat/error_429"));
    assert!(
        miss.message().contains("no fixture named `chat/eror_429`"),
        "{miss}"
    );
}

#[test]
fn a_multi_step_exchange_is_routed_on_the_conversations_last_message() {
    let set = FixtureSet::bundled();
    let none = http::HeaderMap::new();
    let route = |messages: serde_json::Value| {
        let body = serde_json::json!({"model": "mockai/weather-agent", "messages": messages});
        set.route(
            "POST",
            "/api/v1/chat/completions",
            &none,
            body.to_string().as_bytes(),
        )
        .map(|f| f.name().to_owned())
    };
    let user = serde_json::json!({"role": "user", "content": "Weather in Lisbon?"});
    let call = serde_json::json!({"role": "assistant", "content": null, "tool_calls": [
        {"id": "call_weather_lisbon", "type": "function", "function": {"name": "get_weather", "arguments": "{}"}}]});
    let result =
        |id: &str| serde_json::json!({"role": "tool", "tool_call_id": id, "content": "{}"});

    assert_eq!(
        route(serde_json::json!([user])).unwrap(),
        "chat/agent_weather_step1"
    );
    assert_eq!(
        route(serde_json::json!([
            user,
            call,
            result("call_weather_lisbon")
        ]))
        .unwrap(),
        "chat/agent_weather_step2"
    );
    // A result for another call is not this exchange's second step: the route's default answers.
    assert_eq!(
        route(serde_json::json!([user, call, result("call_other")])).unwrap(),
        "chat/demo"
    );
}
