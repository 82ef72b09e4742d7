//! Speech: text to audio (`POST /audio/speech`, answered with raw audio
//! bytes) and audio to text (`POST /audio/transcriptions`, a multipart
//! upload or a JSON body with base64 audio, answered with JSON).
//!
//! Fields are declared in the spec's property order, which is the order they
//! go on the wire (and into the multipart form).
//!
//! ```
//! use openrouter_types::audio::{SpeechFormat, SpeechRequest, TranscriptionRequest,
//!                               TranscriptionResponse};
//! let speech = SpeechRequest::new("openai/gpt-4o-mini-tts", "Hello world")
//!     .voice("alloy")
//!     .response_format(SpeechFormat::Mp3);
//! assert_eq!(
//!     serde_json::to_value(&speech)?,
//!     serde_json::json!({"input": "Hello world", "model": "openai/gpt-4o-mini-tts",
//!                        "response_format": "mp3", "voice": "alloy"})
//! );
//! assert_eq!(SpeechFormat::Mp3.content_type(), Some("audio/mpeg"));
//!
//! // The multipart upload: the client adds the `file` part to these fields.
//! let transcription = TranscriptionRequest::new("openai/whisper-large-v3").language("en");
//! assert_eq!(
//!     transcription.form_fields(),
//!     vec![("language", "en".to_owned()), ("model", "openai/whisper-large-v3".to_owned())]
//! );
//! let text: TranscriptionResponse =
//!     serde_json::from_str(r#"{"text":"Hello.","usage":{"cost":0.0001,"seconds":1.5}}"#)?;
//! assert_eq!(text.text, "Hello.");
//! # Ok::<(), serde_json::Error>(())
//! ```

use serde::{Deserialize, Serialize};

use crate::media::ProviderPassthrough;
use crate::open_enum::open_enum;
use crate::tagged::string_tagged;
use crate::{Extra, ModelId};

/// `POST /audio/speech` body. The answer is the audio itself, in
/// `response_format` (see [`SpeechFormat::content_type`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct SpeechRequest {
    /// Text to speak.
    pub input: String,
    /// A voice sample to clone (one `input_audio` part, optionally one `text`
    /// part with its transcript); only endpoints that clone voices take it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub input_references: Option<Vec<SpeechReference>>,
    /// Text-to-speech model slug.
    pub model: ModelId,
    /// Provider-specific passthrough options.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provider: Option<ProviderPassthrough>,
    /// Audio format of the answer (server default `pcm`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub response_format: Option<SpeechFormat>,
    /// Playback speed multiplier (models that support it, e.g. OpenAI's).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speed: Option<f64>,
    /// Voice id (provider-specific: `alloy`, `en_paul_neutral`…).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub voice: Option<String>,
    /// Fields this version does not model, sent as is.
    #[serde(flatten)]
    pub extra: Extra,
}

impl SpeechRequest {
    /// A request to speak `input` with `model`.
    pub fn new(model: impl Into<ModelId>, input: impl Into<String>) -> Self {
        Self {
            input: input.into(),
            input_references: None,
            model: model.into(),
            provider: None,
            response_format: None,
            speed: None,
            voice: None,
            extra: Extra::new(),
        }
    }

    /// Sets the voice sample to clone.
    #[must_use]
    pub fn input_references(mut self, parts: impl IntoIterator<Item = SpeechReference>) -> Self {
        self.input_references = Some(parts.into_iter().collect());
        self
    }

    /// Sets provider passthrough options.
    #[must_use]
    pub fn provider(mut self, provider: impl Into<ProviderPassthrough>) -> Self {
        self.provider = Some(provider.into());
        self
    }

    /// Sets `response_format`.
    #[must_use]
    pub fn response_format(mut self, format: impl Into<SpeechFormat>) -> Self {
        self.response_format = Some(format.into());
        self
    }

    /// Sets `speed`.
    #[must_use]
    pub fn speed(mut self, speed: f64) -> Self {
        self.speed = Some(speed);
        self
    }

    /// Sets `voice`.
    #[must_use]
    pub fn voice(mut self, voice: impl Into<String>) -> Self {
        self.voice = Some(voice.into());
        self
    }

