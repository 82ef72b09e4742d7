//! `/presets` read side: list, get, versions, one version.

use openrouter_types::Data;
use openrouter_types::presets::{
    Preset, PresetList, PresetStatus, PresetVersion, PresetVersionList,
};

use super::{exchange, keeps_unknown_field, keeps_unknown_value, response};

#[test]
fn list_round_trips_and_is_one_page() {
    let page: PresetList = response("presets/list");
    assert_eq!(page.data[1].status, PresetStatus::Archived);
    assert_eq!(page.data[1].designated_version_id, None);
    assert!(
        page.data.iter().all(|p| p.designated_version.is_none()),
        "not in list items"
    );
    assert_eq!(page.next_offset(0), None);
}

#[test]
fn get_round_trips_with_the_designated_version_inline() {
    let body: Data<Preset> = response("presets/get");
    let version = body.data.designated_version().expect("designated");
    assert_eq!(Some(&version.id), body.data.designated_version_id.as_ref());
    assert_eq!(version.system_prompt, None);
    assert_eq!(version.config["provider"]["sort"], "price");
}

#[test]
fn versions_round_trip() {
    let page: PresetVersionList = response("presets/versions");
    assert_eq!(
        page.data.iter().map(|v| v.version).collect::<Vec<_>>(),
        [1, 2]
    );
    assert_eq!(page.next_offset(0), None);
    let one: Data<PresetVersion> = response("presets/version");
    assert_eq!(one.data, page.data[0]);
    let recorded = exchange("presets/version");
    assert!(
        recorded["request"]["path"]
            .as_str()
            .unwrap()
            .ends_with(&format!("/versions/{}", one.data.version))
    );
}

#[test]
fn unknown_fields_and_statuses_survive() {
    let body = &exchange("presets/get")["response"]["body"];
    keeps_unknown_field::<Data<Preset>>("presets/get", body, "/data");
    keeps_unknown_field::<Data<Preset>>("presets/get", body, "/data/designated_version");
    let got: Data<Preset> = keeps_unknown_value("presets/get", body, "/data/status");
    assert!(got.data.status.is_unknown());
    let mut none = body.clone();
    none["data"]["designated_version"] = serde_json::Value::Null;
    let got: Data<Preset> = super::round_trip("presets/get, none designated", &none);
    assert_eq!(got.data.designated_version, Some(None), "null is kept");
    let body = &exchange("presets/list")["response"]["body"];
    keeps_unknown_field::<PresetList>("presets/list", body, "");
}
