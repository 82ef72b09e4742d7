//! The provider list (`GET /providers`) and provider display names.

use serde::{Deserialize, Serialize};

use crate::Extra;
use crate::open_enum::open_enum;

open_enum! {
    /// A provider's display name as OpenRouter writes it in `provider_name`,
    /// `/providers` and chat responses (`"Amazon Bedrock"`, `"Google AI Studio"`…).
    ///
    /// The list follows the OpenAPI spec's `ProviderName`; providers are added
    /// every month and arrive as [`ProviderName::Other`].
    ///
    /// ```
    /// use openrouter_types::providers::ProviderName;
    /// assert_eq!(ProviderName::from("Amazon Bedrock"), ProviderName::AmazonBedrock);
    /// assert_eq!(ProviderName::from("Brand New AI").as_str(), "Brand New AI");
    /// ```
    pub enum ProviderName {
        /// `Modal`.
        Modal = "Modal",
        /// `AkashML`.
        AkashMl = "AkashML",
        /// `AI21`.
        Ai21 = "AI21",
        /// `AionLabs`.
        AionLabs = "AionLabs",
        /// `Alibaba`.
        Alibaba = "Alibaba",
        /// `Ambient`.
        Ambient = "Ambient",
        /// `Baidu`.
        Baidu = "Baidu",
        /// `Amazon Bedrock`.
        AmazonBedrock = "Amazon Bedrock",
        /// `Amazon Nova`.
        AmazonNova = "Amazon Nova",
        /// `Anthropic`.
        Anthropic = "Anthropic",
        /// `Arcee AI`.
        ArceeAi = "Arcee AI",
        /// `AtlasCloud`.
        AtlasCloud = "AtlasCloud",
        /// `Avian`.
        Avian = "Avian",
        /// `Azure`.
        Azure = "Azure",
        /// `BaseTen`.
        BaseTen = "BaseTen",
        /// `BytePlus`.
        BytePlus = "BytePlus",
        /// `Black Forest Labs`.
        BlackForestLabs = "Black Forest Labs",
        /// `Cerebras`.
        Cerebras = "Cerebras",
        /// `Chutes`.
        Chutes = "Chutes",
        /// `Cirrascale`.
        Cirrascale = "Cirrascale",
        /// `Claude Platform on AWS`.
        ClaudePlatformOnAws = "Claude Platform on AWS",
        /// `Clarifai`.
        Clarifai = "Clarifai",
        /// `Cloudflare`.
        Cloudflare = "Cloudflare",
        /// `Cohere`.
        Cohere = "Cohere",
        /// `CoreWeave`.
        CoreWeave = "CoreWeave",
        /// `Crucible`.
        Crucible = "Crucible",
        /// `Crusoe`.
        Crusoe = "Crusoe",
        /// `Darkbloom`.
        Darkbloom = "Darkbloom",
        /// `Databricks`.
        Databricks = "Databricks",
        /// `Decart`.
        Decart = "Decart",
        /// `Deepgram`.
        Deepgram = "Deepgram",
        /// `DeepInfra`.
        DeepInfra = "DeepInfra",
        /// `DeepSeek`.
        DeepSeek = "DeepSeek",
        /// `DekaLLM`.
        DekaLlm = "DekaLLM",
        /// `DigitalOcean`.
        DigitalOcean = "DigitalOcean",
        /// `Featherless`.
        Featherless = "Featherless",
        /// `Fireworks`.
        Fireworks = "Fireworks",
        /// `Fish Audio`.
        FishAudio = "Fish Audio",
        /// `Friendli`.
        Friendli = "Friendli",
        /// `GMICloud`.
        GmiCloud = "GMICloud",
        /// `Google`.
        Google = "Google",
        /// `Google AI Studio`.
        GoogleAiStudio = "Google AI Studio",
        /// `Groq`.
        Groq = "Groq",
        /// `HeyGen`.
        HeyGen = "HeyGen",
        /// `Inception`.
        Inception = "Inception",
        /// `Inceptron`.
        Inceptron = "Inceptron",
        /// `InferenceNet`.
        InferenceNet = "InferenceNet",
        /// `Ionstream`.
        Ionstream = "Ionstream",
        /// `Infermatic`.
        Infermatic = "Infermatic",
        /// `Io Net`.
        IoNet = "Io Net",
        /// `Inferact vLLM`.
        InferactVLlm = "Inferact vLLM",
        /// `Inflection`.
        Inflection = "Inflection",
        /// `Liquid`.
        Liquid = "Liquid",
        /// `Makora`.
        Makora = "Makora",
        /// `Mara`.
        Mara = "Mara",
        /// `Mancer 2`.
        Mancer2 = "Mancer 2",
        /// `Meta`.
        Meta = "Meta",
        /// `Minimax`.
        Minimax = "Minimax",
        /// `ModelRun`.
        ModelRun = "ModelRun",
        /// `Mistral`.
        Mistral = "Mistral",
        /// `Modular`.
        Modular = "Modular",
        /// `Moonshot AI`.
        MoonshotAi = "Moonshot AI",
        /// `Morph`.
        Morph = "Morph",
        /// `VoyageAI by MongoDB`.
        VoyageAiByMongoDb = "VoyageAI by MongoDB",
        /// `NCompass`.
        NCompass = "NCompass",
        /// `Nebius`.
        Nebius = "Nebius",
        /// `Nex AGI`.
        NexAgi = "Nex AGI",
        /// `NextBit`.
        NextBit = "NextBit",
        /// `Novita`.
        Novita = "Novita",
        /// `Nvidia`.
        Nvidia = "Nvidia",
        /// `OpenAI`.
        OpenAi = "OpenAI",
        /// `OpenInference`.
        OpenInference = "OpenInference",
        /// `Parasail`.
        Parasail = "Parasail",
        /// `Poolside`.
        Poolside = "Poolside",
        /// `Perceptron`.
        Perceptron = "Perceptron",
        /// `Perplexity`.
        Perplexity = "Perplexity",
        /// `Phala`.
        Phala = "Phala",
        /// `Recraft`.
        Recraft = "Recraft",
        /// `Reka`.
        Reka = "Reka",
        /// `Relace`.
        Relace = "Relace",
        /// `Sail Research`.
        SailResearch = "Sail Research",
        /// `Sakana AI`.
        SakanaAi = "Sakana AI",
        /// `SambaNova`.
        SambaNova = "SambaNova",
        /// `Seed`.
        Seed = "Seed",
        /// `SiliconFlow`.
        SiliconFlow = "SiliconFlow",
        /// `Sourceful`.
        Sourceful = "Sourceful",
        /// `StepFun`.
        StepFun = "StepFun",
        /// `Stealth`.
        Stealth = "Stealth",
        /// `StreamLake`.
        StreamLake = "StreamLake",
        /// `Switchpoint`.
        Switchpoint = "Switchpoint",
        /// `Tencent`.
        Tencent = "Tencent",
        /// `Tenstorrent`.
        Tenstorrent = "Tenstorrent",
        /// `Thinking Machines`.
        ThinkingMachines = "Thinking Machines",
        /// `Together`.
        Together = "Together",
        /// `Upstage`.
        Upstage = "Upstage",
        /// `Venice`.
        Venice = "Venice",
        /// `Wafer`.
        Wafer = "Wafer",
        /// `WandB`.
        WandB = "WandB",
        /// `Quiver`.
        Quiver = "Quiver",
        /// `Krea`.
        Krea = "Krea",
        /// `Runway`.
        Runway = "Runway",
        /// `Xiaomi`.
        Xiaomi = "Xiaomi",
        /// `xAI`.
        XAi = "xAI",
        /// `Z.AI`.
        ZAi = "Z.AI",
        /// `FakeProvider`.
        FakeProvider = "FakeProvider",
    }
}

/// One provider of `GET /providers` (listed as `Data<Vec<Provider>>`).
///
/// ```
/// use openrouter_types::{Data, providers::Provider};
/// let body: Data<Vec<Provider>> = serde_json::from_str(r#"{"data":[{
///     "name":"OpenAI","slug":"openai",
///     "privacy_policy_url":"https://openai.com/policies/privacy-policy/",
///     "terms_of_service_url":null,"status_page_url":null,
///     "headquarters":"US","datacenters":["US"]}]}"#)?;
/// assert_eq!(body.data[0].slug, "openai");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Provider {
    /// Display name.
    pub name: ProviderName,
    /// Slug to use in `provider.order` / `only` / `ignore`.
    pub slug: String,
    /// Privacy policy URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub privacy_policy_url: Option<String>,
    /// Terms of service URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub terms_of_service_url: Option<String>,
    /// Status page URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_page_url: Option<String>,
    /// Headquarters country (ISO 3166-1 alpha-2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub headquarters: Option<String>,
    /// Datacenter countries (ISO 3166-1 alpha-2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub datacenters: Option<Vec<String>>,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}
