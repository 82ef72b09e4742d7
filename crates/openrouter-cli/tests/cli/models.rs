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
