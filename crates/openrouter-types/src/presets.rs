//! Saved presets, read side (`GET /presets`, `/presets/{slug}`, `/presets/{slug}/versions`,
//! `/presets/{slug}/versions/{version}`).
//!
//! Both lists page by `offset`/`limit` with a `total_count`
//! ([`PresetList::next_offset`]). A preset version's `config` is the saved
//! request parameters, kept as a JSON object.
//!
//! ```
//! use openrouter_types::Data;
//! use openrouter_types::presets::{Preset, PresetStatus};
//! let body: Data<Preset> = serde_json::from_value(serde_json::json!({"data": {
//!     "created_at": "2026-04-20T10:00:00Z", "creator_user_id": null, "description": null,
//!     "designated_version_id": "550e8400-e29b-41d4-a716-446655440000",
//!     "id": "650e8400-e29b-41d4-a716-446655440001", "name": "my-preset", "slug": "my-preset",
//!     "status": "active", "status_updated_at": null, "updated_at": "2026-04-20T10:00:00Z",
//!     "workspace_id": null,
//!     "designated_version": {"config": {"model": "openai/gpt-4o", "temperature": 0.7},
//!         "created_at": "2026-04-20T10:00:00Z", "creator_id": "user_2dHFtVWx2n56w6HkM0000000000",
//!         "id": "550e8400-e29b-41d4-a716-446655440000",
//!         "preset_id": "650e8400-e29b-41d4-a716-446655440001",
//!         "system_prompt": null, "updated_at": "2026-04-20T10:00:00Z", "version": 1}}}))?;
//! assert_eq!(body.data.status, PresetStatus::Active);
//! let version = body.data.designated_version().expect("designated");
//! assert_eq!(version.config["model"], "openai/gpt-4o");
//! # Ok::<(), serde_json::Error>(())
//! ```

use serde::{Deserialize, Serialize};

use crate::nullable::present;
use crate::open_enum::open_enum;
use crate::{Extra, paging};

open_enum! {
    /// A preset's status.
    pub enum PresetStatus {
        /// In use.
        Active = "active",
        /// Disabled.
        Disabled = "disabled",
        /// Archived.
        Archived = "archived",
    }
}

/// A preset: `GET /presets` items, and `GET /presets/{slug}` (inside
/// [`Data`](crate::Data)) with its designated version inline (the spec's
/// `PresetWithDesignatedVersion`, also what `POST /presets/{slug}/chat/completions`
/// answers). Fields in the spec's (alphabetical) order; the nullable ones are
/// `None` when sent as `null`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Preset {
    /// Creation time (ISO 8601).
    pub created_at: String,
    /// Who created it.
    #[serde(default)]
    pub creator_user_id: Option<String>,
    /// Description.
    #[serde(default)]
    pub description: Option<String>,
    /// `GET /presets/{slug}` only: the designated version, `Some(None)` when
    /// it is `null` (none designated); `None` in list items, which do not
    /// carry it. Read it with [`Preset::designated_version`].
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "present"
    )]
    pub designated_version: Option<Option<PresetVersion>>,
    /// The version requests with this preset use.
    #[serde(default)]
    pub designated_version_id: Option<String>,
    /// Id (a UUID).
    pub id: String,
    /// Name.
    pub name: String,
    /// URL-safe slug: `@preset/<slug>` in a model, or `/presets/{slug}`.
    pub slug: String,
    /// Status.
    pub status: PresetStatus,
    /// When the status last changed.
    #[serde(default)]
    pub status_updated_at: Option<String>,
    /// Last update (ISO 8601).
    pub updated_at: String,
    /// Workspace it belongs to.
    #[serde(default)]
    pub workspace_id: Option<String>,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

impl Preset {
    /// The designated version, when the answer carries it inline.
    pub fn designated_version(&self) -> Option<&PresetVersion> {
        self.designated_version.as_ref().and_then(Option::as_ref)
    }
}

/// One version of a preset (`GET /presets/{slug}/versions` items,
/// `GET /presets/{slug}/versions/{version}` inside [`Data`](crate::Data)).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PresetVersion {
    /// The saved request parameters (`model`, `temperature`, `provider`…).
    pub config: Extra,
    /// Creation time (ISO 8601).
    pub created_at: String,
    /// Who created it.
    pub creator_id: String,
    /// Version id (a UUID).
    pub id: String,
    /// The preset it belongs to.
    pub preset_id: String,
    /// System prompt; `None` (`null`) when it has none.
    #[serde(default)]
    pub system_prompt: Option<String>,
    /// Last update (ISO 8601).
    pub updated_at: String,
    /// Version number, for `/presets/{slug}/versions/{version}`.
    pub version: u64,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

/// `GET /presets` answer: a page of presets, most recently updated first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PresetList {
    /// This page.
    pub data: Vec<Preset>,
    /// Presets over all pages.
    pub total_count: u64,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

impl PresetList {
    /// The `offset` of the next page, given the `offset` this page was
    /// requested with; `None` after the last page (offset paging up to
    /// `total_count`).
    pub fn next_offset(&self, current_offset: u64) -> Option<u64> {
        paging::next_offset_with_total(current_offset, self.data.len(), self.total_count)
    }
}

/// `GET /presets/{slug}/versions` answer: a page of versions, oldest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PresetVersionList {
    /// This page.
    pub data: Vec<PresetVersion>,
    /// Versions over all pages.
    pub total_count: u64,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

impl PresetVersionList {
    /// The `offset` of the next page, given the `offset` this page was
    /// requested with; `None` after the last page (offset paging up to
    /// `total_count`).
    pub fn next_offset(&self, current_offset: u64) -> Option<u64> {
        paging::next_offset_with_total(current_offset, self.data.len(), self.total_count)
    }
}

/// Paging of `GET /presets` and `GET /presets/{slug}/versions`.
///
/// ```
/// use openrouter_types::presets::ListPresetsQuery;
/// let q = ListPresetsQuery::new().offset(50).limit(50);
/// assert_eq!(q.to_query_pairs(), vec![("offset", "50".to_owned()), ("limit", "50".to_owned())]);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct ListPresetsQuery {
    /// Skip this many (default 0).
    pub offset: Option<u64>,
    /// Page size, 1 to 100 (default 50).
    pub limit: Option<u64>,
}

impl ListPresetsQuery {
    /// The first page, default size.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets `offset`.
    #[must_use]
    pub fn offset(mut self, offset: u64) -> Self {
        self.offset = Some(offset);
        self
    }

    /// Sets `limit` (1 to 100).
    #[must_use]
    pub fn limit(mut self, limit: u64) -> Self {
        self.limit = Some(limit);
        self
    }

    /// The query as `(name, value)` pairs, unset parameters left out.
    pub fn to_query_pairs(&self) -> Vec<(&'static str, String)> {
        let mut out = Vec::new();
        if let Some(offset) = self.offset {
            out.push(("offset", offset.to_string()));
        }
        if let Some(limit) = self.limit {
            out.push(("limit", limit.to_string()));
        }
        out
    }
}
