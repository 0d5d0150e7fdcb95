"""Markdown pipe tables are read cell by cell: each cell a block at its own
position, so a finding points into its cell and nothing runs across cells."""

import pathlib

from lintkit import Document
from lintkit.model.blocks import TABLE_CELL
from lintkit.testing import lint

TABLE = (
    "# 指标\n"
    "\n"
    "| 项目 | 说明 |\n"
    "|---|---|\n"
    "| 学习 | 以学促干，以学促干。 |\n"
    "| 以学促干 | 以学促干 |\n"
    "| `a|b` | x \\| y |\n"
)


def test_each_cell_is_a_block_at_its_own_place():
    doc = Document(TABLE, "t.md")
    cells = [b for b in doc.blocks if b.kind == TABLE_CELL]
    assert [b.text(doc.text) for b in cells] == [
        "项目",
        "说明",
        "学习",
        "以学促干，以学促干。",
        "以学促干",
        "以学促干",
        "`a|b`",
        "x \\| y",
    ]
    start = doc.position(cells[3].start)
    assert (start.line, start.column) == (5, 8)


def test_a_finding_points_into_its_cell_and_none_runs_across_cells():
    findings = lint(TABLE, "style.repeated-phrase", path="t.md")
    # the repetition inside one cell (line 5), not the same words in two cells (line 6)
    assert [(f.start.line, f.start.column) for f in findings] == [(5, 13)]


def test_plain_text_pipes_are_not_a_table():
    doc = Document(TABLE, "t.txt")
    assert not [b for b in doc.blocks if b.kind == TABLE_CELL]


PAPER = pathlib.Path(__file__).parent / "fixtures" / "numbers" / "html_table_paper.md"


def test_html_table_cells_in_markdown_are_read_and_cells_with_markup_left_out():
    doc = Document(PAPER.read_text(encoding="utf-8"), "paper.md")
    cells = [b.text(doc.text) for b in doc.blocks if b.kind == TABLE_CELL]
    assert "某山站（107.15E，29.02N）" in cells and "Mountain Station (1O7.15E, 29.02N)" in cells
    assert "<b>36.1</b> MB" not in cells  # markup inside: not prose, as all HTML
    assert not any("<" in c for c in cells)


def test_a_figure_in_an_english_table_cell_is_compared_with_the_chinese_table():
    findings = lint(PAPER.read_text(encoding="utf-8"), "numbers.zh-en-mismatch", path="paper.md")
    assert [(f.start.line, "letter O" in f.message) for f in findings] == [(13, True)]
