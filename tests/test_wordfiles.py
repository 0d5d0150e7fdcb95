"""Word files: read as one paragraph per line, findings written back as comments."""

import subprocess
import sys

import docx

from lintkit.wordfiles import read_docx


def _draft(path):
    d = docx.Document()
    d.add_heading("示范区年会召开", level=1)
    p = d.add_paragraph("会长王建明表示，")
    p.add_run("要加强合作，加强合作。")
    d.add_paragraph("我们要以学促干，以学促干。")
    table = d.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "项目"
    table.cell(0, 1).text = "数量"
    d.add_paragraph("The the meeting ended.")
    d.save(path)


def test_a_word_file_is_read_one_paragraph_a_line(tmp_path):
    path = tmp_path / "draft.docx"
    _draft(path)
    word = read_docx(str(path))
    assert word.text.splitlines() == [
        "示范区年会召开",
        "会长王建明表示，要加强合作，加强合作。",
        "我们要以学促干，以学促干。",
        "项目",
        "数量",
        "The the meeting ended.",
    ]


def _lintkit(*args, cwd):
    return subprocess.run([sys.executable, "-m", "lintkit", *args], cwd=cwd, capture_output=True, text=True)


def test_check_a_word_file_and_annotate_a_copy(tmp_path):
    path = tmp_path / "draft.docx"
    _draft(path)
    before = path.read_bytes()
    p = _lintkit(
        "check",
        "draft.docx",
        "--select",
        "style.repeated-phrase",
        "--format",
        "json",
        "--annotate",
        "reviewed.docx",
        cwd=tmp_path,
    )
    assert p.returncode == 1, p.stderr
    import json

    found = [(f["path"], f["line"], f["column"]) for f in json.loads(p.stdout)["findings"]]
    # paragraph 2 mixes two runs; 3 is one run; 6 is English, after a table's two cells
    assert found == [("draft.docx", 2, 15), ("draft.docx", 3, 9), ("draft.docx", 6, 5)]
    assert path.read_bytes() == before  # the original is untouched
    reviewed = docx.Document(str(tmp_path / "reviewed.docx"))
    comments = [c.text for c in reviewed.comments]
    assert len(comments) == 3 and all(c.startswith("style.repeated-phrase: ") for c in comments)
    assert any("以学促干" in c for c in comments)
    # each comment is anchored on the paragraph it speaks of, and the first
    # paragraph's first run (会长王建明表示，) carries none
    paragraphs = reviewed.paragraphs
    assert "commentRangeStart" in paragraphs[2]._p.xml and "commentRangeStart" in paragraphs[3]._p.xml
    assert "commentRangeStart" not in paragraphs[0]._p.xml
    first_run = paragraphs[1].runs[0]._r
    assert first_run.getprevious() is None or "commentRangeStart" not in first_run.getprevious().tag


def test_fix_leaves_a_word_file_alone(tmp_path):
    path = tmp_path / "draft.docx"
    _draft(path)
    before = path.read_bytes()
    p = _lintkit("check", "draft.docx", "--fix", cwd=tmp_path)
    assert p.returncode == 2 and "--fix does not rewrite Word files" in p.stderr + p.stdout
    assert path.read_bytes() == before


def test_a_damaged_word_file_is_an_input_error_and_others_still_run(tmp_path):
    (tmp_path / "broken.docx").write_bytes(b"PK\x03\x04 not really a zip")
    (tmp_path / "a.txt").write_text("我们要以学促干，以学促干。\n", encoding="utf-8")
    p = _lintkit("check", ".", "--select", "style", cwd=tmp_path)
    assert p.returncode == 2
    assert "broken.docx: not a readable Word document" in p.stdout + p.stderr
    assert "a.txt:1:" in p.stdout


# -- HTML pages --------------------------------------------------------------------------------

_PAGE = """<!DOCTYPE html>
<html><head><title>河道治理报道</title>
<style>/* 以赛促产,以赛促产 */</style><script>var s = "以赛促产,以赛促产。";</script></head>
<body><h1>一条河的归来</h1>
<p>记者从市水务局获悉，<b>以赛促产</b>,以赛促产。治理工程&nbsp;全面&amp;完工。</p><p>第二段落。</p>
</body></html>
"""


def test_an_html_page_is_read_as_the_prose_a_reader_sees():
    from lintkit.htmlfiles import html_text

    assert (
        html_text(_PAGE)
        == "河道治理报道\n一条河的归来\n记者从市水务局获悉，以赛促产,以赛促产。治理工程 全面&完工。\n第二段落。\n"
    )


def test_scripts_and_styles_of_an_html_page_are_not_linted_and_it_is_never_rewritten(tmp_path, monkeypatch):
    import json

    from lintkit.cli import main

    monkeypatch.chdir(tmp_path)
    (tmp_path / "page.html").write_text(_PAGE, encoding="utf-8")
    import io
    import contextlib

    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        main(["check", "--select", "style.repeated-phrase", "--format", "json", "page.html"])
    findings = json.loads(buf.getvalue())["findings"]
    assert [(f["line"], f["column"]) for f in findings] == [(3, 16)]  # the paragraph, not the script
    with contextlib.redirect_stdout(io.StringIO()):
        assert main(["check", "--select", "style.repeated-phrase", "--fix", "page.html"]) == 2
    assert (tmp_path / "page.html").read_text(encoding="utf-8") == _PAGE
