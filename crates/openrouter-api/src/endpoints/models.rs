//! The catalogue: models, their provider endpoints, ZDR endpoints, providers.
//! These work without an API key (latency and throughput stats need one).

use openrouter_types::endpoints::{Endpoint, EndpointsList};
use openrouter_types::models::{
    Data, Model, ModelsCount, ModelsCountQuery, ModelsList, ModelsQuery, PageQuery,
};
use openrouter_types::providers::Provider;

use crate::operation as op;
use crate::transport::Call;
use crate::{Client, Error, Response};

impl Client {
    /// `GET /models`: the catalogue, filtered and sorted by `query`
    /// (`ModelsQuery::new()` for everything).
    ///
    /// ```no_run
    /// # async fn demo(client: openrouter_api::Client) -> Result<(), openrouter_api::Error> {
    /// use openrouter_types::models::{ModelsQuery, Parameter};
    /// let models = client.models(&ModelsQuery::new().supported_parameters([Parameter::Tools])).await?;
    /// for model in &models.data {
    ///     println!("{}", model.id);
    /// }
    /// # Ok(()) }
    /// ```
    pub async fn models(&self, query: &ModelsQuery) -> Result<Response<ModelsList>, Error> {
        let call = Call::new(&op::MODELS).query(query.to_query_pairs());
        self.send_json(call).await
    }

    /// `GET /models/count`: how many models match.
    pub async fn models_count(&self, query: &ModelsCountQuery) -> Result<Response<u64>, Error> {
        let call = Call::new(&op::MODELS_COUNT).query(query.to_query_pairs());
        let response = self.send_json::<Data<ModelsCount>>(call).await?;
        Ok(response.map(|d| d.data.count))
    }

    /// `GET /models/user`: models allowed by the key's provider preferences,
    /// privacy settings and guardrails. Needs an API key.
    pub async fn models_user(&self, page: &PageQuery) -> Result<Response<ModelsList>, Error> {
        let call = Call::new(&op::MODELS_USER).query(page.to_query_pairs());
        self.send_json(call).await
    }

    /// `GET /embeddings/models`: the embedding models.
    pub async fn embedding_models(&self) -> Result<Response<ModelsList>, Error> {
        let call = Call::new(&op::EMBEDDING_MODELS);
        self.send_json(call).await
    }

    /// `GET /model/{author}/{slug}`: one model; accepts variants
    /// (`…:free`) and resolves aliases.
    pub async fn model(&self, id: &str) -> Result<Response<Model>, Error> {
        let call = Call::new(&op::MODEL).model_param(id)?;
        Ok(self
            .send_json::<Data<Model>>(call)
            .await?
            .map(Data::into_inner))
    }

    /// `GET /models/{author}/{slug}/endpoints`: the providers serving a model,
    /// with pricing, limits, uptime and (with a key) latency and throughput.
    pub async fn model_endpoints(&self, id: &str) -> Result<Response<EndpointsList>, Error> {
        let call = Call::new(&op::MODEL_ENDPOINTS).model_param(id)?;
        Ok(self
            .send_json::<Data<EndpointsList>>(call)
            .await?
            .map(Data::into_inner))
    }

    /// `GET /endpoints/zdr`: every endpoint usable under Zero Data Retention.
    pub async fn zdr_endpoints(&self) -> Result<Response<Vec<Endpoint>>, Error> {
        let call = Call::new(&op::ZDR_ENDPOINTS);
        Ok(self
            .send_json::<Data<Vec<Endpoint>>>(call)
            .await?
            .map(Data::into_inner))
    }

    /// `GET /providers`: the provider directory.
    pub async fn providers(&self) -> Result<Response<Vec<Provider>>, Error> {
        let call = Call::new(&op::PROVIDERS);
        Ok(self
            .send_json::<Data<Vec<Provider>>>(call)
            .await?
            .map(Data::into_inner))
    }
}
