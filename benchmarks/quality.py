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
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import mutate  # noqa: E402 - found through the sys.path entry above
from quality_report import floor_failures, raised_floor, render  # noqa: E402,F401 - main and the tests use them

ROOT = HERE.parent
CORPUS = ROOT / "corpus"
SKIP_NAMES = {"SOURCES.md", "README.md", "labels.yaml"}
# The example third-party plugin the test command installs is not lintkit's to measure.
NOT_MEASURED = ("punctuation.",)
TEXT_SUFFIXES = {".txt", ".md"}

__all__ = ["Defect", "Labels", "load_corpus", "evaluate", "main"]


# -- the corpus and its labels ----------------------------------------------------------


@dataclass(frozen=True)
class Defect:
    path: str  # relative to the corpus root
    line: int
    rules: tuple[str, ...]
    reason: str
    planted: bool = False
    also: tuple[int, ...] = ()  # other lines a finding about it may point at

    @property
    def rule(self) -> str:
        return self.rules[0]

    @property
    def lines(self) -> tuple[int, ...]:
        return (self.line, *self.also)


@dataclass
class DocumentLabels:
    path: str
    genre: str
    reviewed: list[tuple[int, int]] | None  # None: all of it
    defects: list[Defect] = field(default_factory=list)

    def covers(self, line: int) -> bool:
        return self.reviewed is None or any(a <= line <= b for a, b in self.reviewed)


@dataclass
class Unit:
    """Files linted together in one run: one document, or a translation pair."""

    genre: str
    paths: list[str]  # relative to the corpus root
    texts: dict[str, str]


class Labels(dict):
    """path -> DocumentLabels, read from every ``<genre>/labels.yaml``."""


def _ranges(value, path: str) -> list[tuple[int, int]] | None:
    if value in (None, "all", True):
        return None
    if value in ("none", False, []):
        return []
    out = []
    for item in value:
        if isinstance(item, int):
            out.append((item, item))
        else:
            a, b = item
            out.append((int(a), int(b)))
    return out


def load_corpus(root: Path = CORPUS) -> tuple[list[Unit], Labels]:
    labels = Labels()
    for lab in sorted(root.glob("*/labels.yaml")):
        genre = lab.parent.name
        data = yaml.safe_load(lab.read_text(encoding="utf-8")) or {}
        for doc in data.get("documents") or []:
            path = doc["path"]
            if not (root / path).is_file():
                raise SystemExit(f"{lab}: {path}: no such file in the corpus")
            entry = DocumentLabels(path, genre, _ranges(doc.get("reviewed", "all"), path))
            for d in doc.get("defects") or []:
                rules = d["rules"] if isinstance(d.get("rules"), list) else [d["rule"]]
                entry.defects.append(
                    Defect(
                        path,
                        int(d["line"]),
                        tuple(rules),
                        str(d.get("reason", "")),
                        also=tuple(int(x) for x in d.get("also", ())),
                    )
                )
            labels[path] = entry
    files = sorted(
        p
        for p in root.rglob("*")
        if p.is_file()
        and p.suffix in TEXT_SUFFIXES
        and p.name not in SKIP_NAMES
        and not any(x.startswith(".") for x in p.parts)
    )
    by_stem: dict[tuple[str, str], list[str]] = defaultdict(list)
    units: list[Unit] = []
    for p in files:
        rel = p.relative_to(root).as_posix()
        genre = rel.split("/")[0]
        if rel not in labels:
            labels[rel] = DocumentLabels(rel, genre, [])  # nobody has read it: findings unjudged
        name = p.name
        for tag in (".zh", ".en"):
            stem = name[: -len(p.suffix)]
            if stem.endswith(tag):
                by_stem[(str(p.parent), stem[: -len(tag)])].append(rel)
                break
        else:
            units.append(Unit(genre, [rel], {rel: p.read_text(encoding="utf-8")}))
    for (_, _), rels in sorted(by_stem.items()):
        rels.sort(key=lambda r: ".en." in r)  # Chinese first
        units.append(Unit(rels[0].split("/")[0], rels, {r: (root / r).read_text(encoding="utf-8") for r in rels}))
    units.sort(key=lambda u: u.paths[0])
    return units, labels


# -- linting, in this process ------------------------------------------------------------


