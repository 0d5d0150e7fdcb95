"""The HTML report (``--format html``): its summary table, its script-free
filters, the outline of each file's articles, its print styles, escaping —
and, when a Chromium is installed, the filters at work in a real browser."""

from __future__ import annotations

import json
import pathlib
import re
import shutil
import subprocess
from collections import Counter
from html import escape, unescape
from html.parser import HTMLParser

import pytest

from lintkit import Document, Fix, Problem, Related, rule
from lintkit.engine import Engine, RunResult
from lintkit.findings import Finding, Severity
from lintkit.model.position import Position
from lintkit.reporters import html_report
from lintkit.testing import run_cli

_MAGAZINE = (pathlib.Path(__file__).resolve().parent.parent / "examples" / "magazine-issue.txt").read_text(
    encoding="utf-8"
)

# an issue of two articles (plus a contents page outside them), a Markdown
# note, and a file whose name wants escaping; three severities
_CONFIG = "select: [style, citations, names]\nseverity:\n  style: error\n  citations: info\n"
_ODD = "x<script>&y.txt"
_FILES = {
    "rules.yaml": _CONFIG,
    "issue.txt": _MAGAZINE,
    "b.md": "This is the the test.\n\n以学促干，以学促干。\n",
    _ODD: "This is the the test.\n",
}
_SEVERITIES = ("error", "warning", "info")


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    """The page and, from the same run, the JSON findings to check it against."""
    root = tmp_path_factory.mktemp("project")
    page = run_cli(_FILES, "check", ".", "--format", "html", root=root)
    assert page.exit_code == 1, page.stdout
    data = run_cli(_FILES, "check", ".", "--format", "json", root=root)
    return page.stdout, data.json["findings"]


def _classes_of(page: str) -> dict[str, str]:
    """rule id / file path / article title -> the class the page gives it."""
    out = {}
    for kind, pattern in (
        ("rule", r'<label class="rule" for="rule-(r\d+)">([^<]*)</label>'),
        ("file", r'<label for="file-(f\d+)">([^<]*)</label>'),
        ("art", r'<label for="art-(a\d+)">([^<]*?)(?: <small>|</label>)'),
    ):
        for cls, name in re.findall(pattern, page.split('<div class="filters">')[1].split("</div>\n<main>")[0]):
            out[(kind, unescape(name))] = cls
    return out


def _findings_of(page: str) -> list[list[str]]:
    return [c.split() for c in re.findall(r'<div class="finding ([^"]+)">', page)]


class _Balance(HTMLParser):
    """Every element closed in order (void elements excepted), no script."""

    VOID = frozenset({"meta", "input", "br", "hr", "img", "link", "wbr"})

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.problems = [], []

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "iframe", "object", "embed", "link", "img"):
            self.problems.append(f"<{tag}>")
        for name, _value in attrs:
            if name.startswith("on") or name in ("src", "srcset"):
                self.problems.append(f"{tag}[{name}]")
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.problems.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
        else:
            self.stack.pop()


def _check_well_formed(page: str) -> None:
    parser = _Balance()
    parser.feed(page)
    parser.close()
    assert parser.problems == [] and parser.stack == []


# -- structure ---------------------------------------------------------------------------------


def test_the_report_is_one_self_contained_page_without_scripts(report):
    page, _ = report
    assert page.startswith("<!DOCTYPE html>\n<html lang=")
    _check_well_formed(page)
    assert "<script" not in page.lower() and "@import" not in page and "url(" not in page
    assert not re.search(r'(?:src|href)="(?!#)', page)  # every link stays in the page
    ids = re.findall(r'\bid="([^"]+)"', page)
    assert len(ids) == len(set(ids))
    assert set(re.findall(r'href="#([^"]+)"', page)) <= set(ids)
    assert set(re.findall(r'<label[^>]* for="([^"]+)"', page)) <= set(ids)


def test_the_summary_table_counts_each_rule_by_severity_and_each_count_is_a_filter(report):
    page, findings = report
    classes = _classes_of(page)
    expected = Counter((f["rule"], f["severity"]) for f in findings)
    table = page.split('<table class="by-rule">')[1].split("</table>")[0]
    for rule_id in {f["rule"] for f in findings}:
        cls = classes[("rule", rule_id)]
        row = re.search(rf'<tr id="count-{cls}">(.*?)</tr>', table).group(1)
        assert f'href="#about-{cls}">{rule_id}</a>' in row
        for sev in _SEVERITIES:
            n = expected[(rule_id, sev)]
            cell = re.search(rf'<label for="sev-{cls}-{sev}"[^>]*>(\d+)</label>', row)
            assert (int(cell.group(1)) if cell else 0) == n, (rule_id, sev)
            if n:  # the count filters: its radio exists, and the CSS that reads it
                assert f'id="sev-{cls}-{sev}"' in page
                assert f"#sev-{cls}-{sev}:checked~main .finding:not(.{cls}.{sev}){{display:none}}" in page
        total = sum(expected[(rule_id, s)] for s in _SEVERITIES)
        assert f'<label for="rule-{cls}" title="show every finding of {rule_id}">{total}</label>' in row
    totals = Counter(f["severity"] for f in findings)
    assert (totals["error"], totals["warning"], totals["info"]) == (6, 3, 4)
    foot = table.split("<tfoot>")[1]
    assert '<label for="sev-error">6</label>' in foot and '<label for="sev-info">4</label>' in foot
    assert '<label for="sev-all">13</label>' in foot
    assert "<span>6 errors</span><span>3 warnings</span><span>4 info</span>" in page


