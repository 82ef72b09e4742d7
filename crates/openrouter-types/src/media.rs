//! Pieces the media endpoints share (images, videos, speech, transcription):
//! the provider passthrough object and the aspect-ratio enum.
//!
//! ```
//! use openrouter_types::media::{AspectRatio, ProviderPassthrough};
//! let provider = ProviderPassthrough::new()
//!     .option("google-vertex", serde_json::json!({"output_config": {"effort": "low"}}));
//! assert_eq!(
//!     serde_json::to_value(&provider)?,
//!     serde_json::json!({"options": {"google-vertex": {"output_config": {"effort": "low"}}}})
//! );
//! assert_eq!(AspectRatio::from("16:9"), AspectRatio::Widescreen);
//! # Ok::<(), serde_json::Error>(())
//! ```

use serde::{Deserialize, Serialize};

use crate::Extra;
use crate::open_enum::open_enum;

/// `provider` of a video, speech or transcription request: options passed
/// through to the provider that serves it, keyed by provider slug.
///
/// Only the matched provider's options are forwarded; OpenRouter drops the
/// rest, and unrecognised keys, silently.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ProviderPassthrough {
    /// Options per provider slug (`openai`, `google-vertex`…), each an object.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub options: Option<Extra>,
    /// Fields this version does not model, sent as is.
    #[serde(flatten)]
    pub extra: Extra,
}

impl ProviderPassthrough {
    /// No options.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets the options for one provider slug (replacing earlier ones for it).
    #[must_use]
    pub fn option(mut self, provider_slug: impl Into<String>, options: serde_json::Value) -> Self {
        self.options
            .get_or_insert_with(Extra::new)
            .insert(provider_slug.into(), options);
        self
    }

    /// The options for one provider slug, if set.
    pub fn options_for(&self, provider_slug: &str) -> Option<&serde_json::Value> {
        self.options.as_ref()?.get(provider_slug)
    }
}

open_enum! {
    /// Aspect ratio of a generated image or video (`aspect_ratio`). Images
    /// accept every value; videos a subset (`16:9`, `9:16`, `1:1`, `4:3`,
    /// `3:4`, `3:2`, `2:3`, `21:9`, `9:21`). Providers clamp to what they support.
    ///
    /// ```
    /// use openrouter_types::media::AspectRatio;
    /// assert_eq!(AspectRatio::Portrait.as_str(), "9:16");
    /// assert_eq!(AspectRatio::from("7:3").as_str(), "7:3");
    /// ```
    pub enum AspectRatio {
        /// `1:1`.
        Square = "1:1",
        /// `1:2`.
        OneByTwo = "1:2",
        /// `1:4`.
        OneByFour = "1:4",
        /// `1:8`.
        OneByEight = "1:8",
        /// `2:1`.
        TwoByOne = "2:1",
        /// `2:3`.
        TwoByThree = "2:3",
        /// `3:2`.
        ThreeByTwo = "3:2",
        /// `3:4`.
        ThreeByFour = "3:4",
        /// `4:1`.
        FourByOne = "4:1",
        /// `4:3`.
        FourByThree = "4:3",
        /// `4:5`.
        FourByFive = "4:5",
        /// `5:4`.
        FiveByFour = "5:4",
        /// `8:1`.
        EightByOne = "8:1",
        /// `9:16`.
        Portrait = "9:16",
        /// `16:9`.
        Widescreen = "16:9",
        /// `9:19.5`.
        NineByNineteenAndAHalf = "9:19.5",
        /// `19.5:9`.
        NineteenAndAHalfByNine = "19.5:9",
        /// `9:20`.
        NineByTwenty = "9:20",
        /// `20:9`.
        TwentyByNine = "20:9",
        /// `9:21`.
        NineByTwentyOne = "9:21",
        /// `21:9`.
        TwentyOneByNine = "21:9",
        /// `auto` (images only): let the provider choose.
        Auto = "auto",
    }
}
