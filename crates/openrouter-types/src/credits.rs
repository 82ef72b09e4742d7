//! The account's credits (`GET /credits`).
