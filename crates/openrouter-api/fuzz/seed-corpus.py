#!/usr/bin/env python3
"""Seeds corpus/error_response/ from fixtures/: every error exchange's status
and body (see checks/error_response.rs for the input layout), plain and with
a Retry-After value, and every plain chat completion as a 200 body (with an
x-generation-id header), so the fuzzer starts from both sides of the line."""
import glob
import hashlib
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "../../.."))
OUT = os.path.join(HERE, "corpus", "error_response")
LIMIT = 4096


def write(status, flags, body):
    data = ((status - 200) % 400).to_bytes(2, "little") + bytes([flags]) + body
    name = "seed-" + hashlib.sha1(data).hexdigest()[:16]
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(data)


os.makedirs(OUT, exist_ok=True)
for path in sorted(glob.glob(os.path.join(ROOT, "fixtures/*/*.json"))):
    exchange = json.load(open(path, encoding="utf-8"))
    if not isinstance(exchange, dict) or "response" not in exchange:
        continue
    response = exchange["response"]
    status = response["status"]
    if "body" in response:
        body = json.dumps(response["body"], separators=(",", ":"), ensure_ascii=False).encode()
    elif "body_text" in response:
        body = response["body_text"].encode()
    else:
        continue
    if len(body) > LIMIT:
        continue
    if status < 300 and "error" not in body.decode(errors="replace"):
        if path.startswith(os.path.join(ROOT, "fixtures/chat/")):
            write(status, 1, body)
        continue
    html = 4 if "html" in response.get("headers", {}).get("content-type", "") else 0
    write(status, html, body)
    if status in (429, 503, 502):
        write(status, html | 2, b"7\n" + body)
        write(status, html | 2, b"Wed, 21 Oct 2015 07:28:00 GMT\n" + body)
        write(status, html | 2 | 8, b"1500.5\n" + body)
