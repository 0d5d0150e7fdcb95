"""The citations plugin on journal papers as they arrive (PDF-to-Markdown) and on news.

Every text here is invented.  One group of tests per class of issue 13:
markers read through OCR noise; things that look like markers and are not
(affiliation marks, value intervals); a paper's own results; type codes
checked against the entry's shape; news sources; superlative claims; and
``describe_references`` (what ``lintkit inspect --references`` prints).
"""

import pathlib

import pytest

from lintkit.analysis.citations import article_markers, describe_references, markers
from lintkit.model.document import Document
from lintkit.testing import lint

FIXTURES = pathlib.Path(__file__).parent / "fixtures" / "citations"
CLAIM = "citations.unsourced-claim"
REFS = "citations.reference-list"

LIST = (
    "# 参考文献\n\n"
    "[1] 吴海平. 湖泊水色研究进展[J]. 遥感学报, 2019, 23(4): 601-615.\n"
    "[2] 陈立. 深度水色模型[J]. 测绘学报, 2021, 50(2): 211-220.\n"
    "[3] 林一帆. 多尺度遥感方法[M]. 北京: 科学出版社, 2018.\n"
)


def _paper(body, refs=LIST, front="# 湖泊水色反演方法\n\n摘要：本文研究湖泊水色。\n\n"):
    return front + body + "\n\n" + refs


def _messages(findings):
    return [f.message for f in findings]


# ---------------------------------------------------------------- 2. OCR noise in markers


@pytest.mark.parametrize(
    "body, numbers",
    [
        ("已有研究[5.6]。", [[5, 6]]),  # a comma read as a dot
        ("已有研究[2o]。", [[20]]),  # o read for 0
        ("已有研究[l]所述。", [[1]]),  # l read for 1
        ("已有研究[1l]。", [[11]]),
        ("已有研究[7-9\n后文继续。", [[7, 8, 9]]),  # the closing bracket lost at the line end
    ],
)
def test_markers_read_through_ocr_noise(body, numbers):
    doc = Document(body + "\n", "m.md")
    found = markers(doc, 0, len(doc.text))
    assert [list(m.numbers) for m in found] == numbers
    assert all(m.ocr for m in found)


@pytest.mark.parametrize(
    "body",
    [
        "数组 a[l] 与 x[1.5] 都不是引用。",  # an index, a value
        "比例为[2.1]。",  # downward: a value, not "[2,1]"
        "参数取[0.5, 2]。",
    ],
)
def test_ocr_lookalikes_that_are_not_markers(body):
    doc = Document(body + "\n", "m.md")
    assert markers(doc, 0, len(doc.text)) == []


def test_an_entry_cited_only_through_ocr_noise_is_cited():
    text = _paper(
        "水色研究[l]，模型研究[2]与方法研究[3.4]。", refs=LIST + "[4] 赵伟. 多尺度分析[D]. 武汉: 某大学, 2020.\n"
    )
    assert _messages(lint(text, REFS, path="p.md")) == []


def test_an_ocr_reading_with_no_entry_is_not_reported():
    # [2o] may be [20] or noise: with no entry 20, it is left alone (precision first)
    text = _paper("水色研究[1]，模型研究[2]与方法研究[3]，另见[2o]。")
    assert _messages(lint(text, REFS, path="p.md")) == []


def test_an_ordinary_marker_with_no_entry_is_still_reported():
    text = _paper("水色研究[1]，模型研究[2]与方法研究[3]，另见[9]。")
    assert _messages(lint(text, REFS, path="p.md")) == [
        "reference marker cites [9] which the reference list does not have"
    ]


# ---------------------------------------------------------------- 3. not markers


