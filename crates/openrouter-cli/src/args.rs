//! The command line: every command, flag and help text, declared with clap's derive API.

mod values;

use std::path::PathBuf;
use std::time::Duration;

use clap::{Args, Parser, Subcommand, ValueEnum};

const AFTER_HELP: &str = "\
Environment:
  OPENROUTER_API_KEY    your key (https://openrouter.ai/settings/keys); there is deliberately
                        no --api-key flag, so keys stay out of shell history
  OPENROUTER_MANAGEMENT_KEY
                        a management key, used by `api --management` and the management
                        routes (keys, workspaces, guardrails…); OPENROUTER_API_KEY otherwise
  OPENROUTER_BASE_URL   API root (default https://openrouter.ai/api/v1); --base-url wins
  OPENROUTER_OFFLINE    set to 1 to answer from the bundled mock server, like --offline
  OPENROUTER_APP_URL, OPENROUTER_APP_TITLE
                        how OpenRouter attributes your requests (HTTP-Referer and X-Title;
                        default: the repository Cargo.toml names, if any, and
                        `openrouter-cli`); set one empty to send no such header
  OPENROUTER_MODEL      chat's model when --model is not given
  OPENROUTER_CONFIG     the config file (default: config.toml in the platform config dir,
                        e.g. ~/.config/openrouter/config.toml), with `model`, `app_url` and
                        `app_title`
  NO_COLOR              no styling: answers are printed as raw markdown
  RUST_LOG              diagnostics on stderr, e.g. RUST_LOG=openrouter_api=debug (the key
                        is never logged)

Exit codes:
  0    success
  1    OpenRouter or the provider refused the request (401, 402, 403, 429, 5xx…)
  2    usage error: invalid arguments, or no prompt
  3    the answer is incomplete: the stream failed or was cut off after it started
  4    network error: OpenRouter could not be reached, or a timeout
  5    configuration error: no API key, an invalid base URL, or a malformed config file
  6    batch run: the --max-cost budget is reached
  7    chat --schema: the answer is not JSON valid against the schema (or is a tool call)
  130  interrupted with Ctrl-C

stdout carries only the answer (or JSON with --json); progress, reasoning, usage and
errors go to stderr, so `openrouter chat \"…\" > answer.txt` keeps just the answer.";

/// OpenRouter from the command line: chat with any model, browse the catalogue, check your
/// account.
///
/// Try it with no key and no network: `openrouter chat --offline "Tell me about OpenRouter"`.
#[derive(Debug, Parser)]
#[command(name = "openrouter", version, about, long_about, after_help = AFTER_HELP)]
#[command(propagate_version = true, max_term_width = 100)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,

    #[command(flatten)]
    pub connection: Connection,
}

/// Where requests go. Global: accepted before or after the command name.
#[derive(Debug, Clone, Args)]
pub struct Connection {
    /// API root to talk to, e.g. a local `openrouter mock`.
    #[arg(
        long,
        global = true,
        env = "OPENROUTER_BASE_URL",
        value_name = "URL",
        help_heading = "Connection"
    )]
    pub base_url: Option<String>,

    /// Answer from the bundled mock server (recorded exchanges) over loopback: no key, no
    /// network. Also enabled by OPENROUTER_OFFLINE=1.
    #[arg(
        long,
        global = true,
        env = "OPENROUTER_OFFLINE",
        help_heading = "Connection",
        value_parser = clap::builder::BoolishValueParser::new()
    )]
    pub offline: bool,

    /// Retries after a failed attempt (rate limits, 5xx, network failures), each announced on
    /// stderr; 0 sends every request once. Default 2.
    #[arg(
        long,
        global = true,
        value_name = "N",
        help_heading = "Connection",
        allow_negative_numbers = true,
        value_parser = values::whole
    )]
    pub max_retries: Option<u32>,

    /// Give up on a call after this many seconds, retries and their waits included. For a
    /// streamed chat answer it bounds the wait for the answer to start: once text flows it is
    /// not cut. Default: no limit (a silent connection is still dropped after 120 s).
    #[arg(
        long,
        global = true,
        value_name = "SECS",
        help_heading = "Connection",
        allow_negative_numbers = true,
        value_parser = values::seconds
    )]
    pub timeout: Option<Duration>,

    /// The command streams its answer (`chat` without `--no-stream`): `--timeout` then bounds
    /// only the wait for the answer to start. Set by `main` from the parsed command.
    #[arg(skip)]
    pub streams: bool,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Chat with a model; the answer streams to stdout as it arrives.
    ///
    /// The prompt comes from the argument, or from stdin when it is `-` or absent and stdin is
    /// not a terminal. On a terminal with no prompt, starts an interactive session that keeps
    /// the conversation: line editing, history (in the platform data dir, e.g.
    /// ~/.local/share/openrouter/history; a line starting with a space is not kept), a
    /// trailing `\` to continue a line, /help for the commands (/model, /system, /clear,
    /// /save), Ctrl-C to clear the line or stop an answer, Ctrl-D to leave.
    #[command(after_help = "Examples:
  openrouter chat \"Explain SSE in one paragraph\"
  git diff | openrouter chat --system \"Review this diff\" -
  openrouter chat --model anthropic/claude-sonnet-4.5 --reasoning high \"17 × 3?\"
  openrouter chat --models openai/gpt-4o-mini,google/gemini-2.5-flash --sort price \"Hi\"
  openrouter chat --schema weather.schema.json \"Weather in Lisbon as JSON\"
  openrouter chat --offline \"Tell me about OpenRouter\"")]
    Chat(ChatArgs),

    /// List models: id, context length, prices per million tokens, modalities.
    #[command(after_help = "Examples:
  openrouter models --free
  openrouter models --supports tools --max-price 1 --sort price
  openrouter models --search claude --json")]
    Models(ModelsArgs),

    /// Show one model and its endpoints, one per provider.
    Model(ModelArgs),

    /// Show the account's credits: purchased, used, remaining.
    Credits(JsonArgs),

    /// Show the API key's limits and usage (never the key itself).
    Key(JsonArgs),

    /// Show the stats of one generation: model, provider, tokens, cost, timing.
    Generation(GenerationArgs),

    /// Generate an image and write it to a file.
    #[command(after_help = "Examples:
  openrouter image \"a lighthouse at dawn, watercolour\" -o lighthouse.png
  openrouter image --offline \"a test\" -o out.png")]
    Image(ImageArgs),

    /// Turn text into speech and write the audio to a file, as it arrives.
    #[command(after_help = "Example:
  openrouter speak \"Welcome aboard\" --voice alloy -o welcome.mp3")]
    Speak(SpeakArgs),

    /// Transcribe an audio file (uploaded as it is read) and print the text.
    #[command(after_help = "Example:
  openrouter transcribe meeting.wav > meeting.txt")]
    Transcribe(TranscribeArgs),

    /// Generate a video: submit the job, show its status while it runs, download it.
    #[command(after_help = "Example:
  openrouter video \"a red kite over a beach\" -o kite.mp4")]
    Video(VideoArgs),

    /// Rank documents by relevance to a query.
    #[command(after_help = "Example:
  openrouter rerank \"rust async runtime\" \"tokio is a runtime\" \"serde is a framework\"")]
    Rerank(RerankArgs),

    /// Manage API keys (needs a management key): list, create, rm.
    #[command(
        subcommand,
        after_help = "Examples:
  openrouter keys list
  openrouter keys create ci-runner --limit 10
  openrouter keys rm HASH"
    )]
    Keys(KeysCommand),

    /// Manage the provider keys you bring (BYOK; needs a management key): list, add, rm.
    #[command(
        subcommand,
        after_help = "Examples:
  openrouter byok list
  pass show openai | openrouter byok add openai --name prod
  openrouter byok rm ID"
    )]
    Byok(ByokCommand),

    /// Show usage per day, model and provider over the last 30 UTC days (management key).
    Activity(ActivityArgs),

    /// Call any endpoint of the API and print its JSON answer: `openrouter api /activity`.
    ///
    /// Fields (`-f`, `-F`) become the query of a GET or DELETE and the JSON body of other
    /// methods; `--input` sends a JSON file (or `-` for stdin) as the body. The output is
    /// pretty-printed on a terminal and compact when piped.
    #[command(after_help = "Examples:
  openrouter api /key
  openrouter api /activity -f date=2026-11-25 --management
  openrouter api -X POST /keys -f name=ci -F limit=10 --management
  openrouter api -X PATCH /keys/HASH -F disabled=true --management
  openrouter api -X POST /chat/completions --input request.json")]
    Api(ApiArgs),

    /// Serve the recorded exchanges on 127.0.0.1 until Ctrl-C, as a stand-in for OpenRouter.
    ///
    /// Point any OpenRouter or OpenAI-compatible client at the printed base URL.
    #[command(after_help = "Example:
  openrouter mock --port 8089 &
  OPENROUTER_BASE_URL=http://127.0.0.1:8089/api/v1 OPENROUTER_API_KEY=anything openrouter chat \"hi\"")]
    Mock(MockArgs),

    /// Run OpenAI Batch API files live: resumable, crash-safe, with limits and a cost cap.
    #[command(subcommand)]
    Batch(crate::batch::BatchCommand),
}

