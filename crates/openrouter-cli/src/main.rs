//! The `openrouter` binary: parses the command line, sets up logging and the runtime, runs one
//! command and turns its outcome into an exit code with one clear message on stderr.

mod account;
mod api;
mod args;
mod batch;
mod chat;
mod config;
mod connect;
mod exit;
mod interrupt;
mod manage;
mod media;
mod models;
mod notice;
mod offline;
mod output;
mod progress;

use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches};

use crate::args::{Cli, Command};
use crate::exit::Outcome;
use crate::output::Term;

fn main() -> ExitCode {
    // clap prints help, versions and usage errors itself (usage errors exit with 2).
    let matches = Cli::command().get_matches();
    let mut cli = Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit());
    if let (Command::Api(args), Some(("api", api))) = (&mut cli.command, matches.subcommand()) {
        args.order_fields(api);
    }
    cli.connection.streams = matches!(&cli.command, Command::Chat(args) if !args.no_stream);
    init_tracing();
    let term = Term::detect();
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(e) => {
            eprintln!("error: cannot start the async runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    let outcome = runtime.block_on(run(&cli, term));
    // A line reader may still be blocked on stdin (interactive chat): do not wait for it.
    runtime.shutdown_background();
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) if failure.is_quiet() => ExitCode::SUCCESS,
        Err(failure) => {
            eprintln!("error: {failure}");
            failure.code().into()
        }
    }
}

async fn run(cli: &Cli, term: Term) -> Outcome {
    let connection = &cli.connection;
    match &cli.command {
        Command::Chat(args) => chat::run(args, connection, term).await,
        Command::Models(args) => models::list(args, connection, term).await,
        Command::Model(args) => models::show(args, connection, term).await,
        Command::Credits(args) => account::credits(args, connection, term).await,
        Command::Key(args) => account::key(args, connection, term).await,
        Command::Generation(args) => account::generation(args, connection, term).await,
        Command::Image(args) => media::image(args, connection, term).await,
        Command::Speak(args) => media::speak(args, connection, term).await,
        Command::Transcribe(args) => media::transcribe(args, connection, term).await,
        Command::Video(args) => media::video(args, connection, term).await,
        Command::Rerank(args) => media::rerank(args, connection, term).await,
        Command::Keys(command) => manage::keys(command, connection, term).await,
        Command::Byok(command) => manage::byok(command, connection, term).await,
        Command::Activity(args) => manage::activity(args, connection, term).await,
        Command::Api(args) => api::run(args, connection, term).await,
        Command::Mock(args) => offline::run_mock(args, term).await,
        Command::Batch(command) => batch::run(command, connection, term).await,
    }
}

/// Logs on stderr, filtered by `RUST_LOG`; nothing at all when it is unset.
fn init_tracing() {
    let Ok(filter) = tracing_subscriber::EnvFilter::try_from_default_env() else {
        return;
    };
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .try_init();
}