class Linter:
    """lintkit with the repository's rules.yaml, loaded once."""

    def __init__(self, config_path: Path | None = None):
        from lintkit.app import Application
        from lintkit.config import find_config
        from lintkit.rules import CORPUS as CORPUS_SCOPE

        app = Application()
        if app.load_errors:
            raise SystemExit("; ".join(e.message for e in app.load_errors))
        app.load_config(config_path or find_config(ROOT))
        app.make_selection()
        self.engine = app.make_engine()
        self.engine.active = [a for a in self.engine.active if not a.rule.id.startswith(NOT_MEASURED)]
        self.rule_ids = sorted(a.rule.id for a in self.engine.active)
        self.cross_file = {a.rule.id for a in self.engine.active if a.rule.scope == CORPUS_SCOPE}

    def run(self, texts: dict[str, str], only_cross_file: bool = False):
        from lintkit.model.document import Document

        docs = [Document(t, p) for p, t in texts.items()]
        engine = self.engine
        if only_cross_file:
            saved = engine.active
            engine.active = [a for a in saved if a.rule.id in self.cross_file]
            try:
                result = engine.run(docs)
            finally:
                engine.active = saved
        else:
            result = engine.run(docs)
        for e in result.errors:
            print(f"quality: lintkit error: {e.message}", file=sys.stderr)
        return result.findings, result.errors


# -- judging ---------------------------------------------------------------------------------


def _lines(f) -> set[tuple[str, int]]:
    out = {(f.path, f.start.line)}
    out.update((r.path, r.start.line) for r in f.related)
    return out


def _matches(f, d: Defect) -> bool:
    return f.rule in d.rules and any((d.path, line) in _lines(f) for line in d.lines)


class Tally:
    """Counts per rule, per genre and per (genre, rule)."""

    FIELDS = (
        "findings",
        "true",
        "false",
        "unjudged",
        "false_warning",
        "side",
        "labelled",
        "labelled_found",
        "planted",
        "planted_found",
        "tp",
        "fn",
    )

    def __init__(self):
        self.counts: dict[tuple[str, str], dict[str, int]] = defaultdict(lambda: dict.fromkeys(self.FIELDS, 0))
        self.kb: dict[str, float] = defaultdict(float)  # genre -> KB of reviewed original text
        self.documents: dict[str, int] = defaultdict(int)
        self.genre_kb: dict[str, float] = defaultdict(float)
        self.items: list[dict] = []  # everything judged, for --list
        self.kinds: dict[str, list[int]] = {}  # planted kind -> [found, planted]

    def add(self, genre: str, rule: str, key: str, n: int = 1) -> None:
        for g in (genre, "*"):
            for r in (rule, "*"):
                self.counts[(g, r)][key] += n


def _severity_at_least_warning(f) -> bool:
    from lintkit.findings import Severity

    return f.severity >= Severity.WARNING


def _judge_original(tally: Tally, genre: str, findings, labels: Labels) -> None:
    defects = [d for p in {f.path for f in findings} for d in labels[p].defects]
    for f in findings:
        tally.add(genre, f.rule, "findings")
        hit = next((d for d in defects if _matches(f, d)), None)
        where = f"{f.path}:{f.start.line}:{f.start.column}"
        if hit:
            tally.add(genre, f.rule, "true")
            tally.items.append(
                {
                    "kind": "tp",
                    "genre": genre,
                    "rule": f.rule,
                    "where": where,
                    "message": f.message,
                    "reason": hit.reason,
                }
            )
        elif labels[f.path].covers(f.start.line):
            tally.add(genre, f.rule, "false")
            if _severity_at_least_warning(f):
                tally.add(genre, f.rule, "false_warning")
            tally.items.append(
                {
                    "kind": "fp",
                    "genre": genre,
                    "rule": f.rule,
                    "where": where,
                    "severity": str(f.severity),
                    "message": f.message,
                }
            )
        else:
            tally.add(genre, f.rule, "unjudged")
            tally.items.append(
                {"kind": "unjudged", "genre": genre, "rule": f.rule, "where": where, "message": f.message}
            )


def _credit(tally: Tally, genre: str, d: Defect, found_by: set[str], planted: bool) -> None:
    if planted:
        by_kind = tally.kinds.setdefault(d.reason.split(":")[0], [0, 0])
        by_kind[0] += bool(found_by)
        by_kind[1] += 1
    kind = "planted" if planted else "labelled"
    tally.add(genre, d.rule, kind)
    if found_by:
        credited = d.rule if d.rule in found_by else next(r for r in d.rules if r in found_by)
        tally.add(genre, d.rule, kind + "_found")
        tally.add(genre, credited, "tp")
    else:
        tally.add(genre, d.rule, "fn")
    tally.items.append(
        {
            "kind": ("planted" if planted else "labelled") + ("-found" if found_by else "-missed"),
            "genre": genre,
            "rule": d.rule,
            "where": f"{d.path}:{d.line}",
            "reason": d.reason,
            "found_by": sorted(found_by),
        }
    )


