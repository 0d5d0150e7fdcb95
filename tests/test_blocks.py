"""Blocks of plain text and Markdown: paragraphs, headings, list items."""

import pytest

from lintkit.model.blocks import HEADING, LIST_ITEM, PARAGRAPH
from lintkit.model.document import Document


def _blocks(text, path="a.txt"):
    doc = Document(text, path)
    return [(b.kind, b.text(doc.text), b.level) for b in doc.blocks]


def _lc(p):
    return (p.line, p.column)


# -- plain text -------------------------------------------------------------------


def test_plain_text_one_block_per_line():
    text = "第一段，讲创新。\n第二段，讲开放。\n\n第三段。\n"
    assert [t for _, t, _ in _blocks(text)] == ["第一段，讲创新。", "第二段，讲开放。", "第三段。"]


def test_plain_text_hard_wrapped_english_is_joined():
    text = (
        "The association held its annual meeting in Beijing on January 10 to review\n"
        "the work of the past year and plan the tasks ahead.\n"
        "\n"
        "下一段。\n"
    )
    blocks = _blocks(text)
    assert len(blocks) == 2
    kind, joined, _ = blocks[0]
    assert kind == PARAGRAPH
    assert joined.startswith("The association") and joined.endswith("tasks ahead.")


def test_plain_text_english_sentence_end_is_not_joined():
    text = (
        "The association held its annual meeting in Beijing on January 10 this year.\n"
        "then a line that starts in lower case but follows a full stop.\n"
    )
    assert len(_blocks(text)) == 2


def test_plain_text_short_english_lines_are_not_joined():
    # Short lines are titles or names, not a hard-wrapped paragraph.
    assert len(_blocks("Editorial Committee\nvice chair\n")) == 2


def test_plain_text_chinese_lines_are_not_joined():
    assert len(_blocks("这是一段很长的中文文字，没有句号结尾\n而这是下一段文字。\n")) == 2


def test_plain_text_headings_and_list_items():
    text = "# 总标题\n\n## 第二级\n\n- 第一项\n* 第二项\n1. 第三项\n+ 第四项\n正文段落。\n"
    assert _blocks(text) == [
        (HEADING, "总标题", 1),
        (HEADING, "第二级", 2),
        (LIST_ITEM, "第一项", 0),
        (LIST_ITEM, "第二项", 0),
        (LIST_ITEM, "第三项", 0),
        (LIST_ITEM, "第四项", 0),
        (PARAGRAPH, "正文段落。", 0),
    ]


def test_plain_text_block_offsets_exclude_markup_and_padding():
    text = "##  标题  \n\u3000\u3000首行缩进的段落。\n"
    doc = Document(text, "a.txt")
    h, p = doc.blocks
    assert text[h.start : h.end] == "标题"
    assert text[p.start : p.end] == "首行缩进的段落。"


def test_plain_text_blank_and_whitespace_lines_make_no_block():
    assert _blocks("\n \n\u3000\n\t\n") == []


def test_crlf_text_blocks_do_not_include_carriage_return():
    doc = Document("第一段。\r\n第二段。\r\n", "a.txt")
    assert [b.text(doc.text) for b in doc.blocks] == ["第一段。", "第二段。"]


# -- markdown -------------------------------------------------------------------------

MD = """# 标题

第一段第一行，
第一段第二行。

## Second heading

- 列表一
- 列表二

```
代码块里的文字不是正文。
```

    缩进代码块也不是。

> 引用的段落。

Setext 标题
===
"""


def test_markdown_blocks():
    blocks = _blocks(MD, "a.md")
    assert blocks == [
        (HEADING, "标题", 1),
        (PARAGRAPH, "第一段第一行，\n第一段第二行。", 0),
        (HEADING, "Second heading", 2),
        (LIST_ITEM, "列表一", 0),
        (LIST_ITEM, "列表二", 0),
        (PARAGRAPH, "引用的段落。", 0),
        (HEADING, "Setext 标题", 1),
    ]


def test_markdown_code_is_not_a_block():
    doc = Document(MD, "a.md")
    texts = " ".join(b.text(doc.text) for b in doc.blocks)
    assert "代码" not in texts and "缩进" not in texts


def test_same_text_as_txt_keeps_fences_as_prose():
    doc = Document("```\n代码块。\n```\n", "a.txt")
    assert any("代码块" in b.text(doc.text) for b in doc.blocks)


def test_markdown_block_offsets_point_into_original_text():
    doc = Document(MD, "a.md")
    for b in doc.blocks:
        assert doc.text[b.start : b.end] == b.text(doc.text)
        assert not doc.text[b.start].isspace()
    first_para = doc.blocks[1]
    assert _lc(doc.position(first_para.start)) == (3, 1)


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
@pytest.mark.parametrize("path", ["a.txt", "a.md"])
def test_blocks_with_every_line_ending(newline, path):
    lines = [
        "# 标题",
        "",
        "The association held its annual meeting in Beijing on January 10 to review",
        "the work of the past year and plan the tasks ahead.",
        "",
        "- 列表项",
        "",
        "下一段。",
        "",
    ]
    doc = Document(newline.join(lines), path)
    blocks = [(b.kind, b.lang, b.text(doc.text).replace(newline, " ")) for b in doc.blocks]
    assert blocks == [
        (HEADING, "zh", "标题"),
        (PARAGRAPH, "en", lines[2] + " " + lines[3]),
        (LIST_ITEM, "zh", "列表项"),
        (PARAGRAPH, "zh", "下一段。"),
    ]
    assert _lc(doc.position(doc.blocks[3].start)) == (8, 1)


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_markdown_front_matter_is_not_prose(newline):
    text = newline.join(["---", "title: 标题", "author: 王五", "---", "", "正文。", ""])
    assert _blocks(text, "a.md") == [(PARAGRAPH, "正文。", 0)]


def test_markdown_leading_thematic_break_is_not_front_matter():
    text = "---\n\n# 标题\n\n正文。\n\n---\n\n尾。\n"
    assert [t for _, t, _ in _blocks(text, "a.md")] == ["标题", "正文。", "尾。"]
    # a setext heading under a rule stays a heading (full-width colon: prose, not YAML)
    assert _blocks("---\n正文第一段：\n---\n", "a.md") == [(HEADING, "正文第一段：", 2)]
