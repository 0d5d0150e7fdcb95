"""The shared quantity extraction (lintkit.analysis.quantities)."""

import pytest

from lintkit.analysis.quantities import (
    Quantity,
    extract_en,
    extract_zh,
    format_value,
    infer_years,
    issue_date,
    quantities,
    same_value,
)
from lintkit.model.document import Document


def zh(text):
    return extract_zh(text, 0, len(text))


def en(text):
    return extract_en(text, 0, len(text))


def one(qs):
    assert len(qs) == 1, qs
    return qs[0]


@pytest.mark.parametrize(
    "text, kind, value, unit, approx",
    [
        # Arabic and Chinese numerals, magnitudes
        ("超3.6万项成果", "count", 36_000, "", "over"),
        ("十余名专家", "count", 10, "", "over"),
        ("三十余位院士", "count", 30, "", "over"),
        ("100多个国家和地区", "count", 100, "", "over"),
        ("约300人参加", "count", 300, "", "about"),
        ("近百位专家", "count", 100, "", "nearly"),
        ("七大领域", "count", 7, "", ""),
        ("两项专利", "count", 2, "", ""),
        ("2,150家企业", "count", 2150, "", ""),
        ("第三十一届博览会", "ordinal", 31, "", ""),
        ("第7次会议", "ordinal", 7, "", ""),
        ("“十六五”规划", "ordinal", 16, "", ""),
        # money
        ("5120亿美元", "money", 5.12e11, "USD", ""),
        ("7000亿元", "money", 7e11, "CNY", ""),
        ("3.4万亿元", "money", 3.4e12, "CNY", ""),
        ("超过 845.27 亿元人民币", "money", 8.4527e10, "CNY", "over"),
        # percent
        ("增长17.35%", "percent", 17.35, "%", ""),
        ("百分之四十", "percent", 40, "%", ""),
        ("提高0.4个百分点", "percent", 0.4, "pp", ""),
        ("不足15%", "percent", 15, "%", "under"),
        # measures, normalised
        ("15兆瓦", "measure", 15e6, "W", ""),
        ("2万千瓦", "measure", 2e7, "W", ""),
        ("6000万千瓦时", "measure", 6e10, "Wh", ""),
        ("47公里", "measure", 47_000, "m", ""),
        ("0.08毫米", "measure", 8e-5, "m", ""),
        ("约6万平方米", "measure", 60_000, "m²", "about"),
        ("3平方公里", "measure", 3e6, "m²", ""),
        ("2000吨", "measure", 2e9, "g", ""),
        ("万吨级货轮", "measure", 1e10, "g", ""),
        ("80 MW", "measure", 8e7, "W", ""),
        # durations
        ("四十年来", "duration", 40 * 365.25 * 86400, "s", ""),
        ("3个月", "duration", 3 * 30.44 * 86400, "s", ""),
        ("365 日服务", "duration", 365 * 86400, "s", ""),
        ("24 小时", "duration", 86400, "s", ""),
    ],
)
def test_chinese_figures(text, kind, value, unit, approx):
    q = one([q for q in zh(text) if q.kind != "year"])
    assert (q.kind, q.unit, q.approx) == (kind, unit, approx)
    assert q.value == pytest.approx(value)


