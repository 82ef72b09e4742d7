//! Turns the environment and global flags into a ready [`Client`]: the key, the base URL,
//! attribution headers, retries and timeouts (each retry announced on stderr), and the
//! in-process mock server when offline.

use std::ffi::OsStr;

use openrouter_api::{Client, ClientBuilder, RetryPolicy, Timeouts};
use openrouter_testkit::server::MockOpenRouter;

use crate::args::Connection;
use crate::exit::Failure;
use crate::output::Term;
use crate::{notice, offline};

/// Shown to OpenRouter as the app (`HTTP-Referer`) unless overridden: the project's repository,
/// from Cargo metadata (empty metadata sends no header).
const HOMEPAGE: &str = env!("CARGO_PKG_REPOSITORY");
/// Shown to OpenRouter as the app's name (`X-OpenRouter-Title`, `X-Title`) unless overridden.
const TITLE: &str = "openrouter-cli";

/// How OpenRouter attributes the CLI's requests: `None` sends no header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attribution {
    /// `HTTP-Referer`.
    pub url: Option<String>,
    /// `X-OpenRouter-Title` and `X-Title`.
    pub title: Option<String>,
}

/// The attribution to send: `OPENROUTER_APP_URL` / `OPENROUTER_APP_TITLE` when set, else the
/// config file's `app_url` / `app_title` (passed in by the caller that read it), else the
/// defaults. An empty value at any level turns that header off.
pub fn attribution(config_url: Option<&str>, config_title: Option<&str>) -> Attribution {
    Attribution {
        url: pick(
            std::env::var_os("OPENROUTER_APP_URL").as_deref(),
            config_url,
            HOMEPAGE,
        ),
        title: pick(
            std::env::var_os("OPENROUTER_APP_TITLE").as_deref(),
            config_title,
            TITLE,
        ),
    }
}

fn pick(env: Option<&OsStr>, config: Option<&str>, default: &str) -> Option<String> {
    let chosen = match (env, config) {
        (Some(value), _) => value.to_string_lossy().trim().to_owned(),
        (None, Some(value)) => value.trim().to_owned(),
        (None, None) => default.trim().to_owned(),
    };
    (!chosen.is_empty()).then_some(chosen)
}

/// The builder's attribution, retry and timeout settings from the global flags.
fn configure(
    mut builder: ClientBuilder,
    connection: &Connection,
    app: Attribution,
) -> ClientBuilder {
    if let Some(url) = app.url {
        builder = builder.http_referer(url);
    }
    if let Some(title) = app.title {
        builder = builder.app_title(title);
    }
    let mut retry = RetryPolicy::default();
    if let Some(retries) = connection.max_retries {
        retry = retry.max_retries(retries);
    }
    let mut timeouts = Timeouts::default();
    if let Some(limit) = connection.timeout {
        timeouts = timeouts
            .connect(timeouts.get_connect().min(limit))
            .response_headers(limit);
        if connection.streams {
            // The answer may stream for minutes once it starts: bound only the start (each
            // attempt's wait for an answer, and no retry begins or waits past the limit).
            retry = retry.deadline(limit);
        } else {
            timeouts = timeouts.total(limit);
        }
    }
    builder
        .retry_policy(retry)
        .timeouts(timeouts)
        .on_retry(notice::on_retry)
}

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
        .app_categories(["cli-agent"])
        .user_agent(concat!("openrouter-cli/", env!("CARGO_PKG_VERSION")));
    // Every command reads the config file's attribution; a malformed file is reported here
    // rather than silently ignored.
    let config = crate::config::Config::load()?;
    let app = attribution(config.app_url.as_deref(), config.app_title.as_deref());
    let builder = configure(builder, connection, app);
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

#[cfg(test)]
mod tests {
    use std::ffi::OsStr;

    use super::pick;

    #[test]
    fn the_environment_wins_over_the_config_file_which_wins_over_the_default() {
        let env = Some(OsStr::new("https://env.example"));
        let config = Some("https://config.example");
        let default = "https://default.example";
        assert_eq!(
            pick(env, config, default).as_deref(),
            Some("https://env.example")
        );
        assert_eq!(
            pick(None, config, default).as_deref(),
            Some("https://config.example")
        );
        assert_eq!(pick(None, None, default).as_deref(), Some(default));
        // Empty at any level: no header.
        assert_eq!(pick(Some(OsStr::new("")), config, default), None);
        assert_eq!(pick(None, Some(" "), default), None);
        assert_eq!(pick(None, None, ""), None);
    }
}
