//! What is sent again: each class of operation against each point at which
//! an attempt can fail, counted in requests the server saw. The expected
//! counts are the table in `openrouter_api::operation::RetryClass`.

use std::time::Duration;

use openrouter_api::operation::{self, RetryClass};
use openrouter_api::{Client, Error, RequestOptions, RetryPolicy};
use openrouter_testkit::raw::{Step, head, response};
use openrouter_types::keys::CreateKeyRequest;

use super::bounded;
use crate::support::{self, RawServer, request};

/// Three attempts at most: one and two retries.
const ATTEMPTS: usize = 3;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    /// `GET /key`.
    Idempotent,
    /// `POST /chat/completions`.
    Inference,
    /// `POST /keys`.
    NotIdempotent,
}

#[derive(Debug, Clone, Copy)]
enum Failure {
    /// Nothing listens: the request never leaves.
    BeforeWrite,
    /// The server reads the request and resets the connection.
    AfterWriteNoStatus,
    /// A 500 without `Retry-After`.
    Status500,
    /// A 429 (rate limited: the server did not act).
    Status429,
    /// A 503 with `Retry-After`.
    Status503RetryAfter,
    /// A 200 whose body stops halfway (content-length promised more).
    CutBody,
}

/// The table: how many requests reach the server (or, before write, how
/// many attempts are made) for a class and a failure, without opt-in.
fn expected(class: Class, failure: Failure) -> usize {
    use Class::*;
    use Failure::*;
    match (class, failure) {
        (_, BeforeWrite) => ATTEMPTS,
        (Idempotent, _) => ATTEMPTS,
        (Inference, Status500 | Status429 | Status503RetryAfter) => ATTEMPTS,
        (Inference, AfterWriteNoStatus | CutBody) => 1,
        (NotIdempotent, Status429 | Status503RetryAfter) => ATTEMPTS,
        (NotIdempotent, Status500 | AfterWriteNoStatus | CutBody) => 1,
    }
}

fn script(failure: Failure, class: Class) -> Vec<Step> {
    let json = [("content-type", "application/json")];
    match failure {
        Failure::BeforeWrite => vec![],
        Failure::AfterWriteNoStatus => vec![Step::Reset],
        Failure::Status500 => vec![Step::send(response(
            500,
            &json,
            br#"{"error":{"code":500,"message":"Internal Server Error"}}"#,
        ))],
        Failure::Status429 => vec![Step::send(response(
            429,
            &[("content-type", "application/json"), ("retry-after", "0")],
            br#"{"error":{"code":429,"message":"Rate limit exceeded"}}"#,
        ))],
        Failure::Status503RetryAfter => vec![Step::send(response(
            503,
            &[("content-type", "application/json"), ("retry-after", "0")],
            br#"{"error":{"code":503,"message":"Service Unavailable"}}"#,
        ))],
        Failure::CutBody => {
            let body: &[u8] = match class {
                Class::Inference => {
                    br#"{"id":"gen-1764000000-cutcutcutcutcutcutcu","object":"chat.completion","#
                }
                _ => br#"{"data":{"label":"sk-or-v1-abc...def","#,
            };
            let length = (body.len() + 200).to_string();
            let mut bytes = head(
                200,
                &[
                    ("content-type", "application/json"),
                    ("content-length", &length),
                    ("x-generation-id", "gen-1764000000-cutcutcutcutcutcutcu"),
                ],
            );
            bytes.extend_from_slice(body);
            vec![Step::send(bytes), Step::Reset]
        }
    }
}

fn client(base_url: &str, ambiguous: bool) -> Client {
    let client = Client::builder()
        .api_key(support::test_key())
        .base_url(base_url)
        .retry_policy(
            RetryPolicy::default()
                .max_retries(2)
                .initial_backoff(Duration::from_millis(2)),
        )
        .build()
        .unwrap();
    if ambiguous {
        client.with_options(RequestOptions::new().retry_ambiguous(true))
    } else {
        client
    }
}

async fn call(client: &Client, class: Class) -> Error {
    match class {
        Class::Idempotent => client.key().await.map(drop),
        Class::Inference => client.chat(&request()).await.map(drop),
        Class::NotIdempotent => client
            .create_key(&CreateKeyRequest::new("twice?"))
            .await
            .map(drop),
    }
    .expect_err("every scripted answer fails")
}

