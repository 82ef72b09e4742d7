//! Every stream that completes when whole, cut two thirds of the way through by the mock server:
//! the client must report a truncated stream and keep what arrived.

use futures::StreamExt;
use openrouter_api::{Error, RequestOptions};
use openrouter_testkit::FIXTURE_HEADER;
use openrouter_testkit::server::{MockOpenRouter, Pacing};
use serde_json::Value;

use super::call::Call;
use super::replay::{client, run};

#[test]
fn a_cut_stream_is_truncated_and_keeps_what_arrived() {
    let run = run();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a tokio runtime");
    let mut problems = Vec::new();
    let mut cut = 0;
    for replay in &run.replays {
        let (Some(_), Ok(full)) = (&replay.outcome.stream, &replay.outcome.result) else {
            continue;
        };
        let name = replay.fixture.name();
        let cut_after = replay.fixture.response().body().len() * 2 / 3;
        cut += 1;
        runtime.block_on(async {
            let server = MockOpenRouter::builder(run.set.clone())
                .pacing(Pacing::new().cut_after(cut_after))
                .start()
                .await
                .expect("the mock server starts");
            let client = client(&server.base_url())
                .with_options(RequestOptions::new().header(FIXTURE_HEADER, name));
            match replay.plan.call() {
                Call::ChatStream(request) => {
                    let mut stream = client.chat_stream(request).await.expect("headers arrive");
                    let mut last = None;
                    while let Some(event) = stream.next().await {
                        if let Err(e) = event {
                            last = Some(e);
                        }
                    }
                    match last {
                        Some(Error::TruncatedStream(e)) => {
                            let partial = e
                                .partial()
                                .and_then(|p| p.text())
                                .unwrap_or_default()
                                .to_owned();
                            let whole = full
                                .pointer("/choices/0/message/content")
                                .and_then(Value::as_str)
                                .unwrap_or_default();
                            if !whole.starts_with(&partial) {
                                problems.push(format!(
                                    "{name}: partial {partial:?} is not a prefix of {whole:?}"
                                ));
                            }
                        }
                        other => problems.push(format!(
                            "{name}: cut after {cut_after} bytes gave {other:?}"
                        )),
                    }
                }
                Call::ResponsesStream(request) => {
                    let mut stream = client
                        .responses_stream(request)
                        .await
                        .expect("headers arrive");
                    let mut last = None;
                    while let Some(event) = stream.next().await {
                        if let Err(e) = event {
                            last = Some(e);
                        }
                    }
                    if !matches!(last, Some(Error::TruncatedStream(_))) {
                        problems.push(format!("{name}: cut after {cut_after} bytes gave {last:?}"));
                    }
                    if stream.latest().is_none() {
                        problems.push(format!(
                            "{name}: the response snapshot received before the cut is lost (latest() is None)"
                        ));
                    }
                }
                other => problems.push(format!("{name}: a stream replayed by {}", other.name())),
            }
            server.shutdown().await;
        });
    }
    assert!(cut >= 8, "only {cut} streams were cut");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
