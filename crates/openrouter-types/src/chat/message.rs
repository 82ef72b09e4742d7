//! Conversation messages and their content parts, as sent in `messages`.

use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::Value;

use crate::Extra;
use crate::chat::{CacheControl, ReasoningDetail};
use crate::open_enum::open_enum;
use crate::response::{Annotation, AudioOutput, ImageOutput, ResponseMessage};

/// One message of the conversation, discriminated by `role`.
///
/// Build them with the helpers; every variant keeps an `extra` map for fields
/// this crate does not model.
///
/// ```
/// use openrouter_types::chat::Message;
/// let messages = [
///     Message::system("You are terse."),
///     Message::user("What is 2+2?"),
///     Message::assistant("4"),
///     Message::tool("call_1", r#"{"ok":true}"#),
/// ];
/// let json = serde_json::to_value(&messages[1])?;
/// assert_eq!(json, serde_json::json!({"role": "user", "content": "What is 2+2?"}));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "role", rename_all = "lowercase")]
#[non_exhaustive]
#[allow(
    clippy::large_enum_variant,
    reason = "messages are built by hand and matched on; a boxed variant would leak into every pattern"
)]
pub enum Message {
    /// Instructions for the model (`role: "system"`).
    System(SystemMessage),
    /// Developer instructions (`role: "developer"`), the newer name of system.
    Developer(SystemMessage),
    /// What the user said (`role: "user"`).
    User(UserMessage),
    /// A previous model turn, or a prefill (`role: "assistant"`).
    Assistant(AssistantMessage),
    /// The result of a tool call (`role: "tool"`).
    Tool(ToolMessage),
}

impl Message {
    /// A system message with text content.
    pub fn system(content: impl Into<Content>) -> Self {
        Self::System(SystemMessage::new(content))
    }

    /// A developer message with text content.
    pub fn developer(content: impl Into<Content>) -> Self {
        Self::Developer(SystemMessage::new(content))
    }

    /// A user message: text, or parts (images, files, audio, video).
    ///
    /// ```
    /// use openrouter_types::chat::{ContentPart, Message};
    /// let m = Message::user(vec![
    ///     ContentPart::text("What is in this image?"),
    ///     ContentPart::image_url("https://example.com/cat.png"),
    /// ]);
    /// # let _ = m;
    /// ```
    pub fn user(content: impl Into<Content>) -> Self {
        Self::User(UserMessage::new(content))
    }

    /// An assistant message with text content (a previous turn, or a prefill
    /// the model should continue).
    pub fn assistant(content: impl Into<Content>) -> Self {
        Self::Assistant(AssistantMessage::new().content(content))
    }

    /// A tool result answering the assistant's tool call `tool_call_id`.
    pub fn tool(tool_call_id: impl Into<String>, content: impl Into<Content>) -> Self {
        Self::Tool(ToolMessage::new(tool_call_id, content))
    }

    /// The role as sent on the wire.
    pub fn role(&self) -> &'static str {
        match self {
            Self::System(_) => "system",
            Self::Developer(_) => "developer",
            Self::User(_) => "user",
            Self::Assistant(_) => "assistant",
            Self::Tool(_) => "tool",
        }
    }
}

impl From<AssistantMessage> for Message {
    fn from(message: AssistantMessage) -> Self {
        Self::Assistant(message)
    }
}

impl From<ResponseMessage> for Message {
    /// Sends a model's answer back as the next turn's assistant message,
    /// keeping tool calls, reasoning and reasoning details verbatim (providers
    /// verify reasoning signatures and cache on the exact text).
    fn from(message: ResponseMessage) -> Self {
        Self::Assistant(AssistantMessage::from(message))
    }
}

/// A `system` or `developer` message.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct SystemMessage {
    /// Text, or text parts (for cache breakpoints).
    pub content: Content,
    /// Optional participant name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Unmodelled fields sent as they are.
    #[serde(flatten)]
    pub extra: Extra,
}

impl SystemMessage {
    /// A message with this content.
    pub fn new(content: impl Into<Content>) -> Self {
        Self {
            content: content.into(),
            name: None,
            extra: Extra::new(),
        }
    }

