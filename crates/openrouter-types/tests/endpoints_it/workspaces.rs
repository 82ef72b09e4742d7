//! `fixtures/workspaces/`: every exchange through the `workspaces` types
//! (budgets and members included), the paging rule, and unknown values.

use openrouter_types::Data;
use openrouter_types::management::ListPage;
use openrouter_types::routing::ProviderSort;
use openrouter_types::workspaces::budgets::{
    BudgetInterval, UpsertBudgetRequest, WorkspaceBudgetResponse, WorkspaceBudgets,
};
use openrouter_types::workspaces::{
    CreateWorkspaceRequest, MembersAdded, MembersRemoved, UpdateWorkspaceRequest, UserIdsRequest,
    Workspace, WorkspaceMember, WorkspaceRole, WorkspaceSettings,
};

use crate::management::{Folder, deleted, page_query, round_trip};

#[test]
fn every_workspaces_fixture_round_trips() {
    let mut f = Folder::new("workspaces");

    f.no_request_body("list");
    let list: ListPage<Workspace> = f.response("list");
    assert_eq!(list.next_offset(0), None);
    assert_eq!(list.data[0].created_by, None);

    let create: CreateWorkspaceRequest = f.request("create");
    assert_eq!(create.settings.slug.as_deref(), Some("staging"));
    let _: Data<Workspace> = f.response("create");

    f.no_request_body("get");
    let got: Data<Workspace> = f.response("get");
    assert_eq!(got.data.default_provider_sort, Some(ProviderSort::Price));
    // The 404 is OpenRouter's error envelope, tested with the chat errors.
    f.exchange("get_error_404");

    let patch: UpdateWorkspaceRequest = f.request("update");
    assert_eq!(patch.description, Some(None), "null clears the description");
    let updated: Data<Workspace> = f.response("update");
    assert_eq!(updated.data.io_logging_api_key_ids, Some(vec![1042, 1043]));

    deleted(&mut f, "delete");

    f.no_request_body("budgets_list");
    let budgets: WorkspaceBudgets = f.response("budgets_list");
    let intervals: Vec<BudgetInterval> = budgets.data.iter().map(|b| b.interval()).collect();
    assert_eq!(
        intervals,
        [BudgetInterval::Monthly, BudgetInterval::Lifetime]
    );
    f.no_request_body("budget_get");
    let _: WorkspaceBudgetResponse = f.response("budget_get");
    let put: UpsertBudgetRequest = f.request("budget_put");
    assert_eq!(
        put,
        UpsertBudgetRequest::new(250.75).include_byok_in_budgets(true)
    );
    let upserted: WorkspaceBudgetResponse = f.response("budget_put");
    assert_eq!(upserted.data.interval(), BudgetInterval::Weekly);
    assert_eq!(upserted.include_byok_in_budgets, Some(true));
    deleted(&mut f, "budget_delete");

    f.no_request_body("members_list");
    let members: ListPage<WorkspaceMember> = f.response("members_list");
    assert_eq!(f.query("members_list"), page_query(0, 2));
    assert_eq!(members.next_offset(0), Some(2), "2 of 3 received");
    assert_eq!(members.data[0].role, WorkspaceRole::Admin);
    let add: UserIdsRequest = f.request("members_add");
    assert_eq!(add, UserIdsRequest::new(["user_mockUserId0000000000003"]));
    let added: MembersAdded = f.response("members_add");
    assert_eq!(added.added_count, 1);
    let _: UserIdsRequest = f.request("members_remove");
    let _: MembersRemoved = f.response("members_remove");

    f.finish();
}

#[test]
fn the_builders_write_the_recorded_bodies() {
    let mut f = Folder::new("workspaces");
    let create = CreateWorkspaceRequest::new(
        "Staging",
        "staging",
        WorkspaceSettings::new()
            .default_provider_sort(ProviderSort::Throughput)
            .default_text_model("openai/gpt-4o-mini")
            .description("Pre-release testing"),
    );
    assert_eq!(create, f.request::<CreateWorkspaceRequest>("create"));

    let patch = UpdateWorkspaceRequest::new()
        .remove_description()
        .io_logging_api_key_ids([1042, 1043])
        .io_logging_sampling_rate(0.25)
        .is_observability_io_logging_enabled(true);
    assert_eq!(patch, f.request::<UpdateWorkspaceRequest>("update"));
    assert_eq!(
        serde_json::to_value(WorkspaceSettings::new().log_every_key()).expect("encode"),
        serde_json::json!({"io_logging_api_key_ids": null})
    );
}

#[test]
fn unknown_fields_and_values_survive() {
    let mut f = Folder::new("workspaces");
    let mut wire = f.exchange("get")["response"]["body"].clone();
    wire["data"]["default_provider_sort"] = "carbon".into();
    wire["data"]["data_region"] = "eu".into();
    let got: Data<Workspace> = round_trip("workspace with unknowns", &wire);
    assert!(
        got.data
            .default_provider_sort
            .as_ref()
            .is_some_and(ProviderSort::is_unknown)
    );
    assert_eq!(got.data.extra["data_region"], "eu");

    let mut wire = f.exchange("members_add")["response"]["body"].clone();
    wire["data"][0]["role"] = "owner".into();
    wire["skipped_user_ids"] = serde_json::json!([]);
    let added: MembersAdded = round_trip("members with unknowns", &wire);
    assert_eq!(added.data[0].role.as_str(), "owner");

    let mut wire = f.exchange("budgets_list")["response"]["body"].clone();
    wire["data"][0]["reset_interval"] = "quarterly".into();
    wire["data"][0]["spent_usd"] = 12.5.into();
    let budgets: WorkspaceBudgets = round_trip("budgets with unknowns", &wire);
    assert_eq!(budgets.data[0].interval().as_str(), "quarterly");
    assert_eq!(BudgetInterval::from("lifetime"), BudgetInterval::Lifetime);
}
