"""The batch benchmark (issue 17): `openrouter batch run` against a Python asyncio + `openai`
SDK script (`openai_asyncio.py`) at the same concurrency, over the same 10,000-line file,
against the same mock server, in one run; then the peak RSS of dry runs (1,000,000 lines, and
two files that differ only in body size). Prints the BENCHMARKS.md section on stdout.

Each client runs as a child process measured with wait4(2): CPU time (user + system) and peak
RSS come from the kernel's accounting of that process alone, not from the shared machine.

usage: run.py --openrouter BIN --mock BIN --python PY --workdir DIR [--lines N] [--concurrency N]
              [--dry-lines N]
"""

import argparse
import json
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def write_input(path: Path, lines: int, content_bytes: int) -> None:
    filler = ("lorem ipsum dolor sit amet " * (content_bytes // 27 + 1))[:content_bytes]
    with path.open("w", encoding="utf-8") as f:
        for i in range(lines):
            body = {
                "model": "openai/gpt-4o-mini",
                "messages": [{"role": "user", "content": f"item {i}: {filler}"}],
                "max_tokens": 64,
            }
            f.write(
                json.dumps(
                    {
                        "custom_id": f"item-{i:07}",
                        "method": "POST",
                        "url": "/v1/chat/completions",
                        "body": body,
                    },
                    separators=(",", ":"),
                )
                + "\n"
            )


def measure(argv: list, env: dict) -> dict:
    start = time.monotonic()
    child = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.monotonic() - start
    stderr = child.stderr.read().decode(errors="replace") if child.stderr else ""
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        sys.exit(f"{argv[0]} exited with {code}:\n{stderr[-2000:]}")
    return {
        "wall": wall,
        "cpu": usage.ru_utime + usage.ru_stime,
        "rss_mib": usage.ru_maxrss / 1024,  # Linux reports KiB
    }


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def count_lines(path: Path) -> int:
    with path.open("rb") as f:
        return sum(1 for _ in f)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--openrouter", required=True)
    parser.add_argument("--mock", required=True)
    parser.add_argument("--python", required=True)
    parser.add_argument("--workdir", required=True, type=Path)
    parser.add_argument("--lines", type=int, default=10_000)
    parser.add_argument("--concurrency", type=int, default=64)
    parser.add_argument("--dry-lines", type=int, default=1_000_000)
    args = parser.parse_args()
    work = args.workdir
    work.mkdir(parents=True, exist_ok=True)

    mock = subprocess.Popen([args.mock, "--port", "0"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    base_url = mock.stdout.readline().decode().strip()
    if not base_url.startswith("http://127.0.0.1:"):
        mock.kill()
        sys.exit(f"the mock server did not print its base URL (got {base_url!r})")
    env = {k: v for k, v in os.environ.items() if not k.startswith("OPENROUTER_") and k != "RUST_LOG"}
    env.update(OPENROUTER_BASE_URL=base_url, OPENROUTER_API_KEY="bench-key")
    try:
        requests = work / "requests.jsonl"
        write_input(requests, args.lines, 200)
        results = {}
        for name, argv, output in [
            (
                "openrouter batch run",
                [args.openrouter, "batch", "run", str(requests), "-o", str(work / "out-rust.jsonl"),
                 "--concurrency", str(args.concurrency)],
                work / "out-rust.jsonl",
            ),
            (
                "Python asyncio + openai SDK",
                [args.python, str(HERE / "openai_asyncio.py"), base_url, str(requests),
                 str(work / "out-python.jsonl"), str(args.concurrency)],
                work / "out-python.jsonl",
            ),
        ]:
            output.unlink(missing_ok=True)
            print(f"batch bench: {name}…", file=sys.stderr)
            result = measure(argv, env)
            lines = count_lines(output)
            if lines != args.lines:
                sys.exit(f"{name} wrote {lines} lines, expected {args.lines}")
            results[name] = result

        dry = {}
        for label, lines, content in [
            (f"{args.dry_lines:,} lines, 200-byte prompts", args.dry_lines, 200),
            ("20,000 lines, 200-byte prompts", 20_000, 200),
            ("20,000 lines, 20,000-byte prompts", 20_000, 20_000),
        ]:
            path = work / "dry.jsonl"
            write_input(path, lines, content)
            size = path.stat().st_size / (1 << 20)
            print(f"batch bench: dry run of {label}…", file=sys.stderr)
            result = measure(
                [args.openrouter, "batch", "run", str(path), "-o", str(work / "dry-out.jsonl"), "--dry-run"],
                env,
            )
            dry[label] = (size, result)
            path.unlink()
    finally:
        mock.kill()
        mock.wait()

    rust = results["openrouter batch run"]
    python = results["Python asyncio + openai SDK"]
    n = args.lines
    out = []
    out.append("## Batch runs (issue 17)\n")
    out.append(
        "Generated by `cargo xtask bench batch` (`bench/batch/run.py`). "
        f"{n:,} chat requests (200-byte prompts) against the testkit's mock server "
        "(`openrouter-mock`, release build, whole bodies, no delay) over loopback, "
        f"at concurrency {args.concurrency} for both clients, one after the other in one run. "
        "Each client is a child process measured by `wait4(2)`: CPU is user + system time of "
        "that process alone (start-up included: about 0.3 s of imports for Python, a few ms for "
        "the binary), peak RSS its `ru_maxrss`. The mock server's own CPU is not counted.\n"
    )
    load = os.getloadavg()
    out.append(
        f"- **Machine**: {cpu_model()}, {os.cpu_count()} cores, "
        f"shared with other builds (load average {load[0]:.1f} at the end of the run). Wall time "
        "and requests/s depend on that load; **CPU per request is the fair comparison** (it "
        "counts only the client's own work, whatever else runs).\n"
        f"- **Date**: {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}\n"
        f"- **Python**: {platform.python_version()}, openai "
        + subprocess.run([args.python, "-c", "import openai; print(openai.__version__)"],
                         capture_output=True, text=True).stdout.strip()
        + "\n"
    )
    out.append("| client | wall s | requests/s | CPU s | CPU per request | peak RSS |")
    out.append("|---|---:|---:|---:|---:|---:|")
    for name, r in results.items():
        out.append(
            f"| {name} | {r['wall']:.2f} | {n / r['wall']:,.0f} | {r['cpu']:.2f} | "
            f"{r['cpu'] / n * 1e6:,.0f} µs | {r['rss_mib']:.1f} MiB |"
        )
    out.append("")
    out.append(
        f"CPU per request: the Python script uses **{python['cpu'] / rust['cpu']:.1f}×** the CPU of "
        f"`openrouter batch run` (target: ≥ 5×); peak RSS {python['rss_mib'] / rust['rss_mib']:.1f}× as much.\n"
    )
    out.append("Peak RSS of `openrouter batch run --dry-run` (validation: every line parsed, every id kept as a 16-byte fingerprint; bodies never kept):\n")
    out.append("| input | file size | peak RSS | CPU s |")
    out.append("|---|---:|---:|---:|")
    for label, (size, r) in dry.items():
        out.append(f"| {label} | {size:,.0f} MiB | {r['rss_mib']:.1f} MiB | {r['cpu']:.2f} |")
    out.append("")
    print("\n".join(out))


if __name__ == "__main__":
    main()
