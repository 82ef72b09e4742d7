//! Embeddings (`POST /embeddings`, `GET /embeddings/models`).