def test_affiliation_marks_after_authors_are_not_citations():
    front = "# 湖泊水色反演方法\n\n周晓岚¹，钱立新²†，孙明远³\n\n1. 某大学\n\n摘要：本文研究湖泊水色。\n\n"
    # [1], [2], [3] are never cited: the superscripts in the author line do not cite them
    text = _paper("湖泊水色遥感是一个老问题。", front=front)
    got = _messages(lint(text, REFS, path="p.md"))
    assert got == [f"reference [{n}] is never cited in the text" for n in (1, 2, 3)]
    doc = Document(text, "p.md")
    assert [m for m in article_markers(doc.articles[0]) if m.start < doc.text.index("参考文献")] == []


def test_a_superscript_marker_in_the_body_still_counts():
    front = "# 湖泊水色反演方法\n\n周晓岚¹，钱立新²\n\n摘要：本文研究湖泊水色。\n\n"
    text = _paper("水色研究¹，模型研究²，方法研究³。", front=front)
    assert _messages(lint(text, REFS, path="p.md")) == []


@pytest.mark.parametrize(
    "body",
    [
        "参数取值范围为[1,10]。",
        "权重归一化到[0,1]区间。",
        "令 x∈[1,5]。",
        "阈值在[2, 8]之间。",
    ],
)
def test_value_intervals_are_not_markers(body):
    doc = Document(body + "\n", "m.md")
    assert markers(doc, 0, len(doc.text)) == []


@pytest.mark.parametrize("body", ["已有研究[1,3]。", "在[1,3]中，作者提出了该方法。", "as described in [1,3]."])
def test_a_two_number_marker_without_a_range_word_is_a_marker(body):
    doc = Document(body + "\n", "m.md")
    assert [m.numbers for m in markers(doc, 0, len(doc.text))] == [(1, 3)]


def test_exponents_are_not_superscript_markers():
    doc = Document("面积 12 m² 的样地，R² 为 0.8，约 10⁵ 个像元。\n", "m.md")
    assert markers(doc, 0, len(doc.text)) == []


# ---------------------------------------------------------------- 4. a paper's own results


@pytest.mark.parametrize(
    "sentence",
    [
        "由表3可知，本文方法的均方根误差降低了18%。",
        "如图2所示，反演精度提高了9个百分点。",
        "实验结果表明，该模型的精度提高了9个百分点。",
        "本文方法比基线方法快2倍。",
    ],
)
def test_a_papers_own_results_need_no_marker(sentence):
    text = _paper("水色研究[1]，模型研究[2]，方法研究[3]。\n\n" + sentence)
    assert _messages(lint(text, CLAIM, path="p.md")) == []


def test_a_statistic_that_is_not_the_papers_own_still_needs_a_marker():
    text = _paper("水色研究[1]，模型研究[2]，方法研究[3]。\n\n全国湖泊面积十年间减少了18%。")
    assert len(lint(text, CLAIM, path="p.md")) == 1


def test_an_outside_source_beside_a_figure_reference_still_needs_a_marker():
    text = _paper("水色研究[1]，模型研究[2]，方法研究[3]。\n\n如图2所示，某机构报告称全国湖泊面积减少了18%。")
    assert len(lint(text, CLAIM, path="p.md")) == 1


def test_the_fixture_paper_is_quiet():
    text = (FIXTURES / "converted_paper.md").read_text(encoding="utf-8")
    assert _messages(lint(text, [REFS, CLAIM], path="converted_paper.md")) == []


# ---------------------------------------------------------------- 5. entries: type code and shape


def _entry_findings(entry, path="p.txt"):
    text = "# 题目\n\n正文引用[1]。\n\n参考文献\n\n[1] " + entry + "\n"
    return lint(text, REFS, path=path)


