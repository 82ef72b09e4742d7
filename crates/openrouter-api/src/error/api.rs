//! Errors OpenRouter reports itself: parsed from the body on every status,
//! with a message that says what to do.

use std::fmt;
use std::time::{Duration, SystemTime};

use http::{HeaderMap, StatusCode};
use openrouter_types::error::{ErrorBody, ErrorCode, ErrorResponse, ErrorType};
use serde_json::Value;

use super::{excerpt, write_attempts};
use crate::meta::{Attempt, RateLimit, header};
use crate::retry::{is_retryable_status, retry_after_from_headers};

/// OpenRouter, or something in front of it, answered with an error.
///
/// The body is parsed on every status. When it is OpenRouter's JSON envelope
/// the details are in [`body`](Self::body) and the shortcuts below; when it is
/// not (an HTML page from a proxy, an empty body) the status still stands and
/// [`body_excerpt`](Self::body_excerpt) holds the start of what arrived.
#[derive(Debug, Clone)]
pub struct ApiError {
    pub(crate) status: StatusCode,
    pub(crate) http_status: StatusCode,
    pub(crate) body: Option<ErrorResponse>,
    pub(crate) excerpt: Option<String>,
    pub(crate) retry_after: Option<Duration>,
    pub(crate) headers: HeaderMap,
    pub(crate) attempts: Vec<Attempt>,
    /// The operation needs a management key (its 401 and 403 say so).
    pub(crate) management: bool,
}

impl ApiError {
    /// Builds the error for a response with this status, headers and body.
    pub(crate) fn from_response(http_status: StatusCode, headers: &HeaderMap, body: &[u8]) -> Self {
        let parsed = parse_envelope(body);
        let excerpt = match &parsed {
            Some(_) => None,
            None => Some(excerpt(body)),
        };
        Self::new(http_status, headers.clone(), parsed, excerpt)
    }

    /// An error carried inside a successful response (a 200 body or a stream chunk).
    pub(crate) fn in_band(
        http_status: StatusCode,
        headers: HeaderMap,
        body: ErrorResponse,
    ) -> Self {
        Self::new(http_status, headers, Some(body), None)
    }

    fn new(
        http_status: StatusCode,
        headers: HeaderMap,
        body: Option<ErrorResponse>,
        excerpt: Option<String>,
    ) -> Self {
        let code = body
            .as_ref()
            .and_then(|b| b.code_u16())
            .and_then(|c| StatusCode::from_u16(c).ok());
        // A 2xx status cannot describe an error; the code in the body can. On
        // a real error status the status wins (a proxy may have replaced the body).
        let status = match code {
            Some(code) if http_status.is_success() => code,
            Some(code) if http_status == StatusCode::BAD_REQUEST && is_retryable_status(code) => {
                code
            }
            // An error in a 2xx answer without a numeric code (`"server_error"`, or a choice
            // ended by `finish_reason: "error"`): a success status would make it look harmless
            // and not retryable, so it stands for the failure its type names.
            None if http_status.is_success() => in_band_status(body.as_ref()),
            _ => http_status,
        };
        let now = SystemTime::now();
        // A daily cap's own reset time (hours away) says more than a generic
        // `Retry-After` sent with it.
        let daily_reset = body
            .as_ref()
            .filter(|b| {
                b.error
                    .metadata
                    .as_ref()
                    .and_then(|m| m.limit_source.as_deref())
                    == Some("openrouter_free_tier_daily")
            })
            .and_then(|b| daily_reset_wait(b, now));
        let retry_after = daily_reset
            .or_else(|| retry_after_from_headers(&headers, now))
            .or_else(|| {
                let secs = body.as_ref()?.retry_after_secs()?;
                (secs.is_finite() && secs >= 0.0).then(|| crate::retry::saturating_secs_f64(secs))
            })
            .or_else(|| daily_reset_wait(body.as_ref()?, now));
        Self {
            status,
            http_status,
            body,
            excerpt,
            retry_after,
            headers,
            attempts: Vec::new(),
            management: false,
        }
    }

