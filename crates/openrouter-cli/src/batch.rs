//! `openrouter batch run`: an OpenAI Batch API file run live through OpenRouter, with limits,
//! a cost cap, progress, and output that a rerun resumes (see the `openrouter-batches` crate).

mod progress;

use std::fs::File;
use std::io::{BufReader, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use clap::{Args, Subcommand};
use futures::StreamExt;
use openrouter_api::{Budget, Client, Limiter};
use openrouter_batches::{
    BatchRequest, Checked, DEFAULT_MAX_LINE_BYTES, IdSet, LineReader, Outcome, ReadLine, Runner,
    Shard, Validation, Validator, open_output, scan_output,
};
use openrouter_types::models::ModelsQuery;
use tokio::sync::mpsc;

use crate::args::Connection;
use crate::connect::{self, Key};
use crate::exit::{Code, Failure, Outcome as CommandOutcome};
use crate::output::Term;

use progress::{Progress, Tally};

const BATCH_HELP: &str = "\
Input: OpenAI Batch API lines, unchanged:
  {\"custom_id\": \"q1\", \"method\": \"POST\", \"url\": \"/v1/chat/completions\", \"body\": {...}}
  url: /v1/chat/completions, /v1/embeddings or /v1/responses (with or without /v1).
  The input is streamed; every line is checked (malformed lines, duplicate custom_ids, with
  their line numbers) before anything is sent.

Output: one line per custom_id with a final answer, in OpenAI's batch output shape
  {\"id\", \"custom_id\", \"response\": {\"status_code\", \"request_id\", \"body\"}, \"error\": null}
  appended as answers complete (not in input order). Non-retryable API errors (400, 401, 402,
  403, 404…) are final answers with their status and body. Requests still failing with a
  transient error (429, 5xx, timeouts, a connection cut after sending) are not: they go to
  --errors and the summary, and the next run retries them.

Resume: run the same command again; every custom_id already in OUTPUT is skipped, and a torn
last line left by a crash (kill -9) is cut off first. --max-cost counts what earlier runs
spent (read from OUTPUT).

Scale-out: --shard I/N keeps the custom_ids whose hash (the first 8 bytes of SHA-256 of the
id, big-endian, mod N; frozen across versions and platforms) is I, so N machines split one
input with no coordination; their outputs concatenate. One machine drives thousands of
concurrent requests: the account's rate limit, not the machine, is the ceiling.

Exit codes:
  0    every request of the input (or shard) has a final answer in OUTPUT
  2    usage error, or invalid input lines (nothing was sent)
  3    some requests failed with transient errors: run the same command again
  4    OpenRouter could not be reached
  5    configuration error (no API key), or OUTPUT is not a batch output file
  6    the --max-cost budget is reached: raise it and run again to continue

Examples:
  openrouter batch run requests.jsonl -o results.jsonl --concurrency 32 --max-cost 5
  openrouter batch run requests.jsonl -o results.jsonl --dry-run
  openrouter batch run requests.jsonl -o part-2.jsonl --shard 2/8
  openrouter batch run --offline examples/batch.jsonl -o out.jsonl";

/// `openrouter batch …`.
#[derive(Debug, Subcommand)]
pub enum BatchCommand {
    /// Run a batch file's requests and append the answers to OUTPUT; rerun to resume.
    #[command(after_help = BATCH_HELP)]
    Run(RunArgs),
}

/// `openrouter batch run`.
#[derive(Debug, Args)]
pub struct RunArgs {
    /// The requests, one JSON object a line (OpenAI Batch API format).
    #[arg(value_name = "INPUT.jsonl")]
    pub input: PathBuf,

    /// Where answers are appended (created if missing; resumed if not).
    #[arg(short, long, value_name = "OUTPUT.jsonl")]
    pub output: PathBuf,

    /// Requests in flight at once.
    #[arg(long, value_name = "N", default_value_t = 16, value_parser = clap::value_parser!(u32).range(1..=100_000))]
    pub concurrency: u32,

    /// At most N requests a minute (default: the key's own limit, when `GET /key` reports one).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    pub rpm: Option<u32>,

    /// Stop starting requests once the job (this run and earlier ones on OUTPUT) has spent
    /// this many USD; the overshoot is at most the requests in flight.
    #[arg(long, value_name = "USD")]
    pub max_cost: Option<f64>,

    /// Write the requests that failed transiently (to be retried by the next run) here, one
    /// JSON line each; each run rewrites it.
    #[arg(long, value_name = "FILE")]
    pub errors: Option<PathBuf>,

    /// Run only the custom_ids of shard I of N (0 ≤ I < N).
    #[arg(long, value_name = "I/N")]
    pub shard: Option<Shard>,

    /// Check the input and estimate the cost from /models pricing; send nothing.
    #[arg(long)]
    pub dry_run: bool,

    /// Skip invalid lines (they are still reported) instead of refusing the file.
    #[arg(long)]
    pub skip_invalid: bool,
}

/// Runs a batch command.
pub async fn run(command: &BatchCommand, connection: &Connection, term: Term) -> CommandOutcome {
    match command {
        BatchCommand::Run(args) => run_file(args, connection, term).await,
    }
}

async fn run_file(args: &RunArgs, connection: &Connection, term: Term) -> CommandOutcome {
    if let Some(max) = args.max_cost
        && !(max.is_finite() && max >= 0.0)
    {
        return Err(Failure::new(
            Code::Usage,
            format!("--max-cost {max} is not an amount: give a number of USD, e.g. 5 or 0.25"),
        ));
    }
    let shard = args.shard.unwrap_or_default();
    let validation = validate_input(&args.input, shard, args.dry_run).await?;
    report_problems(&args.input, &validation);
    if !validation.is_valid() && !args.skip_invalid {
        return Err(Failure::new(
            Code::Usage,
            format!(
                "{} has {} invalid line(s): fix them, or skip them with --skip-invalid; nothing was sent",
                args.input.display(),
                validation.problem_count
            ),
        ));
    }
    if args.dry_run {
        return dry_run(args, connection, term, &validation).await;
    }

    let output = args.output.clone();
    let (state, mut appender) = blocking(move || open_output(&output))
        .await?
        .map_err(|e| Failure::new(Code::Config, format!("{}: {e}", args.output.display())))?;
    if let Some(torn) = state.torn {
        term.note(&format!(
            "dropped a torn last line ({torn} bytes) of {}: an earlier run was killed while writing it; its request runs again",
            args.output.display()
        ));
    }
    let connected = connect::connect(connection, Key::Required, term).await?;
    let mut limiter = Limiter::new().concurrency(args.concurrency as usize);
    if let Some(rpm) = args.rpm {
        limiter = limiter.requests(rpm, Duration::from_secs(60));
    } else if !connection.offline
        && let Ok(key) = connected.client.key().await
        && limiter.seed_from_key(key.data())
    {
        tracing::debug!(rate = ?limiter.rate(), "rate limit from GET /key");
    }
    let mut client: Client = connected.client.with_limiter(limiter);
    let budget = args
        .max_cost
        .map(|max| Budget::new(max).with_spent(state.cost));
    if let Some(budget) = &budget {
        client = client.with_budget(budget.clone());
    }

    let skipped = Arc::new(AtomicU64::new(0));
    let requests = spawn_reader(
        args.input.clone(),
        shard,
        state.done,
        args.concurrency as usize * 2,
        Arc::clone(&skipped),
    );
    let mut errors = match &args.errors {
        Some(path) => Some(File::create(path).map_err(|e| {
            Failure::new(
                Code::Usage,
                format!("cannot create {}: {e}", path.display()),
            )
        })?),
        None => None,
    };
    let mut tally = Tally {
        earlier_cost: state.cost,
        ..Tally::default()
    };
    let mut progress = Progress::start(term, validation.requests);
    let mut outcomes = std::pin::pin!(
        Runner::new(client)
            .concurrency(args.concurrency as usize)
            .run(requests)
    );
    let mut ticker = tokio::time::interval(Duration::from_millis(200));
    loop {
        let outcome = tokio::select! {
            outcome = outcomes.next() => match outcome {
                Some(outcome) => outcome,
                None => break,
            },
            _ = ticker.tick() => {
                tally.skipped = skipped.load(Ordering::Relaxed);
                progress.update(&tally);
                continue;
            }
        };
        match outcome {
            Outcome::Final(line) => {
                appender.append(&line).map_err(|e| {
                    Failure::new(
                        Code::Config,
                        format!("cannot write {}: {e}", args.output.display()),
                    )
                })?;
                tally.record_final(&line);
            }
            Outcome::Failed { custom_id, error } => {
                if let Some(file) = &mut errors {
                    let line = serde_json::json!({
                        "custom_id": custom_id,
                        "error": {
                            "message": error.to_string(),
                            "status": error.status().map(|s| s.as_u16()),
                        },
                    });
                    writeln!(file, "{line}").map_err(Failure::from)?;
                }
                tally.record_failure(&error);
            }
            Outcome::NotStarted { .. } => tally.not_started += 1,
            _ => {}
        }
        tally.skipped = skipped.load(Ordering::Relaxed);
        progress.update(&tally);
    }
    tally.skipped = skipped.load(Ordering::Relaxed);
    progress.finish(&tally);
    let remaining = validation
        .requests
        .saturating_sub(tally.skipped + tally.done());
    progress::summary(&tally, remaining);
    if tally.not_started > 0 {
        let spent = budget.as_ref().map_or(0.0, Budget::spent);
        return Err(Failure::new(
            Code::Budget,
            format!(
                "the --max-cost budget is reached (${spent:.4} spent by this job): {remaining} request(s) were not sent; raise it and run the same command again"
            ),
        ));
    }
    if tally.failed > 0 {
        return Err(Failure::new(
            Code::Incomplete,
            format!(
                "{} request(s) failed with transient errors{}: run the same command again to retry them",
                tally.failed,
                args.errors
                    .as_ref()
                    .map(|p| format!(" (listed in {})", p.display()))
                    .unwrap_or_default()
            ),
        ));
    }
    if remaining > 0 {
        // The input changed or could not be read again after validation.
        return Err(Failure::new(
            Code::Incomplete,
            format!(
                "{remaining} request(s) of {} have no answer yet: run the same command again",
                args.input.display()
            ),
        ));
    }
    Ok(())
}

/// Pass one: every line checked before anything is sent (in a blocking thread).
async fn validate_input(input: &Path, shard: Shard, tally: bool) -> Result<Validation, Failure> {
    let path = input.to_owned();
    let shown = input.display().to_string();
    blocking(move || {
        let file = File::open(&path)?;
        let mut validator = Validator::new(shard);
        if tally {
            validator = validator.tally_models();
        }
        openrouter_batches::validate(
            BufReader::with_capacity(1 << 16, file),
            validator,
            DEFAULT_MAX_LINE_BYTES,
        )
    })
    .await?
    .map_err(|e| Failure::new(Code::Usage, format!("cannot read {shown}: {e}")))
}

fn report_problems(input: &Path, validation: &Validation) {
    for problem in &validation.problems {
        eprintln!("{}:{}: {}", input.display(), problem.line, problem.problem);
    }
    let unlisted = validation.problem_count - validation.problems.len() as u64;
    if unlisted > 0 {
        eprintln!("… and {unlisted} more invalid line(s)");
    }
}

/// Pass two: the valid lines of the shard not yet in OUTPUT, read as the runner pulls them.
fn spawn_reader(
    input: PathBuf,
    shard: Shard,
    done: IdSet,
    buffer: usize,
    skipped: Arc<AtomicU64>,
) -> impl futures::Stream<Item = BatchRequest> + Send + 'static {
    let (sender, receiver) = mpsc::channel(buffer.max(1));
    tokio::task::spawn_blocking(move || {
        let Ok(file) = File::open(&input) else { return };
        let mut lines = LineReader::new(
            BufReader::with_capacity(1 << 16, file),
            DEFAULT_MAX_LINE_BYTES,
        );
        let mut validator = Validator::new(shard);
        while let Ok(Some((number, line))) = lines.next_line() {
            let ReadLine::Line(bytes) = line else {
                continue;
            };
            if let Checked::Request(request) = validator.check(number, bytes) {
                if done.contains(&request.custom_id) {
                    skipped.fetch_add(1, Ordering::Relaxed);
                    continue;
                }
                if sender.blocking_send(request).is_err() {
                    return;
                }
            }
        }
    });
    futures::stream::unfold(receiver, |mut receiver| async move {
        receiver.recv().await.map(|request| (request, receiver))
    })
}

async fn dry_run(
    args: &RunArgs,
    connection: &Connection,
    term: Term,
    validation: &Validation,
) -> CommandOutcome {
    let output = args.output.clone();
    let done = blocking(move || match File::open(&output) {
        Ok(file) => scan_output(BufReader::new(file)).map(Some),
        Err(_) => Ok(None),
    })
    .await?
    .map_err(|e| Failure::new(Code::Config, format!("{}: {e}", args.output.display())))?;
    eprintln!(
        "{}: {} valid request(s){}{}",
        args.input.display(),
        validation.requests,
        match args.shard {
            Some(shard) => format!(
                " in shard {shard} ({} in other shards)",
                validation.other_shards
            ),
            None => String::new(),
        },
        match &done {
            Some(state) => format!(
                "; {} already answered in {} (${:.4} spent)",
                state.lines,
                args.output.display(),
                state.cost
            ),
            None => String::new(),
        }
    );
    let connected = connect::connect(connection, Key::Optional, term).await?;
    let models = match connected.client.models(&ModelsQuery::new()).await {
        Ok(models) => models.into_inner().data,
        Err(e) => {
            term.note(&format!(
                "no cost estimate: cannot read /models pricing: {e}"
            ));
            return Ok(());
        }
    };
    let mut total = 0.0;
    for (model, tally) in &validation.models {
        let pricing = models
            .iter()
            .find(|m| m.id.as_str() == model)
            .map(|m| &m.pricing);
        // About 4 bytes a token: a rough prompt size; the output bound is max_tokens.
        let estimate =
            pricing.and_then(|p| Budget::estimate(p, tally.body_bytes / 4, tally.max_tokens));
        let shown = if model.is_empty() {
            "(no model)"
        } else {
            model
        };
        match estimate {
            Some(usd) => {
                total += usd;
                eprintln!(
                    "  {shown}: {} request(s), ≤ ${usd:.4}{}",
                    tally.requests,
                    if tally.unbounded > 0 {
                        format!(" + {} without max_tokens (unbounded)", tally.unbounded)
                    } else {
                        String::new()
                    }
                );
            }
            None => eprintln!(
                "  {shown}: {} request(s), no price in /models",
                tally.requests
            ),
        }
    }
    eprintln!(
        "estimated cost: ≤ ${total:.4} (from /models pricing × max_tokens; the cost OpenRouter reports is what --max-cost counts)"
    );
    Ok(())
}

async fn blocking<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> Result<T, Failure> {
    tokio::task::spawn_blocking(f)
        .await
        .map_err(|e| Failure::new(Code::Config, format!("a worker thread failed: {e}")))
}
