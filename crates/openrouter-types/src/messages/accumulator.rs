//! Folds Messages stream events into the final message, purely, with an explicit outcome.
//!
//! The Messages-API counterpart of [`StreamAccumulator`](crate::StreamAccumulator).
//! Invariants [`MessagesAccumulator`] keeps:
//!
//! - **Blocks are routed by `index`**, never by arrival order: every
//!   `content_block_*` event goes to the block with its `index`, and the
//!   final `content` is ordered by index. A delta for an index that never
//!   started opens an empty block of the matching type (text, thinking or
//!   tool use) rather than being lost.
//! - **Text is appended byte for byte** in arrival order: `text_delta` to a
//!   text block, `thinking_delta` to a thinking block, `signature_delta` to
//!   its signature (concatenated, though Anthropic sends it whole),
//!   `citations_delta` pushed onto the text block's citations.
//! - **Tool input is assembled from the exact bytes**: the `partial_json`
//!   fragments of a `tool_use`/`server_tool_use` block are concatenated into
//!   one string, kept whole in [`MessagesStreamResult::tool_inputs`], and
//!   parsed into the block's `input` when the block stops (or at
//!   [`finish`](MessagesAccumulator::finish) if it never stopped). An empty
//!   (or all-whitespace) string means `{}`. Text that does not parse (a cut
//!   stream) leaves `input` as `content_block_start` gave it and records the
//!   parse error next to the raw text.
//! - **Usage is merged**: `message_start` brings the input counts; each
//!   `message_delta` overwrites the fields it carries (its counts are
//!   cumulative), see [`MessagesUsage::merge`](super::MessagesUsage::merge).
//!   `stop_reason`, `stop_sequence`, `stop_details` and `container` come
//!   from the last `message_delta` that carries them.
//! - **The outcome** is [`Errored`](MessagesStreamOutcome::Errored) once an
//!   `error` event arrived (the first one is kept), else
//!   [`Completed`](MessagesStreamOutcome::Completed) once `message_stop`
//!   arrived, else [`Incomplete`](MessagesStreamOutcome::Incomplete).
//! - **Nothing fails and nothing is dropped silently**: events that have no
//!   place in the message (unknown types, unknown delta kinds, a delta whose
//!   kind does not fit its block, a repeated start) are kept in
//!   [`MessagesStreamResult::ignored`]. `ping`s are no-ops.
//!
//! It does no IO; feed it whatever SSE parser and transport you use.

use serde_json::Value;

use super::content::{ContentBlock, TextBlock, ThinkingBlock, ToolUseBlock};
use super::response::{MessagesError, MessagesResponse, MessagesUsage, StopReason};
use super::stream::{BlockDelta, ContentBlockDeltaEvent, MessagesStreamEvent};
use crate::Extra;

/// Folds [`MessagesStreamEvent`]s into a [`MessagesResponse`].
///
/// ```
/// use openrouter_types::messages::{MessagesAccumulator, MessagesStreamEvent, MessagesStreamOutcome, StopReason};
///
/// let mut acc = MessagesAccumulator::new();
/// for data in [
///     r#"{"type":"message_start","message":{"id":"msg_1","type":"message","role":"assistant","content":[],"model":"m","usage":{"input_tokens":10,"output_tokens":1}}}"#,
///     r#"{"type":"content_block_start","index":0,"content_block":{"type":"tool_use","id":"toolu_1","name":"get_weather","input":{}}}"#,
///     r#"{"type":"content_block_delta","index":0,"delta":{"type":"input_json_delta","partial_json":"{\"city\": \"Pa"}}"#,
///     r#"{"type":"content_block_delta","index":0,"delta":{"type":"input_json_delta","partial_json":"ris\"}"}}"#,
///     r#"{"type":"content_block_stop","index":0}"#,
///     r#"{"type":"message_delta","delta":{"stop_reason":"tool_use","stop_sequence":null},"usage":{"output_tokens":21}}"#,
///     r#"{"type":"message_stop"}"#,
/// ] {
///     acc.push(&serde_json::from_str::<MessagesStreamEvent>(data)?);
/// }
/// let result = acc.finish();
/// assert_eq!(result.outcome, MessagesStreamOutcome::Completed { stop_reason: Some(StopReason::ToolUse) });
/// let call = result.message.tool_uses().next().unwrap();
/// assert_eq!(call.input, serde_json::json!({"city": "Paris"}));
/// assert_eq!(result.tool_inputs[0].json, r#"{"city": "Paris"}"#);
/// assert_eq!((result.message.usage.input_tokens, result.message.usage.output_tokens), (Some(10), Some(21)));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Default)]
pub struct MessagesAccumulator {
    /// `message_start`'s message (content moved into `blocks`), updated by `message_delta`.
    message: MessagesResponse,
    started: bool,
    /// Sorted by `index`, at most one per index.
    blocks: Vec<BlockState>,
    error: Option<MessagesError>,
    stopped: bool,
    ignored: Vec<MessagesStreamEvent>,
    events: u64,
}

