//! Binary answers (audio, videos, files) read as the caller pulls them, so a
//! 200 MB video never sits in memory whole.

use std::path::Path;
use std::time::Duration;

use bytes::{Bytes, BytesMut};
use futures::{Stream, StreamExt};
use tokio::io::{AsyncWrite, AsyncWriteExt};
use tokio::time::Instant;

use crate::error::{LimitError, Phase, TimeoutError, TransportError};
use crate::meta::{Response, ResponseMeta};
use crate::transport::OpenStream;
use crate::{Error, TimeoutKind};

type Body = std::pin::Pin<Box<dyn Stream<Item = reqwest::Result<Bytes>> + Send>>;

/// A binary answer whose status and headers arrived and whose body is read
/// chunk by chunk, each read under the idle timeout (and the call's total
/// deadline, if one is set).
///
/// ```no_run
/// # async fn demo(client: openrouter_api::Client) -> Result<(), openrouter_api::Error> {
/// let download = client.download_file("or_file_123").await?;
/// println!("{:?}", download.meta().headers().get("content-type"));
/// let written = download.save("report.jsonl").await?;
/// println!("{written} bytes");
/// # Ok(()) }
/// ```
pub struct ByteStream {
    body: Body,
    meta: ResponseMeta,
    idle: Duration,
    deadline: Option<(Instant, Duration)>,
    read: u64,
}

impl std::fmt::Debug for ByteStream {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ByteStream")
            .field("status", &self.meta.status)
            .field("read", &self.read)
            .finish_non_exhaustive()
    }
}

impl ByteStream {
    pub(crate) fn new(open: OpenStream) -> Self {
        Self {
            body: Box::pin(open.response.bytes_stream()),
            meta: open.meta,
            idle: open.idle,
            deadline: open.deadline,
            read: 0,
        }
    }

    /// Status, headers and attempts of the response.
    pub fn meta(&self) -> &ResponseMeta {
        &self.meta
    }

    /// `Content-Length`, when the server sent one.
    pub fn content_length(&self) -> Option<u64> {
        self.meta
            .headers
            .get(http::header::CONTENT_LENGTH)?
            .to_str()
            .ok()?
            .parse()
            .ok()
    }

    /// Bytes read so far.
    pub fn bytes_read(&self) -> u64 {
        self.read
    }

    /// The next chunk, or `None` at the end of the body.
    pub async fn chunk(&mut self) -> Result<Option<Bytes>, Error> {
        let mut until = Instant::now() + self.idle;
        let mut kind = (TimeoutKind::Idle, self.idle);
        if let Some((deadline, total)) = self.deadline
            && deadline < until
        {
            until = deadline;
            kind = (TimeoutKind::Total, total);
        }
        let next = tokio::time::timeout_at(until, self.body.next())
            .await
            .map_err(|_| {
                let mut error = TimeoutError::new(kind.0, kind.1);
                error.sending.phase = Phase::ReadingBody;
                Error::Timeout(Box::new(error))
            })?;
        match next {
            None => Ok(None),
            Some(Ok(chunk)) => {
                self.read += chunk.len() as u64;
                Ok(Some(chunk))
            }
            Some(Err(e)) => {
                let mut error = TransportError::from_reqwest(e);
                error.sending.phase = Phase::ReadingBody;
                error.sending.generation_id = self.meta.generation_id().map(str::to_owned);
                Err(Error::Transport(Box::new(error)))
            }
        }
    }

    /// Copies the whole body into `writer`, one chunk at a time, and
    /// returns the number of bytes written. Memory stays at one chunk.
    pub async fn write_to<W: AsyncWrite + Unpin>(mut self, writer: &mut W) -> Result<u64, Error> {
        while let Some(chunk) = self.chunk().await? {
            writer.write_all(&chunk).await.map_err(write_error)?;
        }
        writer.flush().await.map_err(write_error)?;
        Ok(self.read)
    }

    /// Writes the whole body to a new file at `path` (replacing one that is
    /// there) and returns the number of bytes written.
    pub async fn save(self, path: impl AsRef<Path>) -> Result<u64, Error> {
        let path = path.as_ref();
        let mut file = tokio::fs::File::create(path)
            .await
            .map_err(|e| Error::config_with(format!("could not create `{}`", path.display()), e))?;
        self.write_to(&mut file).await
    }

    /// Reads the whole body into memory, failing beyond `limit` bytes.
    pub async fn collect(mut self, limit: usize) -> Result<Response<Bytes>, Error> {
        let mut body = BytesMut::new();
        while let Some(chunk) = self.chunk().await? {
            if body.len() + chunk.len() > limit {
                return Err(Error::LimitExceeded(Box::new(LimitError {
                    what: "response body",
                    limit,
                    source: None,
                })));
            }
            body.extend_from_slice(&chunk);
        }
        Ok(Response::new(body.freeze(), self.meta))
    }
}

fn write_error(e: std::io::Error) -> Error {
    Error::config_with(
        "could not write the downloaded bytes: check the destination (disk full, permissions)",
        e,
    )
}

/// The content of a file to upload: bytes in memory (sent again if the call
/// is retried) or a reader streamed as the request is written (sent once).
pub struct FileContent {
    pub(crate) inner: FileInner,
}

pub(crate) enum FileInner {
    Bytes(Bytes),
    Reader(
        std::pin::Pin<Box<dyn tokio::io::AsyncRead + Send>>,
        Option<u64>,
    ),
}

impl std::fmt::Debug for FileContent {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.inner {
            FileInner::Bytes(bytes) => write!(f, "FileContent(<{} bytes>)", bytes.len()),
            FileInner::Reader(_, len) => write!(f, "FileContent(<reader of {len:?} bytes>)"),
        }
    }
}

impl FileContent {
    /// Bytes held in memory.
    pub fn bytes(bytes: impl Into<Bytes>) -> Self {
        Self {
            inner: FileInner::Bytes(bytes.into()),
        }
    }

    /// A reader (an open file, a pipe) streamed as the request is written;
    /// `length` lets the server know the size in advance when it is known.
    pub fn reader(reader: impl tokio::io::AsyncRead + Send + 'static, length: Option<u64>) -> Self {
        Self {
            inner: FileInner::Reader(Box::pin(reader), length),
        }
    }

    /// Opens the file at `path` and streams it.
    pub async fn open(path: impl AsRef<Path>) -> Result<Self, Error> {
        let path = path.as_ref();
        let file = tokio::fs::File::open(path)
            .await
            .map_err(|e| Error::config_with(format!("could not open `{}`", path.display()), e))?;
        let length = file.metadata().await.ok().map(|m| m.len());
        Ok(Self::reader(file, length))
    }

    /// Adds this content to `form` as the part `name`.
    pub(crate) fn into_part(
        self,
        form: crate::Multipart,
        name: &str,
        file_name: &str,
        content_type: &str,
    ) -> crate::Multipart {
        match self.inner {
            FileInner::Bytes(bytes) => form.file(name, file_name, content_type, bytes),
            FileInner::Reader(reader, length) => {
                form.file_stream(name, file_name, content_type, reader, length)
            }
        }
    }
}