@pytest.mark.parametrize(
    "text, kind, value, unit, approx",
    [
        ("over 36,000 results", "count", 36_000, "", "over"),
        ("more than ten experts", "count", 10, "", "over"),
        ("nearly 100 experts", "count", 100, "", "nearly"),
        ("seven key areas", "count", 7, "", ""),
        ("twenty-two cities", "count", 22, "", ""),
        ("the 31st exchange conference", "ordinal", 31, "", ""),
        ("the thirty-first session", "ordinal", 31, "", ""),
        ("$512 billion", "money", 5.12e11, "USD", ""),
        ("\\$512 billion", "money", 5.12e11, "USD", ""),
        ("700 billion yuan", "money", 7e11, "CNY", ""),
        ("exceeded 3.4 trillion yuan", "money", 3.4e12, "CNY", "over"),
        ("17.35%", "percent", 17.35, "%", ""),
        ("40 percent", "percent", 40, "%", ""),
        ("0.4 percentage points", "percent", 0.4, "pp", ""),
        ("15 MW", "measure", 15e6, "W", ""),
        ("20,000 kilowatts", "measure", 2e7, "W", ""),
        ("60 million kWh", "measure", 6e10, "Wh", ""),
        ("0.08mm", "measure", 8e-5, "m", ""),
        ("about 60,000 square meters", "measure", 60_000, "m²", "about"),
        ("10,000-ton", "measure", 1e10, "g", ""),
        ("over four decades", "duration", 40 * 365.25 * 86400, "s", "over"),
        ("three to four months", "duration", 3 * 30.44 * 86400, "s", ""),
        ("20-plus partners", "count", 20, "", "over"),
    ],
)
def test_english_figures(text, kind, value, unit, approx):
    q = one(en(text))
    assert (q.kind, q.unit, q.approx) == (kind, unit, approx)
    assert q.value == pytest.approx(value)


def test_ranges_in_both_languages():
    q = one(zh("下降2%—3%"))
    assert (q.value, q.high, q.unit) == (2, 3, "%")
    q = one(zh("未来4-6年"))
    assert q.kind == "duration" and q.high == pytest.approx(6 * 365.25 * 86400)
    assert q.value == pytest.approx(4 * 365.25 * 86400)
    q = one(en("2%-3%"))
    assert (q.value, q.high) == (2, 3)
    assert same_value(one(zh("未来4-6年")), one(en("4-6 years")))


def test_dates_and_date_ranges():
    q = one(zh("3月2日至4日"))
    assert (q.kind, q.year, q.month, q.day, q.day_high) == ("date", None, 3, 2, 4)
    q = one(zh("2031 年 4 月 8 日至 10 日"))
    assert (q.year, q.month, q.day, q.day_high, q.year_source) == (2031, 4, 8, 10, "explicit")
    q = one(zh("二〇三一年五月三日"))
    assert (q.year, q.month, q.day) == (2031, 5, 3)
    q = one(en("from March 2 to 4"))
    assert (q.month, q.day, q.day_high, q.year) == (3, 2, 4, None)
    q = one(en("On March 12, 2030, they met"))
    assert (q.year, q.month, q.day) == (2030, 3, 12)
    q = one(en("on 12 March 2030"))
    assert (q.year, q.month, q.day) == (2030, 3, 12)
    q = one(en("In August 2031"))
    assert (q.year, q.month, q.day) == (2031, 8, None)


def test_years():
    assert [(q.kind, q.year) for q in zh("2030年度工作")] == [("year", 2030)]
    assert [(q.kind, q.year) for q in zh("2031某协会年会")] == [("year", 2031)]
    assert [(q.kind, q.year) for q in en("In 2030, the 2031 plan")] == [("year", 2030), ("year", 2031)]


@pytest.mark.parametrize(
    "text",
    ["统一部署，唯一选择", "一个足够宽阔的赛道", "千家万户", "万物互联", "十分重要", "新一年的工作", "第三年"],
)
def test_chinese_words_with_numerals_are_not_counts(text):
    assert [q for q in zh(text) if q.kind in ("count", "duration")] == []


@pytest.mark.parametrize(
    "text",
    [
        "5G and 3D printing",
        "one of the best",
        "for the first time",
        "the Five-Year Plan",
        "the Third-Generation center",
        "a second opinion",
        "you may go",
    ],
)
def test_english_names_and_words_are_not_figures(text):
    assert en(text) == []


