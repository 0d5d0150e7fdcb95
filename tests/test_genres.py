"""Genres of the article model: journal papers, alternating bilingual text (invented fixtures)."""

from lintkit.model.articles import BILINGUAL, BYLINE, HEADLINE, JOURNAL, MAGAZINE, NEWS, SUMMARY, TRANSLATION
from lintkit.model.document import Document
from lintkit.testing import lint

PAPER = """\
城市绿地对居民健康的影响研究

王晓红1，李  明2*，陈思远1

1某某大学 环境学院，江苏 南京
2某某研究院，北京

收稿日期：2024年1月6日；录用日期：2024年2月1日

Effects of Urban Green Space on Residents' Health
Xiaohong Wang1, Ming Li2*, Siyuan Chen1

Abstract
This paper studies 120 parks in 12 cities.

摘  要
本文研究了12座城市的120个公园。

关键词
城市绿地，健康

王晓红 等
12

1. 引言
城市绿地面积持续增加[1]。

参考文献
[1] 王明. 城市绿地评价[J]. 园林学报, 2020, 12(3): 45-52.
"""


def test_a_journal_paper_is_one_article_whatever_its_running_heads():
    doc = Document(PAPER, "paper.txt")
    (art,) = doc.articles
    assert art.genre == JOURNAL
    assert art.title == "城市绿地对居民健康的影响研究"
    kinds = {c.kind: doc.text[c.start : c.end] for c in art.english}
    assert kinds[BYLINE] == "Xiaohong Wang1, Ming Li2*, Siyuan Chen1"
    assert kinds[HEADLINE] == "Effects of Urban Green Space on Residents' Health"
    assert SUMMARY in kinds


def test_authors_are_paired_by_position():
    doc = Document(PAPER, "paper.txt")
    (art,) = doc.articles
    pairs = [(doc.text[z[0] : z[1]], doc.text[e[0] : e[1]]) for z, e in art.author_pairs]
    assert pairs == [("王晓红", "Xiaohong Wang"), ("李  明", "Ming Li"), ("陈思远", "Siyuan Chen")]


def test_a_list_that_only_looks_like_authors_is_not_paired():
    # same number of names, but no surname agrees: not the authors' English line
    text = PAPER.replace("Xiaohong Wang1, Ming Li2*, Siyuan Chen1", "Green Space, Public Health, Urban Parks")
    (art,) = Document(text, "paper.txt").articles
    assert art.author_pairs == []


def test_a_magazine_with_a_paper_among_its_articles_is_not_one_paper():
    text = "新闻一则\n\n文 / 张三\n\n今天开会。\n\n" + PAPER
    doc = Document(text, "issue.txt")
    assert len(doc.articles) >= 2 and doc.articles[0].genre != JOURNAL


ALTERNATING = """\
外交部发言人例行记者会

问：今年双方贸易额是多少？
Q: What is the trade volume between the two sides this year?
答：今年前十个月，双边贸易额达到1200亿美元，同比增长12%。
A: In the first ten months of this year, bilateral trade reached $120 billion, up 12 percent year on year.
问：会谈何时举行？
Q: When will the talks be held?
答：会谈将于下周举行，双方将签署5项协议。
A: The talks will be held next week, and the two sides will sign five agreements.
"""


def test_alternating_paragraphs_render_their_chinese_neighbour():
    doc = Document(ALTERNATING, "briefing.txt")
    (art,) = doc.articles
    assert art.genre == BILINGUAL
    pairs = {
        doc.text[c.start : c.end][:5]: [doc.blocks[b].text(doc.text)[:2] for b in c.aligned]
        for c in art.english
        if c.kind == TRANSLATION
    }
    assert pairs == {"Q: Wh": ["问："], "A: In": ["答："], "A: Th": ["答："]}


def test_a_figure_is_compared_with_the_paragraph_it_renders():
    # "seven agreements" is wrong for 5项协议 in its own paragraph, although the
    # article holds a 7 elsewhere: the aligned paragraph decides
    text = ALTERNATING.replace("five agreements", "seven agreements").replace(
        "外交部发言人例行记者会", "外交部发言人例行记者会（7日）"
    )
    (f,) = lint(text, "numbers.zh-en-mismatch", path="briefing.txt")
    assert "seven" in f.message and f.start.line == 10


def test_a_figure_the_chinese_paragraph_lacks_is_no_mismatch():
    text = ALTERNATING.replace("next week", "next week, on the 14th")
    assert lint(text, "numbers.zh-en-mismatch", path="briefing.txt") == []


