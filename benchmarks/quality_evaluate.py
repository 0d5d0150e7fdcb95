"""The quality benchmark's run: lintkit over every unit of the corpus, over
copies of it with planted defects (``mutate.py``), and once over all the
original documents together for the rules that compare files, each finding
handed to the judge (``quality_judge.py``).

Kept apart so that the one module that loads lintkit and lints, in this
process, is this one: the corpus is read elsewhere (``quality_corpus.py``),
and what a finding is, is decided elsewhere (``quality_judge.py``).
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

import mutate
from quality_corpus import ROOT, Labels, Unit
from quality_judge import Tally, credit, judge_mutant, judge_original, matches

# The example third-party plugin the test command installs is not lintkit's to measure.
NOT_MEASURED = ("punctuation.",)

__all__ = ["Linter", "evaluate"]


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
        judge_original(tally, unit.genre, findings, labels)
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
                found = {f.rule for f in findings if matches(f, d)}
                credit(tally, unit.genre, d, found, planted=False)
        if mutants:
            _run_mutants(linter, tally, unit, findings, seed)
        if progress:
            progress(unit)
    # the rules that compare files: one run over every original document
    genre_of = {p: labels[p].genre for p in originals}
    cross, _ = linter.run(originals, only_cross_file=True)
    for f in cross:
        judge_original(tally, genre_of[f.path], [f], labels)
    return tally


def _run_mutants(linter: Linter, tally: Tally, unit: Unit, original_findings, seed: int) -> None:
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
            judge_mutant(tally, unit.genre, path, group, findings, original_findings, lines, original_lines)
