"""Tests of the citations plugin: fixtures of our own, then the seeds."""

import pathlib

import pytest

from lintkit.model.document import Document
from lintkit.testing import lint, lint_documents

FIXTURES = pathlib.Path(__file__).parent / "fixtures" / "citations"
CLAIM = "citations.unsourced-claim"
REFS = "citations.reference-list"
QUOTE = "citations.unattributed-quote"
VENUE = "citations.unnamed-venue"


def _fixture(name):
    return (FIXTURES / name).read_text(encoding="utf-8")


def _lines(findings):
    return sorted((f.start.line, f.message) for f in findings)


# ---------------------------------------------------------------- unsourced-claim


def test_academic_fixture_every_statistic_needs_a_marker():
    got = _lines(lint(_fixture("academic.txt"), CLAIM))
    assert [line for line, _ in got] == [9, 11]
    assert "“数据显示” names no source" in got[0][1]
    assert "attributed to “某咨询机构” but carries no reference marker" in got[1][1]


def test_academic_marker_at_paragraph_end_covers_the_previous_sentence():
    text = "正文\n\n参考文献\n\n- [1] 王明. 标题[J]. 学报, 2020, 3(2): 1-5.\n"
    body = "某企业良品率提升到 98%。这一做法已推广^[1]。\n\n"
    assert lint("# 题目\n\n" + body + text, CLAIM) == []
    # a marker two sentences away does not cover it
    body2 = "某企业良品率提升到 98%。这一做法已推广。同行纷纷效仿^[1]。\n\n"
    assert len(lint("# 题目\n\n" + body2 + text, CLAIM)) == 1


def test_academic_repeated_figures_are_not_reported_twice():
    text = _fixture("academic.txt")
    # line 19 restates the sourced figures of line 17
    assert all(f.start.line != 19 for f in lint(text, CLAIM))


@pytest.mark.parametrize(
    "text",
    [
        "数据显示，去年该行业融资规模仅为 30 亿美元，同比下降 40%。",
        "研究表明，该疗法使复发率降低了 35%。",
        "据统计，全省去年快递业务量增长 18%。",
    ],
)
def test_news_vague_source_fires(text):
    (finding,) = lint(text, CLAIM)
    assert "names no source" in finding.message


@pytest.mark.parametrize(
    "text",
    [
        "据国家统计局发布的数据，去年该行业产值增长 12%。",
        "据《经济日报》报道，今年一季度出口额同比增长 15%。",
        "根据工信部发布的《产业发展白皮书》，市场规模达 800 亿元。",
        "市发展改革委主任张某表示，全市服务业增加值增长 6%。",
        "全市服务业增加值增长 6%，占地区生产总值的 62%。",  # unattributed, but news is lenient
        "国家统计局今天发布一季度数据。数据显示，全国居民消费价格上涨 0.3%。",
        "该所新增 13 家门店，3 公里内 30 分钟送达。",  # counts and durations are not statistics
        "2025年3月25日，第5届论坛在京举行。",
    ],
)
def test_news_attributed_or_no_statistic_is_quiet(text):
    assert lint(text, CLAIM) == []


def test_news_fixture_reports_only_the_vague_source():
    got = _lines(lint(_fixture("news.txt"), CLAIM))
    assert [line for line, _ in got] == [9]


def test_news_unattributed_option_reports_bare_statistics_but_respects_captions():
    got = _lines(lint(_fixture("news.txt"), CLAIM, options={"news-unattributed": True}))
    # line 11: a bare figure; the 1200 亿元 forecast above 数据来源：… is sourced by the caption
    assert [line for line, _ in got] == [9, 11]
    assert "no source in its sentence" in got[1][1]


def test_severity_per_article_kind():
    news = lint(_fixture("news.txt"), CLAIM, options={"news-severity": "info"})
    assert [str(f.severity) for f in news] == ["info"]
    academic = lint(_fixture("academic.txt"), CLAIM, options={"news-severity": "info"})
    assert {str(f.severity) for f in academic} == {"warning"}
    academic = lint(_fixture("academic.txt"), CLAIM, options={"academic-severity": "error"})
    assert {str(f.severity) for f in academic} == {"error"}


# ---------------------------------------------------------------- reference-list


