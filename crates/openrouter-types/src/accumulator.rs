//! Folds streamed chunks into a final completion, purely, with an explicit outcome.
//!
//! The accumulator follows what real OpenRouter streams do, not only what the
//! docs say:
//!
//! - content, reasoning and refusal deltas are appended into growing buffers
//!   (the first delta's `String` is moved in, later ones `push_str`ed);
//! - `reasoning_details` fragments are merged by `(type, index)`: `text`,
//!   `summary`, `data` and `signature` are concatenated (Anthropic opens with
//!   `text:"" signature:""` and sends the signature last), other keys keep the
//!   first non-null value;
//! - tool-call fragments are assembled by `index`: `id`, `type` and `name`
//!   come from the first fragment that has them, `arguments` pieces are
//!   concatenated byte for byte;
//! - the first non-null `finish_reason` wins (usage chunks repeat it or send `null`);
//! - usage is taken from the chunk that carries it, whatever its `choices`;
//! - the first error is kept: a top-level chunk `error` (documented form, and
//!   the real form where it arrives after `finish_reason: "length"`), a
//!   choice's `error`, or a bare `finish_reason: "error"`.
//!
//! It does no IO and never fails: [`StreamAccumulator::finish`] always
//! returns the partial completion together with a [`StreamOutcome`].

use serde_json::Value;

use crate::chat::{Content, FunctionCall, ReasoningDetail, ServiceTier, ToolCall};
use crate::chunk::{ChatChunk, ChunkChoice, ToolCallDelta};
use crate::error::ErrorBody;
use crate::response::{
    Annotation, AudioOutput, ChatCompletion, Choice, FinishReason, ImageOutput, Logprobs,
    ObjectKind, ProviderName, ResponseMessage, Role,
};
use crate::usage::Usage;
use crate::{Extra, GenerationId};

/// Folds [`ChatChunk`]s into a [`ChatCompletion`].
///
/// ```
/// use openrouter_types::{ChatChunk, StreamAccumulator, StreamOutcome};
/// use openrouter_types::response::FinishReason;
///
/// let mut acc = StreamAccumulator::new();
/// for data in [
///     r#"{"id":"gen-1","model":"m","object":"chat.completion.chunk","created":1,"choices":[{"index":0,"delta":{"role":"assistant","content":"Hel"},"finish_reason":null}]}"#,
///     r#"{"id":"gen-1","model":"m","object":"chat.completion.chunk","created":1,"choices":[{"index":0,"delta":{"content":"lo"},"finish_reason":"stop"}]}"#,
///     r#"{"id":"gen-1","model":"m","object":"chat.completion.chunk","created":1,"choices":[{"index":0,"delta":{"content":""},"finish_reason":null}],"usage":{"prompt_tokens":3,"completion_tokens":2,"total_tokens":5}}"#,
/// ] {
///     acc.push(serde_json::from_str::<ChatChunk>(data)?);
/// }
/// let result = acc.finish();
/// assert_eq!(result.completion.text(), Some("Hello"));
/// assert_eq!(result.outcome, StreamOutcome::Completed { finish_reason: FinishReason::Stop });
/// assert_eq!(result.completion.usage.unwrap().total_tokens, Some(5));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Default)]
pub struct StreamAccumulator {
    id: Option<String>,
    created: Option<i64>,
    model: Option<String>,
    provider: Option<ProviderName>,
    system_fingerprint: Option<String>,
    service_tier: Option<ServiceTier>,
    choices: Vec<ChoiceState>,
    usage: Option<Usage>,
    error: Option<ErrorBody>,
    debug: Vec<Value>,
    chunks: u64,
}

/// The result of a stream: the (possibly partial) completion and how it ended.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct StreamResult {
    /// Everything received, assembled as a non-streaming completion would be.
    pub completion: ChatCompletion,
    /// How the stream ended.
    pub outcome: StreamOutcome,
}

/// How a stream ended.
#[derive(Debug, Clone, PartialEq)]
#[allow(
    clippy::large_enum_variant,
    reason = "built once per stream; boxing would only make matching clumsier"
)]
#[non_exhaustive]
pub enum StreamOutcome {
    /// The first choice reported a finish reason and no error arrived.
    Completed {
        /// The first non-null finish reason of the first choice.
        finish_reason: FinishReason,
    },
    /// An error arrived in the stream (the partial completion is still returned).
    Errored(ErrorBody),
    /// No finish reason and no error: the stream was cut short.
    Incomplete,
}

impl StreamOutcome {
    /// Whether the stream completed normally.
    pub fn is_completed(&self) -> bool {
        matches!(self, Self::Completed { .. })
    }
}

#[derive(Debug, Clone, Default)]
struct ChoiceState {
    index: u32,
    role: Option<Role>,
    content: Option<String>,
    reasoning: Option<String>,
    refusal: Option<String>,
    reasoning_details: Vec<ReasoningDetail>,
    tool_calls: Vec<ToolCallState>,
    annotations: Vec<Annotation>,
    images: Vec<ImageOutput>,
    audio: Option<AudioOutput>,
    finish_reason: Option<FinishReason>,
    native_finish_reason: Option<String>,
    logprobs: Option<Logprobs>,
    error: Option<ErrorBody>,
}