/// Runs one cell: the requests the server saw and the error.
async fn run(class: Class, failure: Failure, ambiguous: bool) -> (usize, Error) {
    if let Failure::BeforeWrite = failure {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        drop(listener);
        let client = client(&format!("http://127.0.0.1:{port}/api/v1"), ambiguous);
        let error = call(&client, class).await;
        return (error.attempts().len(), error);
    }
    let server = RawServer::start(vec![script(failure, class); ATTEMPTS])
        .await
        .unwrap();
    let client = client(&server.base_url(), ambiguous);
    let error = call(&client, class).await;
    (server.received_requests().len(), error)
}

const CLASSES: [Class; 3] = [Class::Idempotent, Class::Inference, Class::NotIdempotent];
const FAILURES: [Failure; 6] = [
    Failure::BeforeWrite,
    Failure::AfterWriteNoStatus,
    Failure::Status500,
    Failure::Status429,
    Failure::Status503RetryAfter,
    Failure::CutBody,
];

#[tokio::test]
async fn each_class_is_resent_exactly_as_the_table_says() {
    bounded(async {
        let mut table = String::from("failure \\ class");
        for class in CLASSES {
            table.push_str(&format!(" | {class:?}"));
        }
        let mut wrong = Vec::new();
        for failure in FAILURES {
            table.push_str(&format!("\n{failure:?}"));
            for class in CLASSES {
                let (sent, error) = run(class, failure, false).await;
                table.push_str(&format!(" | {sent}"));
                if sent != expected(class, failure) {
                    wrong.push(format!(
                        "{class:?} × {failure:?}: {sent} requests, expected {} ({error})",
                        expected(class, failure)
                    ));
                }
            }
        }
        println!("{table}");
        assert!(wrong.is_empty(), "{}\n\n{table}", wrong.join("\n"));
    })
    .await;
}

#[tokio::test]
async fn what_was_held_back_says_so_and_names_the_generation() {
    bounded(async {
        let (_, error) = run(Class::Inference, Failure::CutBody, false).await;
        assert!(error.is_ambiguous(), "{error:?}");
        assert_eq!(
            error.phase(),
            Some(openrouter_api::Phase::ReadingBody),
            "{error:?}"
        );
        let message = error.to_string();
        for needle in [
            "chat completion request may have been processed",
            "gen-1764000000-cutcutcutcutcutcutcu",
            "GET /generation?id=",
            "RequestOptions::retry_ambiguous",
        ] {
            assert!(
                message.contains(needle),
                "`{needle}` missing from: {message}"
            );
        }
        let (_, error) = run(Class::NotIdempotent, Failure::AfterWriteNoStatus, false).await;
        assert!(error.is_ambiguous());
        assert!(
            error
                .to_string()
                .contains("created key request may have been processed"),
            "{error}"
        );
        // What never left is not ambiguous, and its message names where it was going.
        let (_, error) = run(Class::Inference, Failure::BeforeWrite, false).await;
        assert!(!error.is_ambiguous());
        let message = error.to_string();
        assert!(
            message.contains("could not connect to http://127.0.0.1:"),
            "{message}"
        );
        assert!(message.contains("connection refused"), "{message}");
        assert!(!message.contains("OPENROUTER_BASE_URL"), "{message}");
    })
    .await;
}

#[tokio::test]
async fn the_opt_in_resends_what_may_have_been_processed() {
    bounded(async {
        for class in [Class::Inference, Class::NotIdempotent] {
            for failure in [
                Failure::AfterWriteNoStatus,
                Failure::CutBody,
                Failure::Status500,
            ] {
                let (sent, error) = run(class, failure, true).await;
                assert_eq!(sent, ATTEMPTS, "{class:?} × {failure:?}: {error}");
            }
        }
    })
    .await;
}

#[test]
fn the_declared_classes_are_the_ones_tested() {
    assert_eq!(operation::KEY.retry, RetryClass::Idempotent);
    assert_eq!(operation::CHAT_COMPLETIONS.retry, RetryClass::Inference);
    assert_eq!(operation::CREATE_KEY.retry, RetryClass::NotIdempotent);
    // Every write that is not a generation or an idempotent update is declared one way or the
    // other on purpose: reads and deletes are idempotent.
    for op in operation::ALL {
        if matches!(op.method.as_str(), "GET" | "PUT" | "DELETE") {
            assert_eq!(op.retry, RetryClass::Idempotent, "{op}");
        }
    }
}
