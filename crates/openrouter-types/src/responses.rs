//! The Responses API (`POST /responses`): request, response and its stream events.
