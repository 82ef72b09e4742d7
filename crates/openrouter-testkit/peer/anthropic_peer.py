"""A real third-party client against the mock server: Anthropic's official Python SDK on
OpenRouter's Messages API (what Claude Code and the Anthropic SDKs speak).

Usage: python anthropic_peer.py BASE_URL   (e.g. http://127.0.0.1:PORT/api/v1)

The SDK appends /v1/messages itself, so it is given the base URL without its /v1, as
OpenRouter documents for ANTHROPIC_BASE_URL. Run by `cargo xtask peer`.
Exits non-zero with a message on the first mismatch.
"""

import sys

import anthropic


def check(condition, message):
    if not condition:
        print(f"peer: FAIL: {message}", file=sys.stderr)
        sys.exit(1)


def main():
    base_url = sys.argv[1].removesuffix("/v1")
    # OpenRouter takes the key as a bearer token (ANTHROPIC_AUTH_TOKEN for Claude Code).
    client = anthropic.Anthropic(base_url=base_url, auth_token="mock-key-not-secret", max_retries=0, timeout=20)
    messages = [{"role": "user", "content": "How are you?"}]

    plain = client.messages.create(model="anthropic/claude-sonnet-4.5", max_tokens=256, messages=messages)
    text = "".join(block.text for block in plain.content if block.type == "text")
    check(text.startswith("I'm doing well"), f"plain text: {text!r}")
    check(plain.stop_reason == "end_turn", f"plain stop_reason: {plain.stop_reason!r}")
    check(plain.usage.output_tokens > 0, f"plain usage: {plain.usage!r}")
    print(f"peer: plain message ok ({plain.model}, {plain.usage.output_tokens} output tokens)")

    events = 0
    with client.messages.stream(model="anthropic/claude-sonnet-4.5", max_tokens=256, messages=messages) as stream:
        for _ in stream:
            events += 1
        final = stream.get_final_message()
    kinds = [block.type for block in final.content]
    check("thinking" in kinds and "tool_use" in kinds, f"streamed blocks: {kinds}")
    tool = next(block for block in final.content if block.type == "tool_use")
    check(tool.name == "get_weather", f"streamed tool: {tool.name!r}")
    check(isinstance(tool.input, dict) and tool.input, f"streamed tool input: {tool.input!r}")
    check(final.stop_reason == "tool_use", f"streamed stop_reason: {final.stop_reason!r}")
    print(f"peer: streamed message ok ({events} events, tool input {tool.input})")


if __name__ == "__main__":
    main()