def test_a_filter_for_each_severity_rule_file_and_article_and_each_finding_carries_its_classes(report):
    page, findings = report
    classes = _classes_of(page)
    # one radio group per dimension; errors and warnings shown by default
    assert 'name="sev" id="sev-main" checked' in page
    for group in ("rule", "file", "art"):
        assert f'name="{group}" id="{group}-all" checked' in page
    for sev in ("error", "warning", "info"):
        assert f'name="sev" id="sev-{sev}"' in page
    assert "#sev-main:checked~main .finding.info{display:none}" in page
    # the radios come before <main>, so that `~ main` reaches the findings
    assert page.index('id="art-all"') < page.index("<main>")

    rule_ids = {f["rule"] for f in findings}
    paths = {f["path"] for f in findings}
    titles = {a.title for a in Document(_MAGAZINE, "issue.txt").articles}
    assert {k for k in classes if k[0] == "rule"} == {("rule", r) for r in rule_ids}
    assert {k for k in classes if k[0] == "file"} == {("file", p) for p in paths}
    assert {k for k in classes if k[0] == "art"} == {("art", t) for t in titles}
    for (kind, name), cls in classes.items():
        assert f'name="{kind}" id="{kind}-{cls}"' in page, name
        assert f"#{kind}-{cls}:checked~main .finding:not(.{cls})" in page, name
    assert f"#file-{classes[('file', 'b.md')]}:checked~main .file:not(.{classes[('file', 'b.md')]})" in page

    shown = _findings_of(page)
    assert len(shown) == len(findings)
    # in page order: by file, within a file by article; each has its severity, rule, file (and article) class
    by_class = Counter(c for cs in shown for c in cs)
    for sev in _SEVERITIES:
        assert by_class[sev] == sum(f["severity"] == sev for f in findings)
    for r in rule_ids:
        assert by_class[classes[("rule", r)]] == sum(f["rule"] == r for f in findings)
    for p in paths:
        assert by_class[classes[("file", p)]] == sum(f["path"] == p for f in findings)
    first, second = Document(_MAGAZINE, "issue.txt").articles[:2]
    in_first = [f for f in findings if f["path"] == "issue.txt" and first.start <= _offset(f) < first.end]
    in_second = [f for f in findings if f["path"] == "issue.txt" and second.start <= _offset(f) < second.end]
    assert (len(in_first), len(in_second)) == (6, 3)
    assert by_class[classes[("art", first.title)]] == 6 and by_class[classes[("art", second.title)]] == 3
    for cs in shown:
        assert cs[0] in _SEVERITIES and re.fullmatch(r"r\d+", cs[1]) and re.fullmatch(r"f\d+", cs[2])
        assert len(cs) in (3, 4)
    # the contents line of the issue lies outside both articles: no article class
    outside = page.split('<section class="part outside">\n<h3>Outside the articles</h3>')[1].split("</section>")[0]
    assert _findings_of(outside) == [
        ["error", classes[("rule", "style.contents-mismatch")], classes[("file", "issue.txt")]]
    ]


def _offset(f) -> int:
    doc = Document(_MAGAZINE, "issue.txt")
    return doc.offset(f["line"], f["column"])


def test_the_page_prints_every_finding_without_the_filters(report):
    page, _ = report
    css = page.split("<style>")[1].split("</style>")[0]
    printed = css.split("@media print{")[1]
    assert "input.f,.filters,.only{display:none!important}" in printed
    assert "main .file,main .part,main .finding{display:block!important}" in printed
    assert "break-inside:avoid" in printed.split("\n.finding{")[1].split("}")[0]
    assert "details::details-content{content-visibility:visible" in printed


def test_a_reset_button_brings_back_the_default_view(report):
    page, _ = report
    assert '<form id="flt"></form>' in page and '<button type="reset" form="flt">' in page
    radios = re.findall(r'<input class="f" type="radio" ([^>]*)>', page)
    assert radios and all('form="flt"' in r for r in radios)


# -- the outline -------------------------------------------------------------------------------


