//! The provider slugs BYOK credentials name (`BYOKProviderSlug` in the spec).

use crate::open_enum::open_enum;

open_enum! {
    /// An upstream provider as a lowercase slug (`openai`, `amazon-bedrock`):
    /// what a BYOK credential authenticates against, and the `provider`
    /// filter of `GET /byok`.
    ///
    /// The variants follow the OpenAPI spec's `BYOKProviderSlug`; providers
    /// added later arrive as [`ProviderSlug::Other`].
    ///
    /// ```
    /// use openrouter_types::byok::ProviderSlug;
    /// assert_eq!(ProviderSlug::from("amazon-bedrock"), ProviderSlug::AmazonBedrock);
    /// assert_eq!(ProviderSlug::from("brand-new-ai").as_str(), "brand-new-ai");
    /// ```
    pub enum ProviderSlug {
        /// `ai21`.
        Ai21 = "ai21",
        /// `aion-labs`.
        AionLabs = "aion-labs",
        /// `akashml`.
        Akashml = "akashml",
        /// `alibaba`.
        Alibaba = "alibaba",
        /// `amazon-bedrock`.
        AmazonBedrock = "amazon-bedrock",
        /// `amazon-nova`.
        AmazonNova = "amazon-nova",
        /// `ambient`.
        Ambient = "ambient",
        /// `anthropic`.
        Anthropic = "anthropic",
        /// `arcee-ai`.
        ArceeAi = "arcee-ai",
        /// `atlas-cloud`.
        AtlasCloud = "atlas-cloud",
        /// `avian`.
        Avian = "avian",
        /// `azure`.
        Azure = "azure",
        /// `baidu`.
        Baidu = "baidu",
        /// `baseten`.
        Baseten = "baseten",
        /// `black-forest-labs`.
        BlackForestLabs = "black-forest-labs",
        /// `byteplus`.
        Byteplus = "byteplus",
        /// `cerebras`.
        Cerebras = "cerebras",
        /// `chutes`.
        Chutes = "chutes",
        /// `cirrascale`.
        Cirrascale = "cirrascale",
        /// `clarifai`.
        Clarifai = "clarifai",
        /// `cloudflare`.
        Cloudflare = "cloudflare",
        /// `cohere`.
        Cohere = "cohere",
        /// `coreweave`.
        Coreweave = "coreweave",
        /// `crusoe`.
        Crusoe = "crusoe",
        /// `darkbloom`.
        Darkbloom = "darkbloom",
        /// `databricks`.
        Databricks = "databricks",
        /// `decart`.
        Decart = "decart",
        /// `deepgram`.
        Deepgram = "deepgram",
        /// `deepinfra`.
        Deepinfra = "deepinfra",
        /// `deepseek`.
        Deepseek = "deepseek",
        /// `dekallm`.
        Dekallm = "dekallm",
        /// `digitalocean`.
        Digitalocean = "digitalocean",
        /// `featherless`.
        Featherless = "featherless",
        /// `fireworks`.
        Fireworks = "fireworks",
        /// `fish-audio`.
        FishAudio = "fish-audio",
        /// `friendli`.
        Friendli = "friendli",
        /// `gmicloud`.
        Gmicloud = "gmicloud",
        /// `google-ai-studio`.
        GoogleAiStudio = "google-ai-studio",
        /// `google-vertex`.
        GoogleVertex = "google-vertex",
        /// `groq`.
        Groq = "groq",
        /// `heygen`.
        Heygen = "heygen",
        /// `inception`.
        Inception = "inception",
        /// `inceptron`.
        Inceptron = "inceptron",
        /// `inferact-vllm`.
        InferactVllm = "inferact-vllm",
        /// `inference-net`.
        InferenceNet = "inference-net",
        /// `infermatic`.
        Infermatic = "infermatic",
        /// `inflection`.
        Inflection = "inflection",
        /// `io-net`.
        IoNet = "io-net",
        /// `ionstream`.
        Ionstream = "ionstream",
        /// `krea`.
        Krea = "krea",
        /// `liquid`.
        Liquid = "liquid",
        /// `makora`.
        Makora = "makora",
        /// `mancer`.
        Mancer = "mancer",
        /// `mara`.
        Mara = "mara",
        /// `meta`.
        Meta = "meta",
        /// `minimax`.
        Minimax = "minimax",
        /// `mistral`.
        Mistral = "mistral",
        /// `modal`.
        Modal = "modal",
        /// `modelrun`.
        Modelrun = "modelrun",
        /// `modular`.
        Modular = "modular",
        /// `moonshotai`.
        Moonshotai = "moonshotai",
        /// `morph`.
        Morph = "morph",
        /// `ncompass`.
        Ncompass = "ncompass",
        /// `nebius`.
        Nebius = "nebius",
        /// `nex-agi`.
        NexAgi = "nex-agi",
        /// `nextbit`.
        Nextbit = "nextbit",
        /// `novita`.
        Novita = "novita",
        /// `nvidia`.
        Nvidia = "nvidia",
        /// `open-inference`.
        OpenInference = "open-inference",
        /// `openai`.
        Openai = "openai",
        /// `parasail`.
        Parasail = "parasail",
        /// `perceptron`.
        Perceptron = "perceptron",
        /// `perplexity`.
        Perplexity = "perplexity",
        /// `phala`.
        Phala = "phala",
        /// `poolside`.
        Poolside = "poolside",
        /// `quiver`.
        Quiver = "quiver",
        /// `recraft`.
        Recraft = "recraft",
        /// `reka`.
        Reka = "reka",
        /// `relace`.
        Relace = "relace",
        /// `runway`.
        Runway = "runway",
        /// `sail-research`.
        SailResearch = "sail-research",
        /// `sakana`.
        Sakana = "sakana",
        /// `sakana-ai`.
        SakanaAi = "sakana-ai",
        /// `sambanova`.
        Sambanova = "sambanova",
        /// `seed`.
        Seed = "seed",
        /// `siliconflow`.
        Siliconflow = "siliconflow",
        /// `sourceful`.
        Sourceful = "sourceful",
        /// `stepfun`.
        Stepfun = "stepfun",
        /// `streamlake`.
        Streamlake = "streamlake",
        /// `switchpoint`.
        Switchpoint = "switchpoint",
        /// `tencent`.
        Tencent = "tencent",
        /// `tenstorrent`.
        Tenstorrent = "tenstorrent",
        /// `thinkingmachines`.
        Thinkingmachines = "thinkingmachines",
        /// `together`.
        Together = "together",
        /// `upstage`.
        Upstage = "upstage",
        /// `venice`.
        Venice = "venice",
        /// `wafer`.
        Wafer = "wafer",
        /// `wandb`.
        Wandb = "wandb",
        /// `wandb-legacy`.
        WandbLegacy = "wandb-legacy",
        /// `xai`.
        Xai = "xai",
        /// `xiaomi`.
        Xiaomi = "xiaomi",
        /// `z-ai`.
        ZAi = "z-ai",
    }
}
