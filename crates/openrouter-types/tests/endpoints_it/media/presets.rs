//! Fixtures of `POST /presets/{slug}/chat/completions` and
//! `POST /presets/{slug}/responses`: the bodies are inference requests
//! (`ChatRequest`, `ResponsesRequest`), but the endpoints store them as a
//! preset version and answer with the preset, `{"data": {…}}`.

use openrouter_types::chat::ChatRequest;
use openrouter_types::responses::ResponsesRequest;
use openrouter_types::{Data, Extra};
use serde_json::json;

use super::{exchange, request, response};

#[test]
fn request_bodies_are_inference_requests_and_answers_are_presets() {
    // The folder is shared (preset CRUD, `messages`): these three are ours.
    let chat: ChatRequest = request("presets/chat_completions");
    assert_eq!(chat.temperature, Some(0.7));
    let streamed: ChatRequest = request("presets/chat_completions_stream");
    assert_eq!(streamed.stream, Some(true));
    let responses: ResponsesRequest = request("presets/responses");
    assert_eq!(responses.max_output_tokens, Some(256));

    for name in [
        "presets/chat_completions",
        "presets/chat_completions_stream",
        "presets/responses",
    ] {
        let preset: Data<Extra> = response(name);
        assert_eq!(preset.data["slug"], json!("my-preset"), "{name}");
        assert!(
            preset.data["designated_version"]["config"].is_object(),
            "{name}"
        );
        // `stream` is ignored: even a streaming request gets JSON back.
        assert_eq!(
            exchange(name)["response"]["headers"]["content-type"],
            json!("application/json"),
            "{name}"
        );
    }
}
