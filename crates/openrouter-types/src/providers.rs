//! The provider list (`GET /providers`).