    /// Sets the participant name.
    #[must_use]
    pub fn name(mut self, name: impl Into<String>) -> Self {
        self.name = Some(name.into());
        self
    }
}

/// A `user` message.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct UserMessage {
    /// Text, or parts (text, images, files, audio, video).
    pub content: Content,
    /// Optional participant name (prepended as `"{name}: "` for non-OpenAI models).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Unmodelled fields sent as they are.
    #[serde(flatten)]
    pub extra: Extra,
}

impl UserMessage {
    /// A message with this content.
    pub fn new(content: impl Into<Content>) -> Self {
        Self {
            content: content.into(),
            name: None,
            extra: Extra::new(),
        }
    }

    /// Sets the participant name.
    #[must_use]
    pub fn name(mut self, name: impl Into<String>) -> Self {
        self.name = Some(name.into());
        self
    }
}

/// An `assistant` message: a previous turn (with its tool calls and reasoning) or a prefill.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AssistantMessage {
    /// Text or parts; `None` for a tool-call-only turn.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content: Option<Content>,
    /// Optional participant name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Tool calls the model made in this turn.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tool_calls: Option<Vec<ToolCall>>,
    /// A refusal the model gave.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refusal: Option<String>,
    /// Plain-text reasoning, sent back to preserve it across turns.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reasoning: Option<String>,
    /// Structured (possibly signed or encrypted) reasoning, sent back verbatim.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reasoning_details: Option<Vec<ReasoningDetail>>,
    /// Annotations (e.g. parsed PDFs) sent back so files are not parsed again.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub annotations: Option<Vec<Annotation>>,
    /// Images the model generated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub images: Option<Vec<ImageOutput>>,
    /// Audio the model generated (`{id}` is enough to refer to it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub audio: Option<AudioOutput>,
    /// The model that produced this turn.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub model: Option<String>,
    /// Unmodelled fields sent as they are.
    #[serde(flatten)]
    pub extra: Extra,
}

impl AssistantMessage {
    /// An empty assistant message; add content or tool calls.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets the content.
    #[must_use]
    pub fn content(mut self, content: impl Into<Content>) -> Self {
        self.content = Some(content.into());
        self
    }

    /// Sets the tool calls.
    #[must_use]
    pub fn tool_calls(mut self, tool_calls: Vec<ToolCall>) -> Self {
        self.tool_calls = Some(tool_calls);
        self
    }

    /// Sets the reasoning details (send back exactly what you received).
    #[must_use]
    pub fn reasoning_details(mut self, details: Vec<ReasoningDetail>) -> Self {
        self.reasoning_details = Some(details);
        self
    }
}

impl From<ResponseMessage> for AssistantMessage {
    fn from(m: ResponseMessage) -> Self {
        Self {
            content: m.content,
            name: m.name,
            tool_calls: m.tool_calls,
            refusal: m.refusal,
            reasoning: m.reasoning,
            reasoning_details: m.reasoning_details,
            annotations: m.annotations,
            images: m.images,
            audio: m.audio,
            model: m.model,
            // Response-only extras (provider-specific keys) are not request fields.
            extra: Extra::new(),
        }
    }
}

/// A `tool` message: the result of one tool call.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ToolMessage {
    /// The `id` of the tool call this answers.
    pub tool_call_id: String,
    /// The result, usually JSON text.
    pub content: Content,
    /// The tool's name (accepted by the docs' types, not by the spec).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Unmodelled fields sent as they are.
    #[serde(flatten)]
    pub extra: Extra,
}

impl ToolMessage {
    /// A tool result.
    pub fn new(tool_call_id: impl Into<String>, content: impl Into<Content>) -> Self {
        Self {
            tool_call_id: tool_call_id.into(),
            content: content.into(),
            name: None,
            extra: Extra::new(),
        }
    }
}

/// Message content: a plain string or a list of parts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Content {
    /// Plain text.
    Text(String),
    /// Typed parts (text, images, audio, video, files).
    Parts(Vec<ContentPart>),
}

impl Content {
    /// The text if this is plain text.
    pub fn as_text(&self) -> Option<&str> {
        match self {
            Self::Text(text) => Some(text),
            Self::Parts(_) => None,
        }
    }

