//! Account views: `openrouter credits`, `openrouter key` and `openrouter generation ID`.

use openrouter_types::key::LimitReset;
use openrouter_types::{Credits, Generation, KeyInfo};

use crate::args::{Connection, GenerationArgs, JsonArgs};
use crate::connect::{Key, connect};
use crate::exit::{Code, Failure, Outcome};
use crate::output::{self, Term, thousands, usd_amount};

/// Runs `openrouter credits`.
pub async fn credits(args: &JsonArgs, connection: &Connection, term: Term) -> Outcome {
    let connected = connect(connection, Key::Required, term).await?;
    let credits = connected
        .client
        .credits()
        .await
        .map_err(|e| Failure::from_client(&e, false))?
        .into_inner();
    if args.json {
        return Ok(output::print_json(&credits)?);
    }
    Ok(output::print_lines(&credit_lines(&credits))?)
}

/// Runs `openrouter key`.
pub async fn key(args: &JsonArgs, connection: &Connection, term: Term) -> Outcome {
    let connected = connect(connection, Key::Required, term).await?;
    let info = connected
        .client
        .key()
        .await
        .map_err(|e| Failure::from_client(&e, false))?
        .into_inner();
    if args.json {
        return Ok(output::print_json(&info)?);
    }
    Ok(output::print_lines(&key_lines(&info))?)
}

/// Runs `openrouter generation ID`.
pub async fn generation(args: &GenerationArgs, connection: &Connection, term: Term) -> Outcome {
    let connected = connect(connection, Key::Required, term).await?;
    let generation = match connected.client.generation(&args.id).await {
        Ok(response) => response.into_inner(),
        // The client's generic 404 hint talks about model slugs; here the usual cause is timing.
        Err(e) if e.status().map(|s| s.as_u16()) == Some(404) => {
            return Err(Failure::new(
                Code::Api,
                format!(
                    "openrouter has no stats for generation {} (404): they appear a few seconds after \
                     the answer ends, so retry shortly; otherwise check the id",
                    args.id
                ),
            ));
        }
        Err(e) => return Err(Failure::from_client(&e, false)),
    };
    if args.json {
        return Ok(output::print_json(&generation)?);
    }
    Ok(output::print_lines(&generation_lines(&generation))?)
}

fn credit_lines(credits: &Credits) -> Vec<String> {
    vec![
        format!("purchased  {}", usd_amount(credits.total_credits)),
        format!("used       {}", usd_amount(credits.total_usage)),
        format!("remaining  {}", usd_amount(credits.remaining())),
    ]
}

fn key_lines(info: &KeyInfo) -> Vec<String> {
    let mut lines = vec![format!("label      {}", info.label)];
    let limit = match (info.limit, &info.limit_reset) {
        (None, _) => "none".to_owned(),
        (Some(limit), Some(reset)) => format!("{} ({})", usd_amount(limit), reset_text(reset)),
        (Some(limit), None) => usd_amount(limit),
    };
    lines.push(format!("limit      {limit}"));
    if let Some(remaining) = info.limit_remaining {
        lines.push(format!("remaining  {}", usd_amount(remaining)));
    }
    let mut usage = format!("usage      {} in total", usd_amount(info.usage));
    for (amount, period) in [
        (info.usage_daily, "today"),
        (info.usage_weekly, "this week"),
        (info.usage_monthly, "this month"),
    ] {
        if let Some(amount) = amount {
            usage.push_str(&format!(", {} {period}", usd_amount(amount)));
        }
    }
    lines.push(usage);
    let mut kind = Vec::new();
    if info.is_free_tier == Some(true) {
        kind.push("free tier");
    }
    if info.is_management_key == Some(true) {
        kind.push("management key");
    }
    if !kind.is_empty() {
        lines.push(format!("kind       {}", kind.join(", ")));
    }
    if let Some(expires) = &info.expires_at {
        lines.push(format!("expires    {expires}"));
    }
    lines
}

fn reset_text(reset: &LimitReset) -> String {
    format!("resets {}", reset.as_str())
}

fn generation_lines(generation: &Generation) -> Vec<String> {
    let mut lines = vec![format!("id          {}", generation.id.as_str())];
    let mut push = |label: &str, value: Option<String>| {
        if let Some(value) = value {
            lines.push(format!("{label:<12}{value}"));
        }
    };
    push("model", generation.model.clone());
    push(
        "provider",
        generation
            .provider_name
            .as_ref()
            .map(|p| p.as_str().to_owned()),
    );
    push("created", generation.created_at.clone());
    push(
        "tokens",
        match (generation.tokens_prompt, generation.tokens_completion) {
            (None, None) => None,
            (prompt, completion) => Some(format!(
                "{} prompt + {} completion",
                prompt.map_or_else(|| "?".to_owned(), thousands),
                completion.map_or_else(|| "?".to_owned(), thousands)
            )),
        },
    );
    push("cost", generation.total_cost.map(usd_amount));
    push(
        "latency",
        generation
            .latency
            .map(|ms| format!("{ms:.0} ms to first token")),
    );
    push(
        "generation",
        generation.generation_time.map(|ms| format!("{ms:.0} ms")),
    );
    push("finish", generation.finish_reason.clone());
    push(
        "streamed",
        generation
            .streamed
            .map(|s| if s { "yes" } else { "no" }.to_owned()),
    );
    if generation.cancelled == Some(true) {
        push("cancelled", Some("yes".to_owned()));
    }
    let fallbacks = generation.fallback_count();
    if fallbacks > 0 {
        push("fallbacks", Some(fallbacks.to_string()));
    }
    lines
}
