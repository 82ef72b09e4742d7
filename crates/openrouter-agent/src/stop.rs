//! When a run stops: the TS Agent SDK's `stopWhen` conditions (`stepCountIs`, `hasToolCall`,
//! `maxCost`) plus a deadline and a caller's predicate, checked after every step.

use std::fmt;
use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::{StepRecord, Totals};

/// A condition that ends a run after a step. Combine several with
/// [`Agent::stop_when`](crate::Agent::stop_when): the first that holds stops the run.
///
/// A model answer without tool calls always ends the run ([`StopReason::Answered`]).
///
/// ```
/// use std::time::Duration;
/// use openrouter_agent::StopCondition;
/// let conditions = [
///     StopCondition::step_count_is(8),
///     StopCondition::has_tool_call("submit_answer"),
///     StopCondition::max_cost(0.05),
///     StopCondition::max_duration(Duration::from_secs(120)),
///     StopCondition::predicate(|state| state.totals.completion_tokens > 10_000),
/// ];
/// # let _ = conditions;
/// ```
#[derive(Clone)]
pub struct StopCondition(Kind);

#[derive(Clone)]
enum Kind {
    Steps(usize),
    ToolCalled(String),
    MaxCost(f64),
    Duration(Duration),
    Deadline(Instant),
    Predicate(Arc<dyn Fn(&StopState<'_>) -> bool + Send + Sync>),
}

/// What a [`StopCondition::predicate`] sees after a step.
#[derive(Debug)]
#[non_exhaustive]
pub struct StopState<'a> {
    /// The step that just finished.
    pub step: &'a StepRecord,
    /// Totals so far, this step included.
    pub totals: &'a Totals,
    /// The conversation so far, this step's assistant turn and tool results included.
    pub messages: &'a [openrouter_types::Message],
}

/// Why a run stopped.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum StopReason {
    /// The model answered without calling a tool: the normal end.
    Answered,
    /// [`StopCondition::step_count_is`]: this many steps ran.
    StepCount(usize),
    /// [`StopCondition::has_tool_call`]: the model called this tool (and it ran).
    ToolCalled(String),
    /// [`StopCondition::max_cost`]: the run's reported cost reached the limit.
    MaxCost {
        /// The limit, in credits (USD).
        limit: f64,
        /// What the run has cost, summed from `usage.cost`.
        spent: f64,
    },
    /// [`StopCondition::max_duration`] or [`StopCondition::deadline`] passed; a model call
    /// under way at that moment was abandoned and is not in the conversation.
    Deadline,
    /// A [`StopCondition::predicate`] returned `true`.
    Predicate,
}

impl StopCondition {
    /// Stop once `steps` model calls have run (each with its tool calls).
    pub fn step_count_is(steps: usize) -> Self {
        Self(Kind::Steps(steps))
    }

    /// Stop after a step in which the model called the tool `name` (the tool still runs, so
    /// its result is in the conversation).
    pub fn has_tool_call(name: impl Into<String>) -> Self {
        Self(Kind::ToolCalled(name.into()))
    }

    /// Stop once the cost OpenRouter reported (`usage.cost`, summed over steps) reaches
    /// `credits`. A step whose cost is not reported counts as zero: see
    /// [`Totals::unpriced_steps`].
    pub fn max_cost(credits: f64) -> Self {
        Self(Kind::MaxCost(credits))
    }

    /// Stop when the run has lasted `duration`: a model call in flight is abandoned; tools
    /// already running finish (each bounded by its timeout) and the run stops after them.
    pub fn max_duration(duration: Duration) -> Self {
        Self(Kind::Duration(duration))
    }

    /// Stop at `deadline` (see [`max_duration`](Self::max_duration)).
    pub fn deadline(deadline: Instant) -> Self {
        Self(Kind::Deadline(deadline))
    }

    /// Stop when `predicate` returns `true` after a step.
    pub fn predicate(predicate: impl Fn(&StopState<'_>) -> bool + Send + Sync + 'static) -> Self {
        Self(Kind::Predicate(Arc::new(predicate)))
    }

    /// The instant this condition ends the run regardless of steps, if it is a time limit.
    pub(crate) fn deadline_from(&self, start: Instant) -> Option<Instant> {
        match &self.0 {
            Kind::Duration(duration) => Some(start + *duration),
            Kind::Deadline(deadline) => Some(*deadline),
            _ => None,
        }
    }

    /// Whether the run stops after the step in `state`, and why.
    pub(crate) fn check(
        &self,
        state: &StopState<'_>,
        now: Instant,
        start: Instant,
    ) -> Option<StopReason> {
        match &self.0 {
            Kind::Steps(steps) => {
                (state.totals.steps >= *steps).then_some(StopReason::StepCount(*steps))
            }
            Kind::ToolCalled(name) => state
                .step
                .tool_calls
                .iter()
                .any(|call| call.name() == name)
                .then(|| StopReason::ToolCalled(name.clone())),
            Kind::MaxCost(limit) => (state.totals.cost >= *limit).then_some(StopReason::MaxCost {
                limit: *limit,
                spent: state.totals.cost,
            }),
            Kind::Duration(_) | Kind::Deadline(_) => self
                .deadline_from(start)
                .is_some_and(|deadline| now >= deadline)
                .then_some(StopReason::Deadline),
            Kind::Predicate(predicate) => predicate(state).then_some(StopReason::Predicate),
        }
    }
}

impl fmt::Debug for StopCondition {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.0 {
            Kind::Steps(n) => write!(f, "StepCountIs({n})"),
            Kind::ToolCalled(name) => write!(f, "HasToolCall({name:?})"),
            Kind::MaxCost(limit) => write!(f, "MaxCost({limit})"),
            Kind::Duration(d) => write!(f, "MaxDuration({d:?})"),
            Kind::Deadline(d) => write!(f, "Deadline({d:?})"),
            Kind::Predicate(_) => f.write_str("Predicate(..)"),
        }
    }
}