#[derive(Debug, Clone)]
struct ToolCallState {
    index: Option<u32>,
    call: ToolCall,
}

impl StreamAccumulator {
    /// An empty accumulator.
    pub fn new() -> Self {
        Self::default()
    }

    /// Folds one chunk in. Takes the chunk by value so its strings can be
    /// moved rather than copied.
    pub fn push(&mut self, chunk: ChatChunk) {
        self.chunks += 1;
        let ChatChunk {
            id,
            created,
            model,
            provider,
            system_fingerprint,
            service_tier,
            choices,
            usage,
            error,
            debug,
            ..
        } = chunk;
        set_if_empty(&mut self.id, Some(id).filter(|s| !s.is_empty()));
        set_if_empty(&mut self.created, Some(created).filter(|&c| c != 0));
        set_if_empty(&mut self.model, Some(model).filter(|s| !s.is_empty()));
        set_if_empty(&mut self.provider, provider);
        set_if_empty(&mut self.system_fingerprint, system_fingerprint);
        if service_tier.is_some() {
            self.service_tier = service_tier;
        }
        if let Some(debug) = debug {
            self.debug.push(debug);
        }
        if usage.is_some() {
            self.usage = usage;
        }
        set_if_empty(&mut self.error, error);
        for choice in choices {
            let state = self.choice_mut(choice.index);
            state.apply(choice);
        }
    }

    /// Number of chunks pushed so far.
    pub fn chunk_count(&self) -> u64 {
        self.chunks
    }

    /// The text received so far for the first choice.
    pub fn content(&self) -> &str {
        self.choices
            .first()
            .and_then(|c| c.content.as_deref())
            .unwrap_or("")
    }

    /// The reasoning text received so far for the first choice.
    pub fn reasoning(&self) -> &str {
        self.choices
            .first()
            .and_then(|c| c.reasoning.as_deref())
            .unwrap_or("")
    }

    /// Usage, once the usage chunk has arrived.
    pub fn usage(&self) -> Option<&Usage> {
        self.usage.as_ref()
    }

    /// The `debug.echo_upstream_body` payloads seen (one per attempted provider).
    pub fn debug_payloads(&self) -> &[Value] {
        &self.debug
    }

    /// How the stream stands now (what [`finish`](Self::finish) would report).
    pub fn outcome(&self) -> StreamOutcome {
        if let Some(error) = &self.error {
            return StreamOutcome::Errored(error.clone());
        }
        if let Some(error) = self.choices.iter().find_map(|c| c.error.as_ref()) {
            return StreamOutcome::Errored(error.clone());
        }
        match self.choices.first().and_then(|c| c.finish_reason.as_ref()) {
            Some(FinishReason::Error) => StreamOutcome::Errored(ErrorBody::message_only(
                "the stream ended with finish_reason \"error\" but no error object",
            )),
            Some(reason) => StreamOutcome::Completed {
                finish_reason: reason.clone(),
            },
            None => StreamOutcome::Incomplete,
        }
    }

    /// Ends the stream: the assembled completion and its outcome.
    pub fn finish(self) -> StreamResult {
        let outcome = self.outcome();
        let completion = ChatCompletion {
            id: GenerationId::from(self.id.unwrap_or_default()),
            object: ObjectKind::ChatCompletion,
            created: self.created.unwrap_or_default(),
            model: self.model.unwrap_or_default(),
            provider: self.provider,
            system_fingerprint: self.system_fingerprint,
            service_tier: self.service_tier,
            choices: self
                .choices
                .into_iter()
                .map(ChoiceState::into_choice)
                .collect(),
            usage: self.usage,
            openrouter_metadata: None,
            extra: Extra::new(),
        };
        StreamResult {
            completion,
            outcome,
        }
    }

    fn choice_mut(&mut self, index: u32) -> &mut ChoiceState {
        // Choices are few (usually one) and arrive in order: a linear scan beats a map.
        let position = match self.choices.iter().position(|c| c.index == index) {
            Some(position) => position,
            None => {
                self.choices.push(ChoiceState {
                    index,
                    ..ChoiceState::default()
                });
                self.choices.len() - 1
            }
        };
        &mut self.choices[position]
    }
}

