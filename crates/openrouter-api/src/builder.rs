//! Builds a [`Client`]: key, base URL, attribution, headers, limits, timeouts,
//! retries; validation happens in `build`, which never panics.

use std::fmt;
use std::sync::Arc;

use http::{HeaderMap, HeaderName, HeaderValue, header};

use crate::client::{Client, Inner};
use crate::error::Error;
use crate::retry::RetryHook;
use crate::{ApiKey, RetryNotice, RetryPolicy, Timeouts};

/// The API root used when none is configured.
pub const DEFAULT_BASE_URL: &str = "https://openrouter.ai/api/v1";

/// The default limit on a non-streaming response body: 64 MiB.
pub const DEFAULT_MAX_RESPONSE_BYTES: usize = 64 << 20;

/// The default limit on one stream event: 16 MiB (a long tool-call argument
/// or a base64 image arrives as one event).
pub const DEFAULT_MAX_EVENT_BYTES: usize = 16 << 20;

/// Configures and builds a [`Client`].
///
/// ```
/// use std::time::Duration;
/// use openrouter_api::{Client, RetryPolicy, Timeouts};
///
/// let client = Client::builder()
///     .api_key("sk-or-v1-example")
///     .http_referer("https://example.com")
///     .app_title("Example App")
///     .app_categories(["cli-agent"])
///     .timeouts(Timeouts::default().idle(Duration::from_secs(60)))
///     .retry_policy(RetryPolicy::default().max_retries(3))
///     .build()?;
/// # let _ = client;
/// # Ok::<(), openrouter_api::Error>(())
/// ```
#[derive(Default)]
pub struct ClientBuilder {
    api_key: Option<ApiKey>,
    management_key: Option<ApiKey>,
    base_url: Option<String>,
    base_url_from_env: bool,
    http_referer: Option<String>,
    app_title: Option<String>,
    app_categories: Vec<String>,
    router_metadata: bool,
    user_agent: Option<String>,
    headers: HeaderMap,
    invalid: Option<String>,
    timeouts: Timeouts,
    retry: RetryPolicy,
    on_retry: Option<RetryHook>,
    http: Option<reqwest::Client>,
    max_response_bytes: Option<usize>,
    max_event_bytes: Option<usize>,
}

impl fmt::Debug for ClientBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ClientBuilder")
            .field("api_key", &self.api_key)
            .field("management_key", &self.management_key)
            .field("base_url", &self.base_url)
            .field("timeouts", &self.timeouts)
            .field("retry", &self.retry)
            .finish_non_exhaustive()
    }
}

impl ClientBuilder {
    /// A builder with defaults and no key.
    pub fn new() -> Self {
        Self::default()
    }

    /// A builder seeded from `OPENROUTER_API_KEY`, `OPENROUTER_MANAGEMENT_KEY`
    /// and `OPENROUTER_BASE_URL` (each ignored when unset or empty).
    pub fn from_env() -> Self {
        let mut builder = Self::new();
        if let Some(key) = env_var("OPENROUTER_API_KEY") {
            builder = builder.api_key(key);
        }
        if let Some(key) = env_var("OPENROUTER_MANAGEMENT_KEY") {
            builder = builder.management_key(key);
        }
        if let Some(url) = env_var("OPENROUTER_BASE_URL") {
            builder = builder.base_url(url);
            builder.base_url_from_env = true;
        }
        builder
    }

    /// The management key, used for the management operations (keys,
    /// workspaces, guardrails, BYOK…; see
    /// [`AuthKind::Management`](crate::operation::AuthKind::Management)).
    /// Without it those operations send the API key, which works when the API
    /// key is itself a management key.
    #[must_use]
    pub fn management_key(mut self, key: impl Into<ApiKey>) -> Self {
        self.management_key = Some(key.into());
        self
    }

    /// The API key. Calls that need one fail with a configuration error when
    /// it is missing; `models`, `providers` and other public endpoints work
    /// without it.
    #[must_use]
    pub fn api_key(mut self, key: impl Into<ApiKey>) -> Self {
        self.api_key = Some(key.into());
        self
    }

    /// The API root (default [`DEFAULT_BASE_URL`]); a trailing `/` is ignored.
    #[must_use]
    pub fn base_url(mut self, url: impl Into<String>) -> Self {
        self.base_url = Some(url.into());
        self.base_url_from_env = false;
        self
    }

    /// `HTTP-Referer`: your app's URL, which identifies it in OpenRouter's rankings.
    #[must_use]
    pub fn http_referer(mut self, url: impl Into<String>) -> Self {
        self.http_referer = Some(url.into());
        self
    }

