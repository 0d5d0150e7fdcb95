#!/usr/bin/env python3
"""Time ``lintkit check`` on files or folders, each run in a fresh process.

    python3 benchmarks/run.py PATH... [--runs N] [--json] [-- LINTKIT-CHECK-OPTIONS...]

For each command it reports the median wall time of N runs (default 5)
after one untimed warm-up run (which fills the OS file cache and jieba's
dictionary cache, as on any machine that has run lintkit once), the
throughput in MB/s of input, and the peak resident memory of the process.

Two commands are timed:

* ``lintkit``  — ``python -m lintkit check PATH... --fail-on never`` with
  the configuration it would find from the current folder (all default
  rules), output discarded; options after ``--`` are passed on
  (e.g. ``-- --select style``);
* ``baseline`` — a fresh process that reads the same files and runs
  ``jieba.lcut`` over all of them: the issue's performance target is that
  all default rules cost about one such pass.

Nothing is written into the repository; standard error of a failed run is
shown.  Peak memory is the child's ``ru_maxrss`` (``os.wait4``; kilobytes
on Linux, bytes on macOS).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SUFFIXES = {".txt", ".md"}

# The baseline: read every file and segment it once with jieba.lcut.
BASELINE = r"""
import sys
import jieba
jieba.setLogLevel(60)
n = 0
for name in sys.argv[1:]:
    with open(name, "rb") as f:
        text = f.read().decode("utf-8", "replace")
    n += len(jieba.lcut(text))
print(n)
"""


def collect(paths: list[str]) -> list[Path]:
    """The files lintkit would lint: .txt and .md, hidden folders skipped."""
    files: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            for child in sorted(p.rglob("*")):
                if any(part.startswith(".") for part in child.relative_to(p).parts):
                    continue
                if child.is_file() and child.suffix.lower() in SUFFIXES:
                    files.append(child)
        elif p.is_file():
            files.append(p)
        else:
            sys.exit(f"benchmarks/run.py: {raw}: no such file or folder")
    return files


def run_once(cmd: list[str], ok_codes: set[int]) -> tuple[float, int]:
    """Run ``cmd`` in a fresh process: (wall seconds, peak RSS in bytes)."""
    env = dict(os.environ, NO_COLOR="1")
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=err, env=env)
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - start
        proc.returncode = code = os.waitstatus_to_exitcode(status)
        if code not in ok_codes:
            err.seek(0)
            message = err.read().decode("utf-8", "replace").strip()
            sys.exit(f"benchmarks/run.py: {' '.join(cmd)} exited {code}\n{message}")
    scale = 1 if sys.platform == "darwin" else 1024
    return elapsed, usage.ru_maxrss * scale


def measure(name: str, cmd: list[str], runs: int, size: int, ok_codes: set[int]) -> dict:
    run_once(cmd, ok_codes)  # warm-up, not timed
    times, peaks = [], []
    for _ in range(runs):
        t, rss = run_once(cmd, ok_codes)
        times.append(t)
        peaks.append(rss)
    median = statistics.median(times)
    return {
        "command": name,
        "runs": runs,
        "median_s": round(median, 3),
        "min_s": round(min(times), 3),
        "max_s": round(max(times), 3),
        "mb_per_s": round(size / 1e6 / median, 3) if median else None,
        "peak_rss_mb": round(max(peaks) / 1e6, 1),
    }


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    extra: list[str] = []
    if "--" in argv:
        cut = argv.index("--")
        argv, extra = argv[:cut], argv[cut + 1 :]
    parser = argparse.ArgumentParser(
        prog="benchmarks/run.py",
        description="Time `lintkit check` in fresh processes against a jieba.lcut baseline.",
        epilog="Options after -- go to `lintkit check`, e.g. -- --select style",
    )
    parser.add_argument("paths", nargs="+", help="files or folders to lint")
    parser.add_argument("--runs", type=int, default=5, help="timed runs per command (default 5)")
    parser.add_argument("--no-baseline", action="store_true", help="time lintkit only")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs must be at least 1")

    files = collect(args.paths)
    if not files:
        sys.exit("benchmarks/run.py: no .txt or .md file in " + " ".join(args.paths))
    size = sum(f.stat().st_size for f in files)

    lint_cmd = [sys.executable, "-m", "lintkit", "check", *args.paths, "--fail-on", "never", *extra]
    results = [measure("lintkit", lint_cmd, args.runs, size, {0, 1})]
    if not args.no_baseline:
        base_cmd = [sys.executable, "-c", BASELINE, *map(str, files)]
        results.append(measure("baseline (read + jieba.lcut)", base_cmd, args.runs, size, {0}))

    if args.json:
        print(
            json.dumps(
                {
                    "files": len(files),
                    "bytes": size,
                    "python": sys.version.split()[0],
                    "lintkit_args": extra,
                    "results": results,
                },
                indent=2,
            )
        )
        return 0

    print(
        f"{len(files)} file{'s' if len(files) != 1 else ''}, {size / 1024:.1f} KB; "
        f"median of {args.runs} fresh-process runs after one warm-up"
        + (f"; lintkit options: {' '.join(extra)}" if extra else "")
    )
    header = ("command", "median s", "min s", "max s", "MB/s", "peak RSS MB")
    rows = [header] + [
        (
            r["command"],
            f"{r['median_s']:.3f}",
            f"{r['min_s']:.3f}",
            f"{r['max_s']:.3f}",
            f"{r['mb_per_s']:.3f}",
            f"{r['peak_rss_mb']:.1f}",
        )
        for r in results
    ]
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    for row in rows:
        print("  ".join(cell.ljust(widths[0]) if i == 0 else cell.rjust(widths[i]) for i, cell in enumerate(row)))
    if len(results) == 2 and results[1]["median_s"]:
        print(f"lintkit / baseline: {results[0]['median_s'] / results[1]['median_s']:.2f}×")
    return 0


if __name__ == "__main__":
    sys.exit(main())
