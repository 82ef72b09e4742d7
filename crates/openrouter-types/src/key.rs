//! The current API key's info and limits (`GET /key`).
