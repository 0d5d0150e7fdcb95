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


# GitHub shows at most 10 annotations of each level per step and drops the
# rest without a word: past that, findings are plain log lines and a notice
# says how many were not annotated.
MAX_PER_LEVEL = 10


def render(result, *, color: bool = False) -> str:
    lines, rest = [], []
    shown: dict[str, int] = {}
    order = sorted(result.findings, key=lambda f: -int(f.severity))  # errors first, then warnings
    for f in order:
        level = _LEVEL[str(f.severity)]
        if shown.get(level, 0) >= MAX_PER_LEVEL:
            rest.append(f"{f.path}:{f.start.line}:{f.start.column}: {f.severity} {f.rule} {f.message}")
            continue
        shown[level] = shown.get(level, 0) + 1
        props = (
            f"file={_escape(f.path, True)},line={f.start.line},col={f.start.column},"
            f"endLine={f.end.line},endColumn={f.end.column},title={_escape(f.rule, True)}"
        )
        lines.append(f"::{_LEVEL[str(f.severity)]} {props}::{_escape(f.message)}")
    if rest:
        lines.extend(_escape(line) for line in rest)
        lines.append(
            f"::notice::{len(rest)} more finding{'s' if len(rest) != 1 else ''} listed in the log "
            f"above, not as annotations (GitHub shows {MAX_PER_LEVEL} of each level per step)"
        )
    for e in result.errors:
        where = f" file={_escape(e.path, True)}" if e.path and e.path != "-" else ""
        lines.append(f"::error{where}::{_escape(e.message)}")
    return "\n".join(lines) + ("\n" if lines else "")
