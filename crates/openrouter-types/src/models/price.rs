//! `Price`: an exact decimal price as `/models` sends it (a string), with parsed views.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A price in USD per unit (token, request, image…), kept exactly as sent.
///
/// OpenRouter sends prices as decimal strings (`"0.000003"`) so that they stay
/// exact. `Price` keeps that text and offers parsed views; it never rounds on
/// its own. A bare JSON number is accepted too (some mirrors send numbers) and
/// serializes back as a number. Special router entries such as
/// `openrouter/auto` use `"-1"`, meaning "depends on the model picked".
///
/// ```
/// use openrouter_types::Price;
/// let price: Price = serde_json::from_str(r#""0.000003""#)?;
/// assert_eq!(price.as_str(), "0.000003");
/// assert_eq!(price.per_million(), Some(3.0));
/// assert!(!price.is_free());
/// assert_eq!(serde_json::to_string(&price)?, r#""0.000003""#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Price {
    text: String,
    // Remembers the JSON spelling so a decode → encode round trip is exact.
    was_number: bool,
}

impl Price {
    /// A price from its decimal text, e.g. `"0.000003"`.
    pub fn new(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            was_number: false,
        }
    }

    /// The exact decimal text as sent.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The price as a float, or `None` when the text is not a number.
    ///
    /// Floats cannot hold every decimal exactly; use [`Price::as_str`] when
    /// you need the exact value (for example to feed a decimal crate).
    pub fn as_f64(&self) -> Option<f64> {
        self.text
            .trim()
            .parse::<f64>()
            .ok()
            .filter(|v| v.is_finite())
    }

    /// The price per million units (the figure openrouter.ai shows per token).
    pub fn per_million(&self) -> Option<f64> {
        // Scaling the decimal text by moving the point would be exact, but the
        // result is a float anyway; multiply and round away float noise.
        self.as_f64().map(|v| (v * 1e6 * 1e9).round() / 1e9)
    }

    /// Whether the price is exactly zero.
    pub fn is_free(&self) -> bool {
        self.as_f64() == Some(0.0)
    }

    /// Whether the price is negative, which OpenRouter uses for "variable"
    /// (routers such as `openrouter/auto` send `"-1"`).
    pub fn is_variable(&self) -> bool {
        self.as_f64().is_some_and(|v| v < 0.0)
    }
}

impl fmt::Debug for Price {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Price({})", self.text)
    }
}

impl fmt::Display for Price {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl From<&str> for Price {
    fn from(text: &str) -> Self {
        Self::new(text)
    }
}

impl From<String> for Price {
    fn from(text: String) -> Self {
        Self::new(text)
    }
}

impl Serialize for Price {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if self.was_number
            && let Ok(number) = self.text.parse::<serde_json::Number>()
        {
            return number.serialize(serializer);
        }
        serializer.serialize_str(&self.text)
    }
}

impl<'de> Deserialize<'de> for Price {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Repr {
            Text(String),
            Number(serde_json::Number),
        }
        Ok(match Repr::deserialize(deserializer)? {
            Repr::Text(text) => Self {
                text,
                was_number: false,
            },
            Repr::Number(number) => Self {
                text: number.to_string(),
                was_number: true,
            },
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_scales() {
        let p = Price::new("0.00000005");
        assert_eq!(p.as_f64(), Some(5e-8));
        assert_eq!(p.per_million(), Some(0.05));
        assert!(Price::new("-1").is_variable());
        assert!(Price::new("0").is_free());
        assert_eq!(Price::new("abc").as_f64(), None);
    }

    #[test]
    fn number_spelling_survives() {
        let p: Price = serde_json::from_str("0.5").unwrap();
        assert_eq!(p.as_str(), "0.5");
        assert_eq!(serde_json::to_string(&p).unwrap(), "0.5");
        let p: Price = serde_json::from_str("\"0.5\"").unwrap();
        assert_eq!(serde_json::to_string(&p).unwrap(), "\"0.5\"");
    }
}
