//! What every example shares: a client for the real API, or, with `--offline`, for the mock
//! OpenRouter of `openrouter-testkit` started inside the example, so each example runs with no
//! key and no network (CI runs every example that way: `cargo xtask examples`).
//!
//! Not an example itself: a folder without a `main.rs` is not one to cargo.

#![allow(dead_code)] // each example uses the parts it needs

use openrouter_api::{Client, RequestOptions};
use openrouter_testkit::FixtureSet;
use openrouter_testkit::server::MockOpenRouter;

/// A connected example: the client, the arguments other than `--offline`, and (offline) the
/// mock server, which stops when this is dropped.
pub struct Session {
    pub client: Client,
    pub args: Vec<String>,
    mock: Option<MockOpenRouter>,
}

impl Session {
    /// Whether the example talks to the bundled mock.
    pub fn offline(&self) -> bool {
        self.mock.is_some()
    }

    /// The client for a call that, offline, the mock answers from the fixture `name` (a path
    /// under `fixtures/` without `.json`, e.g. `chat/error_429`); online, the plain client.
    ///
    /// The mock picks a fixture by the `x-mock-fixture` header before anything else, which is
    /// how an offline example asks for a particular answer or failure.
    pub fn answered_by(&self, name: &str) -> Client {
        if self.offline() {
            self.client
                .with_options(RequestOptions::new().header("x-mock-fixture", name))
        } else {
            self.client.clone()
        }
    }

    /// The model to use: `OPENROUTER_MODEL`, else `default`.
    pub fn model(&self, default: &str) -> String {
        std::env::var("OPENROUTER_MODEL").unwrap_or_else(|_| default.to_owned())
    }
}

/// Connects as the command line asks: `--offline` starts the mock and points the client at it;
/// otherwise `Client::from_env()` reads `OPENROUTER_API_KEY` (and `OPENROUTER_BASE_URL`).
pub async fn connect() -> Result<Session, Box<dyn std::error::Error>> {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let offline = args.iter().any(|a| a == "--offline");
    args.retain(|a| a != "--offline");
    if !offline {
        let client = Client::from_env().map_err(|e| {
            format!("{e}\n(or run this example with `-- --offline` to use the bundled mock server)")
        })?;
        return Ok(Session {
            client,
            args,
            mock: None,
        });
    }
    let mock = MockOpenRouter::start(FixtureSet::bundled()).await?;
    eprintln!(
        "(offline: answers come from the bundled mock at {})",
        mock.base_url()
    );
    let client = Client::builder()
        .base_url(mock.base_url())
        .api_key("sk-or-v1-offline-example")
        .build()?;
    Ok(Session {
        client,
        args,
        mock: Some(mock),
    })
}