    /// Marks the error of an operation that needs a management key.
    pub(crate) fn for_management(mut self, management: bool) -> Self {
        self.management = management;
        self
    }

    /// Rate limited: 429, or `error_type` `rate_limit_exceeded`.
    pub fn is_rate_limited(&self) -> bool {
        self.status.as_u16() == 429 || self.error_type() == Some(&ErrorType::RateLimitExceeded)
    }

    /// The key is invalid, disabled or lacks permission: 401, or a 403 that
    /// is not a moderation refusal.
    pub fn is_auth(&self) -> bool {
        match self.status.as_u16() {
            401 => true,
            403 => !self.is_moderated(),
            _ => matches!(
                self.error_type(),
                Some(ErrorType::Authentication | ErrorType::PermissionDenied)
            ),
        }
    }

    /// Not enough credits: 402, or `error_type` `payment_required`.
    pub fn is_insufficient_credits(&self) -> bool {
        self.status.as_u16() == 402 || self.error_type() == Some(&ErrorType::PaymentRequired)
    }

    /// The input does not fit the context window: `error_type`
    /// `context_length_exceeded`, or a provider's message saying so.
    pub fn is_context_length_exceeded(&self) -> bool {
        if self.error_type() == Some(&ErrorType::ContextLengthExceeded) {
            return true;
        }
        let says = |text: &str| {
            let text = text.to_ascii_lowercase();
            text.contains("context length")
                || text.contains("context window")
                || text.contains("maximum context")
                || text.contains("prompt is too long")
        };
        self.status.as_u16() == 400
            && (says(self.message()) || self.raw_message().is_some_and(|m| says(&m)))
    }

    /// Refused by moderation or a content policy: a 403 with moderation
    /// reasons, or `error_type` `content_policy_violation`.
    pub fn is_moderated(&self) -> bool {
        !self.moderation_reasons().is_empty()
            || self.error_type() == Some(&ErrorType::ContentPolicyViolation)
    }

    /// The upstream provider failed: an error relayed from a named provider,
    /// `provider_overloaded` / `provider_unavailable`, or a 502, 503, 520–523
    /// or 529 from the edge. Another provider or model may succeed.
    pub fn is_provider_error(&self) -> bool {
        matches!(
            self.error_type(),
            Some(ErrorType::ProviderOverloaded | ErrorType::ProviderUnavailable)
        ) || matches!(self.status.as_u16(), 502 | 503 | 520..=523 | 529)
            || (self.provider_name().is_some() && !self.is_auth() && !self.is_moderated())
    }

    /// A timeout upstream: 408, 504, 524, or `error_type` `timeout`.
    pub fn is_timeout(&self) -> bool {
        matches!(self.status.as_u16(), 408 | 504 | 524)
            || self.error_type() == Some(&ErrorType::Timeout)
    }

    /// Models OpenRouter suggests instead (`error.availability.fallback_models`).
    pub fn fallback_models(&self) -> &[String] {
        self.error_body()
            .and_then(|b| b.availability.as_ref())
            .and_then(|a| a.fallback_models.as_deref())
            .unwrap_or_default()
    }

    /// The status the error stands for. Usually the HTTP status; for an error
    /// wrapped in a 200 body (or a transient code wrapped in a 400) it is the
    /// body's `code`.
    pub fn status(&self) -> StatusCode {
        self.status
    }

    /// The HTTP status line of the response, whatever the body said.
    pub fn http_status(&self) -> StatusCode {
        self.http_status
    }

    /// The parsed error envelope, when the body was one.
    pub fn body(&self) -> Option<&ErrorResponse> {
        self.body.as_ref()
    }

    /// The `error` object, when the body was an envelope.
    pub fn error_body(&self) -> Option<&ErrorBody> {
        self.body.as_ref().map(|b| &b.error)
    }

    /// The start of a body that was not an error envelope (at most 512 bytes):
    /// an HTML page, plain text, or `""` for an empty body.
    pub fn body_excerpt(&self) -> Option<&str> {
        self.excerpt.as_deref()
    }

