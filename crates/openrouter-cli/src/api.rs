//! `openrouter api`: any endpoint of the API from the shell, in the spirit of
//! `gh api`, through the library's generic call (auth, retries, errors).

use std::io::{IsTerminal, Read, Write};

use http::Method;
use serde_json::{Map, Value};

use crate::args::{ApiArgs, Connection};
use crate::connect::{Key, connect};
use crate::exit::{Code, Failure, Outcome};
use crate::output::Term;

/// Runs `openrouter api`.
pub async fn run(args: &ApiArgs, connection: &Connection, term: Term) -> Outcome {
    let method = Method::from_bytes(args.method.to_ascii_uppercase().as_bytes())
        .map_err(|_| usage(format!("invalid method `{}`", args.method)))?;
    let (path, query) = match args.path.split_once('?') {
        Some((path, query)) => (path, query),
        None => (args.path.as_str(), ""),
    };
    let path = if path.starts_with('/') {
        path.to_owned()
    } else {
        format!("/{path}")
    };
    let mut fields = Map::new();
    for (raw, typed) in &args.fields {
        let (name, value) = raw
            .split_once('=')
            .filter(|(name, _)| !name.is_empty())
            .ok_or_else(|| usage(format!("`{raw}` is not KEY=VALUE")))?;
        let value = if *typed {
            serde_json::from_str(value).unwrap_or_else(|_| Value::String(value.to_owned()))
        } else {
            Value::String(value.to_owned())
        };
        fields.insert(name.to_owned(), value);
    }
    let body = match &args.input {
        Some(input) => Some(read_input(input)?),
        None => None,
    };
    let connected = connect(connection, Key::Optional, term).await?;
    let mut request = connected.client.request(method.clone(), &path);
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
        request = request.query(name, value);
    }
    if args.management {
        request = request.management();
    }
    let reads = matches!(method, Method::GET | Method::HEAD | Method::DELETE);
    request = match body {
        Some(bytes) => request.body("application/json", bytes),
        // Like `gh api`: fields are the query of a read and the JSON body of a write.
        None if reads => {
            for (name, value) in &fields {
                let value = match value {
                    Value::String(s) => s.clone(),
                    other => other.to_string(),
                };
                request = request.query(name, &value);
            }
            request
        }
        None if !fields.is_empty() => request.json(&fields),
        None => request,
    };
    let response = request
        .send_bytes()
        .await
        .map_err(|e| Failure::from_client(&e, false))?;
    let body = response.into_inner();
    let mut out = std::io::stdout().lock();
    let text = match serde_json::from_slice::<Value>(&body) {
        Ok(value) if std::io::stdout().is_terminal() => {
            serde_json::to_string_pretty(&value).map_err(std::io::Error::other)?
        }
        Ok(value) => value.to_string(),
        Err(_) => {
            // Not JSON (audio, a file): written as it came.
            out.write_all(&body)?;
            return Ok(out.flush()?);
        }
    };
    writeln!(out, "{text}")?;
    Ok(out.flush()?)
}

/// The body from `--input FILE` (or `-` for stdin), checked to be JSON.
fn read_input(input: &str) -> Result<Vec<u8>, Failure> {
    let bytes = if input == "-" {
        let mut bytes = Vec::new();
        std::io::stdin().read_to_end(&mut bytes)?;
        bytes
    } else {
        std::fs::read(input)
            .map_err(|e| Failure::new(Code::Usage, format!("cannot read `{input}`: {e}")))?
    };
    serde_json::from_slice::<Value>(&bytes).map_err(|e| {
        Failure::new(
            Code::Usage,
            format!("the --input body is not JSON ({e}): pass a JSON document"),
        )
    })?;
    Ok(bytes)
}

fn usage(message: String) -> Failure {
    Failure::new(Code::Usage, message)
}
