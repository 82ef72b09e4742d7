//! `openrouter batch run` end to end: offline example, validation before any request, a cut
//! connection picked up by the rerun, the cost cap across runs, and SIGKILL at several points
//! followed by a rerun that leaves exactly one valid line per custom_id.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::Duration;

use openrouter_testkit::raw::{self, RawServer, Step};
use openrouter_testkit::server::Pacing;

use crate::support::{KEY, Mock, Run, openrouter};

/// A fresh directory for one test's files.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("openrouter-batch-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a temp dir");
    dir
}

fn chat_line(id: &str) -> String {
    format!(
        r#"{{"custom_id":"{id}","method":"POST","url":"/v1/chat/completions","body":{{"model":"openai/gpt-4o-mini","messages":[{{"role":"user","content":"{id}"}}]}}}}"#
    )
}

fn write_input(dir: &Path, ids: impl IntoIterator<Item = String>) -> PathBuf {
    let path = dir.join("in.jsonl");
    let text: String = ids.into_iter().map(|id| chat_line(&id) + "\n").collect();
    std::fs::write(&path, text).expect("input written");
    path
}

/// The custom_ids of OUTPUT, checking every line is a complete, valid output line and no id
/// appears twice.
fn answered(output: &Path) -> BTreeSet<String> {
    let text = std::fs::read_to_string(output).expect("output exists");
    assert!(text.is_empty() || text.ends_with('\n'), "no torn last line");
    let mut ids = BTreeSet::new();
    for (n, line) in text.lines().enumerate() {
        let value: serde_json::Value = serde_json::from_str(line)
            .unwrap_or_else(|e| panic!("line {} is not JSON ({e}): {line}", n + 1));
        assert!(value["response"]["status_code"].is_u64(), "{line}");
        assert!(value["error"].is_null(), "{line}");
        let id = value["custom_id"].as_str().expect("a custom_id").to_owned();
        assert!(ids.insert(id.clone()), "custom_id {id} appears twice");
    }
    ids
}

fn s(path: &Path) -> &str {
    path.to_str().expect("utf-8 path")
}

#[test]
fn the_example_runs_offline() {
    let dir = scratch("offline");
    let output = dir.join("out.jsonl");
    let example = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/batch.jsonl");
    let run = Run::plain(
        openrouter(&["batch", "run", "--offline", example, "-o", s(&output)]),
        None,
    );
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let ids = answered(&output);
    assert_eq!(ids.len(), 5, "{ids:?}");
    assert!(
        run.stderr.contains("5 answered this run (5× 200)"),
        "{}",
        run.stderr
    );
    // A rerun has nothing left to do.
    let again = Run::plain(
        openrouter(&["batch", "run", "--offline", example, "-o", s(&output)]),
        None,
    );
    assert_eq!(again.code, Some(0), "{}", again.stderr);
    assert!(again.stderr.contains("5 already done"), "{}", again.stderr);
    assert_eq!(answered(&output).len(), 5);
}

#[test]
fn shards_split_the_input_and_their_outputs_concatenate() {
    let mock = Mock::start();
    let dir = scratch("shards");
    let ids: BTreeSet<String> = (0..30).map(|i| format!("s{i}")).collect();
    let input = write_input(&dir, ids.iter().cloned());
    let mut all = BTreeSet::new();
    for shard in ["0/3", "1/3", "2/3"] {
        let output = dir.join(format!("part-{}.jsonl", &shard[..1]));
        mock.run(&[
            "batch",
            "run",
            s(&input),
            "-o",
            s(&output),
            "--shard",
            shard,
        ])
        .expect_code(0);
        let part = answered(&output);
        assert!(!part.is_empty() && part.len() < 30, "{shard}: {part:?}");
        assert!(all.is_disjoint(&part), "{shard} overlaps another shard");
        all.extend(part);
    }
    assert_eq!(all, ids);
    let bad = mock.run(&["batch", "run", s(&input), "-o", "x.jsonl", "--shard", "3/3"]);
    bad.expect_code(2);
    assert!(bad.stderr.contains("invalid shard `3/3`"), "{}", bad.stderr);
}