@pytest.mark.parametrize(
    "entry, expected",
    [
        # 卷(期): 页 is a journal's
        ("王明. 城市绿地评价[M]. 园林学报, 2020, 12(3): 45-52.", "reads like a journal article [J]: write [J]"),
        ("王明. 通量数据集[M]. 科学数据, 2021, 6(2). DOI: 10.1234/abc.", "write [J]"),
        # 出版地: 出版者, 年 is not
        ("李华. 绿地规划[J]. 北京: 科学出版社, 2019.", "reads like a book [M]: write [M]"),
        # // introduces a contribution to proceedings
        ("张强. 绿地模型[J]//第五届城市会议论文集. 上海: 某出版社, 2018: 12-19.", "proceedings [C]"),
        # 报纸名, YYYY-MM-DD is a newspaper's
        ("赵丽. 公园开放[J]. 某日报, 2021-03-04(5).", "a newspaper article [N]"),
        # a thesis
        ("钱七. 绿地研究[M]: [硕士学位论文]. 南京: 某大学, 2020.", "a thesis [D]"),
        # a standard number
        ("GB/T 1234—2015 绿地分类标准[J]. 北京: 某出版社, 2015.", "a standard [S]"),
    ],
)
def test_a_type_code_that_does_not_fit_the_entry_is_reported(entry, expected):
    got = _entry_findings(entry)
    assert len(got) == 1 and expected in got[0].message, _messages(got)
    # the finding points at the type code, not at the entry number
    line = "[1] " + entry
    assert got[0].start.column == line.index("[", 4) + 1


@pytest.mark.parametrize(
    "entry",
    [
        "王明. 城市绿地评价[J]. 园林学报, 2020, 12(3): 45-52.",
        "李华. 绿地规划[M]. 北京: 科学出版社, 2019: 7-9.",
        "李华. 绿地规划[M]. 上海: 某大学出版社, 2019.",
        "周六. 城市绿地格局[D]. 北京: 某大学, 2019.",
        "张强. 绿地模型[C]//第五届城市会议论文集. 上海: 某出版社, 2018: 12-19.",
        "张强. 公园开放[N]. 某日报, 2021-03-04(5).",
        "钱七. 绿地报告[R]. 北京: 某研究院, 2020.",
        "王明. 气候与粮价[J]. 中国科学: 地球科学, 2020, 50(1): 122-133.",
        "GB/T 1234—2015 绿地分类标准[S]. 北京: 某出版社, 2015.",
        "张三. 硕士学位论文写作[M]. 北京: 某出版社, 2015.",
    ],
)
def test_a_type_code_that_fits_is_not_reported(entry):
    assert _messages(_entry_findings(entry)) == []


@pytest.mark.parametrize(
    "entry, expected",
    [
        # the year gone: the digits of the DOI are not a year
        ("王明. 绿地评价[J]. 园林学报, 12(3): 45-52. DOI: 10.1000/yl.2020.03.022.", "missing year"),
        ("王明. 绿地评价[J]. 园林学报(3): 45-52.", "missing year"),
        ("王明. 绿地评价[J]. 园林学报, 2020, 12(3): 256-161.", "page range “256-161” ends before it starts"),
        ("李华. 绿地规划[M]. 北京: 科学出版社: 2019.", "publisher and year separated by “:”"),
        ("李华. 绿地规划[M]. 梅某, 译. 北京: 科学出版社: 2019.", "publisher and year separated by “:”"),
    ],
)
def test_entry_fields(entry, expected):
    got = _messages(_entry_findings(entry))
    assert any(expected in m for m in got), got


def test_markdown_escaped_entries_are_checked():
    text = "# 题目\n\n正文引用\\[1\\]。\n\n# 参考文献\n\n\\[1\\] 王明. 绿地评价\\[J\\]. 园林学报(3): 45-52.\n"
    assert any("missing year" in m for m in _messages(lint(text, REFS, path="p.md")))


def test_a_page_number_alone_on_a_line_is_not_an_entry():
    text = (
        "# 题目\n\n正文引用[1]，又见[2]。\n\n参考文献 (References)\n[1] \n"
        "王明. 绿地评价[J]. 园林学报, 2020, 12(3): 45-\n52. \n[2] \n李华. 绿地规划[M]. 北京: 科学出版社, 2019.\n"
    )
    doc = Document(text, "p.txt")
    from lintkit.analysis.citations import reference_list

    refs = reference_list(doc.articles[0])
    assert [e.number for e in refs.entries] == [1, 2]
    assert _messages(lint(text, REFS, path="p.txt")) == []


