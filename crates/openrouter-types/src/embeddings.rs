//! Embeddings (`POST /embeddings`, `GET /embeddings/models`).
//!
//! `GET /embeddings/models` answers a [`ModelsList`](crate::models::ModelsList).
//!
//! ```
//! use openrouter_types::embeddings::{EmbeddingsRequest, EmbeddingsResponse, EncodingFormat};
//! let request = EmbeddingsRequest::new("openai/text-embedding-3-small", ["hello", "world"])
//!     .dimensions(256)
//!     .encoding_format(EncodingFormat::Float);
//! assert_eq!(
//!     serde_json::to_value(&request)?,
//!     serde_json::json!({"model": "openai/text-embedding-3-small", "input": ["hello", "world"],
//!                        "encoding_format": "float", "dimensions": 256})
//! );
//! let response: EmbeddingsResponse = serde_json::from_str(
//!     r#"{"object":"list","data":[{"object":"embedding","embedding":[0.5,-0.25],"index":0}],
//!        "model":"text-embedding-3-small","usage":{"prompt_tokens":3,"total_tokens":3,"cost":6e-8}}"#,
//! )?;
//! assert_eq!(response.data[0].embedding.to_f32_vec(), Some(vec![0.5, -0.25]));
//! # Ok::<(), serde_json::Error>(())
//! ```

use crate::tagged::string_tagged;
use serde::{Deserialize, Serialize};

use crate::open_enum::open_enum;
use crate::routing::ProviderPreferences;
use crate::usage::Usage;
use crate::{Extra, ModelId};

/// `POST /embeddings` body.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct EmbeddingsRequest {
    /// Embedding model slug.
    pub model: ModelId,
    /// What to embed.
    pub input: EmbeddingInput,
    /// `float` (default) or `base64`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub encoding_format: Option<EncodingFormat>,
    /// Output dimensions (models that support shortening).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dimensions: Option<u32>,
    /// Input role for asymmetric models, e.g. `search_query` or `search_document`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub input_type: Option<String>,
    /// Provider routing preferences.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provider: Option<ProviderPreferences>,
    /// Your end user's id, for abuse tracking.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user: Option<String>,
    /// Fields this version does not model, sent as is.
    #[serde(flatten)]
    pub extra: Extra,
}

impl EmbeddingsRequest {
    /// A request to embed `input` with `model`.
    pub fn new(model: impl Into<ModelId>, input: impl Into<EmbeddingInput>) -> Self {
        Self {
            model: model.into(),
            input: input.into(),
            encoding_format: None,
            dimensions: None,
            input_type: None,
            provider: None,
            user: None,
            extra: Extra::new(),
        }
    }

    /// Sets `encoding_format`.
    pub fn encoding_format(mut self, format: EncodingFormat) -> Self {
        self.encoding_format = Some(format);
        self
    }

    /// Sets `dimensions`.
    pub fn dimensions(mut self, dimensions: u32) -> Self {
        self.dimensions = Some(dimensions);
        self
    }

    /// Sets `input_type`.
    pub fn input_type(mut self, input_type: impl Into<String>) -> Self {
        self.input_type = Some(input_type.into());
        self
    }

    /// Sets provider routing preferences.
    pub fn provider(mut self, provider: ProviderPreferences) -> Self {
        self.provider = Some(provider);
        self
    }

    /// Sets `user`.
    pub fn user(mut self, user: impl Into<String>) -> Self {
        self.user = Some(user.into());
        self
    }

    /// Adds a field this version does not model.
    pub fn extra_field(mut self, name: impl Into<String>, value: serde_json::Value) -> Self {
        self.extra.insert(name.into(), value);
        self
    }
}

/// `input` of an embeddings request: text(s), token ids, or multimodal content.
///
/// ```
/// use openrouter_types::embeddings::EmbeddingInput;
/// assert_eq!(EmbeddingInput::from("hi"), EmbeddingInput::Text("hi".into()));
/// assert_eq!(EmbeddingInput::from(vec![1u32, 2]), EmbeddingInput::Tokens(vec![1, 2]));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
#[non_exhaustive]
pub enum EmbeddingInput {
    /// One text.
    Text(String),
    /// A batch of texts.
    Texts(Vec<String>),
    /// One pre-tokenized input.
    Tokens(Vec<u32>),
    /// A batch of pre-tokenized inputs.
    TokenBatches(Vec<Vec<u32>>),
    /// A batch of multimodal inputs.
    Multimodal(Vec<MultimodalInput>),
}

impl From<&str> for EmbeddingInput {
    fn from(text: &str) -> Self {
        Self::Text(text.to_owned())
    }
}

