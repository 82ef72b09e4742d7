//! Token usage and cost, shared by completions, chunks, embeddings and responses.
