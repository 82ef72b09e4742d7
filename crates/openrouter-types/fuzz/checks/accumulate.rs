//! The accumulator check shared by the `accumulate` fuzz target and the
//! corpus replay test in `tests/it/fuzz_corpus.rs`.
//!
//! Input: lines (split on `\n`); each line that decodes as a [`ChatChunk`] is
//! pushed, the others are skipped, so the fuzzer mutates real stream data.
//! Invariants, computed independently from the decoded chunks:
//! - pushing never panics and `finish` always returns;
//! - per choice index, the content, reasoning and refusal equal the
//!   concatenation of that choice's deltas (absent when no delta carried one);
//! - per choice, when every tool-call fragment has an `index`, there is one
//!   call per distinct index, in order of first appearance, whose arguments
//!   are the concatenation of that index's fragments; without indexes, the
//!   arguments of all calls together hold every fragment's bytes;
//! - the outcome is `Errored` exactly when a chunk carried an error or the
//!   first choice's first finish reason is `error`.

use openrouter_types::chunk::ChunkChoice;
use openrouter_types::response::FinishReason;
use openrouter_types::{ChatChunk, StreamAccumulator, StreamOutcome};

#[derive(Default)]
struct Expected {
    index: u32,
    content: Option<String>,
    reasoning: Option<String>,
    refusal: Option<String>,
    /// (tool index, concatenated arguments), in order of first appearance.
    tools: Vec<(Option<u32>, Option<String>)>,
    all_indexed: bool,
    argument_bytes: usize,
    first_finish: Option<FinishReason>,
}

/// Runs the check; panics with a description on a broken invariant.
pub fn check(data: &[u8]) {
    let mut accumulator = StreamAccumulator::new();
    let mut expected: Vec<Expected> = Vec::new();
    let mut pushed = 0u64;
    let mut errored = false;
    for line in data.split(|&b| b == b'\n') {
        let line = line.strip_prefix(b"data: ").unwrap_or(line);
        let Ok(chunk) = serde_json::from_slice::<ChatChunk>(line) else {
            continue;
        };
        errored |= chunk.error().is_some();
        for choice in &chunk.choices {
            observe(&mut expected, choice);
        }
        accumulator.push(chunk);
        pushed += 1;
        assert_eq!(accumulator.chunk_count(), pushed);
    }
    let first_content = expected.first().and_then(|e| e.content.clone());
    assert_eq!(
        accumulator.content(),
        first_content.as_deref().unwrap_or(""),
        "content() of the first choice"
    );
    let outcome = accumulator.outcome();
    let result = accumulator.finish();
    assert_eq!(result.outcome, outcome, "outcome() and finish() disagree");
    let first_finish = expected.first().and_then(|e| e.first_finish.clone());
    let should_error = errored || first_finish == Some(FinishReason::Error);
    assert_eq!(
        matches!(result.outcome, StreamOutcome::Errored(_)),
        should_error,
        "outcome {:?}",
        result.outcome
    );
    if !should_error {
        match (&result.outcome, first_finish) {
            (StreamOutcome::Completed { finish_reason }, Some(first)) => {
                assert_eq!(*finish_reason, first, "the first finish reason wins");
            }
            (StreamOutcome::Incomplete, None) => {}
            (outcome, first) => panic!("outcome {outcome:?} with first finish reason {first:?}"),
        }
    }

    let choices = &result.completion.choices;
    assert_eq!(
        choices.len(),
        expected.len(),
        "one choice per distinct index"
    );
    for (choice, want) in choices.iter().zip(&expected) {
        assert_eq!(
            choice.index, want.index,
            "choices keep first-appearance order"
        );
        let message = &choice.message;
        let content = message
            .content
            .as_ref()
            .map(|c| c.as_text().expect("accumulated content is text").to_owned());
        assert_eq!(content, want.content, "content of choice {}", want.index);
        assert_eq!(
            message.reasoning, want.reasoning,
            "reasoning of choice {}",
            want.index
        );
        assert_eq!(
            message.refusal, want.refusal,
            "refusal of choice {}",
            want.index
        );
        let calls = message.tool_calls.as_deref().unwrap_or_default();
        if want.all_indexed {
            assert_eq!(calls.len(), want.tools.len(), "one call per tool index");
            for (call, (index, arguments)) in calls.iter().zip(&want.tools) {
                assert_eq!(
                    &call.function.arguments, arguments,
                    "arguments of tool call {index:?} of choice {}",
                    want.index
                );
            }
        }
        let bytes: usize = calls
            .iter()
            .map(|c| c.function.arguments.as_deref().map_or(0, str::len))
            .sum();
        assert_eq!(
            bytes, want.argument_bytes,
            "every argument byte lands in a call"
        );
        assert_eq!(
            choice.finish_reason, want.first_finish,
            "first finish reason of choice {}",
            want.index
        );
    }
    // The result is a completion like any other: it encodes.
    serde_json::to_vec(&result.completion).expect("the assembled completion encodes");
}

fn observe(expected: &mut Vec<Expected>, choice: &ChunkChoice) {
    let position = match expected.iter().position(|e| e.index == choice.index) {
        Some(position) => position,
        None => {
            expected.push(Expected {
                index: choice.index,
                all_indexed: true,
                ..Expected::default()
            });
            expected.len() - 1
        }
    };
    let want = &mut expected[position];
    let delta = &choice.delta;
    append(&mut want.content, delta.content.as_deref());
    append(&mut want.reasoning, delta.reasoning.as_deref());
    append(&mut want.refusal, delta.refusal.as_deref());
    for fragment in delta.tool_calls.iter().flatten() {
        let arguments = fragment
            .function
            .as_ref()
            .and_then(|f| f.arguments.as_deref());
        want.argument_bytes += arguments.map_or(0, str::len);
        if fragment.index.is_none() {
            want.all_indexed = false;
        }
        match want.tools.iter_mut().find(|(i, _)| *i == fragment.index) {
            Some((_, buffer)) => append(buffer, arguments),
            None => want
                .tools
                .push((fragment.index, arguments.map(str::to_owned))),
        }
    }
    if want.first_finish.is_none() {
        want.first_finish.clone_from(&choice.finish_reason);
    }
}

fn append(buffer: &mut Option<String>, piece: Option<&str>) {
    if let Some(piece) = piece {
        buffer.get_or_insert_with(String::new).push_str(piece);
    }
}