impl ChoiceState {
    fn apply(&mut self, choice: ChunkChoice) {
        let ChunkChoice {
            delta,
            finish_reason,
            native_finish_reason,
            logprobs,
            error,
            ..
        } = choice;
        set_if_empty(&mut self.role, delta.role);
        append(&mut self.content, delta.content);
        append(&mut self.reasoning, delta.reasoning);
        append(&mut self.refusal, delta.refusal);
        for detail in delta.reasoning_details.into_iter().flatten() {
            merge_reasoning_detail(&mut self.reasoning_details, detail);
        }
        for fragment in delta.tool_calls.into_iter().flatten() {
            merge_tool_call(&mut self.tool_calls, fragment);
        }
        self.annotations
            .extend(delta.annotations.into_iter().flatten());
        self.images.extend(delta.images.into_iter().flatten());
        if let Some(audio) = delta.audio {
            let acc = self.audio.get_or_insert_with(AudioOutput::default);
            set_if_empty(&mut acc.id, audio.id);
            set_if_empty(&mut acc.expires_at, audio.expires_at);
            append(&mut acc.data, audio.data);
            append(&mut acc.transcript, audio.transcript);
        }
        if self.finish_reason.is_none() {
            self.finish_reason = finish_reason;
        }
        set_if_empty(&mut self.native_finish_reason, native_finish_reason);
        if let Some(logprobs) = logprobs {
            let acc = self.logprobs.get_or_insert_with(Logprobs::default);
            if let Some(content) = logprobs.content {
                acc.content.get_or_insert_with(Vec::new).extend(content);
            }
            if let Some(refusal) = logprobs.refusal {
                acc.refusal.get_or_insert_with(Vec::new).extend(refusal);
            }
        }
        set_if_empty(&mut self.error, error);
    }

    fn into_choice(self) -> Choice {
        let tool_calls: Vec<ToolCall> = self.tool_calls.into_iter().map(|t| t.call).collect();
        Choice {
            index: self.index,
            message: ResponseMessage {
                role: Some(self.role.unwrap_or(Role::Assistant)),
                content: self.content.map(Content::Text),
                refusal: self.refusal,
                reasoning: self.reasoning,
                reasoning_details: non_empty(self.reasoning_details),
                tool_calls: non_empty(tool_calls),
                annotations: non_empty(self.annotations),
                images: non_empty(self.images),
                audio: self.audio,
                name: None,
                model: None,
                extra: Extra::new(),
            },
            finish_reason: self.finish_reason,
            native_finish_reason: self.native_finish_reason,
            logprobs: self.logprobs,
            error: self.error,
            extra: Extra::new(),
        }
    }
}

fn non_empty<T>(v: Vec<T>) -> Option<Vec<T>> {
    (!v.is_empty()).then_some(v)
}

/// Keeps the first value that arrives.
fn set_if_empty<T>(slot: &mut Option<T>, value: Option<T>) {
    if slot.is_none() {
        *slot = value;
    }
}

/// Appends a text delta, moving the first one in.
fn append(buffer: &mut Option<String>, piece: Option<String>) {
    match (buffer.as_mut(), piece) {
        (Some(buffer), Some(piece)) => buffer.push_str(&piece),
        (None, Some(piece)) => *buffer = Some(piece),
        (_, None) => {}
    }
}

/// Keys whose string values are streamed in pieces.
const CONCATENATED: [&str; 4] = ["text", "summary", "data", "signature"];

fn merge_reasoning_detail(details: &mut Vec<ReasoningDetail>, fragment: ReasoningDetail) {
    let Some(index) = fragment.index() else {
        details.push(fragment);
        return;
    };
    let existing = details
        .iter_mut()
        .rev()
        .find(|d| d.index() == Some(index) && d.kind_str() == fragment.kind_str());
    let Some(existing) = existing else {
        details.push(fragment);
        return;
    };
    for (key, value) in fragment.0 {
        match existing.0.get_mut(&key) {
            Some(Value::String(current)) if CONCATENATED.contains(&key.as_str()) => {
                if let Value::String(piece) = value {
                    current.push_str(&piece);
                }
            }
            Some(current) if current.is_null() && !value.is_null() => *current = value,
            Some(_) => {}
            None => {
                existing.0.insert(key, value);
            }
        }
    }
}

fn merge_tool_call(calls: &mut Vec<ToolCallState>, fragment: ToolCallDelta) {
    let ToolCallDelta {
        index,
        id,
        kind,
        function,
        extra,
    } = fragment;
    let (name, arguments) = match function {
        Some(f) => (f.name, f.arguments),
        None => (None, None),
    };
    // By index when there is one; otherwise a new id starts a new call and
    // anything else continues the last call.
    let position = match index {
        Some(index) => calls.iter().rposition(|c| c.index == Some(index)),
        None => match (&id, calls.last()) {
            (Some(id), Some(last)) if last.call.id.as_deref() != Some(id.as_str()) => None,
            (_, Some(_)) => Some(calls.len() - 1),
            (_, None) => None,
        },
    };
    match position {
        Some(position) => {
            let call = &mut calls[position].call;
            set_if_empty(&mut call.id, id);
            set_if_empty(&mut call.kind, kind);
            if call.function.name.is_empty()
                && let Some(name) = name
            {
                call.function.name = name;
            }
            append(&mut call.function.arguments, arguments);
            for (key, value) in extra {
                call.extra.entry(key).or_insert(value);
            }
        }
        None => calls.push(ToolCallState {
            index,
            call: ToolCall {
                id,
                kind,
                function: FunctionCall {
                    name: name.unwrap_or_default(),
                    arguments,
                    extra: Extra::new(),
                },
                extra,
            },
        }),
    }
}
