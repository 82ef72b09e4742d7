//! Contract against OpenRouter's OpenAPI spec (`../shared/openrouter-openapi.yaml`).
//!
//! For each schema we model, an instance with every documented property is
//! generated from the spec and decoded with our type. Decoding must succeed
//! (our field types accept what the spec allows) and the round trip must be
//! exact. Properties that land in `extra` are the ones we do not model: a
//! REQUIRED one fails the test; the optional ones are listed in a reviewed
//! snapshot, so a spec update that adds fields shows up as a snapshot diff.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::sync::OnceLock;

use openrouter_types::credits::Credits;
use openrouter_types::embeddings::{Embedding, EmbeddingsRequest, EmbeddingsResponse};
use openrouter_types::endpoints::{Endpoint, EndpointsList, PercentileStats};
use openrouter_types::generation::{Generation, ProviderAttempt};
use openrouter_types::key::{KeyInfo, RateLimit};
use openrouter_types::keys::{ApiKey, CreateKeyRequest, ListKeysQuery, UpdateKeyRequest};
use openrouter_types::models::{
    Architecture, ArtificialAnalysis, Benchmarks, DefaultParameters, InputModality, Model,
    ModelCategory, ModelReasoning, ModelSort, ModelsCountQuery, ModelsQuery, OutputModality,
    PageQuery, Parameter, Pricing, PricingOverride, TopProvider,
};
use openrouter_types::providers::Provider;
use openrouter_types::responses::{Item, Response, ResponsesRequest, StreamEvent};
use openrouter_types::{Extra, Usage};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value, json};

use crate::kinds::shared_dir;
use crate::support::diff;

pub(crate) struct Spec {
    pub(crate) root: Value,
}

impl Spec {
    /// The spec, parsed once for all tests of this binary.
    pub(crate) fn load() -> Option<&'static Self> {
        static SPEC: OnceLock<Option<Spec>> = OnceLock::new();
        SPEC.get_or_init(|| {
            let dir = shared_dir("")?;
            let text =
                fs::read_to_string(dir.join("openrouter-openapi.yaml")).expect("read the spec");
            let root: Value = serde_norway::from_str(&text).expect("parse the spec as YAML");
            Some(Self { root })
        })
        .as_ref()
    }

    /// The schema at a JSON pointer, `$ref`s resolved.
    fn at(&self, pointer: &str) -> &Value {
        let schema = self
            .root
            .pointer(pointer)
            .unwrap_or_else(|| panic!("the spec has no {pointer}"));
        self.resolve(schema)
    }

    fn resolve<'a>(&'a self, schema: &'a Value) -> &'a Value {
        match schema.get("$ref").and_then(Value::as_str) {
            Some(reference) => self.at(reference.trim_start_matches('#')),
            None => schema,
        }
    }

    /// Merges `allOf` parts into one object schema.
    fn flatten(&self, schema: &Value) -> Value {
        let schema = self.resolve(schema);
        let Some(parts) = schema.get("allOf").and_then(Value::as_array) else {
            return schema.clone();
        };
        let mut merged = Map::new();
        let mut properties = Map::new();
        let mut required = Vec::new();
        for part in parts {
            let part = self.flatten(part);
            if let Some(p) = part.get("properties").and_then(Value::as_object) {
                properties.extend(p.clone());
            }
            if let Some(r) = part.get("required").and_then(Value::as_array) {
                required.extend(r.iter().cloned());
            }
            for (key, value) in part.as_object().into_iter().flatten() {
                if !matches!(key.as_str(), "properties" | "required") {
                    merged.insert(key.clone(), value.clone());
                }
            }
        }
        if !properties.is_empty() {
            merged.insert("properties".into(), Value::Object(properties));
            merged.insert("type".into(), "object".into());
        }
        merged.insert("required".into(), Value::Array(required));
        Value::Object(merged)
    }

    /// A value with every documented property, the first non-null choice
    /// everywhere.
    fn instance(&self, schema: &Value, depth: usize) -> Value {
        let schema = self.flatten(schema);
        if let Some(value) = schema.get("const") {
            return value.clone();
        }
        if let Some(values) = schema.get("enum").and_then(Value::as_array)
            && let Some(first) = values.iter().find(|v| !v.is_null())
        {
            return first.clone();
        }
        for key in ["anyOf", "oneOf"] {
            if let Some(choices) = schema.get(key).and_then(Value::as_array) {
                let choice = choices
                    .iter()
                    .find(|c| self.resolve(c).get("type") != Some(&json!("null")))
                    .unwrap_or(&choices[0]);
                return self.instance(choice, depth);
            }
        }
        let ty = match schema.get("type") {
            Some(Value::Array(types)) => types
                .iter()
                .filter_map(Value::as_str)
                .find(|t| *t != "null")
                .unwrap_or("null")
                .to_owned(),
            Some(Value::String(t)) => t.clone(),
            _ if schema.get("properties").is_some() => "object".to_owned(),
            _ => "string".to_owned(),
        };
        match ty.as_str() {
            "object" => {
                let mut object = Map::new();
                if depth < 6 {
                    for (name, property) in schema["properties"].as_object().into_iter().flatten() {
                        object.insert(name.clone(), self.instance(property, depth + 1));
                    }
                }
                Value::Object(object)
            }
            "array" if depth < 6 => match schema.get("items") {
                Some(items) => json!([self.instance(items, depth + 1)]),
                None => json!([]),
            },
            "array" => json!([]),
            "integer" => json!(1),
            "number" => json!(1.5),
            "boolean" => json!(true),
            "null" => Value::Null,
            _ => match schema.get("format").and_then(Value::as_str) {
                Some("date-time") => json!("2026-01-01T00:00:00Z"),
                _ => json!("x"),
            },
        }
    }

    fn required(&self, schema: &Value) -> Vec<String> {
        self.flatten(schema)["required"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|r| r.as_str().map(str::to_owned))
            .collect()
    }
}