/// The result of a stream: the (possibly partial) message and how it ended.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct MessagesStreamResult {
    /// Everything received, assembled as a non-streaming answer would be.
    pub message: MessagesResponse,
    /// How the stream ended.
    pub outcome: MessagesStreamOutcome,
    /// The exact input JSON text of each tool-use block that received
    /// `input_json_delta`s, in block order.
    pub tool_inputs: Vec<RawToolInput>,
    /// Events that had no place in the message, in arrival order.
    pub ignored: Vec<MessagesStreamEvent>,
}

/// How a Messages stream ended.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum MessagesStreamOutcome {
    /// `message_stop` arrived and no `error` did.
    Completed {
        /// The message's stop reason (from `message_delta`), if one came.
        stop_reason: Option<StopReason>,
    },
    /// An `error` event arrived (the partial message is still returned).
    Errored(MessagesError),
    /// Neither `message_stop` nor `error`: the stream was cut short.
    Incomplete,
}

impl MessagesStreamOutcome {
    /// Whether the stream completed normally.
    pub fn is_completed(&self) -> bool {
        matches!(self, Self::Completed { .. })
    }
}

/// A tool-use block's input exactly as streamed.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct RawToolInput {
    /// The block's `index`.
    pub index: u32,
    /// The call's id.
    pub id: String,
    /// The tool's name.
    pub name: String,
    /// The `partial_json` fragments, concatenated.
    pub json: String,
    /// Why `json` did not parse (then the block's `input` was left as it started).
    pub error: Option<String>,
}

#[derive(Debug, Clone)]
struct BlockState {
    index: u32,
    block: ContentBlock,
    /// Concatenated `partial_json`, once one arrived.
    json: Option<String>,
    /// `Some` once `json` was parsed: the parse error, if any.
    parsed: Option<Option<String>>,
}

impl MessagesAccumulator {
    /// An empty accumulator.
    pub fn new() -> Self {
        Self::default()
    }

