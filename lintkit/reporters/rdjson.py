"""``--format rdjson``: the Reviewdog Diagnostic Format, so that reviewdog can
post findings as review comments on a pull request
(``lintkit check --format rdjson . | reviewdog -f=rdjson -reporter=github-pr-review``).

One ``DiagnosticResult`` with a diagnostic per finding: message, severity
(ERROR, WARNING, INFO), the rule id as ``code``, and a safe or unsafe fix
as ``suggestions``.  Display-only fixes are suggestions for a person and are
left out, as reviewdog would offer them as one-click changes.  Positions
follow the format: lines from 1, columns from 1 **counted in UTF-8 bytes**
(a Chinese character is three), ends exclusive.  Related places are named
at the end of the message, the format having no field for them.
"""

from __future__ import annotations

import json

from ..findings import Applicability

__all__ = ["render"]

_SEVERITY = {"error": "ERROR", "warning": "WARNING", "info": "INFO"}
SOURCE = {"name": "lintkit"}


class _Columns:
    """Character offsets of one document to rdjson positions (byte columns)."""

    def __init__(self, text: str):
        self.text = text

    def position(self, offset: int) -> dict:
        line_start = self.text.rfind("\n", 0, offset) + 1
        line = self.text.count("\n", 0, line_start) + 1
        return {"line": line, "column": len(self.text[line_start:offset].encode("utf-8")) + 1}


def _range(cols: _Columns | None, start, end) -> dict:
    if cols is None:  # no text to count bytes in: the character columns are the best there is
        return {"start": {"line": start.line, "column": start.column}, "end": {"line": end.line, "column": end.column}}
    return {"start": cols.position(start.offset), "end": cols.position(end.offset)}


def render(result, *, color: bool = False) -> str:
    documents = {d.path: d for d in result.documents}
    columns: dict[str, _Columns] = {}

    def cols(path: str) -> _Columns | None:
        if path not in columns and path in documents:
            columns[path] = _Columns(documents[path].text)
        return columns.get(path)

    diagnostics = []
    for f in result.findings:
        message = f.message
        if f.related:
            message += (
                " (see "
                + "; ".join(
                    f"{r.path}:{r.start.line}:{r.start.column}" + (f" {r.message}" if r.message else "")
                    for r in f.related
                )
                + ")"
            )
        d = {
            "message": message,
            "location": {"path": f.path, "range": _range(cols(f.path), f.start, f.end)},
            "severity": _SEVERITY.get(str(f.severity), "UNKNOWN_SEVERITY"),
            "source": SOURCE,
            "code": {"value": f.rule},
        }
        if f.fix is not None and f.fix.applicability != Applicability.DISPLAY and f.path in documents:
            d["suggestions"] = [
                {"range": _range(cols(f.path), s, t), "text": e.replacement}
                for e, (s, t) in zip(f.fix.edits, f.edit_positions(documents))
            ]
        diagnostics.append(d)
    worst = next((s for s in ("ERROR", "WARNING", "INFO") if any(d["severity"] == s for d in diagnostics)), None)
    out = {"source": SOURCE, "diagnostics": diagnostics}
    if worst:
        out["severity"] = worst
    return json.dumps(out, ensure_ascii=False, indent=2) + "\n"
