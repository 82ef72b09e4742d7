//! The client handle: cheap to clone, built once, shared by every call.

use std::fmt;
use std::sync::Arc;

use http::HeaderMap;

use crate::retry::RetryHook;
use crate::{ApiKey, Budget, ClientBuilder, Error, Limiter, RequestOptions, RetryPolicy, Timeouts};

/// An OpenRouter client.
///
/// Build it once and clone it freely: clones share one connection pool and
/// configuration (an `Arc` inside). Every endpoint is a method; per-call
/// overrides go through [`with_options`](Self::with_options).
///
/// ```no_run
/// use openrouter_api::Client;
/// use openrouter_types::chat::{ChatRequest, Message};
///
/// # async fn demo() -> Result<(), openrouter_api::Error> {
/// let client = Client::from_env()?; // OPENROUTER_API_KEY, OPENROUTER_BASE_URL
/// let request = ChatRequest::new("openai/gpt-4o-mini", vec![Message::user("Say hi")]);
/// let completion = client.chat(&request).await?;
/// println!("{}", completion.text().unwrap_or_default());
/// # Ok(()) }
/// ```
#[derive(Clone)]
pub struct Client {
    pub(crate) inner: Arc<Inner>,
    pub(crate) options: Option<Arc<RequestOptions>>,
    /// The limiter and budget of this handle and its clones.
    pub(crate) guards: Guards,
}

/// A handle's optional [`Limiter`] and [`Budget`] (each shared by clones).
#[derive(Clone, Default)]
pub(crate) struct Guards {
    pub(crate) limiter: Option<Limiter>,
    pub(crate) budget: Option<Budget>,
}

pub(crate) struct Inner {
    pub(crate) http: reqwest::Client,
    pub(crate) base_url: String,
    pub(crate) api_key: Option<ApiKey>,
    /// For [`AuthKind::Management`](crate::operation::AuthKind::Management) operations; falls back to `api_key`.
    pub(crate) management_key: Option<ApiKey>,
    /// The base URL came from `OPENROUTER_BASE_URL`: errors then name it.
    pub(crate) base_url_from_env: bool,
    pub(crate) headers: HeaderMap,
    pub(crate) timeouts: Timeouts,
    pub(crate) retry: RetryPolicy,
    /// Told about each retry before its wait.
    pub(crate) on_retry: Option<RetryHook>,
    pub(crate) max_response_bytes: usize,
    pub(crate) max_event_bytes: usize,
}

impl Client {
    /// A builder.
    pub fn builder() -> ClientBuilder {
        ClientBuilder::new()
    }

    /// A client configured from `OPENROUTER_API_KEY` and `OPENROUTER_BASE_URL`
    /// (default `https://openrouter.ai/api/v1`). A missing key is not an
    /// error here: public endpoints work without one, and calls that need it
    /// fail with [`Error::Config`] saying so.
    pub fn from_env() -> Result<Self, Error> {
        ClientBuilder::from_env().build()
    }

    pub(crate) fn from_inner(inner: Arc<Inner>) -> Self {
        Self {
            inner,
            options: None,
            guards: Guards::default(),
        }
    }

    /// A handle that applies these overrides to every call made through it;
    /// it shares the connection pool and configuration with `self`. On a
    /// handle that already has options, the two merge
    /// ([`RequestOptions::merge`]): later values win field by field, headers
    /// and body fields accumulate.
    ///
    /// ```no_run
    /// # async fn demo(client: openrouter_api::Client) -> Result<(), openrouter_api::Error> {
    /// use std::time::Duration;
    /// use openrouter_api::RequestOptions;
    /// use openrouter_types::chat::{ChatRequest, Message};
    ///
    /// let request = ChatRequest::new("openai/gpt-4o-mini", vec![Message::user("hi")]);
    /// let options = RequestOptions::new()
    ///     .header("x-session-id", "conversation-42")
    ///     .timeout(Duration::from_secs(20))
    ///     .max_retries(0)
    ///     .capture_raw_body(true);
    /// let completion = client.with_options(options).chat(&request).await?;
    /// println!("{} bytes", completion.meta().raw_body().map_or(0, |b| b.len()));
    /// # Ok(()) }
    /// ```
    #[must_use]
    pub fn with_options(&self, options: RequestOptions) -> Self {
        let options = match &self.options {
            Some(earlier) => RequestOptions::clone(earlier).merge(options),
            None => options,
        };
        Self {
            inner: Arc::clone(&self.inner),
            options: Some(Arc::new(options)),
            guards: self.guards.clone(),
        }
    }

    /// A handle whose calls go through `limiter` (client-side rate and concurrency limits);
    /// it and its clones share the limiter and the connection pool with `self`. Off by
    /// default.
    ///
    /// ```no_run
    /// # async fn demo(client: openrouter_api::Client) -> Result<(), openrouter_api::Error> {
    /// use std::time::Duration;
    /// use openrouter_api::Limiter;
    /// let limiter = Limiter::new().concurrency(4);
    /// limiter.seed_from_key(client.key().await?.data()); // the key's own rate, if it has one
    /// let limited = client.with_limiter(limiter);
    /// # let _ = limited; Ok(()) }
    /// ```
    #[must_use]
    pub fn with_limiter(&self, limiter: Limiter) -> Self {
        let mut client = self.clone();
        client.guards.limiter = Some(limiter);
        client
    }

    /// A handle whose calls count against `budget`; once it is spent, new calls fail with
    /// [`Error::BudgetExceeded`] before they are sent. Off by default.
    #[must_use]
    pub fn with_budget(&self, budget: Budget) -> Self {
        let mut client = self.clone();
        client.guards.budget = Some(budget);
        client
    }

    /// The limiter of this handle, if any.
    pub fn limiter(&self) -> Option<&Limiter> {
        self.guards.limiter.as_ref()
    }

    /// The budget of this handle, if any.
    pub fn budget(&self) -> Option<&Budget> {
        self.guards.budget.as_ref()
    }

    /// The API root this client talks to.
    pub fn base_url(&self) -> &str {
        &self.inner.base_url
    }

    /// Whether an API key is configured.
    pub fn has_api_key(&self) -> bool {
        self.inner.api_key.is_some()
    }
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Client")
            .field("base_url", &self.inner.base_url)
            .field("api_key", &self.inner.api_key)
            .field("management_key", &self.inner.management_key)
            .field("timeouts", &self.inner.timeouts)
            .field("retry", &self.inner.retry)
            .field("max_response_bytes", &self.inner.max_response_bytes)
            .field("options", &self.options)
            .field("limiter", &self.guards.limiter)
            .field("budget", &self.guards.budget)
            .finish_non_exhaustive()
    }
}
