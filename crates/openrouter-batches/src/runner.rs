//! The runner: a `Stream` of requests in, a `Stream` of outcomes out, at most `concurrency`
//! in flight, each sent through the client's one call path (its retries, limiter and budget).

use futures::{Stream, StreamExt};
use openrouter_api::{Client, Error as ClientError};
use serde_json::value::RawValue;

use crate::input::BatchRequest;
use crate::output::OutputLine;

/// The default number of requests in flight.
pub const DEFAULT_CONCURRENCY: usize = 16;

/// What became of one request.
#[derive(Debug)]
#[non_exhaustive]
pub enum Outcome {
    /// A final answer: a success, or an API error that sending again would not change (400,
    /// 401, 402, 403, 404…). Append it to the output.
    Final(OutputLine),
    /// Still failing after the client's retries with an error that may pass (429, 5xx, a
    /// timeout, a connection cut after the request was sent, which is never resent within a
    /// run because the generation may have run): not final, the next run tries again.
    Failed {
        /// The request's id.
        custom_id: String,
        /// Why.
        error: ClientError,
    },
    /// Not sent: the client's cost budget was spent before it started.
    NotStarted {
        /// The request's id.
        custom_id: String,
        /// The budget error, which says what was spent.
        error: ClientError,
    },
}

impl Outcome {
    /// The request's id.
    pub fn custom_id(&self) -> &str {
        match self {
            Self::Final(line) => &line.custom_id,
            Self::Failed { custom_id, .. } | Self::NotStarted { custom_id, .. } => custom_id,
        }
    }
}

/// Runs requests through a client.
///
/// ```no_run
/// use futures::StreamExt;
/// use openrouter_batches::{BatchRequest, Endpoint, Outcome, Runner};
///
/// # async fn demo(client: openrouter_api::Client) {
/// let body = serde_json::value::RawValue::from_string(
///     r#"{"model":"openai/gpt-4o-mini","messages":[{"role":"user","content":"hi"}]}"#.into(),
/// ).unwrap();
/// let requests = futures::stream::iter([BatchRequest::new("q1", Endpoint::ChatCompletions, body)]);
/// let mut outcomes = Runner::new(client).concurrency(8).run(requests);
/// while let Some(outcome) = outcomes.next().await {
///     if let Outcome::Final(line) = outcome {
///         println!("{} → {}", line.custom_id, line.response.status_code);
///     }
/// }
/// # }
/// ```
#[derive(Debug, Clone)]
pub struct Runner {
    client: Client,
    concurrency: usize,
}

impl Runner {
    /// A runner over `client` (configure its limiter and budget on the client).
    pub fn new(client: Client) -> Self {
        Self {
            client,
            concurrency: DEFAULT_CONCURRENCY,
        }
    }

    /// At most `n` requests in flight (at least 1).
    #[must_use]
    pub fn concurrency(mut self, n: usize) -> Self {
        self.concurrency = n.max(1);
        self
    }

    /// Sends every request, yielding outcomes as they complete (not in input order). The
    /// input is pulled only as slots free up, so memory holds at most `concurrency` bodies.
    pub fn run<S>(&self, requests: S) -> impl Stream<Item = Outcome> + Send + 'static
    where
        S: Stream<Item = BatchRequest> + Send + 'static,
    {
        let client = self.client.clone();
        requests
            .map(move |request| send(client.clone(), request))
            .buffer_unordered(self.concurrency)
    }
}

/// Sends one request and classifies what came back.
pub async fn send(client: Client, request: BatchRequest) -> Outcome {
    let BatchRequest {
        custom_id,
        endpoint,
        body,
    } = request;
    let result = client
        .post_json::<_, Box<RawValue>>(endpoint.path(), &body)
        .await;
    drop(body);
    match result {
        Ok(response) => {
            let (body, meta) = response.into_parts();
            let generation = meta.generation_id().map(str::to_owned);
            Outcome::Final(OutputLine::new(
                &custom_id,
                meta.status().as_u16(),
                generation,
                body,
            ))
        }
        Err(error) => classify(custom_id, error),
    }
}

fn classify(custom_id: String, error: ClientError) -> Outcome {
    if error.is_budget_exceeded() {
        return Outcome::NotStarted { custom_id, error };
    }
    match error.api() {
        Some(api) if !error.is_retryable() => {
            let body = api
                .body()
                .and_then(|b| serde_json::value::to_raw_value(b).ok())
                .unwrap_or_else(|| envelope(api.status().as_u16(), api.message()));
            let generation = api.generation_id().map(str::to_owned);
            Outcome::Final(OutputLine::new(
                &custom_id,
                api.status().as_u16(),
                generation,
                body,
            ))
        }
        _ => Outcome::Failed { custom_id, error },
    }
}

/// OpenRouter's error envelope, for an error whose body was not JSON (an HTML page).
fn envelope(status: u16, message: &str) -> Box<RawValue> {
    let value = serde_json::json!({"error": {"code": status, "message": message}});
    serde_json::value::to_raw_value(&value).unwrap_or_else(|_| {
        RawValue::from_string("{}".to_owned()).unwrap_or_else(|_| unreachable!("`{{}}` is JSON"))
    })
}
