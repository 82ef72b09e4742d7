//! One snapshot per recorded exchange: what the typed client makes of it.

use super::render;
use super::replay::run;

/// `created` is a timestamp: shown as `[created]` when set, but kept when it is `0` (the value
/// a decoder or the stream accumulator falls back to when it lost the field).
fn created(
    value: insta::internals::Content,
    _: insta::internals::ContentPath<'_>,
) -> insta::internals::Content {
    if value.as_u64() == Some(0) {
        value
    } else {
        "[created]".into()
    }
}

#[test]
fn every_fixture_through_the_client() {
    let run = run();
    insta::glob!("../../../fixtures", "*/*.json", |path| {
        let folder = path
            .parent()
            .and_then(|p| p.file_name())
            .and_then(|f| f.to_str())
            .unwrap_or_default();
        if folder == "sse" {
            // SSE parser cases, another format (fixtures/README.md).
            return;
        }
        let stem = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default();
        let name = format!("{folder}/{stem}");
        if run.set.get(&name).is_some_and(super::operations::handles) {
            return; // exercised by `operations.rs`, which checks the round trip instead
        }
        let replay = run.get(&name);
        insta::with_settings!({
            snapshot_path => "../snapshots",
            prepend_module_to_snapshot => false,
            description => replay.fixture.description(),
            omit_expression => true,
        }, {
            insta::assert_yaml_snapshot!("contract", render::replay(replay), {
                ".**.created" => insta::dynamic_redaction(created),
            });
        });
    });
}