    /// All text: the string itself, or the text parts concatenated.
    ///
    /// ```
    /// use openrouter_types::chat::{Content, ContentPart};
    /// let c = Content::Parts(vec![ContentPart::text("a"), ContentPart::text("b")]);
    /// assert_eq!(c.to_text(), "ab");
    /// ```
    pub fn to_text(&self) -> String {
        match self {
            Self::Text(text) => text.clone(),
            Self::Parts(parts) => parts
                .iter()
                .filter_map(|p| match p {
                    ContentPart::Text(t) => Some(t.text.as_str()),
                    _ => None,
                })
                .collect(),
        }
    }
}

impl From<String> for Content {
    fn from(text: String) -> Self {
        Self::Text(text)
    }
}

impl From<&str> for Content {
    fn from(text: &str) -> Self {
        Self::Text(text.to_owned())
    }
}

impl From<Vec<ContentPart>> for Content {
    fn from(parts: Vec<ContentPart>) -> Self {
        Self::Parts(parts)
    }
}

/// One content part, discriminated by `type`. Unknown types are kept as `Other`.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum ContentPart {
    /// `{"type":"text","text":…}`, optionally a cache breakpoint.
    Text(TextPart),
    /// `{"type":"image_url","image_url":{url, detail}}`: http(s) or `data:` URL.
    ImageUrl(ImageUrlPart),
    /// `{"type":"input_audio","input_audio":{data, format}}`: base64 only.
    InputAudio(InputAudioPart),
    /// `{"type":"video_url","video_url":{url}}`.
    VideoUrl(VideoUrlPart),
    /// `{"type":"input_video","video_url":{url}}`: the deprecated video part.
    InputVideo(VideoUrlPart),
    /// `{"type":"file","file":{filename, file_data, file_id}}`: PDFs and documents.
    File(FilePart),
    /// A part type this version does not know, kept verbatim (with its `type`).
    Other(Value),
}

impl ContentPart {
    /// A text part.
    pub fn text(text: impl Into<String>) -> Self {
        Self::Text(TextPart::new(text))
    }

    /// An image by URL (`https://…` or `data:image/png;base64,…`).
    pub fn image_url(url: impl Into<String>) -> Self {
        Self::ImageUrl(ImageUrlPart {
            image_url: ImageUrl {
                url: url.into(),
                detail: None,
                extra: Extra::new(),
            },
            extra: Extra::new(),
        })
    }

    /// Base64 audio in the given format (`wav`, `mp3`…).
    pub fn input_audio(data: impl Into<String>, format: impl Into<String>) -> Self {
        Self::InputAudio(InputAudioPart {
            input_audio: InputAudio {
                data: data.into(),
                format: format.into(),
                extra: Extra::new(),
            },
            extra: Extra::new(),
        })
    }

    /// A video by URL (a `data:` URL is allowed).
    pub fn video_url(url: impl Into<String>) -> Self {
        Self::VideoUrl(VideoUrlPart {
            video_url: VideoUrl {
                url: url.into(),
                extra: Extra::new(),
            },
            extra: Extra::new(),
        })
    }

    /// A file by URL or base64 data URL, with its file name.
    pub fn file(filename: impl Into<String>, file_data: impl Into<String>) -> Self {
        Self::File(FilePart {
            file: FileData {
                filename: Some(filename.into()),
                file_data: Some(file_data.into()),
                file_id: None,
                extra: Extra::new(),
            },
            extra: Extra::new(),
        })
    }

    /// The part's `type` as sent on the wire.
    pub fn kind(&self) -> &str {
        match self {
            Self::Text(_) => "text",
            Self::ImageUrl(_) => "image_url",
            Self::InputAudio(_) => "input_audio",
            Self::VideoUrl(_) => "video_url",
            Self::InputVideo(_) => "input_video",
            Self::File(_) => "file",
            Self::Other(v) => v.get("type").and_then(Value::as_str).unwrap_or(""),
        }
    }
}

/// Internal mirror used for (de)serializing the known part types.
#[derive(Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
enum KnownPart<T, I, A, V, F> {
    Text(T),
    ImageUrl(I),
    InputAudio(A),
    VideoUrl(V),
    InputVideo(V),
    File(F),
}

