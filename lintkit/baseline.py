"""Baselines: adopt lintkit on an archive without fixing everything first.

``lintkit check --write-baseline lintkit-baseline.json PATHS`` records the
current findings; ``lintkit check --baseline lintkit-baseline.json PATHS``
then reports only findings that are not in it.  A finding is recognised by
its file (relative to the baseline's folder), rule, the text it points at and
a few characters around it — not by its line or its message, so editing an
article above an old finding, or adding one more mention of a name (which
changes a count in the message), does not bring it back; the same finding
occurring once more than recorded is new.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from .findings import Finding

__all__ = ["fingerprint", "write_baseline", "read_baseline", "filter_new"]

VERSION = 2
_CONTEXT = 8  # characters of the line kept on each side of the flagged text


def fingerprint(finding: Finding, text: str, base: Path | None = None) -> tuple[str, str, str, str]:
    """(path, rule, flagged text, its context): what survives edits elsewhere.

    Not the message — messages carry counts ("3×") that change when another
    mention is added — and not the line.  The path is relative to the
    baseline file's folder, so a run from another folder finds the same
    entries; the context is the flagged text's line around it, whitespace
    normalised, so the same words flagged twice in one file stay apart.
    """
    span = text[finding.start.offset : finding.end.offset]
    line_start = text.rfind("\n", 0, finding.start.offset) + 1
    line_end = text.find("\n", finding.end.offset)
    line_end = len(text) if line_end < 0 else line_end
    before = text[max(line_start, finding.start.offset - _CONTEXT) : finding.start.offset]
    after = text[finding.end.offset : min(line_end, finding.end.offset + _CONTEXT)]
    context = " ".join((before + "\u2063" + after).split())
    return (_relative(finding.path, base), finding.rule, span, context)


def _relative(path: str, base: Path | None) -> str:
    if base is None or path in ("-", "<stdin>"):
        return path
    try:
        return Path(path).resolve().relative_to(base.resolve()).as_posix()
    except ValueError:
        return Path(path).resolve().as_posix()


def write_baseline(path: Path, findings: list[Finding], texts: dict[str, str]) -> int:
    base = Path(path).parent
    entries = [
        dict(zip(("path", "rule", "text", "context"), fingerprint(f, texts.get(f.path, ""), base))) for f in findings
    ]
    data = {"lintkit-baseline": VERSION, "findings": entries}
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return len(entries)


def read_baseline(path: Path) -> tuple[int, Path, Counter]:
    """(version, folder, recorded fingerprints); raises ``ValueError`` with the reason.
    A version 1 baseline (file, rule, message, text) is still read."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ValueError(f"{path}: cannot read baseline: {exc.strerror or exc}") from None
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        raise ValueError(f"{path}: not a lintkit baseline (invalid JSON: {exc})") from None
    if not isinstance(data, dict) or data.get("lintkit-baseline") not in (1, VERSION):
        raise ValueError(f"{path}: not a lintkit baseline (write one with --write-baseline)")
    version = data["lintkit-baseline"]
    keys = ("path", "rule", "message", "text") if version == 1 else ("path", "rule", "text", "context")
    try:
        return version, Path(path).parent, Counter(tuple(str(e[k]) for k in keys) for e in data["findings"])
    except (KeyError, TypeError):
        raise ValueError(f"{path}: malformed baseline entry") from None


def filter_new(
    findings: list[Finding], baseline, texts: dict[str, str], formerly: dict[str, str] | None = None
) -> list[Finding]:
    """The findings the baseline does not record.  ``formerly`` maps a rule
    split out of another to the old id (``numbers.odd-count`` →
    ``numbers.contradiction``): a baseline written before the split still
    records its findings under the old id, and they stay recorded."""
    version, base, recorded = baseline
    remaining = Counter(recorded)
    old_ids = formerly or {}
    new = []
    for f in findings:
        text = texts.get(f.path, "")
        if version == 1:
            key = (f.path, f.rule, f.message, text[f.start.offset : f.end.offset])
        else:
            key = fingerprint(f, text, base)
        if remaining[key] <= 0 and f.rule in old_ids:
            key = (key[0], old_ids[f.rule], *key[2:])
        if remaining[key] > 0:
            remaining[key] -= 1
        else:
            new.append(f)
    return new
