//! The sans-IO core: validation with line numbers, shards, output lines, resume and repair.

use std::io::Write;

use openrouter_batches::{
    LineProblem, OutputLine, Shard, Validator, open_output, scan_output, shard_hash, validate,
};
use serde_json::value::RawValue;

use crate::support::line;

fn problems(input: &str) -> Vec<(u64, String)> {
    let report = validate(input.as_bytes(), Validator::new(Shard::all()), 1 << 20).unwrap();
    report
        .problems
        .iter()
        .map(|p| (p.line, p.problem.to_string()))
        .collect()
}

#[test]
fn every_kind_of_bad_line_is_reported_with_its_line_number() {
    let cases: &[(&str, &str)] = &[
        ("not json", "not a batch request line"),
        (
            r#"{"custom_id":"x","method":"POST","url":"/v1/chat/completions"}"#,
            "missing field `body`",
        ),
        (
            r#"{"custom_id":"","method":"POST","url":"/v1/embeddings","body":{}}"#,
            "`custom_id` is empty",
        ),
        (
            r#"{"custom_id":"x","method":"GET","url":"/v1/embeddings","body":{}}"#,
            "method `GET`",
        ),
        (
            r#"{"custom_id":"x","method":"POST","url":"/v1/completions","body":{}}"#,
            "url `/v1/completions`",
        ),
        (
            r#"{"custom_id":"x","method":"POST","url":"/responses","body":[1]}"#,
            "not a JSON object",
        ),
    ];
    for (bad, expected) in cases {
        let input = format!("{}\n\n{bad}\n{}\n", line("a"), line("b"));
        let found = problems(&input);
        assert_eq!(found.len(), 1, "{bad}: {found:?}");
        assert_eq!(found[0].0, 3, "{bad}: blank lines count in the numbering");
        assert!(found[0].1.contains(expected), "{bad}: {}", found[0].1);
    }
}

#[test]
fn a_duplicate_id_names_both_lines() {
    let input = format!("{}\n{}\n{}\n", line("a"), line("b"), line("a"));
    let report = validate(input.as_bytes(), Validator::new(Shard::all()), 1 << 20).unwrap();
    assert_eq!(report.requests, 2);
    assert_eq!(report.problems.len(), 1);
    assert_eq!(report.problems[0].line, 3);
    assert_eq!(
        report.problems[0].problem,
        LineProblem::Duplicate {
            custom_id: "a".into(),
            first_line: 1
        }
    );
}

#[test]
fn a_line_over_the_limit_is_skipped_not_held() {
    let long = format!(
        r#"{{"custom_id":"big","method":"POST","url":"/v1/embeddings","body":{{"input":"{}"}}}}"#,
        "x".repeat(5000)
    );
    let input = format!("{}\n{long}\n{}", line("a"), line("b"));
    let report = validate(input.as_bytes(), Validator::new(Shard::all()), 1000).unwrap();
    assert_eq!(
        report.requests, 2,
        "the line after it and a last line without \\n are read"
    );
    assert_eq!(report.problems[0].line, 2);
    assert_eq!(report.problems[0].problem, LineProblem::TooLong(1000));
}

#[test]
fn shards_partition_the_ids_and_the_hash_is_frozen() {
    // SHA-256 test vectors: these values must never change, or shards move between versions.
    assert_eq!(shard_hash("abc"), 0xba7816bf8f01cfea);
    assert_eq!(shard_hash(""), 0xe3b0c44298fc1c14);
    let input: String = (0..300).map(|i| line(&format!("id-{i}")) + "\n").collect();
    let mut total = 0;
    for index in 0..3 {
        let shard = Shard::new(index, 3).unwrap();
        let report = validate(input.as_bytes(), Validator::new(shard), 1 << 20).unwrap();
        assert!(report.requests > 50, "a fair split: {}", report.requests);
        assert_eq!(report.requests + report.other_shards, 300);
        total += report.requests;
    }
    assert_eq!(total, 300);
}

fn output(id: &str, cost: f64) -> Vec<u8> {
    let body = RawValue::from_string(format!(
        "{{\n  \"usage\": {{\"cost\": {cost}, \"total_tokens\": 7}}\n}}"
    ))
    .unwrap();
    OutputLine::new(id, 200, Some("gen-1".into()), body).to_line()
}

#[test]
fn an_output_line_is_one_line_in_openai_shape() {
    let line = output("a", 0.5);
    assert_eq!(
        line.iter().filter(|&&b| b == b'\n').count(),
        1,
        "pretty bodies are flattened"
    );
    let value: serde_json::Value = serde_json::from_slice(&line).unwrap();
    assert_eq!(value["custom_id"], "a");
    assert_eq!(value["response"]["status_code"], 200);
    assert_eq!(value["response"]["request_id"], "gen-1");
    assert_eq!(value["response"]["body"]["usage"]["cost"], 0.5);
    assert!(value["error"].is_null());
    assert!(value["id"].as_str().unwrap().starts_with("batch_req_"));
}

#[test]
fn resume_counts_what_is_done_and_cuts_a_torn_line() {
    let dir = std::env::temp_dir().join(format!("batches-resume-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("out.jsonl");
    let mut file = std::fs::File::create(&path).unwrap();
    file.write_all(&output("a", 0.25)).unwrap();
    file.write_all(&output("b", 0.5)).unwrap();
    let torn = output("c", 1.0);
    file.write_all(&torn[..torn.len() / 2]).unwrap();
    drop(file);

    let (state, mut appender) = open_output(&path).unwrap();
    assert_eq!(state.lines, 2);
    assert!(state.done.contains("a") && state.done.contains("b") && !state.done.contains("c"));
    assert!((state.cost - 0.75).abs() < 1e-12);
    assert_eq!(state.tokens, 14);
    assert_eq!(state.torn, Some((torn.len() / 2) as u64));
    appender.append_bytes(&output("c", 1.0)).unwrap();

    let again = scan_output(std::fs::read(&path).unwrap().as_slice()).unwrap();
    assert_eq!((again.lines, again.torn, again.duplicates), (3, None, 0));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_complete_line_that_is_not_output_is_an_error_naming_it() {
    let mut file = output("a", 0.1);
    file.extend_from_slice(b"{\"hello\":1}\n");
    let error = scan_output(file.as_slice()).unwrap_err().to_string();
    assert!(
        error.starts_with("line 2 of the output is not a batch output line"),
        "{error}"
    );
}
