//! The calling key, credits and generation statistics.

use openrouter_types::credits::Credits;
use openrouter_types::generation::Generation;
use openrouter_types::key::KeyInfo;
use openrouter_types::models::Data;

use crate::operation as op;
use crate::transport::Call;
use crate::{Client, Error, Response};

impl Client {
    /// `GET /key`: limits and usage of the calling key.
    pub async fn key(&self) -> Result<Response<KeyInfo>, Error> {
        let call = Call::new(&op::KEY);
        Ok(self
            .send_json::<Data<KeyInfo>>(call)
            .await?
            .map(Data::into_inner))
    }

    /// `GET /credits`: total credits bought and used (the current API
    /// documents it as needing a management key).
    pub async fn credits(&self) -> Result<Response<Credits>, Error> {
        let call = Call::new(&op::CREDITS);
        Ok(self
            .send_json::<Data<Credits>>(call)
            .await?
            .map(Data::into_inner))
    }

    /// `GET /generation?id=…`: cost, tokens and timing of one generation.
    ///
    /// Statistics appear a little after the completion finishes and the
    /// endpoint answers 404 until then, so a 404 is retried: up to four
    /// times (or the policy's retry count, if higher), waiting 0.5, 1, 2 and
    /// 4 s, within the retry policy's deadline.
    pub async fn generation(&self, id: &str) -> Result<Response<Generation>, Error> {
        if id.trim().is_empty() {
            return Err(Error::config(
                "the generation id is empty: use the `id` of a completion or its X-Generation-Id header",
            ));
        }
        let mut call = Call::new(&op::GENERATION).query([("id", id.to_owned())]);
        call.retry_not_found = true;
        Ok(self
            .send_json::<Data<Generation>>(call)
            .await?
            .map(Data::into_inner))
    }
}
