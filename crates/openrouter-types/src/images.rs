//! Image generation (`POST /images`) and the image model catalogue
//! (`GET /images/models`, `GET /images/models/{author}/{slug}/endpoints`).
//!
//! A generated image comes back as base64 (`b64_json`); [`ImageData::bytes`]
//! decodes it with the crate's own standard-alphabet decoder, so this crate
//! keeps to serde alone. With `stream: true` the body is an SSE stream of
//! [`ImageStreamEvent`]s instead. Fields are declared in the spec's property
//! order, which is the order they go on the wire.
//!
//! ```
//! use openrouter_types::images::{ImageGenerationRequest, ImageGenerationResponse, ImageQuality};
//! use openrouter_types::media::AspectRatio;
//! let request = ImageGenerationRequest::new("openai/gpt-image-1", "a lighthouse at dusk")
//!     .aspect_ratio(AspectRatio::Widescreen)
//!     .quality(ImageQuality::High)
//!     .n(1);
//! assert_eq!(
//!     serde_json::to_value(&request)?,
//!     serde_json::json!({"aspect_ratio": "16:9", "model": "openai/gpt-image-1", "n": 1,
//!                        "prompt": "a lighthouse at dusk", "quality": "high"})
//! );
//! let response: ImageGenerationResponse = serde_json::from_value(serde_json::json!({
//!     "created": 1748372400,
//!     "data": [{"b64_json": "aGk=", "media_type": "image/png"}]}))?;
//! let image = &response.data[0];
//! assert_eq!(image.bytes().transpose().ok().flatten(), Some(b"hi".to_vec()));
//! assert_eq!(image.url(), None);
//! # Ok::<(), serde_json::Error>(())
//! ```

mod base64;
mod models;

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::chat::ContentPart;
use crate::media::AspectRatio;
use crate::open_enum::open_enum;
use crate::routing::ProviderPreferences;
use crate::tagged::string_tagged;
use crate::usage::Usage;
use crate::{Extra, ModelId};

pub use models::{
    Capability, ImageBillable, ImageEndpoint, ImageModel, ImageModelArchitecture,
    ImageModelEndpoints, ImageModelsList, ImagePricing, ImagePricingUnit, SupportedParameters,
};

/// `POST /images` body.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ImageGenerationRequest {
    /// Aspect ratio; providers clamp to the ratios they support.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub aspect_ratio: Option<AspectRatio>,
    /// Background treatment (`transparent` needs `png` or `webp` output).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub background: Option<ImageBackground>,
    /// Reference images for image-to-image (up to 16 `image_url` parts).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub input_references: Option<Vec<ContentPart>>,
    /// Image model slug.
    pub model: ModelId,
    /// Upper bound on the number of images (1-10); providers may return fewer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub n: Option<u32>,
    /// Compression level 0-100 for `webp`/`jpeg` output.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub output_compression: Option<u32>,
    /// Encoding of the returned image bytes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub output_format: Option<ImageOutputFormat>,
    /// What to draw (not empty).
    pub prompt: String,
    /// Provider routing (`order`, `only`, `ignore`, `allow_fallbacks`, `sort`)
    /// and passthrough options (`options`, kept in its `extra`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provider: Option<ProviderPreferences>,
    /// Rendering quality; ignored by providers without the knob.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quality: Option<ImageQuality>,
    /// Resolution tier; pixel sizes are derived per provider.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resolution: Option<ImageResolution>,
    /// Seed for (best-effort) deterministic sampling.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seed: Option<i64>,
    /// Shorthand for the output size: a tier (`2K`) or pixels (`2048x2048`).
    /// Pixels are authoritative: a conflicting `resolution` or `aspect_ratio` is a 400.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub size: Option<String>,
    /// Stream partial images as SSE ([`ImageStreamEvent`]); providers without
    /// native streaming ignore it and answer in one body.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stream: Option<bool>,
    /// Fields this version does not model, sent as is.
    #[serde(flatten)]
    pub extra: Extra,
}

impl ImageGenerationRequest {
    /// A request to draw `prompt` with `model`.
    pub fn new(model: impl Into<ModelId>, prompt: impl Into<String>) -> Self {
        Self {
            aspect_ratio: None,
            background: None,
            input_references: None,
            model: model.into(),
            n: None,
            output_compression: None,
            output_format: None,
            prompt: prompt.into(),
            provider: None,
            quality: None,
            resolution: None,
            seed: None,
            size: None,
            stream: None,
            extra: Extra::new(),
        }
    }

    /// Sets `aspect_ratio`.
    #[must_use]
    pub fn aspect_ratio(mut self, ratio: impl Into<AspectRatio>) -> Self {
        self.aspect_ratio = Some(ratio.into());
        self
    }

    /// Sets `background`.
    #[must_use]
    pub fn background(mut self, background: impl Into<ImageBackground>) -> Self {
        self.background = Some(background.into());
        self
    }