@pytest.mark.parametrize(
    "a, b",
    [
        ("超3.6万项", "over 36,000"),
        ("十余名", "more than ten"),
        ("20余个", "over 20"),
        ("5120亿美元", "$512 billion"),
        ("7000亿元", "700 billion yuan"),
        ("3.4万亿元", "3.4 trillion yuan"),
        ("17.35%", "17.35%"),
        ("15兆瓦", "15 MW"),
        ("2万千瓦", "20 MW"),
        ("四十年", "four decades"),
        ("845.27亿元", "84.527 billion yuan"),
        ("36,312项", "36,000"),  # rounding to the precision written
        ("约300人", "310"),  # approximation slack
    ],
)
def test_equal_values_written_differently(a, b):
    qa = [q for q in zh(a) if q.kind != "year"][0]
    qb = en(b)[0]
    assert same_value(qa, qb) and same_value(qb, qa)


@pytest.mark.parametrize(
    "a, b",
    [("六大", "five"), ("90兆瓦", "9 MW"), ("5120亿美元", "$51.2 billion"), ("17.35%", "17.53%"), ("3.6万项", "3,600")],
)
def test_different_values(a, b):
    assert not same_value(zh(a)[0], en(b)[0])


def test_format_value_is_readable():
    assert format_value(one(zh("15兆瓦"))) == "15 MW"
    assert format_value(one(zh("超3.6万项"))) == "over 36,000"
    assert format_value(one(zh("2%—3%"))) == "2–3%"


def test_issue_date_and_year_inference():
    doc = Document("某刊 2031年6月30日出版\n\n标题\n\n3月12日，某会举行。\n")
    assert issue_date(doc) == (2031, 6, 30)
    assert issue_date(Document("《某报》2031年6月30日第5版\n")) == (2031, 6, 30)
    assert issue_date(Document("没有日期。\n")) is None
    d = Quantity(0, 6, "3月12日", "zh", "date", month=3, day=12)
    late = Quantity(0, 6, "9月12日", "zh", "date", month=9, day=12)
    # the issue date alone: the latest such day not after the issue
    (q,) = infer_years([d], (2031, 6, 30), "")
    assert q.year == 2031 and "issue date" in q.year_source
    (q,) = infer_years([late], (2031, 6, 30), "")
    assert q.year == 2030
    # an article reporting a year's work was written after that year
    (q,) = infer_years([d], None, "会议总结了2030年度工作。")
    assert q.year == 2031 and "2030's work" in q.year_source
    (q,) = infer_years([d], (2031, 6, 30), "会议总结了2030年度工作。")
    assert q.year == 2031 and "issue date" in q.year_source and "2030's work" in q.year_source
    # evidence that disagrees, or none: the year stays unknown and says so
    (q,) = infer_years([d], (2031, 6, 30), "会议总结了2028年度工作。")
    assert q.year is None and q.year_source == ""
    (q,) = infer_years([d], None, "")
    assert q.year is None and "year unknown" in q.describe()


def test_document_analysis_is_cached_per_block():
    doc = Document(
        "标题在此\n\n文 / 林一\n\n3月12日，滨江新区新增15兆瓦储能。\n\nSummary: On March 12, a 15 MW station.\n"
    )
    per_block = doc.analysis(quantities)
    assert doc.analysis(quantities) is per_block
    kinds = sorted(q.kind for qs in per_block.values() for q in qs)
    assert kinds == ["date", "date", "measure", "measure"]


@pytest.mark.parametrize(
    "a, b",
    [
        ("三分之一的企业", "a third of the firms"),
        ("增长三成", "30%"),
        ("七成以上", "over 70%"),
        ("一半企业", "half of the firms"),
        ("三分之二", "two-thirds of them"),
    ],
)
def test_fractions_and_tenths(a, b):
    qa, qb = one(zh(a)), one(en(b))
    assert qa.kind == qb.kind == "percent"
    assert same_value(qa, qb)


@pytest.mark.parametrize("text", ["统一成标准", "一成不变", "科技成果", "形成合力"])
def test_cheng_inside_words_is_not_a_fraction(text):
    assert zh(text) == []


