//! OAuth PKCE: create an authorization code (`POST /auth/keys/code`) and exchange one for
//! a user-controlled API key (`POST /auth/keys`).
//!
//! The key the exchange returns is a [`KeySecret`]. The authorization code
//! and the PKCE `code_verifier` are credentials too (together they mint a
//! key), so they are [`KeySecret`]s as well and never reach `Debug`.
//!
//! ```
//! use openrouter_types::oauth::{CodeChallengeMethod, ExchangeAuthCodeRequest, ExchangeAuthCodeResponse};
//! let exchange = ExchangeAuthCodeRequest::new("auth_code_REDACTED")
//!     .code_verifier("verifier-REDACTED", CodeChallengeMethod::S256);
//! assert_eq!(
//!     serde_json::to_value(&exchange)?,
//!     serde_json::json!({"code": "auth_code_REDACTED", "code_challenge_method": "S256",
//!                        "code_verifier": "verifier-REDACTED"})
//! );
//! assert!(!format!("{exchange:?}").contains("REDACTED"));
//!
//! let answer: ExchangeAuthCodeResponse = serde_json::from_str(
//!     r#"{"key":"sk-or-v1-REDACTED","user_id":"user_2yOPcMpKoQhcd4bVgSMlELRaIah"}"#,
//! )?;
//! assert_eq!(format!("{:?}", answer.key), "KeySecret(<redacted>)");
//! assert_eq!(answer.key.expose(), "sk-or-v1-REDACTED");
//! # Ok::<(), serde_json::Error>(())
//! ```

use serde::{Deserialize, Serialize};

use crate::Extra;
use crate::key::LimitReset;
use crate::keys::KeySecret;
use crate::open_enum::open_enum;

open_enum! {
    /// How the PKCE `code_challenge` was derived from the `code_verifier`.
    pub enum CodeChallengeMethod {
        /// `BASE64URL(SHA256(verifier))` (recommended).
        S256 = "S256",
        /// The verifier itself.
        Plain = "plain",
    }
}

/// `POST /auth/keys/code` body (answer: [`Data`](crate::Data)`<`[`AuthCode`]`>`).
/// Fields in the spec's order.
///
/// ```
/// use openrouter_types::oauth::{CodeChallengeMethod, CreateAuthCodeRequest};
/// let request = CreateAuthCodeRequest::new("https://myapp.com/auth/callback")
///     .code_challenge("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", CodeChallengeMethod::S256)
///     .limit(100.0);
/// assert_eq!(
///     serde_json::to_value(&request)?,
///     serde_json::json!({"callback_url": "https://myapp.com/auth/callback",
///                        "code_challenge": "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
///                        "code_challenge_method": "S256", "limit": 100.0})
/// );
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CreateAuthCodeRequest {
    /// Where to redirect after authorization (https, or localhost on any port).
    pub callback_url: String,
    /// PKCE code challenge.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code_challenge: Option<String>,
    /// How the challenge was derived.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code_challenge_method: Option<CodeChallengeMethod>,
    /// Expiry of the key to create (ISO 8601 date-time).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires_at: Option<String>,
    /// Label of the key to create (default: the app's name).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key_label: Option<String>,
    /// Credit limit of the key to create, USD.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<f64>,
    /// Agent identifier for spawn telemetry.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub spawn_agent: Option<String>,
    /// Cloud identifier for spawn telemetry.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub spawn_cloud: Option<String>,
    /// How often the key's limit resets.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub usage_limit_type: Option<LimitReset>,
    /// Workspace of the key to create.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub workspace_id: Option<String>,
    /// Fields this version does not model, sent as is.
    #[serde(flatten)]
    pub extra: Extra,
}

impl CreateAuthCodeRequest {
    /// A code that redirects to `callback_url`.
    pub fn new(callback_url: impl Into<String>) -> Self {
        Self {
            callback_url: callback_url.into(),
            code_challenge: None,
            code_challenge_method: None,
            expires_at: None,
            key_label: None,
            limit: None,
            spawn_agent: None,
            spawn_cloud: None,
            usage_limit_type: None,
            workspace_id: None,
            extra: Extra::new(),
        }
    }

