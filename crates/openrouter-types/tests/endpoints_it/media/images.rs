//! `POST /images`, `GET /images/models`, `GET /images/models/{author}/{slug}/endpoints`.

use openrouter_types::images::{
    Capability, ImageData, ImageDecodeError, ImageGenerationRequest, ImageGenerationResponse,
    ImageModelEndpoints, ImageModelsList, ImageOutputFormat, ImagePricingUnit, ImageQuality,
    ImageStreamEvent,
};
use openrouter_types::media::AspectRatio;
use serde_json::json;

use super::{covers, request, response, round_trip};

#[test]
fn fixtures_round_trip() {
    covers("images", &["generate", "models", "model_endpoints"]);
    let sent: ImageGenerationRequest = request("images/generate");
    assert_eq!(sent.aspect_ratio, Some(AspectRatio::Square));
    assert_eq!(sent.output_format, Some(ImageOutputFormat::Png));
    let built = ImageGenerationRequest::new(
        "google/gemini-2.5-flash-image",
        "a single orange pixel, studio lighting",
    )
    .aspect_ratio("1:1")
    .n(1)
    .output_format(ImageOutputFormat::Png)
    .quality(ImageQuality::High);
    assert_eq!(built, sent);

    let got: ImageGenerationResponse = response("images/generate");
    assert_eq!(got.usage.as_ref().and_then(|u| u.cost), Some(0.0387));

    let models: ImageModelsList = response("images/models");
    let gpt_image = &models.data[1];
    assert!(gpt_image.supports_streaming);
    match gpt_image.supported_parameters.get("output_compression") {
        Some(Capability::Range { min, max, .. }) => {
            assert_eq!((min.as_u64(), max.as_u64()), (Some(0), Some(100)));
        }
        other => panic!("expected a range, got {other:?}"),
    }
    let names: Vec<&str> = models.data[0]
        .supported_parameters
        .iter()
        .map(|(n, _)| n)
        .collect();
    assert_eq!(
        names,
        ["aspect_ratio", "resolution", "seed"],
        "wire order is kept"
    );

    let endpoints: ImageModelEndpoints = response("images/model_endpoints");
    let endpoint = &endpoints.endpoints[0];
    assert_eq!(endpoint.provider_tag, None);
    assert_eq!(endpoint.pricing[0].unit, ImagePricingUnit::Image);
    assert_eq!(endpoint.pricing[1].variant.as_deref(), Some("edit"));
}

#[test]
fn the_fixture_image_decodes_to_a_1x1_png() {
    let got: ImageGenerationResponse = response("images/generate");
    let image = &got.data[0];
    assert_eq!(image.media_type(), Some("image/png"));
    assert_eq!(image.url(), None);
    let bytes = image.bytes().expect("inline bytes").expect("valid base64");
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n");
    assert_eq!(&bytes[12..16], b"IHDR");
    assert_eq!(
        &bytes[16..24],
        &[0, 0, 0, 1, 0, 0, 0, 1],
        "width and height 1"
    );
    assert_eq!(&bytes[bytes.len() - 8..bytes.len() - 4], b"IEND");
}

#[test]
fn bytes_and_url_cover_every_image_shape() {
    let remote: ImageData =
        serde_json::from_value(json!({"url": "https://cdn.example.com/a.png"})).expect("decode");
    assert_eq!(remote.url(), Some("https://cdn.example.com/a.png"));
    assert_eq!(remote.bytes(), None);

    let data_url: ImageData =
        serde_json::from_value(json!({"url": "data:image/png;base64,Zm9vYmFy"})).expect("decode");
    assert_eq!(data_url.bytes(), Some(Ok(b"foobar".to_vec())));

    let not_base64: ImageData =
        serde_json::from_value(json!({"url": "data:image/svg+xml,%3Csvg%3E"})).expect("decode");
    assert_eq!(not_base64.bytes(), None);

    let broken: ImageData =
        serde_json::from_value(json!({"b64_json": "Zm9v YmFy"})).expect("decode");
    let error = broken
        .bytes()
        .expect("inline")
        .expect_err("a space is not base64");
    assert_eq!(
        error,
        ImageDecodeError::InvalidByte {
            offset: 4,
            byte: b' '
        }
    );
    assert_eq!(error.to_string(), "invalid base64 byte 0x20 at offset 4");
    assert_eq!(
        ImageDecodeError::InvalidLength { length: 5 }.to_string(),
        "invalid base64 length 5 (one byte past a group of four)"
    );
}

#[test]
fn unknown_values_survive() {
    let body = json!({
        "aspect_ratio": "7:3", "background": "blurred", "input_references": [
            {"type": "image_url", "image_url": {"url": "https://example.com/ref.png"}},
            {"type": "sketch", "strokes": 3}],
        "model": "x/y", "output_format": "avif", "prompt": "p",
        "provider": {"only": ["openai"], "options": {"openai": {"moderation": "low"}}},
        "quality": "ultra", "resolution": "8K", "style": "vivid"});
    let parsed: ImageGenerationRequest = round_trip("unknown request values", &body);
    assert!(
        parsed
            .output_format
            .as_ref()
            .is_some_and(|f| f.media_type().is_none())
    );
    assert_eq!(parsed.extra["style"], json!("vivid"));

    let models = json!({"data": [{"architecture": {"input_modalities": ["text", "smell"],
            "output_modalities": ["image"], "tokenizer": "x"},
        "created": 1, "description": "d", "endpoints": "/e", "id": "a/b", "name": "n",
        "supported_parameters": {"steps": {"type": "integer", "min": 1, "max": 50},
                                 "style": {"type": "enum", "values": ["a"], "default": "a"}},
        "supports_streaming": false, "beta": true}]});
    let parsed: ImageModelsList = round_trip("unknown model values", &models);
    let model = &parsed.data[0];
    assert!(matches!(
        model.supported_parameters.get("steps"),
        Some(Capability::Other(_))
    ));
    assert!(model.architecture.input_modalities[1].is_unknown());
    assert_eq!(model.extra["beta"], json!(true));
}

#[test]
fn stream_events_round_trip() {
    for event in [
        json!({"type": "image_generation.partial_image", "b64_json": "aGk=", "partial_image_index": 0}),
        json!({"type": "image_generation.text_chunk", "phase": "content", "text": "<svg>"}),
        json!({"type": "image_generation.completed", "b64_json": "aGk=", "created": 1748372400,
               "media_type": "image/png", "usage": {"prompt_tokens": 0, "completion_tokens": 4175,
               "total_tokens": 4175, "cost": 0.04}}),
        json!({"type": "error", "error": {"code": "upstream_error", "message": "boom",
               "param": null, "type": "provider_error"}}),
        json!({"type": "image_generation.heartbeat", "n": 1}),
        json!({"type": 7}),
    ] {
        let parsed: ImageStreamEvent = round_trip("stream event", &event);
        let expect_known = event["type"]
            .as_str()
            .is_some_and(|t| !t.ends_with("heartbeat"));
        assert_eq!(
            !matches!(parsed, ImageStreamEvent::Other(_)),
            expect_known,
            "{event}"
        );
    }
}