    /// Sets the reference images (`ContentPart::image_url(…)` parts).
    #[must_use]
    pub fn input_references(mut self, parts: impl IntoIterator<Item = ContentPart>) -> Self {
        self.input_references = Some(parts.into_iter().collect());
        self
    }

    /// Sets `n`, the most images to generate.
    #[must_use]
    pub fn n(mut self, n: u32) -> Self {
        self.n = Some(n);
        self
    }

    /// Sets `output_compression` (0-100).
    #[must_use]
    pub fn output_compression(mut self, level: u32) -> Self {
        self.output_compression = Some(level);
        self
    }

    /// Sets `output_format`.
    #[must_use]
    pub fn output_format(mut self, format: impl Into<ImageOutputFormat>) -> Self {
        self.output_format = Some(format.into());
        self
    }

    /// Sets provider routing and passthrough options.
    #[must_use]
    pub fn provider(mut self, provider: impl Into<ProviderPreferences>) -> Self {
        self.provider = Some(provider.into());
        self
    }

    /// Sets `quality`.
    #[must_use]
    pub fn quality(mut self, quality: impl Into<ImageQuality>) -> Self {
        self.quality = Some(quality.into());
        self
    }

    /// Sets `resolution`.
    #[must_use]
    pub fn resolution(mut self, resolution: impl Into<ImageResolution>) -> Self {
        self.resolution = Some(resolution.into());
        self
    }

    /// Sets `seed`.
    #[must_use]
    pub fn seed(mut self, seed: i64) -> Self {
        self.seed = Some(seed);
        self
    }

    /// Sets `size`: a tier (`2K`) or pixels (`1024x1536`).
    #[must_use]
    pub fn size(mut self, size: impl Into<String>) -> Self {
        self.size = Some(size.into());
        self
    }

    /// Sets `stream`.
    #[must_use]
    pub fn stream(mut self, stream: bool) -> Self {
        self.stream = Some(stream);
        self
    }

    /// Adds a field this version does not model.
    #[must_use]
    pub fn extra_field(mut self, name: impl Into<String>, value: serde_json::Value) -> Self {
        self.extra.insert(name.into(), value);
        self
    }
}

open_enum! {
    /// `background` of an image request.
    pub enum ImageBackground {
        /// Let the model decide.
        Auto = "auto",
        /// Transparent (needs `png` or `webp`).
        Transparent = "transparent",
        /// Opaque.
        Opaque = "opaque",
    }
}

open_enum! {
    /// `output_format` of an image request.
    ///
    /// ```
    /// use openrouter_types::images::ImageOutputFormat;
    /// assert_eq!(ImageOutputFormat::Webp.media_type(), Some("image/webp"));
    /// ```
    pub enum ImageOutputFormat {
        /// PNG.
        Png = "png",
        /// JPEG.
        Jpeg = "jpeg",
        /// WebP.
        Webp = "webp",
        /// SVG markup (vectorizing models), UTF-8 then base64 in `b64_json`.
        Svg = "svg",
    }
}

impl ImageOutputFormat {
    /// The format's media type; `None` for a format this version does not know.
    pub fn media_type(&self) -> Option<&'static str> {
        Some(match self {
            Self::Png => "image/png",
            Self::Jpeg => "image/jpeg",
            Self::Webp => "image/webp",
            Self::Svg => "image/svg+xml",
            Self::Other(_) => return None,
        })
    }
}

open_enum! {
    /// `quality` of an image request.
    pub enum ImageQuality {
        /// Let the model decide.
        Auto = "auto",
        /// Low.
        Low = "low",
        /// Medium.
        Medium = "medium",
        /// High.
        High = "high",
    }
}

open_enum! {
    /// `resolution` tier of an image request.
    pub enum ImageResolution {
        /// About 512 pixels on the long side.
        R512 = "512",
        /// About 1024.
        R1K = "1K",
        /// About 2048.
        R2K = "2K",
        /// About 4096.
        R4K = "4K",
    }
}

/// `POST /images` answer (non-streaming).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ImageGenerationResponse {
    /// Unix time (seconds) of the generation.
    pub created: u64,
    /// The images.
    pub data: Vec<ImageData>,
    /// Tokens and cost, when available.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub usage: Option<Usage>,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

/// One generated image: base64 bytes (`b64_json`) or, from OpenAI-style
/// providers, a `url`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ImageData {
    /// Base64 (standard alphabet) of the image bytes; required by the spec.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub b64_json: Option<String>,
    /// Media type such as `image/png`; absent when the format is unknown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub media_type: Option<String>,
    /// Where to fetch the image (not in the spec; the OpenAI-compatible shape).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

