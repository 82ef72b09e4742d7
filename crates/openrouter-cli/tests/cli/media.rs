//! `openrouter image|speak|transcribe|video|rerank` and `chat --api messages` against the mock:
//! each sends its route's request and writes what came back.

use std::path::PathBuf;

use crate::support::Mock;

/// A fresh path in the temporary directory for one test's output.
fn out(name: &str) -> PathBuf {
    let path = std::env::temp_dir().join(format!("openrouter-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_file(&path);
    path
}

fn fixture_bytes(name: &str) -> Vec<u8> {
    std::fs::read(
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("../../fixtures")
            .join(name),
    )
    .unwrap()
}

#[test]
fn image_writes_the_decoded_image() {
    let mock = Mock::start();
    let path = out("image.png");
    let run = mock.run(&["image", "a test", "-o", path.to_str().unwrap()]);
    run.expect_code(0);
    assert_eq!(run.stdout.trim(), path.to_str().unwrap());
    assert!(
        std::fs::read(&path).unwrap().starts_with(b"\x89PNG"),
        "a PNG was written"
    );
    assert_eq!(mock.requests()[0].path(), "/api/v1/images");
    let _ = std::fs::remove_file(path);
}

#[test]
fn speak_and_video_write_the_bytes_the_server_sent() {
    let mock = Mock::start();
    let audio = out("speech.mp3");
    mock.run(&["speak", "hello", "-o", audio.to_str().unwrap()])
        .expect_code(0);
    assert_eq!(
        std::fs::read(&audio).unwrap(),
        fixture_bytes("audio/speech.mp3")
    );
    let video = out("video.mp4");
    let run = mock.run(&["video", "a kite", "-o", video.to_str().unwrap()]);
    run.expect_code(0);
    assert!(run.stderr.contains("completed"), "{}", run.stderr);
    assert_eq!(
        std::fs::read(&video).unwrap(),
        fixture_bytes("videos/content.mp4")
    );
    let paths: Vec<String> = mock
        .requests()
        .iter()
        .map(|r| format!("{} {}", r.method(), r.path()))
        .collect();
    assert_eq!(paths[0], "POST /api/v1/audio/speech");
    assert_eq!(paths[1], "POST /api/v1/videos");
    assert!(paths[2].starts_with("GET /api/v1/videos/"), "{paths:?}");
    assert!(paths[3].ends_with("/content"), "{paths:?}");
    let _ = (std::fs::remove_file(audio), std::fs::remove_file(video));
}

#[test]
fn transcribe_uploads_the_file_as_multipart_and_prints_the_text() {
    let mock = Mock::start();
    let wav = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/audio/hello.wav");
    let run = mock.run(&["transcribe", wav.to_str().unwrap()]);
    run.expect_code(0);
    assert!(!run.stdout.trim().is_empty(), "{}", run.stdout);
    let request = &mock.requests()[0];
    assert!(
        request
            .header("content-type")
            .is_some_and(|t| t.starts_with("multipart/form-data")),
        "{:?}",
        request.header("content-type")
    );
    let body = request.body();
    let wav_bytes = std::fs::read(&wav).unwrap();
    assert!(
        body.windows(wav_bytes.len()).any(|w| w == wav_bytes),
        "the file went up whole"
    );
    let run = mock.run(&["transcribe", "/no/such/file.wav"]);
    run.expect_code(2);
    assert!(run.stderr.contains("could not open"), "{}", run.stderr);
}

#[test]
fn rerank_prints_the_ranking() {
    let mock = Mock::start();
    let run = mock.run(&["rerank", "capital of France", "doc a", "doc b"]);
    run.expect_code(0);
    assert!(run.stdout.starts_with(" SCORE"), "{}", run.stdout);
    let body = mock.requests()[0].body_json().unwrap();
    assert_eq!(body["query"], "capital of France");
    assert_eq!(body["documents"], serde_json::json!(["doc a", "doc b"]));
    mock.run(&["rerank", "q"]).expect_code(2);
}

#[test]
fn chat_over_the_messages_api_streams_the_text_and_names_the_tool_call() {
    let mock = Mock::start();
    let run = mock.run(&["chat", "--api", "messages", "Weather in Paris?"]);
    run.expect_code(0);
    assert!(!run.stdout.trim().is_empty(), "{}", run.stdout);
    // The tool call is part of the answer: on stdout, marked, with its arguments.
    assert!(
        run.stdout.contains("tool call: get_weather"),
        "{}",
        run.stdout
    );
    let request = &mock.requests()[0];
    assert_eq!(request.path(), "/api/v1/messages");
    let body = request.body_json().unwrap();
    assert_eq!(body["stream"], true);
    assert_eq!(body["messages"][0]["content"], "Weather in Paris?");
}
