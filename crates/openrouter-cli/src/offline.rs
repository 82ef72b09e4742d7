//! The bundled mock OpenRouter: started in-process for `--offline`, or served on its own by
//! `openrouter mock`.

use std::time::Duration;

use openrouter_testkit::FixtureSet;
use openrouter_testkit::server::{MockOpenRouter, Pacing};

use crate::args::MockArgs;
use crate::exit::{Code, Failure, Outcome};
use crate::output::{self, Term};

/// Delay between stream events offline: slow enough to look like a live answer, fast enough
/// that the demo takes well under a second.
const OFFLINE_EVENT_DELAY: Duration = Duration::from_millis(25);

/// Starts the bundled fixtures on a free loopback port, streams paced one event at a time.
pub async fn start_bundled() -> Result<MockOpenRouter, Failure> {
    MockOpenRouter::builder(FixtureSet::bundled())
        .pacing(Pacing::new().per_event().delay(OFFLINE_EVENT_DELAY))
        .start()
        .await
        .map_err(|e| {
            Failure::new(
                Code::Network,
                format!("cannot start the offline mock server: {e}"),
            )
        })
}

/// `openrouter mock`: serves until Ctrl-C, then shuts down cleanly (exit 0).
pub async fn run_mock(args: &MockArgs, term: Term) -> Outcome {
    let set = match &args.fixtures {
        Some(dir) => {
            FixtureSet::load_dir(dir).map_err(|e| Failure::new(Code::Config, e.to_string()))?
        }
        None => FixtureSet::bundled(),
    };
    let mut pacing = Pacing::new();
    if args.delay_ms > 0 {
        pacing = pacing
            .per_event()
            .delay(Duration::from_millis(args.delay_ms));
    }
    let fixtures = set.len();
    let server = MockOpenRouter::builder(set)
        .port(args.port)
        .pacing(pacing)
        .start()
        .await
        .map_err(|e| Failure::new(Code::Config, e.to_string()))?;
    // The URL alone on stdout, so scripts can read it; the explanation on stderr.
    output::print_lines(&[server.base_url()])?;
    term.note(&format!(
        "serving {fixtures} recorded exchanges; use it with:\n  export OPENROUTER_BASE_URL={} OPENROUTER_API_KEY=anything\npress Ctrl-C to stop",
        server.base_url()
    ));
    tokio::signal::ctrl_c()
        .await
        .map_err(|e| Failure::new(Code::Config, format!("cannot listen for Ctrl-C: {e}")))?;
    let requests = server.received_requests().len();
    server.shutdown().await;
    term.note(&match requests {
        1 => "stopped after serving 1 request".to_owned(),
        n => format!("stopped after serving {n} requests"),
    });
    Ok(())
}
