//! `Agent::stream`: the loop's progress as typed events, ending with the run's output.

use std::pin::Pin;
use std::task::{Context, Poll};

use futures::channel::mpsc;
use futures::future::BoxFuture;
use futures::{FutureExt, Stream, StreamExt};
use openrouter_types::response::FinishReason;
use openrouter_types::{Message, ToolCall, Usage};

use crate::agent::Agent;
use crate::{Error, RunOutput, ToolResult, Totals};

/// Events buffered between the loop and a slow consumer before the loop waits.
const EVENT_BUFFER: usize = 64;

/// One event of [`Agent::stream`](crate::Agent::stream).
#[derive(Debug, Clone)]
#[non_exhaustive]
#[allow(
    clippy::large_enum_variant,
    reason = "events are few per step; boxing the common ones buys nothing"
)]
pub enum AgentEvent {
    /// A model call is starting.
    StepStarted {
        /// 1-based step number.
        step: usize,
    },
    /// A piece of the answer's text.
    TextDelta {
        /// Step number.
        step: usize,
        /// The text.
        text: String,
    },
    /// A piece of the model's reasoning.
    ReasoningDelta {
        /// Step number.
        step: usize,
        /// The reasoning text.
        text: String,
    },
    /// OpenRouter's keep-alive comment: the model call is alive, nothing new yet.
    KeepAlive {
        /// Step number.
        step: usize,
    },
    /// The model called a tool; it starts now (`call.name()`, `call.arguments()`).
    ToolCallStarted {
        /// Step number.
        step: usize,
        /// The call as the model made it.
        call: ToolCall,
    },
    /// A tool finished (or failed: the error is what the model will read).
    ToolResult {
        /// Step number.
        step: usize,
        /// The outcome.
        result: ToolResult,
    },
    /// A step finished: its usage and cost as reported, and the run's totals so far.
    StepFinished {
        /// Step number.
        step: usize,
        /// The step's usage.
        usage: Option<Usage>,
        /// The step's cost (`usage.cost`).
        cost: Option<f64>,
        /// Why the model stopped generating.
        finish_reason: Option<FinishReason>,
        /// Totals so far.
        totals: Totals,
    },
    /// The run ended; nothing follows.
    Done(Box<RunOutput>),
}

/// The stream returned by [`Agent::stream`](crate::Agent::stream). A failed step ends it
/// with [`Error::Step`], which keeps the conversation up to that step.
#[must_use = "streams do nothing unless polled"]
pub struct AgentStream {
    run: Option<BoxFuture<'static, Result<RunOutput, Error>>>,
    events: mpsc::Receiver<AgentEvent>,
    result: Option<Result<RunOutput, Error>>,
    finished: bool,
}

impl AgentStream {
    pub(crate) fn new(agent: Agent, messages: Vec<Message>) -> Self {
        let (sender, events) = mpsc::channel(EVENT_BUFFER);
        Self {
            run: Some(crate::run::drive(agent, messages, Some(sender)).boxed()),
            events,
            result: None,
            finished: false,
        }
    }
}

impl std::fmt::Debug for AgentStream {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AgentStream")
            .field("running", &self.run.is_some())
            .field("finished", &self.finished)
            .finish_non_exhaustive()
    }
}

impl Stream for AgentStream {
    type Item = Result<AgentEvent, Error>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = self.get_mut();
        if this.finished {
            return Poll::Ready(None);
        }
        loop {
            // Queued events first, so they arrive before the run's end.
            if let Poll::Ready(Some(event)) = this.events.poll_next_unpin(cx) {
                return Poll::Ready(Some(Ok(event)));
            }
            match &mut this.run {
                Some(run) => match run.poll_unpin(cx) {
                    Poll::Ready(result) => {
                        this.run = None;
                        this.result = Some(result);
                    }
                    Poll::Pending => return Poll::Pending,
                },
                None => {
                    // The run (and its sender) is gone, so the channel holds only what was
                    // sent before; it was drained above.
                    this.finished = true;
                    return Poll::Ready(
                        this.result
                            .take()
                            .map(|r| r.map(|o| AgentEvent::Done(Box::new(o)))),
                    );
                }
            }
        }
    }
}

impl futures::stream::FusedStream for AgentStream {
    fn is_terminated(&self) -> bool {
        self.finished
    }
}
