"""``--format html``: one self-contained page an editor can open in a
browser (``lintkit check issue.txt --format html > report.html``).

Per file, every finding with its place, the sentence around it with the
span highlighted, the other places it points to (each with its own
context), and the suggested fix; a summary at the top; each rule's
documentation one click away.  No scripts, no external resources.
"""

from __future__ import annotations

from collections import Counter
from html import escape

__all__ = ["render"]

_CONTEXT = 40

_CSS = """
body{font-family:system-ui,-apple-system,"PingFang SC","Noto Sans CJK SC","Microsoft YaHei",sans-serif;
max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222;line-height:1.6}
h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:2.5rem;border-bottom:1px solid #ddd}
.summary span{margin-right:1rem}.finding{border-left:4px solid #999;padding:.4rem .8rem;margin:1rem 0;background:#fafafa}
.error{border-color:#c62828}.warning{border-color:#ef8f00}.info{border-color:#1e88e5}
.sev{font-weight:600;text-transform:uppercase;font-size:.75rem;margin-right:.5rem}
.error .sev{color:#c62828}.warning .sev{color:#b26a00}.info .sev{color:#1565c0}
.where{color:#555;font-size:.85rem}.rule{font-family:ui-monospace,monospace;font-size:.85rem}
.ctx{background:#fff;border:1px solid #eee;padding:.3rem .5rem;margin:.3rem 0;white-space:pre-wrap}
mark{background:#ffe082;padding:0 .1rem}ul{margin:.2rem 0 .2rem 1.2rem;padding:0}
.fix{color:#2e7d32}details{margin:.3rem 0}pre.doc{white-space:pre-wrap;font-size:.85rem;background:#f4f4f4;padding:.5rem}
.errors li{color:#c62828}
"""


def _context(doc, start, end) -> str:
    """The line around a span, the span marked, trimmed to a window."""
    if doc is None:
        return ""
    line = doc.line_text(start.line)
    s = start.column - 1
    e = end.column - 1 if end.line == start.line else len(line)
    lo, hi = max(0, s - _CONTEXT), min(len(line), max(e, s) + _CONTEXT)
    return (
        ("…" if lo else "")
        + escape(line[lo:s])
        + "<mark>" + escape(line[s:e]) + "</mark>"
        + escape(line[e:hi])
        + ("…" if hi < len(line) else "")
    )


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 or word == "info" else "s")


def render(result, *, color: bool = False) -> str:
    documents = {d.path: d for d in result.documents}
    docs_of_rules = {a.rule.id: a.rule.doc for a in result.rules}
    counts = Counter(str(f.severity) for f in result.findings)
    out = [
        "<!DOCTYPE html>",
        '<html lang="zh"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        "<title>lintkit report</title>",
        f"<style>{_CSS}</style></head><body>",
        "<h1>lintkit report</h1>",
        '<p class="summary">'
        + "".join(f"<span>{_plural(counts.get(s, 0), s)}</span>" for s in ("error", "warning", "info"))
        + f"<span>{_plural(len(result.documents), 'file')} checked</span></p>",
    ]
    if result.errors:
        out.append('<h2>Errors</h2><ul class="errors">')
        out.extend(f"<li>{escape(e.message)}</li>" for e in result.errors)
        out.append("</ul>")
    current = None
    for f in result.findings:
        if f.path != current:
            current = f.path
            n = sum(1 for g in result.findings if g.path == f.path)
            out.append(f"<h2>{escape(f.path)} <small>({n})</small></h2>")
        doc = documents.get(f.path)
        sev = str(f.severity)
        out.append(f'<div class="finding {sev}">')
        out.append(
            f'<div><span class="sev">{sev}</span>{escape(f.message)}</div>'
            f'<div class="where">line {f.start.line}, column {f.start.column} · '
            f'<span class="rule">{escape(f.rule)}</span></div>'
        )
        out.append(f'<div class="ctx">{_context(doc, f.start, f.end)}</div>')
        if f.related:
            out.append("<ul>")
            for r in f.related:
                rdoc = documents.get(r.path)
                where = f"{escape(r.path)}:{r.start.line}:{r.start.column}" if r.path != f.path else f"line {r.start.line}"
                out.append(
                    f"<li>{where} — {escape(r.message)}"
                    f'<div class="ctx">{_context(rdoc, r.start, r.end)}</div></li>'
                )
            out.append("</ul>")
        if f.fix is not None:
            edits = "; ".join(
                f"replace with “{escape(e.replacement)}”" if e.replacement else "delete" for e in f.fix.edits
            )
            desc = escape(f.fix.description) if f.fix.description else edits
            out.append(f'<div class="fix">Suggested fix ({f.fix.applicability}): {desc}</div>')
        doc_text = docs_of_rules.get(f.rule)
        if doc_text:
            out.append(f'<details><summary>About {escape(f.rule)}</summary><pre class="doc">{escape(doc_text)}</pre></details>')
        out.append("</div>")
    if not result.findings and not result.errors:
        out.append("<p>No findings.</p>")
    out.append("</body></html>")
    return "\n".join(out) + "\n"