def test_each_problem_of_an_entry_is_its_own_finding():
    got = _entry_findings("王明. 绿地评价[J]. 园林学报. 2020: 000.")
    assert len(got) >= 2
    assert len({f.start.column for f in got}) == len(got)


def test_citations_out_of_order_of_first_appearance():
    text = _paper("模型研究[2]，水色研究[1]，方法研究[3]。")
    assert _messages(lint(text, REFS, path="p.md")) == [
        "reference [2] is cited before [1]: number references in order of first citation"
    ]


# ---------------------------------------------------------------- 6. news


def test_news_data_of_a_source_just_named_is_excused():
    text = "# 标题\n\n某市统计局昨日发布了年度公报。数据显示，全市去年新增就业岗位增长了12%。\n"
    assert _messages(lint(text, CLAIM)) == []


@pytest.mark.parametrize("vague", ["有研究表明", "一项调查显示", "另有调查显示"])
def test_news_an_indefinite_source_is_reported_whatever_its_neighbours_say(vague):
    text = f"# 标题\n\n某市统计局昨日发布了年度公报。{vague}，六成受访者对此满意，满意度提高了12%。\n"
    got = lint(text, CLAIM)
    assert len(got) == 1 and "names no source" in got[0].message


def test_news_a_vague_source_alone_is_reported():
    text = "# 标题\n\n公园今年游客很多。调查结果显示，游客满意度提高了12%。\n"
    assert len(lint(text, CLAIM)) == 1


def test_news_a_statistic_with_no_attribution_is_not_reported_by_default():
    text = "# 标题\n\n公园今年游客很多，游客满意度提高了12%。\n"
    assert lint(text, CLAIM) == []
    assert len(lint(text, CLAIM, options={"news-unattributed": True})) == 1


# ---------------------------------------------------------------- 7. superlatives


@pytest.mark.parametrize(
    "claim",
    [
        "该湖是全球最大的高原咸水湖。",
        "该技术已达到国际领先水平。",
        "我国湖泊监测站点数量居世界第一。",
    ],
)
def test_a_superlative_without_a_marker_in_a_paper_is_reported(claim):
    text = _paper("水色研究[1]，模型研究[2]，方法研究[3]。\n\n" + claim)
    got = lint(text, CLAIM, path="p.md")
    assert len(got) == 1 and ("superlative claim" in got[0].message or "ranking" in got[0].message)


@pytest.mark.parametrize(
    "claim",
    [
        "该湖是全球最大的高原咸水湖[1]。",  # sourced
        "反射率最大值出现在 560 nm 附近。",  # a measured maximum, not a claim
        "本文方法的精度处于同类方法领先水平。",  # the paper's own result
    ],
)
def test_a_sourced_or_measured_superlative_is_not_reported(claim):
    text = _paper("水色研究[1]，模型研究[2]，方法研究[3]。\n\n" + claim)
    assert _messages(lint(text, CLAIM, path="p.md")) == []


def test_a_superlative_in_news_without_a_reference_list_is_not_reported():
    assert lint("# 标题\n\n该湖是全球最大的高原咸水湖。\n", CLAIM) == []


# ---------------------------------------------------------------- inspect --references


def test_describe_references_shows_what_lintkit_read():
    text = (FIXTURES / "converted_paper.md").read_text(encoding="utf-8")
    text = text.replace(
        "[2] 陈立. 深度学习水色反演模型[J]. 测绘学报, 2021, 50(2): 211-220.",
        "[2] 陈立. 深度学习水色反演模型[J]. 测绘学报, 50(2): 211-220.",
    )
    text = text.replace("[6-7\n", "[6-7\n另见[9]。\n")
    out = describe_references(Document(text, "converted_paper.md"))
    assert "reference list “参考文献” at line 24, 7 entries, GB/T 7714 style" in out
    assert "  [2] line 27: 陈立. 深度学习水色反演模型[J]. 测绘学报, 50(2): 211-220." in out
    assert "      problem: missing year" in out
    assert "line 15: [l] -> 1  (OCR reading)" in out
    assert "line 16: [6-7 -> 6, 7  (OCR reading)" in out
    assert "entries never cited: none" in out
    assert "line 17: [9] cites [9]" in out
    assert "¹" not in out  # the affiliation marks are not markers