def test_reference_list_fixture():
    got = _lines(lint(_fixture("academic.txt"), REFS))
    messages = [m for _, m in got]
    assert (11, "reference [3] is cited before [2]: number references in order of first citation") in got
    assert any(line == 13 and "cites [8] which the reference list does not have" in m for line, m in got)
    assert (27, "reference [5] is never cited in the text") in got
    assert (28, "reference [7] is never cited in the text") in got
    assert (28, "reference numbering jumps from [5] to [7]") in got
    assert any("[2] is malformed" in m and "journal name followed by “.”" in m for m in messages)
    assert any("[3] is malformed" in m and "missing page (版次)" in m for m in messages)
    assert any("[4] is malformed" in m and "missing URL or DOI" in m for m in messages)
    assert any("[5] is malformed" in m and "missing document type code" in m for m in messages)
    assert any("[7] is malformed" in m and "page “000” is a placeholder" in m for m in messages)
    assert not any("[1] is malformed" in m for m in messages)
    assert len(got) == 10


def test_reference_list_ranges_and_superscripts_count_as_citations():
    text = (
        "# 题目\n\n甲乙丙丁[1-3]。戊己庚辛⁴。\n\n参考文献\n\n"
        "[1] 王明. 甲[J]. 学报, 2020, 3(2): 1-5.\n[2] 李华. 乙[M]. 北京: 科学出版社, 2019: 7-9.\n"
        "[3] 张强. 丙[N]. 人民日报, 2021-03-04(5).\n"
        "[4] 赵丽. 丁[EB/OL]. (2024-01-02)[2024-02-03]. https://example.org/a.\n"
    )
    assert lint(text, REFS) == []


def test_no_reference_list_no_reference_findings():
    assert lint("# 题目\n\n这是一段正文[3]。\n", REFS) == []


@pytest.mark.parametrize(
    "entry, problem",
    [
        ("王明. 标题[J]. 学报, 2020, 3(2).", "missing page range"),
        ("王明. 标题[J]. 学报, 3(2): 1-5.", "missing year"),
        ("王明. 标题. 学报, 2020, 3(2): 1-5.", "missing document type code"),
        ("王明. 标题[J/OL]. 学报, 2020, 3(2): 1-5.", "missing URL or DOI"),
        ("王明. 标题[J]. 学报, 2020: 000.", "placeholder"),
        ("王明. 标题[J]. 学报, 2020, 05: 1-5.", "issue not in parentheses"),
    ],
)
def test_gbt7714_entry_checks(entry, problem):
    from lintkit_citations.gbt7714 import entry_problems

    assert any(problem in p for p in entry_problems(entry))


def test_well_formed_entries_pass():
    from lintkit_citations.gbt7714 import entry_problems

    for entry in [
        "王明. 标题[J]. 学报, 2020, 3(2): 1-5.",
        "王明, 李华. 标题[J]. 学报, 2020(4): 11-19.",
        "李华. 书名[M]. 北京: 科学出版社, 2019: 7-9.",
        "张强. 题名[N]. 人民日报, 2021-03-04(5).",
        "赵丽. 题名[EB/OL]. (2024-01-02)[2024-02-03]. https://example.org/a.",
        "钱七. 题名[J/OL]. 学报, 2022, 5(1): 3-8. DOI:10.1234/abcd.",
    ]:
        assert entry_problems(entry) == [], entry


# ---------------------------------------------------------------- unattributed-quote


@pytest.mark.parametrize(
    "text",
    [
        "会议现场气氛热烈。“我们一定要把这项技术做成世界一流。”随后代表们参观了展区。",
        "展厅里人头攒动。\n\n“这是我见过最好的展览。”\n\n展览将持续到月底。",
    ],
)
def test_quote_without_speaker_fires(text):
    (finding,) = lint(text, QUOTE)
    assert "no speaker" in finding.message


@pytest.mark.parametrize(
    "text",
    [
        "“我们一定要把这项技术做成世界一流。”研究院院长王某表示。",
        "研究院院长王某表示：“我们一定要把这项技术做成世界一流。”",
        "王某在会上强调，“我们一定要把这项技术做成世界一流。”",
        "“我们一定要把这项技术做成世界一流。”——研究院院长王某",
        "谈到未来，王某很有信心。“我们一定要把这项技术做成世界一流。”",
        "这项工程被称为“人造太阳”，入选“中国科学十大进展”。",  # terms and titles
        "他在文章中写道：\n\n“我们一定要把这项技术做成世界一流。”",
        "“千里之行，始于足下。”创新之路亦是如此。",  # a proverb
        "“我们一定要把这项技术做成世界一流。”王某说，“这是我们的责任。”",
    ],
)
def test_attributed_quote_or_term_is_quiet(text):
    assert lint(text, QUOTE) == []


