//! Message content of the Responses API: a plain string or typed parts.

use crate::tagged::string_tagged;
use serde::{Deserialize, Serialize};

use crate::Extra;

/// `content` of a message item: a plain string (easy input) or a list of parts.
///
/// ```
/// use openrouter_types::responses::{ContentPart, MessageContent};
/// let c: MessageContent = serde_json::from_str(r#"[{"type":"output_text","text":"4","annotations":[]}]"#)?;
/// assert_eq!(c.text(), "4");
/// assert_eq!(MessageContent::from("hi").text(), "hi");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
#[non_exhaustive]
pub enum MessageContent {
    /// A plain string.
    Text(String),
    /// Typed parts.
    Parts(Vec<ContentPart>),
}

impl MessageContent {
    /// The concatenated text of all text parts (input, output, reasoning, summary).
    pub fn text(&self) -> String {
        match self {
            Self::Text(text) => text.clone(),
            Self::Parts(parts) => parts.iter().filter_map(ContentPart::text).collect(),
        }
    }
}

impl From<&str> for MessageContent {
    fn from(text: &str) -> Self {
        Self::Text(text.to_owned())
    }
}

impl From<String> for MessageContent {
    fn from(text: String) -> Self {
        Self::Text(text)
    }
}

impl From<Vec<ContentPart>> for MessageContent {
    fn from(parts: Vec<ContentPart>) -> Self {
        Self::Parts(parts)
    }
}

string_tagged! {
    #[tag = "type", remote = "ContentPart", fallback = Other, rename_all = "snake_case"]
    /// A content part, tagged by `type`. Unknown part types are kept whole in `Other`.
    #[derive(Debug, Clone, PartialEq)]
    #[non_exhaustive]
    pub enum ContentPart {
        /// Text in an input message.
        InputText {
            /// The text.
            text: String,
            /// Fields this version does not model.
            #[serde(flatten)]
            extra: Extra,
        },
        /// An image in an input message (`image_url` or `file_id`, `detail`).
        InputImage {
            /// The image fields (`image_url`, `file_id`, `detail`).
            #[serde(flatten)]
            fields: Extra,
        },
        /// A file in an input message (`file_data`, `file_id`, `file_url`, `filename`).
        InputFile {
            /// The file fields.
            #[serde(flatten)]
            fields: Extra,
        },
        /// Audio in an input message (`input_audio: {data, format}`).
        InputAudio {
            /// The audio fields.
            #[serde(flatten)]
            fields: Extra,
        },
        /// Text the model wrote.
        OutputText {
            /// The text.
            text: String,
            /// Citations and file references.
            #[serde(default, skip_serializing_if = "Option::is_none")]
            annotations: Option<Vec<serde_json::Value>>,
            /// Token log probabilities, when requested.
            #[serde(default, skip_serializing_if = "Option::is_none")]
            logprobs: Option<Vec<serde_json::Value>>,
            /// Fields this version does not model.
            #[serde(flatten)]
            extra: Extra,
        },
        /// A refusal the model wrote instead of an answer.
        Refusal {
            /// The refusal text.
            refusal: String,
            /// Fields this version does not model.
            #[serde(flatten)]
            extra: Extra,
        },
        /// Raw reasoning text (open-weight models such as gpt-oss).
        ReasoningText {
            /// The reasoning.
            text: String,
            /// Fields this version does not model.
            #[serde(flatten)]
            extra: Extra,
        },
        /// A reasoning summary.
        SummaryText {
            /// The summary.
            text: String,
            /// Fields this version does not model.
            #[serde(flatten)]
            extra: Extra,
        },
        /// A part type this version does not model, kept whole (including `type`).
        #[serde(untagged)]
        Other(serde_json::Value),
    }
}

impl ContentPart {
    /// An `input_text` part.
    pub fn input_text(text: impl Into<String>) -> Self {
        Self::InputText {
            text: text.into(),
            extra: Extra::new(),
        }
    }

    /// An `input_image` part from a URL or `data:` URL (`detail: auto`).
    pub fn input_image(url: impl Into<String>) -> Self {
        let mut fields = Extra::new();
        fields.insert("image_url".into(), url.into().into());
        fields.insert("detail".into(), "auto".into());
        Self::InputImage { fields }
    }

    /// The text of a text-bearing part (input, output, reasoning or summary text).
    pub fn text(&self) -> Option<&str> {
        match self {
            Self::InputText { text, .. }
            | Self::OutputText { text, .. }
            | Self::ReasoningText { text, .. }
            | Self::SummaryText { text, .. } => Some(text),
            _ => None,
        }
    }
}
