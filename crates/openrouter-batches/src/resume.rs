//! Resuming: what an existing OUTPUT already holds (which ids are done, what they cost), and
//! the repair of a torn last line left by a crash, before anything is appended.

use std::collections::BTreeMap;
use std::fs::{File, OpenOptions};
use std::io::{self, BufRead, BufReader};
use std::path::Path;

use serde::Deserialize;
use serde_json::value::RawValue;

use crate::error::Error;
use crate::ids::IdSet;
use crate::input::{is_blank, trim_line_end};
use crate::output::{Appender, usage_of};
use crate::validate::{LineReader, ReadLine};

/// Output lines longer than this are not expected (a response body is at most 64 MiB by
/// default); one that is longer is reported rather than read whole.
const MAX_OUTPUT_LINE_BYTES: usize = 256 * 1024 * 1024;

/// What an existing output file holds.
#[derive(Debug, Clone, Default)]
pub struct ResumeState {
    /// The ids with a final answer.
    pub done: IdSet,
    /// Complete, valid lines.
    pub lines: u64,
    /// Sum of `usage.cost` over the answers (what earlier runs spent, in USD).
    pub cost: f64,
    /// Sum of the tokens the answers report.
    pub tokens: u64,
    /// Answers per HTTP status.
    pub statuses: BTreeMap<u16, u64>,
    /// Lines repeating an id already seen (kept, counted once).
    pub duplicates: u64,
    /// Bytes of complete lines: where the next line goes.
    pub valid_len: u64,
    /// The length of a torn last line (no line ending: a crash cut its write), if any.
    pub torn: Option<u64>,
}

#[derive(Deserialize)]
struct Seen<'a> {
    #[serde(borrow)]
    custom_id: std::borrow::Cow<'a, str>,
    response: SeenResponse<'a>,
}

#[derive(Deserialize)]
struct SeenResponse<'a> {
    status_code: u16,
    #[serde(borrow)]
    body: Option<&'a RawValue>,
}

/// Reads an output file's lines (sans-IO over any reader).
///
/// A last line without a line ending is torn (reported in [`ResumeState::torn`], not
/// counted). A complete line that is not an output line is an error naming its line number:
/// this crate never writes one, so the file is not what it seems.
///
/// ```
/// use openrouter_batches::scan_output;
/// let file = "{\"id\":\"x\",\"custom_id\":\"a\",\"response\":{\"status_code\":200,\"request_id\":null,\"body\":{\"usage\":{\"cost\":0.25}}},\"error\":null}\n{\"id\":\"x\",\"cus";
/// let state = scan_output(file.as_bytes()).unwrap();
/// assert!(state.done.contains("a"));
/// assert_eq!((state.cost, state.torn), (0.25, Some(14)));
/// ```
pub fn scan_output<R: BufRead>(reader: R) -> Result<ResumeState, Error> {
    let mut state = ResumeState::default();
    let mut lines = LineReader::new(reader, MAX_OUTPUT_LINE_BYTES);
    while let Some((number, line)) = lines
        .next_line()
        .map_err(|e| Error::io("read the output", e))?
    {
        let ReadLine::Line(bytes) = line else {
            return Err(Error::Output {
                line: number,
                message: format!("longer than {MAX_OUTPUT_LINE_BYTES} bytes"),
            });
        };
        if !bytes.ends_with(b"\n") {
            state.torn = Some(bytes.len() as u64);
            break;
        }
        let len = bytes.len() as u64;
        if is_blank(bytes) {
            state.valid_len += len;
            continue;
        }
        let seen: Seen<'_> =
            serde_json::from_slice(trim_line_end(bytes)).map_err(|e| Error::Output {
                line: number,
                message: e.to_string(),
            })?;
        state.valid_len += len;
        if state.done.insert(&seen.custom_id, number).is_some() {
            state.duplicates += 1;
            continue;
        }
        state.lines += 1;
        *state.statuses.entry(seen.response.status_code).or_default() += 1;
        if let Some(usage) = seen.response.body.and_then(usage_of) {
            state.cost += usage.cost.unwrap_or(0.0);
            state.tokens += usage.tokens().unwrap_or(0);
        }
    }
    Ok(state)
}

/// Opens OUTPUT for a run: reads what it holds, cuts a torn last line off (logging it), and
/// returns an [`Appender`] positioned after the last complete line. A missing file is created.
pub fn open_output(path: &Path) -> Result<(ResumeState, Appender), Error> {
    let state = match File::open(path) {
        Ok(file) => scan_output(BufReader::with_capacity(1 << 16, file))?,
        Err(e) if e.kind() == io::ErrorKind::NotFound => ResumeState::default(),
        Err(e) => return Err(Error::io("open the output", e)),
    };
    if let Some(torn) = state.torn {
        tracing::warn!(
            bytes = torn,
            "dropping a torn last line of the output (an earlier run was killed while writing it)"
        );
        let file = OpenOptions::new()
            .write(true)
            .open(path)
            .map_err(|e| Error::io("repair the output", e))?;
        file.set_len(state.valid_len)
            .map_err(|e| Error::io("repair the output", e))?;
        file.sync_all()
            .map_err(|e| Error::io("repair the output", e))?;
    }
    let appender = Appender::open(path).map_err(|e| Error::io("open the output", e))?;
    Ok((state, appender))
}
