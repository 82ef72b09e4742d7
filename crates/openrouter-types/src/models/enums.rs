//! Open string enums of the model catalogue (modalities, tokenizers, parameters…).
//!
//! Each keeps values it does not know in `Other(String)`: OpenRouter adds
//! modalities, tokenizers and parameters as new models arrive.

use crate::open_enum::open_enum;

open_enum! {
    /// A kind of input a model accepts (`architecture.input_modalities`).
    ///
    /// ```
    /// use openrouter_types::models::InputModality;
    /// assert_eq!(InputModality::from("image"), InputModality::Image);
    /// assert_eq!(InputModality::from("smell").as_str(), "smell");
    /// ```
    pub enum InputModality {
        /// Text.
        Text = "text",
        /// Images.
        Image = "image",
        /// Files such as PDFs.
        File = "file",
        /// Audio.
        Audio = "audio",
        /// Video.
        Video = "video",
    }
}

open_enum! {
    /// A kind of output a model produces (`architecture.output_modalities`),
    /// also the values of the `output_modalities` query filter.
    ///
    /// ```
    /// use openrouter_types::models::OutputModality;
    /// assert_eq!(OutputModality::Embeddings.as_str(), "embeddings");
    /// ```
    pub enum OutputModality {
        /// Text.
        Text = "text",
        /// Images.
        Image = "image",
        /// Embedding vectors.
        Embeddings = "embeddings",
        /// Audio.
        Audio = "audio",
        /// Video.
        Video = "video",
        /// Rerank scores.
        Rerank = "rerank",
        /// Speech synthesis.
        Speech = "speech",
        /// Speech transcription.
        Transcription = "transcription",
    }
}

open_enum! {
    /// The tokenizer family of a model (`architecture.tokenizer`; the spec's
    /// `ModelGroup`). Real responses also carry values outside the spec's list.
    ///
    /// ```
    /// use openrouter_types::models::Tokenizer;
    /// assert_eq!(Tokenizer::from("Claude"), Tokenizer::Claude);
    /// assert!(Tokenizer::from("Moonshot").is_unknown());
    /// ```
    pub enum Tokenizer {
        /// Routers such as `openrouter/auto`.
        Router = "Router",
        /// Media models.
        Media = "Media",
        /// Anything else.
        OtherFamily = "Other",
        /// OpenAI GPT.
        Gpt = "GPT",
        /// Anthropic Claude.
        Claude = "Claude",
        /// Google Gemini.
        Gemini = "Gemini",
        /// Google Gemma.
        Gemma = "Gemma",
        /// xAI Grok.
        Grok = "Grok",
        /// Cohere.
        Cohere = "Cohere",
        /// Amazon Nova.
        Nova = "Nova",
        /// Qwen.
        Qwen = "Qwen",
        /// Yi.
        Yi = "Yi",
        /// DeepSeek.
        DeepSeek = "DeepSeek",
        /// Mistral.
        Mistral = "Mistral",
        /// Llama 2.
        Llama2 = "Llama2",
        /// Llama 3.
        Llama3 = "Llama3",
        /// Llama 4.
        Llama4 = "Llama4",
        /// PaLM.
        PaLM = "PaLM",
        /// RWKV.
        Rwkv = "RWKV",
        /// Qwen 3.
        Qwen3 = "Qwen3",
    }
}

open_enum! {
    /// The prompt template family of a model (`architecture.instruct_type`).
    /// `"none"` is a real value, distinct from a missing or `null` one.
    ///
    /// ```
    /// use openrouter_types::models::InstructType;
    /// assert_eq!(InstructType::from("chatml"), InstructType::Chatml);
    /// assert_eq!(InstructType::NoTemplate.as_str(), "none");
    /// ```
    pub enum InstructType {
        /// The literal `"none"`.
        NoTemplate = "none",
        /// Airoboros.
        Airoboros = "airoboros",
        /// Alpaca.
        Alpaca = "alpaca",
        /// Modified Alpaca.
        AlpacaModif = "alpaca-modif",
        /// ChatML.
        Chatml = "chatml",
        /// Claude.
        Claude = "claude",
        /// Code Llama.
        CodeLlama = "code-llama",
        /// Gemma.
        Gemma = "gemma",
        /// Llama 2.
        Llama2 = "llama2",
        /// Llama 3.
        Llama3 = "llama3",
        /// Mistral.
        Mistral = "mistral",
        /// Nemotron.
        Nemotron = "nemotron",
        /// Neural.
        Neural = "neural",
        /// OpenChat.
        Openchat = "openchat",
        /// Phi-3.
        Phi3 = "phi3",
        /// RWKV.
        Rwkv = "rwkv",
        /// Vicuna.
        Vicuna = "vicuna",
        /// Zephyr.
        Zephyr = "zephyr",
        /// DeepSeek R1.
        DeepseekR1 = "deepseek-r1",
        /// DeepSeek V3.1.
        DeepseekV3_1 = "deepseek-v3.1",
        /// QwQ.
        Qwq = "qwq",
        /// Qwen 3.
        Qwen3 = "qwen3",
    }
}

