//! Video generation jobs: submit (`POST /videos`), poll (`GET /videos/{jobId}`),
//! download (`GET /videos/{jobId}/content`, raw bytes) and the catalogue
//! (`GET /videos/models`).
//!
//! Submitting answers `202` with a [`VideoJob`] in `pending`; poll its
//! `polling_url` until [`VideoJob::is_terminal`], then download each of
//! `unsigned_urls` or `GET /videos/{jobId}/content?index=N`. Fields are
//! declared in the spec's property order, which is the order they go on the wire.
//!
//! ```
//! use openrouter_types::media::AspectRatio;
//! use openrouter_types::videos::{VideoGenerationRequest, VideoJob, VideoStatus};
//! let request = VideoGenerationRequest::new("google/veo-3.1")
//!     .prompt("A serene mountain landscape at sunset")
//!     .aspect_ratio(AspectRatio::Widescreen)
//!     .duration(8);
//! assert_eq!(
//!     serde_json::to_value(&request)?,
//!     serde_json::json!({"aspect_ratio": "16:9", "duration": 8, "model": "google/veo-3.1",
//!                        "prompt": "A serene mountain landscape at sunset"})
//! );
//! let job: VideoJob = serde_json::from_value(serde_json::json!({
//!     "id": "job-abc123", "polling_url": "/api/v1/videos/job-abc123", "status": "pending"}))?;
//! assert_eq!(job.status, VideoStatus::Pending);
//! assert!(!job.is_terminal());
//! # Ok::<(), serde_json::Error>(())
//! ```

use serde::{Deserialize, Serialize};

use crate::chat::{ContentPart, ImageUrl};
use crate::media::{AspectRatio, ProviderPassthrough};
use crate::open_enum::open_enum;
use crate::{Extra, ModelId};

/// `POST /videos` body.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct VideoGenerationRequest {
    /// Aspect ratio.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub aspect_ratio: Option<AspectRatio>,
    /// HTTPS URL notified when the job completes (overrides the workspace default).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub callback_url: Option<String>,
    /// Creativity level (upscaling models only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub creativity: Option<i64>,
    /// Length in seconds (at least 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration: Option<u32>,
    /// Images to use as the first and/or last frame.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub frame_images: Option<Vec<FrameImage>>,
    /// Whether to generate audio too (default: the endpoint's capability).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub generate_audio: Option<bool>,
    /// Reference assets: `image_url` parts everywhere; `audio_url` and
    /// `video_url` only where the provider supports them (others ignore them).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub input_references: Option<Vec<ContentPart>>,
    /// Video model slug.
    pub model: ModelId,
    /// What to film; optional only for models that animate an image alone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prompt: Option<String>,
    /// Provider-specific passthrough options.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provider: Option<ProviderPassthrough>,
    /// Resolution.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resolution: Option<VideoResolution>,
    /// Seed for (best-effort) deterministic sampling.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seed: Option<i64>,
    /// Exact pixels, `WIDTHxHEIGHT` (instead of `resolution` + `aspect_ratio`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub size: Option<String>,
    /// Upscale factor, above 0 (upscaling models only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub upscale_factor: Option<f64>,
    /// Fields this version does not model, sent as is.
    #[serde(flatten)]
    pub extra: Extra,
}

impl VideoGenerationRequest {
    /// A job for `model`; most models also need [`prompt`](Self::prompt).
    pub fn new(model: impl Into<ModelId>) -> Self {
        Self {
            aspect_ratio: None,
            callback_url: None,
            creativity: None,
            duration: None,
            frame_images: None,
            generate_audio: None,
            input_references: None,
            model: model.into(),
            prompt: None,
            provider: None,
            resolution: None,
            seed: None,
            size: None,
            upscale_factor: None,
            extra: Extra::new(),
        }
    }

    /// Sets `aspect_ratio`.
    #[must_use]
    pub fn aspect_ratio(mut self, ratio: impl Into<AspectRatio>) -> Self {
        self.aspect_ratio = Some(ratio.into());
        self
    }

    /// Sets `callback_url` (HTTPS).
    #[must_use]
    pub fn callback_url(mut self, url: impl Into<String>) -> Self {
        self.callback_url = Some(url.into());
        self
    }

    /// Sets `creativity` (upscaling models).
    #[must_use]
    pub fn creativity(mut self, level: i64) -> Self {
        self.creativity = Some(level);
        self
    }

    /// Sets `duration` in seconds.
    #[must_use]
    pub fn duration(mut self, seconds: u32) -> Self {
        self.duration = Some(seconds);
        self
    }

    /// Sets the first/last frame images.
    #[must_use]
    pub fn frame_images(mut self, frames: impl IntoIterator<Item = FrameImage>) -> Self {
        self.frame_images = Some(frames.into_iter().collect());
        self
    }

    /// Sets `generate_audio`.
    #[must_use]
    pub fn generate_audio(mut self, generate: bool) -> Self {
        self.generate_audio = Some(generate);
        self
    }

