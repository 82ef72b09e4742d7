//! `POST /videos`, `GET /videos/{jobId}`, `GET /videos/{jobId}/content`, `GET /videos/models`.

use openrouter_types::chat::ContentPart;
use openrouter_types::media::{AspectRatio, ProviderPassthrough};
use openrouter_types::videos::{
    FrameImage, FrameType, VideoContentQuery, VideoGenerationRequest, VideoJob, VideoModelsList,
    VideoResolution, VideoStatus,
};
use serde_json::json;

use super::{body_file, covers, exchange, request, response, round_trip};

#[test]
fn fixtures_round_trip() {
    covers(
        "videos",
        &["submit", "job", "job_in_progress", "content", "models"],
    );
    let sent: VideoGenerationRequest = request("videos/submit");
    let built = VideoGenerationRequest::new("google/veo-3.1")
        .aspect_ratio(AspectRatio::Widescreen)
        .duration(8)
        .generate_audio(true)
        .prompt("A serene mountain landscape at sunset, slow aerial pan")
        .resolution(VideoResolution::P720);
    assert_eq!(built, sent);

    let accepted: VideoJob = response("videos/submit");
    assert_eq!(exchange("videos/submit")["response"]["status"], json!(202));
    assert_eq!(accepted.status, VideoStatus::Pending);
    assert!(!accepted.is_terminal());
    assert!(accepted.urls().is_empty());

    let done: VideoJob = response("videos/job");
    assert!(done.is_terminal() && done.is_completed());
    assert_eq!(done.id, accepted.id);
    assert_eq!(done.polling_url, accepted.polling_url);
    assert_eq!(done.urls().len(), 1);
    assert_eq!(done.cost(), Some(3.2));

    let running: VideoJob = response("videos/job_in_progress");
    assert_eq!(running.status, VideoStatus::InProgress);
    assert!(!running.is_terminal());
    // Same route as `videos/job`: only the header reaches it.
    let in_progress = exchange("videos/job_in_progress");
    assert_eq!(in_progress.get("default"), None);
    assert_eq!(in_progress["request"], exchange("videos/job")["request"]);

    let models: VideoModelsList = response("videos/models");
    let veo = &models.data[0];
    assert_eq!(veo.supported_sizes, None);
    assert_eq!(veo.pricing_sku("generate"), Some("0.40"));
    assert_eq!(
        veo.supported_frame_images.as_deref(),
        Some(&[FrameType::FirstFrame, FrameType::LastFrame][..])
    );
}

#[test]
fn content_is_a_small_mp4_stand_in() {
    let (bytes, content_type) = body_file("videos/content");
    assert_eq!(content_type, "video/mp4");
    assert!((200..1000).contains(&bytes.len()), "{} bytes", bytes.len());
    assert_eq!(&bytes[4..8], b"ftyp", "starts with an ISO-BMFF ftyp box");
    let job: VideoJob = response("videos/job");
    let content_path = exchange("videos/content")["request"]["path"].clone();
    assert_eq!(
        content_path,
        json!(format!("/api/v1/videos/{}/content", job.id))
    );
    assert_eq!(VideoContentQuery::new().to_query_pairs(), vec![]);
    assert_eq!(
        VideoContentQuery::new().index(2).to_query_pairs(),
        vec![("index", "2".to_owned())]
    );
}

#[test]
fn status_terminality() {
    for (status, terminal) in [
        ("pending", false),
        ("in_progress", false),
        ("completed", true),
        ("failed", true),
        ("cancelled", true),
        ("expired", true),
        ("paused_for_review", false),
    ] {
        assert_eq!(
            VideoStatus::from(status).is_terminal(),
            terminal,
            "{status}"
        );
    }
}

#[test]
fn requests_with_frames_references_and_options() {
    let request = VideoGenerationRequest::new("bytedance/seedance-2")
        .frame_images([FrameImage::new(
            FrameType::FirstFrame,
            "https://example.com/a.png",
        )])
        .input_references([ContentPart::image_url("https://example.com/ref.png")])
        .provider(ProviderPassthrough::new().option("byteplus", json!({"camera_fixed": true})))
        .seed(7)
        .size("1280x720");
    let value = serde_json::to_value(&request).expect("encode");
    assert_eq!(
        value,
        json!({"frame_images": [{"type": "image_url", "image_url": {"url": "https://example.com/a.png"},
                                 "frame_type": "first_frame"}],
               "input_references": [{"type": "image_url", "image_url": {"url": "https://example.com/ref.png"}}],
               "model": "bytedance/seedance-2",
               "provider": {"options": {"byteplus": {"camera_fixed": true}}},
               "seed": 7, "size": "1280x720"})
    );
    let back: VideoGenerationRequest = round_trip("built request", &value);
    assert_eq!(back, request);
    assert_eq!(
        back.provider
            .as_ref()
            .and_then(|p| p.options_for("byteplus")),
        Some(&json!({"camera_fixed": true}))
    );
}

#[test]
fn unknown_values_survive() {
    let job = json!({"id": "job-1", "polling_url": "/api/v1/videos/job-1",
                     "status": "queued_for_gpu", "progress": 0.4});
    let parsed: VideoJob = round_trip("unknown status", &job);
    assert!(parsed.status.is_unknown());
    assert_eq!(parsed.extra["progress"], json!(0.4));

    let request = json!({"input_references": [{"type": "audio_url", "audio_url": {"url": "https://e/a.mp3"}}],
                         "model": "m", "resolution": "8K", "camera": "dolly"});
    let parsed: VideoGenerationRequest = round_trip("unknown request values", &request);
    assert!(matches!(
        parsed.input_references.as_deref(),
        Some([ContentPart::Other(_)])
    ));
}