    /// Adds a field this version does not model.
    #[must_use]
    pub fn extra_field(mut self, name: impl Into<String>, value: serde_json::Value) -> Self {
        self.extra.insert(name.into(), value);
        self
    }
}

string_tagged! {
    #[tag = "type", remote = "SpeechReference", fallback = Other, rename_all = "snake_case"]
    /// A part of a speech request's `input_references` (voice cloning).
    ///
    /// ```
    /// use openrouter_types::audio::SpeechReference;
    /// let sample = SpeechReference::audio("data:audio/wav;base64,UklGRg==");
    /// assert_eq!(
    ///     serde_json::to_value(&sample)?,
    ///     serde_json::json!({"type": "input_audio",
    ///                        "input_audio": {"data": "data:audio/wav;base64,UklGRg=="}})
    /// );
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    #[derive(Debug, Clone, PartialEq)]
    #[non_exhaustive]
    pub enum SpeechReference {
        /// The voice sample (`input_audio`).
        InputAudio {
            /// Base64 audio (a `data:` URI is allowed) and its optional format.
            input_audio: ReferenceAudio,
            /// Fields this version does not model.
            #[serde(flatten)]
            extra: Extra,
        },
        /// The sample's transcript (`text`).
        Text {
            /// The transcript.
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

impl SpeechReference {
    /// A voice sample: base64 audio or a base64 `data:` URI (at most 15 MiB decoded).
    pub fn audio(data: impl Into<String>) -> Self {
        Self::InputAudio {
            input_audio: ReferenceAudio {
                data: data.into(),
                format: None,
                extra: Extra::new(),
            },
            extra: Extra::new(),
        }
    }

    /// The transcript of the voice sample.
    pub fn text(text: impl Into<String>) -> Self {
        Self::Text {
            text: text.into(),
            extra: Extra::new(),
        }
    }
}

/// Audio carried inline as base64.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ReferenceAudio {
    /// Base64 audio, optionally as a `data:` URI.
    pub data: String,
    /// `wav`, `mp3`…; optional for voice samples (most providers sniff it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub format: Option<String>,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

open_enum! {
    /// Audio format of a speech answer (`response_format`).
    pub enum SpeechFormat {
        /// MP3 (`audio/mpeg`).
        Mp3 = "mp3",
        /// Raw 16-bit little-endian PCM (`audio/pcm`), the server's default.
        Pcm = "pcm",
    }
}

impl SpeechFormat {
    /// The `content-type` the answer carries; `None` for a format this version does not know.
    pub fn content_type(&self) -> Option<&'static str> {
        match self {
            Self::Mp3 => Some("audio/mpeg"),
            Self::Pcm => Some("audio/pcm"),
            Self::Other(_) => None,
        }
    }
}

/// The text fields of a multipart `POST /audio/transcriptions` upload; the
/// client adds the `file` part (at most 25 MB; the format comes from the file
/// name's extension or the part's content type).
///
/// Serde gives the same fields as JSON, for logging and tests; the wire form
/// is [`form_fields`](Self::form_fields).
///
/// ```
/// use openrouter_types::audio::{TimestampGranularity, TranscriptionFormat, TranscriptionRequest};
/// let request = TranscriptionRequest::new("openai/whisper-1")
///     .response_format(TranscriptionFormat::VerboseJson)
///     .temperature(0.2)
///     .timestamp_granularities([TimestampGranularity::Word, TimestampGranularity::Segment]);
/// assert_eq!(
///     request.form_fields(),
///     vec![
///         ("model", "openai/whisper-1".to_owned()),
///         ("response_format", "verbose_json".to_owned()),
///         ("temperature", "0.2".to_owned()),
///         ("timestamp_granularities[]", "word".to_owned()),
///         ("timestamp_granularities[]", "segment".to_owned()),
///     ]
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct TranscriptionRequest {
    /// Language of the audio (ISO-639-1); detected when unset.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// Transcription model slug.
    pub model: ModelId,
    /// `json` (default) or `verbose_json`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub response_format: Option<TranscriptionFormat>,
    /// Sampling temperature.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub temperature: Option<f64>,
    /// Timestamp detail for `verbose_json` (sent as repeated `timestamp_granularities[]`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timestamp_granularities: Option<Vec<TimestampGranularity>>,
}

impl TranscriptionRequest {
    /// A transcription with `model`.
    pub fn new(model: impl Into<ModelId>) -> Self {
        Self {
            language: None,
            model: model.into(),
            response_format: None,
            temperature: None,
            timestamp_granularities: None,
        }
    }

    /// Sets `language` (ISO-639-1).
    #[must_use]
    pub fn language(mut self, language: impl Into<String>) -> Self {
        self.language = Some(language.into());
        self
    }

    /// Sets `response_format`.
    #[must_use]
    pub fn response_format(mut self, format: impl Into<TranscriptionFormat>) -> Self {
        self.response_format = Some(format.into());
        self
    }

    /// Sets `temperature`.
    #[must_use]
    pub fn temperature(mut self, temperature: f64) -> Self {
        self.temperature = Some(temperature);
        self
    }

    /// Sets `timestamp_granularities`.
    #[must_use]
    pub fn timestamp_granularities(
        mut self,
        granularities: impl IntoIterator<Item = TimestampGranularity>,
    ) -> Self {
        self.timestamp_granularities = Some(granularities.into_iter().collect());
        self
    }

    /// The text parts of the form, in order, unset fields left out; a list
    /// becomes one `timestamp_granularities[]` part per value.
    pub fn form_fields(&self) -> Vec<(&'static str, String)> {
        let mut out = Vec::new();
        if let Some(language) = &self.language {
            out.push(("language", language.clone()));
        }
        out.push(("model", self.model.as_str().to_owned()));
        if let Some(format) = &self.response_format {
            out.push(("response_format", format.as_str().to_owned()));
        }
        if let Some(temperature) = self.temperature {
            out.push(("temperature", temperature.to_string()));
        }
        for granularity in self.timestamp_granularities.iter().flatten() {
            out.push(("timestamp_granularities[]", granularity.as_str().to_owned()));
        }
        out
    }
}

/// `POST /audio/transcriptions` as JSON: the audio inline as base64 (no
/// 25 MB multipart limit).
///
/// ```
/// use openrouter_types::audio::TranscriptionJsonRequest;
/// let request = TranscriptionJsonRequest::new("openai/whisper-large-v3", "UklGRiQA", "wav")
///     .language("en");
/// assert_eq!(
///     serde_json::to_value(&request)?,
///     serde_json::json!({"input_audio": {"data": "UklGRiQA", "format": "wav"},
///                        "language": "en", "model": "openai/whisper-large-v3"})
/// );
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct TranscriptionJsonRequest {
    /// The audio: raw base64 (not a `data:` URI) and its format.
    pub input_audio: TranscriptionAudio,
    /// Language of the audio (ISO-639-1); detected when unset.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// Transcription model slug.
    pub model: ModelId,
    /// Provider-specific passthrough options.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provider: Option<ProviderPassthrough>,
    /// `json` (default) or `verbose_json`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub response_format: Option<TranscriptionFormat>,
    /// Sampling temperature.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub temperature: Option<f64>,
    /// Timestamp detail for `verbose_json`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timestamp_granularities: Option<Vec<TimestampGranularity>>,
    /// Fields this version does not model, sent as is.
    #[serde(flatten)]
    pub extra: Extra,
}

impl TranscriptionJsonRequest {
    /// A transcription of base64 `data` in `format` (`wav`, `mp3`, `flac`…) with `model`.
    pub fn new(
        model: impl Into<ModelId>,
        data: impl Into<String>,
        format: impl Into<String>,
    ) -> Self {
        Self {
            input_audio: TranscriptionAudio {
                data: data.into(),
                format: format.into(),
                extra: Extra::new(),
            },
            language: None,
            model: model.into(),
            provider: None,
            response_format: None,
            temperature: None,
            timestamp_granularities: None,
            extra: Extra::new(),
        }
    }

    /// Sets `language` (ISO-639-1).
    #[must_use]
    pub fn language(mut self, language: impl Into<String>) -> Self {
        self.language = Some(language.into());
        self
    }

    /// Sets provider passthrough options.
    #[must_use]
    pub fn provider(mut self, provider: impl Into<ProviderPassthrough>) -> Self {
        self.provider = Some(provider.into());
        self
    }

    /// Sets `response_format`.
    #[must_use]
    pub fn response_format(mut self, format: impl Into<TranscriptionFormat>) -> Self {
        self.response_format = Some(format.into());
        self
    }

    /// Sets `temperature`.
    #[must_use]
    pub fn temperature(mut self, temperature: f64) -> Self {
        self.temperature = Some(temperature);
        self
    }

    /// Sets `timestamp_granularities`.
    #[must_use]
    pub fn timestamp_granularities(
        mut self,
        granularities: impl IntoIterator<Item = TimestampGranularity>,
    ) -> Self {
        self.timestamp_granularities = Some(granularities.into_iter().collect());
        self
    }

    /// Adds a field this version does not model.
    #[must_use]
    pub fn extra_field(mut self, name: impl Into<String>, value: serde_json::Value) -> Self {
        self.extra.insert(name.into(), value);
        self
    }
}

/// `input_audio` of a JSON transcription request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct TranscriptionAudio {
    /// Raw base64 (not a `data:` URI).
    pub data: String,
    /// `wav`, `mp3`, `flac`, `m4a`, `ogg`, `webm`, `aac`… (provider-dependent).
    pub format: String,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

open_enum! {
    /// `response_format` of a transcription.
    pub enum TranscriptionFormat {
        /// `{text, usage}` (the default).
        Json = "json",
        /// Adds task, language, duration and segments (OpenAI-compatible providers only).
        VerboseJson = "verbose_json",
    }
}

open_enum! {
    /// A timestamp detail level of a `verbose_json` transcription.
    pub enum TimestampGranularity {
        /// Word timestamps (`words`).
        Word = "word",
        /// Segment timestamps (`segments`).
        Segment = "segment",
    }
}

/// `POST /audio/transcriptions` answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct TranscriptionResponse {
    /// Length of the audio in seconds (`verbose_json`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration: Option<f64>,
    /// Detected or given language, e.g. `english` (`verbose_json`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// Timestamped segments (`verbose_json`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub segments: Option<Vec<TranscriptionSegment>>,
    /// The task, `transcribe` (`verbose_json`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub task: Option<String>,
    /// The transcript.
    pub text: String,
    /// Tokens, audio seconds and cost.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub usage: Option<TranscriptionUsage>,
    /// Timestamped words, when the provider gives them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub words: Option<Vec<TranscriptionWord>>,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

/// A timestamped transcript segment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct TranscriptionSegment {
    /// Average log probability.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub avg_logprob: Option<f64>,
    /// Compression ratio.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub compression_ratio: Option<f64>,
    /// End, seconds.
    pub end: f64,
    /// Index within the transcript.
    pub id: u64,
    /// Probability the segment holds no speech.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub no_speech_prob: Option<f64>,
    /// Seek offset.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seek: Option<u64>,
    /// Speaker index (diarization).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker: Option<u32>,
    /// Start, seconds.
    pub start: f64,
    /// Temperature used.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub temperature: Option<f64>,
    /// The segment's text.
    pub text: String,
    /// Token ids.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tokens: Option<Vec<u64>>,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

/// A timestamped word.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct TranscriptionWord {
    /// End, seconds.
    pub end: f64,
    /// Speaker index (diarization).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker: Option<u32>,
    /// Start, seconds.
    pub start: f64,
    /// The word.
    pub word: String,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

/// `usage` of a transcription.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct TranscriptionUsage {
    /// USD charged.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cost: Option<f64>,
    /// Input tokens billed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub input_tokens: Option<u64>,
    /// Output tokens generated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub output_tokens: Option<u64>,
    /// Length of the audio in seconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seconds: Option<f64>,
    /// `input_tokens + output_tokens`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total_tokens: Option<u64>,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}
