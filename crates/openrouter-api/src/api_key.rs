//! The API key type: redacted in every rendering, zeroized on drop.

use std::fmt;

use http::HeaderValue;
use secrecy::{ExposeSecret, SecretString, zeroize::Zeroizing};

/// An OpenRouter API key (`sk-or-v1-…`).
///
/// `Debug` and `Display` print `[redacted]`; the bytes are zeroized when the key
/// is dropped. The only way to read it back is [`ApiKey::expose`], which exists
/// for callers that must hand the key to another system.
///
/// ```
/// use openrouter_api::ApiKey;
///
/// let key = ApiKey::new("sk-or-v1-0123");
/// assert_eq!(format!("{key:?} {key}"), "ApiKey([redacted]) [redacted]");
/// assert_eq!(key.expose(), "sk-or-v1-0123");
/// ```
#[derive(Clone)]
pub struct ApiKey(SecretString);

impl ApiKey {
    /// Wraps a key.
    pub fn new(key: impl Into<String>) -> Self {
        Self(SecretString::from(key.into()))
    }

    /// The key in clear text. Avoid logging or storing what this returns.
    pub fn expose(&self) -> &str {
        self.0.expose_secret()
    }

    /// `Bearer <key>` as a header value marked sensitive, so hyper's HPACK
    /// never indexes it and `HeaderValue`'s `Debug` prints `Sensitive`.
    pub(crate) fn bearer_header(&self) -> Option<HeaderValue> {
        let text = Zeroizing::new(format!("Bearer {}", self.expose()));
        let mut value = HeaderValue::from_str(&text).ok()?;
        value.set_sensitive(true);
        Some(value)
    }

    /// Whether the key can be sent in a header at all (visible ASCII only).
    pub(crate) fn is_valid_header(&self) -> bool {
        let key = self.expose();
        !key.is_empty() && key.bytes().all(|b| b.is_ascii_graphic())
    }
}

impl From<String> for ApiKey {
    fn from(key: String) -> Self {
        Self::new(key)
    }
}

impl From<&str> for ApiKey {
    fn from(key: &str) -> Self {
        Self::new(key)
    }
}

impl From<SecretString> for ApiKey {
    fn from(key: SecretString) -> Self {
        Self(key)
    }
}

impl fmt::Debug for ApiKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("ApiKey([redacted])")
    }
}

impl fmt::Display for ApiKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("[redacted]")
    }
}
