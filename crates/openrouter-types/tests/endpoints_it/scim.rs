//! `fixtures/scim/`: every exchange through the `scim` types, the required
//! `keep_members` query, and unknown values.

use openrouter_types::Data;
use openrouter_types::management::ListPage;
use openrouter_types::scim::{
    CreateGroupMappingRequest, DeleteGroupMappingQuery, GroupMapping, ScimGroup,
    UpdateGroupMappingRequest,
};
use openrouter_types::workspaces::WorkspaceRole;

use crate::management::{Folder, deleted, owned, page_query, round_trip};

#[test]
fn every_scim_fixture_round_trips() {
    let mut f = Folder::new("scim");

    f.no_request_body("mappings_list");
    let mappings: ListPage<GroupMapping> = f.response("mappings_list");
    assert_eq!(mappings.next_offset(0), None);

    let create: CreateGroupMappingRequest = f.request("mapping_create");
    assert_eq!(
        create,
        CreateGroupMappingRequest::new(
            "2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f",
            "1e2f3a4b-5c6d-4e7f-8a9b-0c1d2e3f4a5b",
            WorkspaceRole::Member,
        )
    );
    let _: Data<GroupMapping> = f.response("mapping_create");

    f.no_request_body("mapping_get");
    let _: Data<GroupMapping> = f.response("mapping_get");

    let update: UpdateGroupMappingRequest = f.request("mapping_update");
    assert_eq!(update, UpdateGroupMappingRequest::new("admin"));
    let updated: Data<GroupMapping> = f.response("mapping_update");
    assert_eq!(updated.data.role, WorkspaceRole::Admin);

    deleted(&mut f, "mapping_delete");
    assert_eq!(
        f.query("mapping_delete"),
        owned(DeleteGroupMappingQuery::new(false).to_query_pairs())
    );

    f.no_request_body("groups_list");
    let groups: ListPage<ScimGroup> = f.response("groups_list");
    assert_eq!(f.query("groups_list"), page_query(0, 50));
    assert_eq!(groups.next_offset(0), None);
    assert_eq!(groups.data[1].external_id, None);

    f.finish();
}

#[test]
fn unknown_fields_and_values_survive() {
    let mut f = Folder::new("scim");
    let mut wire = f.exchange("mapping_get")["response"]["body"].clone();
    wire["data"]["role"] = "billing".into();
    wire["data"]["member_count"] = 12.into();
    let mapping: Data<GroupMapping> = round_trip("mapping with unknowns", &wire);
    assert!(mapping.data.role.is_unknown());
    assert_eq!(mapping.data.extra["member_count"], 12);
}
