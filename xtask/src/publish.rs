//! `cargo xtask publish-check`: every publishable crate packages and builds from its package
//! alone (`cargo publish --dry-run --workspace`), so a crate that cannot be depended on from
//! crates.io fails CI instead of the release day.
//!
//! The dry run resolves dependencies from the crates.io index, so it needs the network; when
//! the index is unreachable the task says so and succeeds (CI machines without a network still
//! pass), unless `--require-network` is given.

use std::net::{TcpStream, ToSocketAddrs};
use std::process::Command;
use std::time::Duration;

use crate::ci::workspace_root;

const INDEX_HOST: &str = "index.crates.io:443";

/// What cargo says when the registry, not the package, is the problem.
const NETWORK_FAILURES: &[&str] = &[
    "failed to query replaced source registry",
    "failed to get successful HTTP response",
    "failed to download",
    "spurious network error",
    "Couldn't resolve host",
    "failed to update registry",
    "network failure",
];

/// Runs the dry run over the workspace's publishable members.
pub fn run(args: &[String]) -> Result<(), String> {
    let mut require_network = false;
    let mut allow_dirty = false;
    for arg in args {
        match arg.as_str() {
            "--require-network" => require_network = true,
            "--allow-dirty" => allow_dirty = true,
            other => {
                return Err(format!(
                    "unknown argument `{other}` (expected --require-network or --allow-dirty)"
                ));
            }
        }
    }
    if let Err(why) = reachable(INDEX_HOST) {
        if require_network {
            return Err(format!(
                "the crates.io index ({INDEX_HOST}) is unreachable: {why}"
            ));
        }
        eprintln!(
            "notice: the crates.io index ({INDEX_HOST}) is unreachable ({why}); \
             the publish dry run is skipped"
        );
        return Ok(());
    }
    forget_earlier_dry_runs()?;
    let root = workspace_root();
    let mut command = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()));
    // `--workspace` takes every member whose manifest allows publishing (the CLI, the testkit,
    // tests and xtask opt out) and verifies them in dependency order against a local overlay
    // registry, so crates that depend on each other check before any of them is published.
    command
        .args(["publish", "--dry-run", "--workspace", "--locked"])
        .current_dir(&root);
    if allow_dirty {
        command.arg("--allow-dirty");
    }
    let output = command
        .output()
        .map_err(|e| format!("could not start cargo publish: {e}"))?;
    let stderr = String::from_utf8_lossy(&output.stderr);
    eprint!("{stderr}");
    let status = output.status;
    if status.success() {
        Ok(())
    } else if !require_network && NETWORK_FAILURES.iter().any(|m| stderr.contains(m)) {
        // The TCP probe passed but the registry did not answer (a proxy, a captive portal):
        // not a packaging problem of ours.
        eprintln!(
            "notice: the crates.io index could not be read (see above); the publish dry run \
             is skipped"
        );
        Ok(())
    } else {
        Err(format!(
            "cargo publish --dry-run failed ({status}); the messages above name the crate and \
             the missing metadata or file"
        ))
    }
}

/// Removes what earlier dry runs unpacked of our own crates.
///
/// The dry run verifies each crate against a temporary local registry holding the others, and
/// cargo unpacks those into `$CARGO_HOME/registry/src/<that registry>/NAME-VERSION`. A later dry
/// run at the same version finds the directory and reuses it, so it verifies against the code
/// of the earlier run (seen here: a new module "missing" from `openrouter-types 0.1.0`). Our
/// crates are not on crates.io, so every `openrouter-*` outside crates.io's own directory is
/// such a leftover.
fn forget_earlier_dry_runs() -> Result<(), String> {
    let home = std::env::var_os("CARGO_HOME")
        .map(std::path::PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| std::path::PathBuf::from(h).join(".cargo")));
    let Some(home) = home else {
        return Ok(());
    };
    let Ok(registries) = std::fs::read_dir(home.join("registry/src")) else {
        return Ok(());
    };
    for registry in registries.flatten() {
        if registry
            .file_name()
            .to_string_lossy()
            .starts_with("index.crates.io")
        {
            continue;
        }
        let Ok(packages) = std::fs::read_dir(registry.path()) else {
            continue;
        };
        for package in packages.flatten() {
            if package
                .file_name()
                .to_string_lossy()
                .starts_with("openrouter-")
            {
                std::fs::remove_dir_all(package.path())
                    .map_err(|e| format!("cannot remove {}: {e}", package.path().display()))?;
            }
        }
    }
    Ok(())
}

/// Whether a TCP connection to `host` opens within a few seconds.
fn reachable(host: &str) -> Result<(), String> {
    let addresses = host
        .to_socket_addrs()
        .map_err(|e| format!("cannot resolve {host}: {e}"))?;
    let mut last = String::from("no address");
    for address in addresses {
        match TcpStream::connect_timeout(&address, Duration::from_secs(5)) {
            Ok(_) => return Ok(()),
            Err(e) => last = e.to_string(),
        }
    }
    Err(last)
}