def test_describe_references_without_a_list():
    out = describe_references(Document("# 标题\n\n正文没有参考文献。\n", "n.txt"))
    assert "no reference list" in out


# -- a list whose items each name their source, but one ------------------------------------

_SOURCED_LIST = """\
# 人工智能投融资盘点

去年人工智能投融资持续活跃，各机构统计口径不一。

1. 据甲数据公司统计，去年人工智能行业共发生1200起融资事件，融资总额800亿元。

2. 根据乙研究院发布的报告，去年具身智能领域融资总额达到300亿元。

3. 去年人工智能应用领域融资事件达930起，融资总额高达1070亿元。

4. 据丙证券的数据，去年人工智能产业链共发生3180起融资事件。
"""


def test_the_one_item_of_a_sourced_list_that_names_no_source_is_reported():
    (f,) = lint(_SOURCED_LIST, CLAIM, path="list.md")
    assert f.start.line == 9 and "other items each name theirs" in f.message


def test_a_list_whose_items_all_name_their_sources_is_quiet():
    text = _SOURCED_LIST.replace("3. 去年", "3. 据丁平台统计，去年")
    assert lint(text, CLAIM, path="list.md") == []


def test_a_list_with_no_sources_at_all_is_news_as_usual_and_quiet():
    text = (
        _SOURCED_LIST.replace("据甲数据公司统计，", "")
        .replace("根据乙研究院发布的报告，", "")
        .replace("据丙证券的数据，", "")
    )
    assert lint(text, CLAIM, path="list.md") == []


def test_one_sourced_sibling_is_not_enough_to_call_an_item_unsourced():
    text = _SOURCED_LIST.replace("根据乙研究院发布的报告，", "").replace(
        "\n4. 据丙证券的数据，去年人工智能产业链共发生3180起融资事件。\n", "\n"
    )
    assert lint(text, CLAIM, path="list.md") == []


# -- the author the text cites against the entry's first author --------------------------

_AUTHOR_PAPER = """\
# 壁画色彩复原研究

瑞士Hartmann [1]通过加速老化实验建立了颜色模型。Lindqvist K [2]利用计算机技术对挂毡褪色进行了研究。

参考文献

[1] Hartmann, R. and Keller, L. (1995) Electronic Imaging of Faded Photographs. Imaging Science, 3, 20-25.
[2] Lindqvist, K. and Berg, J. (2012) Mapping Colors to Tapestries. Proceedings of the SPIE, 8291, 1-8.
"""


def test_an_entry_whose_first_author_has_the_given_name_in_the_surname_slot():
    text = _AUTHOR_PAPER.replace("[1] Hartmann, R.", "[1] Rudi, H.")
    (f,) = [f for f in lint(text, REFS, path="a.md") if "first author" in f.message]
    assert f.start.line == 7 and "“Rudi, H.”" in f.message and f.related[0].start.line == 3


def test_an_entry_whose_names_are_swapped():
    text = _AUTHOR_PAPER.replace("[2] Lindqvist, K.", "[2] Karin, L.")
    (f,) = [f for f in lint(text, REFS, path="a.md") if "first author" in f.message]
    assert f.start.line == 8 and "Lindqvist K" in f.message


def test_entries_whose_first_authors_are_the_cited_names_are_quiet():
    assert [f for f in lint(_AUTHOR_PAPER, REFS, path="a.md") if "first author" in f.message] == []


def test_an_entry_with_a_hyphenated_given_name_in_the_surname_slot():
    text = _AUTHOR_PAPER.replace("Lindqvist K [2]", "Ming-hua Chen [2]").replace(
        "[2] Lindqvist, K.", "[2] Ming-Hua, C."
    )
    (f,) = [f for f in lint(text, REFS, path="a.md") if "first author" in f.message]
    assert f.start.line == 8 and "“Ming-Hua, C.”" in f.message and "Ming-hua Chen" in f.message


