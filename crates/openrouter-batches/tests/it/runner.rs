//! The runner against wiremock and the raw fault server: final vs transient outcomes, the
//! limiter's shared pause on a 429, and the budget.

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use futures::StreamExt;
use openrouter_api::{Budget, Limiter};
use openrouter_batches::{Outcome, Runner};
use openrouter_testkit::raw::{self, RawServer, Step};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, Request, Respond, ResponseTemplate};

use crate::support::{answer, chat, client};

async fn run(runner: &Runner, ids: &[&str]) -> Vec<Outcome> {
    let requests: Vec<_> = ids.iter().map(|id| chat(id)).collect();
    runner.run(futures::stream::iter(requests)).collect().await
}

fn finals(outcomes: &[Outcome]) -> Vec<(String, u16)> {
    let mut finals: Vec<_> = outcomes
        .iter()
        .filter_map(|o| match o {
            Outcome::Final(line) => Some((line.custom_id.clone(), line.response.status_code)),
            _ => None,
        })
        .collect();
    finals.sort();
    finals
}

#[tokio::test]
async fn a_5xx_is_retried_then_the_answer_is_final() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/api/v1/chat/completions"))
        .respond_with(
            ResponseTemplate::new(502).set_body_json(
                serde_json::json!({"error": {"code": 502, "message": "provider down"}}),
            ),
        )
        .up_to_n_times(1)
        .with_priority(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/api/v1/chat/completions"))
        .respond_with(ResponseTemplate::new(200).set_body_json(answer(0.001)))
        .mount(&server)
        .await;
    let outcomes = run(&Runner::new(client(&server.uri())), &["a"]).await;
    assert_eq!(finals(&outcomes), [("a".to_owned(), 200)]);
    assert_eq!(server.received_requests().await.unwrap().len(), 2);
}

#[tokio::test]
async fn a_non_retryable_error_is_a_final_answer_with_its_body() {
    let server = MockServer::start().await;
    let error = serde_json::json!({"error": {"code": 400, "message": "bad model"}});
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(400).set_body_json(error))
        .expect(2)
        .mount(&server)
        .await;
    let outcomes = run(&Runner::new(client(&server.uri())), &["a", "b"]).await;
    assert_eq!(finals(&outcomes), [("a".into(), 400), ("b".into(), 400)]);
    let Outcome::Final(line) = &outcomes[0] else {
        unreachable!()
    };
    let body: serde_json::Value = serde_json::from_str(line.response.body.get()).unwrap();
    assert_eq!(body["error"]["message"], "bad model");
}

#[tokio::test]
async fn a_cut_connection_is_not_resent_within_the_run() {
    let head = raw::head(
        200,
        &[
            ("content-type", "application/json"),
            ("content-length", "500"),
        ],
    );
    let server = RawServer::start([vec![
        Step::send(head),
        Step::send(&b"{\"id\":\"gen-1\",\"choi"[..]),
        Step::Reset,
    ]])
    .await
    .unwrap();
    let base = server.base_url();
    let origin = base.strip_suffix("/api/v1").unwrap_or(&base);
    let outcomes = run(&Runner::new(client(origin)), &["a"]).await;
    match &outcomes[..] {
        [Outcome::Failed { custom_id, error }] => {
            assert_eq!(custom_id, "a");
            assert!(error.is_ambiguous(), "{error}");
        }
        other => panic!("expected one failure, got {other:?}"),
    }
    assert_eq!(
        server.received_requests().len(),
        1,
        "a generation that may have run is not resent"
    );
}

/// Answers 429 with `Retry-After: 1` to the first request, 200 after; records when each came.
struct Burst {
    seen: Arc<Mutex<Vec<Instant>>>,
}

impl Respond for Burst {
    fn respond(&self, _: &Request) -> ResponseTemplate {
        let mut seen = self.seen.lock().unwrap();
        seen.push(Instant::now());
        if seen.len() == 1 {
            ResponseTemplate::new(429)
                .insert_header("retry-after", "1")
                .set_body_json(serde_json::json!({"error": {"code": 429, "message": "slow down"}}))
        } else {
            ResponseTemplate::new(200).set_body_json(answer(0.0))
        }
    }
}

#[tokio::test]
async fn a_429_pauses_every_task_on_the_key() {
    let server = MockServer::start().await;
    let seen = Arc::new(Mutex::new(Vec::new()));
    Mock::given(method("POST"))
        .respond_with(Burst {
            seen: Arc::clone(&seen),
        })
        .mount(&server)
        .await;
    // One request in flight at a time, so every request after the 429 starts after it.
    let client = client(&server.uri()).with_limiter(Limiter::new().concurrency(1));
    let outcomes = run(&Runner::new(client).concurrency(4), &["a", "b", "c", "d"]).await;
    assert_eq!(finals(&outcomes).len(), 4, "{outcomes:?}");
    let seen = seen.lock().unwrap();
    assert_eq!(seen.len(), 5, "four answers and the one 429");
    for later in &seen[1..] {
        let gap = later.duration_since(seen[0]);
        assert!(
            gap >= Duration::from_millis(950),
            "a request went out {gap:?} after the 429"
        );
    }
}

#[tokio::test]
async fn the_budget_stops_new_requests_and_counts_earlier_spend() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(200).set_body_json(answer(0.4)))
        .mount(&server)
        .await;
    let budget = Budget::new(1.0);
    let runner = Runner::new(client(&server.uri()).with_budget(budget.clone())).concurrency(1);
    let outcomes = run(&runner, &["a", "b", "c", "d", "e"]).await;
    assert_eq!(finals(&outcomes).len(), 3, "0.4, 0.8, then 1.2 reaches $1");
    let refused: Vec<_> = outcomes
        .iter()
        .filter_map(|o| match o {
            Outcome::NotStarted { error, .. } => Some(error.to_string()),
            _ => None,
        })
        .collect();
    assert_eq!(refused.len(), 2);
    assert!(refused[0].contains("$1.2000 spent"), "{}", refused[0]);
    assert_eq!(server.received_requests().await.unwrap().len(), 3);

    // A rerun that read $0.70 spent from its output sends one request, not three.
    let resumed = Runner::new(client(&server.uri()).with_budget(Budget::new(1.0).with_spent(0.7)))
        .concurrency(1);
    let outcomes = run(&resumed, &["x", "y", "z"]).await;
    assert_eq!(finals(&outcomes).len(), 1);
    assert_eq!(server.received_requests().await.unwrap().len(), 4);
}
