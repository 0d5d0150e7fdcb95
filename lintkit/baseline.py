"""Baselines: adopt lintkit on an archive without fixing everything first.

``lintkit check --write-baseline lintkit-baseline.json PATHS`` records the
current findings; ``lintkit check --baseline lintkit-baseline.json PATHS``
then reports only findings that are not in it.  A finding is recognised by
its file, rule, message and the text it points at — not by its line, so
editing an article above an old finding does not bring it back; the same
finding occurring once more than recorded is new.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from .findings import Finding

__all__ = ["fingerprint", "write_baseline", "read_baseline", "filter_new"]

VERSION = 1


def fingerprint(finding: Finding, text: str) -> tuple[str, str, str, str]:
    span = text[finding.start.offset : finding.end.offset]
    return (finding.path, finding.rule, finding.message, span)


def write_baseline(path: Path, findings: list[Finding], texts: dict[str, str]) -> int:
    entries = [
        dict(zip(("path", "rule", "message", "text"), fingerprint(f, texts.get(f.path, ""))))
        for f in findings
    ]
    data = {"lintkit-baseline": VERSION, "findings": entries}
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return len(entries)


def read_baseline(path: Path) -> Counter:
    """The recorded fingerprints; raises ``ValueError`` with the reason."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ValueError(f"{path}: cannot read baseline: {exc.strerror or exc}") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ValueError(f"{path}: not a lintkit baseline (invalid JSON: {exc})") from None
    if not isinstance(data, dict) or data.get("lintkit-baseline") != VERSION:
        raise ValueError(f"{path}: not a lintkit baseline (write one with --write-baseline)")
    try:
        return Counter((e["path"], e["rule"], e["message"], e["text"]) for e in data["findings"])
    except (KeyError, TypeError):
        raise ValueError(f"{path}: malformed baseline entry") from None


def filter_new(findings: list[Finding], baseline: Counter, texts: dict[str, str]) -> list[Finding]:
    remaining = Counter(baseline)
    new = []
    for f in findings:
        key = fingerprint(f, texts.get(f.path, ""))
        if remaining[key] > 0:
            remaining[key] -= 1
        else:
            new.append(f)
    return new
