//! The stderr spinner shown while OpenRouter holds a request open with
//! `: OPENROUTER PROCESSING` keep-alives and nothing has been printed yet, and the one way to
//! print a line on stderr while it spins (retry notices arrive from inside the client).

use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::output::Term;

/// The spinner on screen, if any: a line printed while it spins must clear it first and let it
/// redraw below, or the two overwrite each other. Kept with the spinner's number, so one that
/// ends does not unregister a newer one.
static ACTIVE: Mutex<Option<(u64, ProgressBar)>> = Mutex::new(None);
static NEXT: AtomicU64 = AtomicU64::new(0);

/// Prints `line` on stderr, above the spinner when one is showing.
pub fn eprint_line(line: &str) {
    let active = ACTIVE
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    match active.as_ref() {
        Some((_, bar)) => bar.suspend(|| eprintln!("{line}")),
        None => eprintln!("{line}"),
    }
}

/// A spinner on stderr, or nothing when stderr is not a terminal (pipes and logs stay clean).
#[derive(Debug)]
pub struct Spinner {
    bar: Option<ProgressBar>,
    id: u64,
}

impl Spinner {
    /// Starts spinning with `message`, if stderr is a terminal.
    pub fn start(term: Term, message: &'static str) -> Self {
        if !term.interactive {
            return Self { bar: None, id: 0 };
        }
        let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
        if let Ok(style) = ProgressStyle::with_template("{spinner} {msg} {elapsed:.dim}") {
            bar.set_style(style);
        }
        bar.set_message(message);
        bar.enable_steady_tick(Duration::from_millis(100));
        let id = NEXT.fetch_add(1, Ordering::Relaxed);
        *ACTIVE
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner()) = Some((id, bar.clone()));
        Self { bar: Some(bar), id }
    }

    /// A keep-alive arrived: the provider is still working on the answer.
    pub fn keep_alive(&self) {
        if let Some(bar) = &self.bar {
            bar.set_message("the provider is still working…");
        }
    }

    /// Removes the spinner (before anything else is printed).
    pub fn clear(&mut self) {
        if let Some(bar) = self.bar.take() {
            let mut active = ACTIVE
                .lock()
                .unwrap_or_else(|poisoned| poisoned.into_inner());
            if active.as_ref().is_some_and(|(id, _)| *id == self.id) {
                *active = None;
            }
            drop(active);
            bar.finish_and_clear();
        }
    }
}

impl Drop for Spinner {
    fn drop(&mut self) {
        self.clear();
    }
}
