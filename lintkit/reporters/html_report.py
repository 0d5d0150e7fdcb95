"""``--format html``: one self-contained page an editor can open in a
browser (``lintkit check issue.txt --format html > report.html``).

The page is rendered from a Jinja2 template (``templates/report.html.j2``,
autoescaping on: every path, message, rule doc and piece of file text is
escaped by the template; this module only gathers plain data).

* Per file, and within a file per article, every finding with its place,
  the sentence around it with the span highlighted, the other places it
  points to (each with its own context), and the suggested fix.
* At the top, a summary table: one row per rule, one column per severity
  (error / warning / info), each count a filter showing just those
  findings; and the contents: every file with findings and, for a file of
  several articles, its outline — every article with its title, line
  range and counts per severity (articles without findings listed too,
  greyed), each anchored to its section.
* Filters by severity, rule, file and article that work without a server
  and without scripts: one group of hidden radio buttons per dimension,
  placed before ``<main>`` and read by CSS (``#id:checked ~ main
  .finding:not(.cls) {display: none}``); each finding carries a class for
  its severity, rule, file and article, so the groups combine as AND.
  Errors and warnings are shown first, infos one click away, so a long run
  does not bury what matters (a run with nothing but infos shows them at
  once); a reset button (a form reset, no script) restores that default
  view.  The radios are fixed in the corner of the window, so choosing a
  filter does not scroll the page.
* Each rule's documentation once, in an appendix every finding links to.
* Printable: in print the filters are hidden, every finding is shown, a
  finding is never split across pages and the rule documentation is
  expanded.

No scripts, no external resources.
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache

__all__ = ["render"]

_CONTEXT = 40
_SEVERITIES = ("error", "warning", "info")


@lru_cache(maxsize=1)
def _template():
    from jinja2 import Environment, PackageLoader, StrictUndefined

    env = Environment(
        loader=PackageLoader("lintkit.reporters", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["plural"] = _plural
    return env.get_template("report.html.j2")


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 or word == "info" else "s")


def _context(doc, start, end) -> dict | None:
    """The line around a span, cut into before / span / after (plain text:
    the template escapes it), trimmed to a window."""
    if doc is None:
        return None
    try:
        line = doc.line_text(start.line)
    except IndexError:
        return None
    s = min(start.column - 1, len(line))
    e = end.column - 1 if end.line == start.line else len(line)
    e = max(s, min(e, len(line)))
    lo, hi = max(0, s - _CONTEXT), min(len(line), e + _CONTEXT)
    return {
        "cut_before": lo > 0,
        "before": line[lo:s],
        "span": line[s:e],
        "after": line[e:hi],
        "cut_after": hi < len(line),
    }


def _counts(findings) -> dict[str, int]:
    c = Counter(str(f.severity) for f in findings)
    return {s: c.get(s, 0) for s in _SEVERITIES}


def _articles(doc) -> list:
    """The articles of a document worth an outline: only a document of
    several articles has one (a single article is the file itself)."""
    if doc is None:
        return []
    from ..model.document import AnalysisError

    try:
        articles = list(doc.articles)
    except AnalysisError:  # an analysis that fails must not cost the report
        return []
    return articles if len(articles) > 1 else []


def _article_of(articles, offset: int):
    """The article that holds ``offset`` (None outside any)."""
    for a in articles:
        if a.start <= offset < a.end:
            return a
    return None


def _lines(doc, art) -> tuple[int, int]:
    first = doc.position(art.start).line
    last = doc.position(max(art.start, art.end - 1)).line
    return first, last


def render(result, *, color: bool = False) -> str:
    documents = {d.path: d for d in result.documents}
    docs_of_rules = {a.rule.id: a.rule.doc for a in result.rules}

    by_rule: dict[str, list] = {}
    by_path: dict[str, list] = {}  # in the order of the findings
    for f in result.findings:
        by_rule.setdefault(f.rule, []).append(f)
        by_path.setdefault(f.path, []).append(f)
    rule_ids = sorted(by_rule)
    rule_class = {r: f"r{k}" for k, r in enumerate(rule_ids)}
    rules = [
        {
            "id": r,
            "cls": rule_class[r],
            "counts": _counts(by_rule[r]),
            "total": len(by_rule[r]),
            "doc": docs_of_rules.get(r) or "",
        }
        for r in sorted(rule_ids, key=lambda r: (-len(by_rule[r]), r))
    ]

    files, article_filters = [], []
    n_articles = 0
    for fi, (path, findings) in enumerate(by_path.items()):
        doc = documents.get(path)
        articles = _articles(doc)
        file_cls = f"f{fi}"
        # each article of the file (with or without findings), then the
        # findings outside any article in runs of their own
        arts = {}
        for a in articles:
            first, last = _lines(doc, a)
            arts[a.index] = {
                "title": a.title or "(untitled)",
                "cls": f"a{n_articles}",
                "anchor": f"file-{fi}-article-{a.index}",
                "first_line": first,
                "last_line": last,
                "start": a.start,
                "findings": [],
                "is_article": True,
            }
            n_articles += 1
        sections, outside = [], None
        for f in findings:
            art = _article_of(articles, f.start.offset)
            if art is not None:
                arts[art.index]["findings"].append(f)
                outside = None
            else:
                if outside is None:
                    outside = {
                        "title": "",
                        "cls": "",
                        "anchor": "",
                        "start": f.start.offset,
                        "findings": [],
                        "is_article": False,
                    }
                    sections.append(outside)
                outside["findings"].append(f)
        sections.extend(arts.values())
        sections.sort(key=lambda s: (s["start"], s["is_article"]))
        for s in sections:
            s["counts"] = _counts(s["findings"])
            s["findings"] = [_finding(f, doc, documents, rule_class, file_cls, s["cls"]) for f in s["findings"]]
            if s["is_article"] and s["findings"]:
                article_filters.append({"cls": s["cls"], "title": s["title"], "path": path})
        files.append(
            {
                "path": path,
                "cls": file_cls,
                "anchor": f"file-{fi}",
                "counts": _counts(findings),
                "total": len(findings),
                "missing": doc is None,
                "sections": sections,
                "articles": [s for s in sections if s["is_article"]],
                "has_articles": bool(articles),
            }
        )

    counts = _counts(result.findings)
    return _template().render(
        counts=counts,
        n_documents=len(result.documents),
        n_findings=len(result.findings),
        errors=[e.message for e in result.errors],
        rules=rules,
        files=files,
        article_filters=article_filters,
        several_files=len(files) > 1,
        # errors and warnings first; a run of infos only shows them at once
        main_view=bool(counts["error"] or counts["warning"]),
        severities=_SEVERITIES,
    )


def _finding(f, doc, documents, rule_class, file_cls: str, art_cls: str) -> dict:
    related = []
    for r in f.related:
        where = f"{r.path}:{r.start.line}:{r.start.column}" if r.path != f.path else f"line {r.start.line}"
        related.append({"where": where, "message": r.message, "ctx": _context(documents.get(r.path), r.start, r.end)})
    fix = None
    if f.fix is not None:
        fix = {
            "applicability": str(f.fix.applicability),
            "description": f.fix.description,
            "edits": [e.replacement for e in f.fix.edits],
        }
    return {
        "severity": str(f.severity),
        "classes": " ".join(c for c in (str(f.severity), rule_class[f.rule], file_cls, art_cls) if c),
        "rule": f.rule,
        "rule_cls": rule_class[f.rule],
        "message": f.message,
        "line": f.start.line,
        "column": f.start.column,
        "ctx": _context(doc, f.start, f.end),
        "related": related,
        "fix": fix,
    }
