//! `POST /audio/speech` (raw audio back) and `POST /audio/transcriptions`
//! (multipart or JSON in, JSON back).

use openrouter_types::audio::{
    SpeechFormat, SpeechReference, SpeechRequest, TimestampGranularity, TranscriptionFormat,
    TranscriptionJsonRequest, TranscriptionRequest, TranscriptionResponse,
};
use serde_json::json;

use super::{body_file, covers, exchange, fixture_file, request, response, round_trip};

#[test]
fn fixtures_round_trip() {
    covers("audio", &["speech", "transcription", "transcription_json"]);
    let speech: SpeechRequest = request("audio/speech");
    let built = SpeechRequest::new(
        "openai/gpt-4o-mini-tts",
        "Hello from the OpenRouter mock server.",
    )
    .response_format(SpeechFormat::Mp3)
    .speed(1.0)
    .voice("alloy");
    assert_eq!(built, speech);

    let verbose: TranscriptionResponse = response("audio/transcription");
    assert_eq!(verbose.text, "Hello.");
    assert_eq!(verbose.language.as_deref(), Some("english"));
    let segments = verbose.segments.as_deref().unwrap_or_default();
    assert_eq!((segments[0].start, segments[0].end), (0.0, 0.1));

    let sent: TranscriptionJsonRequest = request("audio/transcription_json");
    assert_eq!(sent.input_audio.format, "wav");
    let plain: TranscriptionResponse = response("audio/transcription_json");
    assert_eq!(plain.usage.and_then(|u| u.seconds), Some(0.1));
    assert_eq!(plain.segments, None);
}

#[test]
fn speech_answers_raw_mp3_bytes() {
    let (bytes, content_type) = body_file("audio/speech");
    assert_eq!(
        Some(content_type.as_str()),
        SpeechFormat::Mp3.content_type()
    );
    assert!((200..1000).contains(&bytes.len()), "{} bytes", bytes.len());
    // MPEG-1 Layer III frame sync on every 96-byte frame.
    for frame in bytes.chunks(96) {
        assert_eq!(&frame[..2], &[0xFF, 0xFB]);
    }
}

#[test]
fn the_multipart_fixture_has_no_json_body() {
    let upload = exchange("audio/transcription");
    assert_eq!(upload["request"].get("body"), None);
    assert_eq!(
        upload["request"]["headers"]["content-type"],
        json!("multipart/form-data")
    );
    assert_eq!(upload["default"], json!(true));
}

#[test]
fn hello_wav_is_a_tenth_of_a_second_of_silence() {
    let wav = fixture_file("audio/hello.wav");
    assert_eq!(&wav[..4], b"RIFF");
    assert_eq!(&wav[8..16], b"WAVEfmt ");
    let u16_at = |at: usize| u16::from_le_bytes([wav[at], wav[at + 1]]);
    let u32_at = |at: usize| u32::from_le_bytes([wav[at], wav[at + 1], wav[at + 2], wav[at + 3]]);
    assert_eq!(u16_at(20), 1, "PCM");
    assert_eq!(u16_at(22), 1, "mono");
    assert_eq!(u32_at(24), 8000, "8 kHz");
    assert_eq!(u16_at(34), 16, "16-bit");
    assert_eq!(&wav[36..40], b"data");
    assert_eq!(u32_at(40), 1600, "800 samples");
    assert!(wav[44..].iter().all(|&b| b == 0));
    assert_eq!(u32_at(4) as usize, wav.len() - 8);
}

#[test]
fn form_fields_follow_the_spec_order() {
    let bare = TranscriptionRequest::new("openai/whisper-large-v3");
    assert_eq!(
        bare.form_fields(),
        vec![("model", "openai/whisper-large-v3".to_owned())]
    );
    let full = TranscriptionRequest::new("openai/whisper-large-v3")
        .language("en")
        .response_format(TranscriptionFormat::VerboseJson)
        .temperature(0.0)
        .timestamp_granularities([TimestampGranularity::Segment, TimestampGranularity::Word]);
    assert_eq!(
        full.form_fields(),
        vec![
            ("language", "en".to_owned()),
            ("model", "openai/whisper-large-v3".to_owned()),
            ("response_format", "verbose_json".to_owned()),
            ("temperature", "0".to_owned()),
            ("timestamp_granularities[]", "segment".to_owned()),
            ("timestamp_granularities[]", "word".to_owned()),
        ]
    );
    // Serde names the same fields (the list without `[]`).
    assert_eq!(
        serde_json::to_value(&full).expect("encode"),
        json!({"language": "en", "model": "openai/whisper-large-v3",
               "response_format": "verbose_json", "temperature": 0.0,
               "timestamp_granularities": ["segment", "word"]})
    );
}

#[test]
fn voice_cloning_references_and_unknown_values_survive() {
    let body = json!({"input": "hi", "input_references": [
            {"type": "input_audio", "input_audio": {"data": "data:audio/wav;base64,UklGRg==", "format": "wav"}},
            {"type": "text", "text": "I used to rule the world."},
            {"type": "input_video", "video_url": {"url": "https://e/v.mp4"}}],
        "model": "m", "provider": {"options": {"elevenlabs": {"stability": 0.5}}},
        "response_format": "opus", "voice": "v", "instructions": "whisper"});
    let parsed: SpeechRequest = round_trip("speech extras", &body);
    let refs = parsed.input_references.as_deref().unwrap_or_default();
    assert!(matches!(refs[0], SpeechReference::InputAudio { .. }));
    assert!(matches!(refs[2], SpeechReference::Other(_)));
    assert_eq!(
        parsed
            .response_format
            .as_ref()
            .and_then(SpeechFormat::content_type),
        None
    );
    assert_eq!(parsed.extra["instructions"], json!("whisper"));

    let answer = json!({"text": "hi", "words": [{"end": 0.4, "speaker": 1, "start": 0.0,
                        "word": "hi", "confidence": 0.9}], "x_groq": {"id": "req_1"}});
    let parsed: TranscriptionResponse = round_trip("transcription extras", &answer);
    let words = parsed.words.as_deref().unwrap_or_default();
    assert_eq!(words[0].extra["confidence"], json!(0.9));
    assert_eq!(parsed.extra["x_groq"]["id"], json!("req_1"));
}
