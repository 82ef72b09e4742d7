//! The client's Limiter and Budget over wiremock: shared by clones, off by default, learning
//! from 429s and rate-limit headers, failing fast once the budget is spent.

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use openrouter_api::{Budget, Limiter};
use serde_json::json;
use wiremock::matchers::method;
use wiremock::{Mock, Request, Respond, ResponseTemplate};

use crate::support::{chat_request, client, server};

fn answer(cost: f64) -> serde_json::Value {
    json!({
        "id": "gen-1", "object": "chat.completion", "created": 1, "model": "openai/gpt-4o-mini",
        "choices": [{"index": 0, "finish_reason": "stop", "message": {"role": "assistant", "content": "ok"}}],
        "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2, "cost": cost}
    })
}

#[tokio::test]
async fn a_spent_budget_fails_fast_and_says_what_was_spent() {
    let server = server().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(200).set_body_json(answer(0.75)))
        .expect(2)
        .mount(&server)
        .await;
    let budget = Budget::new(1.0);
    let client = client(&server.uri()).with_budget(budget.clone());
    let clone = client.clone();
    client.chat(&chat_request()).await.expect("first call");
    clone
        .chat(&chat_request())
        .await
        .expect("the clone shares the budget: $0.75 < $1");
    let error = client.chat(&chat_request()).await.expect_err("spent");
    assert!(error.is_budget_exceeded(), "{error:?}");
    assert!(!error.is_retryable());
    assert_eq!(
        error.to_string(),
        "the cost budget of $1.0000 is reached ($1.5000 spent): the request was not sent; raise the budget to continue"
    );
    assert!((budget.spent() - 1.5).abs() < 1e-12);
}

/// Answers the first request with exhausted rate-limit headers, the rest with 200s; records
/// when each came.
struct Exhausted {
    seen: Arc<Mutex<Vec<Instant>>>,
}

impl Exhausted {
    /// A mock server answering with `Exhausted`, and the times its requests came.
    async fn mounted() -> (wiremock::MockServer, Arc<Mutex<Vec<Instant>>>) {
        let server = server().await;
        let seen = Arc::new(Mutex::new(Vec::new()));
        Mock::given(method("POST"))
            .respond_with(Exhausted {
                seen: Arc::clone(&seen),
            })
            .mount(&server)
            .await;
        (server, seen)
    }
}

impl Respond for Exhausted {
    fn respond(&self, _: &Request) -> ResponseTemplate {
        let mut seen = self.seen.lock().unwrap();
        seen.push(Instant::now());
        let mut template = ResponseTemplate::new(200).set_body_json(answer(0.0));
        if seen.len() == 1 {
            let reset = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap()
                .as_millis()
                + 600;
            template = template
                .insert_header("x-ratelimit-limit", "20")
                .insert_header("x-ratelimit-remaining", "0")
                .insert_header("x-ratelimit-reset", reset.to_string().as_str());
        }
        template
    }
}

#[tokio::test]
async fn exhausted_rate_limit_headers_pause_the_next_call_until_the_reset() {
    let (server, seen) = Exhausted::mounted().await;
    let client = client(&server.uri()).with_limiter(Limiter::new());
    client.chat(&chat_request()).await.expect("first call");
    client.chat(&chat_request()).await.expect("second call");
    let seen = seen.lock().unwrap();
    let gap = seen[1].duration_since(seen[0]);
    assert!(
        gap >= Duration::from_millis(450),
        "the second call went out after {gap:?}"
    );
}

#[tokio::test]
async fn without_a_limiter_nothing_waits() {
    let (server, seen) = Exhausted::mounted().await;
    let client = client(&server.uri());
    assert!(
        client.limiter().is_none() && client.budget().is_none(),
        "off by default"
    );
    client.chat(&chat_request()).await.expect("first call");
    client.chat(&chat_request()).await.expect("second call");
    let seen = seen.lock().unwrap();
    assert!(seen[1].duration_since(seen[0]) < Duration::from_millis(450));
}

#[tokio::test]
async fn the_rate_spaces_calls_after_the_burst() {
    let server = server().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(200).set_body_json(answer(0.0)))
        .expect(3)
        .mount(&server)
        .await;
    // 2 per 400 ms: a burst of two, then one every 200 ms.
    let limiter = Limiter::new().requests(2, Duration::from_millis(400));
    let client = client(&server.uri()).with_limiter(limiter);
    let start = Instant::now();
    for _ in 0..3 {
        client.chat(&chat_request()).await.expect("a call");
    }
    assert!(
        start.elapsed() >= Duration::from_millis(180),
        "{:?}",
        start.elapsed()
    );
}