    /// OpenRouter's message, or a description of the non-JSON body.
    pub fn message(&self) -> &str {
        match (&self.body, &self.excerpt) {
            (Some(body), _) if !body.message().is_empty() => body.message(),
            (_, Some(excerpt)) if excerpt.is_empty() => "empty response body",
            (_, Some(excerpt)) if looks_like_html(excerpt) => {
                "the response was an HTML page, not OpenRouter's JSON (a proxy or CDN error)"
            }
            (_, Some(_)) => "the response was not OpenRouter's JSON error envelope",
            _ => "no error message",
        }
    }

    /// `error.code`: usually the HTTP-like status, sometimes a string.
    pub fn code(&self) -> Option<&ErrorCode> {
        self.error_body()?.code.as_ref()
    }

    /// The typed error code (`error.error_type` or `error.metadata.error_type`).
    pub fn error_type(&self) -> Option<&ErrorType> {
        self.error_body()?.error_type()
    }

    /// The provider that failed, for upstream errors.
    pub fn provider_name(&self) -> Option<&str> {
        self.error_body()?.provider_name()
    }

    /// `error.metadata.raw`: the upstream provider's own body (string or object).
    pub fn raw(&self) -> Option<&Value> {
        self.error_body()?.metadata.as_ref()?.raw.as_ref()
    }

    /// The upstream provider's message dug out of `raw`.
    pub fn raw_message(&self) -> Option<String> {
        self.error_body()?.raw_message()
    }

    /// Moderation categories on a 403 moderation refusal (empty otherwise).
    pub fn moderation_reasons(&self) -> &[String] {
        self.error_body()
            .and_then(ErrorBody::moderation_reasons)
            .unwrap_or_default()
    }

    /// The flagged excerpt of the input, on a moderation refusal.
    pub fn flagged_input(&self) -> Option<&str> {
        self.error_body()?
            .metadata
            .as_ref()?
            .flagged_input
            .as_deref()
    }

    /// `error.metadata.limit_source` on rate-limit and credit errors
    /// (e.g. `openrouter_free_tier_daily`).
    pub fn limit_source(&self) -> Option<&str> {
        self.error_body()?
            .metadata
            .as_ref()?
            .limit_source
            .as_deref()
    }

    /// How long to wait before retrying, when the server said.
    pub fn retry_after(&self) -> Option<Duration> {
        self.retry_after
    }

    /// `X-Generation-Id` of the failed response.
    pub fn generation_id(&self) -> Option<&str> {
        header(&self.headers, "x-generation-id")
    }

    /// `X-Request-Id` of the failed response.
    pub fn request_id(&self) -> Option<&str> {
        header(&self.headers, "x-request-id")
    }

    /// `X-RateLimit-*` headers of the failed response.
    pub fn rate_limit(&self) -> Option<RateLimit> {
        RateLimit::from_headers(&self.headers)
    }

    /// The response headers.
    pub fn headers(&self) -> &HeaderMap {
        &self.headers
    }

    /// Every attempt of the call, in order; with retries exhausted, each one's status.
    pub fn attempts(&self) -> &[Attempt] {
        &self.attempts
    }

    /// Whether sending the request again may succeed (see [`Error::is_retryable`](crate::Error::is_retryable)).
    pub fn is_retryable(&self) -> bool {
        // A daily cap resets hours later: retrying within a call is pointless.
        if self.limit_source() == Some("openrouter_free_tier_daily") {
            return false;
        }
        if let Some(retryable) = self.error_body().and_then(ErrorBody::is_retryable) {
            return retryable;
        }
        if is_retryable_status(self.status) {
            return true;
        }
        matches!(
            self.error_type(),
            Some(
                ErrorType::RateLimitExceeded
                    | ErrorType::ProviderOverloaded
                    | ErrorType::ProviderUnavailable
                    | ErrorType::Timeout
                    | ErrorType::Server
            )
        ) && !matches!(self.status.as_u16(), 401 | 402 | 403 | 404 | 413 | 422)
    }

