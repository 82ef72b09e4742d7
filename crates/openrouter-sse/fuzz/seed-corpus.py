#!/usr/bin/env python3
"""Seeds corpus/chunked_vs_whole/ from every case file under fixtures/sse/.

Each case input becomes a few seeds with different 5-byte headers (see
tests/it/differential.rs): default limits in odd chunk sizes, shared-bytes
feeding without draining, and small line/event limits.
"""
import glob
import hashlib
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "../../.."))
OUT = os.path.join(HERE, "corpus", "chunked_vs_whole")
HEADERS = [bytes([0, 1, 7, 64, 0]), bytes([0b1100, 3, 0, 200, 5]), bytes([2, 12, 9, 2, 1]), bytes([3, 30, 20, 5, 1])]
LIMIT = 4096  # keep seeds small so fuzzing stays fast

os.makedirs(OUT, exist_ok=True)
for path in sorted(glob.glob(os.path.join(ROOT, "fixtures/sse/**/*.json"), recursive=True)):
    for case in json.load(open(path, encoding="utf-8")):
        data = bytes.fromhex(case["input_hex"]) if "input_hex" in case else case["input"].encode()
        if len(data) > LIMIT:
            continue
        for header in HEADERS:
            seed = header + data
            name = "seed-" + hashlib.sha1(seed).hexdigest()[:16]
            with open(os.path.join(OUT, name), "wb") as f:
                f.write(seed)