/// One schema checked against one of our types.
struct Case {
    name: &'static str,
    pointer: &'static str,
    check: fn(&Value) -> Result<(Extra, Value), String>,
}

fn decode<T: DeserializeOwned + Serialize>(
    value: &Value,
    extra: fn(&T) -> &Extra,
) -> Result<(Extra, Value), String> {
    let typed: T = serde_path_to_error::deserialize(value.clone())
        .map_err(|e| format!("decode failed at {}: {}", e.path(), e.inner()))?;
    let back = serde_json::to_value(&typed).map_err(|e| e.to_string())?;
    Ok((extra(&typed).clone(), back))
}

const RESPONSE_200: &str = "/responses/200/content/application~1json/schema";

fn cases() -> Vec<Case> {
    vec![
        Case {
            name: "Model",
            pointer: "/components/schemas/Model",
            check: |v| decode::<Model>(v, |t| &t.extra),
        },
        Case {
            name: "ModelArchitecture",
            pointer: "/components/schemas/ModelArchitecture",
            check: |v| decode::<Architecture>(v, |t| &t.extra),
        },
        Case {
            name: "PublicPricing",
            pointer: "/components/schemas/PublicPricing",
            check: |v| decode::<Pricing>(v, |t| &t.extra),
        },
        Case {
            name: "PricingOverride",
            pointer: "/components/schemas/PricingOverride",
            check: |v| decode::<PricingOverride>(v, |t| &t.extra),
        },
        Case {
            name: "TopProviderInfo",
            pointer: "/components/schemas/TopProviderInfo",
            check: |v| decode::<TopProvider>(v, |t| &t.extra),
        },
        Case {
            name: "DefaultParameters",
            pointer: "/components/schemas/DefaultParameters",
            check: |v| decode::<DefaultParameters>(v, |t| &t.extra),
        },
        Case {
            name: "ModelReasoning",
            pointer: "/components/schemas/ModelReasoning",
            check: |v| decode::<ModelReasoning>(v, |t| &t.extra),
        },
        Case {
            name: "ModelBenchmarks",
            pointer: "/components/schemas/ModelBenchmarks",
            check: |v| decode::<Benchmarks>(v, |t| &t.extra),
        },
        Case {
            name: "AABenchmarkEntry",
            pointer: "/components/schemas/AABenchmarkEntry",
            check: |v| decode::<ArtificialAnalysis>(v, |t| &t.extra),
        },
        Case {
            name: "ListEndpointsResponse",
            pointer: "/components/schemas/ListEndpointsResponse",
            check: |v| decode::<EndpointsList>(v, |t| &t.extra),
        },
        Case {
            name: "PublicEndpoint",
            pointer: "/components/schemas/PublicEndpoint",
            check: |v| decode::<Endpoint>(v, |t| &t.extra),
        },
        Case {
            name: "PercentileStats",
            pointer: "/components/schemas/PercentileStats",
            check: |v| decode::<PercentileStats>(v, |t| &t.extra),
        },
        Case {
            name: "GET /providers data[]",
            pointer: "/paths/~1providers/get",
            check: |v| decode::<Provider>(v, |t| &t.extra),
        },
        Case {
            name: "GET /key data",
            pointer: "/paths/~1key/get",
            check: |v| decode::<KeyInfo>(v, |t| &t.extra),
        },
        Case {
            name: "GET /key data.rate_limit",
            pointer: "/paths/~1key/get",
            check: |v| decode::<RateLimit>(v, |t| &t.extra),
        },
        Case {
            name: "GET /credits data",
            pointer: "/paths/~1credits/get",
            check: |v| decode::<Credits>(v, |t| &t.extra),
        },
        Case {
            name: "GET /generation data",
            pointer: "/components/schemas/GenerationResponse",
            check: |v| decode::<Generation>(v, |t| &t.extra),
        },
        Case {
            name: "ProviderResponse",
            pointer: "/components/schemas/ProviderResponse",
            check: |v| decode::<ProviderAttempt>(v, |t| &t.extra),
        },
        Case {
            name: "GET /keys data[]",
            pointer: "/paths/~1keys/get",
            check: |v| decode::<ApiKey>(v, |t| &t.extra),
        },
        Case {
            name: "OpenResponsesResult",
            pointer: "/components/schemas/OpenResponsesResult",
            check: |v| decode::<Response>(v, |t| &t.extra),
        },
        Case {
            name: "POST /embeddings 200",
            pointer: "/paths/~1embeddings/post",
            check: |v| decode::<EmbeddingsResponse>(v, |t| &t.extra),
        },
        Case {
            name: "POST /embeddings 200 data[]",
            pointer: "/paths/~1embeddings/post",
            check: |v| decode::<Embedding>(v, |t| &t.extra),
        },
        Case {
            name: "POST /embeddings 200 usage",
            pointer: "/paths/~1embeddings/post",
            check: |v| decode::<Usage>(v, |t| &t.extra),
        },
    ]
}