def test_other_genres():
    assert Document("新闻标题\n\n今天开会。\n", "n.txt").articles[0].genre == NEWS
    mag = "新闻标题\n\nNews Title\n\n文 / 张三\n\n今天开会。\n\nSummary: A meeting was held.\n"
    assert Document(mag, "m.txt").articles[0].genre == MAGAZINE


def test_an_authors_pinyin_one_syllable_off_is_reported():
    text = PAPER.replace("Siyuan Chen1", "Siyang Chen1")
    (f,) = lint(text, "names.romanization-mismatch", path="paper.txt")
    assert f.start.line == 11 and "author 3, “Siyang Chen”, is not the pinyin of 陈思远" in f.message
    assert "a syllable differs" in f.message and f.related[0].start.line == 3


def test_an_author_whose_pinyin_is_another_name_is_reported():
    text = PAPER.replace("Ming Li2*", "Jun Li2*")
    (f,) = lint(text, "names.romanization-mismatch", path="paper.txt")
    assert "the English names another person" in f.message


def test_hong_kong_and_taiwan_romanizations_are_left_alone():
    text = PAPER.replace("Ming Li2*", "Ming Lee2*").replace("Siyuan Chen1", "Szu-yuan Chen1")
    assert lint(text, "names.romanization-mismatch", path="paper.txt") == []


def test_correct_author_pinyin_in_either_order_is_quiet():
    text = PAPER.replace("Xiaohong Wang1, Ming Li2*, Siyuan Chen1", "WANG Xiaohong1, LI Ming2*, CHEN Siyuan1")
    assert lint(text, "names.romanization-mismatch", path="paper.txt") == []


def test_a_parallel_pair_in_two_files_is_one_article_with_findings_in_both():
    from lintkit.config import Config
    from lintkit.engine import Engine
    from lintkit.testing import registry

    zh = Document(
        "示范区年会召开\n\n管委会主任林海涛表示，今年已有1200家企业入驻。\n\n会议签署了5项协议。\n", "r.zh.txt"
    )
    en = Document(
        "Annual Meeting of the Zone\n\nLin Haitang, director of the committee, said 1,200 "
        "companies had moved in this year.\n\nThe meeting signed 7 agreements.\n",
        "r.en.txt",
    )
    reg = registry()
    ids = ["numbers.zh-en-mismatch", "names.romanization-mismatch"]
    result = Engine(reg.rules, Config(select=ids)).run([zh, en])
    (art,) = zh.articles
    assert art.genre == "parallel" and {c.document for c in art.english} == {en}
    got = sorted((f.rule, f.path, f.start.line, f.related[0].path) for f in result.findings)
    assert got == [
        ("names.romanization-mismatch", "r.en.txt", 3, "r.zh.txt"),
        ("numbers.zh-en-mismatch", "r.en.txt", 5, "r.zh.txt"),
    ]


def test_an_author_list_broken_over_two_lines_is_one_list():
    text = PAPER.replace("王晓红1，李  明2*，陈思远1", "王晓红1，李  明2*，\n\n陈思远1")
    (art,) = Document(text, "paper.txt").articles
    assert len(art.author_pairs) == 3


def test_an_english_title_printed_under_the_abstract_label_is_the_title():
    text = PAPER.replace("Effects of Urban Green Space on Residents' Health\n", "").replace(
        "Abstract\n", "Abstract\n\nEffects of Urban Green Space on Residents' Health\n\n"
    )
    doc = Document(text, "paper.txt")
    (art,) = doc.articles
    heads = [doc.text[c.start : c.end] for c in art.english if c.kind == HEADLINE]
    assert heads == ["Effects of Urban Green Space on Residents' Health"]


def test_one_paragraph_and_its_english_under_a_bilingual_headline_are_bilingual():
    # the headline and its translation glued into one (mixed) line, then one Q and its English
    text = (
        "2031年5月24日某部发言人主持例行记者会Ministry Spokesperson's Regular Press Conference on May 24, 2031\n\n"
        "记者：双方签署了5项协议，能否介绍有关情况？\n\n"
        "Reporter: The two sides signed seven agreements. Could you share more details?\n"
    )
    doc = Document(text, "briefing.txt")
    (art,) = doc.articles
    assert art.genre == BILINGUAL
    assert [c.aligned for c in art.english if c.kind == TRANSLATION] == [(1,)]
    assert [f.rule for f in lint(text, "numbers.zh-en-mismatch")] == ["numbers.zh-en-mismatch"]


def test_a_chinese_article_with_mixed_lines_and_no_english_paragraph_is_not_bilingual():
    text = "某公司发布了新版 Cloud Engine Pro Max 平台\n\n该平台支持 Python、Rust 和 Go SDK 与 REST API\n\n公司表示，新版本将于下月上线。\n"
    assert Document(text, "news.txt").articles[0].genre != BILINGUAL
