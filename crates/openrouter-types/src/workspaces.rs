//! Workspaces with a management key (`/workspaces`: list, create, get,
//! update, delete, budgets per interval, members).
//!
//! `GET /workspaces` and `GET /workspaces/{id}/members` answer a
//! [`ListPage`](crate::management::ListPage) of [`Workspace`] /
//! [`WorkspaceMember`] (query: [`PageQuery`](crate::models::PageQuery)); get,
//! create and update answer a [`Data<Workspace>`](crate::Data); delete answers
//! [`Deleted`](crate::management::Deleted). `{id}` is the workspace's UUID or
//! its slug. Budgets are in [`budgets`].
//!
//! A field the spec marks nullable is always written back, `null` included, as
//! OpenRouter sends it.
//!
//! ```
//! use openrouter_types::workspaces::{CreateWorkspaceRequest, Workspace, WorkspaceSettings};
//! let request = CreateWorkspaceRequest::new(
//!     "Production",
//!     "production",
//!     WorkspaceSettings::new().default_text_model("openai/gpt-4o"),
//! );
//! assert_eq!(
//!     serde_json::to_value(&request)?,
//!     serde_json::json!({"default_text_model": "openai/gpt-4o", "name": "Production", "slug": "production"})
//! );
//! let workspace: Workspace = serde_json::from_value(serde_json::json!({
//!     "created_at": "2025-11-26T01:00:00Z", "created_by": null,
//!     "default_guardrail_id": "9a0b1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d",
//!     "default_image_model": null, "default_provider_sort": "price",
//!     "default_text_model": null, "description": null,
//!     "id": "6b8f2d1e-4a3c-4f9b-9e7d-1c2b3a4d5e6f", "io_logging_api_key_ids": null,
//!     "io_logging_sampling_rate": 1, "is_data_discount_logging_enabled": false,
//!     "is_observability_broadcast_enabled": false, "is_observability_io_logging_enabled": false,
//!     "name": "Production", "slug": "production", "updated_at": null}))?;
//! assert_eq!(workspace.slug, "production");
//! # Ok::<(), serde_json::Error>(())
//! ```

pub mod budgets;

use serde::{Deserialize, Serialize};

use crate::management::{present, setters};
use crate::open_enum::open_enum;
use crate::routing::ProviderSort;
use crate::{Extra, ModelId};

/// A workspace: a group of keys, members, guardrails, budgets and
/// observability settings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Workspace {
    /// Creation time (ISO 8601).
    pub created_at: String,
    /// User who created it.
    pub created_by: Option<String>,
    /// The workspace's default guardrail (UUID derived from the workspace id;
    /// the guardrail exists once its settings are first written).
    pub default_guardrail_id: String,
    /// Default image model.
    pub default_image_model: Option<ModelId>,
    /// Default provider sort.
    pub default_provider_sort: Option<ProviderSort>,
    /// Default text model.
    pub default_text_model: Option<ModelId>,
    /// Description.
    pub description: Option<String>,
    /// Identifier (UUID) to use in `/workspaces/{id}` (the slug works too).
    pub id: String,
    /// Whether BYOK spend counts toward the workspace's budgets (set it with
    /// the budget endpoints).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub include_byok_in_budgets: Option<bool>,
    /// Only these API key ids are I/O-logged; `None` logs every key.
    pub io_logging_api_key_ids: Option<Vec<u64>>,
    /// Share of requests I/O-logged, 0.0001 to 1.
    pub io_logging_sampling_rate: f64,
    /// Whether data discount logging is on.
    pub is_data_discount_logging_enabled: bool,
    /// Whether broadcast (observability destinations) is on.
    pub is_observability_broadcast_enabled: bool,
    /// Whether private I/O logging is on.
    pub is_observability_io_logging_enabled: bool,
    /// Name.
    pub name: String,
    /// URL-friendly slug.
    pub slug: String,
    /// Last update time (ISO 8601).
    pub updated_at: Option<String>,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

/// A workspace's settings: the body of `PATCH /workspaces/{id}`
/// ([`UpdateWorkspaceRequest`]) and of `POST /workspaces` (through
/// [`CreateWorkspaceRequest`], which requires a name and a slug). Only the
/// fields you set are sent; a field set to `null` is cleared.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct WorkspaceSettings {
    /// Default image model; `Some(None)` clears it.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "present"
    )]
    pub default_image_model: Option<Option<ModelId>>,
    /// Default provider sort; `Some(None)` clears it.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "present"
    )]
    pub default_provider_sort: Option<Option<ProviderSort>>,
    /// Default text model; `Some(None)` clears it.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "present"
    )]
    pub default_text_model: Option<Option<ModelId>>,
    /// Description (at most 500 characters); `Some(None)` clears it.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "present"
    )]
    pub description: Option<Option<String>>,
    /// Only these API key ids are I/O-logged; `Some(None)` logs every key.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "present"
    )]
    pub io_logging_api_key_ids: Option<Option<Vec<u64>>>,
    /// Share of requests I/O-logged, 0.0001 to 1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub io_logging_sampling_rate: Option<f64>,
    /// Whether data discount logging is on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_data_discount_logging_enabled: Option<bool>,
    /// Whether broadcast is on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_observability_broadcast_enabled: Option<bool>,
    /// Whether private I/O logging is on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_observability_io_logging_enabled: Option<bool>,
    /// Name (1 to 100 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Slug: lowercase alphanumeric words joined by single hyphens, at most 50.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub slug: Option<String>,
    /// Fields this version does not model, sent as is.
    #[serde(flatten)]
    pub extra: Extra,
}

