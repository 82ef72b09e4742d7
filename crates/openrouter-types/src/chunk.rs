//! The streamed chat completion chunk and its deltas.
