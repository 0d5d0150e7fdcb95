"""What every finding must satisfy, whatever the document: a position that is
a place in the text (offset inside it, not inside a CRLF, line and column
naming the character at the offset), paths of the run, an end not before
its start, fix edits inside the text; and the key of a finding that must
not change with line endings or encoding.

It stands alone because it judges lintkit's findings and generates
nothing: the fuzz campaign and the property tests apply it to any text.
"""

from __future__ import annotations

import bisect
import re

# -- what every finding must satisfy -----------------------------------------------------

_LINE_BREAK = re.compile(r"\r\n|\r|\n")  # lintkit's line breaks (not \v, \x85, \u2028: editors differ)


def _line_starts(text: str) -> list[int]:
    return [0] + [m.end() for m in _LINE_BREAK.finditer(text)]


def position_errors(text: str, pos, what: str = "start") -> list[str]:
    """Why ``pos`` (``.line``, ``.column``, ``.offset``) is not a place in
    ``text``: offset outside it, inside a CRLF, or a line and column that do
    not name the character at the offset."""
    if not 0 <= pos.offset <= len(text):
        return [f"{what} offset {pos.offset} outside the text (length {len(text)})"]
    starts = _line_starts(text)
    line = bisect.bisect_right(starts, pos.offset)
    column = pos.offset - starts[line - 1] + 1
    errors = []
    if (pos.line, pos.column) != (line, column):
        errors.append(f"{what} {pos.line}:{pos.column} is not offset {pos.offset} (that is {line}:{column})")
    end = starts[line] if line < len(starts) else len(text)
    line_text = text[starts[line - 1] : end].rstrip("\r\n")
    if column - 1 > len(line_text):
        errors.append(f"{what} {line}:{column} is inside a line break")
    elif column - 1 < len(line_text) and line_text[column - 1] != text[pos.offset]:
        errors.append(
            f"{what} {line}:{column} is {line_text[column - 1]!r}, offset {pos.offset} is {text[pos.offset]!r}"
        )
    return errors


def finding_errors(finding, texts: dict[str, str]) -> list[str]:
    """Every way ``finding`` (a ``lintkit.Finding``) misplaces itself in
    ``texts`` (path → the text of each document of the run)."""
    if finding.path not in texts:
        return [f"{finding.rule}: path {finding.path!r} is no document of the run"]
    text = texts[finding.path]
    errors = position_errors(text, finding.start, "start") + position_errors(text, finding.end, "end")
    if finding.end.offset < finding.start.offset or (finding.end.line, finding.end.column) < (
        finding.start.line,
        finding.start.column,
    ):
        errors.append(
            f"end {finding.end.line}:{finding.end.column} before start {finding.start.line}:{finding.start.column}"
        )
    for r in finding.related:
        if r.path not in texts:
            errors.append(f"related path {r.path!r} is no document of the run")
            continue
        errors += position_errors(texts[r.path], r.start, "related start") + position_errors(
            texts[r.path], r.end, "related end"
        )
        if r.end.offset < r.start.offset:
            errors.append(f"related end {r.end.offset} before its start {r.start.offset}")
    if finding.fix is not None:
        for e in finding.fix.edits:
            if not 0 <= e.start <= e.end <= len(text):
                errors.append(f"fix edit {e.start}..{e.end} outside the text")
    return [f"{finding.rule} at {finding.path}:{finding.start.line}:{finding.start.column}: {e}" for e in errors]


def finding_key(finding) -> tuple:
    """What must not change with line endings or encoding: rule, severity,
    lines and columns (of the finding and its related places), message."""
    return (
        finding.path,
        finding.rule,
        str(finding.severity),
        finding.start.line,
        finding.start.column,
        finding.end.line,
        finding.end.column,
        finding.message,
        tuple((r.path, r.start.line, r.start.column, r.end.line, r.end.column, r.message) for r in finding.related),
    )