def _same(f, g, mutant: list[str] | None = None, original: list[str] | None = None) -> bool:
    """Is ``f`` (on a mutant) the finding ``g`` already made on the original?

    Same rule, file and line, and the same message or column — unless the
    text under the finding changed: a slip planted on a spelling the
    original already reports (one more variant of a misspelt name) is a new
    finding there, not the old one."""
    if not (
        f.rule == g.rule
        and f.path == g.path
        and f.start.line == g.start.line
        and (f.message == g.message or f.start.column == g.start.column)
    ):
        return False
    if mutant is None or original is None:
        return True
    return _span_text(mutant, f) == _span_text(original, g)


def _span_text(lines: list[str], f) -> str:
    if f.start.line != f.end.line:
        return "\n".join(lines[f.start.line - 1 : f.end.line])
    return lines[f.start.line - 1][f.start.column - 1 : f.end.column - 1] if f.start.line <= len(lines) else ""


def evaluate(
    units: list[Unit],
    labels: Labels,
    *,
    seed: int = 1,
    mutants: bool = True,
    genres: set[str] | None = None,
    progress=None,
) -> Tally:
    linter = Linter()
    tally = Tally()
    tally.rule_ids = linter.rule_ids
    originals: dict[str, str] = {}
    for unit in units:
        if genres and unit.genre not in genres:
            continue
        findings, _ = linter.run(unit.texts)
        findings = [f for f in findings if f.rule not in linter.cross_file]
        _judge_original(tally, unit.genre, findings, labels)
        for p, text in unit.texts.items():
            originals[p] = text
            tally.documents[unit.genre] += 1
            size = len(text.encode("utf-8")) / 1024
            tally.genre_kb[unit.genre] += size
            lab = labels[p]
            if lab.reviewed is None:
                tally.kb[unit.genre] += size
            else:
                lines = text.split("\n")
                tally.kb[unit.genre] += (
                    sum(len(line.encode("utf-8")) + 1 for i, line in enumerate(lines, 1) if lab.covers(i)) / 1024
                )
            for d in lab.defects:
                found = {f.rule for f in findings if _matches(f, d)}
                _credit(tally, unit.genre, d, found, planted=False)
        if mutants:
            _run_mutants(linter, tally, unit, findings, labels, seed)
        if progress:
            progress(unit)
    # the rules that compare files: one run over every original document
    genre_of = {p: labels[p].genre for p in originals}
    cross, _ = linter.run(originals, only_cross_file=True)
    for f in cross:
        _judge_original(tally, genre_of[f.path], [f], labels)
    return tally


def _run_mutants(linter: Linter, tally: Tally, unit: Unit, original_findings, labels: Labels, seed: int) -> None:
    zh_partner = next((t for p, t in unit.texts.items() if ".zh." in p), None)
    for path, text in unit.texts.items():
        rng = random.Random(f"{seed}:{path}")
        original_lines = text.split("\n")
        partner = zh_partner if ".en." in path else None
        plan = mutate.plan(text, rng, zh_text=partner)
        for group in mutate.copies(plan, max_copies=mutate.sites_per_kind(text)):
            texts = dict(unit.texts)
            texts[path] = mutate.apply(text, group)
            findings, _ = linter.run(texts)
            findings = [f for f in findings if f.rule not in linter.cross_file]
            lines = texts[path].split("\n")
            new = [
                f
                for f in findings
                if not any(_same(f, g, lines if f.path == path else None, original_lines) for g in original_findings)
            ]
            planted = [mutate_defect(path, mu) for mu in group]
            for d in planted:
                _credit(tally, unit.genre, d, {f.rule for f in new if _matches(f, d)}, planted=True)
            provoked = {r for d in planted for r in d.rules}
            for f in new:
                if not any(_matches(f, d) for d in planted):
                    if f.rule in provoked:
                        # a consequence of a planted defect reported elsewhere (an entry
                        # "never cited" once its only marker is gone): true of the mutant,
                        # but not the finding that points at the defect
                        tally.add(unit.genre, f.rule, "side")
                        continue
                    tally.add(unit.genre, f.rule, "false")
                    tally.items.append(
                        {
                            "kind": "fp-mutant",
                            "genre": unit.genre,
                            "rule": f.rule,
                            "where": f"{f.path}:{f.start.line}:{f.start.column}",
                            "message": f.message,
                            "planted": "; ".join(f"{m.line}: {m.reason}" for m in group),
                        }
                    )
                else:
                    tally.add(unit.genre, f.rule, "true")


def mutate_defect(path: str, mu: mutate.Mutation) -> Defect:
    return Defect(path, mu.line, mu.rules, f"{mu.kind}: {mu.reason}", planted=True, also=mu.also)


# -- alignment ----------------------------------------------------------------------------


