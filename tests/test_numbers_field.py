"""numbers in the field (issue 12): no false alarm on a correct translation,
every slipped figure caught.  Every text here is invented."""

import pathlib

import pytest

from lintkit.analysis.quantities import EN_UNITS, ZH_UNITS, extract_en, extract_zh, load_units, quantities
from lintkit.model.document import Document
from lintkit.findings import Severity
from lintkit.testing import lint

FIXTURES = pathlib.Path(__file__).parent / "fixtures" / "numbers" / "field"
MISMATCH = "numbers.zh-en-mismatch"
CONTRADICTION = "numbers.contradiction"

HEAD = ("2031年5月24日某部发言人主持例行记者会", "Spokesperson's Regular Press Conference on May 24, 2031")
FILLER = (
    "二是合作机制逐步完善，相关工作稳步推进，取得了积极成效。",
    "Second, the cooperation mechanisms are being improved, and the relevant work is moving forward "
    "steadily with positive results.",
)


def bilingual(zh, en, head=HEAD):
    """Alternating Chinese and English paragraphs, as a press briefing prints them."""
    parts = [head[0], "", head[1], ""]
    for z, e in ((zh, en), FILLER):
        parts += [z, "", e, ""]
    return "\n".join(parts)


def warnings(text):
    return [f for f in lint(text, MISMATCH) if str(f.severity) == "warning"]