/// `openrouter chat`.
#[derive(Debug, Args)]
pub struct ChatArgs {
    /// The prompt; `-` reads it from stdin.
    pub prompt: Option<String>,

    /// Model slug, e.g. `openai/gpt-4o-mini`.
    ///
    /// Default: OPENROUTER_MODEL, else `model` in the config file, else openrouter/auto.
    #[arg(
        short,
        long,
        env = "OPENROUTER_MODEL",
        hide_env = true,
        value_name = "SLUG",
        value_parser = values::slug
    )]
    pub model: Option<String>,

    /// Fallback models to try in order if the first is unavailable (comma-separated).
    #[arg(long, value_delimiter = ',', value_name = "SLUG,…", value_parser = values::slug)]
    pub models: Vec<String>,

    /// A system prompt.
    #[arg(short, long, value_name = "TEXT")]
    pub system: Option<String>,

    /// Wait for the whole answer instead of streaming it.
    #[arg(long)]
    pub no_stream: bool,

    /// Which API carries the conversation: OpenAI-style chat completions, or Anthropic's
    /// Messages API as OpenRouter serves it (`POST /messages`).
    #[arg(long, value_enum, default_value_t = ChatApi::Chat)]
    pub api: ChatApi,

    /// Upper bound on the answer's length, in tokens.
    #[arg(long, value_name = "N", allow_negative_numbers = true, value_parser = values::positive)]
    pub max_tokens: Option<u32>,

    /// Sampling temperature (0 to 2).
    #[arg(short, long, value_name = "T", allow_negative_numbers = true, value_parser = parse_temperature)]
    pub temperature: Option<f64>,

    /// Ask the model to reason first, with this effort (shown dimmed on stderr).
    #[arg(long, value_name = "EFFORT")]
    pub reasoning: Option<Effort>,

    /// Do not show the model's reasoning.
    #[arg(long)]
    pub hide_reasoning: bool,

    /// Providers to try first, in order (comma-separated, e.g. `openai,azure`).
    #[arg(long, value_delimiter = ',', value_name = "PROVIDER,…")]
    pub provider_order: Vec<String>,

    /// Prefer providers by this criterion instead of OpenRouter's load balancing.
    #[arg(long, value_name = "BY")]
    pub sort: Option<ProviderSortArg>,

    /// Print the raw stream chunks as JSON lines (the whole completion with --no-stream).
    #[arg(long)]
    pub json: bool,

    /// Print the answer's markdown as it is, even on a terminal (it is rendered there
    /// otherwise; piped output is always raw).
    #[arg(long)]
    pub raw: bool,

    /// Ask for JSON matching this JSON Schema (sent as a strict `json_schema` response format)
    /// and print the answer only once it validates; exit code 7 otherwise.
    #[arg(long, value_name = "FILE", conflicts_with_all = ["json", "api"])]
    pub schema: Option<PathBuf>,

    /// Do not read or write the interactive session's history file.
    #[arg(long)]
    pub no_history: bool,
}