/// Where the object schema of a case sits below its pointer.
fn object_schema(spec: &Spec, case: &Case) -> Value {
    let base = spec.at(case.pointer);
    let sub = |path: &str| -> Value {
        spec.flatten(
            base.pointer(path)
                .unwrap_or_else(|| panic!("{}: no {path} in the spec", case.name)),
        )
    };
    let response = format!("{RESPONSE_200}/properties/data");
    match case.name {
        "GET /providers data[]" | "GET /keys data[]" => sub(&format!("{response}/items")),
        "GET /key data" | "GET /credits data" => sub(&response),
        "GET /key data.rate_limit" => sub(&format!("{response}/properties/rate_limit")),
        "GET /generation data" => sub("/properties/data"),
        "POST /embeddings 200" => sub(RESPONSE_200),
        "POST /embeddings 200 data[]" => sub(&format!("{response}/items")),
        "POST /embeddings 200 usage" => sub(&format!("{RESPONSE_200}/properties/usage")),
        _ => spec.flatten(base),
    }
}

#[test]
fn our_types_cover_the_spec() {
    let Some(spec) = Spec::load() else {
        return;
    };
    let mut unmodelled: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    let mut failures = Vec::new();
    for case in cases() {
        let schema = object_schema(spec, &case);
        let instance = spec.instance(&schema, 0);
        assert!(
            instance.as_object().is_some_and(|o| !o.is_empty()),
            "{}: generated no properties from the spec",
            case.name
        );
        match (case.check)(&instance) {
            Err(e) => failures.push(format!("{}: {e}\n  instance: {instance}", case.name)),
            Ok((extra, back)) => {
                let differences = diff(&instance, &back);
                if !differences.is_empty() {
                    failures.push(format!("{}: round trip changed {differences:?}", case.name));
                }
                let required = spec.required(&schema);
                for key in extra.keys() {
                    if required.contains(key) {
                        failures.push(format!(
                            "{}: REQUIRED property `{key}` is not modelled",
                            case.name
                        ));
                    }
                }
                unmodelled.insert(case.name, extra.keys().cloned().collect());
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    // Optional spec properties we keep only in `extra`.
    insta::assert_yaml_snapshot!("spec_properties_not_modelled", unmodelled);
}

#[test]
fn the_contract_check_catches_a_missing_required_property() {
    let Some(spec) = Spec::load() else {
        return;
    };
    // `Credits` models both required properties; a spec with one more
    // required property must make the check report it.
    let mut schema = spec
        .flatten(spec.at("/paths/~1credits/get"))
        .pointer(&format!("{RESPONSE_200}/properties/data"))
        .cloned()
        .expect("credits data schema");
    schema["properties"]["total_gifts"] = json!({"type": "number"});
    schema["required"]
        .as_array_mut()
        .expect("required")
        .push(json!("total_gifts"));
    let instance = spec.instance(&schema, 0);
    let (extra, _) = decode::<Credits>(&instance, |t| &t.extra).expect("decode");
    let required = spec.required(&schema);
    let missing: Vec<&String> = extra.keys().filter(|k| required.contains(k)).collect();
    assert_eq!(missing, vec!["total_gifts"]);
}

/// The JSON body schema of an operation's request.
fn request_body(spec: &Spec, pointer: &str) -> Value {
    spec.flatten(
        spec.at(pointer)
            .pointer("/requestBody/content/application~1json/schema")
            .unwrap_or_else(|| panic!("{pointer}: no JSON request body in the spec")),
    )
}

#[test]
fn our_request_types_cover_the_spec() {
    let Some(spec) = Spec::load() else {
        return;
    };
    type Check = fn(&Value) -> Result<(Extra, Value), String>;
    let cases: [(&str, &str, Check); 4] = [
        ("POST /embeddings", "/paths/~1embeddings/post", |v| {
            decode::<EmbeddingsRequest>(v, |t| &t.extra)
        }),
        ("POST /keys", "/paths/~1keys/post", |v| {
            decode::<CreateKeyRequest>(v, |t| &t.extra)
        }),
        ("PATCH /keys/{hash}", "/paths/~1keys~1{hash}/patch", |v| {
            decode::<UpdateKeyRequest>(v, |t| &t.extra)
        }),
        ("POST /responses", "/paths/~1responses/post", |v| {
            decode::<ResponsesRequest>(v, |t| &t.extra)
        }),
    ];
    let mut unmodelled: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    let mut failures = Vec::new();
    for (name, pointer, check) in cases {
        let schema = request_body(spec, pointer);
        let instance = spec.instance(&schema, 0);
        match check(&instance) {
            Err(e) => failures.push(format!("{name}: {e}\n  instance: {instance}")),
            Ok((extra, back)) => {
                let differences = diff(&instance, &back);
                if !differences.is_empty() {
                    failures.push(format!("{name}: round trip changed {differences:?}"));
                }
                let required = spec.required(&schema);
                for key in extra.keys() {
                    if required.contains(key) {
                        failures.push(format!("{name}: REQUIRED property `{key}` is not modelled"));
                    }
                }
                unmodelled.insert(name, extra.keys().cloned().collect());
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    // Optional request properties reachable only through `extra`.
    insta::assert_yaml_snapshot!("spec_request_properties_not_modelled", unmodelled);
}

#[test]
fn our_query_builders_cover_the_spec_parameters() {
    let Some(spec) = Spec::load() else {
        return;
    };
    let models = ModelsQuery::new()
        .offset(1)
        .limit(1)
        .category(ModelCategory::Programming)
        .supported_parameters([Parameter::Tools])
        .output_modalities([OutputModality::Text])
        .input_modalities([InputModality::Text])
        .sort(ModelSort::Newest)
        .q("x")
        .context(1)
        .min_price(1.0)
        .max_price(1.0)
        .min_output_price(1.0)
        .max_output_price(1.0)
        .arch("GPT")
        .model_authors(["openai"])
        .providers(["openai"])
        .distillable(true)
        .zdr()
        .region("eu")
        .min_age_days(1)
        .max_age_days(1)
        .min_intelligence_index(1.0)
        .max_intelligence_index(1.0)
        .min_coding_index(1.0)
        .max_coding_index(1.0)
        .min_agentic_index(1.0)
        .max_agentic_index(1.0)
        .min_tool_success_rate(0.5)
        .max_tool_success_rate(0.5)
        .use_rss(true);
    let page = PageQuery::new().offset(1).limit(1);
    let keys = ListKeysQuery::new()
        .include_disabled(true)
        .offset(1)
        .workspace_id("w");
    let count = ModelsCountQuery::new().output_modalities([OutputModality::Text]);
    let cases: [(&str, Vec<&str>); 5] = [
        (
            "/models",
            models
                .to_query_pairs()
                .into_iter()
                .map(|(k, _)| k)
                .collect(),
        ),
        (
            "/models/user",
            page.to_query_pairs().into_iter().map(|(k, _)| k).collect(),
        ),
        (
            "/embeddings/models",
            page.to_query_pairs().into_iter().map(|(k, _)| k).collect(),
        ),
        (
            "/keys",
            keys.to_query_pairs().into_iter().map(|(k, _)| k).collect(),
        ),
        (
            "/models/count",
            count.to_query_pairs().into_iter().map(|(k, _)| k).collect(),
        ),
    ];
    for (path, ours) in cases {
        let pointer = format!("/paths/{}/get/parameters", path.replace('/', "~1"));
        let mut documented: Vec<&str> = spec
            .at(&pointer)
            .as_array()
            .expect("parameters")
            .iter()
            .map(|p| spec.resolve(p))
            .filter(|p| p["in"] == "query")
            .filter_map(|p| p["name"].as_str())
            .collect();
        documented.sort_unstable();
        let mut ours = ours;
        ours.sort_unstable();
        assert_eq!(
            ours, documented,
            "GET {path}: query parameters differ from the spec"
        );
    }
}

#[test]
fn responses_items_and_events_of_the_spec_decode_to_modelled_variants() {
    let Some(spec) = Spec::load() else {
        return;
    };
    let mut failures = Vec::new();
    let items = [
        "ReasoningItem",
        "EasyInputMessage",
        "InputMessageItem",
        "FunctionCallItem",
        "FunctionCallOutputItem",
        "OutputMessage",
        "OutputItemReasoning",
        "OutputItemFunctionCall",
    ];
    for name in items {
        let instance = spec.instance(spec.at(&format!("/components/schemas/{name}")), 0);
        match serde_json::from_value::<Item>(instance.clone()) {
            Err(e) => failures.push(format!("{name}: {e}\n  instance: {instance}")),
            Ok(Item::Other(_)) => failures.push(format!("{name}: decoded as Item::Other")),
            Ok(item) => {
                let back = serde_json::to_value(&item).expect("encode");
                let differences = diff(&instance, &back);
                if !differences.is_empty() {
                    failures.push(format!("{name}: round trip changed {differences:?}"));
                }
            }
        }
    }
    let events = [
        "OpenResponsesCreatedEvent",
        "OpenResponsesInProgressEvent",
        "StreamEventsResponseCompleted",
        "StreamEventsResponseIncomplete",
        "StreamEventsResponseFailed",
        "ErrorEvent",
        "StreamEventsResponseOutputItemAdded",
        "StreamEventsResponseOutputItemDone",
        "ContentPartAddedEvent",
        "ContentPartDoneEvent",
        "TextDeltaEvent",
        "TextDoneEvent",
        "RefusalDeltaEvent",
        "RefusalDoneEvent",
        "AnnotationAddedEvent",
        "FunctionCallArgsDeltaEvent",
        "FunctionCallArgsDoneEvent",
        "ReasoningDeltaEvent",
        "ReasoningDoneEvent",
        "ReasoningSummaryPartAddedEvent",
        "ReasoningSummaryPartDoneEvent",
        "ReasoningSummaryTextDeltaEvent",
        "ReasoningSummaryTextDoneEvent",
    ];
    for name in events {
        let instance = spec.instance(spec.at(&format!("/components/schemas/{name}")), 0);
        match serde_path_to_error::deserialize::<_, StreamEvent>(instance.clone()) {
            Err(e) => failures.push(format!(
                "{name}: at {}: {}\n  instance: {instance}",
                e.path(),
                e.inner()
            )),
            Ok(StreamEvent::Unknown(_)) => {
                failures.push(format!(
                    "{name}: decoded as StreamEvent::Unknown\n  instance: {instance}"
                ));
            }
            Ok(event) => {
                let back = serde_json::to_value(&event).expect("encode");
                let differences = diff(&instance, &back);
                if !differences.is_empty() {
                    failures.push(format!("{name}: round trip changed {differences:?}"));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// A validator for the schema at `pointer` (`$ref`s resolve inside the spec).
pub(crate) fn validator_at(spec: &Spec, pointer: &str) -> jsonschema::Validator {
    let root = json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        // A URI fragment: the braces of path templates must be escaped.
        "$ref": format!("#{}", pointer.replace('{', "%7B").replace('}', "%7D")),
        "components": spec.root["components"],
        "paths": spec.root["paths"],
    });
    jsonschema::validator_for(&root).expect("the schema compiles")
}

/// One line per shape of violation: array indices folded, values left out.
pub(crate) fn violations(
    validator: &jsonschema::Validator,
    value: &Value,
    out: &mut BTreeSet<String>,
) {
    for e in validator.iter_errors(value) {
        let path: Vec<String> = e
            .instance_path()
            .to_string()
            .split('/')
            .map(|s| {
                if s.parse::<usize>().is_ok() {
                    "*".to_owned()
                } else {
                    s.to_owned()
                }
            })
            .collect();
        let kind = format!("{:?}", e.kind());
        let kind: String = kind.chars().take(160).collect();
        out.insert(format!("{}: {kind}", path.join("/")));
    }
}

/// Where the real wire contradicts the spec, for every capture of our
/// endpoints. The types accept all of it (see `captures.rs`); the snapshot
/// makes a new contradiction, or a fixed one, visible in review.
#[test]
fn spec_violations_of_captures() {
    let Some(spec) = Spec::load() else {
        return;
    };
    let Some(dir) = shared_dir("captures") else {
        return;
    };
    let ok = RESPONSE_200;
    let models = validator_at(spec, "/components/schemas/ModelsListResponse");
    let endpoints = validator_at(
        spec,
        &format!("/paths/~1models~1{{author}}~1{{slug}}~1endpoints/get{ok}"),
    );
    let key = validator_at(spec, &format!("/paths/~1key/get{ok}/properties/data"));
    let generation = validator_at(spec, "/components/schemas/GenerationResponse");
    let embeddings = validator_at(spec, &format!("/paths/~1embeddings/post{ok}"));
    let response = validator_at(spec, "/components/schemas/OpenResponsesResult");
    // Each event against its own schema (the `oneOf` of all events only says
    // "matched none"), found through the `type` each schema fixes; compiled
    // on first use, as each compile walks the whole spec.
    let mut event_schemas: BTreeMap<String, String> = BTreeMap::new();
    let all = spec.at("/components/schemas/StreamEvents");
    for choice in all
        .get("oneOf")
        .or(all.get("anyOf"))
        .and_then(Value::as_array)
        .expect("StreamEvents is a union")
    {
        let reference = choice["$ref"]
            .as_str()
            .expect("a $ref")
            .trim_start_matches('#');
        let schema = spec.flatten(spec.at(reference));
        let ty = &schema["properties"]["type"];
        if let Some(name) = ty
            .get("const")
            .or(ty["enum"].get(0))
            .and_then(Value::as_str)
        {
            event_schemas.insert(name.to_owned(), reference.to_owned());
        }
    }
    assert!(
        event_schemas.contains_key("response.output_text.delta"),
        "event schemas: {:?}",
        event_schemas.keys()
    );
    let mut events: BTreeMap<String, jsonschema::Validator> = BTreeMap::new();
    let event = validator_at(spec, "/components/schemas/StreamEvents");
    let mut report: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut names: Vec<String> = fs::read_dir(&dir)
        .expect("list captures")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    for name in names {
        let validator = match () {
            () if name.starts_with("models_list_") => &models,
            () if name.starts_with("endpoints_") => &endpoints,
            () if name.starts_with("key_info_") => &key,
            () if name.starts_with("generation_") => &generation,
            () if name.starts_with("embeddings_") => &embeddings,
            () if name.starts_with("responses_api_") && name.ends_with(".json") => &response,
            () if name.starts_with("responses_api_") => &event,
            () => continue,
        };
        let bytes = fs::read(dir.join(&name)).expect("read a capture");
        let mut found = BTreeSet::new();
        if name.ends_with(".sse") {
            for data in crate::kinds::sse_data(&bytes).expect("parse the stream") {
                let value: Value = serde_json::from_str(&data).expect("event JSON");
                let label = value["type"].as_str().unwrap_or("?").to_owned();
                let mut inner = BTreeSet::new();
                if !events.contains_key(&label)
                    && let Some(reference) = event_schemas.get(&label)
                {
                    events.insert(label.clone(), validator_at(spec, reference));
                }
                violations(events.get(&label).unwrap_or(validator), &value, &mut inner);
                found.extend(inner.into_iter().map(|v| format!("{label} {v}")));
            }
        } else {
            let value: Value = serde_json::from_slice(&bytes).expect("capture JSON");
            violations(validator, &value, &mut found);
        }
        report.insert(name, found);
    }
    assert!(
        report.len() >= 12,
        "only {} captures validated",
        report.len()
    );
    insta::assert_yaml_snapshot!("spec_violations_of_captures", report);
}

#[test]
fn built_requests_validate_against_the_spec() {
    let Some(spec) = Spec::load() else {
        return;
    };
    let body = |path: &str| format!("/paths/{path}/requestBody/content/application~1json/schema");
    let cases: Vec<(&str, String, Value)> = vec![
        (
            "embeddings",
            body("~1embeddings/post"),
            serde_json::to_value(
                EmbeddingsRequest::new("openai/text-embedding-3-small", ["a", "b"])
                    .dimensions(256)
                    .encoding_format(openrouter_types::embeddings::EncodingFormat::Float),
            )
            .expect("encode"),
        ),
        (
            "create key",
            body("~1keys/post"),
            serde_json::to_value(CreateKeyRequest::new("n").limit(5.0)).expect("encode"),
        ),
        (
            "update key",
            body("~1keys~1{hash}/patch"),
            serde_json::to_value(UpdateKeyRequest::new().disabled(true).remove_limit())
                .expect("encode"),
        ),
        (
            "responses",
            body("~1responses/post"),
            serde_json::to_value(
                ResponsesRequest::new(
                    "openai/gpt-5-nano",
                    vec![Item::system("Be brief."), Item::user("What is 2+2?")],
                )
                .max_output_tokens(128)
                .stream(true),
            )
            .expect("encode"),
        ),
    ];
    for (name, pointer, value) in cases {
        let validator = validator_at(spec, &pointer);
        let errors: Vec<String> = validator
            .iter_errors(&value)
            .map(|e| format!("{e} at {}", e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{name}: {}", errors.join("\n"));
        // Guards against a validator that accepts everything.
        assert!(!validator.is_valid(&json!([])), "{name}: an array passed");
    }
}