    /// `X-OpenRouter-Title` (also sent as the legacy `X-Title`): your app's name.
    #[must_use]
    pub fn app_title(mut self, title: impl Into<String>) -> Self {
        self.app_title = Some(title.into());
        self
    }

    /// `X-OpenRouter-Categories`: up to two of OpenRouter's app categories
    /// (`cli-agent`, `general-chat`, …); unknown values are dropped by the server.
    #[must_use]
    pub fn app_categories<I, S>(mut self, categories: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.app_categories = categories.into_iter().map(Into::into).collect();
        self
    }

    /// Sends `X-OpenRouter-Metadata: enabled`, so responses and errors carry
    /// `openrouter_metadata` (routing strategy, attempts, pipeline).
    #[must_use]
    pub fn router_metadata(mut self, enabled: bool) -> Self {
        self.router_metadata = enabled;
        self
    }

    /// The `User-Agent` (default `openrouter-api-rust/<version>`).
    #[must_use]
    pub fn user_agent(mut self, agent: impl Into<String>) -> Self {
        self.user_agent = Some(agent.into());
        self
    }

    /// A header sent with every request. Invalid names or values make
    /// [`build`](Self::build) fail.
    #[must_use]
    pub fn default_header(mut self, name: &str, value: &str) -> Self {
        match (
            HeaderName::from_bytes(name.as_bytes()),
            HeaderValue::from_str(value),
        ) {
            (Ok(name), Ok(mut value)) => {
                value.set_sensitive(crate::is_sensitive(&name));
                self.headers.insert(name, value);
            }
            _ => {
                self.invalid
                    .get_or_insert_with(|| format!("invalid default header `{name}`"));
            }
        }
        self
    }

    /// Headers sent with every request.
    #[must_use]
    pub fn default_headers(mut self, headers: HeaderMap) -> Self {
        for (name, mut value) in headers {
            if let Some(name) = name {
                value.set_sensitive(value.is_sensitive() || crate::is_sensitive(&name));
                self.headers.insert(name, value);
            }
        }
        self
    }

    /// Timeouts (see [`Timeouts`] for the defaults).
    #[must_use]
    pub fn timeouts(mut self, timeouts: Timeouts) -> Self {
        self.timeouts = timeouts;
        self
    }

    /// The retry policy (default: 2 retries; see [`RetryPolicy`]).
    #[must_use]
    pub fn retry_policy(mut self, policy: RetryPolicy) -> Self {
        self.retry = policy;
        self
    }

    /// Shorthand for the default retry policy with this many retries.
    #[must_use]
    pub fn max_retries(mut self, retries: u32) -> Self {
        self.retry = self.retry.max_retries(retries);
        self
    }

