"""``--format json``: the stable machine contract.

    {"findings": [{"rule", "severity", "path", "line", "column", "end_line",
                   "end_column", "message", "related": [{"path", "line",
                   "column", "message"}], "fix"}], "errors": [...]}

Lines and columns are 1-based, columns counted in characters.  ``fix`` is
``null`` or ``{"applicability", "description", "edits": [{"line", "column",
"end_line", "end_column", "replacement"}]}``.  Keys are only ever added.
"""

from __future__ import annotations

import json

__all__ = ["render", "as_dict"]


def _fix(finding, documents) -> dict | None:
    fix = finding.fix
    if fix is None:
        return None
    edits = []
    for e, (s, t) in zip(fix.edits, finding.edit_positions(documents)):
        edits.append(
            {
                "line": s.line,
                "column": s.column,
                "end_line": t.line,
                "end_column": t.column,
                "replacement": e.replacement,
            }
        )
    return {"applicability": str(fix.applicability), "description": fix.description, "edits": edits}


def as_dict(result) -> dict:
    documents = {d.path: d for d in result.documents}
    return {
        "findings": [
            {
                "rule": f.rule,
                "severity": str(f.severity),
                "path": f.path,
                "line": f.start.line,
                "column": f.start.column,
                "end_line": f.end.line,
                "end_column": f.end.column,
                "message": f.message,
                "related": [
                    {"path": r.path, "line": r.start.line, "column": r.start.column, "message": r.message}
                    for r in f.related
                ],
                "fix": _fix(f, documents),
            }
            for f in result.findings
        ],
        # Every key always present (null when it does not apply), as in the
        # contract in DEVELOPERS.md: consumers can index without checking.
        "errors": [
            {"kind": e.kind, "message": e.message, "path": e.path, "rule": e.rule, "plugin": e.plugin}
            for e in result.errors
        ],
    }


def render(result, *, color: bool = False) -> str:
    return json.dumps(as_dict(result), ensure_ascii=False, indent=2) + "\n"
