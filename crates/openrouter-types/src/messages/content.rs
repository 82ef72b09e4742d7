//! Content blocks of the Messages API, shared by requests (`messages[].content`,
//! `system`) and responses (`content`), so a model's answer can be sent back
//! as the next assistant turn unchanged.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::Extra;
use crate::chat::CacheControl;
use crate::tagged::string_tagged;

/// A message's `content` (or the request's `system`): a plain string or a list of blocks.
///
/// ```
/// use openrouter_types::messages::{ContentBlock, MessageContent};
/// let content: MessageContent = serde_json::from_str(r#"[{"type":"text","text":"Hi"},{"type":"text","text":"!"}]"#)?;
/// assert_eq!(content.text(), "Hi!");
/// assert_eq!(MessageContent::from("Hi").text(), "Hi");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
#[non_exhaustive]
pub enum MessageContent {
    /// A plain string.
    Text(String),
    /// Typed blocks (text, images, documents, tool uses and results, thinking…).
    Blocks(Vec<ContentBlock>),
}

impl MessageContent {
    /// The string itself, or the text blocks concatenated.
    pub fn text(&self) -> String {
        match self {
            Self::Text(text) => text.clone(),
            Self::Blocks(blocks) => blocks.iter().filter_map(ContentBlock::as_text).collect(),
        }
    }

