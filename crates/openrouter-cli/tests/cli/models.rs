//! `openrouter models` and `openrouter model ID`: tables, filters, sorting and JSON.

use serde_json::Value;

use crate::support::Mock;

fn ids(json: &str) -> Vec<String> {
    let models: Vec<Value> = serde_json::from_str(json).expect("a JSON array");
    models
        .iter()
        .map(|m| m["id"].as_str().unwrap_or_default().to_owned())
        .collect()
}

#[test]
fn lists_models_as_a_table() {
    let mock = Mock::start();
    let run = mock.run(&["models"]);
    run.expect_code(0);
    insta::assert_snapshot!(run.dump());
}

#[test]
fn filters_and_sorts() {
    let mock = Mock::start();
    let free = mock.run(&["models", "--free", "--json"]);
    free.expect_code(0);
    assert_eq!(ids(&free.stdout), ["deepseek/deepseek-chat-v3.1:free"]);

    let search = mock.run(&["models", "--search", "GPT", "--json"]);
    assert_eq!(ids(&search.stdout), ["openai/gpt-4o-mini"]);

    let cheap = mock.run(&["models", "--max-price", "1", "--sort", "price", "--json"]);
    assert_eq!(
        ids(&cheap.stdout),
        ["deepseek/deepseek-chat-v3.1:free", "openai/gpt-4o-mini"]
    );

    let by_context = mock.run(&["models", "--sort", "context", "--json"]);
    assert_eq!(ids(&by_context.stdout)[0], "openrouter/auto");
}

#[test]
fn supports_filters_on_the_server_and_locally() {
    let mock = Mock::start();
    let run = mock.run(&["models", "--supports", "tools"]);
    run.expect_code(0);
    assert_eq!(
        mock.requests()[0].query_param("supported_parameters"),
        Some("tools")
    );
    insta::assert_snapshot!(run.dump());
    for line in run.stdout.lines().skip(1) {
        assert!(
            !line.starts_with("openrouter/auto"),
            "auto does not list tools: {line}"
        );
    }
}

#[test]
fn shows_one_model_with_its_endpoints() {
    let mock = Mock::start();
    let run = mock.run(&["model", "openai/gpt-4o-mini"]);
    run.expect_code(0);
    insta::assert_snapshot!(run.dump());
    let json = mock.run(&["model", "openai/gpt-4o-mini", "--json"]);
    let value: Value = serde_json::from_str(&json.stdout).expect("JSON");
    assert_eq!(value["model"]["id"], "openai/gpt-4o-mini");
    assert!(value["endpoints"].as_array().is_some_and(|e| e.len() >= 2));
}

#[test]
fn models_work_without_a_key() {
    let mock = Mock::start();
    let mut command = mock.command(&["models"]);
    command.env_remove("OPENROUTER_API_KEY");
    let run = crate::support::Run::of(command, None, &mock);
    run.expect_code(0);
    assert_eq!(mock.requests()[0].header("authorization"), None);
}

#[test]
fn an_unknown_supports_value_warns_with_the_known_list() {
    let mock = Mock::start();
    let run = mock.run(&["models", "--supports", "nonsense"]);
    run.expect_code(0);
    assert_eq!(run.stdout, "", "no empty table");
    assert!(
        run.stderr.starts_with(
            "warning: no model lists the parameter `nonsense`, so --supports nonsense matches \
             none; known parameters: temperature, top_p,"
        ),
        "{}",
        run.stderr
    );
    for known in ["tools", "structured_outputs", "web_search_options"] {
        assert!(run.stderr.contains(known), "{known}: {}", run.stderr);
    }
    assert!(
        run.stderr.ends_with("no model matches these filters\n"),
        "{}",
        run.stderr
    );
    // A known parameter, even one no model here lists, is no typo.
    let run = mock.run(&["models", "--supports", "verbosity"]);
    assert!(!run.stderr.contains("warning"), "{}", run.stderr);
}

#[test]
fn tables_align_wide_characters_by_display_width() {
    use openrouter_testkit::raw::{self, Step};
    use unicode_width::UnicodeWidthStr;

    // The bundled catalogue with its ids replaced by wide ones (CJK takes two cells per
    // character, an emoji two, an accented letter one).
    let fixture = openrouter_testkit::FixtureSet::bundled();
    let list = fixture.get("models/list").expect("the bundled model list");
    let mut catalogue: Value = serde_json::from_slice(list.response().body()).unwrap();
    let ids = [
        "qwen/通义千问-max",
        "meta/🦙-llama-4",
        "mistral/café-ñ",
        "openai/gpt-4o-mini",
    ];
    let models = catalogue["data"].as_array_mut().unwrap();
    models.truncate(ids.len());
    for (model, id) in models.iter_mut().zip(ids) {
        model["id"] = id.into();
    }
    let body = catalogue.to_string();
    let server = crate::support::Raw::start([vec![Step::send(raw::response(
        200,
        &[("content-type", "application/json")],
        body.as_bytes(),
    ))]]);
    let run = server.run(&["models"]);
    run.expect_code(0);
    insta::assert_snapshot!(run.stdout);
    // `context` is right-aligned: every row's number ends in the same terminal cell.
    let context_ends: Vec<usize> = run
        .stdout
        .lines()
        .map(|line| {
            let id = line.split("  ").next().unwrap_or_default();
            let rest = &line[id.len()..];
            let gap = rest.len() - rest.trim_start().len();
            let context = rest.trim_start().split(' ').next().unwrap_or_default();
            id.width() + gap + context.width()
        })
        .collect();
    assert_eq!(context_ends.len(), 5, "{}", run.stdout);
    assert!(
        context_ends.windows(2).all(|pair| pair[0] == pair[1]),
        "{context_ends:?}\n{}",
        run.stdout
    );
}
