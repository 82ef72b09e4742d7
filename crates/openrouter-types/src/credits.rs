//! The account's credits (`GET /credits`).

use serde::{Deserialize, Serialize};

use crate::Extra;

/// `GET /credits`'s payload (inside [`Data`](crate::Data)), in USD.
///
/// ```
/// use openrouter_types::{Data, credits::Credits};
/// let body: Data<Credits> =
///     serde_json::from_str(r#"{"data":{"total_credits":100.5,"total_usage":25.75}}"#)?;
/// assert_eq!(body.data.remaining(), 74.75);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Credits {
    /// Credits ever bought.
    pub total_credits: f64,
    /// Credits ever spent.
    pub total_usage: f64,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

impl Credits {
    /// Balance left: `total_credits - total_usage`.
    pub fn remaining(&self) -> f64 {
        self.total_credits - self.total_usage
    }
}