/// `--reasoning` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Effort {
    /// The least reasoning that still reasons.
    Minimal,
    /// Low effort.
    Low,
    /// Medium effort.
    Medium,
    /// High effort.
    High,
    /// Extra high effort.
    Xhigh,
}

/// `--sort` values for provider routing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ProviderSortArg {
    /// Cheapest first.
    Price,
    /// Fastest tokens per second first.
    Throughput,
    /// Lowest time to first token first.
    Latency,
}

/// `openrouter models`.
#[derive(Debug, Args)]
pub struct ModelsArgs {
    /// Only models whose id or name contains this text (case-insensitive).
    #[arg(long, value_name = "TEXT")]
    pub search: Option<String>,

    /// Only models supporting this parameter: tools, reasoning, structured_outputs,
    /// response_format, web_search_options… (repeatable).
    #[arg(long, value_name = "PARAM")]
    pub supports: Vec<String>,

    /// Only models whose prompt and completion prices are at most this many USD per million
    /// tokens.
    #[arg(long, value_name = "USD", allow_negative_numbers = true, value_parser = non_negative)]
    pub max_price: Option<f64>,

    /// Only free models.
    #[arg(long)]
    pub free: bool,

    /// Order of the table.
    #[arg(long, value_name = "BY", default_value = "id")]
    pub sort: ModelSortArg,

    /// Print the models as a JSON array instead of a table.
    #[arg(long)]
    pub json: bool,
}

