"""Article splitting and English counterparts: on our own fixture and on the seed magazine."""

import pathlib

import pytest

from lintkit.model.articles import BYLINE, CONTENTS, HEADLINE, SUMMARY
from lintkit.model.document import Document

FIXTURES = pathlib.Path(__file__).parent / "fixtures" / "core"


@pytest.fixture(scope="module")
def magazine():
    return Document.from_path(FIXTURES / "magazine.txt")


def _texts(doc, counterparts):
    return [doc.text[c.start : c.end] for c in counterparts]


def _names(doc, art):
    return [doc.text[s:e] for s, e in art.bylines]


def _by_title(doc, title):
    matches = [a for a in doc.articles if a.title.endswith(title)]
    assert len(matches) == 1, [a.title for a in doc.articles]
    return matches[0]


# -- our fixture ------------------------------------------------------------------------


def test_fixture_article_outline(magazine):
    arts = magazine.articles
    assert [a.title for a in arts] == ["湖畔实验室的十年", "让旧厂房长出新产业", "县域数字经济的测度方法研究"]
    assert [a.index for a in arts] == [1, 2, 3]
    # articles are contiguous and do not overlap
    for a, b in zip(arts, arts[1:]):
        assert a.last_block + 1 == b.first_block


def test_fixture_cover_and_contents_are_no_article(magazine):
    first = magazine.articles[0]
    assert magazine.position(first.start).line == 19
    assert magazine.articles[-1].last_block == len(magazine.blocks) - 1


def test_fixture_bylines(magazine):
    a, b, c = magazine.articles
    assert _names(magazine, a) == ["林晓舟"]
    assert _names(magazine, b) == ["赵明远"]
    assert _names(magazine, c) == ["周文清 宋亦凡"]  # author line above 摘要


def test_fixture_academic_article_subtitle_and_span(magazine):
    c = magazine.articles[2]
    assert magazine.blocks[c.subtitle].text(magazine.text) == "——基于夜间灯光数据的实证分析"
    # the previous article stops before this headline
    assert magazine.articles[1].last_block == c.first_block - 1 == c.headline - 1


def test_fixture_english_headline(magazine):
    a, b, c = magazine.articles
    assert _texts(magazine, a.counterparts(HEADLINE)) == ["Ten Years of the Lakeside Laboratory"]
    assert b.counterparts(HEADLINE) == [] and c.counterparts(HEADLINE) == []


def test_fixture_summary_continued_after_page_break(magazine):
    a = magazine.articles[0]
    summary = _texts(magazine, a.counterparts(SUMMARY))
    assert len(summary) == 2
    assert summary[0].startswith("Founded ten years ago")
    assert summary[1].startswith("focus on open sharing")
    assert "Reading Summary" not in " ".join(summary)


def test_fixture_each_summary_belongs_to_its_article(magazine):
    a, b, c = magazine.articles
    assert _texts(magazine, b.counterparts(SUMMARY)) == [
        "The idle textile mill in the east of the city has been turned into an industrial park for start-ups."
    ]
    assert [t[:15] for t in _texts(magazine, c.counterparts(SUMMARY))] == ["This paper buil"]


def test_fixture_contents_entries_are_paired(magazine):
    a, b, c = magazine.articles
    for art, page, en in [
        (a, "004", "Ten Years of the Lakeside Laboratory"),
        (b, "009", "Growing New Industries in Old Factories"),
        (c, "015", "Measuring the County Digital Economy"),
    ]:
        assert [t.split()[0] for t in _texts(magazine, art.contents)] == [page]
        contents_en = _texts(magazine, art.counterparts(CONTENTS))
        assert len(contents_en) == 1 and contents_en[0].startswith(en)


def test_fixture_chinese_blocks_exclude_english_and_markers(magazine):
    a = magazine.articles[0]
    body = [magazine.blocks[i].text(magazine.text) for i in a.chinese_blocks()]
    assert body[0] == "湖畔实验室的十年"
    assert "实验室还计划与周边高校共建联合培养基地。" in body
    assert not any("Reading" in t or "focus on" in t for t in body)


def test_counterparts_are_sorted_by_position(magazine):
    for art in magazine.articles:
        starts = [c.start for c in art.english]
        assert starts == sorted(starts)