impl Serialize for ContentPart {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        type Ref<'a> = KnownPart<
            &'a TextPart,
            &'a ImageUrlPart,
            &'a InputAudioPart,
            &'a VideoUrlPart,
            &'a FilePart,
        >;
        match self {
            Self::Text(p) => Ref::Text(p).serialize(serializer),
            Self::ImageUrl(p) => Ref::ImageUrl(p).serialize(serializer),
            Self::InputAudio(p) => Ref::InputAudio(p).serialize(serializer),
            Self::VideoUrl(p) => Ref::VideoUrl(p).serialize(serializer),
            Self::InputVideo(p) => Ref::InputVideo(p).serialize(serializer),
            Self::File(p) => Ref::File(p).serialize(serializer),
            Self::Other(v) => v.serialize(serializer),
        }
    }
}

impl<'de> Deserialize<'de> for ContentPart {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        type Owned = KnownPart<TextPart, ImageUrlPart, InputAudioPart, VideoUrlPart, FilePart>;
        let value = Value::deserialize(deserializer)?;
        let known = matches!(
            value.get("type").and_then(Value::as_str),
            Some("text" | "image_url" | "input_audio" | "video_url" | "input_video" | "file")
        );
        if !known {
            return Ok(Self::Other(value));
        }
        Ok(match Owned::deserialize(value).map_err(D::Error::custom)? {
            KnownPart::Text(p) => Self::Text(p),
            KnownPart::ImageUrl(p) => Self::ImageUrl(p),
            KnownPart::InputAudio(p) => Self::InputAudio(p),
            KnownPart::VideoUrl(p) => Self::VideoUrl(p),
            KnownPart::InputVideo(p) => Self::InputVideo(p),
            KnownPart::File(p) => Self::File(p),
        })
    }
}

/// A text part.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct TextPart {
    /// The text.
    pub text: String,
    /// Anthropic-style cache breakpoint after this block.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cache_control: Option<CacheControl>,
    /// OpenAI-style explicit cache breakpoint (`{"mode":"explicit"}`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prompt_cache_breakpoint: Option<Value>,
    /// Unmodelled fields.
    #[serde(flatten)]
    pub extra: Extra,
}

impl TextPart {
    /// A text part without cache control.
    pub fn new(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            cache_control: None,
            prompt_cache_breakpoint: None,
            extra: Extra::new(),
        }
    }

    /// Marks this block as a cache breakpoint (at most 4 for Anthropic).
    ///
    /// ```
    /// use openrouter_types::chat::{CacheControl, ContentPart, TextPart};
    /// let part = ContentPart::Text(TextPart::new("HUGE TEXT BODY").cache_control(CacheControl::ephemeral()));
    /// assert_eq!(
    ///     serde_json::to_value(&part)?,
    ///     serde_json::json!({"type":"text","text":"HUGE TEXT BODY","cache_control":{"type":"ephemeral"}}),
    /// );
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    #[must_use]
    pub fn cache_control(mut self, cache_control: CacheControl) -> Self {
        self.cache_control = Some(cache_control);
        self
    }
}

/// An `image_url` part.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ImageUrlPart {
    /// The image.
    pub image_url: ImageUrl,
    /// Unmodelled fields.
    #[serde(flatten)]
    pub extra: Extra,
}

/// An image reference: URL plus optional detail level.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ImageUrl {
    /// `https://…` or `data:image/…;base64,…`.
    pub url: String,
    /// `auto` (default), `low`, `high` or `original` (OpenRouter extension).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<ImageDetail>,
    /// Unmodelled fields.
    #[serde(flatten)]
    pub extra: Extra,
}

open_enum! {
    /// Image detail level for vision models.
    pub enum ImageDetail {
        /// Let the model decide (the default).
        Auto = "auto",
        /// Low resolution.
        Low = "low",
        /// High resolution.
        High = "high",
        /// Original resolution (OpenRouter extension).
        Original = "original",
    }
}

/// An `input_audio` part.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct InputAudioPart {
    /// The audio.
    pub input_audio: InputAudio,
    /// Unmodelled fields.
    #[serde(flatten)]
    pub extra: Extra,
}

