//! Streaming validation of a batch file: every line parsed, every `custom_id` checked for
//! duplicates, problems reported with their line numbers, before anything is sent. Memory
//! holds the ids' fingerprints and at most one line, never the bodies.

use std::collections::BTreeMap;
use std::io::{self, BufRead};

use crate::ids::{IdSet, Shard};
use crate::input::{BatchRequest, LineProblem, is_blank, parse_line};

/// The longest input line read by default: 64 MiB (a request with large inline images).
pub const DEFAULT_MAX_LINE_BYTES: usize = 64 * 1024 * 1024;

/// How many problems a [`Validation`] lists; the rest are counted.
pub const MAX_LISTED_PROBLEMS: usize = 100;

/// A problem on one line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvalidLine {
    /// The line number, from 1.
    pub line: u64,
    /// What is wrong.
    pub problem: LineProblem,
}

/// What a line turned out to be.
#[derive(Debug)]
#[non_exhaustive]
pub enum Checked {
    /// Empty or whitespace: skipped.
    Blank,
    /// Valid, but another shard's.
    OtherShard,
    /// Valid and this shard's.
    Request(BatchRequest),
    /// Invalid (recorded in the validator's report).
    Invalid,
}

/// Requests and token caps per model, for a dry run's estimate.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ModelTally {
    /// Requests for the model.
    pub requests: u64,
    /// Sum of the bodies' sizes in bytes (a rough prompt size: about 4 bytes a token).
    pub body_bytes: u64,
    /// Sum of `max_tokens` over the requests that set it.
    pub max_tokens: u64,
    /// Requests without `max_tokens` (their output has no bound to estimate from).
    pub unbounded: u64,
}

/// The result of validating a whole file.
#[derive(Debug, Clone, Default)]
pub struct Validation {
    /// Lines read (blank ones included).
    pub lines: u64,
    /// Valid requests in this shard.
    pub requests: u64,
    /// Valid requests in other shards.
    pub other_shards: u64,
    /// The first [`MAX_LISTED_PROBLEMS`] problems, in line order.
    pub problems: Vec<InvalidLine>,
    /// How many problems there were in all.
    pub problem_count: u64,
    /// Per model, when asked for ([`Validator::tally_models`]); requests without a `model`
    /// are under `""`.
    pub models: BTreeMap<String, ModelTally>,
}

impl Validation {
    /// Whether every line is valid.
    pub fn is_valid(&self) -> bool {
        self.problem_count == 0
    }
}

/// Checks lines one at a time (sans-IO: the caller reads them).
///
/// ```
/// use openrouter_batches::{Checked, Shard, Validator};
/// let mut v = Validator::new(Shard::all());
/// let line = br#"{"custom_id":"a","method":"POST","url":"/v1/embeddings","body":{"input":"x"}}"#;
/// assert!(matches!(v.check(1, line), Checked::Request(_)));
/// assert!(matches!(v.check(2, line), Checked::Invalid)); // duplicate
/// let report = v.finish();
/// assert_eq!(report.problems[0].line, 2);
/// ```
#[derive(Debug)]
pub struct Validator {
    shard: Shard,
    ids: IdSet,
    tally: bool,
    report: Validation,
}

impl Validator {
    /// A validator keeping the requests of `shard`.
    pub fn new(shard: Shard) -> Self {
        Self {
            shard,
            ids: IdSet::new(),
            tally: false,
            report: Validation::default(),
        }
    }

    /// Also count requests and token caps per model (parses each body's `model`).
    #[must_use]
    pub fn tally_models(mut self) -> Self {
        self.tally = true;
        self
    }

    /// Checks line `number` (from 1), with or without its line ending.
    pub fn check(&mut self, number: u64, line: &[u8]) -> Checked {
        self.report.lines = self.report.lines.max(number);
        if is_blank(line) {
            return Checked::Blank;
        }
        let request = match parse_line(line) {
            Ok(request) => request,
            Err(problem) => {
                self.problem(number, problem);
                return Checked::Invalid;
            }
        };
        // Duplicates are checked across shards: the file is one job.
        if let Some(first_line) = self.ids.insert(&request.custom_id, number) {
            let custom_id = request.custom_id;
            self.problem(
                number,
                LineProblem::Duplicate {
                    custom_id,
                    first_line,
                },
            );
            return Checked::Invalid;
        }
        if !self.shard.contains(&request.custom_id) {
            self.report.other_shards += 1;
            return Checked::OtherShard;
        }
        self.report.requests += 1;
        if self.tally {
            let tally = self
                .report
                .models
                .entry(request.model().unwrap_or_default())
                .or_default();
            tally.requests += 1;
            tally.body_bytes += request.body.get().len() as u64;
            match request.max_tokens() {
                Some(max) => tally.max_tokens += max,
                None => tally.unbounded += 1,
            }
        }
        Checked::Request(request)
    }

