//! `POST /responses` (OpenAI Responses-compatible, stateless), plain and streaming.

use openrouter_types::error::ErrorResponse;
use openrouter_types::responses::{Response as ResponseObject, ResponseStatus, ResponsesRequest};

use crate::error::{ApiError, MidStreamError};
use crate::operation as op;
use crate::stream::responses::{ResponsesStream, error_body};
use crate::transport::Call;
use crate::{Client, Error, Response};

impl Client {
    /// Sends a Responses API request and waits for the final response.
    ///
    /// A response whose `status` is `failed` becomes [`Error::MidStream`]
    /// carrying its `error` (and OpenRouter's `error_type`).
    pub async fn responses(
        &self,
        request: &ResponsesRequest,
    ) -> Result<Response<ResponseObject>, Error> {
        let call = Call::json(&op::RESPONSES, request)?.without_field("stream");
        let response = self.send_json::<ResponseObject>(call).await?;
        if response.status == Some(ResponseStatus::Failed) {
            let (data, meta) = response.into_parts();
            let body = error_body(data.error.as_ref(), data.error_type.as_deref());
            let mut error =
                ApiError::in_band(meta.status, meta.headers.clone(), ErrorResponse::new(body));
            error.attempts = meta.attempts;
            return Err(Error::MidStream(Box::new(MidStreamError {
                error,
                partial: None,
                partial_message: None,
            })));
        }
        Ok(response)
    }

    /// Starts a streaming Responses API call (`"stream": true` is set for you).
    pub async fn responses_stream(
        &self,
        request: &ResponsesRequest,
    ) -> Result<ResponsesStream, Error> {
        let call = Call::json(&op::RESPONSES, request)?;
        Ok(ResponsesStream::new(self.open_stream(call).await?))
    }
}