def alignment_accuracy(root: Path = CORPUS, genres: set[str] | None = None) -> dict[str, dict]:
    """Per genre, on the hand-checked sample of ``<genre>/alignment.yaml``:
    how many English units lintkit takes as a counterpart of their article
    (``found``), how many it aligns with a Chinese paragraph (``aligned``),
    and how many of those alignments hit a Chinese line the sample names
    (``correct``; an English unit the sample says renders nothing is correct
    when lintkit aligns it with nothing).  ``accuracy`` = correct / pairs."""
    from lintkit.model.document import Document
    from lintkit.pairs import pair_documents

    cache: dict[tuple[str, str], tuple] = {}

    def docs_for(en_rel: str, zh_rel: str):
        key = (en_rel, zh_rel)
        if key not in cache:
            en = Document((root / en_rel).read_text(encoding="utf-8"), en_rel)
            if zh_rel == en_rel:
                cache[key] = (en, en)
            else:
                zh = Document((root / zh_rel).read_text(encoding="utf-8"), zh_rel)
                pair_documents([zh, en], [(zh_rel, en_rel)])
                cache[key] = (zh, en)
        return cache[key]

    out: dict[str, dict] = {}
    for gold in sorted(root.glob("*/alignment.yaml")):
        genre = gold.parent.name
        if genres and genre not in genres:
            continue
        counts = dict.fromkeys(("pairs", "found", "aligned", "correct"), 0)
        for item in (yaml.safe_load(gold.read_text(encoding="utf-8")) or {}).get("pairs") or []:
            zh_doc, en_doc = docs_for(item["path"], item.get("zh_path") or item["path"])
            counts["pairs"] += 1
            line = en_doc.line_text(int(item["en"]))
            at = en_doc.line_starts[int(item["en"]) - 1] + (len(line) - len(line.lstrip()))
            if item.get("sentence"):
                k = line.find(item["sentence"])
                if k >= 0:
                    at = en_doc.line_starts[int(item["en"]) - 1] + k
            part = next(
                (
                    c
                    for a in zh_doc.articles
                    for c in a.english
                    if a.document_of(c) is en_doc and c.start <= at < max(c.end, c.start + 1)
                ),
                None,
            )
            if part is None:
                continue
            counts["found"] += 1
            lines: set[int] = set()
            for b in part.aligned:
                blk = zh_doc.blocks[b]
                lines.update(
                    range(zh_doc.position(blk.start).line, zh_doc.position(max(blk.start, blk.end - 1)).line + 1)
                )
            if lines:
                counts["aligned"] += 1
            want = set(item.get("zh") or [])
            if (lines & want) or (not want and not lines):
                counts["correct"] += 1
        counts["accuracy"] = _ratio(counts["correct"], counts["pairs"])
        out[genre] = counts
    return out


# -- reporting -----------------------------------------------------------------------------


def _ratio(a: int, b: int) -> float | None:
    return round(a / b, 3) if b else None


def summary(tally: Tally, rule_ids: list[str]) -> dict:
    def block(g: str, r: str) -> dict:
        c = tally.counts.get((g, r), dict.fromkeys(Tally.FIELDS, 0))
        kb = sum(tally.kb.values()) if g == "*" else tally.kb.get(g, 0)
        return {
            "findings": c["findings"],
            "true": c["true"],
            "false": c["false"],
            "unjudged": c["unjudged"],
            "tp": c["tp"],
            "fp": c["false"],
            "fn": c["fn"],
            "precision": _ratio(c["true"], c["true"] + c["false"]),
            "recall": _ratio(c["labelled_found"] + c["planted_found"], c["labelled"] + c["planted"]),
            "recall_labelled": _ratio(c["labelled_found"], c["labelled"]),
            "recall_planted": _ratio(c["planted_found"], c["planted"]),
            "labelled": c["labelled"],
            "planted": c["planted"],
            "warning_false_alarms_per_100kb": round(c["false_warning"] * 100 / kb, 2) if kb else None,
        }

    genres = sorted(tally.documents)
    active = sorted({r for (_, r) in tally.counts if r != "*"} | set(rule_ids))
    every = tally.counts.get(("*", "*"), dict.fromkeys(Tally.FIELDS, 0))
    return {
        "documents": sum(tally.documents.values()),
        "kb": round(sum(tally.genre_kb.values()), 1),
        "reviewed_kb": round(sum(tally.kb.values()), 1),
        "labelled_defects": every["labelled"],
        "planted_defects": every["planted"],
        "genres": {
            g: {
                "documents": tally.documents[g],
                "kb": round(tally.genre_kb[g], 1),
                "reviewed_kb": round(tally.kb[g], 1),
                **block(g, "*"),
                "rules": {r: block(g, r) for r in active if any(tally.counts.get((g, r), {}).values())},
            }
            for g in genres
        },
        "rules": {r: block("*", r) for r in active},
        "all": block("*", "*"),
        "planted_by_kind": {
            k: {"found": f, "planted": n, "recall": _ratio(f, n)} for k, (f, n) in sorted(tally.kinds.items())
        },
    }


FLOOR = HERE / "quality-floor.json"


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
