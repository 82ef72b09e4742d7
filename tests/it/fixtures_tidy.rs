//! Secrets never reach `fixtures/`: every file there is scanned for anything shaped like an
//! OpenRouter key (`sk-or-…`) or a bearer token.
//!
//! Masked previews such as OpenRouter's own key labels (`sk-or-v1-3f2...9ab`) and the
//! placeholder `sk-or-v1-REDACTED` are too short to be keys and pass.

use std::path::{Path, PathBuf};

/// Characters a key or token is made of (base64url, hex, and the separators OpenRouter uses).
fn is_token_byte(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.' | b'~' | b'+' | b'/' | b'=')
}

/// Shorter runs are previews or placeholders; a real key is `sk-or-v1-` plus 64 hex digits.
const MIN_SECRET_LEN: usize = 16;

/// Every secret-shaped string in `text`, with its line number.
fn findings(text: &str) -> Vec<(usize, String)> {
    let mut found = Vec::new();
    for (number, line) in text.lines().enumerate() {
        let lower = line.to_ascii_lowercase();
        for (marker, skip) in [("sk-or-", 0), ("bearer ", "bearer ".len())] {
            let mut from = 0;
            while let Some(at) = lower[from..].find(marker) {
                let start = from + at;
                let token_start = start + if skip == 0 { marker.len() } else { skip };
                let token_start = token_start
                    + line.as_bytes()[token_start..]
                        .iter()
                        .take_while(|b| **b == b' ')
                        .count();
                let token_len = line.as_bytes()[token_start..]
                    .iter()
                    .take_while(|b| is_token_byte(**b))
                    .count();
                if token_len >= MIN_SECRET_LEN {
                    let end = token_start + token_len;
                    found.push((number + 1, redact(&line[start..end])));
                }
                from = start + marker.len();
            }
        }
    }
    found
}

/// Shows where a finding is without printing the secret itself.
fn redact(secret: &str) -> String {
    let head: String = secret.chars().take(10).collect();
    format!("{head}… ({} chars)", secret.chars().count())
}

fn files_below(dir: &Path, out: &mut Vec<PathBuf>) {
    let entries =
        std::fs::read_dir(dir).unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()));
    for entry in entries {
        let path = entry.expect("directory entry").path();
        if path.is_dir() {
            files_below(&path, out);
        } else {
            out.push(path);
        }
    }
}

#[test]
fn fixtures_contain_no_keys_or_bearer_tokens() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../fixtures");
    let mut files = Vec::new();
    files_below(&root, &mut files);
    assert!(
        files.len() > 40,
        "expected the fixture files under {}",
        root.display()
    );
    let mut report = Vec::new();
    for file in &files {
        let bytes =
            std::fs::read(file).unwrap_or_else(|e| panic!("cannot read {}: {e}", file.display()));
        let text = String::from_utf8_lossy(&bytes);
        for (line, what) in findings(&text) {
            report.push(format!("{}:{line}: {what}", file.display()));
        }
    }
    assert!(
        report.is_empty(),
        "secret-shaped strings in fixtures/ (replace them with `sk-or-v1-REDACTED` or remove the header):\n{}",
        report.join("\n")
    );
}

#[test]
fn the_scanner_flags_keys_and_tokens_but_not_previews() {
    // Built at run time so this file itself holds nothing key-shaped.
    let key = format!("sk-or-v1-{}", "0123456789abcdef".repeat(4));
    let jwt = format!("eyJhbGciOi{}.eyJzdWIi", "J".repeat(12));
    assert_eq!(findings(&format!(r#"{{"key":"{key}"}}"#)).len(), 1);
    assert_eq!(findings(&format!("authorization: Bearer {jwt}")).len(), 1);
    assert_eq!(
        findings(&format!("AUTHORIZATION: BEARER   {jwt}\nline two {key}")).len(),
        2
    );
    assert_eq!(findings(&format!("x\n{key}"))[0].0, 2, "reports the line");
    assert!(
        !findings(&key)[0].1.contains(&key[12..]),
        "never prints the secret"
    );

    assert!(findings(r#""label": "sk-or-v1-3f2...9ab""#).is_empty());
    assert!(findings(r#""key": "sk-or-v1-REDACTED""#).is_empty());
    assert!(findings("authorization: Bearer [redacted]").is_empty());
    assert!(findings("the bearer of bad news").is_empty());
}
