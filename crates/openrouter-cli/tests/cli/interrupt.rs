//! Ctrl-C during a stream: the connection is dropped, the partial answer stays, exit 130.

use std::io::Read;
use std::process::{Command, Stdio};
use std::time::Duration;

use openrouter_testkit::server::Pacing;

use crate::support::{DEMO_ANSWER, Mock};

#[test]
fn ctrl_c_stops_the_stream_and_keeps_the_partial_answer() {
    // One event every 150 ms: the whole demo would take about 8 s.
    let mock = Mock::paced(Pacing::new().per_event().delay(Duration::from_millis(150)));
    let mut child = mock
        .command(&["chat", "Hello"])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let mut stdout = child.stdout.take().expect("piped");

    // Wait for the first words of the answer, then interrupt.
    let mut seen = Vec::new();
    let mut buffer = [0u8; 256];
    while !String::from_utf8_lossy(&seen).contains("Hello from") {
        let n = stdout.read(&mut buffer).expect("stdout is readable");
        assert!(n > 0, "stdout closed before the answer started");
        seen.extend_from_slice(&buffer[..n]);
    }
    let status = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .expect("kill runs");
    assert!(status.success());

    stdout.read_to_end(&mut seen).expect("stdout is readable");
    let output = child.wait_with_output().expect("the binary exits");
    let stdout = String::from_utf8_lossy(&seen).into_owned();
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();

    assert_eq!(
        output.status.code(),
        Some(130),
        "stdout: {stdout}\nstderr: {stderr}"
    );
    assert!(stdout.starts_with("Hello from"), "{stdout}");
    assert!(
        stdout.len() < DEMO_ANSWER.len(),
        "the stream stopped early: {stdout}"
    );
    assert!(stdout.ends_with('\n'), "the partial answer ends its line");
    assert!(stderr.contains("interrupted"), "{stderr}");
    assert!(
        !stderr.contains("gen-1764115200"),
        "no usage summary for an interrupted answer"
    );
}
