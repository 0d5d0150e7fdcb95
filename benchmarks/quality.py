"""How good are lintkit's findings on real text?  Precision and recall per rule and per genre.

    python benchmarks/quality.py                 # the table, on corpus/ and its mutants
    python benchmarks/quality.py --json out.json # the same, as JSON ("-" for stdout)
    python benchmarks/quality.py --list fp       # every false alarm (also: fn, tp, unjudged, planted)
    python benchmarks/quality.py --genre journal --rule citations.reference-list --list fp

The corpus (``corpus/<genre>/``) is real text nobody here wrote, each file
with its source and licence in ``corpus/SOURCES.md``.  Each genre folder has a
``labels.yaml``: for every document, which part a person has read
(``reviewed: all`` or line ranges) and the real defects found there.  A
finding is judged against these labels:

* it is **true** when it points at a labelled defect: its rule is one of the
  defect's ``rules`` and its line — or the line of one of its related
  locations — is the defect's line;
* it is a **false alarm** when it is true of no defect and lies in a reviewed
  part: the reviewer read that text and found nothing there;
* it is **unjudged** when nobody has read the place it points at.

Then ``benchmarks/mutate.py`` plants defects into copies of every document
(seeded, so the figures are reproducible).  A mutant is linted like the
original; a finding it shares with the original (same rule and line, and the
same message or column) is the original's and was judged there.  A new
finding that points at a planted defect detects it; any other new finding is
a false alarm the mutation provoked.

A defect is counted against the first rule of its ``rules`` (the rule that
exists to catch it): a miss is that rule's false negative.  A detection is
credited to that rule if it fired, else to the rule that did.

Columns: ``findings`` on the original documents; ``true`` and ``false`` (true
findings and false alarms, originals and mutants together); ``unjudged``;
``precision`` = true / (true + false); ``recall`` on labelled and on planted
defects; ``warn FA/100KB``: false alarms at warning level or above on the
reviewed original text, per 100 KB of it.

Files named ``X.zh.txt`` and ``X.en.txt`` (or ``.md``) in one folder are a
translation pair and are linted together, in one run; every other document
is linted alone, so the rules that compare files (``*.cross-file-*``) are
measured by one more run over all the original documents together.

This module is the command line; the benchmark itself is in five more, one job each:

* ``quality_corpus.py``: the corpus and its labels (``load_corpus``);
* ``quality_evaluate.py``: lintkit over the corpus and its mutants (``evaluate``);
* ``quality_judge.py``: what each finding is, counted in a ``Tally``;
* ``quality_alignment.py``: the counterpart and alignment check;
* ``quality_report.py``: the figures (``summary``), the floor and the tables.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

# found through the sys.path entry above
from quality_alignment import alignment_accuracy  # noqa: E402
from quality_corpus import CORPUS, load_corpus  # noqa: E402
from quality_evaluate import evaluate  # noqa: E402
from quality_report import floor_failures, raised_floor, render, summary  # noqa: E402

FLOOR = HERE / "quality-floor.json"

__all__ = ["FLOOR", "main"]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=Path, default=CORPUS, help="the corpus folder (default: corpus/)")
    ap.add_argument("--seed", type=int, default=1, help="seed of the planted defects (default 1)")
    ap.add_argument("--no-mutants", action="store_true", help="judge the original documents only")
    ap.add_argument("--genre", action="append", help="only this genre (repeatable)")
    ap.add_argument("--json", metavar="FILE", help="write the figures as JSON to FILE (- for stdout)")
    ap.add_argument(
        "--list",
        choices=["fp", "fn", "tp", "unjudged", "planted", "all"],
        help="also list the judged items of one kind",
    )
    ap.add_argument("--rule", help="with --list: only this rule")
    ap.add_argument(
        "--check-floor", action="store_true", help=f"exit 1 if a rule's precision or recall is below {FLOOR.name}"
    )
    ap.add_argument(
        "--raise-floor",
        action="store_true",
        help=f"raise {FLOOR.name} to today's figures where they are higher (never lowers it)",
    )
    args = ap.parse_args(argv)

    units, labels = load_corpus(args.corpus)
    t0 = time.perf_counter()
    tally = evaluate(
        units, labels, seed=args.seed, mutants=not args.no_mutants, genres=set(args.genre) if args.genre else None
    )
    elapsed = time.perf_counter() - t0
    s = summary(tally, tally.rule_ids)
    s["alignment"] = alignment_accuracy(args.corpus, set(args.genre) if args.genre else None)
    s["seconds"] = round(elapsed, 1)
    if args.json:
        text = json.dumps(s, ensure_ascii=False, indent=1)
        if args.json == "-":
            print(text)
        else:
            Path(args.json).write_text(text + "\n", encoding="utf-8")
    if args.json != "-":
        print(render(s))
        print(f"\n({elapsed:.1f} s)")
    status = 0
    if args.check_floor or args.raise_floor:
        floor = json.loads(FLOOR.read_text(encoding="utf-8")) if FLOOR.exists() else {}
        if args.raise_floor:
            FLOOR.write_text(json.dumps(raised_floor(s, floor), indent=1) + "\n", encoding="utf-8")
            floor = json.loads(FLOOR.read_text(encoding="utf-8"))
        bad = floor_failures(s, floor)
        for line in bad:
            print(f"quality: below the floor: {line}", file=sys.stderr)
        status = 1 if bad else 0
    if args.list:
        wanted = {
            "fp": ("fp", "fp-mutant"),
            "fn": ("labelled-missed", "planted-missed"),
            "tp": ("tp",),
            "unjudged": ("unjudged",),
            "planted": ("planted-found", "planted-missed"),
        }.get(args.list)
        for item in tally.items:
            if (wanted is None or item["kind"] in wanted) and (not args.rule or item["rule"] == args.rule):
                print(json.dumps(item, ensure_ascii=False))
    return status


if __name__ == "__main__":
    sys.exit(main())
