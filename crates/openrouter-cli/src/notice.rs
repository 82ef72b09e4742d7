//! What the CLI says while the client waits and retries ("rate-limited by Together; retrying
//! in 40 s (attempt 2 of 3)"), and the advice an error body carries: the models OpenRouter
//! suggests instead, with the flags that use them.

use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use openrouter_api::{ApiError, Error, RetryNotice, TimeoutKind, TransportKind};

use crate::progress;

/// The client's retry hook: one line on stderr per retry (above the spinner on a terminal), and
/// the models OpenRouter suggests, once per run.
///
/// A network failure's URL and cause are not repeated here: the final error names them once.
pub fn on_retry(notice: &RetryNotice<'_>) {
    static SUGGESTED: AtomicBool = AtomicBool::new(false);
    progress::eprint_line(&retry_line(notice));
    if let Some(hint) = fallback_hint(notice.error())
        && !SUGGESTED.swap(true, Ordering::Relaxed)
    {
        progress::eprint_line(&hint);
    }
}

/// `rate-limited by Together; retrying in 40 s (attempt 2 of 3)`.
pub fn retry_line(notice: &RetryNotice<'_>) -> String {
    format!(
        "{}; retrying in {} (attempt {} of {})",
        reason(notice.error()),
        wait(notice.delay()),
        notice.attempt(),
        notice.max_attempts()
    )
}

/// `hint: OpenRouter suggests A instead: …`, when the error body names fallback models
/// (`error.availability.fallback_models`, the documented place; no capture shows another).
pub fn fallback_hint(error: &Error) -> Option<String> {
    let models = error.fallback_models();
    let first = models.first()?;
    let (them, it) = if models.len() == 1 {
        ("it", first.clone())
    } else {
        ("them", models.join(", "))
    };
    let one = if models.len() == 1 { "it" } else { "one" };
    Some(format!(
        "hint: OpenRouter suggests {it} instead: use {one} with `--model {first}`, or keep your \
         model and add `--models {}` to fall back to {them} automatically",
        models.join(",")
    ))
}

/// Why the attempt failed, in a few words.
fn reason(error: &Error) -> String {
    if let Some(api) = error.api() {
        let who = who(api);
        if api.is_rate_limited() {
            return format!("rate-limited by {who}");
        }
        if api.status().as_u16() == 404 {
            // Only retried where the answer appears shortly (generation stats): not an outage.
            return format!("not available yet (404 from {who})");
        }
        let detail = api
            .raw_message()
            .unwrap_or_else(|| api.message().to_owned());
        return format!(
            "{} from {who}: {}",
            api.status().as_u16(),
            shorten(&detail, 100)
        );
    }
    match error {
        Error::Transport(e) if matches!(e.kind(), TransportKind::Connect | TransportKind::Tls) => {
            "could not connect".to_owned()
        }
        Error::Transport(_) => "the connection broke".to_owned(),
        Error::Timeout(e) if e.kind() == TimeoutKind::Connect => {
            format!("could not connect within {}", wait(e.duration()))
        }
        Error::Timeout(e) => format!("no answer within {}", wait(e.duration())),
        _ => "the attempt failed".to_owned(),
    }
}

/// Who answered: the provider the error names, the providers it says are affected, or
/// OpenRouter itself.
fn who(api: &ApiError) -> String {
    if let Some(provider) = api.provider_name() {
        return provider.to_owned();
    }
    let affected = api
        .error_body()
        .and_then(|body| body.availability.as_ref())
        .and_then(|availability| availability.affected_providers.as_deref())
        .unwrap_or_default();
    if affected.is_empty() {
        "OpenRouter".to_owned()
    } else {
        affected.join(", ")
    }
}

/// `40 s`, `1.5 s`, `250 ms`.
pub fn wait(wait: Duration) -> String {
    if wait < Duration::from_secs(1) {
        format!("{} ms", wait.as_millis())
    } else if wait.subsec_millis() < 50 || wait >= Duration::from_secs(10) {
        format!("{} s", wait.as_secs_f64().round())
    } else {
        format!("{:.1} s", wait.as_secs_f64())
    }
}

/// At most `max` characters of the first line of `text`, with `…` when cut.
fn shorten(text: &str, max: usize) -> String {
    let line = text.lines().next().unwrap_or_default().trim();
    match line.char_indices().nth(max) {
        Some((at, _)) => format!("{}…", &line[..at]),
        None => line.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn waits_read_as_a_person_would_say_them() {
        assert_eq!(wait(Duration::from_millis(250)), "250 ms");
        assert_eq!(wait(Duration::from_secs(40)), "40 s");
        assert_eq!(wait(Duration::from_millis(1500)), "1.5 s");
    }

    #[test]
    fn long_messages_are_cut_on_a_character() {
        assert_eq!(shorten("ab\ncd", 5), "ab");
        assert_eq!(shorten("日本語のテキスト", 3), "日本語…");
    }
}
