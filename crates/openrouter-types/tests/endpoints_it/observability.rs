//! `fixtures/observability/`: every exchange through the `observability`
//! types; configs typed by their destination `type`, credentials never in
//! `Debug`, and configs of unknown types kept whole.

use std::fs;
use std::sync::OnceLock;

use openrouter_types::Data;
use openrouter_types::keys::KeySecret;
use openrouter_types::management::{ListPage, WorkspacePageQuery};
use openrouter_types::observability::{
    CreateDestinationRequest, DatadogConfig, Destination, DestinationConfig, DestinationSettings,
    DestinationType, FilterField, FilterOperator, LangfuseConfig, UpdateDestinationRequest,
};
use serde_json::{Value, json};

use crate::kinds::shared_dir;
use crate::management::{Folder, deleted, owned, round_trip};

const WORKSPACE: &str = "6b8f2d1e-4a3c-4f9b-9e7d-1c2b3a4d5e6f";

#[test]
fn every_observability_fixture_round_trips() {
    let mut f = Folder::new("observability");

    f.no_request_body("list");
    let list: ListPage<Destination> = f.response("list");
    assert_eq!(
        f.query("list"),
        owned(
            WorkspacePageQuery::new()
                .workspace_id(WORKSPACE)
                .to_query_pairs()
        )
    );
    assert_eq!(list.next_offset(0), None);
    let kinds: Vec<Option<DestinationType>> = list.data.iter().map(|d| d.config.kind()).collect();
    assert_eq!(
        kinds,
        [
            Some(DestinationType::Langfuse),
            Some(DestinationType::Datadog),
            Some(DestinationType::Webhook),
            Some(DestinationType::S3)
        ]
    );
    let rules = list.data[1]
        .filter_rules
        .as_ref()
        .expect("datadog has rules");
    assert_eq!(rules.groups[0].rules[1].field, FilterField::TotalCost);
    assert_eq!(rules.groups[0].rules[1].operator, FilterOperator::Gt);
    let debug = format!("{list:?}");
    for masked in [
        "pk-l...CTED",
        "sk-l...CTED",
        "****...7f3a",
        "****...CTED",
        "AKIA...MPLE",
    ] {
        assert!(!debug.contains(masked), "{masked} in Debug");
    }

    let create: CreateDestinationRequest = f.request("create");
    assert!(matches!(
        create.settings.config,
        Some(DestinationConfig::Langfuse(_))
    ));
    let debug = format!("{create:?}");
    assert!(
        !debug.contains("pk-lf-REDACTED") && !debug.contains("sk-lf-REDACTED"),
        "{debug}"
    );
    let _: Data<Destination> = f.response("create");

    f.no_request_body("get");
    let _: Data<Destination> = f.response("get");

    let patch: UpdateDestinationRequest = f.request("update");
    // A PATCH has no `type`: its partial config stays untyped.
    assert!(matches!(patch.config, Some(DestinationConfig::Other(_))));
    assert!(!format!("{patch:?}").contains("\"REDACTED\""));
    let _: Data<Destination> = f.response("update");

    deleted(&mut f, "delete");
    f.finish();
}

#[test]
fn the_builders_write_the_recorded_bodies() {
    let mut f = Folder::new("observability");
    let config = LangfuseConfig::new(
        KeySecret::new("pk-lf-REDACTED"),
        KeySecret::new("sk-lf-REDACTED"),
    )
    .base_url("https://cloud.langfuse.com");
    let create =
        CreateDestinationRequest::new(DestinationType::Langfuse, "Production Langfuse", config)
            .settings(DestinationSettings::new().broadcast_generation_cost(true))
            .workspace_id(WORKSPACE);
    assert_eq!(create, f.request::<CreateDestinationRequest>("create"));

    let patch = UpdateDestinationRequest::new()
        .config(DatadogConfig::default().api_key(KeySecret::new("REDACTED")))
        .remove_filter_rules()
        .privacy_mode(true);
    let recorded = &f.exchange("update")["request"]["body"];
    assert_eq!(&serde_json::to_value(&patch).expect("encode"), recorded);
}

/// A destination of `kind` with `config`, the rest from the Langfuse fixture.
fn destination(kind: &str, config: Value) -> Value {
    let mut f = Folder::new("observability");
    let mut wire = f.exchange("get")["response"]["body"]["data"].clone();
    wire["type"] = kind.into();
    wire["config"] = config;
    wire
}

#[test]
fn a_config_of_an_unknown_type_or_shape_is_kept_whole_and_redacted() {
    for (kind, config) in [
        (
            "honeycomb",
            json!({"apiKey": "SECRET-1", "dataset": "prod", "nested": {"a": [1]}}),
        ),
        (
            "langfuse",
            json!({"publicKey": 42, "secretKey": "SECRET-2"}),
        ),
    ] {
        let wire = destination(kind, config);
        let decoded: Destination = round_trip(kind, &wire);
        assert!(
            matches!(decoded.config, DestinationConfig::Other(_)),
            "{kind}"
        );
        let debug = format!("{decoded:?}");
        assert!(!debug.contains("SECRET"), "{debug}");
    }
}

/// The spec, parsed once.
fn spec() -> Option<&'static Value> {
    static SPEC: OnceLock<Option<Value>> = OnceLock::new();
    SPEC.get_or_init(|| {
        let text = fs::read_to_string(shared_dir("openrouter-openapi.yaml")?).ok()?;
        Some(serde_norway::from_str(&text).expect("parse the spec"))
    })
    .as_ref()
}

/// Whether a config property of the spec names a credential.
fn is_credential(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    ["key", "secret", "token", "password", "dsn"]
        .iter()
        .any(|word| lower.contains(word))
}

#[test]
fn every_destination_type_of_the_spec_is_typed_and_hides_its_credentials() {
    let Some(spec) = spec() else { return };
    let schemas = &spec["components"]["schemas"];
    let variants = schemas["ObservabilityDestination"]["oneOf"]
        .as_array()
        .expect("oneOf");
    assert!(variants.len() >= 17);
    for variant in variants {
        let name = variant["$ref"]
            .as_str()
            .and_then(|r| r.rsplit('/').next())
            .expect("a $ref");
        let schema = &schemas[name]["properties"];
        let kind = schema["type"]["enum"][0].as_str().expect("a type");
        let mut config = serde_json::Map::new();
        for (property, shape) in schema["config"]["properties"].as_object().expect("config") {
            let value = if property == "headers" {
                json!({"Authorization": "Bearer SECRET-header"})
            } else if let Some(first) = shape["enum"].get(0) {
                first.clone()
            } else if is_credential(property) {
                json!(format!("SECRET-{property}"))
            } else {
                json!(format!("plain-{property}"))
            };
            config.insert(property.clone(), value);
        }
        let wire = destination(kind, Value::Object(config));
        let decoded: Destination = round_trip(kind, &wire);
        assert_eq!(
            decoded.config.kind(),
            Some(DestinationType::from(kind)),
            "{kind}: config not typed"
        );
        let debug = format!("{:?}", decoded.config);
        assert!(
            !debug.contains("SECRET"),
            "{kind}: a credential in Debug: {debug}"
        );
        assert!(
            debug.contains("extra: SecretMap({})"),
            "{kind}: a property not modelled: {debug}"
        );
    }
}
