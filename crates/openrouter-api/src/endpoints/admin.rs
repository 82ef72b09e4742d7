//! Organisation administration with a management key: guardrails,
//! workspaces and their budgets and members, observability destinations,
//! SCIM group mappings, organisation members.

use openrouter_types::guardrails::{
    AssignedCount, CreateGuardrailRequest, Guardrail, KeyAssignment, KeyHashesRequest,
    MemberAssignment, MemberIdsRequest, UnassignedCount, UpdateGuardrailRequest,
};
use openrouter_types::management::{Deleted, ListPage, WorkspacePageQuery};
use openrouter_types::models::{Data, PageQuery};
use openrouter_types::observability::{
    CreateDestinationRequest, Destination, UpdateDestinationRequest,
};
use openrouter_types::organization::{ListMembersQuery, MemberList};
use openrouter_types::scim::{
    CreateGroupMappingRequest, DeleteGroupMappingQuery, GroupMapping, ScimGroup,
    UpdateGroupMappingRequest,
};
use openrouter_types::workspaces::budgets::{
    UpsertBudgetRequest, WorkspaceBudgetResponse, WorkspaceBudgets,
};
use openrouter_types::workspaces::{
    CreateWorkspaceRequest, MembersAdded, MembersRemoved, UpdateWorkspaceRequest, UserIdsRequest,
    Workspace, WorkspaceMember,
};