    /// Folds one event in.
    pub fn push(&mut self, event: &MessagesStreamEvent) {
        self.events += 1;
        match event {
            MessagesStreamEvent::MessageStart(start) => {
                if self.started {
                    self.ignore(event);
                    return;
                }
                self.started = true;
                let mut message = start.message.clone();
                let content = std::mem::take(&mut message.content);
                self.message = message;
                for (index, block) in (0..).zip(content) {
                    if self.position(index).is_err() {
                        self.insert(index, block);
                    }
                }
            }
            MessagesStreamEvent::ContentBlockStart(start) => match self.position(start.index) {
                Ok(_) => self.ignore(event),
                Err(_) => {
                    self.insert(start.index, start.content_block.clone());
                }
            },
            MessagesStreamEvent::ContentBlockDelta(delta) => {
                if !self.apply_delta(delta) {
                    self.ignore(event);
                }
            }
            MessagesStreamEvent::ContentBlockStop(stop) => match self.position(stop.index) {
                Ok(position) => self.blocks[position].parse_input(),
                Err(_) => self.ignore(event),
            },
            MessagesStreamEvent::MessageDelta(delta) => {
                let message = &mut self.message;
                let changes = &delta.delta;
                replace_if_some(&mut message.container, &changes.container);
                replace_if_some(&mut message.stop_reason, &changes.stop_reason);
                replace_if_some(&mut message.stop_details, &changes.stop_details);
                replace_if_some(&mut message.stop_sequence, &changes.stop_sequence);
                for (key, value) in &changes.extra {
                    message.extra.insert(key.clone(), value.clone());
                }
                if let Some(usage) = &delta.usage {
                    message.usage.merge(usage);
                }
            }
            MessagesStreamEvent::MessageStop(stop) => {
                self.stopped = true;
                replace_if_some(
                    &mut self.message.openrouter_metadata,
                    &stop.openrouter_metadata,
                );
            }
            MessagesStreamEvent::Ping(_) => {}
            MessagesStreamEvent::Error(error) => {
                if self.error.is_none() {
                    self.error = Some(error.error.clone());
                    replace_if_some(
                        &mut self.message.openrouter_metadata,
                        &error.openrouter_metadata,
                    );
                } else {
                    self.ignore(event);
                }
            }
            MessagesStreamEvent::Other(_) => self.ignore(event),
        }
    }

    /// Number of events pushed so far.
    pub fn event_count(&self) -> u64 {
        self.events
    }

    /// The text blocks received so far, concatenated.
    pub fn text(&self) -> String {
        self.blocks
            .iter()
            .filter_map(|b| b.block.as_text())
            .collect()
    }

    /// The thinking received so far, concatenated.
    pub fn thinking(&self) -> String {
        self.blocks
            .iter()
            .filter_map(|b| b.block.as_thinking())
            .collect()
    }

    /// The input JSON text received so far for the block at `index`.
    pub fn tool_input_json(&self, index: u32) -> Option<&str> {
        let position = self.position(index).ok()?;
        self.blocks[position].json.as_deref()
    }

    /// Usage as merged so far.
    pub fn usage(&self) -> &MessagesUsage {
        &self.message.usage
    }

    /// The stop reason, once `message_delta` brought one.
    pub fn stop_reason(&self) -> Option<&StopReason> {
        self.message.stop_reason.as_ref()
    }

    /// How the stream stands now (what [`finish`](Self::finish) would report).
    pub fn outcome(&self) -> MessagesStreamOutcome {
        if let Some(error) = &self.error {
            MessagesStreamOutcome::Errored(error.clone())
        } else if self.stopped {
            MessagesStreamOutcome::Completed {
                stop_reason: self.message.stop_reason.clone(),
            }
        } else {
            MessagesStreamOutcome::Incomplete
        }
    }

    /// The message as it stands now (a copy; unfinished tool inputs are parsed if they can be).
    pub fn snapshot(&self) -> MessagesResponse {
        self.clone().finish().message
    }

    /// Ends the stream: the assembled message, its outcome, the raw tool inputs.
    pub fn finish(self) -> MessagesStreamResult {
        let outcome = self.outcome();
        let mut message = self.message;
        let mut tool_inputs = Vec::new();
        message.content = Vec::with_capacity(self.blocks.len());
        for mut state in self.blocks {
            state.parse_input();
            if let (Some(json), ContentBlock::ToolUse(call) | ContentBlock::ServerToolUse(call)) =
                (state.json, &state.block)
            {
                tool_inputs.push(RawToolInput {
                    index: state.index,
                    id: call.id.clone(),
                    name: call.name.clone(),
                    json,
                    error: state.parsed.flatten(),
                });
            }
            message.content.push(state.block);
        }
        MessagesStreamResult {
            message,
            outcome,
            tool_inputs,
            ignored: self.ignored,
        }
    }

