//! `/byok`: list, create, get, update, delete.

use openrouter_types::Data;
use openrouter_types::byok::{
    ByokKey, ByokKeyList, CreateByokKeyRequest, DeleteByokKeyResponse, ProviderSlug,
    UpdateByokKeyRequest,
};

use super::{exchange, keeps_unknown_field, keeps_unknown_value, request, response};

#[test]
fn list_round_trips_and_pages_by_offset_up_to_total_count() {
    let page: ByokKeyList = response("byok/list");
    assert_eq!(page.data.len(), 2);
    assert_eq!(page.total_count, 3);
    assert_eq!(page.next_offset(0), Some(2));
    assert_eq!(page.next_offset(1), None);
    let fallback = &page.data[1];
    assert_eq!(fallback.provider, ProviderSlug::AmazonBedrock);
    assert!(fallback.is_fallback);
    assert_eq!(fallback.workspace_id, None);
}

#[test]
fn create_round_trips_and_the_provider_key_stays_out_of_debug() {
    let create: CreateByokKeyRequest = request("byok/create");
    assert_eq!(create.provider, ProviderSlug::Openai);
    assert_eq!(create.key.expose(), "sk-proj-REDACTED");
    assert!(!format!("{create:?}").contains("sk-proj"));
    let built = CreateByokKeyRequest::new(ProviderSlug::Openai, "sk-proj-REDACTED")
        .allowed_api_key_hashes([
            "f01d52606dc8f0a8303a7b5cc3fa07109c2e346cec7c0a16b40de462992ce943",
        ])
        .name("Production OpenAI Key");
    assert_eq!(built, create);
    let created: Data<ByokKey> = response("byok/create");
    assert_eq!(created.data.label, "sk-...AbCd");
}

#[test]
fn get_update_and_delete_round_trip() {
    let one: Data<ByokKey> = response("byok/get");
    assert_eq!(one.data.id, "11111111-2222-3333-4444-555555555555");

    let patch: UpdateByokKeyRequest = request("byok/update");
    assert_eq!(
        patch.allowed_api_key_hashes,
        Some(None),
        "null lifts the restriction"
    );
    assert_eq!(patch.allowed_models, None, "absent leaves it alone");
    assert!(!format!("{patch:?}").contains("sk-proj"));
    let built = UpdateByokKeyRequest::new()
        .clear_allowed_api_key_hashes()
        .key("sk-proj-REDACTED")
        .name("Updated OpenAI Key");
    assert_eq!(built, patch);
    let updated: Data<ByokKey> = response("byok/update");
    assert_eq!(updated.data.name.as_deref(), Some("Updated OpenAI Key"));

    let deleted: DeleteByokKeyResponse = response("byok/delete");
    assert!(deleted.deleted);
}

#[test]
fn unknown_fields_and_providers_survive() {
    let list = &exchange("byok/list")["response"]["body"];
    keeps_unknown_field::<ByokKeyList>("byok/list", list, "");
    keeps_unknown_field::<ByokKeyList>("byok/list", list, "/data/0");
    let page: ByokKeyList = keeps_unknown_value("byok/list", list, "/data/0/provider");
    assert!(page.data[0].provider.is_unknown());
    let create = &exchange("byok/create")["request"]["body"];
    let request: CreateByokKeyRequest = keeps_unknown_value("byok/create", create, "/provider");
    assert_eq!(request.provider.as_str(), "brand-new-value");
    keeps_unknown_field::<CreateByokKeyRequest>("byok/create", create, "");
}
