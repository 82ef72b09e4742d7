//! Generations beyond text: rerank, images, speech, transcription, video;
//! and files. Binary answers come back as a [`ByteStream`], never whole.

use std::time::Duration;

use openrouter_types::audio::{SpeechRequest, TranscriptionRequest, TranscriptionResponse};
use openrouter_types::files::{
    FileDeleted, FileList, FileMetadata, ListFilesQuery, UploadFileForm,
};
use openrouter_types::images::{
    ImageGenerationRequest, ImageGenerationResponse, ImageModelEndpoints, ImageModelsList,
};
use openrouter_types::rerank::{RerankRequest, RerankResponse};
use openrouter_types::videos::{
    VideoContentQuery, VideoGenerationRequest, VideoJob, VideoModelsList,
};
use tokio::time::Instant;

use crate::operation as op;
use crate::transport::Call;
use crate::{ByteStream, Client, Error, FileContent, Multipart, Response, TimeoutKind};

client_methods! {
    /// `POST /rerank`: the documents ordered by relevance to the query.
    rerank(; body: RerankRequest) -> RerankResponse = RERANK;
    /// `GET /images/models`: image generation models.
    image_models() -> ImageModelsList = IMAGE_MODELS;
    /// `POST /videos`: submits a video job (see [`Client::wait_for_video`]).
    create_video(; body: VideoGenerationRequest) -> VideoJob = CREATE_VIDEO;
    /// `GET /videos/models`: video generation models.
    video_models() -> VideoModelsList = VIDEO_MODELS;
    /// `GET /files`: a page of your workspace's files.
    list_files(; query: ListFilesQuery) -> FileList = LIST_FILES;
    /// `GET /files/{file_id}`: a file's metadata.
    get_file(file_id) -> FileMetadata = GET_FILE;
    /// `DELETE /files/{file_id}`: irreversible.
    delete_file(file_id) -> FileDeleted = DELETE_FILE;
}

/// Writes a generated image's bytes (`b64_json`, or a `data:` URL) to `path`
/// and returns how many were written. An image the provider gave only as a
/// link is not fetched (it is a third-party URL): the error names it.
///
/// ```no_run
/// # async fn demo(client: openrouter_api::Client) -> Result<(), openrouter_api::Error> {
/// use openrouter_types::images::ImageGenerationRequest;
/// let images = client
///     .generate_images(&ImageGenerationRequest::new("google/gemini-2.5-flash-image", "a lighthouse"))
///     .await?;
/// if let Some(image) = images.data.first() {
///     openrouter_api::save_image(image, "lighthouse.png").await?;
/// }
/// # Ok(()) }
/// ```
pub async fn save_image(
    image: &openrouter_types::images::ImageData,
    path: impl AsRef<std::path::Path>,
) -> Result<u64, Error> {
    let path = path.as_ref();
    let bytes = match (image.bytes(), image.url()) {
        (Some(Ok(bytes)), _) => bytes,
        (Some(Err(e)), _) => {
            return Err(Error::config_with(
                "the image's base64 does not decode: report it with the raw answer",
                e,
            ));
        }
        (None, Some(url)) => {
            return Err(Error::config(format!(
                "the image came as a link, not bytes: download {url} yourself"
            )));
        }
        (None, None) => return Err(Error::config("the image has neither bytes nor a link")),
    };
    tokio::fs::write(path, &bytes)
        .await
        .map_err(|e| Error::config_with(format!("could not write `{}`", path.display()), e))?;
    Ok(bytes.len() as u64)
}

/// How [`Client::wait_for_video`] polls.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct VideoWait {
    /// Give up after this long (default 20 minutes).
    pub deadline: Duration,
    /// The first wait between polls (default 2 s); it grows by half each time.
    pub first_interval: Duration,
    /// The longest wait between polls (default 15 s).
    pub max_interval: Duration,
}

impl Default for VideoWait {
    fn default() -> Self {
        Self {
            deadline: Duration::from_secs(20 * 60),
            first_interval: Duration::from_secs(2),
            max_interval: Duration::from_secs(15),
        }
    }
}

