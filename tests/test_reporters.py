"""The built-in reporters, rendered in process from hand-made findings."""

import json

import pytest

from lintkit import Document, Fix, Problem, Related, rule
from lintkit.engine import Engine, RunResult
from lintkit.findings import Edit, RunError, Severity
from lintkit.reporters import github, json_format, text


def _run(doc_text, problems, path="a.txt"):
    @rule("t.made")
    def made(doc, options):
        """Made."""
        yield from problems(doc)

    from dataclasses import replace

    doc = Document(doc_text, path)
    return Engine({"t.made": replace(made, plugin="t")}).run([doc])


def test_text_underline_under_wide_characters_and_astral():
    result = _run("𠀀中文 abc 问题\n", lambda d: [Problem(d.text.index("问题"), d.text.index("问题") + 2, "msg")])
    lines = text.render(result).splitlines()
    assert lines[0] == "a.txt"
    assert lines[1] == "a.txt:1:9: warning t.made msg"
    assert lines[2] == "  1 | 𠀀中文 abc 问题"
    # 𠀀 中 文 are wide (2 cells each), then " abc " is 5 cells
    assert lines[3] == "    | " + " " * 11 + "^^^^"


def test_text_related_and_fix_lines():
    def problems(d):
        yield Problem(
            0, 2, "twice", related=(Related(3, 5, "other"),), fix=Fix.replace(0, 3, "", description="remove it")
        )
        yield Problem(3, 5, "no description", fix=Fix((Edit(3, 5, "乙乙"),), "display"))

    lines = text.render(_run("甲甲\n乙乙\n", problems)).splitlines()
    assert "    = related: a.txt:2:1: other" in lines
    assert "    = fix (safe): remove it" in lines
    assert "    = fix (display): replace with '乙乙'" in lines


def test_text_multiline_span_underlines_to_end_of_line():
    result = _run("abc\ndef\n", lambda d: [Problem(1, 6, "spans lines")])
    lines = text.render(result).splitlines()
    assert lines[2:4] == ["  1 | abc", "    |  ^^"]


def test_text_empty_span_gets_one_caret():
    result = _run("abc\n", lambda d: [Problem(3, 3, "here")])
    assert text.render(result).splitlines()[3] == "    |    ^"


def test_text_long_line_is_windowed():
    line = "甲" * 100 + "错" + "乙" * 100
    result = _run(line + "\n", lambda d: [Problem(100, 101, "x")])
    shown = text.render(result).splitlines()
    assert shown[2].startswith("  1 | …") and shown[2].endswith("…")
    src, carets = shown[2], shown[3]
    from lintkit.reporters.text import display_width

    assert display_width(src[: src.index("错")]) == display_width(carets[: carets.index("^")])
    assert carets.count("^") == 2
    assert len(src) < 80  # a window, not the 201-character line


def test_text_summary_and_color():
    result = _run("ab\n", lambda d: [Problem(0, 1, "m")])
    plain = text.render(result)
    assert plain.splitlines()[-1] == "0 errors, 1 warning, 0 info in 1 of 1 file"
    colored = text.render(result, color=True)
    assert "\x1b[33mwarning\x1b[0m" in colored and "\x1b[" not in plain


def test_text_no_findings():
    assert text.render(RunResult(documents=[Document("a"), Document("b")])) == "No findings in 2 files.\n"


def test_text_errors_listed():
    result = RunResult(errors=[RunError("input", "x.txt: cannot decode: nope", path="x.txt")])
    out = text.render(result).splitlines()
    assert out[0] == "error: x.txt: cannot decode: nope"
    assert out[-1] == "0 errors, 0 warnings, 0 info in 0 of 0 files; 1 error stopped part of the run"


def test_json_as_dict_related_and_fix_positions():
    def problems(d):
        yield Problem(2, 4, "m", related=(Related(0, 1, "r"),), fix=Fix.replace(2, 4, "丙"))

    data = json.loads(json_format.render(_run("甲𠀀\n乙乙\n", problems)))
    (f,) = data["findings"]
    assert (f["line"], f["column"], f["end_line"], f["end_column"]) == (1, 3, 2, 2)
    assert f["related"] == [{"path": "a.txt", "line": 1, "column": 1, "message": "r"}]
    assert f["fix"] == {
        "applicability": "safe",
        "description": "",
        "edits": [{"line": 1, "column": 3, "end_line": 2, "end_column": 2, "replacement": "丙"}],
    }


def test_json_keeps_unicode_readable():
    out = json_format.render(_run("问题\n", lambda d: [Problem(0, 2, "“问题”")]))
    assert "“问题”" in out


def test_json_error_has_every_key():
    data = json_format.as_dict(RunResult(errors=[RunError("plugin", "p failed", plugin="p")]))
    assert data["errors"] == [{"kind": "plugin", "message": "p failed", "path": None, "rule": None, "plugin": "p"}]


def test_github_escaping():
    result = _run("a\n", lambda d: [Problem(0, 1, "50% done\nnext line")], path="dir,x:y.txt")
    (line,) = github.render(result).splitlines()
    assert line == (
        "::warning file=dir%2Cx%3Ay.txt,line=1,col=1,endLine=1,endColumn=2,title=t.made::50%25 done%0Anext line"
    )