def test_english_byline_is_a_counterpart():
    doc = Document("小城的春天\n\n文 / 王小青\n\nBy Wang Xiaoqing\n\n春天来了。\n")
    (art,) = doc.articles
    assert _names(doc, art) == ["王小青", "Wang Xiaoqing"]
    assert _texts(doc, art.counterparts(BYLINE)) == ["By Wang Xiaoqing"]


@pytest.mark.parametrize(
    "line, name",
    [
        ("文 / 张三", "张三"),
        ("文／李四", "李四"),
        ("■ 王五", "王五"),
        ("作者：赵六", "赵六"),
        ("本报讯（记者 孙七）昨日，会议召开。", "孙七"),
    ],
)
def test_byline_patterns(line, name):
    doc = Document(f"一篇文章的标题\n\n{line}\n\n正文第一段。\n")
    (art,) = doc.articles
    assert _names(doc, art) == [name]


def test_photo_credit_is_not_a_byline():
    doc = Document("# 小城的春天\n\n■ 摄影 王五\n\n正文。\n")
    (art,) = doc.articles
    assert art.bylines == []


def test_file_without_anchor_is_one_article_headlined_by_first_heading():
    doc = Document("前言文字。\n\n# 真正的标题\n\n正文。\n")
    (art,) = doc.articles
    assert art.title == "真正的标题"
    assert art.first_block == 0 and art.last_block == len(doc.blocks) - 1


def test_empty_document_has_no_article():
    assert Document("\n\n").articles == []


def test_markdown_article():
    doc = Document("# 湖边的清晨\n\nMorning by the Lake\n\n文 / 林晓\n\n清晨，湖面起雾。\n", "a.md")
    (art,) = doc.articles
    assert art.title == "湖边的清晨"
    assert _texts(doc, art.counterparts(HEADLINE)) == ["Morning by the Lake"]


# -- the seed magazine --------------------------------------------------------------


_SEED_DOCS: dict = {}


@pytest.fixture
def seed_doc(seed_magazine):
    """The seed magazine, parsed once for the whole module (conftest skips when absent)."""
    if seed_magazine not in _SEED_DOCS:
        _SEED_DOCS[seed_magazine] = Document.from_path(seed_magazine)
    return _SEED_DOCS[seed_magazine]


def test_seed_article_count(seed_doc):
    # 29 contents entries (001 ... 092, including five un-numbered profile
    # pages) and 29 articles in the body.
    assert len(seed_doc.articles) == 29


def test_seed_every_article_has_a_headline_and_contents_entry(seed_doc):
    for art in seed_doc.articles:
        assert art.headline is not None, art.index
        assert len(art.contents) >= 1, art.title
        assert len(art.counterparts(CONTENTS)) >= 1, art.title


def test_seed_profile_page_before_next_headline_is_its_own_article(seed_doc):
    art = _by_title(seed_doc, "钱旭红：有机化工与染料领域的创新先锋")
    assert _texts(seed_doc, art.counterparts(HEADLINE))[0].startswith("Qian Xuhong: A Pioneering")
    assert _texts(seed_doc, art.counterparts(SUMMARY))[0].startswith("Qian Xuhong, an academican")
    nxt = seed_doc.articles[art.index]  # the following article
    assert nxt.title == "凝心聚力谋新篇 科技赋能启新程"


def test_seed_interview_summary(seed_doc):
    art = _by_title(seed_doc, "从航天大国到空天强国的战略跃迁")
    summary = _texts(seed_doc, art.counterparts(SUMMARY))
    assert summary[0].startswith("In 2026, China's")
    assert _names(seed_doc, art) == ["王世明"]
    assert seed_doc.blocks[art.subtitle].text(seed_doc.text).startswith("——")


