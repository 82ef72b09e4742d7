//! `GET /organization/members`.

use openrouter_types::organization::{ListMembersQuery, MemberList, OrganizationRole};

use super::{exchange, keeps_unknown_field, keeps_unknown_value, response};

#[test]
fn members_round_trip_and_page_by_offset() {
    let page: MemberList = response("organization/members");
    assert_eq!(page.data[0].role, OrganizationRole::Admin);
    assert_eq!(page.data[1].first_name, None);
    assert_eq!(page.next_offset(0), Some(2));
    assert_eq!(page.next_offset(23), None);
    assert_eq!(
        ListMembersQuery::new().limit(2).to_query_pairs(),
        vec![("limit", "2".to_owned())]
    );
}

#[test]
fn unknown_fields_and_roles_survive() {
    let body = &exchange("organization/members")["response"]["body"];
    keeps_unknown_field::<MemberList>("organization/members", body, "/data/0");
    let page: MemberList = keeps_unknown_value("organization/members", body, "/data/1/role");
    assert!(page.data[1].role.is_unknown());
}
