//! Building a client: validation errors, never panics.

use openrouter_api::{Client, Error};

#[test]
fn invalid_configuration_is_a_config_error() {
    let cases = [
        Client::builder().base_url("not a url").build(),
        Client::builder().base_url("ftp://example.com/api").build(),
        Client::builder().default_header("bad header", "x").build(),
        Client::builder()
            .default_header("x-ok", "line\nbreak")
            .build(),
        Client::builder().api_key("").build(),
        Client::builder().api_key("sk-or-v1 with spaces").build(),
        Client::builder().app_title("new\nline").build(),
        Client::builder()
            .app_categories(["cli-agent", "game", "legal"])
            .build(),
        Client::builder().app_categories(["CLI Agent"]).build(),
        Client::builder()
            .base_url("https://user:secret@openrouter.ai/api/v1")
            .build(),
    ];
    for (i, result) in cases.into_iter().enumerate() {
        let error = result.expect_err("invalid configuration");
        assert!(matches!(error, Error::Config(_)), "case {i}: {error:?}");
        assert!(!error.to_string().is_empty());
    }
}

#[test]
fn defaults_and_trailing_slashes() {
    let client = Client::builder().build().unwrap();
    assert_eq!(client.base_url(), "https://openrouter.ai/api/v1");
    assert!(!client.has_api_key());
    let client = Client::builder()
        .base_url("http://127.0.0.1:9/api/v1/")
        .api_key("k")
        .build()
        .unwrap();
    assert_eq!(client.base_url(), "http://127.0.0.1:9/api/v1");
    assert!(client.has_api_key());
    let clone = client.clone();
    assert_eq!(clone.base_url(), client.base_url());
}

#[tokio::test]
async fn an_invalid_per_call_header_fails_the_call_before_sending() {
    let client = Client::builder()
        .base_url("http://127.0.0.1:9")
        .api_key("k")
        .build()
        .unwrap();
    let error = client
        .with_options(openrouter_api::RequestOptions::new().header("bad name", "v"))
        .credits()
        .await
        .unwrap_err();
    assert!(matches!(error, Error::Config(_)), "{error:?}");
}

/// Runs in a child process (re-executed test binary) with the variables set,
/// so the parent's environment is never mutated.
#[test]
fn from_env_reads_key_and_base_url() {
    const CHILD: &str = "OPENROUTER_CLIENT_TEST_FROM_ENV_CHILD";
    if std::env::var_os(CHILD).is_some() {
        let client = Client::from_env().unwrap();
        assert!(client.has_api_key());
        assert_eq!(client.base_url(), "http://127.0.0.1:9/custom/v1");
        return;
    }
    let status = std::process::Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "builder::from_env_reads_key_and_base_url",
            "--test-threads=1",
        ])
        .env(CHILD, "1")
        .env("OPENROUTER_API_KEY", crate::support::KEY)
        .env("OPENROUTER_BASE_URL", "http://127.0.0.1:9/custom/v1/")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&status.stdout);
    assert!(status.status.success(), "{stdout}");
    assert!(
        stdout.contains("1 passed"),
        "the child ran the check: {stdout}"
    );

    let without = std::process::Command::new(std::env::current_exe().unwrap())
        .args(["--exact", "builder::from_env_reads_key_and_base_url"])
        .env(CHILD, "1")
        .env_remove("OPENROUTER_API_KEY")
        .env("OPENROUTER_BASE_URL", "http://127.0.0.1:9/custom/v1")
        .output()
        .unwrap();
    assert!(
        !without.status.success(),
        "without a key the child's has_api_key check fails"
    );
}
