//! `POST /embeddings`.

use openrouter_types::embeddings::{EmbeddingsRequest, EmbeddingsResponse};

use crate::operation as op;
use crate::transport::Call;
use crate::{Client, Error, Response};

impl Client {
    /// `POST /embeddings`: vectors for text (or multimodal) input.
    pub async fn embeddings(
        &self,
        request: &EmbeddingsRequest,
    ) -> Result<Response<EmbeddingsResponse>, Error> {
        let call = Call::json(&op::EMBEDDINGS, request)?;
        self.send_json(call).await
    }
}
