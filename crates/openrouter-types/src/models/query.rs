//! Query parameters of the catalogue endpoints (`GET /models`, `/models/count`,
//! `/models/user`, `/embeddings/models`), as typed builders that render to
//! `(name, value)` pairs any HTTP client can append to a URL.

use super::enums::InputModality;
use super::{ModelCategory, ModelSort, OutputModality, Parameter};

/// Filters, sorting and pagination for `GET /models`.
///
/// Every filter is optional; an empty query returns the whole catalogue (text
/// output models by default, per OpenRouter). Lists are sent comma-separated.
/// Pass [`ModelsQuery::to_query_pairs`] to your HTTP client
/// (`reqwest::RequestBuilder::query` accepts it as is).
///
/// ```
/// use openrouter_types::models::{ModelsQuery, ModelSort, Parameter};
/// let query = ModelsQuery::new()
///     .supported_parameters([Parameter::Tools, Parameter::StructuredOutputs])
///     .sort(ModelSort::Newest)
///     .limit(50);
/// assert_eq!(
///     query.to_query_pairs(),
///     vec![
///         ("limit", "50".to_owned()),
///         ("supported_parameters", "tools,structured_outputs".to_owned()),
///         ("sort", "newest".to_owned()),
///     ]
/// );
/// ```
#[derive(Debug, Clone, Default, PartialEq)]
#[non_exhaustive]
pub struct ModelsQuery {
    /// Skip this many models (pagination).
    pub offset: Option<u64>,
    /// At most this many models (1–1000; the server defaults to 500 when paging).
    pub limit: Option<u64>,
    /// Only models popular for this use case.
    pub category: Option<ModelCategory>,
    /// Only models supporting all these parameters.
    pub supported_parameters: Vec<Parameter>,
    /// Only models with these output modalities (empty = server default `text`).
    pub output_modalities: Vec<OutputModality>,
    /// Ask for models of every output modality (`output_modalities=all`).
    pub all_output_modalities: bool,
    /// Only models accepting these input modalities.
    pub input_modalities: Vec<InputModality>,
    /// Sort order.
    pub sort: Option<ModelSort>,
    /// Free-text search over names and slugs.
    pub q: Option<String>,
    /// Minimum context length in tokens.
    pub context: Option<u64>,
    /// Minimum prompt price, USD per million tokens.
    pub min_price: Option<f64>,
    /// Maximum prompt price, USD per million tokens.
    pub max_price: Option<f64>,
    /// Minimum completion price, USD per million tokens.
    pub min_output_price: Option<f64>,
    /// Maximum completion price, USD per million tokens.
    pub max_output_price: Option<f64>,
    /// Model family, e.g. `GPT`, `Claude`.
    pub arch: Option<String>,
    /// Only models by these authors, e.g. `openai`, `anthropic`.
    pub model_authors: Vec<String>,
    /// Only models served by these providers.
    pub providers: Vec<String>,
    /// Only models whose outputs may (or may not) be used for distillation.
    pub distillable: Option<bool>,
    /// Only models with zero-data-retention endpoints.
    pub zdr: bool,
    /// Only models served in this region (`eu` or `us`).
    pub region: Option<String>,
    /// Only models at least this many days old.
    pub min_age_days: Option<u64>,
    /// Only models at most this many days old.
    pub max_age_days: Option<u64>,
    /// Minimum Artificial Analysis intelligence index.
    pub min_intelligence_index: Option<f64>,
    /// Maximum Artificial Analysis intelligence index.
    pub max_intelligence_index: Option<f64>,
    /// Minimum Artificial Analysis coding index.
    pub min_coding_index: Option<f64>,
    /// Maximum Artificial Analysis coding index.
    pub max_coding_index: Option<f64>,
    /// Minimum Artificial Analysis agentic index.
    pub min_agentic_index: Option<f64>,
    /// Maximum Artificial Analysis agentic index.
    pub max_agentic_index: Option<f64>,
    /// Minimum tool-call success rate (0..1).
    pub min_tool_success_rate: Option<f64>,
    /// Maximum tool-call success rate (0..1).
    pub max_tool_success_rate: Option<f64>,
    /// Answer as an RSS feed (`application/rss+xml`) instead of JSON. The
    /// response then does not decode as [`ModelsList`](super::ModelsList).
    pub use_rss: bool,
    /// In RSS mode, link items to the chat page instead of the model page.
    pub use_rss_chat_links: bool,
    /// Parameters this version does not know, appended verbatim.
    pub extra: Vec<(String, String)>,
}

