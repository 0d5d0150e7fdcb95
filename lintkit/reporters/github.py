"""``--format github``: GitHub Actions workflow commands, one per finding,
so findings appear as annotations on the pull request's diff."""

from __future__ import annotations

__all__ = ["render"]

_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def _escape(value: str, prop: bool = False) -> str:
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if prop:
        value = value.replace(":", "%3A").replace(",", "%2C")
    return value


def render(result, *, color: bool = False) -> str:
    lines = []
    for f in result.findings:
        props = (
            f"file={_escape(f.path, True)},line={f.start.line},col={f.start.column},"
            f"endLine={f.end.line},endColumn={f.end.column},title={_escape(f.rule, True)}"
        )
        lines.append(f"::{_LEVEL[str(f.severity)]} {props}::{_escape(f.message)}")
    for e in result.errors:
        where = f" file={_escape(e.path, True)}" if e.path and e.path != "-" else ""
        lines.append(f"::error{where}::{_escape(e.message)}")
    return "\n".join(lines) + ("\n" if lines else "")