def test_the_outline_lists_every_article_with_lines_and_counts_greying_those_without_findings(tmp_path):
    out = run_cli(
        {"rules.yaml": "select: [style.repeated-phrase]\n", "issue.txt": _MAGAZINE},
        "check",
        ".",
        "--format",
        "html",
        root=tmp_path,
    )
    page = out.stdout
    doc = Document(_MAGAZINE, "issue.txt")
    first, second = doc.articles[:2]
    contents = page.split('<table class="contents">')[1].split("</table>")[0]
    rows = re.findall(
        r'<tr class="sub( empty)?"><td><a href="#([^"]+)">([^<]*)</a></td>'
        r'<td class="lines">(\d+)–(\d+)</td>(.*?)</tr>',
        contents,
    )
    assert [(r[0], r[2]) for r in rows] == [("", escape(first.title)), (" empty", escape(second.title))]
    for (_empty, anchor, _title, lo, hi, _cells), art in zip(rows, (first, second)):
        assert (int(lo), int(hi)) == (doc.position(art.start).line, doc.position(art.end - 1).line)
        assert f'id="{anchor}"' in page.split("<main>")[1]  # the anchor lands in the report
    # the first article's two repeated phrases are warnings; the second has none, and no filter
    assert re.findall(r'<td class="n">(\d*)</td>', rows[0][5]) == ["", "2", ""]
    assert "only this article" not in rows[1][5]
    assert ".empty,.empty a{color:#999}" in page
    section = page.split(f'id="{rows[1][1]}">')[1].split("</section>")[0]
    assert "No findings in this article." in section and 'class="finding' not in section


def test_a_finding_whose_document_is_missing_is_still_reported():
    f = Finding(
        path="gone.txt",
        start=Position(3, 2, 10),
        end=Position(3, 4, 12),
        rule="t.r",
        severity=Severity.ERROR,
        message="m & n",
    )
    page = html_report.render(RunResult(findings=[f], documents=[]))
    _check_well_formed(page)
    assert "m &amp; n" in page and "line 3, column 2" in page and "not part of the run" in page
    assert '<div class="finding error r0 f0">' in page and 'class="ctx"' not in page


def test_a_run_without_findings_has_no_filters():
    page = html_report.render(RunResult(documents=[Document("甲\n", "a.txt")]))
    _check_well_formed(page)
    assert "<p>No findings.</p>" in page and 'type="radio"' not in page


def test_a_run_of_infos_only_shows_them_at_once():
    f = Finding(
        path="a.txt", start=Position(1, 1, 0), end=Position(1, 2, 1), rule="t.r", severity=Severity.INFO, message="m"
    )
    page = html_report.render(RunResult(findings=[f], documents=[Document("甲\n", "a.txt")]))
    assert 'id="sev-all" checked' in page and 'id="sev-main">' in page


# -- escaping ----------------------------------------------------------------------------------


def test_paths_messages_rule_docs_and_text_are_escaped():
    text = 'head <script>alert("t")</script> & tail\n'
    path = 'd<script>&"q".txt'

    @rule("t.esc")
    def esc(doc, options):
        """Flags <script> & friends."""
        i = doc.text.index("<script>")
        yield Problem(
            i,
            i + 8,
            'saw <script>alert("m")</script> & more',
            related=(Related(0, 4, "first <script> & co"),),
            fix=Fix.replace(i, i + 8, "", description="drop <script> & <b>"),
        )

    from dataclasses import replace

    result = Engine({"t.esc": replace(esc, plugin="t")}).run([Document(text, path)])
    page = html_report.render(result)
    _check_well_formed(page)
    assert "<script" not in page and "<b>" not in page
    p = "d&lt;script&gt;&amp;&#34;q&#34;.txt"
    assert page.count(p) == 3  # the contents, the file filter, the heading
    assert "saw &lt;script&gt;alert(&#34;m&#34;)&lt;/script&gt; &amp; more" in page
    assert "<mark>&lt;script&gt;</mark>alert(&#34;t&#34;)&lt;/script&gt; &amp; tail" in page
    assert "first &lt;script&gt; &amp; co" in page and "drop &lt;script&gt; &amp; &lt;b&gt;" in page
    assert '<pre class="doc">Flags &lt;script&gt; &amp; friends.</pre>' in page


def test_an_odd_file_name_from_a_real_run_is_escaped(report):
    page, _ = report
    assert "<script" not in page
    assert f"<h2>{escape(_ODD, quote=False)} <small>(1)</small></h2>" in page
    assert f'<label for="file-f2">{escape(_ODD, quote=False)}</label>' in page
    assert "<mark>the</mark>" in page


# -- in a real browser -------------------------------------------------------------------------