def test_pull_quote_repeating_the_body_is_quiet():
    text = _fixture("news.txt")
    got = _lines(lint(text, QUOTE))
    assert [line for line, _ in got] == [21]  # the volunteers' sign, not the pull quote on line 19


# ---------------------------------------------------------------- unnamed-venue


@pytest.mark.parametrize(
    "text",
    [
        "相关研究成果发表在国际期刊上。",
        "该论文近日刊登在国际顶级学术期刊上。",
        "The findings were published in a leading journal.",
        "The study appeared in a prestigious peer-reviewed journal last week.",
    ],
)
def test_unnamed_venue_fires(text):
    (finding,) = lint(text, VENUE)
    assert "no journal named" in finding.message


@pytest.mark.parametrize(
    "text",
    [
        "相关研究成果近日发表在国际学术期刊《自然》上。",
        "相关成果发表在国际期刊 Nature Communications 上。",
        "研究成果发表在 Science 上。",
        "The findings were published in a leading journal, Nature Medicine.",
        "Her work has been published in top-tier journals such as Science and Cell.",
        "本刊欢迎投稿，来稿请注明联系方式。",
        "他的研究成果多次发表在国际顶级期刊上。",  # a career summary, not one study
    ],
)
def test_named_venue_is_quiet(text):
    assert lint(text, VENUE) == []


# ---------------------------------------------------------------- the seeds


def _seed_findings(seeds, rule):
    docs = [Document.from_path(p) for p in sorted(seeds.glob("*.txt"))]
    return lint_documents(docs, rule).findings


def test_seeds_news_pages_are_quiet(seeds):
    findings = _seed_findings(seeds, [CLAIM, REFS, QUOTE, VENUE])
    outside = [f for f in findings if not f.path.rsplit("/", 1)[-1].startswith("002")]
    assert outside == []


def test_seed_academic_article_unsourced_statistics(seed_magazine):
    doc = Document.from_path(seed_magazine)
    academic = doc.articles[-1]
    findings = lint_documents([doc], CLAIM).findings
    assert findings and all(academic.start <= f.start.offset <= academic.end for f in findings)
    text = doc.text
    flagged = {text[f.start.offset : f.end.offset] for f in findings}
    assert "数据显示" in flagged
    assert any("高盛" in f.message for f in findings)
    assert any("瑞银集团" in f.message for f in findings)
    # sourced (^[n]) figures and the summary list repeating earlier figures are not reported
    lines = {f.start.line for f in findings}
    for needle in ("1 个月压缩至 4 天", "融资收缩：2025 年融资额仅为"):
        line = next(i for i, row in enumerate(text.splitlines(), 1) if needle in row)
        assert line not in lines
    assert 10 <= len(findings) <= 20


def test_seed_academic_article_reference_list(seed_magazine):
    doc = Document.from_path(seed_magazine)
    findings = lint_documents([doc], REFS).findings
    by_number = {}
    for f in findings:
        number = f.message.split("[", 1)[1].split("]", 1)[0]
        by_number.setdefault(number, []).append(f.message)
    assert "missing document type code" in " ".join(by_number["5"])
    assert "missing document type code" in " ".join(by_number["6"])
    assert "missing URL or DOI" in " ".join(by_number["3"])
    assert "placeholder" in " ".join(by_number["12"])
    assert "missing page range" in " ".join(by_number["11"])
    assert "1" not in by_number and "9" not in by_number  # well-formed entries
    assert not any("never cited" in m or "does not have" in m for m in sum(by_number.values(), []))


def test_markdown_ordered_reference_list_keeps_its_numbers(tmp_path):
    text = (
        "# 题目\n\n正文引用[1]，又引用[3]。\n\n## 参考文献\n\n"
        "1. 王明. 甲[J]. 学报, 2020, 3(2): 1-5.\n2. 李华. 乙[M]. 北京: 科学出版社, 2019: 7-9.\n"
        "3. 张强. 丙[N]. 人民日报, 2021-03-04(5).\n"
    )
    got = [f.message for f in lint(text, REFS, path="a.md")]
    assert "reference [2] is never cited in the text" in got
    assert "reference [3] is cited before [2]: number references in order of first citation" in got
    assert len(got) == 2


