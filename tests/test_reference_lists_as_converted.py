"""Reference lists and markers as PDF converters write them (invented text, one test per class).

A list with one entry per line and no blank line between (one Markdown
paragraph), a number alone on its line, an entry broken over a page with a
running head in between, entries run together on one line; markers escaped
for Markdown, in LaTeX, or glued to a Latin word; GB/T 7714 entries in
author-year style, bilingual, or with a colon in the journal name.
"""

import pytest

from lintkit.analysis.citations import markers, reference_list
from lintkit.model.document import Document
from lintkit.testing import lint

REFS = "citations.reference-list"

BODY = "# 城市绿地研究\n\n摘要：本文研究城市绿地。\n\n关键词：绿地；城市\n\n已有研究[1]讨论了绿地[2]，并提出评价方法[3]。\n\n"


def _entries(text, path="p.md"):
    doc = Document(text, path)
    refs = reference_list(doc.articles[0])
    return [(e.number, " ".join(e.body(doc.text).split())) for e in refs.entries]


def test_one_entry_per_line_in_one_markdown_paragraph():
    text = BODY + (
        "# 参考文献\n\n"
        "[1] 王明. 城市绿地评价[J]. 园林学报, 2020, 12(3): 45-52.\n"
        "[2] 李华. 绿地与健康[J]. 环境研究, 2021, 8(2): 10-18.\n"
        "[3] 陈刚. 绿地规划[M]. 北京: 科学出版社, 2019.\n"
    )
    assert [n for n, _ in _entries(text)] == [1, 2, 3]
    assert lint(text, REFS, path="p.md") == []


def test_number_alone_on_its_line_and_a_doi_line_after_the_entry():
    text = BODY + (
        "参考文献\n[1] \n王明. 城市绿地评价[J]. 园林学报, 2020, 12(3): 45-52.\n"
        "https://doi.org/10.1000/abc\n[2] \n李华. 绿地与健康[J]. 环境研究, 2021,\n8(2): 10-18.\n"
        "[3] \n陈刚. 绿地规划[M]. 北京: 科学出版社, 2019.\n"
    )
    got = _entries(text, "p.txt")
    assert [n for n, _ in got] == [1, 2, 3]
    assert got[0][1].endswith("https://doi.org/10.1000/abc")
    assert got[1][1] == "李华. 绿地与健康[J]. 环境研究, 2021, 8(2): 10-18."
    assert lint(text, REFS, path="p.txt") == []


def test_a_running_head_between_two_entries_is_skipped():
    text = BODY + (
        "参考文献\n[1] 王明. 城市绿地评价[J]. 园林学报, 2020, 12(3): 45-52.\n"
        "<!-- Page 9 -->\n王明 等\n[2] 李华. 绿地与健康[J]. 环境研究, 2021, 8(2): 10-18.\n"
        "[3] 陈刚. 绿地规划[M]. 北京: 科学出版社, 2019.\n"
    )
    assert [n for n, _ in _entries(text, "p.txt")] == [1, 2, 3]


def test_entries_run_together_on_one_line():
    text = BODY + (
        "# 参考文献\n\n\\[1\\] 王明. 城市绿地评价\\[J\\]. 园林学报, 2020(3): 45-52. "
        "\\[2\\] 李华. 绿地与健康\\[J\\]. 环境研究, 2021(2): 10-18. "
        "\\[3\\] 陈刚. 绿地规划\\[M\\]. 北京: 科学出版社, 2019.\n"
    )
    assert [n for n, _ in _entries(text)] == [1, 2, 3]


def test_the_list_ends_at_an_appendix():
    text = BODY + (
        "参考文献\n[1] 王明. 城市绿地评价[J]. 园林学报, 2020, 12(3): 45-52.\n"
        "[2] 李华. 绿地与健康[J]. 环境研究, 2021, 8(2): 10-18.\n"
        "[3] 陈刚. 绿地规划[M]. 北京: 科学出版社, 2019.\n附录 A 调查问卷\n问卷共十题。\n"
    )
    got = _entries(text, "p.txt")
    assert got[-1] == (3, "陈刚. 绿地规划[M]. 北京: 科学出版社, 2019.")


@pytest.mark.parametrize(
    "body,numbers",
    [
        ("绿地面积增加\\[1\\]。", [[1]]),  # Markdown-escaped
        ("覆盖度达到 $8 3 \\% ^ { [ 1 6 ] }$ 。", [[16]]),  # LaTeX, digits spaced out
        ("年降水量 1434 mm[2]。", [[2]]),  # glued to a unit
        ("在 MNIST[4] 和 VGG-16[5] 上测试。", [[4], [5]]),  # glued to names
        ("范围见\\[4\\~6\\]。", [[4, 5, 6]]),  # escaped range
    ],
)
def test_markers_as_converters_write_them(body, numbers):
    doc = Document(body + "\n", "m.md")
    assert [list(m.numbers) for m in markers(doc, 0, len(doc.text))] == numbers


def test_an_index_in_code_is_not_a_marker():
    doc = Document("数组 a[1] 与 x[2]=3 都不是引用。\n", "m.txt")
    assert markers(doc, 0, len(doc.text)) == []


@pytest.mark.parametrize(
    "entry",
    [
        # author-year style for a foreign work: another citation style, not a malformed GB/T entry
        "Smith, J. and Lee, K. (2012) Faded Colours Restored. Journal of Imaging, 17, 278-293.",
        # bilingual entry: both halves well formed
        "王明. 城市绿地评价[J]. 园林学报, 2020, 12(3): 45-52. [WANG M. Evaluating urban green space[J]. "
        "Journal of Landscape, 2020, 12(3): 45-52.]",
        # a journal name with a colon
        "王明. 气候与粮价[J]. 中国科学: 地球科学, 2020, 50(1): 122-133.",
        # an online journal article with a DOI and no pages
        "王明. 通量数据集[J/OL]. 科学数据, 2021, 6(2). (2021-03-18). DOI: 10.11922/abc.2020.0044.",
        # an entry broken over two lines
        "王明. 城市绿地评价[J]. 园林学报, 2020,\n\n12(3): 45-52.",
    ],
)
def test_well_formed_entries_as_converted_are_not_reported(entry):
    text = "# 题目\n\n正文引用[1]。\n\n参考文献\n\n[1] " + entry + "\n"
    assert [f.message for f in lint(text, REFS, path="p.txt")] == []


def test_the_english_half_of_a_bilingual_entry_is_checked_too():
    text = (
        "# 题目\n\n正文引用[1]。\n\n参考文献\n\n[1] 王明. 城市绿地评价[J]. 园林学报, 2020, 12(3): 45-52. "
        "[WANG M. Evaluating urban green space[J]. Journal of Landscape, 2020, 12(3).]\n"
    )
    (f,) = lint(text, REFS, path="p.txt")
    assert "missing page range (English version)" in f.message
