//! The newcomer's path, end to end: a fresh `cargo new` project gets the README's
//! `[dependencies]` block and its `src/main.rs` snippet, builds, and streams an answer from the
//! mock OpenRouter. If the README's snippet stops compiling against the crate, or the block
//! forgets a dependency or a tokio feature the snippet needs, this fails.
//!
//! The project is made in the system's temp dir, outside this workspace, and builds in its own
//! target dir under `target/tmp` (cargo's build lock on the workspace's target dir is held by
//! the `cargo test` running this), kept between runs so only the first run pays for compiling
//! the dependencies. It builds `--offline` with a copy of the
//! workspace's `Cargo.lock`, so it uses the versions the workspace is tested with and never
//! reaches the network.

use std::path::{Path, PathBuf};
use std::process::Command;

use openrouter_testkit::FixtureSet;
use openrouter_testkit::server::MockOpenRouter;

/// The README section that holds the two blocks a newcomer pastes.
const SECTION: &str = "## Use it in your project";

#[tokio::test]
async fn a_fresh_project_with_the_readme_blocks_streams_from_the_mock() {
    let root = workspace_root();
    let readme = std::fs::read_to_string(root.join("README.md")).expect("README.md");
    let (dependencies, main_rs) = readme_blocks(&readme);

    // The project lives outside this workspace, as a newcomer's does: inside it, cargo would
    // take it for a stray member (and `cargo publish --workspace` tries to verify it).
    let project = std::env::temp_dir().join(format!("openrouter-newcomer-{}", std::process::id()));
    if project.exists() {
        std::fs::remove_dir_all(&project).expect("remove a leftover project");
    }
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let our_manifest = std::fs::read_to_string(root.join("Cargo.toml")).expect("Cargo.toml");
    run(Command::new(&cargo)
        .args(["new", "--vcs", "none", "--name", "newcomer"])
        .arg(&project)
        .current_dir(std::env::temp_dir()));
    assert_eq!(
        std::fs::read_to_string(root.join("Cargo.toml")).expect("Cargo.toml"),
        our_manifest,
        "`cargo new` added the project to this workspace's members"
    );

    // The README's path points at a checkout beside the user's project; here it is this one.
    let api = root.join("crates/openrouter-api");
    let dependencies = dependencies.replace(
        "../openrouter-rs/crates/openrouter-api",
        &api.display().to_string(),
    );
    assert!(
        dependencies.contains(&api.display().to_string()),
        "the README's [dependencies] block no longer names `../openrouter-rs/crates/openrouter-api`; \
         update this test with the new placeholder:\n{dependencies}"
    );
    let manifest = project.join("Cargo.toml");
    let generated = std::fs::read_to_string(&manifest).expect("cargo new wrote Cargo.toml");
    let Some((package, _)) = generated.split_once("[dependencies]") else {
        panic!("cargo new's Cargo.toml has no [dependencies] table:\n{generated}");
    };
    std::fs::write(&manifest, format!("{package}{dependencies}")).expect("write Cargo.toml");
    std::fs::write(project.join("src/main.rs"), main_rs).expect("write src/main.rs");
    std::fs::copy(root.join("Cargo.lock"), project.join("Cargo.lock")).expect("copy Cargo.lock");

    // Kept between runs (under this workspace's target dir) so only the first run compiles
    // the dependencies.
    let target = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("newcomer-target");
    let built = run(Command::new(&cargo)
        .args(["build", "--offline", "--quiet"])
        .current_dir(&project)
        .env("CARGO_TARGET_DIR", &target)
        // No debug info: the binary only has to run; this halves the cold build.
        .env("CARGO_PROFILE_DEV_DEBUG", "0"));
    assert!(built.status.success());

    let server = MockOpenRouter::start(FixtureSet::bundled())
        .await
        .expect("start the mock");
    let binary = target.join("debug/newcomer");
    let base_url = server.base_url();
    let output = tokio::task::spawn_blocking(move || {
        Command::new(binary)
            .env("OPENROUTER_BASE_URL", base_url)
            .env("OPENROUTER_API_KEY", "sk-or-v1-newcomer")
            .output()
            .expect("run the newcomer's binary")
    })
    .await
    .expect("the binary ran");
    assert!(
        output.status.success(),
        "the README's program failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let streamed = String::from_utf8(output.stdout).expect("UTF-8 answer");
    let expected = demo_answer();
    assert_eq!(streamed.trim_end(), expected.trim_end());

    let sent = server.received_requests();
    assert_eq!(sent.len(), 1, "one streamed chat request");
    sent[0].expect_body_field("stream", true);
    server.shutdown().await;
    let _ = std::fs::remove_dir_all(&project);
}

/// The first ```toml block and the first ```rust block after [`SECTION`].
fn readme_blocks(readme: &str) -> (String, String) {
    let Some(start) = readme.find(SECTION) else {
        panic!("README.md has no `{SECTION}` section");
    };
    let section = &readme[start..];
    let block = |fence: &str| -> String {
        let Some(open) = section.find(fence) else {
            panic!("no {fence} block in README.md's `{SECTION}`");
        };
        let body = &section[open + fence.len()..];
        let body = &body[body.find('\n').expect("fence line ends") + 1..];
        let close = body.find("\n```").expect("the block is closed");
        body[..=close].to_string()
    };
    (block("```toml"), block("```rust"))
}

/// The text the bundled `chat/demo_stream` fixture streams, assembled from its `.sse` file.
fn demo_answer() -> String {
    let set = FixtureSet::bundled();
    let fixture = set
        .get("chat/demo_stream")
        .expect("the demo stream fixture");
    let body = String::from_utf8(fixture.response().body().to_vec()).expect("UTF-8 SSE");
    let mut answer = String::new();
    for line in body.lines() {
        let Some(data) = line.strip_prefix("data: ") else {
            continue;
        };
        let Ok(chunk) = serde_json::from_str::<serde_json::Value>(data) else {
            continue; // [DONE]
        };
        if let Some(text) = chunk["choices"][0]["delta"]["content"].as_str() {
            answer.push_str(text);
        }
    }
    assert!(!answer.is_empty(), "the demo stream carries text");
    answer
}

/// Runs `command`, failing with its output when it does not succeed.
fn run(command: &mut Command) -> std::process::Output {
    let output = command.output().expect("start cargo");
    assert!(
        output.status.success(),
        "{command:?} failed ({}):\n{}{}",
        output.status,
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    output
}

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("tests/ is one level below the root")
        .to_path_buf()
}