    fn ignore(&mut self, event: &MessagesStreamEvent) {
        self.ignored.push(event.clone());
    }

    /// `Ok(position)` of the block with this index, or `Err(where it would go)`.
    fn position(&self, index: u32) -> Result<usize, usize> {
        self.blocks.binary_search_by_key(&index, |b| b.index)
    }

    fn insert(&mut self, index: u32, block: ContentBlock) -> usize {
        let position = self.position(index).unwrap_or_else(|p| p);
        self.blocks.insert(
            position,
            BlockState {
                index,
                block,
                json: None,
                parsed: None,
            },
        );
        position
    }

    /// Applies a delta; `false` when it has no place (unknown kind, wrong block type).
    fn apply_delta(&mut self, event: &ContentBlockDeltaEvent) -> bool {
        let position = match self.position(event.index) {
            Ok(position) => position,
            Err(_) => match empty_block_for(&event.delta) {
                Some(block) => self.insert(event.index, block),
                None => return false,
            },
        };
        let state = &mut self.blocks[position];
        match (&event.delta, &mut state.block) {
            (BlockDelta::TextDelta { text, .. }, ContentBlock::Text(block)) => {
                block.text.push_str(text);
            }
            (BlockDelta::CitationsDelta { citation, .. }, ContentBlock::Text(block)) => {
                block
                    .citations
                    .get_or_insert_with(Vec::new)
                    .push(citation.clone());
            }
            (BlockDelta::ThinkingDelta { thinking, .. }, ContentBlock::Thinking(block)) => {
                block.thinking.push_str(thinking);
            }
            (BlockDelta::SignatureDelta { signature, .. }, ContentBlock::Thinking(block)) => {
                match &mut block.signature {
                    Some(existing) => existing.push_str(signature),
                    None => block.signature = Some(signature.clone()),
                }
            }
            (
                BlockDelta::InputJsonDelta { partial_json, .. },
                ContentBlock::ToolUse(_) | ContentBlock::ServerToolUse(_),
            ) => {
                state
                    .json
                    .get_or_insert_with(String::new)
                    .push_str(partial_json);
                // A fragment after the block stopped reopens its input.
                state.parsed = None;
            }
            _ => return false,
        }
        true
    }
}

impl BlockState {
    /// Parses the assembled input JSON into the block's `input`, once.
    fn parse_input(&mut self) {
        if self.parsed.is_some() {
            return;
        }
        let (Some(json), ContentBlock::ToolUse(call) | ContentBlock::ServerToolUse(call)) =
            (&self.json, &mut self.block)
        else {
            return;
        };
        let error = if json.trim().is_empty() {
            call.input = Value::Object(Extra::new());
            None
        } else {
            match serde_json::from_str(json) {
                Ok(input) => {
                    call.input = input;
                    None
                }
                Err(e) => Some(e.to_string()),
            }
        };
        self.parsed = Some(error);
    }
}

/// The block a delta implies when its index never started.
fn empty_block_for(delta: &BlockDelta) -> Option<ContentBlock> {
    Some(match delta {
        BlockDelta::TextDelta { .. } | BlockDelta::CitationsDelta { .. } => {
            ContentBlock::Text(TextBlock::new(""))
        }
        BlockDelta::ThinkingDelta { .. } | BlockDelta::SignatureDelta { .. } => {
            ContentBlock::Thinking(ThinkingBlock {
                thinking: String::new(),
                signature: None,
                extra: Extra::new(),
            })
        }
        BlockDelta::InputJsonDelta { .. } => {
            ContentBlock::ToolUse(ToolUseBlock::new("", "", Value::Object(Extra::new())))
        }
        _ => return None,
    })
}

/// Keeps the latest value that arrives.
fn replace_if_some<T: Clone>(slot: &mut Option<T>, value: &Option<T>) {
    if let Some(value) = value {
        *slot = Some(value.clone());
    }
}

#[cfg(test)]
mod tests;