    fn hint(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.status.as_u16() {
            401 | 403 if self.management || self.message().contains("management key") => f.write_str(
                "; this endpoint needs a management key, not an inference key: create one in the OpenRouter settings and set OPENROUTER_MANAGEMENT_KEY to it (OPENROUTER_API_KEY is used when it is unset)",
            ),
            401 => f.write_str("; check that OPENROUTER_API_KEY holds a valid, enabled key"),
            402 => {
                f.write_str("; add credits at https://openrouter.ai/settings/credits")?;
                if let Some(tokens) = affordable_tokens(self.message()) {
                    write!(f, " or lower max_tokens to at most {tokens}")?;
                }
                Ok(())
            }
            403 if !self.moderation_reasons().is_empty() => write!(
                f,
                "; the input was flagged by moderation ({}): rephrase it or pick a model without moderation",
                self.moderation_reasons().join(", ")
            ),
            403 => f.write_str("; the key lacks permission for this request (guardrail, region or management-key restriction)"),
            // `GET /generation` answers 404 until the statistics are written.
            404 if self.message().starts_with("Generation ") => f.write_str(
                "; generation statistics appear a few seconds after the completion ends: retry later",
            ),
            404 => f.write_str("; check the model slug or path"),
            408 | 504 | 524 => f.write_str("; the request timed out upstream: retry"),
            413 => f.write_str("; the request is too large: shorten the input"),
            429 => match (self.limit_source(), self.retry_after) {
                (Some("openrouter_free_tier_daily"), Some(wait)) => write!(
                    f,
                    "; the free-model daily limit is reached: it resets in {}, or add credits",
                    human(wait)
                ),
                (_, Some(wait)) => write!(f, "; retry after {}", human(wait)),
                _ => f.write_str("; slow down and retry later"),
            },
            500..=599 => match self.retry_after {
                Some(wait) => write!(
                    f,
                    "; the provider or OpenRouter failed: retry after {} or allow other providers",
                    human(wait)
                ),
                None => f.write_str(
                    "; the provider or OpenRouter failed: retry later or allow other providers",
                ),
            },
            _ => Ok(()),
        }
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "openrouter returned {}", self.status.as_u16())?;
        if let Some(reason) = self.status.canonical_reason() {
            write!(f, " {reason}")?;
        }
        if self.status != self.http_status {
            write!(f, " (in a {} response)", self.http_status.as_u16())?;
        }
        if let Some(provider) = self.provider_name() {
            write!(f, " from provider {provider}")?;
        }
        // The hint follows after a `;`: a sentence-final period would read oddly before it.
        write!(f, ": {}", self.message().trim_end().trim_end_matches('.'))?;
        if let Some(raw) = self.raw_message()
            && raw != self.message()
        {
            write!(f, " ({})", truncate_chars(&raw, 300))?;
        }
        self.hint(f)?;
        write_attempts(f, &self.attempts)
    }
}

impl std::error::Error for ApiError {}

/// Parses an error envelope leniently: `{"error":{…}}` decodes through the
/// types crate; `{"error":"text"}` and `{"message":…}` are accepted too.
fn parse_envelope(body: &[u8]) -> Option<ErrorResponse> {
    if let Ok(envelope) = serde_json::from_slice::<ErrorResponse>(body) {
        return Some(envelope);
    }
    let value: Value = serde_json::from_slice(body).ok()?;
    let object = value.as_object()?;
    let message = match object.get("error") {
        Some(Value::String(text)) => text.clone(),
        Some(Value::Object(inner)) => inner.get("message")?.as_str()?.to_owned(),
        _ => object.get("message")?.as_str()?.to_owned(),
    };
    Some(ErrorResponse::new(ErrorBody::message_only(message)))
}