    /// The blocks, if this is a list (a plain string has none).
    pub fn blocks(&self) -> &[ContentBlock] {
        match self {
            Self::Text(_) => &[],
            Self::Blocks(blocks) => blocks,
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

impl From<Vec<ContentBlock>> for MessageContent {
    fn from(blocks: Vec<ContentBlock>) -> Self {
        Self::Blocks(blocks)
    }
}

string_tagged! {
    #[tag = "type", remote = "ContentBlock", fallback = Other, rename_all = "snake_case"]
    /// One content block, tagged by `type`.
    ///
    /// Block types this version does not model (`web_search_tool_result`,
    /// `compaction`, `container_upload`, OpenRouter's tool results…) are kept
    /// whole in [`ContentBlock::Other`], `type` included, and sent back as they came.
    ///
    /// ```
    /// use openrouter_types::messages::ContentBlock;
    /// let block: ContentBlock = serde_json::from_str(
    ///     r#"{"type":"tool_use","id":"toolu_01","name":"get_weather","input":{"city":"Paris"}}"#,
    /// )?;
    /// assert_eq!(block.kind(), "tool_use");
    /// let ContentBlock::ToolUse(call) = &block else { unreachable!() };
    /// assert_eq!(call.input["city"], "Paris");
    ///
    /// let unknown: ContentBlock = serde_json::from_str(r#"{"type":"hologram","x":1}"#)?;
    /// assert!(matches!(unknown, ContentBlock::Other(_)));
    /// assert_eq!(serde_json::to_string(&unknown)?, r#"{"type":"hologram","x":1}"#);
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    #[derive(Debug, Clone, PartialEq)]
    #[non_exhaustive]
    pub enum ContentBlock {
        /// `text`: text, with citations in responses and a cache breakpoint in requests.
        Text(TextBlock),
        /// `image`: an image by base64 data or URL (requests).
        Image(ImageBlock),
        /// `document`: a PDF, plain text or custom content (requests).
        Document(DocumentBlock),
        /// `tool_use`: a call of one of your tools (responses, and assistant turns sent back).
        ToolUse(ToolUseBlock),
        /// `server_tool_use`: a call of a server tool the provider or OpenRouter runs.
        ServerToolUse(ToolUseBlock),
        /// `tool_result`: your tool's answer to a `tool_use` (user turns).
        ToolResult(ToolResultBlock),
        /// `thinking`: extended thinking with its signature (send it back unchanged).
        Thinking(ThinkingBlock),
        /// `redacted_thinking`: encrypted thinking (send it back unchanged).
        RedactedThinking(RedactedThinkingBlock),
        /// A block type this version does not model, kept whole (including `type`).
        #[serde(untagged)]
        Other(Value),
    }
}

impl ContentBlock {
    /// A `text` block.
    pub fn text(text: impl Into<String>) -> Self {
        Self::Text(TextBlock::new(text))
    }

    /// An `image` block from base64 data (`media_type`: `image/jpeg`, `image/png`, `image/gif`, `image/webp`).
    pub fn image_base64(media_type: impl Into<String>, data: impl Into<String>) -> Self {
        Self::Image(ImageBlock::new(Source::base64(media_type, data)))
    }

    /// An `image` block from a URL.
    pub fn image_url(url: impl Into<String>) -> Self {
        Self::Image(ImageBlock::new(Source::url(url)))
    }

    /// A `document` block holding a base64 PDF.
    pub fn pdf_base64(data: impl Into<String>) -> Self {
        Self::Document(DocumentBlock::new(Source::base64("application/pdf", data)))
    }

    /// A `document` block fetched from a URL (a PDF).
    pub fn document_url(url: impl Into<String>) -> Self {
        Self::Document(DocumentBlock::new(Source::url(url)))
    }

    /// A `tool_use` block (to replay an assistant turn by hand).
    pub fn tool_use(id: impl Into<String>, name: impl Into<String>, input: Value) -> Self {
        Self::ToolUse(ToolUseBlock::new(id, name, input))
    }

    /// A `tool_result` block answering the `tool_use` with id `tool_use_id`.
    ///
    /// ```
    /// use openrouter_types::messages::ContentBlock;
    /// let block = ContentBlock::tool_result("toolu_01", r#"{"temp_c":18}"#);
    /// assert_eq!(
    ///     serde_json::to_value(&block)?,
    ///     serde_json::json!({"type":"tool_result","tool_use_id":"toolu_01","content":"{\"temp_c\":18}"}),
    /// );
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn tool_result(tool_use_id: impl Into<String>, content: impl Into<MessageContent>) -> Self {
        Self::ToolResult(ToolResultBlock::new(tool_use_id, content))
    }

    /// The block's `type` as sent on the wire.
    pub fn kind(&self) -> &str {
        match self {
            Self::Text(_) => "text",
            Self::Image(_) => "image",
            Self::Document(_) => "document",
            Self::ToolUse(_) => "tool_use",
            Self::ServerToolUse(_) => "server_tool_use",
            Self::ToolResult(_) => "tool_result",
            Self::Thinking(_) => "thinking",
            Self::RedactedThinking(_) => "redacted_thinking",
            Self::Other(value) => value.get("type").and_then(Value::as_str).unwrap_or(""),
        }
    }

    /// The text of a `text` block.
    pub fn as_text(&self) -> Option<&str> {
        match self {
            Self::Text(block) => Some(&block.text),
            _ => None,
        }
    }

    /// The call of a `tool_use` block (not `server_tool_use`).
    pub fn as_tool_use(&self) -> Option<&ToolUseBlock> {
        match self {
            Self::ToolUse(block) => Some(block),
            _ => None,
        }
    }

    /// The thinking text of a `thinking` block.
    pub fn as_thinking(&self) -> Option<&str> {
        match self {
            Self::Thinking(block) => Some(&block.thinking),
            _ => None,
        }
    }
}

/// A `text` block.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct TextBlock {
    /// The text.
    pub text: String,
    /// Citations backing the text (char, page, block, web search or search result locations).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub citations: Option<Vec<Value>>,
    /// A cache breakpoint after this block (requests).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cache_control: Option<CacheControl>,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

impl TextBlock {
    /// A text block without citations or cache control.
    pub fn new(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            citations: None,
            cache_control: None,
            extra: Extra::new(),
        }
    }

    /// Marks this block as a cache breakpoint.
    ///
    /// ```
    /// use openrouter_types::chat::CacheControl;
    /// use openrouter_types::messages::{ContentBlock, TextBlock};
    /// let block = ContentBlock::Text(TextBlock::new("HUGE TEXT BODY").cache_control(CacheControl::ephemeral()));
    /// assert_eq!(
    ///     serde_json::to_value(&block)?,
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

/// An `image` block.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ImageBlock {
    /// Where the image comes from (`base64` or `url`).
    pub source: Source,
    /// A cache breakpoint after this block.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cache_control: Option<CacheControl>,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

impl ImageBlock {
    /// An image from this source.
    pub fn new(source: Source) -> Self {
        Self {
            source,
            cache_control: None,
            extra: Extra::new(),
        }
    }

    /// Marks this block as a cache breakpoint.
    #[must_use]
    pub fn cache_control(mut self, cache_control: CacheControl) -> Self {
        self.cache_control = Some(cache_control);
        self
    }
}

/// A `document` block.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct DocumentBlock {
    /// The document (`base64` PDF, `text`, `content` blocks, `url` or `file`).
    pub source: Source,
    /// A title shown to the model.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Context about the document shown to the model.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub context: Option<String>,
    /// `{"enabled": true}` to get citations into this document.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub citations: Option<Value>,
    /// A cache breakpoint after this block.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cache_control: Option<CacheControl>,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

impl DocumentBlock {
    /// A document from this source.
    pub fn new(source: Source) -> Self {
        Self {
            source,
            title: None,
            context: None,
            citations: None,
            cache_control: None,
            extra: Extra::new(),
        }
    }

    /// Sets `title`.
    #[must_use]
    pub fn title(mut self, title: impl Into<String>) -> Self {
        self.title = Some(title.into());
        self
    }

    /// Turns citations into this document on or off.
    #[must_use]
    pub fn citations(mut self, enabled: bool) -> Self {
        self.citations = Some(serde_json::json!({ "enabled": enabled }));
        self
    }

    /// Marks this block as a cache breakpoint.
    #[must_use]
    pub fn cache_control(mut self, cache_control: CacheControl) -> Self {
        self.cache_control = Some(cache_control);
        self
    }
}

string_tagged! {
    #[tag = "type", remote = "Source", fallback = Other, rename_all = "snake_case"]
    /// The `source` of an image or document block, tagged by `type`.
    #[derive(Debug, Clone, PartialEq)]
    #[non_exhaustive]
    pub enum Source {
        /// `base64`: inline data with its media type (`image/png`, `application/pdf`…).
        Base64 {
            /// The MIME type.
            media_type: String,
            /// Base64 data (no `data:` prefix).
            data: String,
            /// Fields this version does not model.
            #[serde(flatten)]
            extra: Extra,
        },
        /// `url`: fetched by the provider.
        Url {
            /// `https://…`.
            url: String,
            /// Fields this version does not model.
            #[serde(flatten)]
            extra: Extra,
        },
        /// `text`: a plain-text document.
        Text {
            /// `text/plain`.
            media_type: String,
            /// The text.
            data: String,
            /// Fields this version does not model.
            #[serde(flatten)]
            extra: Extra,
        },
        /// `content`: a document made of text and image blocks (or a string).
        Content {
            /// The blocks.
            content: MessageContent,
            /// Fields this version does not model.
            #[serde(flatten)]
            extra: Extra,
        },
        /// `file`: a file uploaded beforehand.
        File {
            /// The file's id.
            file_id: String,
            /// Fields this version does not model.
            #[serde(flatten)]
            extra: Extra,
        },
        /// A source type this version does not model, kept whole.
        #[serde(untagged)]
        Other(Value),
    }
}

impl Source {
    /// A `base64` source.
    pub fn base64(media_type: impl Into<String>, data: impl Into<String>) -> Self {
        Self::Base64 {
            media_type: media_type.into(),
            data: data.into(),
            extra: Extra::new(),
        }
    }

    /// A `url` source.
    pub fn url(url: impl Into<String>) -> Self {
        Self::Url {
            url: url.into(),
            extra: Extra::new(),
        }
    }

    /// A `text` source (`text/plain`).
    pub fn text(data: impl Into<String>) -> Self {
        Self::Text {
            media_type: "text/plain".into(),
            data: data.into(),
            extra: Extra::new(),
        }
    }
}

/// A `tool_use` or `server_tool_use` block: the model calls a tool.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ToolUseBlock {
    /// The call's id (`toolu_…`, `srvtoolu_…`); answer it with a `tool_result` of this id.
    pub id: String,
    /// The tool's name.
    pub name: String,
    /// The arguments, a JSON object (`null` when absent). In a stream this is
    /// `{}` until the block's `input_json_delta` fragments are assembled.
    #[serde(default, skip_serializing_if = "Value::is_null")]
    pub input: Value,
    /// Who made the call (`{"type":"direct"}` or a code-execution caller).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub caller: Option<Value>,
    /// A cache breakpoint after this block (when sent back).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cache_control: Option<CacheControl>,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

impl ToolUseBlock {
    /// A call of `name` with `input`.
    pub fn new(id: impl Into<String>, name: impl Into<String>, input: Value) -> Self {
        Self {
            id: id.into(),
            name: name.into(),
            input,
            caller: None,
            cache_control: None,
            extra: Extra::new(),
        }
    }

    /// Decodes the arguments into your own type (`null` input decodes as `{}`).
    ///
    /// ```
    /// use openrouter_types::messages::ToolUseBlock;
    /// #[derive(serde::Deserialize)]
    /// struct Args { city: String }
    /// let call = ToolUseBlock::new("toolu_01", "get_weather", serde_json::json!({"city": "Paris"}));
    /// assert_eq!(call.parse_input::<Args>()?.city, "Paris");
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn parse_input<T: DeserializeOwned>(&self) -> Result<T, serde_json::Error> {
        match &self.input {
            Value::Null => serde_json::from_value(Value::Object(Extra::new())),
            input => T::deserialize(input),
        }
    }
}

/// A `tool_result` block: your answer to a `tool_use`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ToolResultBlock {
    /// The `id` of the `tool_use` this answers.
    pub tool_use_id: String,
    /// The result: a string, or text, image, document and search-result blocks.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content: Option<MessageContent>,
    /// Whether the tool failed (the content then describes the error).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_error: Option<bool>,
    /// A cache breakpoint after this block.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cache_control: Option<CacheControl>,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

impl ToolResultBlock {
    /// A result for `tool_use_id`.
    pub fn new(tool_use_id: impl Into<String>, content: impl Into<MessageContent>) -> Self {
        Self {
            tool_use_id: tool_use_id.into(),
            content: Some(content.into()),
            is_error: None,
            cache_control: None,
            extra: Extra::new(),
        }
    }

    /// Marks the result as an error.
    #[must_use]
    pub fn is_error(mut self, is_error: bool) -> Self {
        self.is_error = Some(is_error);
        self
    }
}

/// A `thinking` block.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ThinkingBlock {
    /// The thinking text (a summary on Claude 4 models).
    pub thinking: String,
    /// Verifies the thinking when it is sent back; absent at the start of a stream.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signature: Option<String>,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

impl ThinkingBlock {
    /// A thinking block with its signature.
    pub fn new(thinking: impl Into<String>, signature: impl Into<String>) -> Self {
        Self {
            thinking: thinking.into(),
            signature: Some(signature.into()),
            extra: Extra::new(),
        }
    }
}

/// A `redacted_thinking` block.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct RedactedThinkingBlock {
    /// Encrypted thinking, opaque to clients.
    pub data: String,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}
