"""``--format html``: one self-contained page an editor can open in a
browser (``lintkit check issue.txt --format html > report.html``).

Per file, and within a file per article, every finding with its place, the
sentence around it with the span highlighted, the other places it points to
(each with its own context), and the suggested fix.  At the top: a table of
contents (files and articles with their counts, anchored) and a count per
rule; filters by severity and by rule that work without scripts (radio
buttons and CSS) — warnings and errors are shown first, infos one click
away, so a long run does not bury what matters; each rule's documentation
once, in an appendix every finding links to.  No scripts, no external
resources.
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
nav table{border-collapse:collapse;font-size:.9rem}nav td,nav th{padding:.1rem .6rem;text-align:left}
nav .n{text-align:right;font-variant-numeric:tabular-nums}.filters{margin:1rem 0;font-size:.9rem}
.filters label{margin-right:.8rem;white-space:nowrap}.filters input{vertical-align:middle}
input.f{position:absolute;opacity:0;width:1px;height:1px}
.filters label.on{font-weight:600}h3{font-size:1rem;color:#444;margin-top:1.5rem}
#sev-main:checked~main .finding.info{display:none}
#sev-error:checked~main .finding:not(.error){display:none}
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


def _article_of(doc, offset: int):
    """The article of ``doc`` that holds ``offset`` (None outside any)."""
    if doc is None:
        return None
    for a in doc.articles:
        if a.start <= offset < a.end:
            return a
    return None


def _slug(prefix: str, n: int) -> str:
    return f"{prefix}-{n}"


def render(result, *, color: bool = False) -> str:
    documents = {d.path: d for d in result.documents}
    docs_of_rules = {a.rule.id: a.rule.doc for a in result.rules}
    counts = Counter(str(f.severity) for f in result.findings)
    by_rule = Counter(f.rule for f in result.findings)
    rule_ids = sorted(by_rule)
    rule_class = {r: f"r{k}" for k, r in enumerate(rule_ids)}

    # files, and within a file its articles, in the order of the findings
    groups: list[tuple[str, list[tuple[object, list]]]] = []
    for f in result.findings:
        doc = documents.get(f.path)
        art = _article_of(doc, f.start.offset) if doc is not None and len(doc.articles) > 1 else None
        if not groups or groups[-1][0] != f.path:
            groups.append((f.path, []))
        arts = groups[-1][1]
        if not arts or arts[-1][0] is not art:
            arts.append((art, []))
        arts[-1][1].append(f)

    out = [
        "<!DOCTYPE html>",
        '<html lang="zh"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        "<title>lintkit report</title>",
        "<style>" + _CSS + "".join(
            f"#rule-{rule_class[r]}:checked~main .finding:not(.{rule_class[r]}){{display:none}}" for r in rule_ids
        ) + "</style></head><body>",
        "<h1>lintkit report</h1>",
        '<p class="summary">'
        + "".join(f"<span>{_plural(counts.get(s, 0), s)}</span>" for s in ("error", "warning", "info"))
        + f"<span>{_plural(len(result.documents), 'file')} checked</span></p>",
    ]
    if result.errors:
        out.append('<h2>Errors</h2><ul class="errors">')
        out.extend(f"<li>{escape(e.message)}</li>" for e in result.errors)
        out.append("</ul>")
    if result.findings:
        out.extend(_contents(groups, by_rule, rule_class, counts))
        # the filters: radio buttons before <main>, read by the CSS above
        out.append('<input class="f" type="radio" name="sev" id="sev-all">'
                   '<input class="f" type="radio" name="sev" id="sev-main" checked>'
                   '<input class="f" type="radio" name="sev" id="sev-error">'
                   '<input class="f" type="radio" name="rule" id="rule-all" checked>'
                   + "".join(f'<input class="f" type="radio" name="rule" id="rule-{rule_class[r]}">' for r in rule_ids))
        out.append('<div class="filters">Show: '
                   '<label for="sev-main">errors and warnings</label>'
                   f'<label for="sev-all">everything (with {_plural(counts.get("info", 0), "info")})</label>'
                   '<label for="sev-error">errors only</label> · Rule: <label for="rule-all">all</label>'
                   + "".join(f'<label for="rule-{rule_class[r]}">{escape(r)}</label>' for r in rule_ids)
                   + "</div>")
    out.append("<main>")
    for fi, (path, arts) in enumerate(groups):
        n = sum(len(fs) for _, fs in arts)
        out.append(f'<h2 id="{_slug("file", fi)}">{escape(path)} <small>({n})</small></h2>')
        doc = documents.get(path)
        for ai, (art, findings) in enumerate(arts):
            if art is not None:
                out.append(f'<h3 id="{_slug(f"file-{fi}-article", ai)}">{escape(art.title or "(untitled)")}</h3>')
            for f in findings:
                out.extend(_finding(f, doc, documents, rule_class, docs_of_rules))
    if not result.findings and not result.errors:
        out.append("<p>No findings.</p>")
    out.append("</main>")
    if rule_ids:
        out.append("<h2>The rules</h2>")
        for r in rule_ids:
            doc_text = docs_of_rules.get(r)
            out.append(f'<details id="about-{rule_class[r]}"><summary class="rule">{escape(r)}</summary>'
                       f'<pre class="doc">{escape(doc_text or "")}</pre></details>')
    out.append("</body></html>")
    return "\n".join(out) + "\n"


def _contents(groups, by_rule, rule_class, counts) -> list[str]:
    out = ["<nav><h2>Contents</h2><table><tr><th>file / article</th>"
           '<th class="n">errors</th><th class="n">warnings</th><th class="n">infos</th></tr>']

    def row(label: str, anchor: str, findings, indent: bool) -> str:
        c = Counter(str(f.severity) for f in findings)
        pad = "&nbsp;&nbsp;&nbsp;" if indent else ""
        return (f'<tr><td>{pad}<a href="#{anchor}">{escape(label)}</a></td>'
                + "".join(f'<td class="n">{c.get(s, 0) or ""}</td>' for s in ("error", "warning", "info")) + "</tr>")

    for fi, (path, arts) in enumerate(groups):
        out.append(row(path, _slug("file", fi), [f for _, fs in arts for f in fs], False))
        for ai, (art, findings) in enumerate(arts):
            if art is not None:
                out.append(row(art.title or "(untitled)", _slug(f"file-{fi}-article", ai), findings, True))
    out.append("</table><h2>By rule</h2><table>")
    for r, n in sorted(by_rule.items(), key=lambda kv: (-kv[1], kv[0])):
        out.append(f'<tr><td><a class="rule" href="#about-{rule_class[r]}">{escape(r)}</a></td><td class="n">{n}</td></tr>')
    out.append("</table></nav>")
    return out


def _finding(f, doc, documents, rule_class, docs_of_rules) -> list[str]:
    sev = str(f.severity)
    out = [f'<div class="finding {sev} {rule_class[f.rule]}">',
           f'<div><span class="sev">{sev}</span>{escape(f.message)}</div>'
           f'<div class="where">line {f.start.line}, column {f.start.column} · '
           f'<a class="rule" href="#about-{rule_class[f.rule]}">{escape(f.rule)}</a></div>',
           f'<div class="ctx">{_context(doc, f.start, f.end)}</div>']
    if f.related:
        out.append("<ul>")
        for r in f.related:
            rdoc = documents.get(r.path)
            where = f"{escape(r.path)}:{r.start.line}:{r.start.column}" if r.path != f.path else f"line {r.start.line}"
            out.append(f"<li>{where} — {escape(r.message)}"
                       f'<div class="ctx">{_context(rdoc, r.start, r.end)}</div></li>')
        out.append("</ul>")
    if f.fix is not None:
        edits = "; ".join(
            f"replace with “{escape(e.replacement)}”" if e.replacement else "delete" for e in f.fix.edits
        )
        desc = escape(f.fix.description) if f.fix.description else edits
        out.append(f'<div class="fix">Suggested fix ({f.fix.applicability}): {desc}</div>')
    out.append("</div>")
    return out
