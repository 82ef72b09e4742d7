//! Attribution on the wire: `HTTP-Referer` and `X-Title` name the project's repository and the
//! CLI by default; `OPENROUTER_APP_URL` and `OPENROUTER_APP_TITLE` replace them, and an empty
//! value sends no header at all; the config file's `app_url` / `app_title` sit between the two.

use crate::support::{Mock, Run, scratch_dir};

/// The attribution headers of the one request `env` makes `openrouter credits` send.
fn headers(env: &[(&str, &str)]) -> [Option<String>; 3] {
    let mock = Mock::start();
    let mut command = mock.command(&["credits"]);
    for (name, value) in env {
        command.env(name, value);
    }
    Run::of(command, None, &mock).expect_code(0);
    let requests = mock.requests();
    assert_eq!(requests.len(), 1);
    ["http-referer", "x-title", "x-openrouter-title"]
        .map(|name| requests[0].header(name).map(str::to_owned))
}

#[test]
fn the_default_is_the_project_repository() {
    // The workspace names no repository until the project has a public home: then no
    // `HTTP-Referer` is sent rather than someone else's URL.
    let repository = env!("CARGO_PKG_REPOSITORY");
    assert_eq!(
        headers(&[]),
        [
            (!repository.is_empty()).then(|| repository.to_owned()),
            Some("openrouter-cli".to_owned()),
            Some("openrouter-cli".to_owned())
        ]
    );
}

#[test]
fn the_environment_overrides_it() {
    assert_eq!(
        headers(&[
            ("OPENROUTER_APP_URL", "https://example.com/my-tool"),
            ("OPENROUTER_APP_TITLE", "My Tool")
        ]),
        [
            Some("https://example.com/my-tool".to_owned()),
            Some("My Tool".to_owned()),
            Some("My Tool".to_owned())
        ]
    );
}

#[test]
fn an_empty_value_turns_the_header_off() {
    assert_eq!(
        headers(&[("OPENROUTER_APP_URL", ""), ("OPENROUTER_APP_TITLE", "")]),
        [None, None, None]
    );
    let [referer, title, _] = headers(&[("OPENROUTER_APP_URL", "")]);
    assert_eq!(referer, None);
    assert_eq!(title.as_deref(), Some("openrouter-cli"));
}

#[test]
fn the_config_file_sets_it_and_the_environment_wins() {
    let config = scratch_dir("attribution-config").join("config.toml");
    std::fs::write(
        &config,
        "app_url = \"https://example.com/from-file\"\napp_title = \"From File\"\n",
    )
    .expect("the config is written");
    let config = config.to_string_lossy().into_owned();
    assert_eq!(
        headers(&[("OPENROUTER_CONFIG", &config)]),
        [
            Some("https://example.com/from-file".to_owned()),
            Some("From File".to_owned()),
            Some("From File".to_owned())
        ]
    );
    let [referer, title, _] = headers(&[
        ("OPENROUTER_CONFIG", &config),
        ("OPENROUTER_APP_TITLE", "From Env"),
    ]);
    assert_eq!(referer.as_deref(), Some("https://example.com/from-file"));
    assert_eq!(title.as_deref(), Some("From Env"));
}
