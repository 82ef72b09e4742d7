//! The error envelope OpenRouter returns on every failing status (and sometimes on 200).
//!
//! One shape serves four places: the body of a 4xx/5xx response, the body of
//! an HTTP 200 that failed after routing (`{"error":…}` with no `choices`),
//! the top-level `error` of a mid-stream chunk, and the per-choice `error` of a
//! completion. The wire is loose (`code` is a number, a string or absent;
//! `metadata.raw` is a string or an object; `provider_name` may be `null`), so
//! everything but `message` is optional and the helpers below do the digging.

use serde::de::{self, IgnoredAny};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::Value;

use crate::Extra;
use crate::open_enum::open_enum;

/// A whole error response body: `{"error": {…}, "user_id": …}`.
///
/// ```
/// use openrouter_types::error::{ErrorResponse, ErrorType};
/// let body = br#"{"error":{"code":429,"message":"Provider returned error",
///   "metadata":{"provider_name":"Google","raw":"rate-limited upstream",
///   "error_type":"rate_limit_exceeded"}},"user_id":"user_123"}"#;
/// assert!(openrouter_types::error::is_error_body(body));
/// let err: ErrorResponse = serde_json::from_slice(body)?;
/// assert_eq!(err.code_u16(), Some(429));
/// assert_eq!(err.provider_name(), Some("Google"));
/// assert_eq!(err.raw_message().as_deref(), Some("rate-limited upstream"));
/// assert_eq!(err.error_type(), Some(&ErrorType::RateLimitExceeded));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ErrorResponse {
    /// The error itself.
    pub error: ErrorBody,
    /// The account (`user_…` or `org_…`) the request belonged to, on some errors.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_id: Option<String>,
    /// Routing diagnostics, sent with `X-OpenRouter-Metadata: enabled`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub openrouter_metadata: Option<Value>,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

/// The `error` object: `{code, message, metadata}` plus availability details.
///
/// `metadata` and `availability` are boxed: an error object sits (absent) in
/// every stream chunk and every choice, and inline they were most of their size.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ErrorBody {
    /// Usually the HTTP-like status (`429`); sometimes a string
    /// (`"server_error"`); absent on availability errors, which carry
    /// `http_status` instead.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<ErrorCode>,
    /// Human-readable message. For provider errors it is the uninformative
    /// "Provider returned error": see [`ErrorBody::raw_message`].
    #[serde(default)]
    pub message: String,
    /// Structured details: provider, raw upstream body, moderation, limits.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metadata: Option<Box<ErrorMetadata>>,
    /// Typed error code at the `error` level (availability errors).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error_type: Option<ErrorType>,
    /// HTTP status at the `error` level (availability errors, which lack `code`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub http_status: Option<u16>,
    /// Why a model could not be served, with retry advice (§6.5 of the API notes).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub availability: Option<Box<Availability>>,
    /// Fields this version does not model (OpenAI-style `type`, `param`…).
    #[serde(flatten)]
    pub extra: Extra,
}

/// `error.code`: a number (the usual case) or a string.
///
/// ```
/// use openrouter_types::error::ErrorCode;
/// let n: ErrorCode = serde_json::from_str("502")?;
/// let s: ErrorCode = serde_json::from_str(r#""server_error""#)?;
/// assert_eq!(n.as_u16(), Some(502));
/// assert_eq!(s.as_u16(), None);
/// assert_eq!(s.to_string(), "server_error");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorCode {
    /// A numeric code, normally an HTTP status.
    Number(i64),
    /// A textual code such as `"server_error"`.
    Text(String),
}

impl ErrorCode {
    /// The code as an HTTP status, if it is a number (or numeric string) in 100..=599.
    pub fn as_u16(&self) -> Option<u16> {
        let n = match self {
            Self::Number(n) => *n,
            Self::Text(s) => s.trim().parse().ok()?,
        };
        (100..=599).contains(&n).then_some(n as u16)
    }
}

