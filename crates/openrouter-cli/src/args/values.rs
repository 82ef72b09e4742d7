//! Value parsers for the command line: counts that must be positive, durations, and ids that
//! must not be empty, each refusing bad input with a message that says what is expected.
//!
//! Numeric options are declared with `allow_negative_numbers`, so `--max-tokens -1` reaches
//! these parsers (and gets "expected a positive whole number") instead of clap reading `-1` as
//! an unknown flag.

use std::time::Duration;

/// A count of 1 or more (`--max-tokens`, `--top`).
pub fn positive(text: &str) -> Result<u32, String> {
    match text.trim().parse::<u32>() {
        Ok(n) if n > 0 => Ok(n),
        _ => Err("expected a positive whole number (1 or more)".to_owned()),
    }
}

/// A count of 0 or more (`--max-retries`).
pub fn whole(text: &str) -> Result<u32, String> {
    text.trim()
        .parse::<u32>()
        .map_err(|_| "expected a whole number of 0 or more".to_owned())
}

/// A port on 127.0.0.1 (0 picks a free one).
pub fn port(text: &str) -> Result<u16, String> {
    text.trim()
        .parse::<u16>()
        .map_err(|_| "expected a port number from 0 to 65535".to_owned())
}

/// Milliseconds, 0 or more (`--delay-ms`).
pub fn millis(text: &str) -> Result<u64, String> {
    text.trim()
        .parse::<u64>()
        .map_err(|_| "expected a whole number of milliseconds, 0 or more".to_owned())
}

/// Seconds above 0, fractions allowed (`--timeout 2.5`), at most a day.
pub fn seconds(text: &str) -> Result<Duration, String> {
    const DAY: f64 = 86_400.0;
    match text.trim().parse::<f64>() {
        Ok(secs) if secs > 0.0 && secs <= DAY => Ok(Duration::from_secs_f64(secs)),
        _ => Err("expected a number of seconds above 0 (at most 86400)".to_owned()),
    }
}

/// A model slug: not empty (`--model ""` would reach the API as "no model").
pub fn slug(text: &str) -> Result<String, String> {
    if text.trim().is_empty() {
        return Err(
            "expected a model slug such as openai/gpt-4o-mini, not an empty value (`openrouter models` lists them)"
                .to_owned(),
        );
    }
    Ok(text.trim().to_owned())
}

/// An id, hash or name: not empty.
pub fn id(text: &str) -> Result<String, String> {
    if text.trim().is_empty() {
        return Err("expected an id, not an empty value".to_owned());
    }
    Ok(text.trim().to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_refuse_negative_zero_and_text() {
        assert_eq!(positive("256"), Ok(256));
        for bad in ["-1", "0", "1.5", "many", ""] {
            assert!(positive(bad).is_err(), "{bad}");
        }
        assert_eq!(whole("0"), Ok(0));
        assert!(whole("-1").is_err());
    }

    #[test]
    fn seconds_take_fractions_but_not_zero_or_less() {
        assert_eq!(seconds("2.5"), Ok(Duration::from_millis(2500)));
        for bad in ["0", "-3", "inf", "NaN", "1e9", "soon"] {
            assert!(seconds(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn ids_must_not_be_empty() {
        assert_eq!(
            slug(" openai/gpt-4o-mini "),
            Ok("openai/gpt-4o-mini".to_owned())
        );
        assert!(slug("").is_err());
        assert!(id("  ").is_err());
        assert_eq!(id("gen-1"), Ok("gen-1".to_owned()));
    }
}
