"""Inline suppression comments, as editors know them from Vale and textlint.

    <!-- lintkit-disable -->            every rule, until lintkit-enable
    <!-- lintkit-disable names -->      rules of the names plugin (ids or prefixes,
                                         comma- or space-separated)
    <!-- lintkit-enable names -->       switch them back on (no list: all)
    <!-- lintkit-disable-line names.spelling-variant -->      this line only
    <!-- lintkit-disable-next-line numbers -->                the line below

The comments are HTML comments, invisible in rendered Markdown; plain-text
files accept the same syntax.  A finding is suppressed when the line it
starts on is covered.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import regex

from .selection import specificity

if TYPE_CHECKING:  # pragma: no cover
    from .model.document import Document

__all__ = ["Suppressions", "suppressions", "unknown_selectors"]

_DIRECTIVE = regex.compile(r"<!--\s*lintkit-(disable-next-line|disable-line|disable|enable)\b([^>]*?)\s*-->")


@dataclass
class Suppressions:
    # (first line, last line or None for "to the end", selectors or () for all)
    ranges: list[tuple[int, int | None, tuple[str, ...]]] = field(default_factory=list)

    def covers(self, rule_id: str, line: int, formerly: str = "") -> bool:
        for first, last, selectors in self.ranges:
            if first <= line and (last is None or line <= last):
                if not selectors or any(specificity(s, rule_id) or (formerly and s == formerly) for s in selectors):
                    return True
        return False


def _selectors(text: str) -> tuple[str, ...]:
    return tuple(s for s in regex.split(r"[\s,]+", text.strip()) if s)


def suppressions(doc: "Document") -> Suppressions:
    """Each selector is switched off and on by itself: after ``disable style,
    citations``, ``enable style`` turns style back on and leaves citations
    off; ``enable`` with no list turns everything back on."""
    result = Suppressions()
    open_ranges: dict[str, int] = {}  # selector ("" for every rule) -> line it was disabled on
    for m in _DIRECTIVE.finditer(doc.text):
        kind, selectors = m.group(1), _selectors(m.group(2))
        line = doc.position(m.start()).line
        if kind == "disable-line":
            result.ranges.append((line, line, selectors))
        elif kind == "disable-next-line":
            result.ranges.append((line + 1, line + 1, selectors))
        elif kind == "disable":
            for sel in selectors or ("",):
                open_ranges.setdefault(sel, line)
        else:  # enable: closes the disables of these selectors, or of every one without a list
            keys = [k for k in open_ranges if not selectors or k in selectors]
            for key in keys:
                result.ranges.append((open_ranges.pop(key), line, (key,) if key else ()))
    for key, first in open_ranges.items():
        result.ranges.append((first, None, (key,) if key else ()))
    return result


def unknown_selectors(doc: "Document", rule_ids) -> list[tuple[int, int, str, str | None]]:
    """(start, end, selector, closest known id or None) for each selector of a
    suppression comment that names no rule and no plugin: a misspelt id
    silences nothing, and the editor should know (ruff's RUF100 in spirit)."""
    import difflib

    ids = sorted(rule_ids)
    known = set(ids) | {i.split(".", 1)[0] for i in ids}
    out = []
    for m in _DIRECTIVE.finditer(doc.text):
        body_start = m.start(2)
        for sm in regex.finditer(r"[^\s,]+", m.group(2)):
            sel = sm.group()
            if sel in known or any(i.startswith(sel + ".") for i in ids):
                continue
            close = difflib.get_close_matches(sel, ids, n=1, cutoff=0.75)
            out.append((body_start + sm.start(), body_start + sm.end(), sel, close[0] if close else None))
    return out
