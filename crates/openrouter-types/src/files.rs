//! Stored files (`POST /files` multipart upload, `GET /files`, `GET /files/{file_id}`,
//! `DELETE /files/{file_id}`, `GET /files/{file_id}/content` raw bytes).
//!
//! Answers come in one of three shapes, named by a `_shape` field:
//! OpenRouter's own (the default), or OpenAI's or Anthropic's when the
//! request names that `provider` (files stored there with your own key).
//! [`FileMetadata`], [`FileList`] and [`FileDeleted`] each hold the union of
//! the three, so one type reads every shape and writes it back unchanged.
//!
//! The upload is `multipart/form-data` with the bytes in a part named
//! [`UploadFileForm::FILE_FIELD`]; [`UploadFileForm`] carries the file
//! part's name and type and any other form fields, and [`FilesQuery`] the
//! query string. The content download is the raw bytes
//! (`application/octet-stream`), with no JSON type.
//!
//! ```
//! use openrouter_types::files::{FileCursor, FileList, ListFilesQuery};
//! let page: FileList = serde_json::from_value(serde_json::json!({
//!     "_shape": "openrouter", "cursor": "eyJjdXJzb3IiOiJvcl9maWxlXzAxIn0",
//!     "data": [{"_shape": "openrouter", "created_at": "2025-01-01T00:00:00Z",
//!               "downloadable": false, "filename": "document.pdf",
//!               "id": "or_file_011CNha8iCJcU1wXNR6q4V8w", "mime_type": "application/pdf",
//!               "size_bytes": 1024000, "type": "file"}],
//!     "first_id": "or_file_011CNha8iCJcU1wXNR6q4V8w", "has_more": true,
//!     "last_id": "or_file_011CNha8iCJcU1wXNR6q4V8w"}))?;
//! assert_eq!(page.data[0].size(), Some(1_024_000));
//! let next = page.next_cursor().expect("has more");
//! assert_eq!(next, FileCursor::Cursor("eyJjdXJzb3IiOiJvcl9maWxlXzAxIn0".into()));
//! let query = ListFilesQuery::new().limit(100).page(next);
//! assert_eq!(
//!     query.to_query_pairs(),
//!     vec![("limit", "100".to_owned()), ("cursor", "eyJjdXJzb3IiOiJvcl9maWxlXzAxIn0".to_owned())]
//! );
//! # Ok::<(), serde_json::Error>(())
//! ```

use serde::{Deserialize, Serialize};

use crate::Extra;
use crate::nullable::present;
use crate::open_enum::open_enum;

open_enum! {
    /// Which API's shape an answer takes (its `_shape` field).
    pub enum FileShape {
        /// OpenRouter's own (Anthropic's plus OpenRouter fields).
        OpenRouter = "openrouter",
        /// OpenAI's Files API.
        OpenAi = "openai",
        /// Anthropic's Files API.
        Anthropic = "anthropic",
    }
}

open_enum! {
    /// Where a file lives when not in OpenRouter storage (the `provider`
    /// query parameter): that provider, with your own key for it.
    pub enum FileProvider {
        /// OpenAI.
        OpenAi = "openai",
        /// Anthropic.
        Anthropic = "anthropic",
    }
}

open_enum! {
    /// An OpenAI-shaped file's `purpose`.
    pub enum FilePurpose {
        /// `assistants`.
        Assistants = "assistants",
        /// `batch`.
        Batch = "batch",
        /// `fine-tune`.
        FineTune = "fine-tune",
        /// `vision`.
        Vision = "vision",
        /// `user_data`.
        UserData = "user_data",
        /// `evals`.
        Evals = "evals",
        /// `assistants_output`.
        AssistantsOutput = "assistants_output",
        /// `batch_output`.
        BatchOutput = "batch_output",
        /// `fine-tune-results`.
        FineTuneResults = "fine-tune-results",
    }
}

open_enum! {
    /// An OpenAI-shaped file's `status`.
    pub enum FileStatus {
        /// Ready to use.
        Processed = "processed",
    }
}

open_enum! {
    /// List order.
    pub enum FileOrder {
        /// Oldest first (the only order OpenRouter storage supports).
        Asc = "asc",
        /// Newest first.
        Desc = "desc",
    }
}

/// A file's creation time: ISO 8601 in the OpenRouter and Anthropic
/// shapes, Unix seconds in OpenAI's.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
#[non_exhaustive]
pub enum FileTimestamp {
    /// Unix seconds (OpenAI shape).
    Unix(i64),
    /// ISO 8601 text.
    Iso(String),
}