/// Base64 audio data and its format.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct InputAudio {
    /// Base64 audio (URLs are not accepted).
    pub data: String,
    /// `wav`, `mp3`, `flac`, `m4a`, `ogg`, `aiff`, `aac`, `pcm16`, `pcm24`…
    pub format: String,
    /// Unmodelled fields.
    #[serde(flatten)]
    pub extra: Extra,
}

/// A `video_url` (or legacy `input_video`) part.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct VideoUrlPart {
    /// The video.
    pub video_url: VideoUrl,
    /// Unmodelled fields.
    #[serde(flatten)]
    pub extra: Extra,
}

/// A video reference.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct VideoUrl {
    /// `https://…` or a `data:` URL.
    pub url: String,
    /// Unmodelled fields.
    #[serde(flatten)]
    pub extra: Extra,
}

/// A `file` part.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct FilePart {
    /// The file.
    pub file: FileData,
    /// Unmodelled fields.
    #[serde(flatten)]
    pub extra: Extra,
}

/// A file: a URL, a base64 data URL or an uploaded file id.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct FileData {
    /// Original file name, e.g. `document.pdf`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub filename: Option<String>,
    /// `https://…` or `data:application/pdf;base64,…`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file_data: Option<String>,
    /// Id of a previously uploaded file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file_id: Option<String>,
    /// Unmodelled fields.
    #[serde(flatten)]
    pub extra: Extra,
}

/// A tool call the model made (in a response, or sent back in an assistant message).
///
/// `arguments` is the exact JSON text the model produced: keep it as it is
/// when you send the turn back (prompt caches key on it).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ToolCall {
    /// Provider-specific id (`call_…`, `toolu_…`, `3sniiMddS`); missing for some providers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Always `function` today.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<ToolType>,
    /// The function and its arguments.
    pub function: FunctionCall,
    /// Unmodelled fields (some providers add `index`).
    #[serde(flatten)]
    pub extra: Extra,
}

impl ToolCall {
    /// A function call with an id and JSON arguments text.
    ///
    /// ```
    /// use openrouter_types::chat::ToolCall;
    /// let call = ToolCall::function("call_abc123", "search_gutenberg_books", r#"{"search_terms": ["James", "Joyce"]}"#);
    /// assert_eq!(call.arguments(), r#"{"search_terms": ["James", "Joyce"]}"#);
    /// ```
    pub fn function(
        id: impl Into<String>,
        name: impl Into<String>,
        arguments: impl Into<String>,
    ) -> Self {
        Self {
            id: Some(id.into()),
            kind: Some(ToolType::Function),
            function: FunctionCall {
                name: name.into(),
                arguments: Some(arguments.into()),
                extra: Extra::new(),
            },
            extra: Extra::new(),
        }
    }

    /// The call id, or `""` when the provider sent none.
    pub fn id(&self) -> &str {
        self.id.as_deref().unwrap_or("")
    }

    /// The function name.
    pub fn name(&self) -> &str {
        &self.function.name
    }

    /// The arguments JSON text; `""` when the provider omitted the key (seen
    /// for tools whose parameters are all optional). Parse `""` as `{}`.
    pub fn arguments(&self) -> &str {
        self.function.arguments.as_deref().unwrap_or("")
    }
}

/// `tool_calls[].function`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct FunctionCall {
    /// The function name.
    #[serde(default)]
    pub name: String,
    /// Arguments as JSON text, byte for byte as generated. Absent for some providers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub arguments: Option<String>,
    /// Unmodelled fields.
    #[serde(flatten)]
    pub extra: Extra,
}

open_enum! {
    /// A tool's `type`: `function`, or an OpenRouter server tool.
    pub enum ToolType {
        /// A function you execute.
        Function = "function",
        /// OpenRouter's web search server tool.
        WebSearch = "openrouter:web_search",
        /// OpenRouter's web fetch server tool.
        WebFetch = "openrouter:web_fetch",
        /// OpenRouter's image generation server tool.
        ImageGeneration = "openrouter:image_generation",
        /// OpenRouter's date/time server tool.
        Datetime = "openrouter:datetime",
        /// OpenRouter's advisor server tool.
        Advisor = "openrouter:advisor",
        /// OpenRouter's fusion server tool.
        Fusion = "openrouter:fusion",
        /// OpenRouter's subagent server tool.
        Subagent = "openrouter:subagent",
    }
}
