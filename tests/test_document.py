"""The document model: positions, lines, analyses cache, sentences, language."""

import pytest

from lintkit.model.sentences import split_sentences
from lintkit.model.document import Document
from lintkit.model.language import EN, MIXED, NONE, ZH, language_of


def _lc(p):
    return (p.line, p.column)


# -- offsets and positions ---------------------------------------------------


def test_position_counts_characters_not_bytes_in_cjk():
    doc = Document("第一行\n中文abc文字\n")
    off = doc.text.index("abc")
    pos = doc.position(off)
    assert (pos.line, pos.column, pos.offset) == (2, 3, off)


def test_astral_character_counts_as_one_column():
    # 𠀀 (U+20000) is one code point: two UTF-16 units, four UTF-8 bytes.
    doc = Document("𠀀𠀀x\n")
    assert doc.position(doc.text.index("x")).column == 3
    doc2 = Document("a\n𠀀b𠀀c")
    assert doc2.position(doc2.text.index("c")).column == 4
    assert doc2.position(doc2.text.index("c")).line == 2


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_line_endings(newline):
    text = newline.join(["甲乙丙", "abc", "", "末行"])
    doc = Document(text)
    assert doc.line_count == 4
    assert [doc.line_text(i) for i in range(1, 5)] == ["甲乙丙", "abc", "", "末行"]
    off = text.index("末")
    assert _lc(doc.position(off)) == (4, 1)
    assert _lc(doc.position(text.index("c"))) == (2, 3)


def test_crlf_is_one_line_break_not_two():
    doc = Document("a\r\nb\r\nc")
    assert doc.line_count == 3
    assert doc.line_starts == [0, 3, 6]


def test_offset_is_inverse_of_position():
    text = "标题\r\n第𠀀二行 text\n\n第四行\rlast"
    doc = Document(text)
    for off in range(len(text) + 1):
        p = doc.position(off)
        assert doc.offset(p.line, p.column) == off, off


def test_position_at_end_of_text_and_clamping():
    doc = Document("ab\ncd")
    assert _lc(doc.position(5)) == (2, 3)
    assert _lc(doc.position(99)) == (2, 3)
    assert _lc(doc.position(-4)) == (1, 1)


def test_position_of_newline_itself_is_on_its_line():
    doc = Document("ab\ncd")
    assert _lc(doc.position(2)) == (1, 3)
    assert _lc(doc.position(3)) == (2, 1)


def test_line_text_strips_line_break_only():
    doc = Document("  indented \r\nnext")
    assert doc.line_text(1) == "  indented "
    assert doc.line_text(2) == "next"


def test_markdown_flag_from_suffix():
    assert Document("x", "a.md").markdown
    assert Document("x", "A.MARKDOWN").markdown
    assert not Document("x", "a.txt").markdown
    assert Document("x", "a.txt", markdown=True).markdown


# -- analyses cache -----------------------------------------------------------


def test_analysis_is_computed_once_per_document():
    calls = []

    def count(doc):
        calls.append(doc)
        return len(doc.text)

    d1, d2 = Document("abc"), Document("abcd")
    assert d1.analysis(count) == 3
    assert d1.analysis(count) == 3
    assert d2.analysis(count) == 4
    assert len(calls) == 2


def test_block_at():
    doc = Document("第一段文字。\n\nSecond paragraph here.\n")
    second = doc.text.index("Second")
    assert doc.block_at(second + 3) == 1
    assert doc.block_at(0) == 0
    assert doc.block_at(doc.text.index("\n\n") + 1) is None


# -- language ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, lang",
    [
        ("科技创新推动产业升级。", ZH),
        ("Science and technology drive industrial upgrading.", EN),
        ("人工智能 Artificial Intelligence Conference 大会", MIXED),
        ("我们使用了 GPU 集群进行训练。", ZH),  # one Latin word among Chinese
        ("2026 — 3.5%", NONE),
        ("", NONE),
    ],
)
def test_language_of(text, lang):
    assert language_of(text) == lang


def test_blocks_are_tagged_with_language():
    doc = Document(
        "中文段落，讲科技。\n\nAn English paragraph about science.\n\n科技前沿 Science and Technology Frontier\n"
    )
    assert [b.lang for b in doc.blocks] == [ZH, EN, MIXED]


# -- sentences ----------------------------------------------------------------------


def _sents(text, lang):
    return [text[s:e] for s, e in split_sentences(text, 0, len(text), lang)]


def test_chinese_sentences():
    text = "第一句。第二句！“第三句？”第四句没有句号"
    assert _sents(text, ZH) == ["第一句。", "第二句！", "“第三句？”", "第四句没有句号"]


def test_chinese_semicolon_does_not_split():
    assert _sents("一是创新；二是开放。", ZH) == ["一是创新；二是开放。"]


def test_english_sentences_and_abbreviations():
    text = "Dr. Zhang met Mr. Li in Beijing. They talked about AI, e.g. large models. It went well!"
    assert _sents(text, EN) == [
        "Dr. Zhang met Mr. Li in Beijing.",
        "They talked about AI, e.g. large models.",
        "It went well!",
    ]


def test_english_initials_do_not_split():
    text = "The paper by J. Smith was cited. Another followed."
    assert _sents(text, EN) == ["The paper by J. Smith was cited.", "Another followed."]


def test_english_decimal_does_not_split():
    text = "Growth reached 3.5 percent in 2025. Exports rose."
    assert _sents(text, EN) == ["Growth reached 3.5 percent in 2025.", "Exports rose."]


def test_document_sentences_carry_block_and_language():
    doc = Document("第一句。第二句。\n\nFirst one. Second one.\n")
    sents = doc.sentences
    assert [(s.text(doc.text), s.lang, s.block) for s in sents] == [
        ("第一句。", ZH, 0),
        ("第二句。", ZH, 0),
        ("First one.", EN, 1),
        ("Second one.", EN, 1),
    ]
    assert doc.sentences is sents  # cached


# -- tokens: lazy jieba ---------------------------------------------------------------


def test_no_jieba_until_tokens_are_asked_for():
    import subprocess
    import sys

    code = (
        "import sys, lintkit\n"
        "from lintkit.model.document import Document\n"
        "d = Document('标题\\n\\n文 / 王五\\n\\n正文。 Some English.\\n')\n"
        "d.blocks, d.sentences, d.articles\n"
        "assert 'jieba' not in sys.modules, 'jieba imported too early'\n"
        "assert 'markdown_it' not in sys.modules, 'markdown-it imported for plain text'\n"
        "print('ok')\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert proc.stdout.strip() == "ok", proc.stderr


def test_tokens_offsets_and_cache():
    doc = Document("人工智能产业快速发展。\n\nEnglish only here.\n\n我们使用 GPU。\n")
    toks = doc.tokens
    assert doc.tokens is toks
    assert all(doc.text[t.start : t.end] == t.text for t in toks)
    assert "English" not in {t.text for t in toks}  # English blocks are not segmented
    assert "发展" in {t.text for t in toks}


def test_tokens_and_pos_tags_are_offered_to_every_document():
    """The model cannot import the tokens analysis; it offers itself, when
    lintkit is imported — which importing any module of the model does."""
    import subprocess
    import sys

    code = (
        "from lintkit.model.document import Document\n"
        "d = Document('人工智能产业快速发展。\\n')\n"
        "print(d.tokens[0].text, d.pos_tags(0)[0].pos)\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert proc.stdout.split() == ["人工智能", "n"], proc.stderr
