//! Turns the environment and global flags into a ready [`Client`]: the key, the base URL,
//! attribution headers, and the in-process mock server when offline.

use openrouter_api::Client;
use openrouter_testkit::server::MockOpenRouter;

use crate::args::Connection;
use crate::exit::Failure;
use crate::offline;
use crate::output::Term;

/// Shown to OpenRouter as the app (`HTTP-Referer`), so the CLI's traffic is attributed to it.
const HOMEPAGE: &str = "https://github.com/openrouter-rs/openrouter-rs";
/// Shown to OpenRouter as the app's name (`X-OpenRouter-Title`).
const TITLE: &str = "openrouter-cli";

/// A client, and the mock server it talks to when offline (kept alive as long as the client).
#[derive(Debug)]
pub struct Connected {
    /// The client for every call of the command.
    pub client: Client,
    _mock: Option<MockOpenRouter>,
}

/// Whether a command needs an API key (public endpoints such as `/models` do not).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    /// Fail early with a message saying how to set one.
    Required,
    /// Send it if set.
    Optional,
}

/// Builds the client: offline (mock server over loopback, no key) or online (the key from
/// `OPENROUTER_API_KEY`, the base URL from `--base-url`/`OPENROUTER_BASE_URL`).
pub async fn connect(connection: &Connection, key: Key, term: Term) -> Result<Connected, Failure> {
    let builder = Client::builder()
        .http_referer(HOMEPAGE)
        .app_title(TITLE)
        .app_categories(["cli-agent"])
        .user_agent(concat!("openrouter-cli/", env!("CARGO_PKG_VERSION")));
    if connection.offline {
        let mock = offline::start_bundled().await?;
        term.note(&format!(
            "offline: answering from the bundled mock server at {} (recorded exchanges; no key, no network)",
            mock.base_url()
        ));
        // The mock ignores the key; a real one must not be sent anywhere it is not needed.
        let client = builder
            .base_url(mock.base_url())
            .api_key("offline-mock-key")
            .build()
            .map_err(|e| Failure::from_client(&e, false))?;
        return Ok(Connected {
            client,
            _mock: Some(mock),
        });
    }
    let mut builder = builder;
    match api_key_from_env("OPENROUTER_API_KEY") {
        Some(api_key) => builder = builder.api_key(api_key),
        None if key == Key::Required => return Err(Failure::no_api_key()),
        None => {}
    }
    // Management operations (keys, workspaces…) use it when set, as the library does.
    if let Some(key) = api_key_from_env("OPENROUTER_MANAGEMENT_KEY") {
        builder = builder.management_key(key);
    }
    if let Some(url) = connection
        .base_url
        .as_deref()
        .filter(|u| !u.trim().is_empty())
    {
        builder = builder.base_url(url);
    }
    let client = builder
        .build()
        .map_err(|e| Failure::from_client(&e, false))?;
    tracing::debug!(
        base_url = client.base_url(),
        has_key = client.has_api_key(),
        "client ready"
    );
    Ok(Connected {
        client,
        _mock: None,
    })
}

/// A key from the environment (`OPENROUTER_API_KEY`, `OPENROUTER_MANAGEMENT_KEY`), ignored
/// when empty. Read here and nowhere else, never through clap, whose help output would show an
/// `env` value.
fn api_key_from_env(name: &str) -> Option<String> {
    std::env::var(name)
        .ok()
        .map(|key| key.trim().to_owned())
        .filter(|key| !key.is_empty())
}
