//! Acceptance tests of the non-chat endpoint types (catalogue, account, keys,
//! embeddings, Responses API), in one test binary.

#[path = "endpoints_it/captures.rs"]
mod captures;
#[path = "endpoints_it/contract.rs"]
mod contract;
#[path = "endpoints_it/fixtures.rs"]
mod fixtures;
#[path = "endpoints_it/injection.rs"]
mod injection;
#[path = "endpoints_it/kinds.rs"]
mod kinds;
#[path = "endpoints_it/media.rs"]
mod media;
#[path = "endpoints_it/messages.rs"]
mod messages;
#[path = "endpoints_it/platform.rs"]
mod platform;
#[path = "endpoints_it/requests.rs"]
mod requests;
#[path = "endpoints_it/spec_fixtures.rs"]
mod spec_fixtures;
// Management-key areas: one module each, sharing `management`'s round trip.
#[path = "endpoints_it/guardrails.rs"]
mod guardrails;
#[path = "endpoints_it/management.rs"]
mod management;
#[path = "endpoints_it/observability.rs"]
mod observability;
#[path = "endpoints_it/scim.rs"]
mod scim;
#[path = "endpoints_it/workspaces.rs"]
mod workspaces;
// One JSON comparison for the whole crate: the chat tests' helper, with its
// two documented equivalences (a `null` key counts as absent; numbers compare
// by value). Not every helper in it is used here.
#[allow(
    dead_code,
    reason = "shared with the chat tests; this binary uses part of it"
)]
#[path = "chat_it/support.rs"]
mod support;