/// `openrouter models --sort` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ModelSortArg {
    /// Alphabetically by id.
    Id,
    /// Cheapest first (prompt + completion price).
    Price,
    /// Largest context first.
    Context,
    /// Newest first.
    Created,
}

/// `openrouter model`.
#[derive(Debug, Args)]
pub struct ModelArgs {
    /// The model slug, e.g. `openai/gpt-4o-mini`.
    #[arg(value_name = "ID", value_parser = values::slug)]
    pub id: String,

    /// Print the model and its endpoints as JSON.
    #[arg(long)]
    pub json: bool,
}

/// `openrouter image`.
#[derive(Debug, Args)]
pub struct ImageArgs {
    /// What to draw.
    pub prompt: String,
    /// Where to write the image.
    #[arg(short, long, value_name = "FILE")]
    pub output: PathBuf,
    /// The image model.
    #[arg(
        short,
        long,
        default_value = "google/gemini-2.5-flash-image",
        value_name = "SLUG",
        value_parser = values::slug
    )]
    pub model: String,
}

/// `openrouter speak`.
#[derive(Debug, Args)]
pub struct SpeakArgs {
    /// What to say.
    pub text: String,
    /// Where to write the audio.
    #[arg(short, long, value_name = "FILE")]
    pub output: PathBuf,
    /// The speech model.
    #[arg(
        short,
        long,
        default_value = "openai/gpt-4o-mini-tts",
        value_name = "SLUG",
        value_parser = values::slug
    )]
    pub model: String,
    /// The voice.
    #[arg(long)]
    pub voice: Option<String>,
}

/// `openrouter transcribe`.
#[derive(Debug, Args)]
pub struct TranscribeArgs {
    /// The audio file.
    pub file: PathBuf,
    /// The transcription model.
    #[arg(short, long, default_value = "openai/whisper-1", value_name = "SLUG", value_parser = values::slug)]
    pub model: String,
}

/// `openrouter video`.
#[derive(Debug, Args)]
pub struct VideoArgs {
    /// What to film.
    pub prompt: String,
    /// Where to write the video.
    #[arg(short, long, value_name = "FILE")]
    pub output: PathBuf,
    /// The video model.
    #[arg(short, long, default_value = "google/veo-3.1", value_name = "SLUG", value_parser = values::slug)]
    pub model: String,
}

/// `openrouter rerank`.
#[derive(Debug, Args)]
pub struct RerankArgs {
    /// The query.
    pub query: String,
    /// The documents to rank.
    pub documents: Vec<String>,
    /// The rerank model.
    #[arg(short, long, default_value = "cohere/rerank-v3.5", value_name = "SLUG", value_parser = values::slug)]
    pub model: String,
    /// Return only the best N.
    #[arg(long, value_name = "N", allow_negative_numbers = true, value_parser = values::positive)]
    pub top: Option<u32>,
    /// Print the response as JSON.
    #[arg(long)]
    pub json: bool,
}

/// The API `openrouter chat` talks to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ChatApi {
    /// `POST /chat/completions`.
    Chat,
    /// `POST /messages` (Anthropic's Messages API).
    Messages,
}

/// `openrouter keys`.
#[derive(Debug, Subcommand)]
pub enum KeysCommand {
    /// List the account's keys (never the keys themselves).
    List {
        /// Print the response as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Create a key and print it, once.
    Create {
        /// The new key's name.
        #[arg(value_parser = values::id)]
        name: String,
        /// Credit cap in USD.
        #[arg(long, value_name = "USD", allow_negative_numbers = true, value_parser = non_negative)]
        limit: Option<f64>,
        /// Print the whole response as JSON (the key included).
        #[arg(long)]
        json: bool,
    },
    /// Delete a key by its hash (from `keys list`).
    Rm {
        /// The key's hash.
        #[arg(value_parser = values::id)]
        hash: String,
    },
}

/// `openrouter byok`.
#[derive(Debug, Subcommand)]
pub enum ByokCommand {
    /// List the provider keys you brought (masked).
    List {
        /// Print the response as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Add a provider key, read from stdin (never an argument: shell history keeps those).
    Add {
        /// The provider slug, e.g. openai, anthropic.
        #[arg(value_parser = values::id)]
        provider: String,
        /// A name for it.
        #[arg(long)]
        name: Option<String>,
    },
    /// Delete a provider key by its id (from `byok list`).
    Rm {
        /// The credential's id.
        #[arg(value_parser = values::id)]
        id: String,
    },
}

/// `openrouter activity`.
#[derive(Debug, Args)]
pub struct ActivityArgs {
    /// Only this UTC day (YYYY-MM-DD).
    #[arg(long)]
    pub date: Option<String>,
    /// Print the response as JSON.
    #[arg(long)]
    pub json: bool,
}

/// A number of dollars that is not negative (clap would read `-1` as a flag).
fn non_negative(text: &str) -> Result<f64, String> {
    match text.parse::<f64>() {
        Ok(v) if v.is_finite() && v >= 0.0 => Ok(v),
        _ => Err(format!("`{text}` is not an amount of dollars of 0 or more")),
    }
}

/// `openrouter api`.
#[derive(Debug, Args)]
pub struct ApiArgs {
    /// The path under the API root (`/activity`, `/keys/HASH`); a `?query` is kept.
    #[arg(value_name = "PATH", value_parser = values::id)]
    pub path: String,