/// A stored file (upload answer, `GET /files/{file_id}`, list items), in
/// any of the three shapes. Fields in the spec's (alphabetical) order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct FileMetadata {
    /// The shape (`_shape`).
    #[serde(rename = "_shape", default, skip_serializing_if = "Option::is_none")]
    pub shape: Option<FileShape>,
    /// Size in bytes (OpenAI shape; see [`FileMetadata::size`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bytes: Option<u64>,
    /// Creation time.
    pub created_at: FileTimestamp,
    /// Whether `GET /files/{file_id}/content` serves it (only files created
    /// server-side are downloadable).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub downloadable: Option<bool>,
    /// File name.
    pub filename: String,
    /// Id (`or_file_…` in OpenRouter storage).
    pub id: String,
    /// MIME type, sniffed from the content (OpenRouter and Anthropic shapes).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mime_type: Option<String>,
    /// `file` (OpenAI shape).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub object: Option<String>,
    /// Purpose (OpenAI shape).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub purpose: Option<FilePurpose>,
    /// Size in bytes (OpenRouter and Anthropic shapes; see [`FileMetadata::size`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub size_bytes: Option<u64>,
    /// Processing status (OpenAI shape).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<FileStatus>,
    /// `file` (OpenRouter and Anthropic shapes).
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

impl FileMetadata {
    /// Size in bytes, whichever shape carried it.
    pub fn size(&self) -> Option<u64> {
        self.size_bytes.or(self.bytes)
    }

    /// Whether the content can be downloaded (`false` when not said).
    pub fn is_downloadable(&self) -> bool {
        self.downloadable.unwrap_or(false)
    }
}

/// `GET /files` answer: a page of files, in any of the three shapes.
///
/// How it pages depends on the shape; [`FileList::next_cursor`] encodes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct FileList {
    /// The shape (`_shape`).
    #[serde(rename = "_shape", default, skip_serializing_if = "Option::is_none")]
    pub shape: Option<FileShape>,
    /// OpenRouter shape only: the opaque cursor of the next page, `null`
    /// (`Some(None)`) on the last; absent (`None`) in the other shapes. Read
    /// it with [`FileList::cursor`].
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "present"
    )]
    pub cursor: Option<Option<String>>,
    /// This page.
    pub data: Vec<FileMetadata>,
    /// Id of the first file of the page (`null` when empty).
    #[serde(default)]
    pub first_id: Option<String>,
    /// Whether more files follow.
    pub has_more: bool,
    /// Id of the last file of the page (`null` when empty).
    #[serde(default)]
    pub last_id: Option<String>,
    /// `list` (OpenAI shape).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub object: Option<String>,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

impl FileList {
    /// The OpenRouter shape's cursor for the next page, if any.
    pub fn cursor(&self) -> Option<&str> {
        self.cursor.as_ref().and_then(Option::as_deref)
    }

    /// Where the next page starts, or `None` after the last page.
    ///
    /// - OpenRouter shape (a `cursor` field): the cursor while it is a
    ///   non-empty string; `null` ends the list.
    /// - OpenAI shape (`_shape: openai`, or an `object` field): `after` the
    ///   `last_id` while `has_more`.
    /// - Anthropic shape (otherwise): `after_id` the `last_id` while `has_more`.
    ///
    /// Apply it with [`ListFilesQuery::page`].
    pub fn next_cursor(&self) -> Option<FileCursor> {
        if let Some(cursor) = &self.cursor {
            return cursor
                .as_deref()
                .filter(|c| !c.is_empty())
                .map(|c| FileCursor::Cursor(c.to_owned()));
        }
        if !self.has_more {
            return None;
        }
        let last = self.last_id.clone()?;
        if self.shape == Some(FileShape::OpenAi) || self.object.is_some() {
            Some(FileCursor::After(last))
        } else {
            Some(FileCursor::AfterId(last))
        }
    }
}

/// Where the next page of `GET /files` starts: one query parameter.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum FileCursor {
    /// `cursor=<opaque>` (OpenRouter storage).
    Cursor(String),
    /// `after=<id>` (OpenAI-style).
    After(String),
    /// `after_id=<id>` (Anthropic-style).
    AfterId(String),
}

impl FileCursor {
    /// The `(name, value)` query pair.
    pub fn query_pair(&self) -> (&'static str, String) {
        match self {
            Self::Cursor(value) => ("cursor", value.clone()),
            Self::After(value) => ("after", value.clone()),
            Self::AfterId(value) => ("after_id", value.clone()),
        }
    }
}

/// `DELETE /files/{file_id}` answer, in any of the three shapes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct FileDeleted {
    /// The shape (`_shape`).
    #[serde(rename = "_shape", default, skip_serializing_if = "Option::is_none")]
    pub shape: Option<FileShape>,
    /// `true` (OpenAI shape).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deleted: Option<bool>,
    /// The deleted file's id.
    pub id: String,
    /// `file` (OpenAI shape).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub object: Option<String>,
    /// `file_deleted` (OpenRouter and Anthropic shapes).
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