def test_seed_expo_summary_continues_on_later_line(seed_doc):
    art = _by_title(seed_doc, "科促会深度参与第二十八届北京科博会")
    summary = art.counterparts(SUMMARY)  # one counterpart per sentence
    blocks = sorted({c.block for c in summary})
    assert len(blocks) == 2
    first = next(c for c in summary if c.block == blocks[0])
    cont = next(c for c in summary if c.block == blocks[1])
    assert seed_doc.text[cont.start : cont.end].startswith("advancing the construction")
    # continued after a page break: Chinese body text lies between the two parts
    between = range(first.block + 1, cont.block)
    assert any(seed_doc.blocks[i].lang == "zh" for i in between)
    # and no other article claims it
    for other in seed_doc.articles:
        if other is not art:
            assert cont.block not in other.english_blocks()


def test_seed_summaries_are_not_shared(seed_doc):
    seen = {}
    for art in seed_doc.articles:
        for c in art.counterparts(SUMMARY):
            assert seen.get(c.block, art.title) == art.title, (art.title, seen.get(c.block))
            seen[c.block] = art.title


def test_seed_editors_note_is_a_summary(seed_doc):
    art = _by_title(seed_doc, "大河的源头是冰川")
    assert _texts(seed_doc, art.counterparts(SUMMARY))[0].startswith("Approaching eighty")


def test_seed_academic_article(seed_doc):
    art = seed_doc.articles[-1]
    assert art.title == "警惕人工智能泡沫"
    assert _names(seed_doc, art) == ["郑华林"]
    assert _texts(seed_doc, art.counterparts(SUMMARY))[0].startswith("Currently, the artificial intelligence")


def test_seed_contents_pairing(seed_doc):
    art = _by_title(seed_doc, "全球人工智能标准化竞争与中国布局")
    # listed on the cover and in the contents, both with the English title
    assert len(art.contents) == 2
    assert set(_texts(seed_doc, art.counterparts(CONTENTS))) == {
        "Global Competition in AI Standardization and China's Strategic Layout"
    }
    # a one-character typo between headline and contents still pairs
    typo = _by_title(seed_doc, "骥骥企业筛选项目补位创新培育体系")
    assert any("骐骥" in t for t in _texts(seed_doc, typo.contents))


def test_short_headline_above_english_title_and_byline():
    # Headlines of five characters or fewer used to be skipped by the walk back.
    doc = Document("湖边的清晨\n\nMorning by the Lake\n\n文 / 林晓\n\n清晨，湖面起雾。\n")
    (art,) = doc.articles
    assert art.title == "湖边的清晨" and art.first_block == 0
    assert _texts(doc, art.counterparts(HEADLINE)) == ["Morning by the Lake"]


def test_two_articles_with_short_headlines():
    doc = Document("春耕\n\n■ 王五\n\n农民开始春耕。\n\n秋收\n\n■ 赵六\n\n农民开始秋收。\n")
    assert [(a.title, _names(doc, a)) for a in doc.articles] == [("春耕", ["王五"]), ("秋收", ["赵六"])]


def test_reprint_source_line_starts_an_article_without_headline():
    doc = Document(
        "第一篇的标题很长很长\n\n■ 王五\n\n正文。\n\n《河谷日报》2031年3月2日第4版\n\n■ 赵六\n\n另一篇正文。\n"
    )
    a, b = doc.articles
    assert a.title == "第一篇的标题很长很长"
    assert b.headline is None
    assert doc.blocks[b.first_block].text(doc.text).startswith("《河谷日报》")
    assert _names(doc, b) == ["赵六"]


def test_inline_summary_marker_is_excluded_from_the_span():
    doc = Document("小城的春天很美\n\n■ 王五\n\n正文。\n\nSummary: Spring comes to the town.\n")
    (art,) = doc.articles
    assert _texts(doc, art.counterparts(SUMMARY)) == ["Spring comes to the town."]


def test_finished_summary_does_not_take_later_lowercase_english():
    doc = Document(
        "小城的春天很美\n\n■ 王五\n\nReading Summary\n\nSpring comes to the town.\n\n正文。\n\n"
        "e-commerce is mentioned in a caption\n"
    )
    (art,) = doc.articles
    assert _texts(doc, art.counterparts(SUMMARY)) == ["Spring comes to the town."]


def test_summary_marker_in_chinese_block_is_not_a_summary():
    doc = Document("小城的春天很美\n\n■ 王五\n\nSummary 是英文摘要的意思，这里讲的是中文。\n")
    (art,) = doc.articles
    assert art.counterparts(SUMMARY) == []