/// `PATCH /workspaces/{id}` body.
pub type UpdateWorkspaceRequest = WorkspaceSettings;

impl WorkspaceSettings {
    /// Settings that change nothing.
    pub fn new() -> Self {
        Self::default()
    }

    /// I/O-logs only these API key ids.
    #[must_use]
    pub fn io_logging_api_key_ids(mut self, ids: impl IntoIterator<Item = u64>) -> Self {
        self.io_logging_api_key_ids = Some(Some(ids.into_iter().collect()));
        self
    }

    setters! {
        /// Sets the default image model.
        patch default_image_model(model: impl Into<ModelId>) => default_image_model;
        /// Sets the default provider sort.
        patch default_provider_sort(sort: impl Into<ProviderSort>) => default_provider_sort;
        /// Sets the default text model.
        patch default_text_model(model: impl Into<ModelId>) => default_text_model;
        /// Sets the description.
        patch description(description: impl Into<String>) => description;
        /// Clears the description (sends `"description": null`).
        clear remove_description => description;
        /// I/O-logs every key again (sends `"io_logging_api_key_ids": null`).
        clear log_every_key => io_logging_api_key_ids;
        /// Sets the I/O-logging sampling rate (0.0001 to 1).
        set io_logging_sampling_rate(rate: f64) => io_logging_sampling_rate;
        /// Turns data discount logging on or off.
        set is_data_discount_logging_enabled(enabled: bool) => is_data_discount_logging_enabled;
        /// Turns broadcast on or off.
        set is_observability_broadcast_enabled(enabled: bool) => is_observability_broadcast_enabled;
        /// Turns private I/O logging on or off.
        set is_observability_io_logging_enabled(enabled: bool) => is_observability_io_logging_enabled;
        /// Renames the workspace.
        set name(name: impl Into<String>) => name;
        /// Changes the slug.
        set slug(slug: impl Into<String>) => slug;
        extra_field;
    }
}

/// `POST /workspaces` body (answered with HTTP 201 and a
/// [`Data<Workspace>`](crate::Data)): settings with a name and a slug.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
#[non_exhaustive]
pub struct CreateWorkspaceRequest {
    /// The settings; `name` and `slug` are required.
    pub settings: WorkspaceSettings,
}

impl CreateWorkspaceRequest {
    /// A workspace named `name` at `slug`, with these settings (their name
    /// and slug are replaced).
    pub fn new(
        name: impl Into<String>,
        slug: impl Into<String>,
        settings: WorkspaceSettings,
    ) -> Self {
        Self {
            settings: settings.name(name).slug(slug),
        }
    }
}

/// A member of a workspace.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct WorkspaceMember {
    /// Membership creation time (ISO 8601).
    pub created_at: String,
    /// Identifier (UUID) of the membership.
    pub id: String,
    /// Role in the workspace.
    pub role: WorkspaceRole,
    /// The member's user id.
    pub user_id: String,
    /// The workspace.
    pub workspace_id: String,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

open_enum! {
    /// A member's role in a workspace.
    pub enum WorkspaceRole {
        /// Manages the workspace.
        Admin = "admin",
        /// Uses the workspace.
        Member = "member",
    }
}

/// `POST /workspaces/{id}/members/add` and `…/members/remove` body. Added
/// members keep the role they hold in the organization.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct UserIdsRequest {
    /// User ids (1 to 100).
    pub user_ids: Vec<String>,
    /// Fields this version does not model, sent as is.
    #[serde(flatten)]
    pub extra: Extra,
}

impl UserIdsRequest {
    /// A request naming these users.
    pub fn new(user_ids: impl IntoIterator<Item = impl Into<String>>) -> Self {
        Self {
            user_ids: user_ids.into_iter().map(Into::into).collect(),
            extra: Extra::new(),
        }
    }
}

/// `POST /workspaces/{id}/members/add` answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct MembersAdded {
    /// How many memberships were created or updated.
    pub added_count: u64,
    /// The memberships.
    pub data: Vec<WorkspaceMember>,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

/// `POST /workspaces/{id}/members/remove` answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct MembersRemoved {
    /// How many members were removed.
    pub removed_count: u64,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}