impl VideoWait {
    /// Sets the deadline.
    #[must_use]
    pub fn deadline(mut self, deadline: Duration) -> Self {
        self.deadline = deadline;
        self
    }

    /// Sets the first and the longest interval between polls.
    #[must_use]
    pub fn intervals(mut self, first: Duration, max: Duration) -> Self {
        self.first_interval = first;
        self.max_interval = max.max(first);
        self
    }
}

impl Client {
    /// `POST /images`: generates images. Each item holds base64 bytes or a
    /// URL, as the provider gives them (`bytes()`, `url()`).
    pub async fn generate_images(
        &self,
        request: &ImageGenerationRequest,
    ) -> Result<Response<ImageGenerationResponse>, Error> {
        let call = Call::json(&op::GENERATE_IMAGES, request)?.without_field("stream");
        self.send_json(call).await
    }

    /// `GET /images/models/{author}/{slug}/endpoints`: the providers serving an image model.
    pub async fn image_model_endpoints(
        &self,
        model: &str,
    ) -> Result<Response<ImageModelEndpoints>, Error> {
        let call = Call::new(&op::IMAGE_MODEL_ENDPOINTS).model_param(model)?;
        self.send_json(call).await
    }

    /// `POST /audio/speech`: synthesised audio, read as you pull it.
    ///
    /// ```no_run
    /// # async fn demo(client: openrouter_api::Client) -> Result<(), openrouter_api::Error> {
    /// use openrouter_types::audio::SpeechRequest;
    /// let audio = client.speech(&SpeechRequest::new("openai/gpt-4o-mini-tts", "Hello")).await?;
    /// audio.save("hello.mp3").await?;
    /// # Ok(()) }
    /// ```
    pub async fn speech(&self, request: &SpeechRequest) -> Result<ByteStream, Error> {
        let call = Call::json(&op::SPEECH, request)?;
        Ok(ByteStream::new(self.open_bytes(call).await?))
    }

    /// `POST /audio/transcriptions`: uploads `audio` (named `file_name`, of
    /// type `content_type`) with the request's fields as a multipart form.
    pub async fn transcription(
        &self,
        request: &TranscriptionRequest,
        audio: FileContent,
        file_name: &str,
        content_type: &str,
    ) -> Result<Response<TranscriptionResponse>, Error> {
        let mut form = Multipart::new();
        for (name, value) in request.form_fields() {
            form = form.text(name, value);
        }
        let form = audio.into_part(form, "file", file_name, content_type);
        self.send_json(Call::multipart(&op::TRANSCRIPTION, form))
            .await
    }

    /// `GET /videos/{jobId}`: a video job's status.
    pub async fn video(&self, job_id: &str) -> Result<Response<VideoJob>, Error> {
        let call = Call::new(&op::VIDEO).param("jobId", job_id)?;
        self.send_json(call).await
    }

    /// Polls a video job until it reaches a terminal status (completed,
    /// failed…), calling `progress` with each status seen. Waits grow from
    /// `wait.first_interval` to `wait.max_interval`; past `wait.deadline`
    /// the call ends with [`Error::Timeout`] (the job itself goes on: poll
    /// it again later with [`video`](Self::video)).
    ///
    /// ```no_run
    /// # async fn demo(client: openrouter_api::Client) -> Result<(), openrouter_api::Error> {
    /// use openrouter_api::VideoWait;
    /// use openrouter_types::videos::{VideoContentQuery, VideoGenerationRequest};
    ///
    /// let job = client
    ///     .create_video(&VideoGenerationRequest::new("google/veo-3.1").prompt("a red kite over a beach"))
    ///     .await?;
    /// let done = client
    ///     .wait_for_video(&job.id, VideoWait::default(), |job| eprintln!("{}", job.status))
    ///     .await?;
    /// client.download_video(&done.id, &VideoContentQuery::new()).await?.save("kite.mp4").await?;
    /// # Ok(()) }
    /// ```
    pub async fn wait_for_video(
        &self,
        job_id: &str,
        wait: VideoWait,
        mut progress: impl FnMut(&VideoJob),
    ) -> Result<Response<VideoJob>, Error> {
        let start = Instant::now();
        let mut interval = wait.first_interval;
        loop {
            let job = self.video(job_id).await?;
            progress(&job);
            if job.is_terminal() {
                return Ok(job);
            }
            let left = wait.deadline.saturating_sub(start.elapsed());
            if left.is_zero() {
                return Err(Error::Timeout(Box::new(crate::error::TimeoutError::new(
                    TimeoutKind::Total,
                    wait.deadline,
                ))));
            }
            tokio::time::sleep(interval.min(left)).await;
            interval = interval.mul_f64(1.5).min(wait.max_interval);
        }
    }

