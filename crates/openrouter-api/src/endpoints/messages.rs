//! `POST /messages`: Anthropic's Messages API as OpenRouter serves it, plain
//! and streamed.

use openrouter_types::messages::{MessagesRequest, MessagesResponse};

use crate::operation as op;
use crate::transport::Call;
use crate::{Client, Error, MessagesStream, Response};

impl Client {
    /// Sends a Messages API request and waits for the whole message. Any
    /// `stream` flag in the request is ignored: use
    /// [`messages_stream`](Self::messages_stream) to stream.
    ///
    /// ```no_run
    /// use openrouter_types::messages::{MessageParam, MessagesRequest};
    /// # async fn demo(client: openrouter_api::Client) -> Result<(), openrouter_api::Error> {
    /// let request = MessagesRequest::new("anthropic/claude-sonnet-4.5", vec![MessageParam::user("Hi")])
    ///     .max_tokens(256);
    /// let message = client.messages(&request).await?;
    /// println!("{}", message.text());
    /// # Ok(()) }
    /// ```
    pub async fn messages(
        &self,
        request: &MessagesRequest,
    ) -> Result<Response<MessagesResponse>, Error> {
        let call = Call::json(&op::MESSAGES, request)?.without_field("stream");
        self.send_json(call).await
    }

    /// Starts a streamed Messages API call (`"stream": true` is set for you).
    /// See [`MessagesStream`] for the end-of-stream contract.
    pub async fn messages_stream(
        &self,
        request: &MessagesRequest,
    ) -> Result<MessagesStream, Error> {
        let call = Call::json(&op::MESSAGES, request)?;
        Ok(MessagesStream::new(self.open_stream(call).await?))
    }
}