def test_github_info_is_notice():
    from lintkit.findings import Severity

    result = _run("a\n", lambda d: [Problem(0, 1, "m", severity=Severity.INFO)])
    assert github.render(result).startswith("::notice ")
    assert github.render(RunResult()) == ""


def test_sarif_levels_rules_related_fixes_and_errors():
    from lintkit.reporters import sarif

    def problems(d):
        yield Problem(
            3, 5, "twice", related=(Related(0, 2, "first"),), fix=Fix.replace(2, 5, "", description="remove it")
        )

    result = _run("𠀀甲\n甲甲\n", problems)
    result.errors.append(RunError("input", "b.txt: cannot decode", path="b.txt"))
    data = json.loads(sarif.render(result))
    assert data["version"] == "2.1.0"
    (run,) = data["runs"]
    assert run["columnKind"] == "unicodeCodePoints"
    assert [r["id"] for r in run["tool"]["driver"]["rules"]] == ["t.made"]
    assert run["tool"]["driver"]["rules"][0]["fullDescription"]["text"] == "Made."
    (res,) = run["results"]
    assert res["ruleId"] == "t.made" and res["ruleIndex"] == 0 and res["level"] == "warning"
    region = res["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"], region["endLine"], region["endColumn"]) == (2, 1, 2, 3)
    rel = res["relatedLocations"][0]
    assert rel["message"]["text"] == "first"
    assert rel["physicalLocation"]["region"]["startColumn"] == 1
    (change,) = res["fixes"][0]["artifactChanges"]
    deleted = change["replacements"][0]["deletedRegion"]
    assert (deleted["startLine"], deleted["startColumn"], deleted["endLine"], deleted["endColumn"]) == (1, 3, 2, 3)
    inv = run["invocations"][0]
    assert inv["executionSuccessful"] is False
    assert inv["toolExecutionNotifications"][0]["message"]["text"] == "b.txt: cannot decode"


def test_sarif_info_is_a_note():
    from lintkit.findings import Severity
    from lintkit.reporters import sarif

    result = _run("甲\n", lambda d: [Problem(0, 1, "x", severity=Severity.INFO)])
    assert json.loads(sarif.render(result))["runs"][0]["results"][0]["level"] == "note"


def test_html_report_marks_spans_escapes_text_and_lists_related():
    from lintkit.reporters import html_report

    def problems(d):
        i = d.text.index("<b>")
        yield Problem(
            i,
            i + 3,
            "tag & text",
            related=(Related(0, 2, "first place"),),
            fix=Fix.replace(i, i + 3, "", description="remove <b>"),
        )

    page = html_report.render(_run("甲乙 text <b> 丙丁\n", problems))
    assert page.startswith("<!DOCTYPE html>")
    assert "<mark>&lt;b&gt;</mark>" in page
    assert "tag &amp; text" in page and "<b>" not in page.replace("<mark>", "")
    assert "first place" in page and "<mark>甲乙</mark>" in page
    assert "Suggested fix (safe): remove &lt;b&gt;" in page
    assert "0 errors" in page and "1 warning<" in page and "1 file checked" in page


def test_control_characters_never_reach_the_terminal():
    from lintkit.model.document import Document
    from lintkit.engine import RunResult
    from lintkit.findings import Finding, Severity
    from lintkit.model.position import Position
    from lintkit.reporters.text import render

    doc = Document("bad \x1b[2J text\n", "a\nb.txt")
    f = Finding(
        path="a\nb.txt",
        start=Position(1, 5, 4),
        end=Position(1, 9, 8),
        rule="t.r",
        severity=Severity.WARNING,
        message="saw \x1b[31m",
        related=(),
        fix=None,
    )
    out = render(RunResult(findings=[f], documents=[doc]))
    assert "\x1b" not in out and "\\x1b" in out and "a\\x0ab.txt:1:5" in out


def test_sarif_uris_are_percent_encoded_and_rooted():
    import json as _json

    from lintkit.model.document import Document
    from lintkit.engine import RunResult
    from lintkit.findings import Finding, Severity
    from lintkit.model.position import Position
    from lintkit.reporters.sarif import render as sarif

    doc = Document("正文\n", "稿件 #1.txt")
    f = Finding(
        path="稿件 #1.txt",
        start=Position(1, 1, 0),
        end=Position(1, 3, 2),
        rule="t.r",
        severity=Severity.WARNING,
        message="m",
    )
    run = _json.loads(sarif(RunResult(findings=[f], documents=[doc])))["runs"][0]
    loc = run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert loc == {"uri": "%E7%A8%BF%E4%BB%B6%20%231.txt", "uriBaseId": "%SRCROOT%"}
    root = run["originalUriBaseIds"]["%SRCROOT%"]["uri"]
    assert root.startswith("file:///") and root.endswith("/")