#[test]
fn invalid_input_is_reported_with_line_numbers_before_any_request() {
    let mock = Mock::start();
    let dir = scratch("invalid");
    let input = dir.join("in.jsonl");
    let text = format!(
        "{}\n{{\"custom_id\": \"b\",\n{}\n{}\n",
        chat_line("a"),
        chat_line("c"),
        chat_line("a")
    );
    std::fs::write(&input, text).unwrap();
    let output = dir.join("out.jsonl");
    let run = mock.run(&["batch", "run", s(&input), "-o", s(&output)]);
    run.expect_code(2);
    assert!(
        run.stderr.contains("in.jsonl:2: not a batch request line"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("in.jsonl:4: duplicate custom_id `a` (first on line 1)"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("nothing was sent"), "{}", run.stderr);
    assert!(
        mock.requests().is_empty(),
        "no request before the input is valid"
    );
    assert!(!output.exists(), "no output for a refused input");

    // --skip-invalid runs the valid lines (the first `a` and `c`).
    mock.run(&[
        "batch",
        "run",
        s(&input),
        "-o",
        s(&output),
        "--skip-invalid",
    ])
    .expect_code(0);
    assert_eq!(answered(&output), BTreeSet::from(["a".into(), "c".into()]));
}

#[test]
fn a_cut_connection_fails_the_run_and_the_rerun_picks_it_up() {
    let ok = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../fixtures/chat/demo.json"
    ))
    .unwrap();
    let fixture: serde_json::Value = serde_json::from_slice(&ok).unwrap();
    let body = serde_json::to_vec(&fixture["response"]["body"]).unwrap();
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let server = runtime
        .block_on(RawServer::start([
            vec![
                Step::send(raw::head(
                    200,
                    &[
                        ("content-type", "application/json"),
                        ("content-length", "900"),
                    ],
                )),
                Step::send(&b"{\"id\":\"gen-cut\",\"cho"[..]),
                Step::Reset,
            ],
            vec![Step::send(raw::response(
                200,
                &[("content-type", "application/json")],
                &body,
            ))],
        ]))
        .unwrap();
    let dir = scratch("cut");
    let input = write_input(&dir, ["only".to_owned()]);
    let output = dir.join("out.jsonl");
    let errors = dir.join("errors.jsonl");
    let command = |extra: &[&str]| {
        let mut args = vec!["batch", "run", s(&input), "-o", s(&output)];
        args.extend_from_slice(extra);
        let mut command = openrouter(&args);
        command
            .env("OPENROUTER_BASE_URL", server.base_url())
            .env("OPENROUTER_API_KEY", KEY);
        Run::plain(command, None)
    };
    let first = command(&["--errors", s(&errors), "--rpm", "1000"]);
    assert_eq!(first.code, Some(3), "{}", first.stderr);
    assert!(first.stderr.contains("1 failed"), "{}", first.stderr);
    let listed = std::fs::read_to_string(&errors).unwrap();
    assert!(listed.contains("\"custom_id\":\"only\""), "{listed}");
    assert_eq!(
        server.received_requests().len(),
        1,
        "not resent within the run"
    );
    assert!(answered(&output).is_empty());

    let second = command(&["--rpm", "1000"]);
    assert_eq!(second.code, Some(0), "{}", second.stderr);
    assert_eq!(answered(&output), BTreeSet::from(["only".to_owned()]));
}

#[test]
fn the_cost_cap_stops_the_run_and_counts_earlier_spend() {
    // Each demo answer reports a cost of $0.0000462.
    let mock = Mock::start();
    let dir = scratch("budget");
    let input = write_input(&dir, (0..10).map(|i| format!("q{i}")));
    let output = dir.join("out.jsonl");
    let args = [
        "batch",
        "run",
        s(&input),
        "-o",
        s(&output),
        "--concurrency",
        "1",
        "--max-cost",
        "0.0001",
    ];
    let first = mock.run(&args);
    first.expect_code(6);
    assert!(
        first.stderr.contains("budget is reached"),
        "{}",
        first.stderr
    );
    assert_eq!(answered(&output).len(), 3, "$0.0000462 × 3 passes $0.0001");
    let chats = || {
        mock.requests()
            .iter()
            .filter(|r| r.path().ends_with("/chat/completions"))
            .count()
    };
    assert_eq!(chats(), 3);

    let second = mock.run(&args);
    second.expect_code(6);
    assert_eq!(chats(), 3, "the rerun counts what the first spent");
    assert_eq!(answered(&output).len(), 3);
}

#[cfg(unix)]
#[test]
fn sigkill_at_any_point_then_a_rerun_leaves_one_line_per_id() {
    // About 40 ms per answer (1.5 kB in 64-byte writes 2 ms apart): the run takes a second or
    // two, long enough to kill it at several points.
    let mock = Mock::paced(Pacing::new().chunk_size(64).delay(Duration::from_millis(2)));
    let dir = scratch("crash");
    let ids: BTreeSet<String> = (0..200).map(|i| format!("item-{i:03}")).collect();
    let input = write_input(&dir, ids.iter().cloned());
    let output = dir.join("out.jsonl");
    let args = [
        "batch",
        "run",
        s(&input),
        "-o",
        s(&output),
        "--concurrency",
        "8",
    ];
    let mut progress = Vec::new();
    for delay_ms in [30, 250, 500, 800] {
        let mut child = mock
            .command(&args)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("the binary runs");
        std::thread::sleep(Duration::from_millis(delay_ms));
        child.kill().expect("SIGKILL"); // Child::kill sends SIGKILL on Unix.
        child.wait().expect("reaped");
        // What survived is valid whatever the moment, except for at most one torn last line.
        let text = std::fs::read(&output).unwrap_or_default();
        let complete = text.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
        std::fs::write(dir.join("check.jsonl"), &text[..complete]).unwrap();
        progress.push(answered(&dir.join("check.jsonl")).len());
    }
    // A torn line as a kill mid-write leaves it: the rerun must drop it.
    let mut text = std::fs::read(&output).unwrap_or_default();
    text.extend_from_slice(br#"{"id":"batch_req_x","custom_id":"item-0"#);
    std::fs::write(&output, text).unwrap();

    eprintln!("answers after each kill: {progress:?}");
    let last = mock.run(&args);
    last.expect_code(0);
    assert_eq!(
        answered(&output),
        ids,
        "after kills at {progress:?} answers"
    );
}
