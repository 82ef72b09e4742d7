//! Telling a field sent as `null` from a missing one, for patches and for
//! answers where `null` means something.

use serde::{Deserialize, Deserializer};

/// `deserialize_with` for `Option<Option<T>>`: a key that is present decodes
/// to `Some(value)`, `null` included (`Some(None)`); with `#[serde(default)]`
/// a missing key stays `None`.
pub(crate) fn present<'de, T, D>(deserializer: D) -> Result<Option<Option<T>>, D::Error>
where
    T: Deserialize<'de>,
    D: Deserializer<'de>,
{
    Option::<T>::deserialize(deserializer).map(Some)
}
