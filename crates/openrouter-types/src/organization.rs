//! The organization's members (`GET /organization/members`; management key).
//!
//! ```
//! use openrouter_types::organization::{MemberList, OrganizationRole};
//! let page: MemberList = serde_json::from_value(serde_json::json!({
//!     "data": [{"email": "jane.doe@example.com", "first_name": "Jane",
//!               "id": "user_2dHFtVWx2n56w6HkM0000000000", "last_name": null,
//!               "role": "org:admin"}],
//!     "total_count": 25}))?;
//! assert_eq!(page.data[0].role, OrganizationRole::Admin);
//! assert_eq!(page.next_offset(0), Some(1));
//! # Ok::<(), serde_json::Error>(())
//! ```

use serde::{Deserialize, Serialize};

use crate::open_enum::open_enum;
use crate::{Extra, paging};

open_enum! {
    /// A member's role in the organization.
    pub enum OrganizationRole {
        /// `org:admin`.
        Admin = "org:admin",
        /// `org:member`.
        Member = "org:member",
    }
}

/// An organization member. Fields in the spec's order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct OrganizationMember {
    /// Email address.
    pub email: String,
    /// First name; `None` (`null`) when unknown.
    #[serde(default)]
    pub first_name: Option<String>,
    /// User id.
    pub id: String,
    /// Last name; `None` (`null`) when unknown.
    #[serde(default)]
    pub last_name: Option<String>,
    /// Role.
    pub role: OrganizationRole,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

/// `GET /organization/members` answer: a page of members.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct MemberList {
    /// This page.
    pub data: Vec<OrganizationMember>,
    /// Members in the organization.
    pub total_count: u64,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

impl MemberList {
    /// The `offset` of the next page, given the `offset` this page was
    /// requested with; `None` after the last page (offset paging up to
    /// `total_count`).
    pub fn next_offset(&self, current_offset: u64) -> Option<u64> {
        paging::next_offset_with_total(current_offset, self.data.len(), self.total_count)
    }
}

/// `GET /organization/members` query: paging.
///
/// ```
/// use openrouter_types::organization::ListMembersQuery;
/// assert_eq!(ListMembersQuery::new().limit(100).to_query_pairs(), vec![("limit", "100".to_owned())]);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct ListMembersQuery {
    /// Skip this many (default 0).
    pub offset: Option<u64>,
    /// Page size, 1 to 100 (default 50).
    pub limit: Option<u64>,
}

impl ListMembersQuery {
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