# (Chinese paragraph, English that is a slip, the same English correct, what the message names)
CASES = {
    "approximation keeps its anchor": (
        "目前已有70多个国家和国际组织表达了合作意愿，各方反响积极。",
        "To date, more than 72 countries and international organizations have expressed interest.",
        "To date, more than 70 countries and international organizations have expressed interest.",
        "70多个国家",
    ),
    "no digits more precise than the source": (
        "预计全年排放约15600吨处理水，持续约三十天。",
        "About 15,601 tons of treated water are expected to be released this year, lasting about thirty days.",
        "About 15,600 tons of treated water are expected to be released this year, lasting about thirty days.",
        "15600吨",
    ),
    "rounding that hides extra digits": (
        "该市常住人口达340万人，较上年有所增加。",
        "The city's resident population reached 3,400,400, up on the previous year.",
        "The city's resident population reached 3.4 million, up on the previous year.",
        "340万",
    ),
    "a magnitude slip with one significant digit": (
        "经过多年努力，8亿人口摆脱贫困，这是了不起的成就。",
        "After years of effort, 8 billion people have escaped poverty, a remarkable achievement.",
        "After years of effort, 800 million people have escaped poverty, a remarkable achievement.",
        "8亿",
    ),
    "a magnitude slip larger than ten": (
        "项目总投资260万元，由地方财政承担。",
        "The project's total investment is 2,600,000 million yuan, borne by local finance.",
        "The project's total investment is 2.6 million yuan, borne by local finance.",
        "260万",
    ),
    "traditional units: jin": (
        "今年合作社共收获有机茶叶3000多斤，全部售出。",
        "This year the cooperative harvested more than 3,000 kilograms of organic tea, all of it sold.",
        "This year the cooperative harvested more than 1,500 kg of organic tea, all of it sold.",
        "3000多斤",
    ),
    "traditional units: mu and hectares": (
        "村里新建高标准农田15亩，当年投入使用。",
        "The village built 15 hectares of high-standard farmland, put into use that year.",
        "The village built 1 hectare of high-standard farmland, put into use that year.",
        "15亩",
    ),
    "percentage points are not per cent": (
        "一季度失业率同比下降0.5个百分点，就业形势总体稳定。",
        "In the first quarter the unemployment rate fell by 0.5% year on year; employment was stable overall.",
        "In the first quarter the unemployment rate fell by 0.5 percentage points year on year; employment was "
        "stable overall.",
        "百分点",
    ),
    "a counted noun changed": (
        "此次共安置受灾群众1876人，发放物资若干批。",
        "A total of 1,876 families affected by the disaster were resettled and supplies were distributed.",
        "A total of 1,876 people affected by the disaster were resettled and supplies were distributed.",
        "1876人",
    ),
    "an anniversary": (
        "今年是两国建交45周年，双方关系持续发展。",
        "This year marks the 46th anniversary of diplomatic relations, and the relationship keeps growing.",
        "This year marks the 45th anniversary of diplomatic relations, and the relationship keeps growing.",
        "45周年",
    ),
    "a duration's unit changed": (
        "30年来，双方合作不断深化，成果丰硕。",
        "Over the past 30 months, cooperation between the two sides has deepened and borne fruit.",
        "Over the past 30 years, cooperation between the two sides has deepened and borne fruit.",
        "30年",
    ),
    "a currency changed": (
        "铁路累计运输货物总值超过100亿元，运量稳步增长。",
        "The railway has carried goods worth more than 10 billion dollars, with volumes growing steadily.",
        "The railway has carried goods worth more than 10 billion yuan, with volumes growing steadily.",
        "100亿元",
    ),
    "a year": (
        "2029年论坛峰会将于9月在滨海举行，各方积极筹备。",
        "The 2030 Forum Summit will be held in Binhai in September, and all parties are preparing actively.",
        "The 2029 Forum Summit will be held in Binhai in September, and all parties are preparing actively.",
        "2029",
    ),
    "an ordinal in digits": (
        "总理将出席第24次领导人会议和第16届峰会。",
        "The Premier will attend the 25th Leaders' Meeting and the 16th Summit.",
        "The Premier will attend the 24th Leaders' Meeting and the 16th Summit.",
        "第24次",
    ),
    "a bare day, its month from the dateline": (
        "双方21日在滨海举行会谈，达成多项共识。",
        "The two sides held talks in Binhai on May 29 and reached consensus on a number of issues.",
        "The two sides held talks in Binhai on May 21 and reached consensus on a number of issues.",
        "21日",
    ),
    "a vague magnitude a place off": (
        "活动吸引了数百名志愿者参与，现场秩序井然。",
        "The event drew thousands of volunteers, and order on site was good.",
        "The event drew hundreds of volunteers, and order on site was good.",
        "数百名",
    ),
    "上万 against a figure below it": (
        "展会期间上万名游客到场参观，气氛热烈。",
        "During the fair more than 1,000 tourists came to see it, and the atmosphere was lively.",
        "During the fair more than 10,000 tourists came to see it, and the atmosphere was lively.",
        "上万名",
    ),
    "a precise English figure for a vague Chinese one": (
        "展会期间上千名游客到场参观，气氛热烈。",
        "During the fair 1,369 tourists came to see it, and the atmosphere was lively.",
        "During the fair more than 1,000 tourists came to see it, and the atmosphere was lively.",
        "上千名",
    ),
    "tenths written with 两": (
        "调查显示，约两成受访者表示愿意尝试。",
        "The survey shows that about 12 percent of respondents are willing to try.",
        "The survey shows that about 20 percent of respondents are willing to try.",
        "两成",
    ),
    "a relative day counted from the dateline": (
        "双方昨天在滨海举行会谈，达成多项共识。",
        "The two sides held talks in Binhai on May 22 and reached consensus on a number of issues.",
        "The two sides held talks in Binhai on May 23 and reached consensus on a number of issues.",
        "昨天",
    ),
    "traditional characters": (
        "目前已有70多個國家和國際組織表達了合作意願，各方反響積極。",
        "To date, more than 72 countries and international organizations have expressed interest.",
        "To date, more than 70 countries and international organizations have expressed interest.",
        "70多個",
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_a_slip_fires_and_the_correct_translation_does_not(name):
    zh, slip, right, named = CASES[name]
    found = warnings(bilingual(zh, slip))
    assert len(found) == 1, (name, [f.message for f in found])
    assert named in found[0].message or any(named in r.message for r in found[0].related), found[0].message
    assert lint(bilingual(zh, right), MISMATCH) == [], name


QUIET = {
    "third parties for 第三方": (
        "关于第一个问题，我们认为不应损害包括中国在内的第三方利益。",
        "On the first question, we believe it should not harm the interests of third parties including China.",
    ),
    "two dates joined by 和": (
        "9月2日和3日分别召开高官会和部长会，为峰会做准备。",
        "The Senior Officials' Meeting and the Ministerial Conference will be held on September 2 and 3.",
    ),
    "an age in decades": (
        "年近八旬的老教授仍坚守在科研一线。",
        "Approaching eighty, the old professor still works on the front line of research.",
    ),
    "the dateline restated in the heading": (
        "双方在会谈中就共同关心的问题深入交换了意见。",
        "The two sides had an in-depth exchange of views on issues of common concern.",
    ),
    "kilowatt-hours for 度电": (
        "示范户每月节约用电约300度电，成效明显。",
        "Each demonstration household saves about 300 kWh of electricity a month, a clear effect.",
    ),
    "数万 as tens of thousands": (
        "这一项目为当地创造了数万个就业岗位，带动效应明显。",
        "The project has created tens of thousands of jobs locally, with a clear knock-on effect.",
    ),
    "上万 as thousands, loosely": (
        "展会期间上万名游客到场参观，气氛热烈。",
        "During the fair thousands of tourists came to see it, and the atmosphere was lively.",
    ),
    "two neighbouring numerals before a place": (
        "新建步道全长五六百米，沿河而建。",
        "The new trail runs 500 to 600 meters along the river.",
    ),
    "a word ending in 数 before 十分": (
        "今年报名人数十分踊跃，共有120人参加。",
        "Registration was very enthusiastic this year, with 120 participants.",
    ),
    "jin kept as jin": (
        "今年合作社共收获有机茶叶3000多斤，全部售出。",
        "This year the cooperative harvested more than 3,000 jin of organic tea, all of it sold.",
    ),
}


@pytest.mark.parametrize("name", sorted(QUIET))
def test_correct_translations_are_quiet(name):
    zh, en = QUIET[name]
    assert lint(bilingual(zh, en), MISMATCH) == [], name


def test_the_heading_date_must_restate_the_chinese_heading():
    text = bilingual(*FILLER, head=(HEAD[0], "Spokesperson's Regular Press Conference on May 24, 2030"))
    found = warnings(text)
    assert len(found) == 1 and "heading" in found[0].message and "2031" in found[0].message


def test_a_chinese_day_that_lost_its_month():
    zh = "某国将于82日正式退出该条约，各方表示关切。"
    en = "The country will formally withdraw from the treaty on August 2, which has raised concerns."
    text = bilingual(zh, en)
    found = warnings(text)
    assert len(found) == 1 and "82日" in found[0].message and found[0].start.line == 5


def test_a_year_with_a_digit_glued_to_it():
    text = bilingual(*FILLER, head=(HEAD[0], "Spokesperson's Regular Press Conference on May 24, 20311"))
    found = warnings(text)
    assert len(found) == 1 and "20311" in found[0].message


def test_an_article_number_of_a_translated_law():
    zh = "第十二条　社会公共财产受法律保护，任何组织或者个人不得侵占或者破坏。"
    en = "Article 15 Public property is protected by law; no organization or individual may seize or damage it."
    found = warnings(bilingual(zh, en))
    assert len(found) == 1 and "第十二条" in found[0].related[0].message
    assert lint(bilingual(zh, en.replace("15", "12")), MISMATCH) == []


# -- a paper's front matter -------------------------------------------------


def test_paper_front_matter_dates():
    text = (FIXTURES / "front_matter.txt").read_text(encoding="utf-8")
    found = lint(text, MISMATCH)
    got = sorted((f.start.line, f.message.split("”")[0]) for f in found)
    assert got == [(9, "English received date “Mar. 3rd, 2030"), (11, "English copyright year “2030")], got


# -- serial numbers ---------------------------------------------------------


def test_a_serial_number_that_differs_from_the_others():
    text = (
        "某某期刊 国际标准刊号: eISSN 1234-5678\n\n"
        "本刊编辑部\n\neISSN: 1234-5678\n\nInternational Standard Serial Number: eISSN 1234-5687\n"
    )
    found = lint(text, CONTRADICTION)
    assert len(found) == 1 and found[0].start.line == 7 and "1234-5678" in found[0].message
    assert lint(text.replace("5687", "5678"), CONTRADICTION) == []


def test_two_counts_in_one_sentence_are_not_a_restatement():
    text = (
        "目前已有70多个国家和国际组织表达了合作意愿，30多个国家和国际组织同我们签署了合作协议，"
        "各方在论坛期间围绕基础设施互联互通、贸易投资便利化、金融合作、人文交流等议题深入交流。\n"
    )
    assert lint(text, CONTRADICTION) == []


# -- the readers --------------------------------------------------------------


def _zh(text):
    return [(q.text, q.kind, q.value, q.unit) for q in extract_zh(text, 0, len(text))]


def test_traditional_units_are_read_and_converted():
    assert ("3000多斤", "measure", 1.5e6, "g") in _zh("收获茶叶3000多斤。")
    assert ("15亩", "measure", 1e4, "m²") in _zh("新建农田15亩。")
    assert ("3度电", "measure", 3000.0, "Wh") in _zh("每天少用3度电。")
    assert ("5里", "measure", 2500.0, "m") in _zh("步行5里路。")
    assert _zh("万里长城") == [] and _zh("千斤重担") == []


def test_english_units_for_traditional_measures():
    qs = extract_en("3,000 jin and 20 catties", 0, 24)
    assert [(q.value, q.unit) for q in qs] == [(1.5e6, "g"), (1e4, "g")]


def test_traditional_characters_are_read_as_simplified_keeping_the_text():
    doc = Document("目前已有70多個國家表達了合作意願，共計3.5萬人參加。\n", "t.txt")
    qs = [q for qs in doc.analysis(quantities).values() for q in qs]
    assert [(q.text, q.value, q.noun.split("|")[0]) for q in qs] == [("70多個", 70.0, "个"), ("3.5萬人", 35000.0, "人")]


def test_articles_and_ages():
    qs = extract_en("Article 12 applies.", 0, 19)
    assert [(q.kind, q.value, q.noun) for q in qs] == [("ordinal", 12.0, "article")]
    assert ("年近八旬", "count", 80.0, "") in _zh("年近八旬的老人。")


def test_units_are_data_a_user_can_extend(tmp_path):
    assert "千瓦时" in ZH_UNITS and "kilowatt-hour" in EN_UNITS
    extra = tmp_path / "units.yaml"
    extra.write_text("zh:\n  担: [g, 50000, measure]\nen:\n  picul: [g, 50000, measure]\n", encoding="utf-8")
    try:
        load_units(extra)
        assert ("2担", "measure", 1e5, "g") in _zh("收稻谷2担。")
        assert [(q.value, q.unit) for q in extract_en("2 piculs of rice", 0, 16)] == [(1e5, "g")]
    finally:
        ZH_UNITS.pop("担", None)
        EN_UNITS.pop("picul", None)


def test_counted_nouns_are_data_a_user_can_extend(tmp_path):
    from lintkit_numbers.nouns import NOUNS, load_nouns, zh_terms

    assert zh_terms("seven key areas") == NOUNS["area"]
    extra = tmp_path / "nouns.yaml"
    extra.write_text("orchard: [果园]\n", encoding="utf-8")
    try:
        load_nouns(extra)
        assert zh_terms("three orchards") == ("果园",)
    finally:
        NOUNS.pop("orchard", None)


# -- PDF conversion noise ---------------------------------------------------


def _read(text):
    doc = Document(text, "t.md")
    return [(q.text, q.kind, q.value, q.unit) for qs in doc.analysis(quantities).values() for q in qs]


def test_latex_figures_are_read_as_written_figures():
    assert _read("Accuracy reached $9 9 . 5 \\%$, up $2 \\%$.\n") == [
        ("$9 9 . 5 \\%$", "percent", 99.5, "%"),
        ("$2 \\%$", "percent", 2.0, "%"),
    ]
    assert _read("准确率达到 $9 9 . 5 \\%$，提高了 $2 \\%$。\n") == [
        ("$9 9 . 5 \\%$", "percent", 99.5, "%"),
        ("$2 \\%$", "percent", 2.0, "%"),
    ]


def test_markdown_escapes_are_read_through():
    assert _read("增长2\\%。\n") == [("2\\%", "percent", 2.0, "%")]


def test_a_latex_percentage_is_not_two_dollars_in_a_summary():
    text = (
        "滨江新区年度报告\n\n文 / 林一\n\n全年新增绿地面积同比增长 $2 \\%$，森林覆盖率达到 $9 9 . 5 \\%$。\n\n"
        "Reading Summary\n\nGreen space grew by 2% and forest cover reached 99.5%.\n"
    )
    assert lint(text, MISMATCH) == []


# -- a headline's count against its body ----------------------------------------


def test_a_headline_count_that_its_body_gives_otherwise():
    body = (
        "滨江新区欢迎57位女性企业家到访\n\n来自各地的大约50名女性企业家星期天参加了欢迎活动，"
        "双方就产业合作交换了意见。\n\n活动期间还举行了项目推介会。\n"
    )
    found = lint(body, CONTRADICTION)
    assert len(found) == 1 and found[0].start.line == 1 and "57位" in found[0].message
    assert lint(body.replace("57位", "50位"), CONTRADICTION) == []


# -- list items and captions ------------------------------------------------


def test_a_list_item_number_of_a_translated_law():
    zh = "（十二）改变或者撤销下级机关不适当的决定和命令；"
    en = "(16) changing or revoking inappropriate decisions and orders of organs at the lower level;"
    found = warnings(bilingual(zh, en))
    assert len(found) == 1 and "十二" in found[0].related[0].message
    assert lint(bilingual(zh, en.replace("16", "12")), MISMATCH) == []


def test_a_caption_figure_against_the_chinese_caption():
    text = (FIXTURES / "captions.txt").read_text(encoding="utf-8")
    found = lint(text, MISMATCH)
    assert [(f.start.line, f.message.split("”")[0]) for f in found] == [(11, "English caption figure “35")], [
        f.message for f in found
    ]
    assert lint(text.replace("after 35 rounds", "after 30 rounds"), MISMATCH) == []


def test_a_number_too_long_for_a_float_is_no_crash():
    from lintkit.testing import lint

    text = "会议召开。\n\nSummary: The plant made " + "9" * 309 + " tons.\n"
    lint(text, ["numbers.zh-en-mismatch", "numbers.contradiction"])  # raises if a rule fails


# -- a heading broken over two lines; a day no month has ---------------------------------

_BRIEFING = """\
2024年10月21日外交部发言人陈海
主持例行记者会
Foreign Ministry Spokesperson Chen Hai's
Regular Press Conference on October 21, 2024

总台记者:上周六,第136届交易会第一期线下展圆满结束。
CCTV: Last Saturday, the first phase of the 136th trade fair concluded.
"""


def test_the_date_of_an_english_heading_broken_over_two_lines_is_checked():
    text = _BRIEFING.replace("October 21, 2024", "October 28, 2024")
    (f,) = lint(text, MISMATCH, path="b.txt")
    assert f.start.line == 4 and "in the heading" in f.message and "2024-10-21" in f.message


def test_a_heading_broken_over_two_lines_that_agrees_is_quiet():
    assert [f for f in lint(_BRIEFING, MISMATCH, path="b.txt") if f.severity >= Severity.WARNING] == []


def test_an_english_date_past_the_end_of_its_month_is_reported():
    text = _BRIEFING.replace("Last Saturday,", "On December 34,")
    (f,) = [f for f in lint(text, MISMATCH, path="b.txt") if "does not exist" in f.message]
    assert f.start.line == 7 and "December has 31 days" in f.message


def test_june_31_does_not_exist_either():
    text = _BRIEFING.replace("Last Saturday,", "On June 31,")
    assert [f for f in lint(text, MISMATCH, path="b.txt") if "does not exist" in f.message]


def test_a_month_name_before_a_count_is_no_date():
    text = _BRIEFING.replace("Last Saturday, the first phase", "In May 35 exhibitors joined; the first phase")
    assert [f for f in lint(text, MISMATCH, path="b.txt") if "does not exist" in f.message] == []


# -- a count stated twice one way and once with a slipped digit ---------------------------

_VISIT = (
    "代表处欢迎全美州议会40位女性州议员到访\n"
    "来自各州议会的大约40名女性州议员星期天参加了欢迎活动。\n"
    "代表处在社交媒体上说，由大约40位女性州议员组成的访团参观了展览。\n"
)


def test_a_count_given_twice_and_once_with_a_slipped_digit_is_reported():
    text = _VISIT.replace("由大约40位", "由大约46位")
    (f,) = lint(text, CONTRADICTION, path="v.txt")
    assert f.start.line == 3 and "slipped digit" in f.message and len(f.related) == 2


def test_a_smaller_count_of_the_same_people_is_no_slip():
    text = _VISIT + "其中3名女性州议员来自南部各州。其中3名女性州议员首次访问。\n"
    assert lint(text, CONTRADICTION, path="v.txt") == []


def test_two_single_digit_counts_are_two_counts():
    text = (
        "文件明确了六个重点领域的任务。\n其六个重点领域分别是科技、产业、消费、民生、治理和合作。\n"
        "另一份文件提出了八个重点领域的应用。\n"
    )
    assert lint(text, CONTRADICTION, path="v.txt") == []


def test_an_english_figure_with_the_letter_o_for_a_zero_is_reported():
    text = _BRIEFING.replace("the 136th trade fair", "the 136th trade fair, open for 3O days,")
    (f,) = [f for f in lint(text, MISMATCH, path="b.txt") if "letter O" in f.message]
    assert f.start.line == 7 and f.fix.edits[0].replacement == "30"


def test_names_that_start_with_the_letter_o_are_not_figures():
    text = _BRIEFING.replace(
        "the 136th trade fair", "the 136th trade fair, where the O1 chip and strain O157 were shown,"
    )
    assert [f for f in lint(text, MISMATCH, path="b.txt") if "letter O" in f.message] == []


# -- a summary's year against the Chinese sentences that name the same place -------------

_ZONE = """\
# 青岚高新区：创新驱动产业跃升

2023年，青岚高新区以创新为引领，产业总产值同比增长7.6%。

2024年，全国两会提出发展新质生产力，各地纷纷布局。

2023年，青岚高新区新增高新技术企业42家。

Reading Summary

In 2023, Qinglan High-tech Zone drove industrial leaps through innovation.
"""


def test_a_summary_year_that_every_chinese_sentence_about_its_place_gives_otherwise():
    text = _ZONE.replace("In 2023, Qinglan", "In 2024, Qinglan")
    (f,) = [f for f in lint(text, MISMATCH, path="z.md") if "sentences about" in f.message]
    assert f.start.line == 11 and "Qinglan say 2023" in f.message and len(f.related) == 2


def test_a_summary_year_the_chinese_sentences_about_its_place_give_is_quiet():
    assert [f for f in lint(_ZONE, MISMATCH, path="z.md") if "sentences about" in f.message] == []


def test_a_summary_year_inside_a_range_is_not_compared_alone():
    text = _ZONE.replace("2023年，青岚高新区以创新", "2022—2023年，青岚高新区以创新").replace(
        "In 2023, Qinglan High-tech Zone drove", "From 2022 to 2023, Qinglan High-tech Zone drove"
    )
    assert [f for f in lint(text, MISMATCH, path="z.md") if "sentences about" in f.message] == []


_DATASET = """\
# 2020–2022年某站农田通量观测数据集

摘要：本数据集整理了2020–2022年某站的通量观测资料。

## 引言

数据集时间跨度为2019–2022年，包括半小时、日、月三个尺度。

## 数据

2020–2022年共3年的观测数据经过质量控制。2015–2018年该地区曾开展过类似观测。
"""


def test_a_span_of_years_given_twice_one_way_and_once_slipped_is_reported():
    (f,) = lint(_DATASET, CONTRADICTION, path="d.md")
    assert f.start.line == 7 and "2019–2022年" in f.message and "slipped year" in f.message


def test_spans_of_years_that_differ_by_more_than_a_slip_are_two_spans():
    text = _DATASET.replace("2019–2022年", "2020–2022年")
    assert lint(text, CONTRADICTION, path="d.md") == []


# -- ages: N岁 against "an N-year-old", "N years old", "aged N" ------------------------------

_AGE = """\
2024年10月21日外交部发言人陈海
主持例行记者会
Foreign Ministry Spokesperson Chen Hai's
Regular Press Conference on October 21, 2024

总台记者:据报道,一名45岁的中国公民在当地遇袭受伤。中方对此有何评论?
CCTV: It is reported that a 45-year-old Chinese citizen was attacked and injured. What is China's comment?
"""


@pytest.mark.parametrize(
    "english", ["a 45-year-old Chinese citizen", "a Chinese citizen, aged 45,", "a Chinese citizen, 45 years old,"]
)
def test_an_age_rendered_as_an_age_is_quiet(english):
    text = _AGE.replace("a 45-year-old Chinese citizen", english)
    assert [f for f in lint(text, MISMATCH, path="a.txt") if f.severity >= Severity.WARNING] == []


def test_an_age_that_slipped_in_translation_is_reported():
    (f,) = lint(_AGE.replace("45-year-old", "46-year-old"), MISMATCH, path="a.txt")
    assert f.start.line == 7 and "46-year-old" in f.message


def test_an_age_is_no_duration():
    from lintkit.analysis.quantities import extract_en

    (age,) = extract_en("a 45-year-old man", 0, 17)
    (years,) = extract_en("for 45 years", 0, 12)
    assert (age.kind, age.value) == ("count", 45.0) and years.kind == "duration"


def test_an_english_count_counts_the_noun_before_the_next_figure():
    # "two sides … seven agreements": the two count sides, so only the seven is compared with 5项协议
    text = "The two sides signed seven agreements."
    (q,) = [q for q in extract_en(text, 0, len(text)) if q.value == 2]
    assert q.noun == "sides signed"


def test_the_briefings_date_slipped_into_a_paragraph_for_another_day():
    # 23日 in the Chinese, the dateline's May 24 in its English: the dateline is no source of the paragraph
    text = (
        "2031年5月24日某部发言人主持例行记者会\n\nSpokesperson's Regular Press Conference on May 24, 2031\n\n"
        "某国外长23日表示同意。\n\nThe foreign minister said on May 24 that he agreed.\n"
    )
    (f,) = lint(text, "numbers.zh-en-mismatch")
    assert f.start.line == 7 and "23日" in f.message
    assert lint(text.replace("23日", "24日"), "numbers.zh-en-mismatch") == []
