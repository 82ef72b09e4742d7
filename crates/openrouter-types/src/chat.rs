//! The chat completions request (`POST /chat/completions`): messages, tools, routing, sampling.