def test_github_annotations_are_capped_and_the_rest_summarised():
    from lintkit.engine import RunResult
    from lintkit.findings import Finding, Severity
    from lintkit.model.position import Position
    from lintkit.reporters.github import render as github

    findings = [
        Finding(
            path="a.txt",
            start=Position(i, 1, 0),
            end=Position(i, 2, 1),
            rule="t.r",
            severity=Severity.WARNING,
            message=f"m{i}",
        )
        for i in range(1, 14)
    ]
    out = github(RunResult(findings=findings)).splitlines()
    assert sum(line.startswith("::warning ") for line in out) == 10
    assert "a.txt:13:1: warning t.r m13" in out
    assert out[-1].startswith("::notice::3 more findings")


# -- rdjson (reviewdog) -----------------------------------------------------------------------


def test_rdjson_counts_columns_in_utf8_bytes_and_ends_exclusive():
    from lintkit.reporters import rdjson

    result = _run(
        "标题\n中文ab错字cd\n",
        lambda doc: [
            Problem(doc.text.index("错字"), doc.text.index("错字") + 2, "typo", related=(Related(0, 2, "the title"),))
        ],
    )
    (d,) = json.loads(rdjson.render(result))["diagnostics"]
    # 中文ab is 3+3+1+1 bytes: the slip starts at byte column 9 and ends (exclusive) at 15
    assert d["location"]["range"] == {"start": {"line": 2, "column": 9}, "end": {"line": 2, "column": 15}}
    assert d["severity"] == "WARNING" and d["code"] == {"value": "t.made"}
    assert "a.txt:1:1 the title" in d["message"]


def test_rdjson_offers_safe_fixes_as_suggestions_and_not_display_ones():
    from lintkit.findings import Applicability
    from lintkit.reporters import rdjson

    def problems(doc):
        yield Problem(0, 2, "safe", fix=Fix.replace(0, 2, "标准"))
        yield Problem(3, 5, "display", fix=Fix.replace(3, 5, "中国", applicability=Applicability.DISPLAY))

    out = json.loads(rdjson.render(_run("标题\n中文\n", problems)))
    safe, display = out["diagnostics"]
    assert safe["suggestions"] == [
        {"range": {"start": {"line": 1, "column": 1}, "end": {"line": 1, "column": 7}}, "text": "标准"}
    ]
    assert "suggestions" not in display
    assert out["severity"] == "WARNING" and out["source"] == {"name": "lintkit"}


def test_html_report_has_contents_by_file_and_article_with_anchors_that_exist():
    import re
    from html import escape

    from lintkit.reporters import html_report

    import pathlib

    # an issue of two articles (the bundled example magazine)
    text = (pathlib.Path(__file__).resolve().parent.parent / "examples" / "magazine-issue.txt").read_text(
        encoding="utf-8"
    )
    doc = Document(text, "m.txt")
    first, second = doc.articles[0], doc.articles[1]

    def problems(doc):
        yield Problem(first.start + 2, first.start + 3, "one")
        yield Problem(second.start + 2, second.start + 3, "two", severity=Severity.INFO)

    page = html_report.render(_run(text, problems, path="m.txt"))
    hrefs = set(re.findall(r'href="#([^"]+)"', page))
    ids = set(re.findall(r'id="([^"]+)"', page))
    assert hrefs and hrefs <= ids  # every link of the contents lands somewhere
    contents = page.split("<main>")[0]
    assert escape(first.title) in contents and escape(second.title) in contents


def test_html_report_shows_warnings_first_and_filters_without_scripts():
    from lintkit.reporters import html_report

    def problems(doc):
        yield Problem(0, 1, "a warning")
        yield Problem(1, 2, "an info", severity=Severity.INFO)

    page = html_report.render(_run("甲乙丙\n", problems))
    assert "<script" not in page
    assert 'id="sev-main" checked' in page and "#sev-main:checked~main .finding.info{display:none}" in page
    assert 'for="sev-all"' in page and "1 info" in page


def test_html_report_gives_each_rule_s_documentation_once():
    from lintkit.reporters import html_report

    page = html_report.render(_run("甲乙丙丁\n", lambda doc: [Problem(k, k + 1, f"p{k}") for k in range(4)]))
    assert page.count('<pre class="doc">') == 1 and page.count('href="#about-r0"') == 5  # 4 findings + contents


def test_the_sarif_schema_check_rejects_what_the_schema_rejects():
    """The suite's SARIF validation (conftest) is no formality: an
    unencoded path, a missing field, an unknown level all fail."""
    import jsonschema

    from conftest import validate_sarif

    log = {
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": {"name": "lintkit"}},
                "results": [
                    {
                        "ruleId": "x.y",
                        "level": "warning",
                        "message": {"text": "m"},
                        "locations": [{"physicalLocation": {"artifactLocation": {"uri": "a.txt"}}}],
                    }
                ],
            }
        ],
    }
    validate_sarif(json.dumps(log))
    for broken in ("稿 件 #1.txt", "a b.txt"):
        bad = json.loads(json.dumps(log))
        bad["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] = broken
        with pytest.raises(jsonschema.ValidationError):
            validate_sarif(json.dumps(bad))
    bad = json.loads(json.dumps(log))
    bad["runs"][0]["results"][0]["level"] = "fatal"
    with pytest.raises(jsonschema.ValidationError):
        validate_sarif(json.dumps(bad))
