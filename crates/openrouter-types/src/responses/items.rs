//! Items of the Responses API: what `input[]` holds and what `output[]` returns.

use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::content::{ContentPart, MessageContent};
use crate::Extra;
use crate::open_enum::open_enum;

/// One item of `input[]` or `output[]`, told apart by `type`.
///
/// Messages may omit `type` in a request ("easy input"); such an item decodes
/// as [`Item::Message`] and encodes back without `type`. Every item type this
/// version does not model (web search calls, image generation calls, MCP,
/// server tools…) is kept whole in [`Item::Other`].
///
/// ```
/// use openrouter_types::responses::Item;
/// let item: Item = serde_json::from_str(
///     r#"{"id":"fc_1","type":"function_call","status":"completed",
///        "call_id":"call_9","name":"llm_version","arguments":"{}"}"#,
/// )?;
/// let Item::FunctionCall(call) = &item else { unreachable!() };
/// assert_eq!(call.name, "llm_version");
/// assert_eq!(item.item_type(), "function_call");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Item {
    /// A message (`type: "message"`, or no `type` with a `role`).
    Message(MessageItem),
    /// Reasoning (`type: "reasoning"`).
    Reasoning(ReasoningItem),
    /// A function call the model made (`type: "function_call"`).
    FunctionCall(FunctionCallItem),
    /// Your function's result, sent back (`type: "function_call_output"`).
    FunctionCallOutput(FunctionCallOutputItem),
    /// An item type this version does not model, kept whole (including `type`).
    Other(serde_json::Value),
}

impl Item {
    /// The item's `type` (`message` for easy-input messages without one).
    pub fn item_type(&self) -> &str {
        match self {
            Self::Message(_) => "message",
            Self::Reasoning(_) => "reasoning",
            Self::FunctionCall(_) => "function_call",
            Self::FunctionCallOutput(_) => "function_call_output",
            Self::Other(value) => value.get("type").and_then(|t| t.as_str()).unwrap_or(""),
        }
    }

    /// A user message with plain text content.
    ///
    /// ```
    /// use openrouter_types::responses::Item;
    /// assert_eq!(
    ///     serde_json::to_value(Item::user("hi"))?,
    ///     serde_json::json!({"type": "message", "role": "user", "content": "hi"})
    /// );
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn user(content: impl Into<MessageContent>) -> Self {
        Self::Message(MessageItem::new(Role::User, content))
    }

    /// A system message with plain text content.
    pub fn system(content: impl Into<MessageContent>) -> Self {
        Self::Message(MessageItem::new(Role::System, content))
    }

    /// A function result answering the call `call_id`.
    pub fn function_call_output(call_id: impl Into<String>, output: impl Into<String>) -> Self {
        Self::FunctionCallOutput(FunctionCallOutputItem {
            id: None,
            call_id: call_id.into(),
            output: serde_json::Value::String(output.into()),
            status: None,
            extra: Extra::new(),
        })
    }
}

impl Serialize for Item {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        // The tag goes first, then the fields in declaration order, as
        // OpenAI-compatible servers write them.
        #[derive(Serialize)]
        struct Tagged<'a, T> {
            #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
            tag: Option<&'a str>,
            #[serde(flatten)]
            inner: &'a T,
        }
        fn tagged<S: Serializer, T: Serialize>(
            serializer: S,
            tag: Option<&str>,
            inner: &T,
        ) -> Result<S::Ok, S::Error> {
            Tagged { tag, inner }.serialize(serializer)
        }
        match self {
            Self::Message(m) => tagged(serializer, m.typed.then_some("message"), m),
            Self::Reasoning(r) => tagged(serializer, Some("reasoning"), r),
            Self::FunctionCall(c) => tagged(serializer, Some("function_call"), c),
            Self::FunctionCallOutput(o) => tagged(serializer, Some("function_call_output"), o),
            Self::Other(value) => value.serialize(serializer),
        }
    }
}