    /// The HTTP method.
    #[arg(short = 'X', long, default_value = "GET")]
    pub method: String,

    /// A string field, KEY=VALUE.
    #[arg(short = 'f', long = "raw-field", value_name = "KEY=VALUE")]
    pub raw_fields: Vec<String>,

    /// A typed field, KEY=VALUE: numbers, true, false, null, and JSON arrays and objects
    /// are sent as such; anything else as a string.
    #[arg(short = 'F', long = "field", value_name = "KEY=VALUE")]
    pub typed_fields: Vec<String>,

    /// Send this JSON file as the body (`-` for stdin).
    #[arg(long, value_name = "FILE")]
    pub input: Option<String>,

    /// Use the management key (OPENROUTER_MANAGEMENT_KEY, else OPENROUTER_API_KEY).
    #[arg(long)]
    pub management: bool,

    /// `-f` and `-F` fields in the order they were given (`true`: typed), filled from the
    /// parsed matches by [`ApiArgs::order_fields`]; clap keeps the two lists apart.
    #[arg(skip)]
    pub fields: Vec<(String, bool)>,
}

impl ApiArgs {
    /// Merges `-f` and `-F` into [`fields`](Self::fields) in command-line order, so a body
    /// keeps the order the caller wrote.
    pub fn order_fields(&mut self, matches: &clap::ArgMatches) {
        let mut fields: Vec<(usize, String, bool)> = Vec::new();
        for (id, typed) in [("raw_fields", false), ("typed_fields", true)] {
            if let (Some(indices), Some(values)) =
                (matches.indices_of(id), matches.get_many::<String>(id))
            {
                fields.extend(indices.zip(values).map(|(i, v)| (i, v.clone(), typed)));
            }
        }
        fields.sort_by_key(|(i, _, _)| *i);
        self.fields = fields.into_iter().map(|(_, v, typed)| (v, typed)).collect();
    }
}

/// Commands whose only option is `--json`.
#[derive(Debug, Args)]
pub struct JsonArgs {
    /// Print the response as JSON.
    #[arg(long)]
    pub json: bool,
}

/// `openrouter generation`.
#[derive(Debug, Args)]
pub struct GenerationArgs {
    /// The generation id (`gen-…`), as printed after each answer.
    #[arg(value_name = "ID", value_parser = values::id)]
    pub id: String,

    /// Print the response as JSON.
    #[arg(long)]
    pub json: bool,
}

/// `openrouter mock`.
#[derive(Debug, Args)]
pub struct MockArgs {
    /// Port on 127.0.0.1 (0 picks a free one).
    #[arg(long, default_value_t = 0, allow_negative_numbers = true, value_parser = values::port)]
    pub port: u16,

    /// Serve the fixtures in this directory instead of the bundled ones (same layout as the
    /// repository's `fixtures/`).
    #[arg(long, value_name = "DIR")]
    pub fixtures: Option<PathBuf>,

    /// Send streams one event at a time, this many milliseconds apart.
    #[arg(long, value_name = "MS", default_value_t = 0, allow_negative_numbers = true, value_parser = values::millis)]
    pub delay_ms: u64,
}

fn parse_temperature(text: &str) -> Result<f64, String> {
    let value: f64 = text
        .parse()
        .map_err(|_| format!("`{text}` is not a number"))?;
    if (0.0..=2.0).contains(&value) {
        Ok(value)
    } else {
        Err(format!("{value} is outside 0 to 2"))
    }
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use super::*;

    #[test]
    fn the_command_line_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn temperature_is_range_checked() {
        assert_eq!(parse_temperature("0.7"), Ok(0.7));
        assert!(parse_temperature("2.5").is_err());
        assert!(parse_temperature("warm").is_err());
    }
}
