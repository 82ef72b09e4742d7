//! Reranking (`POST /rerank`): order documents by relevance to a query.
//!
//! Fields are declared in the spec's property order, which is the order
//! they go on the wire.
//!
//! ```
//! use openrouter_types::rerank::{RerankDocument, RerankRequest, RerankResponse};
//! let request = RerankRequest::new(
//!     "cohere/rerank-v3.5",
//!     "What is the capital of France?",
//!     ["Berlin is the capital of Germany.", "Paris is the capital of France."],
//! )
//! .top_n(1);
//! assert_eq!(
//!     serde_json::to_value(&request)?,
//!     serde_json::json!({"documents": ["Berlin is the capital of Germany.",
//!                                      "Paris is the capital of France."],
//!                        "model": "cohere/rerank-v3.5",
//!                        "query": "What is the capital of France?", "top_n": 1})
//! );
//! let response: RerankResponse = serde_json::from_value(serde_json::json!({
//!     "id": "gen-rerank-1", "model": "cohere/rerank-v3.5",
//!     "results": [{"document": {"text": "Paris is the capital of France."},
//!                  "index": 1, "relevance_score": 0.98}],
//!     "usage": {"cost": 0.002, "search_units": 1}}))?;
//! assert_eq!(response.results[0].index, 1);
//! assert_eq!(response.best().and_then(|r| r.document.text.as_deref()),
//!            Some("Paris is the capital of France."));
//! # Ok::<(), serde_json::Error>(())
//! ```

use serde::{Deserialize, Serialize};

use crate::routing::ProviderPreferences;
use crate::{Extra, ModelId};

/// `POST /rerank` body.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct RerankRequest {
    /// The documents to rank (at least one): texts, or objects with text and/or an image.
    pub documents: Vec<RerankDocument>,
    /// Rerank model slug, e.g. `cohere/rerank-v3.5`.
    pub model: ModelId,
    /// Provider routing preferences.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provider: Option<ProviderPreferences>,
    /// The query to rank the documents against.
    pub query: String,
    /// How many of the best documents to return (at least 1; default all).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub top_n: Option<u32>,
    /// Fields this version does not model, sent as is.
    #[serde(flatten)]
    pub extra: Extra,
}

impl RerankRequest {
    /// A request to rank `documents` against `query` with `model`.
    pub fn new<D: Into<RerankDocument>>(
        model: impl Into<ModelId>,
        query: impl Into<String>,
        documents: impl IntoIterator<Item = D>,
    ) -> Self {
        Self {
            documents: documents.into_iter().map(Into::into).collect(),
            model: model.into(),
            provider: None,
            query: query.into(),
            top_n: None,
            extra: Extra::new(),
        }
    }

    /// Sets provider routing preferences.
    #[must_use]
    pub fn provider(mut self, provider: impl Into<ProviderPreferences>) -> Self {
        self.provider = Some(provider.into());
        self
    }

    /// Returns only the `n` most relevant documents.
    #[must_use]
    pub fn top_n(mut self, n: u32) -> Self {
        self.top_n = Some(n);
        self
    }

    /// Adds a field this version does not model.
    #[must_use]
    pub fn extra_field(mut self, name: impl Into<String>, value: serde_json::Value) -> Self {
        self.extra.insert(name.into(), value);
        self
    }
}

/// One document to rerank: a plain string, or an object with `text` and/or
/// `image` (for multimodal rerankers).
///
/// ```
/// use openrouter_types::rerank::RerankDocument;
/// let doc = RerankDocument::image("https://example.com/cat.png").with_text("a cat");
/// assert_eq!(
///     serde_json::to_value(&doc)?,
///     serde_json::json!({"image": "https://example.com/cat.png", "text": "a cat"})
/// );
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
#[non_exhaustive]
pub enum RerankDocument {
    /// A text.
    Text(String),
    /// An object with `text` and/or `image`.
    Structured(DocumentContent),
}

impl RerankDocument {
    /// A structured document holding only an image (http(s) URL or `data:image/…` URI).
    pub fn image(url: impl Into<String>) -> Self {
        Self::Structured(DocumentContent {
            image: Some(url.into()),
            text: None,
            extra: Extra::new(),
        })
    }

    /// Adds a text to the document (a plain text becomes a structured one).
    #[must_use]
    pub fn with_text(self, text: impl Into<String>) -> Self {
        let mut content = match self {
            Self::Text(_) => DocumentContent::default(),
            Self::Structured(content) => content,
        };
        content.text = Some(text.into());
        Self::Structured(content)
    }

    /// The document's text, if it has one.
    pub fn text(&self) -> Option<&str> {
        match self {
            Self::Text(text) => Some(text),
            Self::Structured(content) => content.text.as_deref(),
        }
    }
}

impl From<&str> for RerankDocument {
    fn from(text: &str) -> Self {
        Self::Text(text.to_owned())
    }
}

impl From<String> for RerankDocument {
    fn from(text: String) -> Self {
        Self::Text(text)
    }
}

impl From<DocumentContent> for RerankDocument {
    fn from(content: DocumentContent) -> Self {
        Self::Structured(content)
    }
}

/// A document's content as an object: in a request's `documents`, and as
/// each result's `document` echo.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct DocumentContent {
    /// An image: http(s) URL or `data:image/…` URI.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image: Option<String>,
    /// The text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

/// `POST /rerank` answer: the documents by descending relevance.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct RerankResponse {
    /// Generation id (`gen-rerank-…`), usable with `GET /generation`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Model that served it.
    pub model: String,
    /// Provider that served it, e.g. `Cohere`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provider: Option<String>,
    /// Results sorted by relevance, best first.
    pub results: Vec<RerankResult>,
    /// Search units, tokens and cost.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub usage: Option<RerankUsage>,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

impl RerankResponse {
    /// The most relevant result (the first; results come sorted).
    pub fn best(&self) -> Option<&RerankResult> {
        self.results.first()
    }

    /// Indexes into the request's `documents`, best first.
    pub fn ranking(&self) -> Vec<usize> {
        self.results.iter().map(|r| r.index).collect()
    }
}

/// One ranked document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct RerankResult {
    /// The document as sent (text and/or image).
    pub document: DocumentContent,
    /// Its index in the request's `documents`.
    pub index: usize,
    /// Relevance to the query (higher is more relevant).
    pub relevance_score: f64,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

/// `usage` of a rerank response.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct RerankUsage {
    /// USD charged (credits).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cost: Option<f64>,
    /// Search units billed (Cohere's unit).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub search_units: Option<u64>,
    /// Tokens processed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total_tokens: Option<u64>,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}