    /// `GET /videos/{jobId}/content`: the video's bytes, read as you pull
    /// them ([`ByteStream::save`] writes them to a file chunk by chunk).
    pub async fn download_video(
        &self,
        job_id: &str,
        query: &VideoContentQuery,
    ) -> Result<ByteStream, Error> {
        let call = Call::new(&op::DOWNLOAD_VIDEO)
            .param("jobId", job_id)?
            .query(query.to_query_pairs());
        Ok(ByteStream::new(self.open_bytes(call).await?))
    }

    /// `POST /files`: uploads a file to your workspace. Content held in
    /// memory is sent again on a retry; a reader is streamed, and sent once.
    ///
    /// ```no_run
    /// # async fn demo(client: openrouter_api::Client) -> Result<(), openrouter_api::Error> {
    /// use openrouter_api::FileContent;
    /// use openrouter_types::files::UploadFileForm;
    ///
    /// let form = UploadFileForm::new("batch.jsonl").content_type("application/x-ndjson");
    /// // Streamed from disk, never read whole into memory.
    /// let file = client.upload_file(&form, FileContent::open("batch.jsonl").await?).await?;
    /// println!("{}", file.id);
    /// # Ok(()) }
    /// ```
    pub async fn upload_file(
        &self,
        form: &UploadFileForm,
        content: FileContent,
    ) -> Result<Response<FileMetadata>, Error> {
        let mut multipart = Multipart::new();
        for (name, value) in form.form_fields() {
            multipart = multipart.text(name, value);
        }
        let content_type = form
            .content_type
            .as_deref()
            .unwrap_or("application/octet-stream");
        let multipart = content.into_part(
            multipart,
            UploadFileForm::FILE_FIELD,
            &form.filename,
            content_type,
        );
        self.send_json(Call::multipart(&op::UPLOAD_FILE, multipart))
            .await
    }

    /// Every file of `GET /files`, following its cursor page by page as the
    /// caller pulls (`query` sets the page size, workspace and storage).
    ///
    /// ```no_run
    /// # async fn demo(client: openrouter_api::Client) -> Result<(), openrouter_api::Error> {
    /// use futures::TryStreamExt;
    /// use openrouter_types::files::ListFilesQuery;
    /// let files: Vec<_> = client.all_files(ListFilesQuery::new()).try_collect().await?;
    /// # let _ = files; Ok(()) }
    /// ```
    pub fn all_files(
        &self,
        query: ListFilesQuery,
    ) -> impl futures::Stream<Item = Result<FileMetadata, Error>> + '_ {
        let pages = futures::stream::unfold(Some(query), move |query| async move {
            let query = query?;
            match self.list_files(&query).await {
                Ok(page) => {
                    let page = page.into_inner();
                    let next = page.next_cursor().map(|cursor| query.clone().page(cursor));
                    Some((Ok(page.data), next))
                }
                Err(error) => Some((Err(error), None)),
            }
        });
        futures::StreamExt::flat_map(pages, |page| {
            futures::stream::iter(match page {
                Ok(files) => files.into_iter().map(Ok).collect::<Vec<_>>(),
                Err(error) => vec![Err(error)],
            })
        })
    }

    /// `GET /files/{file_id}/content`: the file's bytes, read as you pull them.
    pub async fn download_file(&self, file_id: &str) -> Result<ByteStream, Error> {
        let call = Call::new(&op::DOWNLOAD_FILE).param("file_id", file_id)?;
        Ok(ByteStream::new(self.open_bytes(call).await?))
    }
}
