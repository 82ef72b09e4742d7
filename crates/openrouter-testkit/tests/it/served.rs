//! Every fixture is served, byte for byte, by both the standalone server and wiremock; the
//! embedded copy matches the folder. A fixture no test can reach fails here.

use openrouter_testkit::server::MockOpenRouter;
use openrouter_testkit::{BodySource, FixtureSet, mount};

use crate::support::{assert_serves, client, fixtures_dir, send};

#[test]
fn bundled_set_is_the_fixture_folder() {
    let on_disk = FixtureSet::load_dir(fixtures_dir()).expect("fixtures/ loads");
    let bundled = FixtureSet::bundled();
    let names = |set: &FixtureSet| set.iter().map(|f| f.name().to_owned()).collect::<Vec<_>>();
    assert_eq!(
        names(&bundled),
        names(&on_disk),
        "rebuild the testkit after editing fixtures/"
    );
    for (a, b) in bundled.iter().zip(&on_disk) {
        assert_eq!(a, b, "bundled copy of {} is stale", a.name());
    }
    // Every folder the README promises has fixtures.
    for folder in [
        "chat",
        "models",
        "key",
        "credits",
        "generation",
        "keys",
        "embeddings",
        "responses",
        "providers",
        "endpoints",
    ] {
        assert!(
            !bundled.folder(folder).is_empty(),
            "no fixtures in {folder}/"
        );
    }
}

#[test]
fn streams_are_stored_as_sse_files() {
    for fixture in &FixtureSet::bundled() {
        let response = fixture.response();
        if response.is_event_stream() {
            assert!(
                matches!(response.body_source(), BodySource::File(file) if file.ends_with(".sse")),
                "{}: event streams live in a .sse file beside the exchange",
                fixture.name()
            );
        }
    }
}

#[tokio::test]
async fn every_fixture_is_served_by_the_mock_server() {
    let set = FixtureSet::bundled();
    let server = MockOpenRouter::start(set.clone())
        .await
        .expect("server starts");
    let client = client();
    for fixture in &set {
        let response = send(&client, &server.origin(), fixture, true)
            .send()
            .await
            .expect("request succeeds");
        assert_serves(response, fixture, "mock server, selected by header").await;
        // And without the header, unless its request is the route default's too.
        let request = fixture.request();
        let routed = set.route(
            request.method(),
            &request.path_and_query(),
            &http::HeaderMap::new(),
            request.body_bytes(),
        );
        if routed.is_ok_and(|f| f.name() == fixture.name()) {
            let response = send(&client, &server.origin(), fixture, false)
                .send()
                .await
                .expect("request succeeds");
            assert_serves(response, fixture, "mock server, routed").await;
        }
    }
    assert!(server.received_requests().len() > set.len());
    server.shutdown().await;
}

#[tokio::test]
async fn every_fixture_is_served_by_wiremock_alone() {
    let set = FixtureSet::bundled();
    let server = wiremock::MockServer::start().await;
    let client = client();
    for fixture in &set {
        server.reset().await;
        mount::fixture_mock(fixture).expect(1).mount(&server).await;
        let response = send(&client, &server.uri(), fixture, false)
            .send()
            .await
            .expect("request succeeds");
        assert_serves(response, fixture, "wiremock, strict mount").await;
        server.verify().await;
    }
}

#[tokio::test]
async fn every_routable_fixture_is_served_by_wiremock_set() {
    let set = FixtureSet::bundled();
    let server = wiremock::MockServer::start().await;
    mount::mount_set(&server, &set).await;
    mount::mount_catch_all(&server).await;
    let client = client();
    for fixture in &set {
        let response = send(&client, &server.uri(), fixture, true)
            .send()
            .await
            .expect("request succeeds");
        assert_serves(response, fixture, "wiremock set, selected by header").await;
    }
}
