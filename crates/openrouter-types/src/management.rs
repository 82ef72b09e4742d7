//! Shapes shared by the management-key endpoints (guardrails, workspaces,
//! observability destinations, SCIM…): the offset/limit page envelope, its
//! query, and the `{"deleted": true}` answer, written once for every area.
//!
//! Every paged list of these areas answers `{"data": [...], "total_count": N}`
//! and takes `offset` (default 0) and `limit` (default 50, at most 100); there
//! are no cursors or links. A page is the last one when `offset + data.len()`
//! reaches `total_count`, or when it comes back empty.
//!
//! ```
//! use openrouter_types::management::ListPage;
//! let page: ListPage<serde_json::Value> = serde_json::from_value(serde_json::json!({
//!     "data": [{"id": "a"}, {"id": "b"}],
//!     "total_count": 5
//! }))?;
//! assert_eq!(page.next_offset(0), Some(2));
//! assert_eq!(page.next_offset(3), None);
//! assert_eq!(
//!     serde_json::to_value(&page)?,
//!     serde_json::json!({"data": [{"id": "a"}, {"id": "b"}], "total_count": 5})
//! );
//! # Ok::<(), serde_json::Error>(())
//! ```

use serde::{Deserialize, Deserializer, Serialize};

use crate::Extra;
use crate::models::PageQuery;

/// One page of an offset/limit list: `{"data": [...], "total_count": N}`.
///
/// Used by `GET /guardrails`, `/guardrails/assignments/*`,
/// `/guardrails/{id}/assignments/*`, `/workspaces`, `/workspaces/{id}/members`,
/// `/observability/destinations`, `/scim/group-mappings` and `/scim/groups`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ListPage<T> {
    /// The items of this page.
    pub data: Vec<T>,
    /// How many items the whole list holds, across all pages.
    pub total_count: u64,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

impl<T> ListPage<T> {
    /// A page holding `data` out of `total_count` items.
    pub fn new(data: Vec<T>, total_count: u64) -> Self {
        Self {
            data,
            total_count,
            extra: Extra::new(),
        }
    }

    /// The `offset` of the next page, given the `offset` this page was asked
    /// with; `None` when this is the last page.
    ///
    /// The API pages by offset: the next page starts after the items received
    /// (whatever `limit` the server applied), and there is none once
    /// `total_count` is reached. An empty page also ends the list, so a
    /// `total_count` that grows while paging cannot loop forever.
    pub fn next_offset(&self, current_offset: u64) -> Option<u64> {
        crate::paging::next_offset_with_total(current_offset, self.data.len(), self.total_count)
    }

    /// The items, envelope dropped.
    pub fn into_inner(self) -> Vec<T> {
        self.data
    }
}

/// Query of a paged list that can be scoped to a workspace (`GET /guardrails`,
/// `GET /observability/destinations`). Lists without `workspace_id` take a
/// [`PageQuery`].
///
/// ```
/// use openrouter_types::management::WorkspacePageQuery;
/// let q = WorkspacePageQuery::new().offset(50).workspace_id("6b8f2d1e-4a3c-4f9b-9e7d-1c2b3a4d5e6f");
/// assert_eq!(
///     q.to_query_pairs(),
///     vec![("offset", "50".to_owned()), ("workspace_id", "6b8f2d1e-4a3c-4f9b-9e7d-1c2b3a4d5e6f".to_owned())]
/// );
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct WorkspacePageQuery {
    /// Skip this many items (default 0).
    pub offset: Option<u64>,
    /// At most this many items (default 50, at most 100).
    pub limit: Option<u64>,
    /// Only items of this workspace (default: the default workspace).
    pub workspace_id: Option<String>,
}

impl WorkspacePageQuery {
    /// The server's defaults: first page, default workspace.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets `offset`.
    #[must_use]
    pub fn offset(mut self, offset: u64) -> Self {
        self.offset = Some(offset);
        self
    }

    /// Sets `limit`.
    #[must_use]
    pub fn limit(mut self, limit: u64) -> Self {
        self.limit = Some(limit);
        self
    }

    /// Sets `workspace_id`.
    #[must_use]
    pub fn workspace_id(mut self, workspace_id: impl Into<String>) -> Self {
        self.workspace_id = Some(workspace_id.into());
        self
    }

    /// The query as `(name, value)` pairs, unset parameters left out.
    pub fn to_query_pairs(&self) -> Vec<(&'static str, String)> {
        let page = PageQuery {
            offset: self.offset,
            limit: self.limit,
        };
        let mut out = page.to_query_pairs();
        if let Some(workspace) = &self.workspace_id {
            out.push(("workspace_id", workspace.clone()));
        }
        out
    }
}

/// The answer of the management `DELETE` operations: `{"deleted": true}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Deleted {
    /// Always `true` on success.
    pub deleted: bool,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

/// Decodes a patch field that is present (`null` included) to `Some(_)`, so a
/// patch can tell "set to null" from "leave alone" (absent decodes to `None`
/// through `#[serde(default)]`).
pub(crate) fn present<'de, T, D>(deserializer: D) -> Result<Option<Option<T>>, D::Error>
where
    T: Deserialize<'de>,
    D: Deserializer<'de>,
{
    Option::<T>::deserialize(deserializer).map(Some)
}

/// A non-empty list as `Some(Some(list))`; an empty one as `Some(None)`,
/// which sends `null` (the API takes `null` for "no list" and rejects `[]`).
pub(crate) fn list_or_null<T>(items: impl IntoIterator<Item = T>) -> Option<Option<Vec<T>>> {
    let items: Vec<T> = items.into_iter().collect();
    Some((!items.is_empty()).then_some(items))
}

