//! What a batch run shows while it runs (a bar on a terminal, a line every few seconds
//! otherwise) and the summary at the end, all on stderr.

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use openrouter_batches::OutputLine;

use crate::output::Term;

/// How often a line is printed when stderr is not a terminal.
const LINE_EVERY: Duration = Duration::from_secs(5);

/// The counts of a run.
#[derive(Debug, Default)]
pub struct Tally {
    /// Final answers this run, per status.
    pub statuses: BTreeMap<u16, u64>,
    /// Transient failures this run, per status (0: no status: a connection or a timeout).
    pub failures: BTreeMap<u16, u64>,
    /// Transient failures this run.
    pub failed: u64,
    /// Not sent: the budget was reached.
    pub not_started: u64,
    /// Already answered in OUTPUT by earlier runs.
    pub skipped: u64,
    /// Spent this run, in USD.
    pub cost: f64,
    /// Spent by earlier runs on the same OUTPUT, in USD.
    pub earlier_cost: f64,
    /// Tokens this run.
    pub tokens: u64,
}

impl Tally {
    pub fn record_final(&mut self, line: &OutputLine) {
        *self.statuses.entry(line.response.status_code).or_default() += 1;
        let (cost, tokens) = line.cost_and_tokens();
        self.cost += cost.unwrap_or(0.0);
        self.tokens += tokens.unwrap_or(0);
    }

    pub fn record_failure(&mut self, error: &openrouter_api::Error) {
        self.failed += 1;
        *self
            .failures
            .entry(error.status().map_or(0, |s| s.as_u16()))
            .or_default() += 1;
    }

    /// Final answers this run.
    pub fn done(&self) -> u64 {
        self.statuses.values().sum()
    }
}

/// A bar on a terminal, periodic lines otherwise.
pub struct Progress {
    bar: Option<ProgressBar>,
    total: u64,
    started: Instant,
    last_line: Instant,
}

impl Progress {
    pub fn start(term: Term, total: u64) -> Self {
        let bar = term.interactive.then(|| {
            let bar = ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::stderr());
            if let Ok(style) = ProgressStyle::with_template(
                "{bar:30} {pos}/{len} {msg} [{elapsed_precise}, eta {eta}]",
            ) {
                bar.set_style(style);
            }
            bar
        });
        Self {
            bar,
            total,
            started: Instant::now(),
            last_line: Instant::now(),
        }
    }

    fn message(&self, tally: &Tally) -> String {
        let rate = tally.done() as f64 / self.started.elapsed().as_secs_f64().max(1e-3);
        format!(
            "failed {} · ${:.4} · {} tokens · {rate:.1} req/s",
            tally.failed,
            tally.cost + tally.earlier_cost,
            tally.tokens
        )
    }

    pub fn update(&mut self, tally: &Tally) {
        let position = tally.skipped + tally.done() + tally.failed + tally.not_started;
        match &self.bar {
            Some(bar) => {
                bar.set_position(position);
                bar.set_message(self.message(tally));
            }
            None if self.last_line.elapsed() >= LINE_EVERY => {
                self.last_line = Instant::now();
                eprintln!("batch: {position}/{} {}", self.total, self.message(tally));
            }
            None => {}
        }
    }

    pub fn finish(&mut self, tally: &Tally) {
        self.update(tally);
        if let Some(bar) = self.bar.take() {
            bar.finish_and_clear();
        }
    }
}

/// The end-of-run summary.
pub fn summary(tally: &Tally, remaining: u64) {
    let by = |counts: &BTreeMap<u16, u64>| {
        counts
            .iter()
            .map(|(status, n)| match status {
                0 => format!("{n}× connection/timeout"),
                s => format!("{n}× {s}"),
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut text = format!(
        "batch: {} answered this run{}, {} already done, {} failed{}, {} remaining\n",
        tally.done(),
        if tally.statuses.is_empty() {
            String::new()
        } else {
            format!(" ({})", by(&tally.statuses))
        },
        tally.skipped,
        tally.failed,
        if tally.failed > 0 {
            format!(" ({})", by(&tally.failures))
        } else {
            String::new()
        },
        remaining
    );
    text.push_str(&format!(
        "cost ${:.4} this run, ${:.4} for the job; {} tokens",
        tally.cost,
        tally.cost + tally.earlier_cost,
        tally.tokens,
    ));
    eprintln!("{text}");
}
