//! `openrouter models` (the catalogue as a filtered, sorted table) and `openrouter model ID`
//! (one model and its endpoints, one per provider).

use std::cmp::{Ordering, Reverse};

use openrouter_types::models::{Model, ModelsQuery, Parameter, Pricing};
use openrouter_types::{Endpoint, EndpointsList};

use crate::args::{Connection, ModelArgs, ModelSortArg, ModelsArgs};
use crate::connect::{Key, connect};
use crate::exit::{Failure, Outcome};
use crate::output::{self, Align, Term, per_million, thousands};

/// Runs `openrouter models`.
pub async fn list(args: &ModelsArgs, connection: &Connection, term: Term) -> Outcome {
    let connected = connect(connection, Key::Optional, term).await?;
    let supports: Vec<Parameter> = args
        .supports
        .iter()
        .map(|p| Parameter::from(p.as_str()))
        .collect();
    // The server filters by parameter too (smaller answers); the local filter below makes the
    // result right whatever the server did with the query.
    let query = ModelsQuery::new().supported_parameters(supports.iter().cloned());
    let response = connected
        .client
        .models(&query)
        .await
        .map_err(|e| Failure::from_client(&e, false))?;
    let catalogue = response.into_inner().data;
    for unknown in unknown_parameters(&supports, &catalogue) {
        term.warn(&format!(
            "no model lists the parameter `{unknown}`, so --supports {unknown} matches none; \
             known parameters: {}",
            known_parameters(&catalogue).join(", ")
        ));
    }
    let mut models: Vec<Model> = catalogue
        .into_iter()
        .filter(|m| keep(m, args, &supports))
        .collect();
    sort(&mut models, args.sort);
    if args.json {
        return Ok(output::print_json(&models)?);
    }
    if models.is_empty() {
        term.note("no model matches these filters");
        return Ok(());
    }
    let rows: Vec<Vec<String>> = models.iter().map(row).collect();
    output::print_lines(&output::table(
        &[
            ("id", Align::Left),
            ("context", Align::Right),
            ("prompt/M", Align::Right),
            ("completion/M", Align::Right),
            ("modalities", Align::Left),
        ],
        &rows,
    ))?;
    term.note(&match models.len() {
        1 => "1 model; prices in USD per million tokens".to_owned(),
        n => format!("{n} models; prices in USD per million tokens"),
    });
    Ok(())
}

/// Runs `openrouter model ID`.
pub async fn show(args: &ModelArgs, connection: &Connection, term: Term) -> Outcome {
    let connected = connect(connection, Key::Optional, term).await?;
    let client = &connected.client;
    let (model, endpoints) = tokio::join!(client.model(&args.id), client.model_endpoints(&args.id));
    let model = model
        .map_err(|e| Failure::from_client(&e, false))?
        .into_inner();
    let endpoints = endpoints
        .map_err(|e| Failure::from_client(&e, false))?
        .into_inner();
    if args.json {
        let both = serde_json::json!({ "model": model, "endpoints": endpoints.endpoints });
        return Ok(output::print_json(&both)?);
    }
    output::print_lines(&describe(&model, &endpoints))?;
    Ok(())
}

/// The `--supports` values that neither this version nor any model in the catalogue knows: a
/// typo, most likely. A value new to this version but listed by a model is fine.
fn unknown_parameters<'a>(supports: &'a [Parameter], catalogue: &[Model]) -> Vec<&'a str> {
    supports
        .iter()
        .filter(|p| p.is_unknown() && !catalogue.iter().any(|m| m.supports(p)))
        .map(Parameter::as_str)
        .collect()
}

/// The parameters this version models, then any others the catalogue lists.
fn known_parameters(catalogue: &[Model]) -> Vec<&str> {
    let mut known: Vec<&str> = Parameter::KNOWN.to_vec();
    for model in catalogue {
        for param in model.supported_parameters.as_deref().unwrap_or_default() {
            if !known.contains(&param.as_str()) {
                known.push(param.as_str());
            }
        }
    }
    known
}

fn keep(model: &Model, args: &ModelsArgs, supports: &[Parameter]) -> bool {
    if let Some(search) = &args.search {
        let search = search.to_lowercase();
        if !model.id.as_str().to_lowercase().contains(&search)
            && !model.name.to_lowercase().contains(&search)
        {
            return false;
        }
    }
    if !supports.iter().all(|p| model.supports(p)) {
        return false;
    }
    if args.free && !is_free(&model.pricing) {
        return false;
    }
    if let Some(max) = args.max_price {
        let within = |price: Option<f64>| price.is_some_and(|p| (0.0..=max).contains(&p));
        if !within(model.pricing.prompt.per_million())
            || !within(model.pricing.completion.per_million())
        {
            return false;
        }
    }
    true
}

