//! Ctrl-C as a future that can be awaited again and again: long operations race it in a
//! `select!`, and losing the race drops (and so cancels) the operation.

use std::future::Future;
use std::pin::Pin;

use futures::FutureExt;

type CtrlC = Pin<Box<dyn Future<Output = std::io::Result<()>> + Send>>;

/// A listener for Ctrl-C (SIGINT). Once it exists, Ctrl-C no longer kills the process: the
/// command decides what to stop and which code to exit with.
pub struct Interrupt {
    signal: CtrlC,
}

impl std::fmt::Debug for Interrupt {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Interrupt").finish_non_exhaustive()
    }
}

impl Interrupt {
    /// Starts listening now, so a Ctrl-C that comes before the first `wait` is not lost.
    pub fn listen() -> Self {
        Self { signal: armed() }
    }

    /// Resolves at the next Ctrl-C. Cancel-safe: dropping the future keeps the listener.
    pub async fn wait(&mut self) {
        if (&mut self.signal).await.is_err() {
            // No signal handling on this platform: never interrupt.
            std::future::pending::<()>().await;
        }
        self.signal = armed();
    }
}

/// A `ctrl_c` future polled once, which registers it with the signal driver.
fn armed() -> CtrlC {
    let mut signal: CtrlC = Box::pin(tokio::signal::ctrl_c());
    // A Ctrl-C already pending resolves it here; the next `wait` then returns at once.
    if let Some(result) = (&mut signal).now_or_never() {
        signal = Box::pin(std::future::ready(result));
    }
    signal
}