def test_non_gbt_reference_list_is_not_checked_for_type_codes():
    text = (
        "# Title\n\n本文引用[1]和[2]。\n\nReferences\n\n"
        "[1] Smith, J. (2020). A study of things. Journal of Things, 3(2), 1-5.\n"
        "[2] Lee, K. (2019). Another study. Science, 12, 7-9.\n"
    )
    assert lint(text, REFS) == []


@pytest.mark.parametrize("rule_id", [CLAIM, REFS, QUOTE, VENUE])
def test_docstring_examples(rule_id):
    from lintkit.docgen import examples
    from lintkit.testing import registry

    doc = registry().rules[rule_id].doc
    found = examples(doc)
    assert found["fires"] and found["quiet"]
    for text in found["fires"]:
        assert lint(text, rule_id), text
    for text in found["quiet"]:
        assert lint(text, rule_id) == [], text


@pytest.mark.parametrize(
    "text, fires",
    [
        ("研究发现，该疗法使复发率降低了 35%。相关成果发表在《柳叶刀》上。", False),  # named journal
        ("业内人士认为，明年市场规模将达 500 亿元。", False),  # anonymous person: accepted in news
        ("据了解，今年全市快递业务量增长 18%。", False),  # reporter's own inquiry
        ("据报道，今年全市快递业务量增长 18%。", True),  # reported by whom?
        ("调查显示，超过 60% 的受访者每天使用该应用。", True),
    ],
)
def test_news_borderline_sources(text, fires):
    assert bool(lint(text, CLAIM)) is fires


def test_academic_option_off_treats_reference_articles_like_news():
    # lenient: 某咨询机构…警告 is an attribution, and 数据显示 follows a sentence with a marker
    assert lint(_fixture("academic.txt"), CLAIM, options={"academic": False}) == []
    assert len(lint(_fixture("academic.txt"), CLAIM)) == 2


# ---------------------------------------------------------------- shares in words (三成, 过半, 三分之一)


def test_shares_fixture_fraction_words_are_statistics():
    got = _lines(lint(_fixture("shares.txt"), CLAIM))
    # 三成 / 超过半数 / 三分之一 behind a vague source; 一成不变, 这一成果, 时间过半,
    # 经过半年, 五成熟 are ordinary words; 两成 from 据市商务局发布的数据 is sourced
    assert [line for line, _ in got] == [5, 7, 9]
    assert all("names no source for the percentage" in m for _, m in got)


@pytest.mark.parametrize(
    "text, share",
    [
        ("周边商铺的营业额平均增长了三成。", "三成"),
        ("不足两成半的企业完成了改造。", "两成半"),
        ("七成以上的受访者表示满意。", "七成"),
        ("三分之一的居民每天步行上班。", "三分之一"),
        ("半数居民支持延长营业时间。", "半数"),
        ("新能源车的销量占比过半。", "占比过半"),
        ("过半的企业扩大了招聘。", "过半"),
        ("其中先进制造业项目占比超过一半。", "超过一半"),
    ],
)
def test_share_words_are_found(text, share):
    from lintkit_citations.claims import statistic_figures

    assert share in [text[s:e] for s, e, _ in statistic_figures(text)]


@pytest.mark.parametrize(
    "text",
    [
        "管理办法多年一成不变。",
        "这一成果入选年度十大进展。",
        "各地数据统一成标准格式。",
        "他点了一份五成熟的牛排。",
        "他八成是忘了带钥匙。",
        "实现时间过半、任务过半。",
        "经过半年的努力，工程完工。",
        "他每跨过半个街区就停下来休息。",
        "仅为头发丝直径的二十分之一。",  # a size comparison, not a share
        "坚持就是成功的一半。",
        "人们三五成群地在河边散步。",
    ],
)
def test_ordinary_words_with_cheng_or_ban_are_not_shares(text):
    from lintkit_citations.claims import statistic_figures

    assert statistic_figures(text) == []


# ---------------------------------------------------------------- first-party data


def test_own_data_fixture_needs_no_marker():
    got = _lines(lint(_fixture("own_data.md"), CLAIM, path="own_data.md"))
    # 11 据…的客流记录, 13 受访者, 15 笔者统计, 17 我们…访谈, 23 本次调查: the study's own data;
    # 19 调查显示 (someone else's survey) and 21 某研究院的报告 still need a marker
    assert [line for line, _ in got] == [19, 21]
    assert "“调查显示” names no source" in got[0][1]
    assert "attributed to “某研究院” but carries no reference marker" in got[1][1]


