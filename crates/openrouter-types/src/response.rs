//! The chat completions response (non-streaming): choices, messages, tool calls, annotations.