/// Declares the chainable setters of a request builder, one line each:
/// `set` stores `Some(value)`; `patch` stores `Some(Some(value))` (a nullable
/// field of a patch); `clear` stores `Some(None)`, which sends `null`; `list`
/// stores a list as [`list_or_null`] does; `extra_field` adds the usual
/// setter of an unmodelled field.
macro_rules! setters {
    () => {};
    ($(#[$doc:meta])* set $name:ident($arg:ident: $ty:ty) => $field:ident; $($rest:tt)*) => {
        $(#[$doc])*
        #[must_use]
        #[allow(clippy::useless_conversion, reason = "one body for `impl Into<T>` and plain `T` arguments")]
        pub fn $name(mut self, $arg: $ty) -> Self {
            self.$field = Some($arg.into());
            self
        }
        $crate::management::setters!($($rest)*);
    };
    ($(#[$doc:meta])* patch $name:ident($arg:ident: $ty:ty) => $field:ident; $($rest:tt)*) => {
        $(#[$doc])*
        #[must_use]
        #[allow(clippy::useless_conversion, reason = "one body for `impl Into<T>` and plain `T` arguments")]
        pub fn $name(mut self, $arg: $ty) -> Self {
            self.$field = Some(Some($arg.into()));
            self
        }
        $crate::management::setters!($($rest)*);
    };
    ($(#[$doc:meta])* clear $name:ident => $field:ident; $($rest:tt)*) => {
        $(#[$doc])*
        #[must_use]
        pub fn $name(mut self) -> Self {
            self.$field = Some(None);
            self
        }
        $crate::management::setters!($($rest)*);
    };
    ($(#[$doc:meta])* list $name:ident($arg:ident: $item:ty) => $field:ident; $($rest:tt)*) => {
        $(#[$doc])*
        #[must_use]
        pub fn $name(mut self, $arg: impl IntoIterator<Item = impl Into<$item>>) -> Self {
            self.$field = $crate::management::list_or_null($arg.into_iter().map(Into::into));
            self
        }
        $crate::management::setters!($($rest)*);
    };
    (extra_field; $($rest:tt)*) => {
        /// Adds a field this version does not model.
        #[must_use]
        pub fn extra_field(mut self, name: impl Into<String>, value: serde_json::Value) -> Self {
            self.extra.insert(name.into(), value);
            self
        }
        $crate::management::setters!($($rest)*);
    };
}

pub(crate) use setters;

#[cfg(test)]
mod tests {
    use super::*;

    fn page(len: usize, total_count: u64) -> ListPage<u32> {
        ListPage::new(vec![0; len], total_count)
    }

    #[test]
    fn next_offset_follows_the_items_received_until_total_count() {
        assert_eq!(page(50, 120).next_offset(0), Some(50));
        assert_eq!(page(50, 120).next_offset(50), Some(100));
        assert_eq!(page(20, 120).next_offset(100), None);
        // The server may apply a smaller limit than asked: count what came.
        assert_eq!(page(10, 120).next_offset(0), Some(10));
    }

    #[test]
    fn an_empty_or_overshooting_page_ends_the_list() {
        assert_eq!(page(0, 120).next_offset(0), None);
        assert_eq!(page(0, 0).next_offset(0), None);
        assert_eq!(page(5, 3).next_offset(0), None);
        assert_eq!(page(1, u64::MAX).next_offset(u64::MAX), None);
    }

    #[test]
    fn workspace_page_query_keeps_the_spec_parameter_order() {
        let q = WorkspacePageQuery::new()
            .workspace_id("ws")
            .limit(100)
            .offset(200);
        assert_eq!(
            q.to_query_pairs(),
            vec![
                ("offset", "200".to_owned()),
                ("limit", "100".to_owned()),
                ("workspace_id", "ws".to_owned())
            ]
        );
        assert!(WorkspacePageQuery::new().to_query_pairs().is_empty());
    }
}

/// A page of a list that pages by offset: what a client needs to follow it
/// to the end ([`next_offset`](Self::next_offset)) and to hand out its items.
///
/// ```
/// use openrouter_types::management::{ListPage, OffsetPage};
/// let page: ListPage<u32> = serde_json::from_value(serde_json::json!({"data": [1, 2], "total_count": 3}))?;
/// assert_eq!(OffsetPage::next_offset(&page, 0), Some(2));
/// assert_eq!(page.into_items(), vec![1, 2]);
/// # Ok::<(), serde_json::Error>(())
/// ```
pub trait OffsetPage {
    /// What the list holds.
    type Item;
    /// The offset of the next page after this one fetched at `current_offset`, if any.
    fn next_offset(&self, current_offset: u64) -> Option<u64>;
    /// The page's items.
    fn into_items(self) -> Vec<Self::Item>;
}

impl<T> OffsetPage for ListPage<T> {
    type Item = T;
    fn next_offset(&self, current_offset: u64) -> Option<u64> {
        ListPage::next_offset(self, current_offset)
    }
    fn into_items(self) -> Vec<T> {
        self.data
    }
}

/// Implements [`OffsetPage`] for list types that carry `data` and their own `next_offset`.
macro_rules! offset_page {
    ($($list:ty => $item:ty),* $(,)?) => {$(
        impl OffsetPage for $list {
            type Item = $item;
            fn next_offset(&self, current_offset: u64) -> Option<u64> {
                <$list>::next_offset(self, current_offset)
            }
            fn into_items(self) -> Vec<$item> {
                self.data
            }
        }
    )*};
}

offset_page! {
    crate::byok::ByokKeyList => crate::byok::ByokKey,
    crate::organization::MemberList => crate::organization::OrganizationMember,
    crate::presets::PresetList => crate::presets::Preset,
    crate::presets::PresetVersionList => crate::presets::PresetVersion,
}
