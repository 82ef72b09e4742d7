//! Key management (`/keys`): needs a management key.

use openrouter_types::keys::{
    ApiKey as KeyRecord, CreateKeyRequest, CreateKeyResponse, DeleteKeyResponse, ListKeysQuery,
    UpdateKeyRequest,
};
use openrouter_types::models::Data;

use crate::operation as op;
use crate::transport::Call;
use crate::{Client, Error, Response};

impl Client {
    /// `GET /keys`: the keys of the account (a page of up to 100).
    pub async fn list_keys(
        &self,
        query: &ListKeysQuery,
    ) -> Result<Response<Vec<KeyRecord>>, Error> {
        let call = Call::new(&op::LIST_KEYS).query(query.to_query_pairs());
        Ok(self
            .send_json::<Data<Vec<KeyRecord>>>(call)
            .await?
            .map(Data::into_inner))
    }

    /// `POST /keys`: creates a key. The plaintext key is in the response
    /// only this once.
    pub async fn create_key(
        &self,
        request: &CreateKeyRequest,
    ) -> Result<Response<CreateKeyResponse>, Error> {
        let call = Call::json(&op::CREATE_KEY, request)?;
        self.send_json(call).await
    }

    /// `GET /keys/{hash}`: one key.
    pub async fn get_key(&self, hash: &str) -> Result<Response<KeyRecord>, Error> {
        let call = Call::new(&op::GET_KEY).param("hash", hash)?;
        Ok(self
            .send_json::<Data<KeyRecord>>(call)
            .await?
            .map(Data::into_inner))
    }

    /// `PATCH /keys/{hash}`: renames, disables or re-limits a key.
    pub async fn update_key(
        &self,
        hash: &str,
        request: &UpdateKeyRequest,
    ) -> Result<Response<KeyRecord>, Error> {
        let call = Call::json(&op::UPDATE_KEY, request)?.param("hash", hash)?;
        Ok(self
            .send_json::<Data<KeyRecord>>(call)
            .await?
            .map(Data::into_inner))
    }

    /// `DELETE /keys/{hash}`: deletes a key.
    pub async fn delete_key(&self, hash: &str) -> Result<Response<DeleteKeyResponse>, Error> {
        let call = Call::new(&op::DELETE_KEY).param("hash", hash)?;
        self.send_json(call).await
    }
}
