//! SCIM groups and their workspace mappings with a management key
//! (`/scim/group-mappings`: list, create, get, update, delete; `/scim/groups`).
//!
//! A mapping gives the members of an identity-provider group a role in a
//! workspace. `GET /scim/group-mappings` and `GET /scim/groups` answer a
//! [`ListPage`](crate::management::ListPage) (query:
//! [`PageQuery`](crate::models::PageQuery)); get, create (HTTP 201) and
//! update answer a [`Data<GroupMapping>`](crate::Data); delete answers
//! [`Deleted`](crate::management::Deleted) and requires a
//! [`DeleteGroupMappingQuery`].
//!
//! ```
//! use openrouter_types::scim::{CreateGroupMappingRequest, DeleteGroupMappingQuery};
//! use openrouter_types::workspaces::WorkspaceRole;
//! let request = CreateGroupMappingRequest::new(
//!     "2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f",
//!     "6b8f2d1e-4a3c-4f9b-9e7d-1c2b3a4d5e6f",
//!     WorkspaceRole::Member,
//! );
//! assert_eq!(
//!     serde_json::to_value(&request)?,
//!     serde_json::json!({"role": "member", "scim_group_id": "2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f",
//!                        "workspace_id": "6b8f2d1e-4a3c-4f9b-9e7d-1c2b3a4d5e6f"})
//! );
//! // Deleting must say what happens to the members the mapping granted.
//! assert_eq!(
//!     DeleteGroupMappingQuery::new(true).to_query_pairs(),
//!     vec![("keep_members", "true".to_owned())]
//! );
//! # Ok::<(), serde_json::Error>(())
//! ```

use serde::{Deserialize, Serialize};

use crate::Extra;
use crate::workspaces::WorkspaceRole;

/// A group pushed by the organization's identity provider.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ScimGroup {
    /// Creation time (ISO 8601).
    pub created_at: String,
    /// Name shown in the identity provider.
    pub display_name: String,
    /// The identity provider's id for the group.
    pub external_id: Option<String>,
    /// Identifier (UUID).
    pub id: String,
    /// The organization.
    pub organization_id: String,
    /// Last update time (ISO 8601).
    pub updated_at: String,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

/// A mapping from a SCIM group to a role in a workspace.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct GroupMapping {
    /// Creation time (ISO 8601).
    pub created_at: String,
    /// Identifier (UUID) to use in `/scim/group-mappings/{id}`.
    pub id: String,
    /// The organization.
    pub organization_id: String,
    /// Role the group's members get.
    pub role: WorkspaceRole,
    /// The SCIM group.
    pub scim_group_id: String,
    /// Last update time (ISO 8601).
    pub updated_at: String,
    /// The workspace.
    pub workspace_id: String,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

/// `POST /scim/group-mappings` body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CreateGroupMappingRequest {
    /// Role the group's members get.
    pub role: WorkspaceRole,
    /// The SCIM group (UUID).
    pub scim_group_id: String,
    /// The workspace (UUID).
    pub workspace_id: String,
    /// Fields this version does not model, sent as is.
    #[serde(flatten)]
    pub extra: Extra,
}

impl CreateGroupMappingRequest {
    /// Gives the members of `scim_group_id` the `role` in `workspace_id`.
    pub fn new(
        scim_group_id: impl Into<String>,
        workspace_id: impl Into<String>,
        role: impl Into<WorkspaceRole>,
    ) -> Self {
        Self {
            role: role.into(),
            scim_group_id: scim_group_id.into(),
            workspace_id: workspace_id.into(),
            extra: Extra::new(),
        }
    }
}

/// `PATCH /scim/group-mappings/{id}` body: the new role.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct UpdateGroupMappingRequest {
    /// Role the group's members get.
    pub role: WorkspaceRole,
    /// Fields this version does not model, sent as is.
    #[serde(flatten)]
    pub extra: Extra,
}

impl UpdateGroupMappingRequest {
    /// Changes the role to `role`.
    pub fn new(role: impl Into<WorkspaceRole>) -> Self {
        Self {
            role: role.into(),
            extra: Extra::new(),
        }
    }
}

/// `DELETE /scim/group-mappings/{id}` query. `keep_members` has no default on
/// purpose (the API answers 400 without it): `false` removes the members the
/// mapping granted access to, `true` keeps them as manually managed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct DeleteGroupMappingQuery {
    /// Whether the workspace keeps the mapping's members.
    pub keep_members: bool,
}

impl DeleteGroupMappingQuery {
    /// A query that keeps (`true`) or removes (`false`) the members.
    pub fn new(keep_members: bool) -> Self {
        Self { keep_members }
    }

    /// The query as `(name, value)` pairs.
    pub fn to_query_pairs(&self) -> Vec<(&'static str, String)> {
        vec![("keep_members", self.keep_members.to_string())]
    }
}
