//! The declarations themselves: one line per operation of
//! `openrouter-openapi.yaml`, checked against the spec by `cargo xtask spec`.

use http::Method;

use super::{AuthKind, BodyKind, Operation, ResponseKind, RetryClass};

/// Declares each operation as a `static` and lists them all in [`ALL`].
macro_rules! operations {
    ($(
        $(#[$doc:meta])*
        $name:ident = $id:literal $method:ident $path:literal,
            $auth:ident, $retry:ident, $request:ident -> $response:ident,
            $client:literal, $what:literal;
    )*) => {
        $(
            $(#[$doc])*
            pub static $name: Operation = Operation {
                id: $id,
                method: Method::$method,
                path: $path,
                auth: AuthKind::$auth,
                retry: RetryClass::$retry,
                request: BodyKind::$request,
                response: ResponseKind::$response,
                client_method: $client,
                what: $what,
            };
        )*

        /// Every declared operation.
        pub static ALL: &[&Operation] = &[$(&$name),*];
    };
}

operations! {
    /// `POST /chat/completions`.
    CHAT_COMPLETIONS = "sendChatCompletionRequest" POST "/chat/completions",
        Inference, Inference, Json -> JsonOrEvents, "chat", "chat completion";
    /// `POST /responses`.
    RESPONSES = "createResponses" POST "/responses",
        Inference, Inference, Json -> JsonOrEvents, "responses", "response";
    /// `POST /embeddings`.
    EMBEDDINGS = "createEmbeddings" POST "/embeddings",
        Inference, Inference, Json -> Json, "embeddings", "embeddings";
    /// `GET /embeddings/models`.
    EMBEDDING_MODELS = "listEmbeddingsModels" GET "/embeddings/models",
        Public, Idempotent, None -> Json, "embedding_models", "model list";

    /// `GET /models`.
    MODELS = "getModels" GET "/models",
        Public, Idempotent, None -> Json, "models", "model list";
    /// `GET /models/count`.
    MODELS_COUNT = "listModelsCount" GET "/models/count",
        Public, Idempotent, None -> Json, "models_count", "model count";
    /// `GET /models/user`.
    MODELS_USER = "listModelsUser" GET "/models/user",
        Inference, Idempotent, None -> Json, "models_user", "model list";
    /// `GET /model/{author}/{slug}`.
    MODEL = "getModel" GET "/model/{author}/{slug}",
        Public, Idempotent, None -> Json, "model", "model";
    /// `GET /models/{author}/{slug}/endpoints`.
    MODEL_ENDPOINTS = "listEndpoints" GET "/models/{author}/{slug}/endpoints",
        Public, Idempotent, None -> Json, "model_endpoints", "endpoint list";
    /// `GET /endpoints/zdr`.
    ZDR_ENDPOINTS = "listEndpointsZdr" GET "/endpoints/zdr",
        Public, Idempotent, None -> Json, "zdr_endpoints", "endpoint list";
    /// `GET /providers`.
    PROVIDERS = "listProviders" GET "/providers",
        Public, Idempotent, None -> Json, "providers", "provider list";

    /// `GET /key`.
    KEY = "getCurrentKey" GET "/key",
        Inference, Idempotent, None -> Json, "key", "key info";
    /// `GET /credits`.
    CREDITS = "getCredits" GET "/credits",
        Management, Idempotent, None -> Json, "credits", "credits";
    /// `GET /generation`.
    GENERATION = "getGeneration" GET "/generation",
        Inference, Idempotent, None -> Json, "generation", "generation";

    /// `GET /keys`.
    LIST_KEYS = "list" GET "/keys",
        Management, Idempotent, None -> Json, "list_keys", "key list";
    /// `POST /keys`.
    CREATE_KEY = "createKeys" POST "/keys",
        Management, NotIdempotent, Json -> Json, "create_key", "created key";
    /// `GET /keys/{hash}`.
    GET_KEY = "getKey" GET "/keys/{hash}",
        Management, Idempotent, None -> Json, "get_key", "key";
    /// `PATCH /keys/{hash}`.
    UPDATE_KEY = "updateKeys" PATCH "/keys/{hash}",
        Management, Idempotent, Json -> Json, "update_key", "key";
    /// `DELETE /keys/{hash}`.
    DELETE_KEY = "deleteKeys" DELETE "/keys/{hash}",
        Management, Idempotent, None -> Json, "delete_key", "deleted key";
}