impl<'de> Deserialize<'de> for Item {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = serde_json::Value::deserialize(deserializer)?;
        let serde_json::Value::Object(mut map) = value else {
            return Err(D::Error::custom("an item must be a JSON object"));
        };
        let tag = map.get("type").and_then(|t| t.as_str()).map(str::to_owned);
        fn inner<T: serde::de::DeserializeOwned, E: serde::de::Error>(
            map: serde_json::Map<String, serde_json::Value>,
        ) -> Result<T, E> {
            serde_json::from_value(serde_json::Value::Object(map)).map_err(E::custom)
        }
        match tag.as_deref() {
            Some("message") => {
                map.shift_remove("type");
                let mut m: MessageItem = inner(map)?;
                m.typed = true;
                Ok(Self::Message(m))
            }
            None if map.contains_key("role") => {
                let mut m: MessageItem = inner(map)?;
                m.typed = false;
                Ok(Self::Message(m))
            }
            Some("reasoning") => {
                map.shift_remove("type");
                inner(map).map(Self::Reasoning)
            }
            Some("function_call") => {
                map.shift_remove("type");
                inner(map).map(Self::FunctionCall)
            }
            Some("function_call_output") => {
                map.shift_remove("type");
                inner(map).map(Self::FunctionCallOutput)
            }
            _ => Ok(Self::Other(serde_json::Value::Object(map))),
        }
    }
}

/// A message item.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct MessageItem {
    /// Item id (output only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Who wrote it.
    pub role: Role,
    /// Its content.
    pub content: MessageContent,
    /// Completion status (output only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<ItemStatus>,
    /// Fields this version does not model (e.g. `phase`).
    #[serde(flatten)]
    pub extra: Extra,
    // Whether the JSON carried `type: "message"`; easy-input messages do not.
    #[serde(skip)]
    typed: bool,
}

impl MessageItem {
    /// A message with `type: "message"`.
    pub fn new(role: Role, content: impl Into<MessageContent>) -> Self {
        Self {
            id: None,
            role,
            content: content.into(),
            status: None,
            extra: Extra::new(),
            typed: true,
        }
    }

    /// The concatenated text of the message.
    pub fn text(&self) -> String {
        self.content.text()
    }
}

/// A reasoning item: summaries, raw reasoning text and/or encrypted reasoning.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ReasoningItem {
    /// Item id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Summary parts (`summary_text`), often empty.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<Vec<ContentPart>>,
    /// Raw reasoning parts (`reasoning_text`), from open-weight models.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content: Option<Vec<ContentPart>>,
    /// Opaque reasoning to send back on the next turn.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub encrypted_content: Option<String>,
    /// Completion status.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<ItemStatus>,
    /// Fields this version does not model (e.g. OpenRouter's `format`).
    #[serde(flatten)]
    pub extra: Extra,
}

impl ReasoningItem {
    /// The raw reasoning text, or else the summary text.
    pub fn text(&self) -> String {
        let parts = self
            .content
            .as_deref()
            .or(self.summary.as_deref())
            .unwrap_or_default();
        parts.iter().filter_map(ContentPart::text).collect()
    }
}

/// A function call the model made.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct FunctionCallItem {
    /// Item id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Id to answer with a `function_call_output`.
    pub call_id: String,
    /// Function name.
    pub name: String,
    /// Arguments as a JSON text (may be `""` while streaming); see [`FunctionCallItem::arguments`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub arguments: Option<String>,
    /// Completion status.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<ItemStatus>,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

impl FunctionCallItem {
    /// The arguments as a JSON text; `""` when not sent.
    pub fn arguments(&self) -> &str {
        self.arguments.as_deref().unwrap_or_default()
    }
}

/// Your function's result, sent back in `input[]`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct FunctionCallOutputItem {
    /// Item id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The call this answers.
    pub call_id: String,
    /// The result: a string, or a list of content parts.
    pub output: serde_json::Value,
    /// Status.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<ItemStatus>,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

open_enum! {
    /// The author of a message item.
    pub enum Role {
        /// The end user.
        User = "user",
        /// The model.
        Assistant = "assistant",
        /// System instructions.
        System = "system",
        /// Developer instructions.
        Developer = "developer",
    }
}

open_enum! {
    /// Status of an item.
    pub enum ItemStatus {
        /// Still being produced.
        InProgress = "in_progress",
        /// Done.
        Completed = "completed",
        /// Cut short.
        Incomplete = "incomplete",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn easy_input_message_keeps_its_shape() {
        for json in [
            serde_json::json!({"role": "user", "content": "hi"}),
            serde_json::json!({"type": "message", "role": "user", "content": [{"type": "input_text", "text": "hi"}]}),
            serde_json::json!({"type": "web_search_call", "id": "ws_1", "status": "completed"}),
        ] {
            let item: Item = serde_json::from_value(json.clone()).unwrap();
            assert_eq!(serde_json::to_value(&item).unwrap(), json);
        }
    }

    #[test]
    fn non_object_items_are_errors() {
        let err = serde_json::from_str::<Item>("42").unwrap_err();
        assert!(err.to_string().contains("object"), "{err}");
    }
}
