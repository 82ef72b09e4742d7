//! The image model catalogue: `GET /images/models` and
//! `GET /images/models/{author}/{slug}/endpoints`, with the typed
//! descriptors of the parameters each model accepts.

use std::fmt;

use serde::de::{MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::Extra;
use crate::models::{InputModality, OutputModality};
use crate::open_enum::open_enum;
use crate::tagged::string_tagged;

/// `GET /images/models` answer.
///
/// ```
/// use openrouter_types::images::{Capability, ImageModelsList};
/// let list: ImageModelsList = serde_json::from_value(serde_json::json!({"data": [{
///     "architecture": {"input_modalities": ["text"], "output_modalities": ["image"]},
///     "created": 1692901234, "description": "A text-to-image model.",
///     "endpoints": "/api/v1/images/models/bytedance-seed/seedream-4.5/endpoints",
///     "id": "bytedance-seed/seedream-4.5", "name": "Seedream 4.5",
///     "supported_parameters": {"resolution": {"type": "enum", "values": ["1K", "2K"]},
///                              "seed": {"type": "boolean"}},
///     "supports_streaming": false}]}))?;
/// let model = &list.data[0];
/// assert!(model.supported_parameters.contains("seed"));
/// assert!(matches!(model.supported_parameters.get("resolution"),
///                  Some(Capability::Enum { values, .. }) if values.len() == 2));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ImageModelsList {
    /// The models.
    pub data: Vec<ImageModel>,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

/// One image model of the catalogue.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ImageModel {
    /// Input and output modalities.
    pub architecture: ImageModelArchitecture,
    /// Unix time (seconds) the model was added.
    pub created: u64,
    /// Description.
    pub description: String,
    /// Relative URL of the model's endpoint records
    /// (`/api/v1/images/models/{author}/{slug}/endpoints`).
    pub endpoints: String,
    /// Model slug.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Union of the parameters its endpoints accept (a discovery aid; the
    /// endpoints' own lists are definitive).
    pub supported_parameters: SupportedParameters,
    /// Whether any endpoint streams (`stream: true`).
    pub supports_streaming: bool,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

/// Modalities of an image model.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ImageModelArchitecture {
    /// What it accepts.
    pub input_modalities: Vec<InputModality>,
    /// What it produces.
    pub output_modalities: Vec<OutputModality>,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

/// `GET /images/models/{author}/{slug}/endpoints` answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ImageModelEndpoints {
    /// The providers serving the model.
    pub endpoints: Vec<ImageEndpoint>,
    /// Model slug.
    pub id: String,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

/// One provider endpoint of an image model.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ImageEndpoint {
    /// Options accepted under `provider.options[provider_slug]`.
    pub allowed_passthrough_parameters: Vec<String>,
    /// Billable pricing lines.
    pub pricing: Vec<ImagePricing>,
    /// Provider display name.
    pub provider_name: String,
    /// Provider slug.
    pub provider_slug: String,
    /// Tag to select this endpoint in `provider.order`/`only`; always sent, may be `null`.
    #[serde(default)]
    pub provider_tag: Option<String>,
    /// The parameters this endpoint accepts for this model (definitive).
    pub supported_parameters: SupportedParameters,
    /// Whether it streams natively (`stream: true`).
    pub supports_streaming: bool,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

/// One billable pricing line of an image endpoint.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ImagePricing {
    /// What is billed.
    pub billable: ImageBillable,
    /// USD per `unit`.
    pub cost_usd: f64,
    /// The unit `cost_usd` is per.
    pub unit: ImagePricingUnit,
    /// Variant this line applies to (e.g. a quality or resolution tier).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub variant: Option<String>,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

open_enum! {
    /// What an image pricing line bills (`billable`).
    pub enum ImageBillable {
        /// Generated images.
        OutputImage = "output_image",
        /// Input images.
        InputImage = "input_image",
        /// Input fonts.
        InputFont = "input_font",
        /// Reference images.
        InputReference = "input_reference",
        /// Prompt text.
        InputText = "input_text",
    }
}

open_enum! {
    /// The unit of an image pricing line (`unit`).
    pub enum ImagePricingUnit {
        /// Per image.
        Image = "image",
        /// Per megapixel.
        Megapixel = "megapixel",
        /// Per token.
        Token = "token",
    }
}

string_tagged! {
    #[tag = "type", remote = "Capability", fallback = Other, rename_all = "snake_case"]
    /// How one request parameter may be set (the spec's `CapabilityDescriptor`).
    #[derive(Debug, Clone, PartialEq)]
    #[non_exhaustive]
    pub enum Capability {
        /// One of a set of strings (`{"type":"enum","values":[…]}`).
        Enum {
            /// The accepted values.
            values: Vec<String>,
            /// Fields this version does not model.
            #[serde(flatten)]
            extra: Extra,
        },
        /// A number in an inclusive range (`{"type":"range","min":…,"max":…}`).
        Range {
            /// Lower bound, as the wire spells it.
            min: serde_json::Number,
            /// Upper bound, as the wire spells it.
            max: serde_json::Number,
            /// Fields this version does not model.
            #[serde(flatten)]
            extra: Extra,
        },
        /// Accepted; no constraint on the value (`{"type":"boolean"}`).
        Boolean {
            /// Fields this version does not model.
            #[serde(flatten)]
            extra: Extra,
        },
        /// A descriptor type this version does not model, kept whole (including `type`).
        #[serde(untagged)]
        Other(serde_json::Value),
    }
}

/// Parameter name → [`Capability`], in the order the server sent them.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SupportedParameters(Vec<(String, Capability)>);

impl SupportedParameters {
    /// The descriptor of one parameter.
    pub fn get(&self, name: &str) -> Option<&Capability> {
        self.0.iter().find(|(n, _)| n == name).map(|(_, c)| c)
    }

    /// Whether the parameter is accepted.
    pub fn contains(&self, name: &str) -> bool {
        self.get(name).is_some()
    }

    /// Every parameter with its descriptor, in wire order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &Capability)> {
        self.0.iter().map(|(n, c)| (n.as_str(), c))
    }

    /// Number of parameters.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl FromIterator<(String, Capability)> for SupportedParameters {
    fn from_iter<I: IntoIterator<Item = (String, Capability)>>(iter: I) -> Self {
        Self(iter.into_iter().collect())
    }
}

impl Serialize for SupportedParameters {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.0.iter().map(|(n, c)| (n, c)))
    }
}

impl<'de> Deserialize<'de> for SupportedParameters {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Entries;
        impl<'de> Visitor<'de> for Entries {
            type Value = SupportedParameters;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a map of parameter names to capability descriptors")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut entries = Vec::with_capacity(map.size_hint().unwrap_or(0));
                while let Some(entry) = map.next_entry()? {
                    entries.push(entry);
                }
                Ok(SupportedParameters(entries))
            }
        }
        deserializer.deserialize_map(Entries)
    }
}
