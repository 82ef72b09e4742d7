//! `openrouter mock`: prints its base URL, serves the fixtures to other clients (here, the
//! binary itself), and stops cleanly on Ctrl-C.

use std::io::{BufRead, BufReader, Read};
use std::process::{Command, Stdio};

use crate::support::{KEY, Run, openrouter};

#[test]
fn serves_until_ctrl_c() {
    let mut server = openrouter(&["mock", "--port", "0"])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let mut stdout = BufReader::new(server.stdout.take().expect("piped"));
    let mut base_url = String::new();
    stdout
        .read_line(&mut base_url)
        .expect("the base URL is printed");
    let base_url = base_url.trim().to_owned();
    assert!(
        base_url.starts_with("http://127.0.0.1:") && base_url.ends_with("/api/v1"),
        "{base_url}"
    );

    let mut client = openrouter(&["credits"]);
    client
        .env("OPENROUTER_BASE_URL", &base_url)
        .env("OPENROUTER_API_KEY", KEY);
    let run = Run::plain(client, None);
    run.expect_code(0);
    assert!(run.stdout.contains("remaining  $74.75"), "{}", run.stdout);

    let status = Command::new("kill")
        .args(["-INT", &server.id().to_string()])
        .status()
        .expect("kill runs");
    assert!(status.success());
    let mut rest = String::new();
    stdout
        .read_to_string(&mut rest)
        .expect("stdout is readable");
    let output = server.wait_with_output().expect("the server exits");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    assert!(stderr.contains("export OPENROUTER_BASE_URL="), "{stderr}");
    assert!(
        stderr.contains("stopped after serving 1 request"),
        "{stderr}"
    );
}

#[test]
fn a_bad_fixture_directory_is_reported() {
    let run = Run::plain(
        openrouter(&["mock", "--fixtures", "/nonexistent/fixtures"]),
        None,
    );
    run.expect_code(5);
    assert!(
        run.stderr.contains("/nonexistent/fixtures"),
        "{}",
        run.stderr
    );
}