impl ImageData {
    /// The image's bytes, decoded from `b64_json` (or from a base64 `data:`
    /// URL in `url`); `None` when the image only has a remote URL.
    ///
    /// ```
    /// use openrouter_types::images::{ImageData, ImageDecodeError};
    /// let image: ImageData = serde_json::from_str(r#"{"b64_json":"iVBORw=="}"#)?;
    /// assert_eq!(image.bytes(), Some(Ok(vec![0x89, b'P', b'N', b'G'])));
    /// let bad: ImageData = serde_json::from_str(r#"{"b64_json":"iV*O"}"#)?;
    /// assert_eq!(bad.bytes(), Some(Err(ImageDecodeError::InvalidByte { offset: 2, byte: b'*' })));
    /// let remote: ImageData = serde_json::from_str(r#"{"url":"https://example.com/a.png"}"#)?;
    /// assert_eq!(remote.bytes(), None);
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn bytes(&self) -> Option<Result<Vec<u8>, ImageDecodeError>> {
        if let Some(b64) = &self.b64_json {
            return Some(base64::decode(b64));
        }
        let rest = self.url.as_deref()?.strip_prefix("data:")?;
        let (header, payload) = rest.split_once(',')?;
        header.ends_with(";base64").then(|| base64::decode(payload))
    }

    /// The image's URL, if it was given as one (`https://…` or `data:`).
    pub fn url(&self) -> Option<&str> {
        self.url.as_deref()
    }

    /// The media type, when the server named it.
    pub fn media_type(&self) -> Option<&str> {
        self.media_type.as_deref()
    }
}

/// Why an image's base64 did not decode.
///
/// Offsets count bytes of the base64 text. The decoder takes the standard
/// alphabet of RFC 4648 §4 (`+`, `/`); padding may be left out, but when
/// present it must be correct. Whitespace and the URL-safe alphabet are errors.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ImageDecodeError {
    /// A byte outside the base64 alphabet.
    InvalidByte {
        /// Where it is.
        offset: usize,
        /// The byte.
        byte: u8,
    },
    /// `=` where it does not belong, or too much of it.
    InvalidPadding {
        /// Where the first misplaced `=` is.
        offset: usize,
    },
    /// A length no base64 text can have (one character past a group of four).
    InvalidLength {
        /// Length of the text without padding.
        length: usize,
    },
}

impl fmt::Display for ImageDecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::InvalidByte { offset, byte } => {
                write!(f, "invalid base64 byte 0x{byte:02x} at offset {offset}")
            }
            Self::InvalidPadding { offset } => {
                write!(f, "invalid base64 padding at offset {offset}")
            }
            Self::InvalidLength { length } => {
                write!(
                    f,
                    "invalid base64 length {length} (one byte past a group of four)"
                )
            }
        }
    }
}

impl std::error::Error for ImageDecodeError {}

string_tagged! {
    #[tag = "type", remote = "ImageStreamEvent", fallback = Other]
    /// One event of a streamed image generation (`stream: true`): the JSON of
    /// each SSE `data:` line until `[DONE]`.
    ///
    /// ```
    /// use openrouter_types::images::ImageStreamEvent;
    /// let event: ImageStreamEvent = serde_json::from_str(
    ///     r#"{"type":"image_generation.partial_image","b64_json":"aGk=","partial_image_index":0}"#)?;
    /// assert!(matches!(event, ImageStreamEvent::PartialImage { partial_image_index: 0, .. }));
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    #[derive(Debug, Clone, PartialEq)]
    #[non_exhaustive]
    pub enum ImageStreamEvent {
        /// A partial image (`image_generation.partial_image`).
        #[serde(rename = "image_generation.partial_image")]
        PartialImage {
            /// Base64 of the partial image.
            b64_json: String,
            /// 0-based index of this partial image.
            partial_image_index: u32,
            /// Fields this version does not model.
            #[serde(flatten)]
            extra: Extra,
        },
        /// A fragment of a text-based image such as SVG (`image_generation.text_chunk`).
        #[serde(rename = "image_generation.text_chunk")]
        TextChunk {
            /// `content` (renderable) or an intermediate phase (`reasoning`, `draft`).
            phase: String,
            /// The fragment.
            text: String,
            /// Fields this version does not model.
            #[serde(flatten)]
            extra: Extra,
        },
        /// The final image (`image_generation.completed`).
        #[serde(rename = "image_generation.completed")]
        Completed {
            /// Base64 of the final image.
            b64_json: String,
            /// Unix time (seconds) of the generation.
            created: u64,
            /// Media type, when known.
            #[serde(default, skip_serializing_if = "Option::is_none")]
            media_type: Option<String>,
            /// Tokens and cost.
            #[serde(default, skip_serializing_if = "Option::is_none")]
            usage: Option<Usage>,
            /// Fields this version does not model.
            #[serde(flatten)]
            extra: Extra,
        },
        /// Generation failed after the stream started (`error`).
        #[serde(rename = "error")]
        Error {
            /// The provider's error: `message`, and `code`, `param`, `type` when supplied.
            error: Extra,
            /// Fields this version does not model.
            #[serde(flatten)]
            extra: Extra,
        },
        /// An event type this version does not model, kept whole (including `type`).
        #[serde(untagged)]
        Other(serde_json::Value),
    }
}
