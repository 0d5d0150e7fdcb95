#!/usr/bin/env python3
"""Every speed and memory target of lintkit, side by side, in one run on this machine.

    .venv/bin/python benchmarks/performance.py [--runs N] [--quick] [--json FILE]

Each line is a fresh ``lintkit check`` process (the median wall time of N
runs, default 3, and the largest peak resident memory of any one of its
processes), next to a bare process that reads the same text and runs
``jieba.lcut`` over it — the cost of one segmentation pass:

* the magazine (``../shared/seeds/002_*.txt``, skipped when absent): warm
  (data caches built) and first run (an empty cache folder);
* 10 MB of articles in 143 files and as one file, with ``--jobs 1`` and
  ``--jobs 2``, uncached, and a cached rerun of the unchanged files;
* 50 MB as one file (``--quick``: 20 MB; its target is scaled).

The inputs are built from ``corpus/`` (real text of every genre), each
source text kept whole and repeated, in a temporary folder; every lintkit
process gets a cache folder of its own (``LINTKIT_CACHE_DIR``), filled or
empty as the line says.  Targets (issue 15) are checked at the end.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"
MB = 1_000_000

BARE = r"""
import sys
import jieba
jieba.setLogLevel(60)
n = 0
for name in sys.argv[1:]:
    with open(name, "rb") as f:
        n += len(jieba.lcut(f.read().decode("utf-8", "replace")))
