//! `POST /chat/completions`, plain and streaming.

use openrouter_types::chat::ChatRequest;
use openrouter_types::error::{ErrorBody, ErrorResponse};
use openrouter_types::response::{ChatCompletion, FinishReason};

use crate::error::{ApiError, MidStreamError};
use crate::operation as op;
use crate::stream::record_usage;
use crate::transport::Call;
use crate::{ChatStream, Client, Error, Response};

impl Client {
    /// Sends a chat completion and waits for the whole answer.
    ///
    /// A 200 body that carries only an `error` becomes [`Error::Api`] (with
    /// the status from the error's `code`); a choice that ended with
    /// `finish_reason: "error"` becomes [`Error::MidStream`] with the
    /// completion as its partial result. Any `stream` flag in the request is
    /// ignored: use [`chat_stream`](Self::chat_stream) to stream.
    ///
    /// ```no_run
    /// use openrouter_api::Client;
    /// use openrouter_types::chat::{ChatRequest, Message};
    ///
    /// # async fn demo(client: Client) -> Result<(), openrouter_api::Error> {
    /// let request = ChatRequest::new("openai/gpt-4o-mini", vec![Message::user("Say hi")]);
    /// let completion = client.chat(&request).await?;
    /// println!("{} (generation {:?})", completion.text().unwrap_or_default(), completion.meta().generation_id());
    /// # Ok(()) }
    /// ```
    pub async fn chat(&self, request: &ChatRequest) -> Result<Response<ChatCompletion>, Error> {
        let call = Call::json(&op::CHAT_COMPLETIONS, request)?.without_field("stream");
        let response = self
            .send_json_observed::<ChatCompletion>(call, |completion, span| {
                if let Some(provider) = &completion.provider {
                    span.record("provider", provider.as_str());
                }
                if !completion.id.as_str().is_empty() {
                    span.record("generation_id", completion.id.as_str());
                }
                if let Some(usage) = &completion.usage {
                    record_usage(span, usage);
                }
                crate::telemetry::record_completion(span, completion);
            })
            .await?;
        choice_error(response)
    }

    /// Starts a streaming chat completion (`"stream": true` is set for you).
    ///
    /// Errors before the stream starts (any non-2xx status, or a JSON error
    /// document where the event stream should be) are returned here
    /// and retried like any other call; once the stream is open, nothing is
    /// retried. See [`ChatStream`] for the end-of-stream contract.
    pub async fn chat_stream(&self, request: &ChatRequest) -> Result<ChatStream, Error> {
        let call = Call::json(&op::CHAT_COMPLETIONS, request)?;
        let open = self.open_stream(call).await?;
        Ok(ChatStream::new(open))
    }
}

/// Turns a per-choice error in a 200 body into [`Error::MidStream`].
pub(crate) fn choice_error(
    response: Response<ChatCompletion>,
) -> Result<Response<ChatCompletion>, Error> {
    let errored = response.error().is_some()
        || response
            .choices
            .iter()
            .any(|c| c.finish_reason == Some(FinishReason::Error));
    if !errored {
        return Ok(response);
    }
    let (completion, meta) = response.into_parts();
    let body = completion.error().cloned().unwrap_or_else(|| {
        ErrorBody::message_only(
            "the provider ended the choice with finish_reason \"error\" and no details",
        )
    });
    let mut error = ApiError::in_band(meta.status, meta.headers.clone(), ErrorResponse::new(body));
    error.attempts = meta.attempts;
    Err(Error::MidStream(Box::new(MidStreamError {
        error,
        partial: Some(completion),
        partial_message: None,
    })))
}