    /// Calls `hook` before each retry's wait with a [`RetryNotice`]: which
    /// attempt comes next and of how many, how long the client waits, and the
    /// failure that caused it. Use it to show waits that would otherwise look
    /// like a hang (a 429 honoured with a 40 s `Retry-After`).
    ///
    /// The hook runs on the task making the call, before the client sleeps:
    /// keep it quick (print, count, log). Per call,
    /// [`RequestOptions::on_retry`](crate::RequestOptions::on_retry) replaces it.
    ///
    /// ```
    /// use std::sync::Arc;
    /// use std::sync::atomic::{AtomicU32, Ordering};
    /// use openrouter_api::Client;
    ///
    /// let retries = Arc::new(AtomicU32::new(0));
    /// let counter = Arc::clone(&retries);
    /// let client = Client::builder()
    ///     .on_retry(move |notice| {
    ///         counter.fetch_add(1, Ordering::Relaxed);
    ///         eprintln!("{} {}: {notice}", notice.method(), notice.path());
    ///     })
    ///     .build()?;
    /// # let _ = client;
    /// # Ok::<(), openrouter_api::Error>(())
    /// ```
    #[must_use]
    pub fn on_retry(mut self, hook: impl Fn(&RetryNotice<'_>) + Send + Sync + 'static) -> Self {
        self.on_retry = Some(RetryHook::new(hook));
        self
    }

    /// Uses an existing `reqwest::Client` (shares its connection pool).
    ///
    /// Its own settings then apply to connecting and redirects: the connect
    /// timeout and the same-host redirect policy of this crate are only
    /// installed on clients it builds itself. (reqwest's default policy
    /// already drops `Authorization` on a cross-host redirect.) The other
    /// timeouts, retries and headers apply either way.
    #[must_use]
    pub fn http_client(mut self, client: reqwest::Client) -> Self {
        self.http = Some(client);
        self
    }

    /// The largest non-streaming response body accepted (default
    /// [`DEFAULT_MAX_RESPONSE_BYTES`], 64 MiB).
    #[must_use]
    pub fn max_response_bytes(mut self, bytes: usize) -> Self {
        self.max_response_bytes = Some(bytes);
        self
    }

    /// The largest single stream event accepted (default
    /// [`DEFAULT_MAX_EVENT_BYTES`], 16 MiB). A stream as a whole is not
    /// limited: it is consumed as it arrives.
    #[must_use]
    pub fn max_event_bytes(mut self, bytes: usize) -> Self {
        self.max_event_bytes = Some(bytes);
        self
    }

    /// Validates the configuration and builds the client.
    pub fn build(self) -> Result<Client, Error> {
        if let Some(invalid) = self.invalid {
            return Err(Error::config(invalid));
        }
        let base_url = self.base_url.as_deref().unwrap_or(DEFAULT_BASE_URL);
        let base_url = base_url.trim().trim_end_matches('/').to_owned();
        let parsed = reqwest::Url::parse(&base_url).map_err(|e| {
            Error::config_with(
                format!(
                    "invalid base URL `{base_url}`: expected something like {DEFAULT_BASE_URL}"
                ),
                e,
            )
        })?;
        if !matches!(parsed.scheme(), "http" | "https") || parsed.host_str().is_none() {
            return Err(Error::config(format!(
                "invalid base URL `{base_url}`: it must be an http or https URL with a host (check OPENROUTER_BASE_URL)"
            )));
        }
        if !parsed.username().is_empty() || parsed.password().is_some() {
            return Err(Error::config(
                "the base URL contains credentials: they would appear in logs and errors; pass the key with ClientBuilder::api_key instead",
            ));
        }
        for (key, name) in [
            (&self.api_key, "OPENROUTER_API_KEY"),
            (&self.management_key, "OPENROUTER_MANAGEMENT_KEY"),
        ] {
            if key.as_ref().is_some_and(|key| !key.is_valid_header()) {
                return Err(Error::config(format!(
                    "the key is empty or contains characters a header cannot carry: check {name}"
                )));
            }
        }

        let mut headers = HeaderMap::new();
        let user_agent = self.user_agent.unwrap_or_else(|| {
            concat!("openrouter-api-rust/", env!("CARGO_PKG_VERSION")).to_owned()
        });
        headers.insert(header::USER_AGENT, value("user agent", &user_agent)?);
        if let Some(referer) = &self.http_referer {
            headers.insert("http-referer", value("HTTP-Referer", referer)?);
        }
        if let Some(title) = &self.app_title {
            let title = value("app title", title)?;
            headers.insert("x-openrouter-title", title.clone());
            headers.insert("x-title", title);
        }
        if self.app_categories.len() > 2 {
            return Err(Error::config(format!(
                "{} app categories given: OpenRouter accepts at most 2 per request",
                self.app_categories.len()
            )));
        }
        if let Some(bad) = self.app_categories.iter().find(|c| {
            c.is_empty()
                || c.len() > 30
                || !c
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        }) {
            return Err(Error::config(format!(
                "invalid app category `{bad}`: categories are lowercase, hyphenated, at most 30 characters (e.g. cli-agent)"
            )));
        }
        if !self.app_categories.is_empty() {
            headers.insert(
                "x-openrouter-categories",
                value("app categories", &self.app_categories.join(","))?,
            );
        }
        if self.router_metadata {
            headers.insert("x-openrouter-metadata", HeaderValue::from_static("enabled"));
        }
        headers.extend(self.headers);

        let http = match self.http {
            Some(http) => http,
            None => reqwest::Client::builder()
                .connect_timeout(self.timeouts.connect)
                .redirect(crate::redirect::same_host_policy())
                .build()
                .map_err(|e| {
                    Error::config_with("could not initialise the HTTP client (TLS backend)", e)
                })?,
        };

        Ok(Client::from_inner(Arc::new(Inner {
            http,
            base_url,
            base_url_from_env: self.base_url_from_env,
            api_key: self.api_key,
            management_key: self.management_key,
            headers,
            timeouts: self.timeouts,
            retry: self.retry,
            on_retry: self.on_retry,
            max_response_bytes: self
                .max_response_bytes
                .unwrap_or(DEFAULT_MAX_RESPONSE_BYTES),
            max_event_bytes: self.max_event_bytes.unwrap_or(DEFAULT_MAX_EVENT_BYTES),
        })))
    }
}

fn env_var(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.trim().is_empty())
}

fn value(what: &str, text: &str) -> Result<HeaderValue, Error> {
    HeaderValue::from_str(text).map_err(|_| {
        Error::config(format!(
            "the {what} cannot be sent as a header: remove control characters and non-ASCII text"
        ))
    })
}