/// The status an in-band error without a numeric code stands for: the one its
/// `error_type` (or OpenAI-style textual `code`) names, else 500 (the provider
/// failed mid-generation).
fn in_band_status(body: Option<&ErrorResponse>) -> StatusCode {
    let error_type = body.and_then(ErrorResponse::error_type);
    let text_code = body.and_then(|b| match &b.error.code {
        Some(ErrorCode::Text(text)) => Some(text.as_str()),
        _ => None,
    });
    let code = match error_type.map(ErrorType::as_str).or(text_code) {
        Some(
            "context_length_exceeded"
            | "max_tokens_exceeded"
            | "token_limit_exceeded"
            | "string_too_long"
            | "invalid_request"
            | "invalid_request_error"
            | "invalid_prompt"
            | "content_policy_violation"
            | "refusal",
        ) => 400,
        Some("authentication" | "invalid_api_key") => 401,
        Some("payment_required" | "insufficient_quota") => 402,
        Some("permission_denied") => 403,
        Some("not_found") => 404,
        Some("payload_too_large") => 413,
        Some("unprocessable") => 422,
        Some("rate_limit_exceeded") => 429,
        Some("provider_unavailable") => 502,
        Some("provider_overloaded") => 503,
        Some("timeout") => 504,
        _ => 500,
    };
    StatusCode::from_u16(code).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
}

/// A free-tier daily cap reports its reset (epoch ms) in `metadata.headers`.
fn daily_reset_wait(body: &ErrorResponse, now: SystemTime) -> Option<Duration> {
    let headers = body.error.metadata.as_ref()?.headers.as_ref()?;
    let reset = headers.get("X-RateLimit-Reset")?;
    let ms = match reset {
        Value::String(text) => text.trim().parse::<u64>().ok()?,
        other => other.as_u64()?,
    };
    let reset = SystemTime::UNIX_EPOCH + Duration::from_millis(ms);
    // A reset already past (a clock skew, a stale body) is no advice at all.
    reset
        .duration_since(now)
        .ok()
        .filter(|wait| !wait.is_zero())
}

/// "…but can only afford 61723…" → 61723.
fn affordable_tokens(message: &str) -> Option<u64> {
    let rest = &message[message.find("can only afford ")? + "can only afford ".len()..];
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok()
}

fn looks_like_html(text: &str) -> bool {
    let start = text
        .trim_start()
        .get(..15)
        .unwrap_or(text)
        .to_ascii_lowercase();
    start.starts_with("<!doctype") || start.starts_with("<html") || start.starts_with('<')
}

fn truncate_chars(text: &str, max: usize) -> &str {
    match text.char_indices().nth(max) {
        Some((end, _)) => &text[..end],
        None => text,
    }
}

