//! Folds streamed chunks into a final completion, purely, with an explicit outcome.
//!
//! The accumulator follows what real OpenRouter streams do, not only what the
//! docs say:
//!
//! - content, reasoning and refusal deltas are appended into growing buffers
//!   (the first delta's `String` is moved in by [`StreamAccumulator::push`]
//!   or copied by [`StreamAccumulator::push_ref`], later ones `push_str`ed);
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

use std::borrow::Borrow;

use serde_json::Value;

use crate::chat::{Content, FunctionCall, ReasoningDetail, ServiceTier, ToolCall};
use crate::chunk::{ChatChunk, ChunkChoice, ToolCallDelta};
use crate::error::ErrorBody;
use crate::response::{
    Annotation, AudioOutput, ChatCompletion, Choice, FinishReason, ImageOutput, Logprobs,
    ObjectKind, ProviderName, ResponseMessage, Role, TokenLogprob,
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
    /// moved rather than copied; use [`push_ref`](Self::push_ref) when the
    /// chunk is still needed afterwards.
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
        replace_if_some(&mut self.service_tier, service_tier);
        if let Some(debug) = debug {
            self.debug.push(debug);
        }
        replace_if_some(&mut self.usage, usage);
        set_if_empty(&mut self.error, error);
        for choice in choices {
            let state = self.choice_mut(choice.index);
            state.apply(choice);
        }
    }

    /// Folds one borrowed chunk in, with the same result as
    /// [`push`](Self::push).
    ///
    /// For callers that hand the chunk on after folding it (a stream that
    /// yields each chunk and also assembles the completion). Text deltas are
    /// appended with `push_str`, so a typical content chunk costs no
    /// allocation beyond buffer growth; a value is copied only when it
    /// fills an empty slot (the id, model, role, a tool call's id and name,
    /// the first piece of each text) or is kept whole (usage, an error,
    /// annotations, images, logprobs).
    ///
    /// ```
    /// use openrouter_types::{ChatChunk, StreamAccumulator};
    ///
    /// let mut acc = StreamAccumulator::new();
    /// let mut seen = Vec::new();
    /// for data in [
    ///     r#"{"id":"gen-1","model":"m","choices":[{"index":0,"delta":{"role":"assistant","content":"Hel"},"finish_reason":null}]}"#,
    ///     r#"{"id":"gen-1","model":"m","choices":[{"index":0,"delta":{"content":"lo"},"finish_reason":"stop"}]}"#,
    /// ] {
    ///     let chunk: ChatChunk = serde_json::from_str(data)?;
    ///     acc.push_ref(&chunk);
    ///     seen.push(chunk); // still ours: no clone was needed
    /// }
    /// assert_eq!(acc.content(), "Hello");
    /// assert_eq!(seen.len(), 2);
    /// assert_eq!(acc.finish().completion.id.to_string(), "gen-1");
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn push_ref(&mut self, chunk: &ChatChunk) {
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
        set_if_empty(&mut self.created, Some(*created).filter(|&c| c != 0));
        set_if_empty(&mut self.model, Some(model).filter(|s| !s.is_empty()));
        set_if_empty(&mut self.provider, provider.as_ref());
        set_if_empty(&mut self.system_fingerprint, system_fingerprint.as_ref());
        replace_if_some(&mut self.service_tier, service_tier.as_ref());
        if let Some(debug) = debug {
            self.debug.push(debug.clone());
        }
        replace_if_some(&mut self.usage, usage.as_ref());
        set_if_empty(&mut self.error, error.as_ref());
        for choice in choices {
            let state = self.choice_mut(choice.index);
            state.apply_ref(choice);
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
            self.merge_audio(audio.id, audio.expires_at, audio.data, audio.transcript);
        }
        set_if_empty(&mut self.finish_reason, finish_reason);
        set_if_empty(&mut self.native_finish_reason, native_finish_reason);
        if let Some(logprobs) = logprobs {
            self.merge_logprobs(logprobs.content, logprobs.refusal);
        }
        set_if_empty(&mut self.error, error);
    }

    /// [`apply`](Self::apply) for a borrowed choice: the same steps, copying
    /// only what a slot keeps.
    fn apply_ref(&mut self, choice: &ChunkChoice) {
        let ChunkChoice {
            delta,
            finish_reason,
            native_finish_reason,
            logprobs,
            error,
            ..
        } = choice;
        set_if_empty(&mut self.role, delta.role.as_ref());
        append(&mut self.content, delta.content.as_ref());
        append(&mut self.reasoning, delta.reasoning.as_ref());
        append(&mut self.refusal, delta.refusal.as_ref());
        for detail in delta.reasoning_details.iter().flatten() {
            merge_reasoning_detail(&mut self.reasoning_details, detail);
        }
        for fragment in delta.tool_calls.iter().flatten() {
            merge_tool_call(&mut self.tool_calls, fragment);
        }
        self.annotations
            .extend(delta.annotations.iter().flatten().cloned());
        self.images.extend(delta.images.iter().flatten().cloned());
        if let Some(audio) = &delta.audio {
            self.merge_audio(
                audio.id.as_ref(),
                audio.expires_at,
                audio.data.as_ref(),
                audio.transcript.as_ref(),
            );
        }
        set_if_empty(&mut self.finish_reason, finish_reason.as_ref());
        set_if_empty(
            &mut self.native_finish_reason,
            native_finish_reason.as_ref(),
        );
        if let Some(logprobs) = logprobs {
            self.merge_logprobs(logprobs.content.as_ref(), logprobs.refusal.as_ref());
        }
        set_if_empty(&mut self.error, error.as_ref());
    }

    fn merge_audio<S: Piece>(
        &mut self,
        id: Option<S>,
        expires_at: Option<i64>,
        data: Option<S>,
        transcript: Option<S>,
    ) {
        let acc = self.audio.get_or_insert_with(AudioOutput::default);
        set_if_empty(&mut acc.id, id);
        set_if_empty(&mut acc.expires_at, expires_at);
        append(&mut acc.data, data);
        append(&mut acc.transcript, transcript);
    }

    fn merge_logprobs<L>(&mut self, content: Option<L>, refusal: Option<L>)
    where
        L: IntoIterator,
        L::Item: Take<TokenLogprob>,
    {
        let acc = self.logprobs.get_or_insert_with(Logprobs::default);
        if let Some(content) = content {
            acc.content
                .get_or_insert_with(Vec::new)
                .extend(content.into_iter().map(Take::take));
        }
        if let Some(refusal) = refusal {
            acc.refusal
                .get_or_insert_with(Vec::new)
                .extend(refusal.into_iter().map(Take::take));
        }
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

/// A value the accumulator can keep: moved in when owned (`push`), cloned
/// when borrowed (`push_ref`). One set of merge helpers serves both.
trait Take<T> {
    fn take(self) -> T;
}

impl<T> Take<T> for T {
    fn take(self) -> T {
        self
    }
}

impl<T: Clone> Take<T> for &T {
    fn take(self) -> T {
        self.clone()
    }
}

/// The rare parts of a chunk are boxed; the completion holds them unboxed.
impl<T> Take<T> for Box<T> {
    fn take(self) -> T {
        *self
    }
}

impl<T: Clone> Take<T> for &Box<T> {
    fn take(self) -> T {
        T::clone(self)
    }
}

impl Take<String> for crate::SharedStr {
    fn take(self) -> String {
        self.into()
    }
}

impl Take<String> for &crate::SharedStr {
    fn take(self) -> String {
        self.as_str().to_owned()
    }
}

/// A text delta, owned or borrowed.
trait Piece: AsRef<str> + Take<String> {}

impl<P: AsRef<str> + Take<String>> Piece for P {}

/// Keeps the first value that arrives (a borrowed one is cloned only then).
fn set_if_empty<T>(slot: &mut Option<T>, value: Option<impl Take<T>>) {
    if slot.is_none() {
        *slot = value.map(Take::take);
    }
}

/// Keeps the latest value that arrives.
fn replace_if_some<T>(slot: &mut Option<T>, value: Option<impl Take<T>>) {
    if let Some(value) = value {
        *slot = Some(value.take());
    }
}

/// Appends a text delta; the first one is moved (or copied) in.
fn append(buffer: &mut Option<String>, piece: Option<impl Piece>) {
    match (buffer.as_mut(), piece) {
        (Some(buffer), Some(piece)) => buffer.push_str(piece.as_ref()),
        (None, Some(piece)) => *buffer = Some(piece.take()),
        (_, None) => {}
    }
}

/// Keys whose string values are streamed in pieces.
const CONCATENATED: [&str; 4] = ["text", "summary", "data", "signature"];

fn merge_reasoning_detail<F>(details: &mut Vec<ReasoningDetail>, fragment: F)
where
    F: Borrow<ReasoningDetail> + Take<ReasoningDetail>,
{
    let borrowed = fragment.borrow();
    let position = borrowed.index().and_then(|index| {
        details
            .iter()
            .rposition(|d| d.index() == Some(index) && d.kind_str() == borrowed.kind_str())
    });
    let Some(position) = position else {
        details.push(fragment.take());
        return;
    };
    let existing = &mut details[position];
    // Keys are few and a fragment rarely brings a new one: copying the
    // rare inserted value keeps one path for owned and borrowed fragments.
    for (key, value) in fragment.borrow().0.iter() {
        match existing.0.get_mut(key) {
            Some(Value::String(current)) if CONCATENATED.contains(&key.as_str()) => {
                if let Value::String(piece) = value {
                    current.push_str(piece);
                }
            }
            Some(current) if current.is_null() && !value.is_null() => *current = value.clone(),
            Some(_) => {}
            None => {
                existing.0.insert(key.clone(), value.clone());
            }
        }
    }
}

fn merge_tool_call<F>(calls: &mut Vec<ToolCallState>, fragment: F)
where
    F: Borrow<ToolCallDelta> + Take<ToolCallDelta>,
{
    let borrowed = fragment.borrow();
    // By index when there is one; otherwise a new id starts a new call and
    // anything else continues the last call.
    let position = match borrowed.index {
        Some(index) => calls.iter().rposition(|c| c.index == Some(index)),
        None => match (&borrowed.id, calls.last()) {
            (Some(id), Some(last)) if last.call.id.as_deref() != Some(id.as_str()) => None,
            (_, Some(_)) => Some(calls.len() - 1),
            (_, None) => None,
        },
    };
    let Some(position) = position else {
        let ToolCallDelta {
            index,
            id,
            kind,
            function,
            extra,
        } = fragment.take();
        let (name, arguments) = match function {
            Some(f) => (f.name, f.arguments),
            None => (None, None),
        };
        calls.push(ToolCallState {
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
        });
        return;
    };
    let call = &mut calls[position].call;
    set_if_empty(&mut call.id, borrowed.id.as_ref());
    set_if_empty(&mut call.kind, borrowed.kind.as_ref());
    let function = borrowed.function.as_ref();
    if call.function.name.is_empty()
        && let Some(name) = function.and_then(|f| f.name.as_ref())
    {
        call.function.name.clone_from(name);
    }
    append(
        &mut call.function.arguments,
        function.and_then(|f| f.arguments.as_ref()),
    );
    for (key, value) in &borrowed.extra {
        if !call.extra.contains_key(key) {
            call.extra.insert(key.clone(), value.clone());
        }
    }
}