_REFS_TAIL = "\n\n参考文献\n\n[1] 王明. 标题[J]. 学报, 2020, 3(2): 1-5.\n"


@pytest.mark.parametrize(
    "body, fires",
    [
        ("本研究共回收有效问卷 600 份。其中支持该方案的居民占七成以上。", False),  # own survey, sentence before
        ("我们调查了 300 户居民，其中 60% 表示满意。", False),
        ("课题组测算，改造使单位成本下降 12%。", False),
        ("根据访谈记录，约四成摊主曾考虑转行。", False),
        ("本文的样本中，女性占 52%。", False),
        ("调查显示，超过 60% 的受访者每天使用该应用。", True),  # an outside survey of its own respondents
        ("某机构的研究发现，该疗法使复发率降低了 35%。", True),
        ("改造完成后，该区居民满意度达到 90%。", True),  # no first-party cue: needs a marker
        ("本研究共回收有效问卷 600 份。\n\n城市更新是一项长期工作。全国已有三分之一的城市开展改造。", True),
    ],
)
def test_first_party_data_in_an_article_with_references(body, fires):
    text = "# 题目\n\n" + body + _REFS_TAIL
    assert bool(lint(text, CLAIM)) is fires, body


def test_first_party_spans():
    from lintkit.analysis.citations import first_party

    def spans(t):
        return [t[a:b] for a, b in first_party(t)]

    assert spans("据各社区的投诉记录，投诉量下降了六成以上。") == ["据各社区的投诉记录"]
    assert spans("笔者统计，约三成企业亏损。") == ["笔者"]
    assert spans("本报记者调查发现，四成商户涨价。") == ["本报记者"]
    assert spans("我们认为这很重要。") == []
    assert spans("据国家统计局数据，增长 5%。") == []


def test_speech_noun_is_not_a_named_source():
    # "听到这样的感慨" in the next sentence names nobody, so it cannot source 数据显示
    text = "数据显示，周边商铺的营业额增长了三成。常能听到这样的感慨：“以前这里可冷清了，现在天天都热闹。”"
    (finding,) = lint(text, CLAIM)
    assert "数据显示" in finding.message


# ---------------------------------------------------------------- vague speakers


def test_quotes_fixture_vague_speakers():
    got = _lines(lint(_fixture("quotes.txt"), QUOTE))
    # 11 一位…店主感慨, 13 业内人士 (anonymous but identified), 15 主任陈某: speakers
    assert [line for line, _ in got] == [5, 7, 9]
    assert "“有关方面这样评价”, which names nobody" in got[0][1]
    assert "“常能听到这样的议论”" in got[1][1]
    assert "“也有人说”" in got[2][1]


def test_vague_speakers_option_off_accepts_any_speech_verb():
    assert lint(_fixture("quotes.txt"), QUOTE, options={"vague-speakers": False}) == []


def test_vague_speaker_in_own_sentence_beats_a_named_speaker_before():
    text = (
        "区长王某在会上表示，全年将新建公园十座。\n\n“公园建起来只是第一步，管好用好才是关键。”对此，有关方面这样表态。"
    )
    (finding,) = lint(text, QUOTE)
    assert "有关方面这样表态" in finding.message


@pytest.mark.parametrize(
    "text",
    [
        "张三发出这样的感慨：“以前夏天走到桥上都要捂着鼻子。”",
        "知情人士透露：“双方已经就主要条款达成一致。”",
        "该公司相关负责人表示：“新产品将于下月正式上市。”",
        "王某：“我们会继续坚持下去，直到完成任务。”",  # a colon after a name
    ],
)
def test_named_or_anonymous_speaker_is_accepted(text):
    assert lint(text, QUOTE) == []


def test_respondents_of_a_survey_named_just_before_are_not_the_authors():
    tail = _REFS_TAIL
    outside = "# 题目\n\n一项调查显示，居民普遍关注菜价。受访者中 60% 每周买菜三次以上。" + tail
    assert [f.start.line for f in lint(outside, CLAIM)] == [3]
    own = "# 题目\n\n菜价是居民普遍关注的问题。受访者中 60% 每周买菜三次以上。" + tail
    assert lint(own, CLAIM) == []