impl core::fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self {
            Self::Number(n) => write!(f, "{n}"),
            Self::Text(s) => f.write_str(s),
        }
    }
}

impl From<u16> for ErrorCode {
    fn from(code: u16) -> Self {
        Self::Number(code.into())
    }
}

impl Serialize for ErrorCode {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Number(n) => serializer.serialize_i64(*n),
            Self::Text(s) => serializer.serialize_str(s),
        }
    }
}

impl<'de> Deserialize<'de> for ErrorCode {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl de::Visitor<'_> for Visitor {
            type Value = ErrorCode;
            fn expecting(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                f.write_str("an error code (number or string)")
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<ErrorCode, E> {
                Ok(ErrorCode::Number(v))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<ErrorCode, E> {
                i64::try_from(v)
                    .map(ErrorCode::Number)
                    .map_err(|_| E::custom("error code out of range"))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<ErrorCode, E> {
                // Never seen, but a float code must not make the whole error undecodable.
                if v.fract() == 0.0 && v.abs() < 1e15 {
                    Ok(ErrorCode::Number(v as i64))
                } else {
                    Ok(ErrorCode::Text(v.to_string()))
                }
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<ErrorCode, E> {
                Ok(ErrorCode::Text(v.to_owned()))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<ErrorCode, E> {
                Ok(ErrorCode::Text(v))
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

/// `error.metadata`: every known key of every error family, all optional.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ErrorMetadata {
    /// Typed error code (mid-stream and provider errors).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error_type: Option<ErrorType>,
    /// The upstream provider's own error code, when available (not on 5xx).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provider_code: Option<ErrorCode>,
    /// Display name of the provider that failed; `null` for OpenRouter's own errors.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provider_name: Option<String>,
    /// The upstream body: usually a string (often JSON text), sometimes an object.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub raw: Option<Value>,
    /// Whether the failing request used your own provider key.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_byok: Option<bool>,
    /// Moderation: the categories the input was flagged for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reasons: Option<Vec<String>>,
    /// Moderation: the flagged input, middle-truncated with `...`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub flagged_input: Option<String>,
    /// Moderation: the model the request was for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub model_slug: Option<String>,
    /// Which limit was hit (`openrouter_free_tier_daily`, `openrouter_credits`…).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit_source: Option<String>,
    /// Rate-limit headers echoed in the body (`X-RateLimit-Reset` in epoch ms).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub headers: Option<Value>,
    /// Seconds to wait before retrying, when OpenRouter says so.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retry_after_seconds: Option<f64>,
    /// Earlier failed attempts: `[{provider, code, status}]` (older: `[{code, message}]`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub previous_errors: Option<Vec<Value>>,
    /// Parsed file annotations, kept when parsing succeeded but every provider failed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file_annotations: Option<Vec<Value>>,
    /// Fields this version does not model (guardrail `patterns`, `remedy_hint`…).
    #[serde(flatten)]
    pub extra: Extra,
}

open_enum! {
    /// OpenRouter's typed error code (`error_type`), stable across API formats.
    ///
    /// ```
    /// use openrouter_types::error::ErrorType;
    /// assert_eq!(ErrorType::from("timeout"), ErrorType::Timeout);
    /// assert_eq!(ErrorType::from("brand_new").as_str(), "brand_new");
    /// ```
    pub enum ErrorType {
        /// The prompt exceeds the context window (400).
        ContextLengthExceeded = "context_length_exceeded",
        /// `max_tokens` is above what the model allows (400).
        MaxTokensExceeded = "max_tokens_exceeded",
        /// A token limit was reached (400).
        TokenLimitExceeded = "token_limit_exceeded",
        /// A string in the request is too long (400).
        StringTooLong = "string_too_long",
        /// Missing, invalid or disabled credentials (401).
        Authentication = "authentication",
        /// Insufficient permissions (403).
        PermissionDenied = "permission_denied",
        /// Not enough credits (402).
        PaymentRequired = "payment_required",
        /// Rate limited (429).
        RateLimitExceeded = "rate_limit_exceeded",
        /// The provider is overloaded (503).
        ProviderOverloaded = "provider_overloaded",
        /// The provider is down or answered badly (502).
        ProviderUnavailable = "provider_unavailable",
        /// The request is invalid (400).
        InvalidRequest = "invalid_request",
        /// The prompt is invalid (400).
        InvalidPrompt = "invalid_prompt",
        /// Not found (404).
        NotFound = "not_found",
        /// A precondition failed (412).
        PreconditionFailed = "precondition_failed",
        /// Payload too large (413).
        PayloadTooLarge = "payload_too_large",
        /// Unprocessable entity (422).
        Unprocessable = "unprocessable",
        /// Blocked by a content policy (400).
        ContentPolicyViolation = "content_policy_violation",
        /// The model refused (400).
        Refusal = "refusal",
        /// An input image is invalid (400).
        InvalidImage = "invalid_image",
        /// An input image is too large (400).
        ImageTooLarge = "image_too_large",
        /// An input image is too small (400).
        ImageTooSmall = "image_too_small",
        /// An input image format is unsupported (400).
        UnsupportedImageFormat = "unsupported_image_format",
        /// An input image URL was not found (404).
        ImageNotFound = "image_not_found",
        /// An input image could not be downloaded (400).
        ImageDownloadFailed = "image_download_failed",
        /// Internal error; the message is masked (500).
        Server = "server",
        /// Timed out (504).
        Timeout = "timeout",
        /// An upstream error OpenRouter could not classify (500).
        Unmapped = "unmapped",
    }
}

/// `error.availability`: why no endpoint could serve the model, and whether to retry.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Availability {
    /// What went wrong (`capacity_exhausted`, `no_endpoints`…).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<AvailabilityCode>,
    /// Whether retrying the same request can succeed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retryable: Option<bool>,
    /// Seconds to wait before retrying.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retry_after: Option<f64>,
    /// The models the request asked for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub requested_models: Option<Vec<String>>,
    /// Providers affected by the condition.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub affected_providers: Option<Vec<String>>,
    /// Which request constraints excluded endpoints (`geo`, `max_price`, `data_policy:zdr`…).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub excluded_by: Option<Vec<String>>,
    /// Models OpenRouter suggests instead.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fallback_models: Option<Vec<String>>,
    /// The constraint that filtered every endpoint: `{field, detail}`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub constraint: Option<Value>,
    /// Documentation for this code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub docs_url: Option<String>,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

open_enum! {
    /// `error.availability.code`.
    pub enum AvailabilityCode {
        /// The model id does not exist (400).
        ModelNotFound = "model_not_found",
        /// The model exists but not on this endpoint (400).
        WrongEndpoint = "wrong_endpoint",
        /// The model has no endpoints (404).
        NoEndpoints = "no_endpoints",
        /// The model is deprecated (404).
        ModelDeprecated = "model_deprecated",
        /// Upstream no longer serves the model (404).
        ModelUnavailableUpstream = "model_unavailable_upstream",
        /// Your privacy settings exclude every endpoint (404).
        PrivacyRestricted = "privacy_restricted",
        /// Request constraints exclude every endpoint (404).
        ConstraintFiltered = "constraint_filtered",
        /// The free variant has ended (404).
        FreeVariantEnded = "free_variant_ended",
        /// All providers are at capacity; retryable (429).
        CapacityExhausted = "capacity_exhausted",
        /// Temporarily unavailable; retryable (503).
        TemporarilyUnavailable = "temporarily_unavailable",
        /// Not available in your region (403).
        RegionRestricted = "region_restricted",
    }
}

impl ErrorResponse {
    /// Wraps an error body.
    pub fn new(error: ErrorBody) -> Self {
        Self {
            error,
            user_id: None,
            openrouter_metadata: None,
            extra: Extra::new(),
        }
    }

    /// The error code as an HTTP status (see [`ErrorBody::code_u16`]).
    pub fn code_u16(&self) -> Option<u16> {
        self.error.code_u16()
    }

    /// The typed error code, wherever it was put (see [`ErrorBody::error_type`]).
    pub fn error_type(&self) -> Option<&ErrorType> {
        self.error.error_type()
    }

    /// The provider that failed, if one did.
    pub fn provider_name(&self) -> Option<&str> {
        self.error.provider_name()
    }

    /// The most informative message available (see [`ErrorBody::raw_message`]).
    pub fn raw_message(&self) -> Option<String> {
        self.error.raw_message()
    }

    /// Moderation categories, on a 403 moderation refusal.
    pub fn moderation_reasons(&self) -> Option<&[String]> {
        self.error.moderation_reasons()
    }

    /// The error message.
    pub fn message(&self) -> &str {
        &self.error.message
    }

    /// Seconds to wait before retrying, when the body says so.
    pub fn retry_after_secs(&self) -> Option<f64> {
        self.error.retry_after_secs()
    }
}

impl ErrorBody {
    /// An error with a message and a numeric code.
    ///
    /// ```
    /// use openrouter_types::error::ErrorBody;
    /// let e = ErrorBody::new(502, "Provider returned error");
    /// assert_eq!(e.code_u16(), Some(502));
    /// ```
    pub fn new(code: u16, message: impl Into<String>) -> Self {
        Self {
            code: Some(ErrorCode::from(code)),
            message: message.into(),
            ..Self::default()
        }
    }

    /// An error with only a message (no code).
    pub fn message_only(message: impl Into<String>) -> Self {
        Self {
            message: message.into(),
            ..Self::default()
        }
    }

    /// The HTTP status this error stands for: a numeric `code` in 100..=599,
    /// else `http_status`.
    pub fn code_u16(&self) -> Option<u16> {
        self.code
            .as_ref()
            .and_then(ErrorCode::as_u16)
            .or(self.http_status)
    }

    /// The typed error code: `error.error_type`, else `error.metadata.error_type`.
    pub fn error_type(&self) -> Option<&ErrorType> {
        self.error_type
            .as_ref()
            .or_else(|| self.metadata.as_ref()?.error_type.as_ref())
    }

    /// `metadata.provider_name`.
    pub fn provider_name(&self) -> Option<&str> {
        self.metadata.as_ref()?.provider_name.as_deref()
    }

    /// `metadata.reasons` (moderation).
    pub fn moderation_reasons(&self) -> Option<&[String]> {
        self.metadata.as_ref()?.reasons.as_deref()
    }

    /// The upstream provider's message dug out of `metadata.raw`.
    ///
    /// `raw` may be JSON text (`{"error":{"message":…}}`, `{"message":…}`,
    /// pretty-printed or with a trailing newline), plain prose, or an object.
    /// Returns the innermost `message` when there is one, the raw text
    /// otherwise, and `None` when `raw` is absent or empty.
    ///
    /// ```
    /// use openrouter_types::error::ErrorBody;
    /// let e: ErrorBody = serde_json::from_str(r#"{"code":400,"message":"Provider returned error",
    ///   "metadata":{"raw":"{\"type\":\"error\",\"error\":{\"type\":\"invalid_request_error\",\"message\":\"bad image\"}}"}}"#)?;
    /// assert_eq!(e.raw_message().as_deref(), Some("bad image"));
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn raw_message(&self) -> Option<String> {
        let raw = self.metadata.as_ref()?.raw.as_ref()?;
        match raw {
            Value::String(text) => {
                let trimmed = text.trim();
                if trimmed.is_empty() {
                    return None;
                }
                if trimmed.starts_with('{')
                    && let Ok(value) = serde_json::from_str::<Value>(trimmed)
                    && let Some(message) = message_in(&value)
                {
                    return Some(message.to_owned());
                }
                Some(trimmed.to_owned())
            }
            Value::Null => None,
            other => message_in(other)
                .map(str::to_owned)
                .or_else(|| Some(other.to_string())),
        }
    }

    /// Seconds to wait before retrying: `availability.retry_after`, else
    /// `metadata.retry_after_seconds`.
    pub fn retry_after_secs(&self) -> Option<f64> {
        self.availability
            .as_ref()
            .and_then(|a| a.retry_after)
            .or_else(|| self.metadata.as_ref()?.retry_after_seconds)
    }

    /// `availability.retryable`, when OpenRouter said.
    pub fn is_retryable(&self) -> Option<bool> {
        self.availability.as_ref()?.retryable
    }
}

/// `"{code}: {message} (provider {name}): {upstream reason}"`, leaving out what is absent.
///
/// ```
/// use openrouter_types::error::ErrorBody;
/// let e: ErrorBody = serde_json::from_str(r#"{"code":429,"message":"Provider returned error",
///   "metadata":{"provider_name":"Venice","raw":"temporarily rate-limited upstream"}}"#)?;
/// assert_eq!(e.to_string(), "429: Provider returned error (provider Venice): temporarily rate-limited upstream");
/// # Ok::<(), serde_json::Error>(())
/// ```
impl core::fmt::Display for ErrorBody {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match &self.code {
            Some(code) => write!(f, "{code}: {}", self.message)?,
            None => f.write_str(&self.message)?,
        }
        if let Some(provider) = self.provider_name() {
            write!(f, " (provider {provider})")?;
        }
        // "Provider returned error" says nothing: show the upstream reason too.
        if let Some(raw) = self.raw_message()
            && raw != self.message
        {
            write!(f, ": {raw}")?;
        }
        Ok(())
    }
}

/// Finds `error.message`, `message` or `error` (as a string) in an upstream body.
fn message_in(value: &Value) -> Option<&str> {
    let object = value.as_object()?;
    if let Some(inner) = object.get("error") {
        if let Some(text) = inner.as_str() {
            return Some(text);
        }
        if let Some(text) = message_in(inner) {
            return Some(text);
        }
    }
    object.get("message").and_then(Value::as_str)
}

/// Whether a response body is an error envelope: a JSON object with an
/// `error` key and no `choices`. Check this on every body, HTTP 200 included.
///
/// Leading whitespace (OpenRouter's keep-alive padding) is accepted. Bodies
/// that are not JSON return `false`.
///
/// ```
/// use openrouter_types::error::is_error_body;
/// assert!(is_error_body(br#"{"error":{"code":401,"message":"No auth credentials found"}}"#));
/// assert!(!is_error_body(br#"{"id":"gen-1","choices":[],"error":null}"#));
/// assert!(!is_error_body(b"<html>bad gateway</html>"));
/// ```
pub fn is_error_body(bytes: &[u8]) -> bool {
    // Skips over every value without building it: cheap even for a 2 MB image
    // body. `Option` turns `"error": null` into `None`.
    #[derive(Deserialize)]
    struct Probe {
        error: Option<IgnoredAny>,
        choices: Option<IgnoredAny>,
    }
    matches!(
        serde_json::from_slice::<Probe>(bytes),
        Ok(Probe {
            error: Some(_),
            choices: None
        })
    )
}

/// [`is_error_body`] for an already parsed value.
///
/// ```
/// use openrouter_types::error::is_error_value;
/// assert!(is_error_value(&serde_json::json!({"error": {"message": "x"}})));
/// assert!(!is_error_value(&serde_json::json!({"error": {"message": "x"}, "choices": []})));
/// ```
pub fn is_error_value(value: &Value) -> bool {
    value
        .as_object()
        .is_some_and(|o| o.get("error").is_some_and(|e| !e.is_null()) && !o.contains_key("choices"))
}
