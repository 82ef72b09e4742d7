//! `POST /embeddings`.

use http::Method;
use openrouter_types::embeddings::{EmbeddingsRequest, EmbeddingsResponse};

use crate::transport::Call;
use crate::{Client, Error, Response};

impl Client {
    /// `POST /embeddings`: vectors for text (or multimodal) input.
    pub async fn embeddings(
        &self,
        request: &EmbeddingsRequest,
    ) -> Result<Response<EmbeddingsResponse>, Error> {
        let call = Call::with_body(Method::POST, "/embeddings", "embeddings", request)?;
        self.send_json(call).await
    }
}