fn is_free(pricing: &Pricing) -> bool {
    pricing.prompt.is_free() && pricing.completion.is_free()
}

/// Sorts in place; ties (and unknown prices, last) keep id order.
fn sort(models: &mut [Model], by: ModelSortArg) {
    models.sort_by(|a, b| a.id.as_str().cmp(b.id.as_str()));
    match by {
        ModelSortArg::Id => {}
        ModelSortArg::Price => models.sort_by(|a, b| {
            by_price(a)
                .partial_cmp(&by_price(b))
                .unwrap_or(Ordering::Equal)
        }),
        ModelSortArg::Context => models.sort_by_key(|m| Reverse(m.context_length)),
        ModelSortArg::Created => models.sort_by_key(|m| Reverse(m.created)),
    }
}

/// Prompt + completion per million; variable or unknown prices sort last.
fn by_price(model: &Model) -> f64 {
    let (prompt, completion) = (&model.pricing.prompt, &model.pricing.completion);
    match (prompt.per_million(), completion.per_million()) {
        (Some(p), Some(c)) if p >= 0.0 && c >= 0.0 => p + c,
        _ => f64::INFINITY,
    }
}

fn row(model: &Model) -> Vec<String> {
    vec![
        model.id.as_str().to_owned(),
        model
            .context_length
            .map_or_else(|| "?".to_owned(), thousands),
        per_million(&model.pricing.prompt),
        per_million(&model.pricing.completion),
        modalities(model),
    ]
}

/// `text+image->text`, from the modality lists (the `modality` string is missing on some).
fn modalities(model: &Model) -> String {
    let arch = &model.architecture;
    if arch.inputs().is_empty() && arch.outputs().is_empty() {
        return arch.modality.clone().unwrap_or_default();
    }
    let join = |names: Vec<&str>| names.join("+");
    format!(
        "{}->{}",
        join(arch.inputs().iter().map(|m| m.as_str()).collect()),
        join(arch.outputs().iter().map(|m| m.as_str()).collect())
    )
}

fn describe(model: &Model, endpoints: &EndpointsList) -> Vec<String> {
    let mut lines = vec![format!("{}  {}", model.id.as_str(), model.name)];
    let mut facts = Vec::new();
    if let Some(context) = model.context_length {
        facts.push(format!("context {} tokens", thousands(context)));
    }
    facts.push(format!("prompt {}/M", per_million(&model.pricing.prompt)));
    facts.push(format!(
        "completion {}/M",
        per_million(&model.pricing.completion)
    ));
    facts.push(modalities(model));
    lines.push(facts.join(" · "));
    if let Some(params) = model
        .supported_parameters
        .as_deref()
        .filter(|p| !p.is_empty())
    {
        let names: Vec<&str> = params.iter().map(|p| p.as_str()).collect();
        lines.push(format!("supports: {}", names.join(", ")));
    }
    if let Some(description) = model
        .description
        .as_deref()
        .filter(|d| !d.trim().is_empty())
    {
        lines.push(String::new());
        lines.push(description.trim().to_owned());
    }
    lines.push(String::new());
    if endpoints.endpoints.is_empty() {
        lines.push("no provider serves this model right now".to_owned());
        return lines;
    }
    lines.push(match endpoints.endpoints.len() {
        1 => "1 endpoint:".to_owned(),
        n => format!("{n} endpoints:"),
    });
    let rows: Vec<Vec<String>> = endpoints.endpoints.iter().map(endpoint_row).collect();
    lines.extend(output::table(
        &[
            ("provider", Align::Left),
            ("context", Align::Right),
            ("prompt/M", Align::Right),
            ("completion/M", Align::Right),
            ("max output", Align::Right),
            ("quantization", Align::Left),
            ("uptime 30m", Align::Right),
            ("status", Align::Left),
        ],
        &rows,
    ));
    lines
}

fn endpoint_row(endpoint: &Endpoint) -> Vec<String> {
    vec![
        endpoint.provider_name.as_str().to_owned(),
        endpoint
            .context_length
            .map_or_else(|| "?".to_owned(), thousands),
        per_million(&endpoint.pricing.prompt),
        per_million(&endpoint.pricing.completion),
        endpoint
            .max_completion_tokens
            .map_or_else(|| "-".to_owned(), thousands),
        endpoint
            .quantization
            .as_ref()
            .map_or_else(|| "-".to_owned(), |q| q.as_str().to_owned()),
        endpoint
            .uptime_last_30m
            .map_or_else(|| "-".to_owned(), |u| format!("{u:.1}%")),
        match endpoint.status {
            Some(status) if !status.is_available() => format!("degraded ({})", status.code()),
            _ => "ok".to_owned(),
        },
    ]
}
