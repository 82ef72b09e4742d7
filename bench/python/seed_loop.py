"""The seed-style Python loop (requests + iter_lines + json.loads) that the
Rust clients are compared against in `e2e run`: reads one chat stream from
the loopback server into the final text and usage, prints a JSON line."""

import json
import sys
import time

import requests


def main():
    url = sys.argv[1].rstrip("/") + "/chat/completions"
    start = time.perf_counter()
    response = requests.post(
        url,
        headers={"Authorization": "Bearer sk-or-v1-bench"},
        json={
            "model": "openai/gpt-4o",
            "messages": [{"role": "user", "content": "Write a very long story about a streaming client."}],
            "stream": True,
        },
        stream=True,
    )
    response.raise_for_status()
    content = []
    usage = None
    chunks = 0
    for line in response.iter_lines():
        if not line or line.startswith(b":"):
            continue
        if not line.startswith(b"data: "):
            continue
        data = line[len(b"data: "):]
        if data == b"[DONE]":
            break
        chunk = json.loads(data)
        chunks += 1
        for choice in chunk.get("choices", []):
            text = choice.get("delta", {}).get("content")
            if text:
                content.append(text)
        if chunk.get("usage"):
            usage = chunk["usage"]
    text = "".join(content)
    print(json.dumps({
        "chunks": chunks,
        "chars": len(text),
        "completion_tokens": (usage or {}).get("completion_tokens", 0),
        "wall_s": time.perf_counter() - start,
    }))


if __name__ == "__main__":
    main()
