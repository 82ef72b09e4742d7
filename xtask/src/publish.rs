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
    let status = command
        .status()
        .map_err(|e| format!("could not start cargo publish: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!(
            "cargo publish --dry-run failed ({status}); the messages above name the crate and \
             the missing metadata or file"
        ))
    }
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
