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

    // The rest of the API, in the spec's path order.
    /// `GET /activity`.
    ACTIVITY = "getUserActivity" GET "/activity",
        Management, Idempotent, None -> Json, "activity", "activity";
    /// `GET /analytics/meta`.
    ANALYTICS_META = "getAnalyticsMeta" GET "/analytics/meta",
        Management, Idempotent, None -> Json, "analytics_meta", "analytics metadata";
    /// `POST /analytics/query`.
    ANALYTICS_QUERY = "queryAnalytics" POST "/analytics/query",
        Management, Idempotent, Json -> Json, "analytics_query", "analytics result";
    /// `POST /audio/speech`.
    SPEECH = "createAudioSpeech" POST "/audio/speech",
        Inference, Inference, Json -> Bytes, "speech", "speech audio";
    /// `POST /audio/transcriptions`.
    TRANSCRIPTION = "createAudioTranscriptions" POST "/audio/transcriptions",
        Inference, Inference, Multipart -> Json, "transcription", "transcription";
    /// `POST /auth/keys`.
    EXCHANGE_AUTH_CODE = "exchangeAuthCodeForAPIKey" POST "/auth/keys",
        Public, NotIdempotent, Json -> Json, "exchange_auth_code", "exchanged key";
    /// `POST /auth/keys/code`.
    CREATE_AUTH_CODE = "createAuthKeysCode" POST "/auth/keys/code",
        Inference, NotIdempotent, Json -> Json, "create_auth_code", "authorization code";
    /// `GET /benchmarks`.
    BENCHMARKS = "getBenchmarks" GET "/benchmarks",
        Public, Idempotent, None -> Json, "benchmarks", "benchmarks";
    /// `GET /byok`.
    LIST_BYOK = "listBYOKKeys" GET "/byok",
        Management, Idempotent, None -> Json, "list_byok", "BYOK key list";
    /// `POST /byok`.
    CREATE_BYOK = "createBYOKKey" POST "/byok",
        Management, NotIdempotent, Json -> Json, "create_byok", "created BYOK key";
    /// `DELETE /byok/{id}`.
    DELETE_BYOK = "deleteBYOKKey" DELETE "/byok/{id}",
        Management, Idempotent, None -> Json, "delete_byok", "deleted BYOK key";
    /// `GET /byok/{id}`.
    GET_BYOK = "getBYOKKey" GET "/byok/{id}",
        Management, Idempotent, None -> Json, "get_byok", "BYOK key";
    /// `PATCH /byok/{id}`.
    UPDATE_BYOK = "updateBYOKKey" PATCH "/byok/{id}",
        Management, Idempotent, Json -> Json, "update_byok", "BYOK key";
    /// `GET /classifications/task`.
    TASK_CLASSIFICATIONS = "getTaskClassifications" GET "/classifications/task",
        Public, Idempotent, None -> Json, "task_classifications", "task classifications";
    /// `POST /credits/coinbase`.
    CREATE_COINBASE_CHARGE = "createCoinbaseCharge" POST "/credits/coinbase",
        Management, NotIdempotent, Json -> Json, "create_coinbase_charge", "Coinbase charge";
    /// `GET /datasets/app-rankings`.
    APP_RANKINGS = "getAppRankings" GET "/datasets/app-rankings",
        Public, Idempotent, None -> Json, "app_rankings", "app rankings";
    /// `GET /datasets/rankings-daily`.
    RANKINGS_DAILY = "getRankingsDaily" GET "/datasets/rankings-daily",
        Public, Idempotent, None -> Json, "rankings_daily", "daily rankings";
    /// `GET /datasets/session-cost`.
    SESSION_COST = "getSessionCost" GET "/datasets/session-cost",
        Public, Idempotent, None -> Json, "session_cost", "session costs";
    /// `GET /files`.
    LIST_FILES = "listFiles" GET "/files",
        Inference, Idempotent, None -> Json, "list_files", "file list";
    /// `POST /files`.
    UPLOAD_FILE = "uploadFile" POST "/files",
        Inference, NotIdempotent, Multipart -> Json, "upload_file", "uploaded file";
    /// `DELETE /files/{file_id}`.
    DELETE_FILE = "deleteFile" DELETE "/files/{file_id}",
        Inference, Idempotent, None -> Json, "delete_file", "deleted file";
    /// `GET /files/{file_id}`.
    GET_FILE = "getFileMetadata" GET "/files/{file_id}",
        Inference, Idempotent, None -> Json, "get_file", "file metadata";
    /// `GET /files/{file_id}/content`.
    DOWNLOAD_FILE = "downloadFileContent" GET "/files/{file_id}/content",
        Inference, Idempotent, None -> Bytes, "download_file", "file content";
    /// `GET /generation/content`.
    GENERATION_CONTENT = "listGenerationContent" GET "/generation/content",
        Inference, Idempotent, None -> Json, "generation_content", "generation content";
    /// `POST /generation/feedback`.
    GENERATION_FEEDBACK = "submitGenerationFeedback" POST "/generation/feedback",
        Management, NotIdempotent, Json -> Json, "generation_feedback", "feedback receipt";
    /// `GET /guardrails`.
    LIST_GUARDRAILS = "listGuardrails" GET "/guardrails",
        Management, Idempotent, None -> Json, "list_guardrails", "guardrail list";
    /// `POST /guardrails`.
    CREATE_GUARDRAIL = "createGuardrail" POST "/guardrails",
        Management, NotIdempotent, Json -> Json, "create_guardrail", "created guardrail";
    /// `DELETE /guardrails/{id}`.
    DELETE_GUARDRAIL = "deleteGuardrail" DELETE "/guardrails/{id}",
        Management, Idempotent, None -> Json, "delete_guardrail", "deleted guardrail";
    /// `GET /guardrails/{id}`.
    GET_GUARDRAIL = "getGuardrail" GET "/guardrails/{id}",
        Management, Idempotent, None -> Json, "get_guardrail", "guardrail";
    /// `PATCH /guardrails/{id}`.
    UPDATE_GUARDRAIL = "updateGuardrail" PATCH "/guardrails/{id}",
        Management, Idempotent, Json -> Json, "update_guardrail", "guardrail";
    /// `GET /guardrails/{id}/assignments/keys`.
    LIST_GUARDRAIL_KEY_ASSIGNMENTS = "listGuardrailKeyAssignments" GET "/guardrails/{id}/assignments/keys",
        Management, Idempotent, None -> Json, "list_guardrail_key_assignments", "key assignment list";
    /// `POST /guardrails/{id}/assignments/keys`.
    ASSIGN_GUARDRAIL_KEYS = "bulkAssignKeysToGuardrail" POST "/guardrails/{id}/assignments/keys",
        Management, Idempotent, Json -> Json, "assign_guardrail_keys", "key assignment";
    /// `POST /guardrails/{id}/assignments/keys/remove`.
    UNASSIGN_GUARDRAIL_KEYS = "bulkUnassignKeysFromGuardrail" POST "/guardrails/{id}/assignments/keys/remove",
        Management, Idempotent, Json -> Json, "unassign_guardrail_keys", "key unassignment";
    /// `GET /guardrails/{id}/assignments/members`.
    LIST_GUARDRAIL_MEMBER_ASSIGNMENTS = "listGuardrailMemberAssignments" GET "/guardrails/{id}/assignments/members",
        Management, Idempotent, None -> Json, "list_guardrail_member_assignments", "member assignment list";
    /// `POST /guardrails/{id}/assignments/members`.
    ASSIGN_GUARDRAIL_MEMBERS = "bulkAssignMembersToGuardrail" POST "/guardrails/{id}/assignments/members",
        Management, Idempotent, Json -> Json, "assign_guardrail_members", "member assignment";
    /// `POST /guardrails/{id}/assignments/members/remove`.
    UNASSIGN_GUARDRAIL_MEMBERS = "bulkUnassignMembersFromGuardrail" POST "/guardrails/{id}/assignments/members/remove",
        Management, Idempotent, Json -> Json, "unassign_guardrail_members", "member unassignment";
    /// `GET /guardrails/assignments/keys`.
    LIST_KEY_ASSIGNMENTS = "listKeyAssignments" GET "/guardrails/assignments/keys",
        Management, Idempotent, None -> Json, "list_key_assignments", "key assignment list";
    /// `GET /guardrails/assignments/members`.
    LIST_MEMBER_ASSIGNMENTS = "listMemberAssignments" GET "/guardrails/assignments/members",
        Management, Idempotent, None -> Json, "list_member_assignments", "member assignment list";
    /// `POST /images`.
    GENERATE_IMAGES = "createImages" POST "/images",
        Inference, Inference, Json -> JsonOrEvents, "generate_images", "image generation";
    /// `GET /images/models`.
    IMAGE_MODELS = "listImageModels" GET "/images/models",
        Public, Idempotent, None -> Json, "image_models", "image model list";
    /// `GET /images/models/{author}/{slug}/endpoints`.
    IMAGE_MODEL_ENDPOINTS = "listImageModelEndpoints" GET "/images/models/{author}/{slug}/endpoints",
        Public, Idempotent, None -> Json, "image_model_endpoints", "image model endpoints";
    /// `POST /messages`.
    MESSAGES = "createMessages" POST "/messages",
        Inference, Inference, Json -> JsonOrEvents, "messages", "message";
    /// `GET /observability/destinations`.
    LIST_OBSERVABILITY_DESTINATIONS = "listObservabilityDestinations" GET "/observability/destinations",
        Management, Idempotent, None -> Json, "list_observability_destinations", "destination list";
    /// `POST /observability/destinations`.
    CREATE_OBSERVABILITY_DESTINATION = "createObservabilityDestination" POST "/observability/destinations",
        Management, NotIdempotent, Json -> Json, "create_observability_destination", "created destination";
    /// `DELETE /observability/destinations/{id}`.
    DELETE_OBSERVABILITY_DESTINATION = "deleteObservabilityDestination" DELETE "/observability/destinations/{id}",
        Management, Idempotent, None -> Json, "delete_observability_destination", "deleted destination";
    /// `GET /observability/destinations/{id}`.
    GET_OBSERVABILITY_DESTINATION = "getObservabilityDestination" GET "/observability/destinations/{id}",
        Management, Idempotent, None -> Json, "get_observability_destination", "destination";
    /// `PATCH /observability/destinations/{id}`.
    UPDATE_OBSERVABILITY_DESTINATION = "updateObservabilityDestination" PATCH "/observability/destinations/{id}",
        Management, Idempotent, Json -> Json, "update_observability_destination", "destination";
    /// `GET /organization/members`.
    ORGANIZATION_MEMBERS = "listOrganizationMembers" GET "/organization/members",
        Management, Idempotent, None -> Json, "organization_members", "member list";
    /// `GET /presets`.
    LIST_PRESETS = "listPresets" GET "/presets",
        Inference, Idempotent, None -> Json, "list_presets", "preset list";
    /// `GET /presets/{slug}`.
    GET_PRESET = "getPreset" GET "/presets/{slug}",
        Inference, Idempotent, None -> Json, "get_preset", "preset";
    /// `POST /presets/{slug}/chat/completions`.
    CREATE_PRESET_FROM_CHAT = "createPresetsChatCompletions" POST "/presets/{slug}/chat/completions",
        Inference, NotIdempotent, Json -> Json, "create_preset_from_chat", "created preset";
    /// `POST /presets/{slug}/messages`.
    CREATE_PRESET_FROM_MESSAGES = "createPresetsMessages" POST "/presets/{slug}/messages",
        Inference, NotIdempotent, Json -> Json, "create_preset_from_messages", "created preset";
    /// `POST /presets/{slug}/responses`.
    CREATE_PRESET_FROM_RESPONSES = "createPresetsResponses" POST "/presets/{slug}/responses",
        Inference, NotIdempotent, Json -> Json, "create_preset_from_responses", "created preset";
    /// `GET /presets/{slug}/versions`.
    LIST_PRESET_VERSIONS = "listPresetVersions" GET "/presets/{slug}/versions",
        Inference, Idempotent, None -> Json, "list_preset_versions", "preset version list";
    /// `GET /presets/{slug}/versions/{version}`.
    GET_PRESET_VERSION = "getPresetVersion" GET "/presets/{slug}/versions/{version}",
        Inference, Idempotent, None -> Json, "get_preset_version", "preset version";
    /// `POST /rerank`.
    RERANK = "createRerank" POST "/rerank",
        Inference, Inference, Json -> Json, "rerank", "rerank result";
    /// `GET /scim/group-mappings`.
    LIST_SCIM_GROUP_MAPPINGS = "listScimGroupMappings" GET "/scim/group-mappings",
        Management, Idempotent, None -> Json, "list_scim_group_mappings", "group mapping list";
    /// `POST /scim/group-mappings`.
    CREATE_SCIM_GROUP_MAPPING = "createScimGroupMapping" POST "/scim/group-mappings",
        Management, NotIdempotent, Json -> Json, "create_scim_group_mapping", "created group mapping";
    /// `DELETE /scim/group-mappings/{id}`.
    DELETE_SCIM_GROUP_MAPPING = "deleteScimGroupMapping" DELETE "/scim/group-mappings/{id}",
        Management, Idempotent, None -> Json, "delete_scim_group_mapping", "deleted group mapping";
    /// `GET /scim/group-mappings/{id}`.
    GET_SCIM_GROUP_MAPPING = "getScimGroupMapping" GET "/scim/group-mappings/{id}",
        Management, Idempotent, None -> Json, "get_scim_group_mapping", "group mapping";
    /// `PATCH /scim/group-mappings/{id}`.
    UPDATE_SCIM_GROUP_MAPPING = "updateScimGroupMapping" PATCH "/scim/group-mappings/{id}",
        Management, Idempotent, Json -> Json, "update_scim_group_mapping", "group mapping";
    /// `GET /scim/groups`.
    LIST_SCIM_GROUPS = "listScimGroups" GET "/scim/groups",
        Management, Idempotent, None -> Json, "list_scim_groups", "SCIM group list";
    /// `POST /videos`.
    CREATE_VIDEO = "createVideos" POST "/videos",
        Inference, Inference, Json -> Json, "create_video", "video job";
    /// `GET /videos/{jobId}`.
    VIDEO = "getVideos" GET "/videos/{jobId}",
        Inference, Idempotent, None -> Json, "video", "video job";
    /// `GET /videos/{jobId}/content`.
    DOWNLOAD_VIDEO = "listVideosContent" GET "/videos/{jobId}/content",
        Inference, Idempotent, None -> Bytes, "download_video", "video content";
    /// `GET /videos/models`.
    VIDEO_MODELS = "listVideosModels" GET "/videos/models",
        Public, Idempotent, None -> Json, "video_models", "video model list";
    /// `GET /workspaces`.
    LIST_WORKSPACES = "listWorkspaces" GET "/workspaces",
        Management, Idempotent, None -> Json, "list_workspaces", "workspace list";
    /// `POST /workspaces`.
    CREATE_WORKSPACE = "createWorkspace" POST "/workspaces",
        Management, NotIdempotent, Json -> Json, "create_workspace", "created workspace";
    /// `DELETE /workspaces/{id}`.
    DELETE_WORKSPACE = "deleteWorkspace" DELETE "/workspaces/{id}",
        Management, Idempotent, None -> Json, "delete_workspace", "deleted workspace";
    /// `GET /workspaces/{id}`.
    GET_WORKSPACE = "getWorkspace" GET "/workspaces/{id}",
        Management, Idempotent, None -> Json, "get_workspace", "workspace";
    /// `PATCH /workspaces/{id}`.
    UPDATE_WORKSPACE = "updateWorkspace" PATCH "/workspaces/{id}",
        Management, Idempotent, Json -> Json, "update_workspace", "workspace";
    /// `GET /workspaces/{id}/budgets`.
    LIST_WORKSPACE_BUDGETS = "listWorkspaceBudgets" GET "/workspaces/{id}/budgets",
        Management, Idempotent, None -> Json, "list_workspace_budgets", "budget list";
    /// `DELETE /workspaces/{id}/budgets/{interval}`.
    DELETE_WORKSPACE_BUDGET = "deleteWorkspaceBudget" DELETE "/workspaces/{id}/budgets/{interval}",
        Management, Idempotent, None -> Json, "delete_workspace_budget", "deleted budget";
    /// `GET /workspaces/{id}/budgets/{interval}`.
    GET_WORKSPACE_BUDGET = "getWorkspaceBudget" GET "/workspaces/{id}/budgets/{interval}",
        Management, Idempotent, None -> Json, "get_workspace_budget", "budget";
    /// `PUT /workspaces/{id}/budgets/{interval}`.
    UPSERT_WORKSPACE_BUDGET = "upsertWorkspaceBudget" PUT "/workspaces/{id}/budgets/{interval}",
        Management, Idempotent, Json -> Json, "upsert_workspace_budget", "budget";
    /// `GET /workspaces/{id}/members`.
    LIST_WORKSPACE_MEMBERS = "listWorkspaceMembers" GET "/workspaces/{id}/members",
        Management, Idempotent, None -> Json, "list_workspace_members", "workspace member list";
    /// `POST /workspaces/{id}/members/add`.
    ADD_WORKSPACE_MEMBERS = "bulkAddWorkspaceMembers" POST "/workspaces/{id}/members/add",
        Management, Idempotent, Json -> Json, "add_workspace_members", "added members";
    /// `POST /workspaces/{id}/members/remove`.
    REMOVE_WORKSPACE_MEMBERS = "bulkRemoveWorkspaceMembers" POST "/workspaces/{id}/members/remove",
        Management, Idempotent, Json -> Json, "remove_workspace_members", "removed members";
}