client_methods! {
    /// `GET /guardrails`: a page of the guardrails (see [`ListPage::next_offset`]).
    list_guardrails(; query: WorkspacePageQuery) -> ListPage<Guardrail> = LIST_GUARDRAILS;
    /// `POST /guardrails`: creates a guardrail (enforcing nothing until configured).
    create_guardrail(; body: CreateGuardrailRequest) -> Data<Guardrail> = CREATE_GUARDRAIL;
    /// `GET /guardrails/{id}`.
    get_guardrail(id) -> Data<Guardrail> = GET_GUARDRAIL;
    /// `PATCH /guardrails/{id}`: only the fields set are changed.
    update_guardrail(id; body: UpdateGuardrailRequest) -> Data<Guardrail> = UPDATE_GUARDRAIL;
    /// `DELETE /guardrails/{id}`.
    delete_guardrail(id) -> Deleted = DELETE_GUARDRAIL;
    /// `GET /guardrails/{id}/assignments/keys`: the keys a guardrail applies to.
    list_guardrail_key_assignments(id; query: PageQuery) -> ListPage<KeyAssignment> = LIST_GUARDRAIL_KEY_ASSIGNMENTS;
    /// `POST /guardrails/{id}/assignments/keys`: assigns keys (a set: sending it twice is harmless).
    assign_guardrail_keys(id; body: KeyHashesRequest) -> AssignedCount = ASSIGN_GUARDRAIL_KEYS;
    /// `POST /guardrails/{id}/assignments/keys/remove`: unassigns keys.
    unassign_guardrail_keys(id; body: KeyHashesRequest) -> UnassignedCount = UNASSIGN_GUARDRAIL_KEYS;
    /// `GET /guardrails/{id}/assignments/members`: the members a guardrail applies to.
    list_guardrail_member_assignments(id; query: PageQuery) -> ListPage<MemberAssignment> = LIST_GUARDRAIL_MEMBER_ASSIGNMENTS;
    /// `POST /guardrails/{id}/assignments/members`: assigns organisation members.
    assign_guardrail_members(id; body: MemberIdsRequest) -> AssignedCount = ASSIGN_GUARDRAIL_MEMBERS;
    /// `POST /guardrails/{id}/assignments/members/remove`: unassigns members.
    unassign_guardrail_members(id; body: MemberIdsRequest) -> UnassignedCount = UNASSIGN_GUARDRAIL_MEMBERS;
    /// `GET /guardrails/assignments/keys`: every key assignment of the account.
    list_key_assignments(; query: PageQuery) -> ListPage<KeyAssignment> = LIST_KEY_ASSIGNMENTS;
    /// `GET /guardrails/assignments/members`: every member assignment of the account.
    list_member_assignments(; query: PageQuery) -> ListPage<MemberAssignment> = LIST_MEMBER_ASSIGNMENTS;

    /// `GET /workspaces`: a page of the workspaces.
    list_workspaces(; query: PageQuery) -> ListPage<Workspace> = LIST_WORKSPACES;
    /// `POST /workspaces`: creates a workspace.
    create_workspace(; body: CreateWorkspaceRequest) -> Data<Workspace> = CREATE_WORKSPACE;
    /// `GET /workspaces/{id}`: by id or slug.
    get_workspace(id) -> Data<Workspace> = GET_WORKSPACE;
    /// `PATCH /workspaces/{id}`.
    update_workspace(id; body: UpdateWorkspaceRequest) -> Data<Workspace> = UPDATE_WORKSPACE;
    /// `DELETE /workspaces/{id}`: fails while the workspace has active keys.
    delete_workspace(id) -> Deleted = DELETE_WORKSPACE;
    /// `GET /workspaces/{id}/budgets`: every budget of a workspace (not paged).
    list_workspace_budgets(id) -> WorkspaceBudgets = LIST_WORKSPACE_BUDGETS;
    /// `GET /workspaces/{id}/budgets/{interval}` (`daily`, `weekly`, `monthly`, `lifetime`).
    get_workspace_budget(id, interval) -> WorkspaceBudgetResponse = GET_WORKSPACE_BUDGET;
    /// `PUT /workspaces/{id}/budgets/{interval}`: creates or replaces the budget.
    upsert_workspace_budget(id, interval; body: UpsertBudgetRequest) -> WorkspaceBudgetResponse = UPSERT_WORKSPACE_BUDGET;
    /// `DELETE /workspaces/{id}/budgets/{interval}`.
    delete_workspace_budget(id, interval) -> Deleted = DELETE_WORKSPACE_BUDGET;
    /// `GET /workspaces/{id}/members`: a page of the workspace's members.
    list_workspace_members(id; query: PageQuery) -> ListPage<WorkspaceMember> = LIST_WORKSPACE_MEMBERS;
    /// `POST /workspaces/{id}/members/add`: adds organisation members (a set).
    add_workspace_members(id; body: UserIdsRequest) -> MembersAdded = ADD_WORKSPACE_MEMBERS;
    /// `POST /workspaces/{id}/members/remove`: removes members (a set).
    remove_workspace_members(id; body: UserIdsRequest) -> MembersRemoved = REMOVE_WORKSPACE_MEMBERS;

    /// `GET /observability/destinations`: where traces are exported.
    list_observability_destinations(; query: WorkspacePageQuery) -> ListPage<Destination> = LIST_OBSERVABILITY_DESTINATIONS;
    /// `POST /observability/destinations`: its credentials are redacted types.
    create_observability_destination(; body: CreateDestinationRequest) -> Data<Destination> = CREATE_OBSERVABILITY_DESTINATION;
    /// `GET /observability/destinations/{id}`.
    get_observability_destination(id) -> Data<Destination> = GET_OBSERVABILITY_DESTINATION;
    /// `PATCH /observability/destinations/{id}`: only the fields set are changed.
    update_observability_destination(id; body: UpdateDestinationRequest) -> Data<Destination> = UPDATE_OBSERVABILITY_DESTINATION;
    /// `DELETE /observability/destinations/{id}`.
    delete_observability_destination(id) -> Deleted = DELETE_OBSERVABILITY_DESTINATION;

    /// `GET /scim/group-mappings`: SCIM groups mapped to workspace roles.
    list_scim_group_mappings(; query: PageQuery) -> ListPage<GroupMapping> = LIST_SCIM_GROUP_MAPPINGS;
    /// `POST /scim/group-mappings`.
    create_scim_group_mapping(; body: CreateGroupMappingRequest) -> Data<GroupMapping> = CREATE_SCIM_GROUP_MAPPING;
    /// `GET /scim/group-mappings/{id}`.
    get_scim_group_mapping(id) -> Data<GroupMapping> = GET_SCIM_GROUP_MAPPING;
    /// `PATCH /scim/group-mappings/{id}`: changes the mapped role.
    update_scim_group_mapping(id; body: UpdateGroupMappingRequest) -> Data<GroupMapping> = UPDATE_SCIM_GROUP_MAPPING;
    /// `DELETE /scim/group-mappings/{id}`: `keep_members` is required.
    delete_scim_group_mapping(id; query: DeleteGroupMappingQuery) -> Deleted = DELETE_SCIM_GROUP_MAPPING;
    /// `GET /scim/groups`: the organisation's SCIM groups.
    list_scim_groups(; query: PageQuery) -> ListPage<ScimGroup> = LIST_SCIM_GROUPS;

    /// `GET /organization/members`: a page of the organisation's members.
    organization_members(; query: ListMembersQuery) -> MemberList = ORGANIZATION_MEMBERS;
}