    /// Sets the PKCE challenge and how it was derived.
    #[must_use]
    pub fn code_challenge(
        mut self,
        challenge: impl Into<String>,
        method: impl Into<CodeChallengeMethod>,
    ) -> Self {
        self.code_challenge = Some(challenge.into());
        self.code_challenge_method = Some(method.into());
        self
    }

    /// Sets `expires_at` (ISO 8601 date-time).
    #[must_use]
    pub fn expires_at(mut self, at: impl Into<String>) -> Self {
        self.expires_at = Some(at.into());
        self
    }

    /// Sets `key_label`.
    #[must_use]
    pub fn key_label(mut self, label: impl Into<String>) -> Self {
        self.key_label = Some(label.into());
        self
    }

    /// Sets the key's credit limit in USD.
    #[must_use]
    pub fn limit(mut self, usd: f64) -> Self {
        self.limit = Some(usd);
        self
    }

    /// Sets `spawn_agent`.
    #[must_use]
    pub fn spawn_agent(mut self, agent: impl Into<String>) -> Self {
        self.spawn_agent = Some(agent.into());
        self
    }

    /// Sets `spawn_cloud`.
    #[must_use]
    pub fn spawn_cloud(mut self, cloud: impl Into<String>) -> Self {
        self.spawn_cloud = Some(cloud.into());
        self
    }

    /// Sets how often the key's limit resets.
    #[must_use]
    pub fn usage_limit_type(mut self, reset: impl Into<LimitReset>) -> Self {
        self.usage_limit_type = Some(reset.into());
        self
    }

    /// Sets `workspace_id`.
    #[must_use]
    pub fn workspace_id(mut self, workspace_id: impl Into<String>) -> Self {
        self.workspace_id = Some(workspace_id.into());
        self
    }

    /// Adds a field this version does not model.
    #[must_use]
    pub fn extra_field(mut self, name: impl Into<String>, value: serde_json::Value) -> Self {
        self.extra.insert(name.into(), value);
        self
    }
}

/// The authorization code `POST /auth/keys/code` created (inside [`Data`](crate::Data)).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AuthCode {
    /// The app the code belongs to.
    pub app_id: u64,
    /// Creation time (ISO 8601).
    pub created_at: String,
    /// The code's id, to use in the exchange.
    pub id: String,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

/// `POST /auth/keys` body: the code from the redirect and, with PKCE, its verifier.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ExchangeAuthCodeRequest {
    /// The authorization code from the redirect's `code` parameter.
    pub code: KeySecret,
    /// How the challenge was derived (the spec also allows `null`, which
    /// means the same as absent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code_challenge_method: Option<CodeChallengeMethod>,
    /// The PKCE verifier, when a challenge was sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code_verifier: Option<KeySecret>,
    /// Fields this version does not model, sent as is.
    #[serde(flatten)]
    pub extra: Extra,
}

impl ExchangeAuthCodeRequest {
    /// Exchanges `code` (no PKCE).
    pub fn new(code: impl Into<String>) -> Self {
        Self {
            code: KeySecret::new(code),
            code_challenge_method: None,
            code_verifier: None,
            extra: Extra::new(),
        }
    }

    /// Sets the PKCE verifier and the method its challenge used.
    #[must_use]
    pub fn code_verifier(
        mut self,
        verifier: impl Into<String>,
        method: impl Into<CodeChallengeMethod>,
    ) -> Self {
        self.code_verifier = Some(KeySecret::new(verifier));
        self.code_challenge_method = Some(method.into());
        self
    }

    /// Adds a field this version does not model.
    #[must_use]
    pub fn extra_field(mut self, name: impl Into<String>, value: serde_json::Value) -> Self {
        self.extra.insert(name.into(), value);
        self
    }
}

/// `POST /auth/keys` answer: the new key, shown once.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ExchangeAuthCodeResponse {
    /// The plaintext API key; store it, OpenRouter never shows it again.
    pub key: KeySecret,
    /// The user who authorized it (`null` is possible per the spec).
    #[serde(default)]
    pub user_id: Option<String>,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}
