//! `fixtures/guardrails/`: every exchange through the `guardrails` types, the
//! paging rule on the recorded pages, and what an unknown field or value becomes.

use openrouter_types::Data;
use openrouter_types::guardrails::{
    AssignedCount, BuiltinFilterSlug, CreateGuardrailRequest, FilterAction, Guardrail,
    KeyAssignment, KeyHashesRequest, MemberAssignment, MemberIdsRequest, UnassignedCount,
    UpdateGuardrailRequest,
};
use openrouter_types::key::LimitReset;
use openrouter_types::management::{ListPage, WorkspacePageQuery};

use crate::management::{Folder, deleted, owned, page_query, round_trip};

#[test]
fn every_guardrails_fixture_round_trips() {
    let mut f = Folder::new("guardrails");

    f.no_request_body("list");
    let list: ListPage<Guardrail> = f.response("list");
    assert_eq!(
        f.query("list"),
        owned(
            WorkspacePageQuery::new()
                .offset(0)
                .limit(2)
                .to_query_pairs()
        )
    );
    assert_eq!(list.next_offset(0), Some(2), "2 of 3 received");
    assert_eq!(list.data[1].reset_interval, Some(LimitReset::Weekly));

    let create: CreateGuardrailRequest = f.request("create");
    assert_eq!(create.settings.name.as_deref(), Some("Contractors"));
    let created: Data<Guardrail> = f.response("create");
    assert_eq!(created.data.limit_usd, Some(50.0));

    f.no_request_body("get");
    let got: Data<Guardrail> = f.response("get");
    let builtins = got
        .data
        .content_filter_builtins
        .as_deref()
        .unwrap_or_default();
    assert_eq!(builtins[1].slug, BuiltinFilterSlug::RegexPromptInjection);
    assert_eq!(builtins[1].action, FilterAction::Block);

    let patch: UpdateGuardrailRequest = f.request("update");
    assert_eq!(patch.content_filters, Some(None), "null clears the filters");
    assert_eq!(patch.limit_usd, Some(Some(300.0)));
    let _: Data<Guardrail> = f.response("update");

    deleted(&mut f, "delete");

    for (name, offset, limit, next) in [
        ("list_key_assignments", 0, 50, None),
        ("all_key_assignments", 50, 50, None),
    ] {
        f.no_request_body(name);
        let page: ListPage<KeyAssignment> = f.response(name);
        assert_eq!(f.query(name), page_query(offset, limit), "{name}");
        assert_eq!(page.next_offset(offset), next, "{name}");
    }
    for name in ["list_member_assignments", "all_member_assignments"] {
        f.no_request_body(name);
        let page: ListPage<MemberAssignment> = f.response(name);
        assert_eq!(page.next_offset(0), None, "{name}");
    }

    let _: KeyHashesRequest = f.request("assign_keys");
    let assigned: AssignedCount = f.response("assign_keys");
    assert_eq!(assigned.assigned_count, 2);
    let _: KeyHashesRequest = f.request("unassign_keys");
    let _: UnassignedCount = f.response("unassign_keys");
    let _: MemberIdsRequest = f.request("assign_members");
    let _: AssignedCount = f.response("assign_members");
    let _: MemberIdsRequest = f.request("unassign_members");
    let _: UnassignedCount = f.response("unassign_members");

    f.finish();
}

#[test]
fn the_builders_write_the_recorded_bodies() {
    use openrouter_types::guardrails::{BuiltinFilter, ContentFilter, GuardrailSettings};

    let mut f = Folder::new("guardrails");
    let create = CreateGuardrailRequest::new(
        "Contractors",
        GuardrailSettings::new()
            .allowed_providers(["anthropic", "openai"])
            .content_filter_builtins([
                BuiltinFilter::new(BuiltinFilterSlug::Email, FilterAction::Redact),
                BuiltinFilter::new("phone", "flag"),
            ])
            .description("Contractors: weekly cap, no training")
            .enable_free_model_publication(false)
            .enable_free_model_training(false)
            .enable_paid_model_training(false)
            .enforce_zdr_everywhere(true)
            .limit_usd(50.0)
            .reset_interval(LimitReset::Weekly),
    )
    .workspace_id("6b8f2d1e-4a3c-4f9b-9e7d-1c2b3a4d5e6f");
    let recorded: CreateGuardrailRequest = f.request("create");
    assert_eq!(create, recorded);

    let patch = UpdateGuardrailRequest::new()
        .content_filters(Vec::<ContentFilter>::new())
        .ignored_providers(["deepinfra"])
        .limit_usd(300.0);
    let recorded: UpdateGuardrailRequest = f.request("update");
    assert_eq!(patch, recorded);

    assert_eq!(
        KeyHashesRequest::new([
            "5b6c0d7a2f1e3c4b8a9d0e1f2a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d",
            "9f8e7d6c5b4a39281706f5e4d3c2b1a09f8e7d6c5b4a39281706f5e4d3c2b1a0",
        ]),
        f.request::<KeyHashesRequest>("assign_keys")
    );
    assert_eq!(
        MemberIdsRequest::new(["user_mockUserId0000000000003"]),
        f.request::<MemberIdsRequest>("unassign_members")
    );
}

#[test]
fn unknown_fields_and_values_survive() {
    let mut f = Folder::new("guardrails");
    let mut wire = f.exchange("get")["response"]["body"].clone();
    let guardrail = &mut wire["data"];
    guardrail["reset_interval"] = "quarterly".into();
    guardrail["content_filter_builtins"][0]["slug"] = "iban".into();
    guardrail["content_filter_builtins"][0]["action"] = "quarantine".into();
    guardrail["content_filter_builtins"][0]["confidence"] = 0.8.into();
    guardrail["content_filters"][0]["case_sensitive"] = true.into();
    guardrail["enforce_zdr_meta"] = true.into();
    wire["meta"] = serde_json::json!({"request_id": "req_1"});

    let decoded: Data<Guardrail> = round_trip("guardrail with unknowns", &wire);
    let g = &decoded.data;
    assert_eq!(
        g.reset_interval.as_ref().map(LimitReset::as_str),
        Some("quarterly")
    );
    let builtin = &g.content_filter_builtins.as_deref().unwrap_or_default()[0];
    assert!(builtin.slug.is_unknown() && builtin.action.is_unknown());
    assert_eq!(builtin.extra["confidence"], 0.8);
    assert_eq!(g.extra["enforce_zdr_meta"], true);
    assert_eq!(decoded.extra["meta"]["request_id"], "req_1");

    // Unknown request fields are sent as they were decoded.
    let mut body = f.exchange("update")["request"]["body"].clone();
    body["enforce_zdr_meta"] = true.into();
    let _: UpdateGuardrailRequest = round_trip("patch with unknowns", &body);
}

#[test]
fn a_guardrail_without_its_nullable_fields_reencodes_them_as_null() {
    let minimal = serde_json::json!({
        "created_at": "2025-11-26T01:00:00Z", "id": "g", "include_byok_in_budgets": false,
        "name": "n", "workspace_id": null
    });
    let g: Guardrail = serde_json::from_value(minimal).expect("decode");
    let back = serde_json::to_value(&g).expect("encode");
    assert_eq!(back["limit_usd"], serde_json::Value::Null);
    assert_eq!(back.as_object().map(|o| o.len()), Some(24));
}
