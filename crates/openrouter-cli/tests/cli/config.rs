//! The default model (`--model` > `OPENROUTER_MODEL` > the config file > `openrouter/auto`)
//! and the config file's errors, which name the file and the line.

use crate::support::{Mock, scratch_dir};

fn config_file(test: &str, text: &str) -> String {
    let path = scratch_dir(test).join("config.toml");
    std::fs::write(&path, text).expect("the config is written");
    path.to_string_lossy().into_owned()
}

fn model_sent(mock: &Mock) -> serde_json::Value {
    mock.requests()
        .last()
        .and_then(|r| r.body_field("model"))
        .expect("a request with a model")
}

#[test]
fn the_model_comes_from_the_flag_the_environment_the_file_then_the_router() {
    let mock = Mock::start();
    let config = config_file("config-model", "model = \"from/file\"\n");

    mock.run(&["chat", "hi"]).expect_code(0);
    assert_eq!(model_sent(&mock), "openrouter/auto");

    let mut command = mock.command(&["chat", "hi"]);
    command.env("OPENROUTER_CONFIG", &config);
    crate::support::Run::of(command, None, &mock).expect_code(0);
    assert_eq!(model_sent(&mock), "from/file");

    let mut command = mock.command(&["chat", "hi"]);
    command
        .env("OPENROUTER_CONFIG", &config)
        .env("OPENROUTER_MODEL", "from/env");
    crate::support::Run::of(command, None, &mock).expect_code(0);
    assert_eq!(model_sent(&mock), "from/env");

    let mut command = mock.command(&["chat", "--model", "from/flag", "hi"]);
    command
        .env("OPENROUTER_CONFIG", &config)
        .env("OPENROUTER_MODEL", "from/env");
    crate::support::Run::of(command, None, &mock).expect_code(0);
    assert_eq!(model_sent(&mock), "from/flag");
}

#[test]
fn the_platform_config_dir_is_read() {
    let mock = Mock::start();
    let home = scratch_dir("config-xdg");
    std::fs::create_dir_all(home.join("openrouter")).expect("a config dir");
    std::fs::write(
        home.join("openrouter/config.toml"),
        "model = \"xdg/model\"\n",
    )
    .expect("the config is written");
    let mut command = mock.command(&["chat", "hi"]);
    command.env("XDG_CONFIG_HOME", &home);
    crate::support::Run::of(command, None, &mock).expect_code(0);
    assert_eq!(model_sent(&mock), "xdg/model");
}

#[test]
fn a_malformed_config_file_names_the_file_and_the_line() {
    let mock = Mock::start();
    let config = config_file("config-bad", "model = \"a/b\"\nmodle = \"typo\"\n");
    let mut command = mock.command(&["chat", "hi"]);
    command.env("OPENROUTER_CONFIG", &config);
    let run = crate::support::Run::of(command, None, &mock);
    run.expect_code(5);
    assert!(
        run.stderr.contains(&format!(
            "cannot use the config file {config}: line 2, column 1: unknown field `modle`"
        )),
        "{}",
        run.stderr
    );
    assert!(mock.requests().is_empty());

    let mut command = mock.command(&["chat", "hi"]);
    command.env("OPENROUTER_CONFIG", "/nonexistent/openrouter.toml");
    let run = crate::support::Run::of(command, None, &mock);
    run.expect_code(5);
    assert!(
        run.stderr.contains("/nonexistent/openrouter.toml"),
        "{}",
        run.stderr
    );
}
