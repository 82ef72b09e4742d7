"""A real third-party client against the mock server: OpenAI's official Python SDK.

Usage: python openai_peer.py BASE_URL   (e.g. http://127.0.0.1:PORT/api/v1)

Run by `cargo xtask peer`, which starts `openrouter-mock` and installs `openai` in a venv.
Exits non-zero with a message on the first mismatch.
"""

import sys

import openai

DEMO = (
    "Hello from the OpenRouter mock server! "
    "You are running offline, so this answer was recorded ahead of time instead of being written by a live model. "
    "It still travelled over a real HTTP connection on 127.0.0.1, arriving in small pieces with keep-alive comments, "
    "a usage chunk and a final done marker, just like OpenRouter streams them. "
    "Set OPENROUTER_API_KEY and drop --offline to talk to a real model."
)


def check(condition, message):
    if not condition:
        print(f"peer: FAIL: {message}", file=sys.stderr)
        sys.exit(1)


def main():
    base_url = sys.argv[1]
    client = openai.OpenAI(base_url=base_url, api_key="mock-key-not-secret", max_retries=0, timeout=20)
    messages = [{"role": "user", "content": "Say hello."}]

    # Any model no fixture names gets the demo answer (chat/demo).
    plain = client.chat.completions.create(model="mistralai/magistral-medium-2506", messages=messages)
    check(plain.choices[0].message.content == DEMO, f"plain content: {plain.choices[0].message.content!r}")
    check(plain.choices[0].finish_reason == "stop", f"plain finish_reason: {plain.choices[0].finish_reason!r}")
    check(plain.usage.total_tokens == 95, f"plain usage: {plain.usage!r}")
    print(f"peer: plain chat ok ({plain.model}, {plain.usage.total_tokens} tokens)")

    pieces, finish, usage, chunks = [], None, None, 0
    for chunk in client.chat.completions.create(model="openrouter/auto", messages=messages, stream=True):
        chunks += 1
        if chunk.usage is not None:
            usage = chunk.usage
        for choice in chunk.choices:
            if choice.delta.content:
                pieces.append(choice.delta.content)
            finish = finish or choice.finish_reason
    check("".join(pieces) == DEMO, f"streamed content: {''.join(pieces)!r}")
    check(finish == "stop", f"streamed finish_reason: {finish!r}")
    check(usage is not None and usage.total_tokens == 95, f"streamed usage: {usage!r}")
    print(f"peer: streamed chat ok ({chunks} chunks, {len(pieces)} content pieces)")

    try:
        client.chat.completions.create(model="deepseek/deepseek-chat-v3.1:free", messages=messages)
        check(False, "the 429 fixture did not raise")
    except openai.RateLimitError as error:
        check(error.status_code == 429, f"429 status: {error.status_code}")
        check(error.response.headers.get("retry-after") == "30", "429 retry-after header")
    print("peer: 429 error ok")


if __name__ == "__main__":
    main()