    /// Sets the reference assets.
    #[must_use]
    pub fn input_references(mut self, parts: impl IntoIterator<Item = ContentPart>) -> Self {
        self.input_references = Some(parts.into_iter().collect());
        self
    }

    /// Sets `prompt`.
    #[must_use]
    pub fn prompt(mut self, prompt: impl Into<String>) -> Self {
        self.prompt = Some(prompt.into());
        self
    }

    /// Sets provider passthrough options.
    #[must_use]
    pub fn provider(mut self, provider: impl Into<ProviderPassthrough>) -> Self {
        self.provider = Some(provider.into());
        self
    }

    /// Sets `resolution`.
    #[must_use]
    pub fn resolution(mut self, resolution: impl Into<VideoResolution>) -> Self {
        self.resolution = Some(resolution.into());
        self
    }

    /// Sets `seed`.
    #[must_use]
    pub fn seed(mut self, seed: i64) -> Self {
        self.seed = Some(seed);
        self
    }

    /// Sets `size` (`1280x720`).
    #[must_use]
    pub fn size(mut self, size: impl Into<String>) -> Self {
        self.size = Some(size.into());
        self
    }

    /// Sets `upscale_factor` (upscaling models).
    #[must_use]
    pub fn upscale_factor(mut self, factor: f64) -> Self {
        self.upscale_factor = Some(factor);
        self
    }

    /// Adds a field this version does not model.
    #[must_use]
    pub fn extra_field(mut self, name: impl Into<String>, value: serde_json::Value) -> Self {
        self.extra.insert(name.into(), value);
        self
    }
}

/// An image to use as the first or last frame: an `image_url` part with a `frame_type`.
///
/// ```
/// use openrouter_types::videos::{FrameImage, FrameType};
/// let frame = FrameImage::new(FrameType::FirstFrame, "https://example.com/start.png");
/// assert_eq!(
///     serde_json::to_value(&frame)?,
///     serde_json::json!({"type": "image_url", "image_url": {"url": "https://example.com/start.png"},
///                        "frame_type": "first_frame"})
/// );
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct FrameImage {
    /// Always `image_url`.
    #[serde(rename = "type")]
    pub kind: String,
    /// The image: http(s) or `data:` URL.
    pub image_url: ImageUrl,
    /// Which frame it is.
    pub frame_type: FrameType,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

impl FrameImage {
    /// The image at `url` as the given frame.
    pub fn new(frame_type: impl Into<FrameType>, url: impl Into<String>) -> Self {
        Self {
            kind: "image_url".to_owned(),
            image_url: ImageUrl {
                url: url.into(),
                detail: None,
                extra: Extra::new(),
            },
            frame_type: frame_type.into(),
            extra: Extra::new(),
        }
    }
}

open_enum! {
    /// Which frame a [`FrameImage`] is (`frame_type`), also a video model's
    /// `supported_frame_images`.
    pub enum FrameType {
        /// The first frame.
        FirstFrame = "first_frame",
        /// The last frame.
        LastFrame = "last_frame",
    }
}

open_enum! {
    /// Resolution of a generated video.
    pub enum VideoResolution {
        /// 480p.
        P480 = "480p",
        /// 720p.
        P720 = "720p",
        /// 768p.
        P768 = "768p",
        /// 1080p.
        P1080 = "1080p",
        /// 1K.
        R1K = "1K",
        /// 2K.
        R2K = "2K",
        /// 4K.
        R4K = "4K",
    }
}

/// A video job: the `202` answer of `POST /videos` and the answer of
/// `GET /videos/{jobId}`.
///
/// ```
/// use openrouter_types::videos::VideoJob;
/// let job: VideoJob = serde_json::from_value(serde_json::json!({
///     "generation_id": "gen-1", "id": "job-1", "polling_url": "/api/v1/videos/job-1",
///     "status": "completed", "unsigned_urls": ["https://storage.example.com/v.mp4"],
///     "usage": {"cost": 0.5}}))?;
/// assert!(job.is_terminal() && job.is_completed());
/// assert_eq!(job.urls(), ["https://storage.example.com/v.mp4"]);
/// assert_eq!(job.cost(), Some(0.5));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct VideoJob {
    /// Why the job failed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// Generation id, once the job has been processed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub generation_id: Option<String>,
    /// Job id, the `{jobId}` of the other video endpoints.
    pub id: String,
    /// Relative URL to poll (`/api/v1/videos/{jobId}`).
    pub polling_url: String,
    /// Where the job is.
    pub status: VideoStatus,
    /// Download URLs of the videos, once completed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unsigned_urls: Option<Vec<String>>,
    /// Cost, once completed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub usage: Option<VideoUsage>,
    /// Fields this version does not model (a future `progress` lands here).
    #[serde(flatten)]
    pub extra: Extra,
}

impl VideoJob {
    /// Whether polling can stop (see [`VideoStatus::is_terminal`]).
    pub fn is_terminal(&self) -> bool {
        self.status.is_terminal()
    }