impl From<String> for EmbeddingInput {
    fn from(text: String) -> Self {
        Self::Text(text)
    }
}

impl From<Vec<String>> for EmbeddingInput {
    fn from(texts: Vec<String>) -> Self {
        Self::Texts(texts)
    }
}

impl From<Vec<&str>> for EmbeddingInput {
    fn from(texts: Vec<&str>) -> Self {
        Self::Texts(texts.into_iter().map(str::to_owned).collect())
    }
}

impl<const N: usize> From<[&str; N]> for EmbeddingInput {
    fn from(texts: [&str; N]) -> Self {
        Self::Texts(texts.into_iter().map(str::to_owned).collect())
    }
}

impl From<Vec<u32>> for EmbeddingInput {
    fn from(tokens: Vec<u32>) -> Self {
        Self::Tokens(tokens)
    }
}

impl From<Vec<Vec<u32>>> for EmbeddingInput {
    fn from(batches: Vec<Vec<u32>>) -> Self {
        Self::TokenBatches(batches)
    }
}

impl From<Vec<MultimodalInput>> for EmbeddingInput {
    fn from(inputs: Vec<MultimodalInput>) -> Self {
        Self::Multimodal(inputs)
    }
}

/// One multimodal embedding input: a list of content parts embedded together.
///
/// ```
/// use openrouter_types::embeddings::{EmbeddingPart, MultimodalInput};
/// let input = MultimodalInput::new([
///     EmbeddingPart::text("a red bicycle"),
///     EmbeddingPart::image_url("https://example.com/bike.png"),
/// ]);
/// assert_eq!(input.content.len(), 2);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct MultimodalInput {
    /// The parts (at least one).
    pub content: Vec<EmbeddingPart>,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

impl MultimodalInput {
    /// An input made of these parts.
    pub fn new(parts: impl IntoIterator<Item = EmbeddingPart>) -> Self {
        Self {
            content: parts.into_iter().collect(),
            extra: Extra::new(),
        }
    }
}

string_tagged! {
    #[tag = "type", remote = "EmbeddingPart", fallback = Other, rename_all = "snake_case"]
    /// A content part of a multimodal embedding input, tagged by `type`.
    ///
    /// Audio, video and file parts keep their JSON object as is (their shapes
    /// follow the chat content parts); unknown part types decode to `Other`.
    #[derive(Debug, Clone, PartialEq)]
    #[non_exhaustive]
    pub enum EmbeddingPart {
        /// Text.
        Text {
            /// The text.
            text: String,
            /// Fields this version does not model.
            #[serde(flatten)]
            extra: Extra,
        },
        /// An image by URL or `data:` URL.
        ImageUrl {
            /// `{ "url": … }`.
            image_url: ImageUrl,
            /// Fields this version does not model.
            #[serde(flatten)]
            extra: Extra,
        },
        /// Audio (`input_audio: {data, format}`).
        InputAudio {
            /// The audio fields.
            #[serde(flatten)]
            fields: Extra,
        },
        /// Video (`video_url`/`input_video` object).
        InputVideo {
            /// The rest of the part.
            #[serde(flatten)]
            fields: Extra,
        },
        /// A file (`file`/`input_file` object).
        InputFile {
            /// The rest of the part.
            #[serde(flatten)]
            fields: Extra,
        },
        /// A part type this version does not model, kept whole (including `type`).
        #[serde(untagged)]
        Other(serde_json::Value),
    }
}

impl EmbeddingPart {
    /// A text part.
    pub fn text(text: impl Into<String>) -> Self {
        Self::Text {
            text: text.into(),
            extra: Extra::new(),
        }
    }

    /// An image part from a URL or `data:` URL.
    pub fn image_url(url: impl Into<String>) -> Self {
        Self::ImageUrl {
            image_url: ImageUrl {
                url: url.into(),
                extra: Extra::new(),
            },
            extra: Extra::new(),
        }
    }
}

/// `image_url` of an image part.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ImageUrl {
    /// `https://…` or `data:image/…;base64,…`.
    pub url: String,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

open_enum! {
    /// How vectors are encoded in the response.
    ///
    /// ```
    /// use openrouter_types::embeddings::EncodingFormat;
    /// assert_eq!(EncodingFormat::Base64.as_str(), "base64");
    /// ```
    pub enum EncodingFormat {
        /// JSON arrays of numbers.
        Float = "float",
        /// Base64 of little-endian `f32`s.
        Base64 = "base64",
    }
}

