"""The quality benchmark's judge: what each finding is, counted in a ``Tally``.

On an original document a finding is true (it points at a labelled defect),
a false alarm (it lies in reviewed text and points at none) or unjudged.  On
a mutant a finding the original already made is the original's; a new one
detects a planted defect, is a side effect of one (same rule, elsewhere), or
is a false alarm the mutation provoked.  Every defect, labelled or planted,
is credited found or missed.  The rules are the ones the docstring of
``quality.py`` states.

Kept apart from the linting (``quality_evaluate.py``) so that the rules of
judging are in one place and take findings as they come: this module never
runs lintkit.
"""

from __future__ import annotations

from collections import defaultdict

import mutate
from quality_corpus import Defect, Labels

__all__ = ["Tally", "credit", "judge_mutant", "judge_original", "matches", "mutate_defect", "same"]


def _lines(f) -> set[tuple[str, int]]:
    out = {(f.path, f.start.line)}
    out.update((r.path, r.start.line) for r in f.related)
    return out


def matches(f, d: Defect) -> bool:
    """Does finding ``f`` point at defect ``d``: one of its rules, on one of its lines?"""
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


def judge_original(tally: Tally, genre: str, findings, labels: Labels) -> None:
    """Count each finding on an original document true, false or unjudged."""
    defects = [d for p in {f.path for f in findings} for d in labels[p].defects]
    for f in findings:
        tally.add(genre, f.rule, "findings")
        hit = next((d for d in defects if matches(f, d)), None)
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


def credit(tally: Tally, genre: str, d: Defect, found_by: set[str], planted: bool) -> None:
    """Count defect ``d`` found by the rules ``found_by``, or missed when there are none."""
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


def judge_mutant(
    tally: Tally,
    genre: str,
    path: str,
    group: list[mutate.Mutation],
    findings,
    original_findings,
    lines: list[str],
    original_lines: list[str],
) -> None:
    """Judge the findings on one mutant: a copy of the unit in which ``path``
    (now ``lines``, once ``original_lines``) carries the planted ``group``.
    Findings the original made too (``original_findings``) were judged there."""
    new = [
        f
        for f in findings
        if not any(same(f, g, lines if f.path == path else None, original_lines) for g in original_findings)
    ]
    planted = [mutate_defect(path, mu) for mu in group]
    for d in planted:
        credit(tally, genre, d, {f.rule for f in new if matches(f, d)}, planted=True)
    provoked = {r for d in planted for r in d.rules}
    for f in new:
        if not any(matches(f, d) for d in planted):
            if f.rule in provoked:
                # a consequence of a planted defect reported elsewhere (an entry
                # "never cited" once its only marker is gone): true of the mutant,
                # but not the finding that points at the defect
                tally.add(genre, f.rule, "side")
                continue
            tally.add(genre, f.rule, "false")
            tally.items.append(
                {
                    "kind": "fp-mutant",
                    "genre": genre,
                    "rule": f.rule,
                    "where": f"{f.path}:{f.start.line}:{f.start.column}",
                    "message": f.message,
                    "planted": "; ".join(f"{m.line}: {m.reason}" for m in group),
                }
            )
        else:
            tally.add(genre, f.rule, "true")


def same(f, g, mutant: list[str] | None = None, original: list[str] | None = None) -> bool:
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


def mutate_defect(path: str, mu: mutate.Mutation) -> Defect:
    """The planted defect a mutation of ``path`` makes, to judge findings against."""
    return Defect(path, mu.line, mu.rules, f"{mu.kind}: {mu.reason}", planted=True, also=mu.also)
