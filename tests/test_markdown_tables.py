"""Markdown pipe tables are read cell by cell: each cell a block at its own
position, so a finding points into its cell and nothing runs across cells."""

from lintkit import Document
from lintkit.blocks import TABLE_CELL
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
    assert [b.text(doc.text) for b in cells] == ["项目", "说明", "学习", "以学促干，以学促干。", "以学促干",
                                               "以学促干", "`a|b`", "x \\| y"]
    start = doc.position(cells[3].start)
    assert (start.line, start.column) == (5, 8)


def test_a_finding_points_into_its_cell_and_none_runs_across_cells():
    findings = lint(TABLE, "style.repeated-phrase", path="t.md")
    # the repetition inside one cell (line 5), not the same words in two cells (line 6)
    assert [(f.start.line, f.start.column) for f in findings] == [(5, 13)]


def test_plain_text_pipes_are_not_a_table():
    doc = Document(TABLE, "t.txt")
    assert not [b for b in doc.blocks if b.kind == TABLE_CELL]