/// The query of `POST /files`, `GET`/`DELETE /files/{file_id}` and
/// `GET /files/{file_id}/content`: which storage to use.
///
/// ```
/// use openrouter_types::files::{FileProvider, FilesQuery};
/// let q = FilesQuery::new().provider(FileProvider::OpenAi);
/// assert_eq!(q.to_query_pairs(), vec![("provider", "openai".to_owned())]);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct FilesQuery {
    /// Workspace (default: the caller's default workspace).
    pub workspace_id: Option<String>,
    /// Use this provider's storage with your own key (default: OpenRouter storage).
    pub provider: Option<FileProvider>,
}

impl FilesQuery {
    /// OpenRouter storage, default workspace.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets `workspace_id`.
    #[must_use]
    pub fn workspace_id(mut self, workspace_id: impl Into<String>) -> Self {
        self.workspace_id = Some(workspace_id.into());
        self
    }

    /// Sets `provider`.
    #[must_use]
    pub fn provider(mut self, provider: impl Into<FileProvider>) -> Self {
        self.provider = Some(provider.into());
        self
    }

    /// The query as `(name, value)` pairs, unset parameters left out.
    pub fn to_query_pairs(&self) -> Vec<(&'static str, String)> {
        let mut out = Vec::new();
        if let Some(workspace) = &self.workspace_id {
            out.push(("workspace_id", workspace.clone()));
        }
        if let Some(provider) = &self.provider {
            out.push(("provider", provider.as_str().to_owned()));
        }
        out
    }
}

/// `GET /files` query: storage, page size and where the page starts.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct ListFilesQuery {
    /// Page size, 1 to 1000.
    pub limit: Option<u64>,
    /// Opaque cursor from the previous page (OpenRouter storage).
    pub cursor: Option<String>,
    /// Workspace (default: the caller's default workspace).
    pub workspace_id: Option<String>,
    /// Use this provider's storage with your own key.
    pub provider: Option<FileProvider>,
    /// OpenAI-style forward cursor: list after this id.
    pub after: Option<String>,
    /// Anthropic-style forward cursor: list after this id.
    pub after_id: Option<String>,
    /// Anthropic-style reverse cursor (not in OpenRouter storage).
    pub before_id: Option<String>,
    /// Order (OpenRouter storage supports only `asc`).
    pub order: Option<FileOrder>,
}

impl ListFilesQuery {
    /// The first page, server defaults.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets `limit`.
    #[must_use]
    pub fn limit(mut self, limit: u64) -> Self {
        self.limit = Some(limit);
        self
    }

    /// Sets `cursor`.
    #[must_use]
    pub fn cursor(mut self, cursor: impl Into<String>) -> Self {
        self.cursor = Some(cursor.into());
        self
    }

    /// Sets `workspace_id`.
    #[must_use]
    pub fn workspace_id(mut self, workspace_id: impl Into<String>) -> Self {
        self.workspace_id = Some(workspace_id.into());
        self
    }

    /// Sets `provider`.
    #[must_use]
    pub fn provider(mut self, provider: impl Into<FileProvider>) -> Self {
        self.provider = Some(provider.into());
        self
    }

    /// Sets `after`.
    #[must_use]
    pub fn after(mut self, id: impl Into<String>) -> Self {
        self.after = Some(id.into());
        self
    }

    /// Sets `after_id`.
    #[must_use]
    pub fn after_id(mut self, id: impl Into<String>) -> Self {
        self.after_id = Some(id.into());
        self
    }

    /// Sets `before_id`.
    #[must_use]
    pub fn before_id(mut self, id: impl Into<String>) -> Self {
        self.before_id = Some(id.into());
        self
    }

    /// Sets `order`.
    #[must_use]
    pub fn order(mut self, order: impl Into<FileOrder>) -> Self {
        self.order = Some(order.into());
        self
    }

    /// The same query moved to the page `cursor` names (from
    /// [`FileList::next_cursor`]); the other page positions are cleared.
    #[must_use]
    pub fn page(mut self, cursor: FileCursor) -> Self {
        self.cursor = None;
        self.after = None;
        self.after_id = None;
        self.before_id = None;
        match cursor {
            FileCursor::Cursor(value) => self.cursor = Some(value),
            FileCursor::After(value) => self.after = Some(value),
            FileCursor::AfterId(value) => self.after_id = Some(value),
        }
        self
    }