    /// Whether the videos are ready.
    pub fn is_completed(&self) -> bool {
        self.status == VideoStatus::Completed
    }

    /// The download URLs (empty until completed).
    pub fn urls(&self) -> &[String] {
        self.unsigned_urls.as_deref().unwrap_or_default()
    }

    /// USD charged, once known.
    pub fn cost(&self) -> Option<f64> {
        self.usage.as_ref()?.cost
    }
}

open_enum! {
    /// `status` of a video job.
    ///
    /// ```
    /// use openrouter_types::videos::VideoStatus;
    /// assert!(VideoStatus::Expired.is_terminal());
    /// assert!(!VideoStatus::InProgress.is_terminal());
    /// assert!(!VideoStatus::from("queued_for_gpu").is_terminal());
    /// ```
    pub enum VideoStatus {
        /// Accepted, not started.
        Pending = "pending",
        /// Generating.
        InProgress = "in_progress",
        /// Done: `unsigned_urls` are ready.
        Completed = "completed",
        /// Failed: see `error`.
        Failed = "failed",
        /// Cancelled.
        Cancelled = "cancelled",
        /// The result is no longer available.
        Expired = "expired",
    }
}

impl VideoStatus {
    /// Whether the job has finished, successfully or not. A status this
    /// version does not know counts as still running: bound your polling by time.
    pub fn is_terminal(&self) -> bool {
        matches!(
            self,
            Self::Completed | Self::Failed | Self::Cancelled | Self::Expired
        )
    }
}

/// `usage` of a video job.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct VideoUsage {
    /// USD charged.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cost: Option<f64>,
    /// Whether it ran on your own provider key.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_byok: Option<bool>,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

/// `GET /videos/{jobId}/content` query: which of the job's videos to download.
///
/// ```
/// use openrouter_types::videos::VideoContentQuery;
/// assert_eq!(VideoContentQuery::new().to_query_pairs(), vec![]);
/// assert_eq!(VideoContentQuery::new().index(1).to_query_pairs(), vec![("index", "1".to_owned())]);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct VideoContentQuery {
    /// 0-based index into the job's videos (server default 0).
    pub index: Option<u32>,
}

impl VideoContentQuery {
    /// The first video.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets `index`.
    #[must_use]
    pub fn index(mut self, index: u32) -> Self {
        self.index = Some(index);
        self
    }

    /// The query as `(name, value)` pairs, unset parameters left out.
    pub fn to_query_pairs(&self) -> Vec<(&'static str, String)> {
        self.index
            .map(|index| ("index", index.to_string()))
            .into_iter()
            .collect()
    }
}

/// `GET /videos/models` answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct VideoModelsList {
    /// The models.
    pub data: Vec<VideoModel>,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

/// One video model. The spec requires most keys but lets them be `null`;
/// those are `Option`s that are always sent back (as `null` when `None`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct VideoModel {
    /// Options accepted under `provider.options[provider_slug]`.
    #[serde(default)]
    pub allowed_passthrough_parameters: Vec<String>,
    /// Canonical slug.
    pub canonical_slug: String,
    /// Unix time (seconds) the model was added.
    pub created: u64,
    /// Creativity levels (upscaling models).
    #[serde(default)]
    pub creativity: Option<Vec<i64>>,
    /// Description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Whether it can generate audio alongside the video.
    #[serde(default)]
    pub generate_audio: Option<bool>,
    /// Hugging Face id, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hugging_face_id: Option<String>,
    /// Model slug.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Prices by SKU (provider prefix stripped), as decimal strings.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pricing_skus: Option<Extra>,
    /// Whether `seed` is supported.
    #[serde(default)]
    pub seed: Option<bool>,
    /// Supported aspect ratios.
    #[serde(default)]
    pub supported_aspect_ratios: Option<Vec<AspectRatio>>,
    /// Supported durations in seconds.
    #[serde(default)]
    pub supported_durations: Option<Vec<u32>>,
    /// Supported frame images.
    #[serde(default)]
    pub supported_frame_images: Option<Vec<FrameType>>,
    /// Supported resolutions.
    #[serde(default)]
    pub supported_resolutions: Option<Vec<VideoResolution>>,
    /// Supported exact sizes (`1280x720`).
    #[serde(default)]
    pub supported_sizes: Option<Vec<String>>,
    /// Supported upscale factor range (upscaling models).
    #[serde(default)]
    pub upscale_factor: Option<UpscaleRange>,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

impl VideoModel {
    /// The price of one SKU as sent (a decimal string, USD).
    pub fn pricing_sku(&self, sku: &str) -> Option<&str> {
        self.pricing_skus.as_ref()?.get(sku)?.as_str()
    }
}

/// `upscale_factor` range of a video model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct UpscaleRange {
    /// Upper bound.
    #[serde(default)]
    pub max: Option<f64>,
    /// Lower bound.
    #[serde(default)]
    pub min: Option<f64>,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}