print(n)
"""


def corpus_texts() -> list[str]:
    texts = []
    for path in sorted((ROOT / "corpus").rglob("*")):
        if path.suffix in (".txt", ".md") and path.is_file() and ".en." not in path.name:
            texts.append(path.read_text(encoding="utf-8"))
    return texts


def build(folder: Path, total: int, files: int) -> list[Path]:
    """``files`` files of about ``total`` bytes together, from whole corpus texts."""
    folder.mkdir(parents=True, exist_ok=True)
    per_file = total // files
    # a text longer than a file's share (the magazine) would make every file it
    # lands in that long: many small files are built from the shorter texts
    texts = [t for t in corpus_texts() if files == 1 or len(t.encode("utf-8")) <= per_file] or corpus_texts()
    out, k = [], 0
    for i in range(files):
        parts, size = [], 0
        while size < per_file:
            t = texts[k % len(texts)]
            k += 1
            parts.append(t)
            size += len(t.encode("utf-8"))
        path = folder / f"{i:04}.txt"
        path.write_text("\n\n".join(parts), encoding="utf-8")
        out.append(path)
    return out


def run(cmd: list[str], cache: Path) -> tuple[float, float]:
    """(wall seconds, peak RSS in MiB of the largest process of the tree)."""
    env = dict(os.environ, NO_COLOR="1", LINTKIT_CACHE_DIR=str(cache))
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode("utf-8", "replace")
    if code not in (0, 1):
        sys.exit(f"benchmarks/performance.py: {' '.join(cmd)} exited {code}\n{err}")
    # wait4 reports the child; worker processes it waited for count in its maxrss too
    peak = usage.ru_maxrss / (1024 * 1024 if sys.platform == "darwin" else 1024)
    return elapsed, peak


def lintkit(paths, *options) -> list[str]:
    return [sys.executable, "-m", "lintkit", "check", *map(str, paths), "--fail-on", "never", "-q", *options]


def bare(paths) -> list[str]:
    return [sys.executable, "-c", BARE, *map(str, paths)]


def measure(label, cmd, runs, *, cache: Path, fresh_cache=False, prime=True) -> dict:
    """Median of ``runs``; ``fresh_cache``: each run starts from an empty cache
    folder; else one untimed run fills it first (``prime``)."""
    times, peaks = [], []
    if prime and not fresh_cache:
        run(cmd, cache)
    for _ in range(runs):
        if fresh_cache:
            shutil.rmtree(cache, ignore_errors=True)
        t, p = run(cmd, cache)
        times.append(t)
        peaks.append(p)
    row = {"what": label, "median_s": round(statistics.median(times), 2), "peak_mib": round(max(peaks))}
    print(f"  {label:<52} {row['median_s']:7.2f} s  {row['peak_mib']:5} MiB", flush=True)
    return row


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="benchmarks/performance.py", description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--quick", action="store_true", help="20 MB instead of 50 MB, one run each")
    parser.add_argument("--json", type=Path, help="also write the rows as JSON to FILE")
    args = parser.parse_args(argv)
    runs = 1 if args.quick else args.runs
    big = 20 if args.quick else 50
    rows: dict[str, dict] = {}
    with tempfile.TemporaryDirectory(prefix="lintkit-perf-") as tmp:
        tmp = Path(tmp)
        warm_cache = tmp / "cache-warm"
        magazine = sorted(SEEDS.glob("002_*.txt"))
        print(f"lintkit {_version()} on {os.cpu_count()} CPUs; median of {runs} fresh processes")
        if magazine:
            m = magazine[0]
            print(f"magazine ({m.stat().st_size / 1024:.0f} KB)")
            rows["mag_bare"] = measure("bare jieba.lcut process", bare([m]), runs, cache=warm_cache)
            rows["mag_warm"] = measure("lintkit, warm", lintkit([m], "--no-cache"), runs, cache=warm_cache)
            rows["mag_first"] = measure(
                "lintkit, first run (empty cache folder)",
                lintkit([m], "--no-cache"),
                runs,
                cache=tmp / "cache-first",
                fresh_cache=True,
            )
        many = build(tmp / "many", 10 * MB, 143)
        one = build(tmp / "one", 10 * MB, 1)
        large = build(tmp / "large", big * MB, 1)
        size = sum(p.stat().st_size for p in many) / MB
        print(f"10 MB: {len(many)} files ({size:.1f} MB) and one file")
        rows["many_bare"] = measure("bare jieba.lcut process, 143 files", bare(many), runs, cache=warm_cache)
        rows["many_j1"] = measure(
            "143 files, --jobs 1", lintkit([tmp / "many"], "--jobs", "1", "--no-cache"), runs, cache=warm_cache
        )
        rows["many_j2"] = measure(
            "143 files, --jobs 2", lintkit([tmp / "many"], "--jobs", "2", "--no-cache"), runs, cache=warm_cache
        )
        rows["many_cached"] = measure(
            "143 files, --jobs 2, cached rerun (unchanged files)",
            lintkit([tmp / "many"], "--jobs", "2"),
            runs,
            cache=warm_cache,
        )
        rows["one_j1"] = measure(
            "one file, --jobs 1", lintkit(one, "--jobs", "1", "--no-cache"), runs, cache=warm_cache
        )
        print(f"{big} MB as one file")
        rows["large"] = measure(f"one file of {big} MB", lintkit(large, "--no-cache"), 1, cache=warm_cache, prime=False)
    checks = [
        ("10 MB in 143 files ≤ 10 s with 2 jobs", rows["many_j2"]["median_s"] <= 10),
        ("≤ 150 MiB peak per process (10 MB, 2 jobs)", rows["many_j2"]["peak_mib"] <= 150),
        (
            f"{big} MB in one file ≤ {5 * big / 50:g}× 10 MB in one file (5× for 50 MB)",
            rows["large"]["median_s"] <= 5 * rows["one_j1"]["median_s"] * big / 50,
        ),
        ("cached rerun ≤ 1 s", rows["many_cached"]["median_s"] <= 1.0),
    ]
    if "mag_warm" in rows:
        checks += [
            ("magazine warm ≤ 1.0× bare jieba process", rows["mag_warm"]["median_s"] <= rows["mag_bare"]["median_s"]),
            ("magazine first run ≤ 1.5× warm", rows["mag_first"]["median_s"] <= 1.5 * rows["mag_warm"]["median_s"]),
        ]
    print("targets:")
    for text, ok in checks:
        print(f"  {'met ' if ok else 'MISS'}  {text}")
    if args.json:
        args.json.write_text(json.dumps({"rows": rows, "targets": dict(checks)}, indent=2), encoding="utf-8")
    return 0


def _version() -> str:
    try:
        from lintkit import __version__

        return __version__
    except ImportError:
        return "?"


if __name__ == "__main__":
    sys.exit(main())
