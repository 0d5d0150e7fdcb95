"""Fuzz campaign: lint thousands of generated and mutated documents with every
default rule and report what breaks.

    python benchmarks/fuzz.py [--count 10000] [--seed 1] [--budget 10] [--out fuzz-reproducers.jsonl]
                              [--jobs 2] [--variants 0.1]
    python benchmarks/fuzz.py --show INDEX [--seed 1]      # print case INDEX (to reduce it by hand)
    python benchmarks/fuzz.py --replay fuzz-reproducers.jsonl   # lint saved reproducers again
    python benchmarks/fuzz.py --reduce fuzz-reproducers.jsonl   # shrink one reproducer per problem

Case ``i`` of seed ``s`` is always the same input (``random.Random(f"{s}/{i}")``):
an invented document or a real one from ``examples/`` and ``corpus/`` damaged
by ``fuzzgen.mutate_real`` (sometimes two files linted together, as a
translation pair or as a corpus), with LF, CRLF, CR or mixed line endings.
The generators are ``benchmarks/fuzzgen.py``'s, shared with
``tests/test_properties.py``.

Each case runs through lintkit's one start-up (``lintkit.app.Application``
with the packaged rules.yaml), every rule under a time budget of
``--budget`` seconds.  The report counts

* crashes: a rule that raised (an error of kind "rule"), or the engine itself;
* findings out of range: a finding or related place outside its document, or
  whose line and column do not name the character at its offset;
* rule timeouts (a rule stopped by the budget) and documents whose whole run
  took longer than ``--budget``; a worker stuck past a hard limit is killed
  and the case counted as a hang;
* with ``--variants P``: a share P of cases also linted again (determinism)
  and with LF, CRLF and CR line endings: every variant must be sound, and
  its findings identical to LF's (CR-only files are reported apart: lintkit
  counts a lone CR as a line break, but some rules read lines at LF only);
* the slowest input, its size and time.

Every case with a crash, an out-of-range finding, a timeout, a variant
mismatch or over budget is written to ``--out`` (JSON lines: seed, index,
what went wrong, the documents' paths and texts).  The exit status is 1
when anything but "over budget" was found.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import random
import sys
import time
import traceback
from collections import Counter
from multiprocessing.connection import wait
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import fuzzgen  # noqa: E402


# -- cases -------------------------------------------------------------------------------


def make_case(seed: int, index: int, reals: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The documents (path, text) of case ``index``: usually one, sometimes a
    translation pair (``X.zh.txt`` + ``X.en.txt``) or two unrelated files."""
    rng = random.Random(f"{seed}/{index}")

    def one(size: int) -> tuple[str, str]:
        if rng.random() < 0.4:
            name, text = rng.choice(reals)
            return fuzzgen.mutate_real(rng, text, size), Path(name).suffix
        return fuzzgen.document(rng, size)

    def endings(text: str) -> str:
        r = rng.random()
        if r < 0.8:
            return text
        if r < 0.88:
            return fuzzgen.with_line_endings(text, ending="\r\n")
        if r < 0.94:
            return fuzzgen.with_line_endings(text, ending="\r")
        return fuzzgen.with_line_endings(text, rng)

    size = fuzzgen.target_size(rng)
    shape = rng.random()
    if shape < 0.9:
        text, suffix = one(size)
        return [(f"case-{index}{suffix}", endings(text))]
    first, suffix1 = one(size // 2)
    second, suffix2 = one(size // 2)
    if shape < 0.95:  # a translation pair, found by name
        zh = fuzzgen.document(rng, size // 2)[0] if rng.random() < 0.5 else first
        return [
            (f"case-{index}.zh.txt", endings(zh)),
            (f"case-{index}.en.txt", endings(fuzzgen.en_paragraph(rng, max(1, size // 400)))),
        ]
    return [(f"case-{index}-a{suffix1}", endings(first)), (f"case-{index}-b{suffix2}", endings(second))]


# -- linting -----------------------------------------------------------------------------


def make_app(budget: float):
    """lintkit's start-up with the packaged configuration; ``budget`` seconds per rule and file."""
    from lintkit.app import Application
    from lintkit.config import DEFAULT_CONFIG

    app = Application.create(DEFAULT_CONFIG)
    if app.registry.errors:
        raise SystemExit("; ".join(e.message for e in app.registry.errors))
    app.engine.time_budget = budget
    return app


def lint(app, docs: list[tuple[str, str]]):
    from lintkit.model.document import Document

    return app.run([Document(text, path) for path, text in docs])


def run_case(app, docs: list[tuple[str, str]], variants: bool = False) -> dict:
    """Lint one case; what went wrong, how long it took."""
    texts = dict(docs)
    record = {
        "bytes": sum(len(t.encode("utf-8", "surrogatepass")) for t in texts.values()),
        "chars": sum(len(t) for t in texts.values()),
        "crashes": [],
        "timeouts": [],
        "out_of_range": [],
        "mismatch": [],
        "findings": 0,
    }
    t0 = time.perf_counter()
    try:
        result = lint(app, docs)
    except Exception as exc:  # noqa: BLE001 - the engine itself failed: that is a crash too
        record["seconds"] = time.perf_counter() - t0
        record["crashes"].append(
            {
                "rule": "(engine)",
                "message": "".join(traceback.format_exception_only(exc)).strip(),
                "where": traceback.format_exc(limit=-3),
            }
        )
        return record
    record["seconds"] = time.perf_counter() - t0
    record["findings"] = len(result.findings)
    for e in result.errors:
        entry = {"rule": e.rule or f"({e.kind})", "message": e.message}
        (record["timeouts"] if "took longer than" in e.message else record["crashes"]).append(entry)
    for f in result.findings:
        for problem in fuzzgen.finding_errors(f, texts):
            record["out_of_range"].append({"rule": f.rule, "message": problem})
    if variants and not result.errors:
        again = lint(app, docs)
        if [fuzzgen.finding_key(f) for f in again.findings] != [fuzzgen.finding_key(f) for f in result.findings]:
            record["mismatch"].append({"rule": "(determinism)", "message": "a second run gave other findings"})
        lf = {p: t.replace("\r\n", "\n").replace("\r", "\n") for p, t in texts.items()}
        keys = {}
        for ending in ("\n", "\r\n", "\r"):
            variant = [(p, t.replace("\n", ending)) for p, t in lf.items()]
            run = lint(app, variant)
            keys[ending] = [fuzzgen.finding_key(f) for f in run.findings]
            for e in run.errors:
                record["crashes"].append(
                    {"rule": e.rule or f"({e.kind})", "message": f"with {ending!r} endings: {e.message}"}
                )
            for f in run.findings:
                for problem in fuzzgen.finding_errors(f, dict(variant)):
                    record["out_of_range"].append({"rule": f.rule, "message": f"with {ending!r} endings: {problem}"})
        for ending, name in (("\r\n", "CRLF"), ("\r", "CR")):
            if keys["\n"] != keys[ending]:
                diff = sorted(set(keys["\n"]) ^ set(keys[ending]))[:3]
                record["mismatch"].append({"rule": f"(LF vs {name})", "message": f"LF and {name} differ: {diff}"})
    return record


# -- the campaign ------------------------------------------------------------------------


def _worker(conn, seed: int, budget: float, variants: float) -> None:
    app = make_app(budget)
    reals = fuzzgen.real_texts()
    while True:
        index = conn.recv()
        if index is None:
            return
        docs = make_case(seed, index, reals)
        check_variants = variants > 0 and random.Random(f"variants/{seed}/{index}").random() < variants
        record = run_case(app, docs, check_variants)
        record["index"] = index
        record["over_budget"] = record["seconds"] > budget
        if (
            record["crashes"]
            or record["timeouts"]
            or record["out_of_range"]
            or record["mismatch"]
            or record["over_budget"]
        ):
            record["documents"] = [{"path": p, "text": t} for p, t in docs]
        conn.send(record)


def campaign(args) -> int:
    ctx = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")
    hard_limit = args.budget * 20 + 60  # the engine stops a rule after --budget; past this a worker is stuck
    pending = iter(range(args.start, args.start + args.count))
    workers: dict = {}  # conn -> [process, index, started]
    records: list[dict] = []
    out = open(args.out, "w", encoding="utf-8") if args.out else None
    t_start = time.perf_counter()

    def spawn():
        parent, child = ctx.Pipe()
        proc = ctx.Process(target=_worker, args=(child, args.seed, args.budget, args.variants), daemon=True)
        proc.start()
        workers[parent] = [proc, None, 0.0]
        feed(parent)

    def feed(conn):
        index = next(pending, None)
        workers[conn][1:] = [index, time.perf_counter()]
        conn.send(index)
        if index is None:
            workers[conn][0].join(timeout=5)
            del workers[conn]

    def save(record):
        if out and "documents" in record:
            why = [k for k in ("crashes", "timeouts", "out_of_range", "mismatch") if record[k]]
            if record["over_budget"]:
                why.append("over_budget")
            out.write(
                json.dumps(
                    {
                        "seed": args.seed,
                        "index": record["index"],
                        "why": why,
                        "seconds": round(record["seconds"], 3),
                        "problems": record["crashes"]
                        + record["timeouts"]
                        + record["out_of_range"]
                        + record["mismatch"],
                        "documents": record["documents"],
                    },
                    ensure_ascii=False,
                )
                + "\n"
            )
            out.flush()

    for _ in range(max(1, args.jobs)):
        spawn()
    done = 0
    while workers:
        ready = wait(list(workers), timeout=1.0)
        for conn in ready:
            try:
                record = conn.recv()
            except EOFError:  # the worker died (killed by the system, a segfault)
                proc, index, _ = workers.pop(conn)
                records.append(
                    {
                        "index": index,
                        "hang": False,
                        "died": True,
                        "seconds": 0,
                        "bytes": 0,
                        "chars": 0,
                        "crashes": [{"rule": "(worker died)", "message": f"exit code {proc.exitcode}"}],
                        "timeouts": [],
                        "out_of_range": [],
                        "mismatch": [],
                        "over_budget": False,
                        "findings": 0,
                    }
                )
                spawn()
                continue
            records.append(record)
            save(record)
            done += 1
            if args.progress and done % args.progress == 0:
                print(f"  {done} cases, {time.perf_counter() - t_start:.0f} s", file=sys.stderr, flush=True)
            feed(conn)
        now = time.perf_counter()
        for conn, (proc, index, started) in list(workers.items()):
            if index is not None and now - started > hard_limit:
                proc.kill()
                proc.join()
                del workers[conn]
                record = {
                    "index": index,
                    "hang": True,
                    "seconds": now - started,
                    "bytes": 0,
                    "chars": 0,
                    "crashes": [],
                    "timeouts": [{"rule": "(hang)", "message": f"killed after {now - started:.0f} s"}],
                    "out_of_range": [],
                    "mismatch": [],
                    "over_budget": True,
                    "findings": 0,
                    "documents": [{"path": p, "text": t} for p, t in make_case(args.seed, index, fuzzgen.real_texts())],
                }
                records.append(record)
                save(record)
                spawn()
    if out:
        out.close()
    return report(records, args, time.perf_counter() - t_start)


def report(records: list[dict], args, wall: float) -> int:
    def by_rule(key):
        counts = Counter()
        for r in records:
            for p in r[key]:
                counts[p["rule"]] += 1
        return counts

    docs = len(records)
    total_bytes = sum(r["bytes"] for r in records)
    crashed = [r for r in records if r["crashes"]]
    misplaced = [r for r in records if r["out_of_range"]]
    timed_out = [r for r in records if r["timeouts"]]
    over = [r for r in records if r["over_budget"]]
    mismatched = [r for r in records if r["mismatch"]]
    slowest = max(records, key=lambda r: r["seconds"]) if records else None
    largest = max(records, key=lambda r: r["bytes"]) if records else None
    times = sorted(r["seconds"] for r in records)
    summary = {
        "seed": args.seed,
        "cases": docs,
        "megabytes": round(total_bytes / 1e6, 2),
        "wall_seconds": round(wall, 1),
        "cases_with_crashes": len(crashed),
        "crashes_by_rule": dict(by_rule("crashes")),
        "cases_with_out_of_range_findings": len(misplaced),
        "out_of_range_by_rule": dict(by_rule("out_of_range")),
        "cases_with_rule_timeouts": len(timed_out),
        "timeouts_by_rule": dict(by_rule("timeouts")),
        "cases_over_budget": len(over),
        "budget_seconds": args.budget,
        "cases_with_variant_mismatches": len(mismatched),
        "variant_mismatches": dict(by_rule("mismatch")),
        "median_seconds": round(times[len(times) // 2], 4) if times else None,
        "slowest": {
            "index": slowest["index"],
            "bytes": slowest["bytes"],
            "chars": slowest["chars"],
            "seconds": round(slowest["seconds"], 2),
        }
        if slowest
        else None,
        "largest": {"index": largest["index"], "bytes": largest["bytes"], "seconds": round(largest["seconds"], 2)}
        if largest
        else None,
    }
    if args.json:
        print(json.dumps(summary, ensure_ascii=False, indent=2))
    else:
        print(
            f"seed {args.seed}: {docs} cases, {summary['megabytes']} MB in {summary['wall_seconds']} s "
            f"(median {summary['median_seconds']} s a case)"
        )
        print(f"crashes:                  {len(crashed)} cases  {dict(by_rule('crashes')) or ''}")
        print(f"findings out of range:    {len(misplaced)} cases  {dict(by_rule('out_of_range')) or ''}")
        print(f"rule timeouts / hangs:    {len(timed_out)} cases  {dict(by_rule('timeouts')) or ''}")
        print(f"over the {args.budget:g} s budget:     {len(over)} cases")
        if args.variants:
            print(f"variant mismatches:       {len(mismatched)} cases  {dict(by_rule('mismatch')) or ''}")
        if slowest:
            print(
                f"slowest: case {slowest['index']}, {slowest['bytes'] / 1000:.1f} KB "
                f"({slowest['chars']} characters), {slowest['seconds']:.2f} s"
            )
            print(f"largest: case {largest['index']}, {largest['bytes'] / 1000:.1f} KB, {largest['seconds']:.2f} s")
        seen = set()
        for r in crashed + misplaced + timed_out + mismatched:
            for p in r["crashes"] + r["out_of_range"] + r["timeouts"] + r["mismatch"]:
                key = (p["rule"], p["message"].split(" on case-")[0][:80])
                if key not in seen:
                    seen.add(key)
                    print(f"  case {r['index']}: {p['rule']}: {p['message'][:300]}")
        if args.out:
            print(f"reproducers: {args.out}")
    return 1 if crashed or misplaced or timed_out or mismatched else 0


def _reproducers(path: str):
    # one JSON object a line; not str.splitlines(), which also splits at the
    # U+2028 and U+0085 a reproducer's text may hold
    for line in Path(path).read_text(encoding="utf-8").split("\n"):
        if line.strip():
            yield json.loads(line)


def replay(args) -> int:
    app = make_app(args.budget)
    status = 0
    for entry in _reproducers(args.replay):
        docs = [(d["path"], d["text"]) for d in entry["documents"]]
        record = run_case(app, docs, variants=args.variants > 0)
        problems = record["crashes"] + record["timeouts"] + record["out_of_range"] + record["mismatch"]
        over = record["seconds"] > args.budget
        print(
            f"case {entry['index']} ({record['bytes']} bytes, {record['seconds']:.2f} s): "
            + ("; ".join(f"{p['rule']}: {p['message'][:200]}" for p in problems) or ("over budget" if over else "ok"))
        )
        status |= bool(problems)
    return int(status)


def _problems(record: dict) -> set[tuple[str, str]]:
    return {(key, p["rule"]) for key in ("crashes", "out_of_range", "mismatch", "timeouts") for p in record[key]}


def reduce_case(
    app, docs: list[tuple[str, str]], wanted: tuple[str, str], variants: bool = False, budget: float = 10.0
) -> list[tuple[str, str]]:
    """A smaller case that still shows ``wanted`` (kind, rule): whole lines
    removed, then runs of characters (delta debugging, greedy), then leading
    and trailing characters one by one.  Over-budget cases (no rule named)
    keep taking longer than ``budget`` seconds."""

    def shows(candidate):
        record = run_case(app, candidate, variants)
        if wanted == ("over_budget", ""):
            return record["seconds"] > budget
        return wanted in _problems(record)

    docs = list(docs)
    for k in range(len(docs)):
        for unit in ("lines", "chars"):
            path, text = docs[k]
            parts = text.splitlines(keepends=True) if unit == "lines" else list(text)
            chunk = max(1, len(parts) // 2)
            while chunk >= 1:
                i, changed = 0, False
                while i < len(parts):
                    trial = parts[:i] + parts[i + chunk :]
                    candidate = docs[:k] + [(path, "".join(trial))] + docs[k + 1 :]
                    if trial != parts and shows(candidate):
                        parts, changed = trial, True
                    else:
                        i += chunk
                if not changed:
                    chunk //= 2
            docs[k] = (path, "".join(parts))
    return docs


def reduce(args) -> int:
    app = make_app(args.budget)
    done = set()
    for entry in _reproducers(args.reduce):
        docs = [(d["path"], d["text"]) for d in entry["documents"]]
        record = run_case(app, docs, variants=args.variants > 0)
        wanted = sorted(_problems(record) - done)
        if not wanted and record["seconds"] > args.budget and ("over_budget", "") not in done:
            wanted = [("over_budget", "")]
        if not wanted:
            continue
        done.add(wanted[0])
        small = reduce_case(app, docs, wanted[0], args.variants > 0, args.budget)
        print(
            json.dumps(
                {
                    "index": entry["index"],
                    "problem": wanted[0],
                    "documents": [{"path": p, "text": t} for p, t in small],
                },
                ensure_ascii=False,
            )
        )
        sys.stdout.flush()
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--count", type=int, default=10000, help="cases to run (default 10000)")
    ap.add_argument("--seed", type=int, default=1, help="campaign seed (default 1)")
    ap.add_argument("--start", type=int, default=0, help="first case index (default 0)")
    ap.add_argument("--budget", type=float, default=10.0, help="seconds per document, and per rule (default 10)")
    ap.add_argument("--out", metavar="FILE", help="write reproducers here (JSON lines)")
    ap.add_argument(
        "--jobs", type=int, default=multiprocessing.cpu_count(), help="worker processes (default: one a core)"
    )
    ap.add_argument(
        "--variants",
        type=float,
        default=0.0,
        metavar="P",
        help="share of cases also linted twice and with LF, CRLF and CR endings, findings compared (default 0)",
    )
    ap.add_argument("--progress", type=int, default=0, metavar="N", help="print progress every N cases")
    ap.add_argument("--json", action="store_true", help="print the summary as JSON")
    ap.add_argument("--show", type=int, metavar="INDEX", help="print case INDEX's documents and exit")
    ap.add_argument("--replay", metavar="FILE", help="lint the reproducers of FILE again")
    ap.add_argument("--reduce", metavar="FILE", help="shrink one reproducer of FILE per distinct problem and print it")
    args = ap.parse_args(argv)
    if args.show is not None:
        for path, text in make_case(args.seed, args.show, fuzzgen.real_texts()):
            print(f"=== {path} ({len(text)} characters)")
            print(json.dumps(text, ensure_ascii=False) if any(c in text for c in "\r\x00\x1b") else text)
        return 0
    if args.replay:
        return replay(args)
    if args.reduce:
        return reduce(args)
    return campaign(args)


if __name__ == "__main__":
    sys.exit(main())
