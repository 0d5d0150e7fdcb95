"""``--format text``: for a person at a terminal.

Each finding as ``path:line:col: severity rule message``, the source line
with the span underlined (East Asian wide characters take two cells, so
the caret lines up under Chinese text), related places, the suggested fix;
findings grouped per file; a closing count per severity.
"""

from __future__ import annotations

import unicodedata

__all__ = ["render", "display_width", "safe"]

_COLORS = {"error": "31", "warning": "33", "info": "36", "dim": "2", "bold": "1"}


# Control characters from an article or a file name never reach the terminal
# as such: an escape sequence in the text could recolour or rewrite the
# report, a newline in a file name forge a report line.
_CONTROL = (
    {c: f"\\x{c:02x}" for c in range(32) if c != 9} | {0x7F: "\\x7f"} | {c: f"\\u{c:04x}" for c in range(0x80, 0xA0)}
)


def safe(text: str) -> str:
    """``text`` with control characters written as escapes (``\\x1b``)."""
    return text.translate(_CONTROL)


def display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _paint(text: str, style: str, color: bool) -> str:
    return f"\x1b[{_COLORS[style]}m{text}\x1b[0m" if color else text


_CONTEXT = 30  # characters of context kept on each side of a span in a long line


def _snippet(doc, f, color: bool) -> list[str]:
    if doc is None:
        return []
    line = safe(doc.line_text(f.start.line).expandtabs(1))
    start_col = f.start.column - 1
    end_col = f.end.column - 1 if f.end.line == f.start.line else len(line)
    end_col = max(end_col, start_col + 1)
    # Newsroom text keeps a whole paragraph on one line: show a window
    # around the span rather than a 300-character line.
    if display_width(line) > 2 * _CONTEXT + 40:
        lo = max(0, start_col - _CONTEXT)
        hi = min(len(line), max(end_col, start_col + 1) + _CONTEXT)
        prefix = "…" if lo > 0 else ""
        line = prefix + line[lo:hi] + ("…" if hi < len(line) else "")
        start_col, end_col = start_col - lo + len(prefix), end_col - lo + len(prefix)
    pad = display_width(line[:start_col])
    width = max(1, display_width(line[start_col:end_col]))
    gutter = str(f.start.line)
    return [
        f"  {_paint(gutter, 'dim', color)} | {line}",
        f"  {' ' * len(gutter)} | {' ' * pad}{_paint('^' * width, str(f.severity), color)}",
    ]


def render(result, *, color: bool = False) -> str:
    documents = {d.path: d for d in result.documents}
    out: list[str] = []
    current = None
    for f in result.findings:
        if f.path != current:
            if current is not None:
                out.append("")
            out.append(_paint(safe(f.path), "bold", color))
            current = f.path
        sev = _paint(str(f.severity), str(f.severity), color)
        out.append(f"{safe(f.path)}:{f.start.line}:{f.start.column}: {sev} {f.rule} {safe(f.message)}")
        out.extend(_snippet(documents.get(f.path), f, color))
        for r in f.related:
            out.append(f"    = related: {safe(r.path)}:{r.start.line}:{r.start.column}: {safe(r.message)}")
        if f.fix is not None:
            edits = "; ".join((f"replace with {e.replacement!r}" if e.replacement else "delete") for e in f.fix.edits)
            desc = f.fix.description or edits
            out.append(f"    = fix ({f.fix.applicability}): {safe(desc)}")
    for e in result.errors:
        out.append(_paint("error: ", "error", color) + safe(e.message))
    counts = {s: 0 for s in ("error", "warning", "info")}
    for f in result.findings:
        counts[str(f.severity)] += 1
    files = len({f.path for f in result.findings})
    summary = ", ".join(f"{n} {s}{'s' if n != 1 and s != 'info' else ''}" for s, n in counts.items())
    checked = len(result.documents)
    tail = f"{summary} in {files} of {checked} file{'s' if checked != 1 else ''}"
    if result.errors:
        tail += f"; {len(result.errors)} error{'s' if len(result.errors) != 1 else ''} stopped part of the run"
    if out:
        out.append("")
    out.append(
        tail if result.findings or result.errors else f"No findings in {checked} file{'s' if checked != 1 else ''}."
    )
    return "\n".join(out) + "\n"


def render_concise(result, *, color: bool = False) -> str:
    """One line per finding and per error, nothing else (``-q``): for a
    quick look, ``grep`` and editors' quickfix lists."""
    out = []
    for f in result.findings:
        sev = _paint(str(f.severity), str(f.severity), color)
        out.append(f"{safe(f.path)}:{f.start.line}:{f.start.column}: {sev} {f.rule} {safe(f.message)}")
    out.extend(_paint("error: ", "error", color) + safe(e.message) for e in result.errors)
    return "\n".join(out) + ("\n" if out else "")
