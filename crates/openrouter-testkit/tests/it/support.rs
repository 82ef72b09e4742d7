//! Helpers shared by the tests: the fixture folder and a client that never uses a proxy.

use std::path::PathBuf;

use openrouter_testkit::{FIXTURE_HEADER, Fixture};

/// The workspace's `fixtures/` folder.
pub fn fixtures_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../fixtures")
}

/// A plain HTTP client; the tests only talk to 127.0.0.1.
pub fn client() -> reqwest::Client {
    // The mock refuses keyless requests to routes that need a key, as OpenRouter does.
    let mut headers = reqwest::header::HeaderMap::new();
    headers.insert(
        reqwest::header::AUTHORIZATION,
        reqwest::header::HeaderValue::from_static("Bearer test-key-not-secret"),
    );
    reqwest::Client::builder()
        .default_headers(headers)
        .no_proxy()
        .build()
        .expect("a plain HTTP client builds")
}

/// Sends `fixture`'s recorded request to `origin` (`http://127.0.0.1:PORT`), optionally
/// selecting the fixture by name with the header.
pub fn send(
    client: &reqwest::Client,
    origin: &str,
    fixture: &Fixture,
    select: bool,
) -> reqwest::RequestBuilder {
    let request = fixture.request();
    let method = reqwest::Method::from_bytes(request.method().as_bytes()).expect("valid method");
    let mut builder = client
        .request(method, format!("{origin}{}", request.path_and_query()))
        .header("authorization", "Bearer test-key-not-secret");
    for (name, value) in request.headers() {
        builder = builder.header(name.as_str(), value.as_str());
    }
    if select {
        builder = builder.header(FIXTURE_HEADER, fixture.name());
    }
    if request.body().is_some() {
        builder = builder.body(request.body_bytes().clone());
    }
    builder
}

/// Asserts that `response` is exactly `fixture`'s response: status, recorded headers, body bytes.
pub async fn assert_serves(response: reqwest::Response, fixture: &Fixture, via: &str) {
    let expected = fixture.response();
    assert_eq!(
        response.status().as_u16(),
        expected.status(),
        "{via}: status of {}",
        fixture.name()
    );
    for (name, value) in expected.headers() {
        let got = response
            .headers()
            .get(name.as_str())
            .map(|v| v.to_str().unwrap_or("<binary>"));
        assert_eq!(
            got,
            Some(value.as_str()),
            "{via}: header `{name}` of {}",
            fixture.name()
        );
    }
    let body = response
        .bytes()
        .await
        .unwrap_or_else(|e| panic!("{via}: body of {}: {e}", fixture.name()));
    assert!(
        body == expected.body(),
        "{via}: body of {} differs\n--- expected\n{}\n--- got\n{}",
        fixture.name(),
        String::from_utf8_lossy(expected.body()),
        String::from_utf8_lossy(&body)
    );
}