/// `POST /embeddings` answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct EmbeddingsResponse {
    // Fields in the order the wire sends them (a real capture), so a round trip keeps it.
    /// Always `list`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub object: Option<String>,
    /// One vector per input.
    pub data: Vec<Embedding>,
    /// Model that served it; may lack the vendor prefix (`text-embedding-3-small`).
    pub model: String,
    /// Tokens and cost.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub usage: Option<Usage>,
    /// Provider that served it (not in the spec; seen on the wire).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provider: Option<String>,
    /// Generation id (`gen-emb-…`), usable with `GET /generation`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

/// One vector of an embeddings response.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Embedding {
    /// Always `embedding`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub object: Option<String>,
    /// The vector.
    pub embedding: EmbeddingVector,
    /// Index of the input it belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub index: Option<u32>,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

/// A vector as numbers (`encoding_format: float`) or base64 (`base64`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
#[non_exhaustive]
pub enum EmbeddingVector {
    /// Numbers, kept as `f64` so they re-encode exactly as sent.
    Float(Vec<f64>),
    /// Base64 of little-endian `f32`s.
    Base64(String),
}

impl EmbeddingVector {
    /// The vector as `f32`s, decoding base64 if needed; `None` when the
    /// base64 is malformed or not a whole number of `f32`s.
    ///
    /// ```
    /// use openrouter_types::embeddings::EmbeddingVector;
    /// // 1.0f32 and -2.0f32, little endian.
    /// let v = EmbeddingVector::Base64("AACAPwAAAMA=".into());
    /// assert_eq!(v.to_f32_vec(), Some(vec![1.0, -2.0]));
    /// ```
    pub fn to_f32_vec(&self) -> Option<Vec<f32>> {
        match self {
            #[allow(clippy::cast_possible_truncation)] // f32 is the model's own precision
            Self::Float(values) => Some(values.iter().map(|&v| v as f32).collect()),
            Self::Base64(text) => {
                let bytes = decode_base64(text)?;
                if bytes.len() % 4 != 0 {
                    return None;
                }
                Some(
                    bytes
                        .chunks_exact(4)
                        .map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]]))
                        .collect(),
                )
            }
        }
    }

    /// Number of dimensions (for base64, of whole `f32`s).
    pub fn len(&self) -> usize {
        match self {
            Self::Float(values) => values.len(),
            Self::Base64(text) => decode_base64(text).map_or(0, |b| b.len() / 4),
        }
    }

    /// Whether the vector is empty.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

// Standard alphabet with padding, as OpenAI-compatible servers send it; a
// dependency for twenty lines would break the "serde only" rule of the crate.
fn decode_base64(text: &str) -> Option<Vec<u8>> {
    fn value(c: u8) -> Option<u32> {
        Some(match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' | b'-' => 62,
            b'/' | b'_' => 63,
            _ => return None,
        } as u32)
    }
    let trimmed = text.trim_end_matches('=').as_bytes();
    let mut out = Vec::with_capacity(trimmed.len() * 3 / 4);
    for chunk in trimmed.chunks(4) {
        if chunk.len() == 1 {
            return None;
        }
        let mut acc = 0u32;
        for (i, &c) in chunk.iter().enumerate() {
            acc |= value(c)? << (18 - 6 * i);
        }
        let bytes = acc.to_be_bytes();
        out.extend_from_slice(&bytes[1..chunk.len()]);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_decodes_and_rejects_garbage() {
        assert_eq!(decode_base64("TWFu").as_deref(), Some(&b"Man"[..]));
        assert_eq!(decode_base64("TWE=").as_deref(), Some(&b"Ma"[..]));
        assert_eq!(decode_base64("TQ==").as_deref(), Some(&b"M"[..]));
        assert_eq!(decode_base64("T"), None);
        assert_eq!(decode_base64("T!!!"), None);
        assert_eq!(EmbeddingVector::Base64("TWE=".into()).to_f32_vec(), None);
    }

    #[test]
    fn multimodal_input_round_trips() {
        let json = serde_json::json!([{"content": [
            {"type": "text", "text": "cat"},
            {"type": "image_url", "image_url": {"url": "data:image/png;base64,AA=="}},
            {"type": "input_audio", "input_audio": {"data": "AA==", "format": "wav"}},
            {"type": "hologram", "depth": 3}
        ]}]);
        let input: EmbeddingInput = serde_json::from_value(json.clone()).unwrap();
        let EmbeddingInput::Multimodal(items) = &input else {
            panic!("expected multimodal, got {input:?}");
        };
        assert!(matches!(items[0].content[3], EmbeddingPart::Other(_)));
        assert_eq!(serde_json::to_value(&input).unwrap(), json);
    }
}
