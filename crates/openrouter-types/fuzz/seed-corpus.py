#!/usr/bin/env python3
"""Seeds corpus/decode_roundtrip/ and corpus/accumulate/ from fixtures/.

decode_roundtrip: every JSON response body of a recorded exchange, compact,
behind each type selector byte (see checks/decode.rs), so every type starts
from real shapes. accumulate: every .sse body of a chat exchange as is (the
check strips `data: ` and skips lines that are not chunks).
"""
import glob
import hashlib
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "../../.."))
TYPES = 17  # len(TYPES) in checks/decode.rs
LIMIT = 4096  # keep seeds small so fuzzing stays fast


def write(target, data):
    out = os.path.join(HERE, "corpus", target)
    os.makedirs(out, exist_ok=True)
    name = "seed-" + hashlib.sha1(data).hexdigest()[:16]
    with open(os.path.join(out, name), "wb") as f:
        f.write(data)


for path in sorted(glob.glob(os.path.join(ROOT, "fixtures/*/*.json"))):
    exchange = json.load(open(path, encoding="utf-8"))
    if not isinstance(exchange, dict):
        continue
    response = exchange.get("response", {})
    if "body" not in response:
        continue
    body = json.dumps(response["body"], separators=(",", ":"), ensure_ascii=False).encode()
    if len(body) > LIMIT:
        continue
    for selector in range(TYPES):
        write("decode_roundtrip", bytes([selector]) + body)
    if "/chat/" in path and not path.endswith("_html.json"):
        # A whole completion's message is not a chunk, but its error and
        # usage shapes are: useful material for the accumulator too.
        write("accumulate", body)

for path in sorted(glob.glob(os.path.join(ROOT, "fixtures/*/*.sse"))):
    data = open(path, "rb").read()
    if len(data) <= 4 * LIMIT:
        write("accumulate", data)