# filters to try: radios to check (after a form reset), and whether to reset again at the end
_SCENARIOS = {
    "default": [],
    "everything": ["sev-all"],
    "errors": ["sev-error"],
    "infos": ["sev-info"],
    "rule": ["sev-all", "rule:style.repeated-phrase"],
    "file": ["file:b.md"],
    "article": ["sev-all", "art:SECOND"],
    "article and errors": ["sev-error", "art:FIRST"],
    "cell": ["count:citations.unattributed-quote:info"],
    "reset": ["sev-info", "file:b.md", "RESET"],
}

_PROBE = """<pre id="result"></pre>
<script>
const scenarios = %s;
const out = {};
for (const [name, ids] of Object.entries(scenarios)) {
  document.getElementById("flt").reset();
  for (const id of ids) {
    if (id === "RESET") document.getElementById("flt").reset();
    else document.getElementById(id).checked = true;
  }
  const shown = (sel) => [...document.querySelectorAll(sel)]
    .map((el) => getComputedStyle(el).display !== "none" ? "1" : "0").join("");
  out[name] = {findings: shown("main .finding"), files: shown("main .file")};
}
document.getElementById("result").textContent = JSON.stringify(out);
</script>
</body>"""


def _chromium():
    return shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


def _expected(classes_of_findings, ids, files):
    """Which findings a set of checked radios leaves visible, worked out from
    their classes (the meaning the CSS must implement)."""
    sev, rule_, file_, art = "sev-main", None, None, None
    for id_ in ids:
        if id_ == "RESET":
            sev, rule_, file_, art = "sev-main", None, None, None
        elif id_.startswith("sev-"):
            sev = id_
        elif id_.startswith("rule-"):
            rule_ = id_[5:]
        elif id_.startswith("file-"):
            file_ = id_[5:]
        elif id_.startswith("art-"):
            art = id_[4:]

    def visible(cs):
        if sev == "sev-main" and "info" in cs:
            return False
        if sev in ("sev-error", "sev-warning", "sev-info") and sev[4:] not in cs:
            return False
        if sev.count("-") == 2 and not set(sev.split("-")[1:]) <= set(cs):
            return False
        return all(c is None or c in cs for c in (rule_, file_, art))

    findings = "".join("1" if visible(cs) else "0" for cs in classes_of_findings)
    art_file = None
    if art is not None:  # the file of the article
        art_file = next(cs[2] for cs in classes_of_findings if art in cs)
    shown_files = "".join("1" if (file_ in (None, f) and art_file in (None, f)) else "0" for f in files)
    return {"findings": findings, "files": shown_files}


def test_the_filters_work_in_a_real_browser(report, tmp_path):
    page, _ = report
    browser = _chromium()
    if not browser:
        pytest.skip("no Chromium installed (Debian: apt install chromium); the filters are checked structurally above")
    classes = _classes_of(page)
    first, second = Document(_MAGAZINE, "issue.txt").articles[:2]
    names = {"FIRST": first.title, "SECOND": second.title}

    def radio(id_):
        if id_.startswith(("rule:", "file:", "art:")):
            kind, name = id_.split(":", 1)
            return f"{kind}-{classes[(kind, names.get(name, name))]}"
        if id_.startswith("count:"):
            _, rule_id, sev = id_.split(":")
            return f"sev-{classes[('rule', rule_id)]}-{sev}"
        return id_

    scenarios = {name: [radio(i) for i in ids] for name, ids in _SCENARIOS.items()}
    (tmp_path / "report.html").write_text(page, encoding="utf-8")
    probed = page.replace("</body>", _PROBE % json.dumps(scenarios), 1)
    (tmp_path / "probe.html").write_text(probed, encoding="utf-8")
    run = subprocess.run(
        [
            browser,
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            f"--user-data-dir={tmp_path / 'profile'}",
            "--dump-dom",
            (tmp_path / "probe.html").as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=60,
        encoding="utf-8",
        check=False,
    )
    match = re.search(r'<pre id="result">(.*?)</pre>', run.stdout, re.DOTALL)
    assert match and match.group(1), run.stderr[-2000:]
    got = json.loads(unescape(match.group(1)))

    shown = _findings_of(page)
    files = re.findall(r'<section class="file (f\d+)"', page)
    for name, ids in scenarios.items():
        assert got[name] == _expected(shown, ids, files), name
    # and in plain numbers, so that a slip in _expected cannot hide one in the CSS
    n = {name: got[name]["findings"].count("1") for name in got}
    assert n["default"] == 9 and n["everything"] == 13 and n["errors"] == 6 and n["infos"] == 4
    assert n["rule"] == 5 and n["file"] == 2 and n["article"] == 3 and n["article and errors"] == 2
    assert n["cell"] == 2 and got["reset"] == got["default"]
    assert got["file"]["files"].count("1") == 1 and got["article"]["files"].count("1") == 1