fn human(wait: Duration) -> String {
    let secs = wait.as_secs();
    if secs >= 3600 {
        format!("{}h{:02}m", secs / 3600, (secs % 3600) / 60)
    } else if secs >= 60 {
        format!("{}m{:02}s", secs / 60, secs % 60)
    } else if wait.subsec_millis() > 0 && secs < 10 {
        format!("{:.1}s", wait.as_secs_f64())
    } else {
        format!("{secs}s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(status: u16, body: &str) -> ApiError {
        ApiError::from_response(
            StatusCode::from_u16(status).unwrap(),
            &HeaderMap::new(),
            body.as_bytes(),
        )
    }

    #[test]
    fn messages_tell_the_user_what_to_do() {
        let e = err(
            401,
            r#"{"error":{"message":"No auth credentials found","code":401}}"#,
        );
        assert_eq!(
            e.to_string(),
            "openrouter returned 401 Unauthorized: No auth credentials found; check that OPENROUTER_API_KEY holds a valid, enabled key"
        );
        let e = err(
            402,
            r#"{"error":{"message":"This request requires more credits, or fewer max_tokens. You requested up to 65536 tokens, but can only afford 61723. To increase","code":402}}"#,
        );
        assert!(
            e.to_string()
                .ends_with("or lower max_tokens to at most 61723"),
            "{e}"
        );
        let e = err(
            403,
            r#"{"error":{"message":"flagged","code":403,"metadata":{"reasons":["misc","violence"],"flagged_input":"x"}}}"#,
        );
        assert_eq!(e.moderation_reasons(), ["misc", "violence"]);
        assert!(e.to_string().contains("(misc, violence)"), "{e}");
    }

    #[test]
    fn a_transient_code_wrapped_in_a_400_or_200_is_retryable() {
        let e = err(
            400,
            r#"{"error":{"message":"Provider returned error","code":502}}"#,
        );
        assert_eq!(e.status(), StatusCode::BAD_GATEWAY);
        assert!(e.is_retryable());
        let e = err(
            400,
            r#"{"error":{"message":"bad","code":400,"metadata":{"error_type":"rate_limit_exceeded"}}}"#,
        );
        assert!(e.is_retryable());
        let e = err(
            400,
            r#"{"error":{"message":"Context too long","code":400}}"#,
        );
        assert!(!e.is_retryable());
        let e = err(
            200,
            r#"{"error":{"message":"Provider returned error","code":429}}"#,
        );
        assert_eq!(e.status(), StatusCode::TOO_MANY_REQUESTS);
        assert_eq!(e.http_status(), StatusCode::OK);
        assert!(e.is_retryable());
    }

    #[test]
    fn non_json_bodies_keep_the_status_and_an_excerpt() {
        let e = err(502, "<html><body>Bad gateway</body></html>");
        assert_eq!(e.status(), StatusCode::BAD_GATEWAY);
        assert_eq!(
            e.body_excerpt(),
            Some("<html><body>Bad gateway</body></html>")
        );
        assert!(e.message().contains("HTML"));
        assert!(e.is_retryable());
        let e = err(503, "");
        assert_eq!(e.message(), "empty response body");
        let long = "x".repeat(10_000);
        let e = err(500, &long);
        assert!(e.body_excerpt().unwrap().len() <= 512 + '…'.len_utf8());
    }

    #[test]
    fn the_daily_cap_is_not_retried_and_reports_its_reset() {
        let reset = SystemTime::now() + Duration::from_secs(7200);
        let ms = reset
            .duration_since(SystemTime::UNIX_EPOCH)
            .unwrap()
            .as_millis();
        let body = format!(
            r#"{{"error":{{"message":"Rate limit exceeded: free-models-per-day","code":429,"metadata":{{"headers":{{"X-RateLimit-Limit":"50","X-RateLimit-Remaining":"0","X-RateLimit-Reset":"{ms}"}},"limit_source":"openrouter_free_tier_daily"}}}}}}"#
        );
        let e = err(429, &body);
        assert!(!e.is_retryable());
        let wait = e.retry_after().unwrap();
        assert!(wait > Duration::from_secs(7100) && wait <= Duration::from_secs(7200));
        assert!(
            e.to_string().contains("resets in 1h59m") || e.to_string().contains("resets in 2h00m"),
            "{e}"
        );
    }

    #[test]
    fn the_daily_reset_outranks_a_generic_retry_after_unless_it_is_past() {
        let body = |ms: u128| {
            format!(
                r#"{{"error":{{"message":"Rate limit exceeded: free-models-per-day","code":429,"metadata":{{"headers":{{"X-RateLimit-Reset":"{ms}"}},"limit_source":"openrouter_free_tier_daily"}}}}}}"#
            )
        };
        let epoch_ms = |t: SystemTime| {
            t.duration_since(SystemTime::UNIX_EPOCH)
                .unwrap()
                .as_millis()
        };
        let mut headers = HeaderMap::new();
        headers.insert("retry-after", http::HeaderValue::from_static("30"));
        let status = StatusCode::TOO_MANY_REQUESTS;

        let ahead = body(epoch_ms(SystemTime::now() + Duration::from_secs(3600)));
        let e = ApiError::from_response(status, &headers, ahead.as_bytes());
        assert!(e.retry_after().unwrap() > Duration::from_secs(3500), "{e}");

        let past = body(epoch_ms(SystemTime::now() - Duration::from_secs(3600)));
        let e = ApiError::from_response(status, &headers, past.as_bytes());
        assert_eq!(e.retry_after(), Some(Duration::from_secs(30)), "{e}");
    }

    #[test]
    fn availability_retry_after_is_used_without_a_header() {
        let e = err(
            429,
            r#"{"error":{"message":"All providers are at capacity","error_type":"rate_limit_exceeded","http_status":429,"availability":{"code":"capacity_exhausted","retryable":true,"retry_after":40}}}"#,
        );
        assert_eq!(e.retry_after(), Some(Duration::from_secs(40)));
        assert!(e.is_retryable());
    }
}
