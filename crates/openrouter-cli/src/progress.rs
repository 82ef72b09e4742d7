//! The stderr spinner shown while OpenRouter holds a request open with
//! `: OPENROUTER PROCESSING` keep-alives and nothing has been printed yet.

use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::output::Term;

/// A spinner on stderr, or nothing when stderr is not a terminal (pipes and logs stay clean).
#[derive(Debug)]
pub struct Spinner {
    bar: Option<ProgressBar>,
}

impl Spinner {
    /// Starts spinning with `message`, if stderr is a terminal.
    pub fn start(term: Term, message: &'static str) -> Self {
        if !term.interactive {
            return Self { bar: None };
        }
        let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
        if let Ok(style) = ProgressStyle::with_template("{spinner} {msg} {elapsed:.dim}") {
            bar.set_style(style);
        }
        bar.set_message(message);
        bar.enable_steady_tick(Duration::from_millis(100));
        Self { bar: Some(bar) }
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
            bar.finish_and_clear();
        }
    }
}

impl Drop for Spinner {
    fn drop(&mut self) {
        self.clear();
    }
}
