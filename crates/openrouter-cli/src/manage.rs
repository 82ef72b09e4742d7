//! Account management from the shell: `openrouter keys`, `openrouter byok`
//! and `openrouter activity`. Keys never appear as arguments (shell history):
//! a provider key is read from stdin, and a created key is printed once.

use std::io::{IsTerminal, Read};

use openrouter_types::activity::ActivityQuery;
use openrouter_types::byok::CreateByokKeyRequest;
use openrouter_types::keys::{CreateKeyRequest, ListKeysQuery};

use crate::args::{ActivityArgs, ByokCommand, Connection, KeysCommand};
use crate::connect::{Key, connect};
use crate::exit::{Code, Failure, Outcome};
use crate::output::{self, Align, Term, thousands, usd_amount};

/// Runs `openrouter keys …`.
pub async fn keys(command: &KeysCommand, connection: &Connection, term: Term) -> Outcome {
    // Kept whole: offline, it owns the mock server the client talks to.
    let connected = connect(connection, Key::Required, term).await?;
    let client = &connected.client;
    let fail = |e: openrouter_api::Error| Failure::from_client(&e, false);
    match command {
        KeysCommand::List { json } => {
            let keys = client
                .list_keys(&ListKeysQuery::new().include_disabled(true))
                .await
                .map_err(fail)?
                .into_inner();
            if *json {
                return Ok(output::print_json(&keys)?);
            }
            let rows: Vec<Vec<String>> = keys
                .iter()
                .map(|k| {
                    vec![
                        k.name.clone(),
                        k.label.clone(),
                        k.limit.map_or_else(|| "none".to_owned(), usd_amount),
                        k.usage.map_or_else(String::new, usd_amount),
                        if k.is_disabled() { "disabled" } else { "" }.to_owned(),
                        k.hash.as_str().to_owned(),
                    ]
                })
                .collect();
            let header = [
                ("NAME", Align::Left),
                ("KEY", Align::Left),
                ("LIMIT", Align::Right),
                ("USED", Align::Right),
                ("STATE", Align::Left),
                ("HASH", Align::Left),
            ];
            Ok(output::print_lines(&output::table(&header, &rows))?)
        }
        KeysCommand::Create { name, limit, json } => {
            if name.trim().is_empty() {
                return Err(Failure::new(Code::Usage, "the key name is empty"));
            }
            let mut request = CreateKeyRequest::new(name.as_str());
            if let Some(limit) = limit {
                request = request.limit(*limit);
            }
            let created = client
                .create_key(&request)
                .await
                .map_err(fail)?
                .into_inner();
            if *json {
                // The caller asked for the key: JSON carries it (the only time it is shown).
                return Ok(output::print_json(&created)?);
            }
            term.note(&format!(
                "created key `{}` ({}); it is shown once, below: store it now",
                created.data.name,
                created.data.hash.as_str()
            ));
            Ok(output::print_lines(&[created.key.expose().to_owned()])?)
        }
        KeysCommand::Rm { hash } => {
            client.delete_key(hash).await.map_err(fail)?;
            term.note(&format!("deleted key {hash}"));
            Ok(())
        }
    }
}

/// Runs `openrouter byok …`.
pub async fn byok(command: &ByokCommand, connection: &Connection, term: Term) -> Outcome {
    // Kept whole: offline, it owns the mock server the client talks to.
    let connected = connect(connection, Key::Required, term).await?;
    let client = &connected.client;
    let fail = |e: openrouter_api::Error| Failure::from_client(&e, false);
    match command {
        ByokCommand::List { json } => {
            let keys = client
                .list_byok(&Default::default())
                .await
                .map_err(fail)?
                .into_inner();
            if *json {
                return Ok(output::print_json(&keys)?);
            }
            let rows: Vec<Vec<String>> = keys
                .data
                .iter()
                .map(|k| {
                    vec![
                        k.provider.as_str().to_owned(),
                        k.name.clone().unwrap_or_default(),
                        k.label.clone(),
                        if k.disabled { "disabled" } else { "" }.to_owned(),
                        k.id.clone(),
                    ]
                })
                .collect();
            let header = [
                ("PROVIDER", Align::Left),
                ("NAME", Align::Left),
                ("KEY", Align::Left),
                ("STATE", Align::Left),
                ("ID", Align::Left),
            ];
            Ok(output::print_lines(&output::table(&header, &rows))?)
        }
        ByokCommand::Add { provider, name } => {
            let key = provider_key_from_stdin()?;
            let mut request = CreateByokKeyRequest::new(provider.as_str(), key);
            if let Some(name) = name {
                request = request.name(name.as_str());
            }
            let created = client
                .create_byok(&request)
                .await
                .map_err(fail)?
                .into_inner();
            term.note(&format!(
                "added the {} key {}",
                created.data.provider.as_str(),
                created.data.label
            ));
            Ok(output::print_lines(&[created.data.id])?)
        }
        ByokCommand::Rm { id } => {
            client.delete_byok(id).await.map_err(fail)?;
            term.note(&format!("deleted BYOK key {id}"));
            Ok(())
        }
    }
}

/// The provider key, from stdin: never an argument, which shell history would keep.
fn provider_key_from_stdin() -> Result<String, Failure> {
    if std::io::stdin().is_terminal() {
        return Err(Failure::new(
            Code::Usage,
            "pipe the provider key on stdin, e.g. `pass show openai | openrouter byok add openai` \
             (it is not taken as an argument, so it stays out of shell history)",
        ));
    }
    let mut key = String::new();
    std::io::stdin().read_to_string(&mut key)?;
    let key = key.trim().to_owned();
    if key.is_empty() {
        return Err(Failure::new(Code::Usage, "no provider key on stdin"));
    }
    Ok(key)
}

/// Runs `openrouter activity`.
pub async fn activity(args: &ActivityArgs, connection: &Connection, term: Term) -> Outcome {
    // Kept whole: offline, it owns the mock server the client talks to.
    let connected = connect(connection, Key::Required, term).await?;
    let client = &connected.client;
    let mut query = ActivityQuery::new();
    if let Some(date) = &args.date {
        query = query.date(date.as_str());
    }
    let items = client
        .activity(&query)
        .await
        .map_err(|e| Failure::from_client(&e, false))?
        .into_inner()
        .into_inner();
    if args.json {
        return Ok(output::print_json(&items)?);
    }
    let rows: Vec<Vec<String>> = items
        .iter()
        .map(|i| {
            vec![
                i.date.clone(),
                i.model.as_str().to_owned(),
                i.provider_name.as_str().to_owned(),
                thousands(i.requests),
                thousands(i.prompt_tokens),
                thousands(i.completion_tokens),
                usd_amount(i.usage),
            ]
        })
        .collect();
    let header = [
        ("DATE", Align::Left),
        ("MODEL", Align::Left),
        ("PROVIDER", Align::Left),
        ("REQUESTS", Align::Right),
        ("PROMPT", Align::Right),
        ("COMPLETION", Align::Right),
        ("COST", Align::Right),
    ];
    Ok(output::print_lines(&output::table(&header, &rows))?)
}