    /// The query as `(name, value)` pairs, unset parameters left out.
    pub fn to_query_pairs(&self) -> Vec<(&'static str, String)> {
        let mut out = Vec::new();
        if let Some(limit) = self.limit {
            out.push(("limit", limit.to_string()));
        }
        let texts = [
            ("cursor", &self.cursor),
            ("workspace_id", &self.workspace_id),
        ];
        for (name, value) in texts {
            if let Some(value) = value {
                out.push((name, value.clone()));
            }
        }
        if let Some(provider) = &self.provider {
            out.push(("provider", provider.as_str().to_owned()));
        }
        let ids = [
            ("after", &self.after),
            ("after_id", &self.after_id),
            ("before_id", &self.before_id),
        ];
        for (name, value) in ids {
            if let Some(value) = value {
                out.push((name, value.clone()));
            }
        }
        if let Some(order) = &self.order {
            out.push(("order", order.as_str().to_owned()));
        }
        out
    }
}

/// `POST /files` form, apart from the file's bytes: the file part's name
/// and type, and any other form fields (the spec lists none besides
/// `file`). Pair it with a [`FilesQuery`]; the answer is a [`FileMetadata`].
///
/// The server sniffs the type from the content (PDF, PNG/JPEG/GIF/WebP,
/// DOCX/XLSX/PPTX, MP3/WAV/FLAC/OGG, UTF-8 text), not from the name or the
/// declared type; at most 100 MB, and empty files are rejected.
///
/// ```
/// use openrouter_types::files::UploadFileForm;
/// let form = UploadFileForm::new("batch.jsonl").content_type("application/x-ndjson");
/// assert_eq!(UploadFileForm::FILE_FIELD, "file");
/// assert_eq!(form.filename, "batch.jsonl");
/// assert!(form.form_fields().is_empty());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct UploadFileForm {
    /// The file part's file name.
    pub filename: String,
    /// The file part's `Content-Type` (default `application/octet-stream`).
    pub content_type: Option<String>,
    /// Other form fields, in order.
    pub fields: Vec<(&'static str, String)>,
}

impl UploadFileForm {
    /// The name of the form part that carries the bytes.
    pub const FILE_FIELD: &'static str = "file";

    /// A form uploading a file named `filename`.
    pub fn new(filename: impl Into<String>) -> Self {
        Self {
            filename: filename.into(),
            content_type: None,
            fields: Vec::new(),
        }
    }

    /// Sets the file part's `Content-Type`.
    #[must_use]
    pub fn content_type(mut self, content_type: impl Into<String>) -> Self {
        self.content_type = Some(content_type.into());
        self
    }

    /// Adds a form field this version does not model.
    #[must_use]
    pub fn field(mut self, name: &'static str, value: impl Into<String>) -> Self {
        self.fields.push((name, value.into()));
        self
    }

    /// The form's non-file fields as `(name, value)` pairs, in order.
    pub fn form_fields(&self) -> Vec<(&'static str, String)> {
        self.fields.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list(value: serde_json::Value) -> FileList {
        serde_json::from_value(value).unwrap()
    }

    #[test]
    fn the_openrouter_shape_pages_by_cursor_until_null() {
        let more = list(
            serde_json::json!({"_shape": "openrouter", "cursor": "abc", "data": [],
            "first_id": null, "has_more": true, "last_id": null}),
        );
        assert_eq!(more.next_cursor(), Some(FileCursor::Cursor("abc".into())));
        let last = list(
            serde_json::json!({"_shape": "openrouter", "cursor": null, "data": [],
            "first_id": null, "has_more": false, "last_id": null}),
        );
        assert_eq!(last.cursor, Some(None));
        assert_eq!(last.next_cursor(), None);
    }

    #[test]
    fn the_openai_and_anthropic_shapes_page_after_the_last_id() {
        let openai = list(
            serde_json::json!({"_shape": "openai", "data": [], "first_id": "file-a",
            "has_more": true, "last_id": "file-b", "object": "list"}),
        );
        assert_eq!(
            openai.next_cursor(),
            Some(FileCursor::After("file-b".into()))
        );
        let anthropic = list(serde_json::json!({"_shape": "anthropic", "data": [],
            "first_id": "file-a", "has_more": true, "last_id": "file-b"}));
        assert_eq!(
            anthropic.next_cursor(),
            Some(FileCursor::AfterId("file-b".into()))
        );
        let done = list(serde_json::json!({"_shape": "anthropic", "data": [],
            "first_id": "file-a", "has_more": false, "last_id": "file-b"}));
        assert_eq!(done.next_cursor(), None);
        let query = ListFilesQuery::new()
            .cursor("stale")
            .page(FileCursor::AfterId("file-b".into()));
        assert_eq!(
            query.to_query_pairs(),
            vec![("after_id", "file-b".to_owned())]
        );
    }
}
