//! The output line, in OpenAI's batch output shape, and the appender that writes each one with
//! a single write of a complete line so a crash can tear at most the last line.

use std::fs::{File, OpenOptions};
use std::io::{self, Write};
use std::path::Path;

use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

use crate::ids::fingerprint;

/// One final answer: `{"id", "custom_id", "response": {"status_code", "request_id", "body"},
/// "error": null}`, as OpenAI's Batch API writes it.
///
/// ```
/// use openrouter_batches::OutputLine;
/// let body = serde_json::value::RawValue::from_string(r#"{"usage":{"cost":0.5}}"#.into()).unwrap();
/// let line = OutputLine::new("a", 200, Some("gen-1".into()), body);
/// let text = String::from_utf8(line.to_line()).unwrap();
/// assert!(text.starts_with(r#"{"id":"batch_req_"#) && text.ends_with("\"error\":null}\n"));
/// ```
#[derive(Debug, Clone, Serialize)]
pub struct OutputLine {
    /// `batch_req_` and 32 hex digits derived from the `custom_id` (stable across reruns).
    pub id: String,
    /// The input line's id.
    pub custom_id: String,
    /// The answer.
    pub response: OutputResponse,
    /// Always `null`: API errors are answers (in `response`), as in OpenAI's files.
    pub error: Option<()>,
}

/// The `response` of an [`OutputLine`].
#[derive(Debug, Clone, Serialize)]
pub struct OutputResponse {
    /// The HTTP status of the answer (the effective one for errors wrapped in a 200).
    pub status_code: u16,
    /// The generation id (`X-Generation-Id`), when there is one.
    pub request_id: Option<String>,
    /// The answer's JSON body, unchanged but on one line.
    pub body: Box<RawValue>,
}

impl OutputLine {
    /// A line for `custom_id` answered with `status_code` and `body`.
    pub fn new(
        custom_id: &str,
        status_code: u16,
        request_id: Option<String>,
        body: Box<RawValue>,
    ) -> Self {
        Self {
            id: format!("batch_req_{:032x}", fingerprint(custom_id)),
            custom_id: custom_id.to_owned(),
            response: OutputResponse {
                status_code,
                request_id,
                body: one_line(body),
            },
            error: None,
        }
    }

    /// The line's bytes, `\n` included.
    pub fn to_line(&self) -> Vec<u8> {
        // Serializing strings, numbers and raw JSON cannot fail.
        let mut bytes = serde_json::to_vec(self).unwrap_or_default();
        bytes.push(b'\n');
        bytes
    }

    /// `usage.cost` of the body, when it reports one.
    pub fn cost(&self) -> Option<f64> {
        usage_of(&self.response.body).and_then(|u| u.cost)
    }

    /// `usage.total_tokens` of the body, when it reports one.
    pub fn tokens(&self) -> Option<u64> {
        usage_of(&self.response.body).and_then(|u| u.tokens())
    }

    /// `usage.cost` and the tokens, read in one pass over the body.
    pub fn cost_and_tokens(&self) -> (Option<f64>, Option<u64>) {
        usage_of(&self.response.body).map_or((None, None), |u| (u.cost, u.tokens()))
    }
}

/// The usage a body reports: chat and embeddings say `total_tokens`, responses `total_tokens`
/// or input plus output.
#[derive(Debug, Deserialize, Default)]
pub(crate) struct Usage {
    pub(crate) cost: Option<f64>,
    total_tokens: Option<u64>,
    prompt_tokens: Option<u64>,
    completion_tokens: Option<u64>,
    input_tokens: Option<u64>,
    output_tokens: Option<u64>,
}

impl Usage {
    pub(crate) fn tokens(&self) -> Option<u64> {
        self.total_tokens.or_else(|| {
            let input = self.prompt_tokens.or(self.input_tokens);
            let output = self.completion_tokens.or(self.output_tokens);
            (input.is_some() || output.is_some()).then(|| input.unwrap_or(0) + output.unwrap_or(0))
        })
    }
}

#[derive(Deserialize)]
struct WithUsage {
    usage: Option<Usage>,
}

pub(crate) fn usage_of(body: &RawValue) -> Option<Usage> {
    serde_json::from_str::<WithUsage>(body.get()).ok()?.usage
}

/// A body with no raw line breaks (pretty-printed JSON is re-encoded compactly; JSON strings
/// never hold raw line breaks, so only whitespace changes).
fn one_line(body: Box<RawValue>) -> Box<RawValue> {
    if !body.get().contains(['\n', '\r']) {
        return body;
    }
    serde_json::from_str::<serde_json::Value>(body.get())
        .ok()
        .and_then(|v| serde_json::value::to_raw_value(&v).ok())
        .unwrap_or(body)
}

/// Appends lines to a file, each with one `write` of the whole line.
///
/// The file is opened in append mode; there is no user-space buffer, so a line is in the
/// kernel as soon as [`append`](Self::append) returns, and a `kill -9` after that loses
/// nothing. A crash during the write can leave a torn last line, which
/// [`scan_output`](crate::scan_output) detects and cuts off on the next run. (Surviving a
/// power loss would need an `fsync` per line; this does not do it.)
#[derive(Debug)]
pub struct Appender {
    file: File,
}

impl Appender {
    /// Opens (creating if needed) `path` for appending.
    pub fn open(path: &Path) -> io::Result<Self> {
        let file = OpenOptions::new().create(true).append(true).open(path)?;
        Ok(Self { file })
    }

    /// Appends `line` (which must end with `\n`) in one write, then flushes.
    pub fn append_bytes(&mut self, line: &[u8]) -> io::Result<()> {
        debug_assert!(line.ends_with(b"\n"));
        self.file.write_all(line)?;
        self.file.flush()
    }

    /// Appends an output line.
    pub fn append(&mut self, line: &OutputLine) -> io::Result<()> {
        self.append_bytes(&line.to_line())
    }
}
