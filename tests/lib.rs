//! Holder for the workspace's cross-crate integration tests; see `it/`.