    /// A line longer than the limit (the reader skipped it).
    pub fn too_long(&mut self, number: u64, limit: usize) {
        self.report.lines = self.report.lines.max(number);
        self.problem(number, LineProblem::TooLong(limit));
    }

    fn problem(&mut self, line: u64, problem: LineProblem) {
        self.report.problem_count += 1;
        if self.report.problems.len() < MAX_LISTED_PROBLEMS {
            self.report.problems.push(InvalidLine { line, problem });
        }
    }

    /// The report so far.
    pub fn report(&self) -> &Validation {
        &self.report
    }

    /// The report.
    pub fn finish(self) -> Validation {
        self.report
    }
}

/// A line as read by [`LineReader`].
#[derive(Debug, PartialEq, Eq)]
pub enum ReadLine<'a> {
    /// A whole line (its `\n` included, if it had one: the last line may not).
    Line(&'a [u8]),
    /// A line longer than the limit: skipped up to its end, never held whole.
    TooLong,
}

/// Reads lines of at most `max` bytes from a [`BufRead`], reusing one buffer.
#[derive(Debug)]
pub struct LineReader<R> {
    reader: R,
    buf: Vec<u8>,
    max: usize,
    number: u64,
}

impl<R: BufRead> LineReader<R> {
    /// A reader of lines up to `max` bytes.
    pub fn new(reader: R, max: usize) -> Self {
        Self {
            reader,
            buf: Vec::new(),
            max,
            number: 0,
        }
    }

    /// The next line and its number (from 1), or `None` at the end.
    pub fn next_line(&mut self) -> io::Result<Option<(u64, ReadLine<'_>)>> {
        self.buf.clear();
        let mut too_long = false;
        let mut any = false;
        loop {
            let available = match self.reader.fill_buf() {
                Ok(available) => available,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            if available.is_empty() {
                break;
            }
            any = true;
            let (chunk, done) = match available.iter().position(|&b| b == b'\n') {
                Some(end) => (&available[..=end], true),
                None => (available, false),
            };
            let used = chunk.len();
            if !too_long {
                if self.buf.len() + chunk.len() > self.max.saturating_add(2) {
                    too_long = true;
                    self.buf.clear();
                } else {
                    self.buf.extend_from_slice(chunk);
                }
            }
            self.reader.consume(used);
            if done {
                break;
            }
        }
        if !any {
            return Ok(None);
        }
        self.number += 1;
        Ok(Some((
            self.number,
            if too_long {
                ReadLine::TooLong
            } else {
                ReadLine::Line(&self.buf)
            },
        )))
    }

    /// The limit in bytes.
    pub fn max(&self) -> usize {
        self.max
    }
}

/// Validates a whole input, read as a stream.
///
/// ```
/// use openrouter_batches::{validate, Shard, Validator};
/// let input = "{\"custom_id\":\"a\",\"method\":\"POST\",\"url\":\"/v1/embeddings\",\"body\":{}}\nnot json\n";
/// let report = validate(input.as_bytes(), Validator::new(Shard::all()), 1 << 20).unwrap();
/// assert_eq!((report.requests, report.problems[0].line), (1, 2));
/// ```
pub fn validate<R: BufRead>(
    reader: R,
    mut validator: Validator,
    max_line: usize,
) -> io::Result<Validation> {
    let mut lines = LineReader::new(reader, max_line);
    while let Some((number, line)) = lines.next_line()? {
        match line {
            ReadLine::Line(bytes) => {
                validator.check(number, bytes);
            }
            ReadLine::TooLong => validator.too_long(number, max_line),
        }
    }
    Ok(validator.finish())
}