def test_a_hyphenated_given_name_cited_with_its_surname_first_in_the_entry_is_quiet():
    text = _AUTHOR_PAPER.replace("Lindqvist K [2]", "Ming-hua Chen [2]").replace("[2] Lindqvist, K.", "[2] Chen, M.-H.")
    assert [f for f in lint(text, REFS, path="a.md") if "first author" in f.message] == []


def test_a_western_double_surname_cited_with_the_given_name_is_quiet():
    text = _AUTHOR_PAPER.replace("Lindqvist K [2]", "Paul Smith-Jones [2]").replace(
        "[2] Lindqvist, K.", "[2] Smith-Jones, P."
    )
    assert [f for f in lint(text, REFS, path="a.md") if "first author" in f.message] == []


def test_a_method_name_before_a_marker_is_no_author():
    text = _AUTHOR_PAPER.replace("瑞士Hartmann [1]", "Retinex算法[1]").replace("[1] Hartmann, R.", "[1] Rahman, Z.")
    assert [f for f in lint(text, REFS, path="a.md") if "first author" in f.message] == []


# -- a share of the world's whole or a national total, in news ---------------------------


def test_a_share_of_the_world_with_no_source_is_reported_in_news():
    text = "监管机构星期四投票通过新规，加强对承载着全球约95%的国际数据流量的海底电缆的监管。\n"
    (f,) = lint(text, CLAIM, path="n.txt")
    assert "share of the world" in f.message and text[f.start.offset : f.end.offset].startswith("全球约95%")


def test_a_national_total_whose_source_the_sentence_before_names_is_quiet():
    text = "据海关统计，今年前8个月全国进出口总值达到3万亿元。其中，出口占全国总量的一半以上。\n"
    assert lint(text, CLAIM, path="n.txt") == []


def test_a_long_named_source_covers_its_figure():
    text = (
        "根据某委员会主任王明3月6日在年度经济主题记者会上给出的数据，2030年该产业规模将超过10万亿元，"
        "将占全球总规模的40%。\n"
    )
    assert lint(text, CLAIM, path="n.txt") == []


def test_a_company_s_own_figures_are_no_share_of_a_whole():
    assert lint("去年该公司营收增长15%，利润达到3亿元。\n", CLAIM, path="n.txt") == []


# -- a standard named in a paper but not cited ---------------------------------------------

_STANDARD_PAPER = """\
# 社区导视系统适老化设计

此外，2024年实施的《公共场所导视标识设计规范》国家标准明确了字体与色彩要求。设计应遵循《公共场所导视标识设计规范》。已有研究讨论了导视系统[1]。

参考文献

[1] 王明. 社区导视系统研究[J]. 设计学报, 2020, 3(2): 1-5.
"""


def test_a_standard_named_in_a_paper_without_a_marker_or_entry_is_reported_once():
    (f,) = [f for f in lint(_STANDARD_PAPER, CLAIM, path="s.md") if "is named" in f.message]
    assert f.start.line == 3 and "[S]" in f.message


def test_a_standard_with_its_entry_in_the_reference_list_is_quiet():
    text = (
        _STANDARD_PAPER
        + "[2] 国家标准化管理委员会. 公共场所导视标识设计规范: GB/T 00000—2024[S]. 北京: 中国标准出版社, 2024.\n"
    )
    assert [f for f in lint(text, CLAIM, path="s.md") if "is named" in f.message] == []


def test_a_policy_document_named_in_a_paper_is_not_asked_for():
    text = _STANDARD_PAPER.replace("《公共场所导视标识设计规范》国家标准", "《关于加强老龄工作的意见》").replace(
        "设计应遵循《公共场所导视标识设计规范》。", ""
    )
    assert [f for f in lint(text, CLAIM, path="s.md") if "is named" in f.message] == []