open_enum! {
    /// A request parameter a model or endpoint supports (`supported_parameters`),
    /// also usable in the `supported_parameters` filter of [`ModelsQuery`](super::ModelsQuery).
    ///
    /// ```
    /// use openrouter_types::models::Parameter;
    /// assert_eq!(Parameter::from("tools"), Parameter::Tools);
    /// assert!(Parameter::KNOWN.contains(&"structured_outputs"));
    /// ```
    pub enum Parameter {
        /// `temperature`.
        Temperature = "temperature",
        /// `top_p`.
        TopP = "top_p",
        /// `top_k`.
        TopK = "top_k",
        /// `min_p`.
        MinP = "min_p",
        /// `top_a`.
        TopA = "top_a",
        /// `frequency_penalty`.
        FrequencyPenalty = "frequency_penalty",
        /// `presence_penalty`.
        PresencePenalty = "presence_penalty",
        /// `repetition_penalty`.
        RepetitionPenalty = "repetition_penalty",
        /// `max_tokens`.
        MaxTokens = "max_tokens",
        /// `max_completion_tokens`.
        MaxCompletionTokens = "max_completion_tokens",
        /// `logit_bias`.
        LogitBias = "logit_bias",
        /// `logprobs`.
        Logprobs = "logprobs",
        /// `top_logprobs`.
        TopLogprobs = "top_logprobs",
        /// `prediction`.
        Prediction = "prediction",
        /// `seed`.
        Seed = "seed",
        /// `response_format`.
        ResponseFormat = "response_format",
        /// `structured_outputs`.
        StructuredOutputs = "structured_outputs",
        /// `stop`.
        Stop = "stop",
        /// `tools`.
        Tools = "tools",
        /// `tool_choice`.
        ToolChoice = "tool_choice",
        /// `parallel_tool_calls`.
        ParallelToolCalls = "parallel_tool_calls",
        /// `include_reasoning`.
        IncludeReasoning = "include_reasoning",
        /// `reasoning`.
        Reasoning = "reasoning",
        /// `reasoning_effort`.
        ReasoningEffort = "reasoning_effort",
        /// `web_search_options`.
        WebSearchOptions = "web_search_options",
        /// `verbosity`.
        Verbosity = "verbosity",
    }
}

open_enum! {
    /// A use-case category for the `category` filter of `GET /models`.
    ///
    /// ```
    /// use openrouter_types::models::ModelCategory;
    /// assert_eq!(ModelCategory::MarketingSeo.as_str(), "marketing/seo");
    /// ```
    pub enum ModelCategory {
        /// Programming.
        Programming = "programming",
        /// Roleplay.
        Roleplay = "roleplay",
        /// Marketing.
        Marketing = "marketing",
        /// Marketing / SEO.
        MarketingSeo = "marketing/seo",
        /// Technology.
        Technology = "technology",
        /// Science.
        Science = "science",
        /// Translation.
        Translation = "translation",
        /// Legal.
        Legal = "legal",
        /// Finance.
        Finance = "finance",
        /// Health.
        Health = "health",
        /// Trivia.
        Trivia = "trivia",
        /// Academia.
        Academia = "academia",
    }
}

open_enum! {
    /// The `sort` order of `GET /models`.
    ///
    /// ```
    /// use openrouter_types::models::ModelSort;
    /// assert_eq!(ModelSort::Newest.as_str(), "newest");
    /// ```
    pub enum ModelSort {
        /// Most used first.
        MostPopular = "most-popular",
        /// Newest first.
        Newest = "newest",
        /// Most used this week first.
        TopWeekly = "top-weekly",
        /// Cheapest first.
        PricingLowToHigh = "pricing-low-to-high",
        /// Most expensive first.
        PricingHighToLow = "pricing-high-to-low",
        /// Largest context first.
        ContextHighToLow = "context-high-to-low",
        /// Fastest throughput first.
        ThroughputHighToLow = "throughput-high-to-low",
        /// Lowest latency first.
        LatencyLowToHigh = "latency-low-to-high",
        /// Highest intelligence index first.
        IntelligenceHighToLow = "intelligence-high-to-low",
        /// Highest coding index first.
        CodingHighToLow = "coding-high-to-low",
        /// Highest agentic index first.
        AgenticHighToLow = "agentic-high-to-low",
        /// Highest Design Arena Elo first.
        DesignArenaEloHighToLow = "design-arena-elo-high-to-low",
    }
}
