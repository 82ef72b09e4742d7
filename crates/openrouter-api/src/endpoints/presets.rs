//! Presets: read them, and save a new version from an inference request.
//!
//! `POST /presets/{slug}/chat/completions` (and `/messages`, `/responses`)
//! do not run inference: they store the request's settings as the preset's
//! next version and answer with the preset. To run a request with a preset,
//! set `preset` in the request or its model to `@preset/slug`.

use openrouter_types::chat::ChatRequest;
use openrouter_types::messages::MessagesRequest;
use openrouter_types::models::Data;
use openrouter_types::presets::{
    ListPresetsQuery, Preset, PresetList, PresetVersion, PresetVersionList,
};
use openrouter_types::responses::ResponsesRequest;

client_methods! {
    /// `GET /presets`: your presets, most recently updated first.
    list_presets(; query: ListPresetsQuery) -> PresetList = LIST_PRESETS;
    /// `GET /presets/{slug}`: a preset with its current version inline.
    get_preset(slug) -> Data<Preset> = GET_PRESET;
    /// `GET /presets/{slug}/versions`: every version, oldest first.
    list_preset_versions(slug) -> PresetVersionList = LIST_PRESET_VERSIONS;
    /// `GET /presets/{slug}/versions/{version}`.
    get_preset_version(slug, version) -> Data<PresetVersion> = GET_PRESET_VERSION;
    /// `POST /presets/{slug}/chat/completions`: saves a chat request's settings as the
    /// preset's next version (nothing is generated).
    create_preset_from_chat(slug; body: ChatRequest) -> Data<Preset> = CREATE_PRESET_FROM_CHAT;
    /// `POST /presets/{slug}/messages`: the same from a Messages request.
    create_preset_from_messages(slug; body: MessagesRequest) -> Data<Preset> = CREATE_PRESET_FROM_MESSAGES;
    /// `POST /presets/{slug}/responses`: the same from a Responses request.
    create_preset_from_responses(slug; body: ResponsesRequest) -> Data<Preset> = CREATE_PRESET_FROM_RESPONSES;
}