macro_rules! setter {
    // Numbers and flags take the exact type, so integer literals infer.
    ($(#[$m:meta])* $name:ident: Option<$ty:ty>) => {
        $(#[$m])*
        pub fn $name(mut self, value: $ty) -> Self {
            self.$name = Some(value);
            self
        }
    };
    ($(#[$m:meta])* $name:ident: Into<$ty:ty>) => {
        $(#[$m])*
        pub fn $name(mut self, value: impl Into<$ty>) -> Self {
            self.$name = Some(value.into());
            self
        }
    };
}

impl ModelsQuery {
    /// An empty query (the whole catalogue).
    pub fn new() -> Self {
        Self::default()
    }

    setter!(/// Sets `offset`.
        offset: Option<u64>);
    setter!(/// Sets `limit`.
        limit: Option<u64>);
    setter!(/// Sets `category`.
        category: Into<ModelCategory>);
    setter!(/// Sets `sort`.
        sort: Into<ModelSort>);
    setter!(/// Sets the free-text search `q`.
        q: Into<String>);
    setter!(/// Sets the minimum `context` length.
        context: Option<u64>);
    setter!(/// Sets `min_price` (USD per million prompt tokens).
        min_price: Option<f64>);
    setter!(/// Sets `max_price` (USD per million prompt tokens).
        max_price: Option<f64>);
    setter!(/// Sets `min_output_price` (USD per million completion tokens).
        min_output_price: Option<f64>);
    setter!(/// Sets `max_output_price` (USD per million completion tokens).
        max_output_price: Option<f64>);
    setter!(/// Sets the model family `arch`.
        arch: Into<String>);
    setter!(/// Sets `distillable`.
        distillable: Option<bool>);
    setter!(/// Sets `region` (`eu` or `us`).
        region: Into<String>);
    setter!(/// Sets `min_age_days`.
        min_age_days: Option<u64>);
    setter!(/// Sets `max_age_days`.
        max_age_days: Option<u64>);
    setter!(/// Sets `min_intelligence_index`.
        min_intelligence_index: Option<f64>);
    setter!(/// Sets `max_intelligence_index`.
        max_intelligence_index: Option<f64>);
    setter!(/// Sets `min_coding_index`.
        min_coding_index: Option<f64>);
    setter!(/// Sets `max_coding_index`.
        max_coding_index: Option<f64>);
    setter!(/// Sets `min_agentic_index`.
        min_agentic_index: Option<f64>);
    setter!(/// Sets `max_agentic_index`.
        max_agentic_index: Option<f64>);
    setter!(/// Sets `min_tool_success_rate` (0..1).
        min_tool_success_rate: Option<f64>);
    setter!(/// Sets `max_tool_success_rate` (0..1).
        max_tool_success_rate: Option<f64>);

    /// Only models supporting all of these parameters.
    pub fn supported_parameters(mut self, params: impl IntoIterator<Item = Parameter>) -> Self {
        self.supported_parameters = params.into_iter().collect();
        self
    }

    /// Only models with these output modalities.
    pub fn output_modalities(
        mut self,
        modalities: impl IntoIterator<Item = OutputModality>,
    ) -> Self {
        self.output_modalities = modalities.into_iter().collect();
        self
    }

    /// Models of every output modality (`output_modalities=all`).
    pub fn all_output_modalities(mut self) -> Self {
        self.all_output_modalities = true;
        self
    }

    /// Only models accepting these input modalities.
    pub fn input_modalities(mut self, modalities: impl IntoIterator<Item = InputModality>) -> Self {
        self.input_modalities = modalities.into_iter().collect();
        self
    }

    /// Only models by these authors.
    pub fn model_authors<S: Into<String>>(mut self, authors: impl IntoIterator<Item = S>) -> Self {
        self.model_authors = authors.into_iter().map(Into::into).collect();
        self
    }

    /// Only models served by these providers.
    pub fn providers<S: Into<String>>(mut self, providers: impl IntoIterator<Item = S>) -> Self {
        self.providers = providers.into_iter().map(Into::into).collect();
        self
    }

    /// Only models with zero-data-retention endpoints.
    pub fn zdr(mut self) -> Self {
        self.zdr = true;
        self
    }

    /// Ask for an RSS feed instead of JSON.
    pub fn use_rss(mut self, chat_links: bool) -> Self {
        self.use_rss = true;
        self.use_rss_chat_links = chat_links;
        self
    }

    /// Appends a parameter this version does not model.
    pub fn param(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.extra.push((name.into(), value.into()));
        self
    }

    /// The query as `(name, value)` pairs, unset parameters left out.
    pub fn to_query_pairs(&self) -> Vec<(&str, String)> {
        let mut out = Vec::new();
        push(&mut out, "offset", self.offset);
        push(&mut out, "limit", self.limit);
        push(&mut out, "category", self.category.as_ref());
        push_list(&mut out, "supported_parameters", &self.supported_parameters);
        if self.all_output_modalities {
            out.push(("output_modalities", "all".to_owned()));
        } else {
            push_list(&mut out, "output_modalities", &self.output_modalities);
        }
        push_list(&mut out, "input_modalities", &self.input_modalities);
        push(&mut out, "sort", self.sort.as_ref());
        push(&mut out, "q", self.q.as_ref());
        push(&mut out, "context", self.context);
        push(&mut out, "min_price", self.min_price);
        push(&mut out, "max_price", self.max_price);
        push(&mut out, "min_output_price", self.min_output_price);
        push(&mut out, "max_output_price", self.max_output_price);
        push(&mut out, "arch", self.arch.as_ref());
        push_list(&mut out, "model_authors", &self.model_authors);
        push_list(&mut out, "providers", &self.providers);
        push(&mut out, "distillable", self.distillable);
        if self.zdr {
            out.push(("zdr", "true".to_owned()));
        }
        push(&mut out, "region", self.region.as_ref());
        push(&mut out, "min_age_days", self.min_age_days);
        push(&mut out, "max_age_days", self.max_age_days);
        push(
            &mut out,
            "min_intelligence_index",
            self.min_intelligence_index,
        );
        push(
            &mut out,
            "max_intelligence_index",
            self.max_intelligence_index,
        );
        push(&mut out, "min_coding_index", self.min_coding_index);
        push(&mut out, "max_coding_index", self.max_coding_index);
        push(&mut out, "min_agentic_index", self.min_agentic_index);
        push(&mut out, "max_agentic_index", self.max_agentic_index);
        push(
            &mut out,
            "min_tool_success_rate",
            self.min_tool_success_rate,
        );
        push(
            &mut out,
            "max_tool_success_rate",
            self.max_tool_success_rate,
        );
        if self.use_rss {
            out.push(("use_rss", "true".to_owned()));
        }
        if self.use_rss_chat_links {
            out.push(("use_rss_chat_links", "true".to_owned()));
        }
        for (name, value) in &self.extra {
            out.push((name.as_str(), value.clone()));
        }
        out
    }
}

/// Pagination for list endpoints that take only `offset` and `limit`
/// (`GET /models/user`, `GET /embeddings/models`).
///
/// ```
/// use openrouter_types::models::PageQuery;
/// let page = PageQuery::new().offset(100).limit(50);
/// assert_eq!(page.to_query_pairs(), vec![("offset", "100".to_owned()), ("limit", "50".to_owned())]);
/// assert!(PageQuery::new().to_query_pairs().is_empty());
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct PageQuery {
    /// Skip this many items.
    pub offset: Option<u64>,
    /// At most this many items.
    pub limit: Option<u64>,
}

impl PageQuery {
    /// No pagination: the server's defaults.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets `offset`.
    pub fn offset(mut self, offset: u64) -> Self {
        self.offset = Some(offset);
        self
    }

    /// Sets `limit`.
    pub fn limit(mut self, limit: u64) -> Self {
        self.limit = Some(limit);
        self
    }

    /// The query as `(name, value)` pairs, unset parameters left out.
    pub fn to_query_pairs(&self) -> Vec<(&'static str, String)> {
        let mut out = Vec::new();
        push(&mut out, "offset", self.offset);
        push(&mut out, "limit", self.limit);
        out
    }
}

/// The filter of `GET /models/count`.
///
/// ```
/// use openrouter_types::models::{ModelsCountQuery, OutputModality};
/// let q = ModelsCountQuery::new().output_modalities([OutputModality::Text, OutputModality::Image]);
/// assert_eq!(q.to_query_pairs(), vec![("output_modalities", "text,image".to_owned())]);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct ModelsCountQuery {
    /// Count only models with these output modalities (empty = server default).
    pub output_modalities: Vec<OutputModality>,
    /// Count models of every output modality (`all`).
    pub all_output_modalities: bool,
}

impl ModelsCountQuery {
    /// The server's default filter.
    pub fn new() -> Self {
        Self::default()
    }

    /// Count only models with these output modalities.
    pub fn output_modalities(
        mut self,
        modalities: impl IntoIterator<Item = OutputModality>,
    ) -> Self {
        self.output_modalities = modalities.into_iter().collect();
        self
    }

    /// Count models of every output modality.
    pub fn all_output_modalities(mut self) -> Self {
        self.all_output_modalities = true;
        self
    }

    /// The query as `(name, value)` pairs, unset parameters left out.
    pub fn to_query_pairs(&self) -> Vec<(&'static str, String)> {
        let mut out = Vec::new();
        if self.all_output_modalities {
            out.push(("output_modalities", "all".to_owned()));
        } else {
            push_list(&mut out, "output_modalities", &self.output_modalities);
        }
        out
    }
}

fn push<'a, T: ToString>(out: &mut Vec<(&'a str, String)>, name: &'a str, value: Option<T>) {
    if let Some(value) = value {
        out.push((name, value.to_string()));
    }
}

fn push_list<'a, T: ToString>(out: &mut Vec<(&'a str, String)>, name: &'a str, values: &[T]) {
    if !values.is_empty() {
        let joined: Vec<String> = values.iter().map(ToString::to_string).collect();
        out.push((name, joined.join(",")));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_every_kind_of_parameter() {
        let q = ModelsQuery::new()
            .offset(10)
            .category(ModelCategory::MarketingSeo)
            .all_output_modalities()
            .input_modalities([InputModality::Image])
            .min_price(0.5)
            .distillable(false)
            .zdr()
            .model_authors(["openai", "anthropic"])
            .use_rss(true)
            .param("future", "x");
        let pairs = q.to_query_pairs();
        assert_eq!(
            pairs,
            vec![
                ("offset", "10".to_owned()),
                ("category", "marketing/seo".to_owned()),
                ("output_modalities", "all".to_owned()),
                ("input_modalities", "image".to_owned()),
                ("min_price", "0.5".to_owned()),
                ("model_authors", "openai,anthropic".to_owned()),
                ("distillable", "false".to_owned()),
                ("zdr", "true".to_owned()),
                ("use_rss", "true".to_owned()),
                ("use_rss_chat_links", "true".to_owned()),
                ("future", "x".to_owned()),
            ]
        );
        assert!(ModelsQuery::new().to_query_pairs().is_empty());
    }
}