def test_model_names_with_numbers_are_not_figures():
    assert en("the GPT-4 model and COVID-19") == []


def test_announced_events_lie_after_the_issue_date():
    text = "博览会将于5月8日至10日举办。"
    (q,) = zh(text)
    (q,) = infer_years([q], (2031, 3, 31), "", text)
    assert q.year == 2031
    text = "博览会将于2月8日举办。"
    (q,) = infer_years(zh(text), (2031, 3, 31), "", text)
    assert q.year == 2032
    text = "博览会于2月8日举办。"
    (q,) = infer_years(zh(text), (2031, 3, 31), "", text)
    assert q.year == 2031


def test_an_article_dated_by_its_own_source_line():
    text = (
        "某刊 2031年6月30日出版\n\n第一篇文章标题\n\n文 / 林一\n\n3月2日，某会举行。\n\n"
        "第二篇文章标题\n\n《某日报》2030年2月1日第3版\n\n文 / 周二\n\n3月2日，另一会举行。\n"
    )
    doc = Document(text)
    dates = [
        q for qs in doc.analysis(quantities).values() for q in qs if q.kind == "date" and q.year_source != "explicit"
    ]
    assert [(q.month, q.day, q.year) for q in dates] == [(3, 2, 2031), (3, 2, 2029)]


def test_adjacent_chinese_digits_are_a_range_not_a_number():
    q = one(zh("四五个小时"))
    assert q.kind == "duration" and q.value == 4 * 3600 and q.high == 5 * 3600
    q = one(zh("三四项成果"))
    assert (q.value, q.high) == (3, 4)
    assert same_value(q, one(en("three to four results")))
    q = one(zh("数十年如一日"))  # "for decades": an interval, never the number 10
    assert (
        q.approx == "vague" and q.kind == "duration" and (q.value, q.high) == (20 * 365.25 * 86400, 90 * 365.25 * 86400)
    )


def test_vague_magnitudes_are_intervals_compared_by_overlap():
    assert same_value(one(zh("数万个岗位")), one(en("tens of thousands of jobs")))
    assert not same_value(one(zh("数百名志愿者")), one(en("thousands of volunteers")))
    assert same_value(one(zh("上万名游客")), one(en("more than 10,000 tourists")))
    assert not same_value(one(zh("上万名游客")), one(en("more than 1,000 tourists")))
    assert not same_value(one(zh("上千名游客")), one(en("1,369 tourists")))
    assert zh("人数十分可观") == [] and zh("以上万元为单位") == []


# -- times of day --------------------------------------------------------------


@pytest.mark.parametrize(
    "text, shown, value, unit",
    [
        ("晚上九点，灯灭了。", "晚上九点", 21 * 60, "clock"),
        ("上午9时30分开会。", "上午9时30分", 9 * 60 + 30, "clock"),
        ("凌晨两点雨停。", "凌晨两点", 2 * 60, "clock"),
        ("当晚10点许结束。", "当晚10点许", 22 * 60, "clock"),
        ("中午12点开饭。", "中午12点", 12 * 60, "clock"),
        ("深夜11点收工。", "深夜11点", 23 * 60, "clock"),
        ("21时发车。", "21时", 21 * 60, "clock"),
        ("9点半出发。", "9点半", 9 * 60 + 30, "clock12"),
        ("三点一刻见。", "三点一刻", 3 * 60 + 15, "clock12"),
        ("十点钟开门。", "十点钟", 10 * 60, "clock12"),
        ("下午3:30左右到。", "下午3:30", 15 * 60 + 30, "clock"),
    ],
)
def test_chinese_times_of_day(text, shown, value, unit):
    q = one([q for q in zh(text) if q.kind == "time"])
    assert (q.text, q.value, q.unit) == (shown, value, unit)


