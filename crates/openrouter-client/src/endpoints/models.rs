//! The catalogue: models, their provider endpoints, ZDR endpoints, providers.
//! These work without an API key (latency and throughput stats need one).

use openrouter_types::endpoints::{Endpoint, EndpointsList};
use openrouter_types::models::{
    Data, Model, ModelsCount, ModelsCountQuery, ModelsList, ModelsQuery, PageQuery,
};
use openrouter_types::providers::Provider;

use crate::transport::{Auth, Call};
use crate::{Client, Error, Response};

impl Client {
    /// `GET /models`: the catalogue, filtered and sorted by `query`
    /// (`ModelsQuery::new()` for everything).
    ///
    /// ```no_run
    /// # async fn demo(client: openrouter_client::Client) -> Result<(), openrouter_client::Error> {
    /// use openrouter_types::models::{ModelsQuery, Parameter};
    /// let models = client.models(&ModelsQuery::new().supported_parameters([Parameter::Tools])).await?;
    /// for model in &models.data {
    ///     println!("{}", model.id);
    /// }
    /// # Ok(()) }
    /// ```
    pub async fn models(&self, query: &ModelsQuery) -> Result<Response<ModelsList>, Error> {
        let call = Call::get("/models", "model list")
            .auth(Auth::Optional)
            .query(query.to_query_pairs());
        self.send_json(call).await
    }

    /// `GET /models/count`: how many models match.
    pub async fn models_count(&self, query: &ModelsCountQuery) -> Result<Response<u64>, Error> {
        let call = Call::get("/models/count", "model count")
            .auth(Auth::Optional)
            .query(query.to_query_pairs());
        let response = self.send_json::<Data<ModelsCount>>(call).await?;
        Ok(response.map(|d| d.data.count))
    }

    /// `GET /models/user`: models allowed by the key's provider preferences,
    /// privacy settings and guardrails. Needs an API key.
    pub async fn models_user(&self, page: &PageQuery) -> Result<Response<ModelsList>, Error> {
        let call = Call::get("/models/user", "model list").query(page.to_query_pairs());
        self.send_json(call).await
    }

    /// `GET /embeddings/models`: the embedding models.
    pub async fn embedding_models(&self) -> Result<Response<ModelsList>, Error> {
        let call = Call::get("/embeddings/models", "model list").auth(Auth::Optional);
        self.send_json(call).await
    }

    /// `GET /model/{author}/{slug}`: one model; accepts variants
    /// (`…:free`) and resolves aliases.
    pub async fn model(&self, id: &str) -> Result<Response<Model>, Error> {
        let path = format!("/model/{}", model_path(id)?);
        let call = Call::get(path, "model").auth(Auth::Optional);
        Ok(self
            .send_json::<Data<Model>>(call)
            .await?
            .map(Data::into_inner))
    }

    /// `GET /models/{author}/{slug}/endpoints`: the providers serving a model,
    /// with pricing, limits, uptime and (with a key) latency and throughput.
    pub async fn model_endpoints(&self, id: &str) -> Result<Response<EndpointsList>, Error> {
        let path = format!("/models/{}/endpoints", model_path(id)?);
        let call = Call::get(path, "endpoint list").auth(Auth::Optional);
        Ok(self
            .send_json::<Data<EndpointsList>>(call)
            .await?
            .map(Data::into_inner))
    }

    /// `GET /endpoints/zdr`: every endpoint usable under Zero Data Retention.
    pub async fn zdr_endpoints(&self) -> Result<Response<Vec<Endpoint>>, Error> {
        let call = Call::get("/endpoints/zdr", "endpoint list").auth(Auth::Optional);
        Ok(self
            .send_json::<Data<Vec<Endpoint>>>(call)
            .await?
            .map(Data::into_inner))
    }

    /// `GET /providers`: the provider directory.
    pub async fn providers(&self) -> Result<Response<Vec<Provider>>, Error> {
        let call = Call::get("/providers", "provider list").auth(Auth::Optional);
        Ok(self
            .send_json::<Data<Vec<Provider>>>(call)
            .await?
            .map(Data::into_inner))
    }
}

/// `author/slug[:variant]`, checked so it cannot escape its path segment.
fn model_path(id: &str) -> Result<&str, Error> {
    let valid = id.split('/').count() == 2
        && id
            .split('/')
            .all(|part| !part.is_empty() && part != "." && part != "..")
        && !id.contains(['?', '#', '%', '\\'])
        && !id.chars().any(|c| c.is_whitespace() || c.is_control());
    if valid {
        Ok(id)
    } else {
        Err(Error::config(format!(
            "invalid model id `{id}`: expected `author/slug`, e.g. openai/gpt-4o"
        )))
    }
}

pub(crate) fn path_segment<'a>(what: &str, value: &'a str) -> Result<&'a str, Error> {
    if value.is_empty()
        || value == "."
        || value == ".."
        || value.contains(['/', '?', '#', '%', '\\'])
        || value.chars().any(|c| c.is_whitespace() || c.is_control())
    {
        return Err(Error::config(format!("invalid {what} `{value}`")));
    }
    Ok(value)
}
