//! The account beyond keys and credits (activity, analytics, BYOK provider
//! keys, feedback, stored generation content, the retired Coinbase charge)
//! and the public datasets (benchmarks, rankings, task shares).

use openrouter_types::activity::{ActivityItem, ActivityQuery};
use openrouter_types::analytics::{AnalyticsMeta, AnalyticsQuery, AnalyticsResult};
use openrouter_types::benchmarks::{BenchmarksQuery, BenchmarksResponse};
use openrouter_types::byok::{
    ByokKey, ByokKeyList, CreateByokKeyRequest, DeleteByokKeyResponse, ListByokKeysQuery,
    UpdateByokKeyRequest,
};
use openrouter_types::classifications::{TaskClassifications, TaskClassificationsQuery};
use openrouter_types::coinbase::{CoinbaseCharge, CoinbaseChargeRequest};
use openrouter_types::datasets::{
    AppRankingsQuery, AppRankingsResponse, RankingsDailyQuery, RankingsDailyResponse,
    SessionCostQuery, SessionCostResponse,
};
use openrouter_types::feedback::{FeedbackReceipt, FeedbackRequest};
use openrouter_types::generation_content::{GenerationContent, GenerationContentQuery};
use openrouter_types::models::Data;

client_methods! {
    /// `GET /activity`: usage per day, model and endpoint over the last 30 UTC days
    /// (a management key), filtered by `query`.
    activity(; query: ActivityQuery) -> Data<Vec<ActivityItem>> = ACTIVITY;
    /// `GET /analytics/meta`: the metrics, dimensions and operators `analytics_query` accepts.
    analytics_meta() -> Data<AnalyticsMeta> = ANALYTICS_META;
    /// `POST /analytics/query`: runs an analytics query (a read: retried like one).
    analytics_query(; body: AnalyticsQuery) -> Data<AnalyticsResult> = ANALYTICS_QUERY;

    /// `GET /byok`: the provider keys you brought (their secrets are never returned).
    list_byok(; query: ListByokKeysQuery) -> ByokKeyList = LIST_BYOK;
    /// `POST /byok`: stores a provider key. The key in the request is a redacted type.
    create_byok(; body: CreateByokKeyRequest) -> Data<ByokKey> = CREATE_BYOK;
    /// `GET /byok/{id}`.
    get_byok(id) -> Data<ByokKey> = GET_BYOK;
    /// `PATCH /byok/{id}`: only the fields set are changed.
    update_byok(id; body: UpdateByokKeyRequest) -> Data<ByokKey> = UPDATE_BYOK;
    /// `DELETE /byok/{id}`.
    delete_byok(id) -> DeleteByokKeyResponse = DELETE_BYOK;

    /// `POST /generation/feedback`: structured feedback on one of your generations.
    generation_feedback(; body: FeedbackRequest) -> Data<FeedbackReceipt> = GENERATION_FEEDBACK;
    /// `GET /generation/content?id=…`: the stored prompt and completion of a generation.
    generation_content(; query: GenerationContentQuery) -> Data<GenerationContent> = GENERATION_CONTENT;
    /// `POST /credits/coinbase`: retired by OpenRouter (it answers 410 Gone); kept so
    /// old integrations get a typed error instead of a 404.
    create_coinbase_charge(; body: CoinbaseChargeRequest) -> Data<CoinbaseCharge> = CREATE_COINBASE_CHARGE;

    /// `GET /benchmarks`: benchmark scores from several sources.
    benchmarks(; query: BenchmarksQuery) -> BenchmarksResponse = BENCHMARKS;
    /// `GET /datasets/app-rankings`: the top public apps by tokens.
    app_rankings(; query: AppRankingsQuery) -> AppRankingsResponse = APP_RANKINGS;
    /// `GET /datasets/rankings-daily`: the top models per day by tokens.
    rankings_daily(; query: RankingsDailyQuery) -> RankingsDailyResponse = RANKINGS_DAILY;
    /// `GET /datasets/session-cost`: aggregated cost per session of published harnesses.
    session_cost(; query: SessionCostQuery) -> SessionCostResponse = SESSION_COST;
    /// `GET /classifications/task`: OpenRouter's traffic by task.
    task_classifications(; query: TaskClassificationsQuery) -> Data<TaskClassifications> = TASK_CLASSIFICATIONS;
}
