//! What OpenRouter refuses before any fixture could answer, refused the same
//! way by the mock, so a client cannot pass its tests while sending what the
//! real API would reject.
//!
//! - No `Authorization` header on a route that needs a key: 401 with
//!   OpenRouter's "No auth credentials found".
//! - A JSON body that is not JSON: 400.
//! - `POST /chat/completions` without `messages` (or `prompt`): 400.
//! - A management route called with an inference key: 401 "Invalid
//!   management key". The mock cannot tell keys apart, so by convention a
//!   bearer token starting with [`INFERENCE_KEY_PREFIX`] is an inference key.

use hyper::HeaderMap;
use serde_json::Value;

/// Bearer tokens with this prefix are inference keys to the mock: management
/// routes refuse them, as OpenRouter refuses a key that is not a management key.
pub const INFERENCE_KEY_PREFIX: &str = "sk-or-v1-inference-";

/// Routes that answer without a key (path below `/api/v1`, method).
fn is_public(method: &str, path: &str) -> bool {
    let catalogue = method == "GET"
        && (matches!(
            path,
            "/models"
                | "/models/count"
                | "/embeddings/models"
                | "/providers"
                | "/endpoints/zdr"
                | "/images/models"
                | "/videos/models"
                | "/benchmarks"
                | "/classifications/task"
        ) || path.starts_with("/model/")
            || path.starts_with("/datasets/")
            || path.starts_with("/images/models/")
            || (path.starts_with("/models/") && path.ends_with("/endpoints")));
    // The OAuth exchange is how a key is obtained in the first place.
    catalogue || (method == "POST" && path == "/auth/keys")
}

/// Routes that need a management key.
fn is_management(path: &str) -> bool {
    [
        "/keys",
        "/byok",
        "/guardrails",
        "/workspaces",
        "/observability",
        "/scim",
        "/organization",
        "/activity",
        "/analytics",
        "/credits",
    ]
    .iter()
    .any(|prefix| path == *prefix || path.starts_with(&format!("{prefix}/")))
}

/// The refusal for this request, if OpenRouter would refuse it: status and message.
pub(crate) fn refusal(
    method: &str,
    path: &str,
    headers: &HeaderMap,
    body: &[u8],
) -> Option<(u16, String)> {
    let path = path.strip_prefix("/api/v1")?;
    let token = headers
        .get(hyper::header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .map(|v| v.strip_prefix("Bearer ").unwrap_or(v).trim());
    match token {
        None | Some("") if !is_public(method, path) => {
            return Some((401, "No auth credentials found".to_owned()));
        }
        Some(token) if token.starts_with(INFERENCE_KEY_PREFIX) && is_management(path) => {
            return Some((401, "Invalid management key".to_owned()));
        }
        _ => {}
    }
    let json = headers
        .get(hyper::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.trim_start().starts_with("application/json"));
    if json && !body.is_empty() {
        let value = match serde_json::from_slice::<Value>(body) {
            Ok(value) => value,
            Err(e) => return Some((400, format!("Invalid JSON in request body: {e}"))),
        };
        if method == "POST"
            && path == "/chat/completions"
            && value.get("messages").is_none()
            && value.get("prompt").is_none()
        {
            return Some((
                400,
                "Input required: specify \"prompt\" or \"messages\"".to_owned(),
            ));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.insert(*name, value.parse().unwrap());
        }
        map
    }

    #[test]
    fn refusals_follow_openrouter() {
        let none = headers(&[]);
        let key = headers(&[
            ("authorization", "Bearer k"),
            ("content-type", "application/json"),
        ]);
        let inference = headers(&[("authorization", "Bearer sk-or-v1-inference-1")]);
        assert_eq!(refusal("GET", "/api/v1/key", &none, b"").unwrap().0, 401);
        assert_eq!(refusal("GET", "/api/v1/models", &none, b""), None);
        assert_eq!(
            refusal("GET", "/api/v1/model/openai/gpt-4o", &none, b""),
            None
        );
        assert_eq!(refusal("GET", "/api/v1/key", &key, b""), None);
        assert_eq!(
            refusal("POST", "/api/v1/chat/completions", &key, b"{")
                .unwrap()
                .0,
            400
        );
        assert_eq!(
            refusal(
                "POST",
                "/api/v1/chat/completions",
                &key,
                br#"{"model":"m"}"#
            )
            .unwrap()
            .0,
            400
        );
        assert_eq!(
            refusal(
                "POST",
                "/api/v1/chat/completions",
                &key,
                br#"{"messages":[]}"#
            ),
            None
        );
        assert_eq!(
            refusal("GET", "/api/v1/keys", &inference, b"").unwrap().0,
            401
        );
        assert_eq!(refusal("GET", "/api/v1/key", &inference, b""), None);
        assert_eq!(refusal("GET", "/api/v1/keystone", &inference, b""), None);
    }
}