def test_chinese_time_after_a_date():
    kinds = [(q.kind, q.text) for q in zh("5月8日9时开幕。")]
    assert kinds == [("date", "5月8日"), ("time", "9时")]


@pytest.mark.parametrize(
    "text", ["提出三点建议。", "一时半会儿说不清。", "这一点很重要。", "2017,09:38-40.", "比分3:1。"]
)
def test_chinese_non_times(text):
    assert [q for q in zh(text) if q.kind == "time"] == []


@pytest.mark.parametrize(
    "text, shown, value, unit",
    [
        ("At nine in the evening, the", "nine in the evening", 21 * 60, "clock"),
        ("It opened at 9:30 a.m. today", "9:30 a.m.", 9 * 60 + 30, "clock"),
        ("It ends at 9 pm sharp", "9 pm", 21 * 60, "clock"),
        ("It ends at ten o'clock", "ten o'clock", 10 * 60, "clock12"),
        ("It opened at 9:30, and", "9:30", 9 * 60 + 30, "clock12"),
        ("It starts at 21:00 daily", "21:00", 21 * 60, "clock"),
        ("at half past nine in the morning", "half past nine in the morning", 9 * 60 + 30, "clock"),
        ("at two in the morning", "two in the morning", 2 * 60, "clock"),
        ("eleven at night", "eleven at night", 23 * 60, "clock"),
        ("around 10 pm", "around 10 pm", 22 * 60, "clock"),
    ],
)
def test_english_times_of_day(text, shown, value, unit):
    q = one([q for q in en(text) if q.kind == "time"])
    assert (q.text, q.value, q.unit) == (shown, value, unit)


@pytest.mark.parametrize(
    "text",
    [
        "The toll stood at nine.",
        "a 3:2 ratio",
        "pages 09:38-40",
        "I am one among many",
        "nine people came",
        "won 3:1 at home",
    ],
)
def test_english_non_times(text):
    assert [q for q in en(text) if q.kind == "time"] == []


def test_same_time():
    (a,) = zh("晚上九点")
    (b,) = en("nine in the evening")
    (c,) = en("nine o'clock")
    (d,) = en("9 a.m.")
    (e,) = en("about 9:20 p.m.")
    (f,) = zh("晚上八点")
    assert same_value(a, b) and same_value(a, c) and same_value(d, c)
    assert not same_value(a, d) and not same_value(a, f)
    assert same_value(a, e)  # "about": within half an hour
    assert format_value(a) == "21:00" and format_value(c) == "9:00 (a.m. or p.m.)"
    # a time never equals a count of the same number
    (n,) = en("nine dimensions")
    assert not same_value(b, n)


def test_a_numeric_date_in_chinese_text_is_a_date():
    from lintkit.analysis.quantities import extract_zh

    text = "例行记者会（2021-6-8）与 2020/04/09 的发布会，版本 1.2.3 不是日期。"
    dates = [(q.year, q.month, q.day) for q in extract_zh(text, 0, len(text)) if q.kind == "date"]
    assert dates == [(2021, 6, 8), (2020, 4, 9)]


def test_shipped_yaml_files_read_by_libyaml_as_by_pyyamls_own_reader():
    """lintkit's own data files are read with libyaml (``load_shipped_yaml``):
    the same values, in the same order, as ``yaml.safe_load``."""
    from pathlib import Path

    import yaml

    from lintkit.analysis.shipped_yaml import load_shipped_yaml

    root = Path(__file__).resolve().parent.parent / "lintkit"
    shipped = [
        root / "analysis" / "quantities" / "units.yaml",
        root / "analysis" / "quantities" / "nouns.yaml",
        *sorted((root / "data").glob("*.yaml")),
    ]
    for path in shipped:
        text = path.read_text(encoding="utf-8")
        fast, plain = load_shipped_yaml(text), yaml.safe_load(text)
        assert fast == plain and fast, path
        assert repr(fast) == repr(plain), path  # the same order and types throughout
