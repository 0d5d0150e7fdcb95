"""The numbers plugin: numbers.zh-en-mismatch and numbers.contradiction."""

import pathlib
import textwrap

import pytest

from lintkit.model.document import Document
from lintkit.testing import lint, lint_documents, registry

FIXTURES = pathlib.Path(__file__).parent / "fixtures" / "numbers"
MISMATCH = "numbers.zh-en-mismatch"
CONTRADICTION = "numbers.contradiction"  # now an alias of the six rules split out of it
HEADING = "numbers.heading-contradiction"
SPLIT = (
    HEADING,
    "numbers.part-count",
    "numbers.restated-count",
    "numbers.serial-number",
    "numbers.odd-count",
    "numbers.odd-year-range",
)


def fixture(name):
    return (FIXTURES / name).read_text(encoding="utf-8")


def article(zh_body, summary, head="滨江新区年度报告", issue=""):
    top = f"{issue}\n\n" if issue else ""
    return f"{top}{head}\n\n文 / 林一\n\n{zh_body}\n\nReading Summary\n\n{summary}\n"


# -- zh-en-mismatch ---------------------------------------------------------


def test_mismatch_fixture_finds_the_year_the_count_and_the_added_figure():
    findings = lint(fixture("mismatch.txt"), MISMATCH)
    got = [(f.severity.name, f.message) for f in findings]
    assert len(got) == 3, got
    date, count, added = findings
    assert "March 12, 2030" in date.message and "2031" in date.message
    assert "issue date 2031-06-30" in date.message and "2030's work" in date.message
    assert date.related and date.related[0].message.startswith("Chinese: “3月12日”")
    assert str(date.severity) == "warning"
    assert "six dimensions" in count.message and "五个维度" in count.message
    assert str(count.severity) == "warning"
    assert "nine hours" in added.message and str(added.severity) == "info"


def test_equal_values_written_differently_never_fire():
    assert lint(fixture("mismatch_clean.txt"), MISMATCH) == []


@pytest.mark.parametrize(
    "zh_body, summary",
    [
        ("新区新建储能电站15兆瓦。", "A 15 MW station was built."),
        ("新区新建储能电站2万千瓦。", "A 20 MW station was built."),
        ("出口额约5120亿美元。", "Exports were about $512 billion."),
        ("营收7000亿元。", "Revenue was 700 billion yuan."),
        ("营收3.4万亿元。", "Revenue was 3.4 trillion yuan."),
        ("十余名院士出席。", "More than ten academicians attended."),
        ("来自20余个国家的代表出席。", "Delegates from over 20 countries attended."),
        ("增长17.35%。", "It grew by 17.35%."),
        ("第三十一届大会举行。", "The 31st conference was held."),
        ("第三十一届大会举行。", "The thirty-first conference was held."),
        ("两项专利获批。", "Two patents were granted."),
        ("四十年来成果丰硕。", "Over four decades it achieved much."),
        ("3月2日至4日举行。", "It was held from March 2 to 4."),
        ("2031年3月2日举行。", "It was held on March 2, 2031."),
    ],
)
def test_supported_figures_are_quiet(zh_body, summary):
    assert lint(article(zh_body, summary), MISMATCH) == []


@pytest.mark.parametrize(
    "zh_body, summary, english, chinese",
    [
        ("新区新建储能电站15兆瓦。", "A 150 MW station was built.", "150 MW", "15兆瓦"),
        ("出口额5120亿美元。", "Exports were $51.2 billion.", "$51.2 billion", "5120亿美元"),
        ("增长17.35%。", "It grew by 17.53%.", "17.53%", "17.35%"),
        ("聚焦七大领域。", "It focuses on six key areas.", "six", "七大"),
        ("3月2日至4日举行。", "It was held from March 3 to 4.", "March 3 to 4", "3月2日至4日"),
    ],
)
def test_a_changed_figure_fires_with_both_values(zh_body, summary, english, chinese):
    (f,) = lint(article(zh_body, summary), MISMATCH)
    assert str(f.severity) == "warning"
    assert english in f.message and chinese in f.message
    assert any(chinese in r.message for r in f.related)


def test_year_not_inferred_without_evidence_does_not_fire():
    # no issue date, no reported year's work: 3月12日 could be any year
    assert lint(article("3月12日，某会举行。", "On March 12, 2030, it was held."), MISMATCH) == []


def test_unmatched_option():
    text = article("新区发展良好。", "The district added 15 MW.")
    (f,) = lint(text, MISMATCH)
    assert str(f.severity) == "info" and "no Chinese counterpart" in f.message
    (f,) = lint(text, MISMATCH, options={"unmatched": "warning"})
    assert str(f.severity) == "warning"
    assert lint(text, MISMATCH, options={"unmatched": "off"}) == []


def test_count_of_another_thing_is_not_compared():
    # "six dimensions" vs 五个维度 fires; vs 五项成果 (another noun) it only lacks a counterpart
    assert [str(f.severity) for f in lint(article("提出五项成果。", "Six dimensions were set."), MISMATCH)] == ["info"]


# -- contradiction ----------------------------------------------------------


def test_contradiction_fixture():
    findings = lint(fixture("contradiction.txt"), CONTRADICTION)
    assert len(findings) == 1, [f.message for f in findings]
    (f,) = findings
    assert "90 兆瓦" in f.message and "9兆瓦" in f.message
    assert f.start.line == 3
    assert {r.start.line for r in f.related} == {5, 7}


def test_contradiction_points_to_copies_of_the_heading():
    text = "目录\n\n首座 90 兆瓦光伏电站并网\n\n另一篇文章标题\n\n正文\n\n首座 90 兆瓦光伏电站并网\n\n日前，首座9兆瓦光伏电站在滨海县并网发电。\n"
    findings = lint(text, CONTRADICTION)
    assert [f.start.line for f in findings] == [9]
    assert any(r.message == "the same heading elsewhere" and r.start.line == 3 for r in findings[0].related)


@pytest.mark.parametrize(
    "text",
    [
        "首座 9 兆瓦光伏电站并网\n\n日前，首座9兆瓦光伏电站在滨海县并网发电。\n",
        "超 3.6 万项成果走向市场\n\n全省累计转化科技成果36,312项。\n",
        # a different subject under the same unit: not the same quantity
        "首座 90 兆瓦光伏电站并网\n\n日前，某县新建风电场，另有3兆瓦储能项目开工。\n",
        # a sentence, not a heading
        "首座90兆瓦光伏电站并网发电。\n\n日前，首座9兆瓦光伏电站在滨海县并网发电。\n",
    ],
)
def test_contradiction_quiet(text):
    assert lint(text, CONTRADICTION) == []


def test_contradiction_min_shared_words_option():
    text = "新站 90 兆瓦并网\n\n日前，某地9兆瓦新站投运。\n"
    assert lint(text, CONTRADICTION) == []  # only one shared word (新站)
    assert len(lint(text, CONTRADICTION, options={"min-shared-words": 1})) == 1


# -- documentation examples ----------------------------------------------------


def _examples(doc):
    fires = doc.split("Example that fires")[1].split("Example that does not fire")[0]
    quiet = doc.split("Example that does not fire")[1].split("Options:")[0]

    def block(s):
        body = s.split("::", 1)[1]
        return textwrap.dedent(body).strip() + "\n"

    return block(fires), block(quiet)


@pytest.mark.parametrize("rule_id", [MISMATCH, HEADING])
def test_docstring_examples(rule_id):
    rule = registry().rules[rule_id]
    fires, quiet = _examples(rule.doc)
    assert [f for f in lint(fires, rule_id) if str(f.severity) == "warning"]
    assert lint(quiet, rule_id) == []


def test_rules_are_registered_by_the_plugin():
    rules = registry().rules
    assert rules[MISMATCH].plugin and rules[HEADING].plugin
    assert rules[MISMATCH].scope == "article" and rules[HEADING].scope == "document"
    # numbers.contradiction was split, one check per rule id
    assert {r.id for r in rules.values() if r.formerly == CONTRADICTION} == set(SPLIT)
    assert rules["numbers.cross-file-contradiction"].scope == "corpus"


def test_rule_code_quotes_no_sample_figures():
    root = pathlib.Path(__file__).resolve().parent.parent
    package = root / "lintkit" / "analysis" / "quantities"  # a package since issue 12, with its data
    sources = [
        *sorted(package.rglob("*.py")),
        *sorted(package.rglob("*.yaml")),
        *sorted((root / "plugins" / "lintkit_numbers").rglob("*.py")),
        *sorted((root / "plugins" / "lintkit_numbers").rglob("*.yaml")),
    ]
    code = "".join(p.read_text(encoding="utf-8") for p in sources)
    for sample in (
        "220",
        "4.8万",
        "48,000",
        "6382",
        "638.2",
        "19.75",
        "六大维度",
        "five key",
        "1月14日",
        "January 14",
        "十余位",
        "二十八",
    ):
        assert sample not in code, sample


# -- the samples ------------------------------------------------------------


def test_seeds(seeds):
    docs = [Document.from_path(p) for p in sorted(seeds.glob("*.txt"))]
    findings = lint_documents(docs, [MISMATCH, CONTRADICTION]).findings
    got = sorted((f.path.rsplit("/", 1)[-1][:3], f.start.line, f.rule, str(f.severity)) for f in findings)
    assert got == [
        ("002", 529, MISMATCH, "info"),  # "four-chain": the Chinese lists the chains without a number
        ("002", 622, MISMATCH, "warning"),  # January 14, 2025 for a meeting held in 2026
        ("002", 797, HEADING, "warning"),  # heading 220 兆瓦, body 20兆瓦
        ("002", 934, MISMATCH, "warning"),  # five key dimensions for 六大维度
        ("004", 105, "numbers.restated-count", "info"),  # 超过120个国家和地区 vs 100多个国家和地区, same forum
    ]
    by_line = {f.start.line: f for f in findings}
    assert "2026" in by_line[622].message
    assert "六大维度" in by_line[934].message
    assert "20兆瓦" in by_line[797].message


# -- count of parts ---------------------------------------------------------


def test_count_of_parts_against_the_numbered_parts():
    findings = lint(fixture("parts.txt"), CONTRADICTION)
    got = sorted((f.start.line, f.message) for f in findings)
    assert got == [
        (5, "announces 3 parts (“三个”) but 4 numbered parts follow"),
        (21, "announces 4 parts (“四大”) but 3 numbered parts follow"),  # the next announcement came
        (33, "announces 3 parts (“三个”) but 2 numbered parts follow"),  # numbering restarts
    ], got
    # 两项 / 一是 二是: consistent; unnumbered parts (三个维度): never counted.


def test_a_list_cut_by_a_heading_is_not_short():
    text = "经验体现在三个方面：\n\n第一，规划引领。\n\n第二，创新驱动\n\n（下转第5页）\n"
    assert lint(text, CONTRADICTION) == []


def test_the_old_count_parts_option_says_what_replaced_it():
    from lintkit.config import ConfigError

    assert lint(fixture("parts.txt"), "numbers.part-count")
    with pytest.raises(ConfigError, match="count-parts.*is gone"):
        lint(fixture("parts.txt"), CONTRADICTION, options={"count-parts": False})


def test_the_old_id_selects_ignores_sets_the_severity_of_and_silences_every_split_rule(tmp_path):
    from lintkit.testing import run_cli

    text = fixture("parts.txt")
    files = {"a.txt": text}
    both = run_cli(files, "check", ".", "--format", "json", "--select", CONTRADICTION, root=tmp_path).json
    assert {f["rule"] for f in both["findings"]} == {"numbers.part-count"}
    quiet = run_cli(
        files, "check", ".", "--format", "json", "--select", "numbers", "--ignore", CONTRADICTION, root=tmp_path
    ).json
    assert not [f for f in quiet["findings"] if f["rule"] in SPLIT]
    config = "select: [numbers]\nseverity:\n  numbers.contradiction: info\n"
    info = run_cli({"rules.yaml": config}, "check", ".", "--format", "json", root=tmp_path).json
    assert {f["severity"] for f in info["findings"] if f["rule"] == "numbers.part-count"} == {"info"}
    silenced = "<!-- lintkit-disable numbers.contradiction -->\n" + text
    out = run_cli(
        {"rules.yaml": "", "a.txt": silenced},
        "check",
        ".",
        "--format",
        "json",
        "--select",
        CONTRADICTION,
        root=tmp_path,
    ).json
    assert out["findings"] == []  # and no lintkit.unknown-rule: the old id is known


# -- an approximate count restated ----------------------------------------------

EVENT = "滨江论坛年会在滨江举行，来自{}国家和地区的嘉宾围绕“开放创新与绿色发展”主题展开交流。"


@pytest.mark.parametrize(
    "first, second, severity",
    [
        ("30余个", "50余个", "warning"),  # (30, 40) and (50, 60) cannot both be true
        ("超过120个", "不到100个", "warning"),
        ("超过120个", "100多个", "info"),  # both can be true: stated differently
    ],
)
def test_restated_count(first, second, severity):
    text = "一\n\n" + EVENT.format(first) + "\n\n二\n\n" + EVENT.format(second) + "\n"
    (f,) = lint(text, CONTRADICTION)
    assert str(f.severity) == severity
    assert second in f.message and first in f.message


@pytest.mark.parametrize(
    "text",
    [
        EVENT.format("30余个") + "\n\n" + EVENT.format("30多个") + "\n",  # the same figure
        # exact counts in similar sentences are different facts (two documents)
        "五部门联合印发《关于推进绿色发展的意见》。\n\n四部门联合印发《关于推进绿色发展的通知》。\n",
        # the same noun in unrelated sentences
        "产品远销30余个国家和地区。\n\n药物已惠及10多个国家和地区的患者。\n",
    ],
)
def test_restated_count_quiet(text):
    assert lint(text, CONTRADICTION) == []


def test_the_old_restated_option_reaches_the_restated_count_rule():
    text = EVENT.format("30余个") + "\n\n" + EVENT.format("50余个") + "\n"
    assert len(lint(text, CONTRADICTION)) == 1
    assert lint(text, CONTRADICTION, options={"restated-min-shared-words": 1000}) == []
    assert lint(text, "numbers.restated-count", options={"min-shared-words": 1000}) == []


def test_percentage_points_are_not_per_cent():
    (f,) = lint(article("比上年提高2个百分点。", "It rose 2% from the previous year."), MISMATCH)
    assert str(f.severity) == "warning" and "percentage points" in f.message
    assert lint(article("比上年提高2个百分点。", "It rose 2 percentage points."), MISMATCH) == []


# -- across the files of a run ----------------------------------------------------

CROSS = "numbers.cross-file-contradiction"


def test_cross_file_restated_count():
    a = Document(EVENT.format("30余个") + "\n", "a.txt")
    b = Document("另一篇\n\n" + EVENT.format("50余个") + "\n", "b.txt")
    c = Document("产品远销80余个国家和地区。\n", "c.txt")
    (f,) = lint_documents([a, b, c], CROSS).findings
    assert f.path == "b.txt" and str(f.severity) == "warning"
    assert f.related[0].path == "a.txt"
    assert "50余个" in f.message and "30余个" in f.message


def test_cross_file_same_figure_or_one_file_is_quiet():
    a = Document(EVENT.format("30余个") + "\n", "a.txt")
    b = Document(EVENT.format("30多个") + "\n", "b.txt")
    assert lint_documents([a, b], CROSS).findings == []
    # within one file it is numbers.contradiction's business
    one = Document(EVENT.format("30余个") + "\n\n" + EVENT.format("50余个") + "\n", "one.txt")
    assert lint_documents([one], CROSS).findings == []


def test_two_editions_of_an_annual_event_are_not_the_same_thing():
    a = Document(
        "2030滨江论坛年会在滨江举行，来自30余个国家和地区的嘉宾围绕“开放创新与绿色发展”主题展开交流。\n", "a.txt"
    )
    b = Document(
        "2031滨江论坛年会在滨江举行，来自50余个国家和地区的嘉宾围绕“开放创新与绿色发展”主题展开交流。\n", "b.txt"
    )
    assert lint_documents([a, b], CROSS).findings == []
    assert lint(a.text + "\n" + b.text, CONTRADICTION) == []


# -- zh-en-mismatch: magnitudes misread (3.5万 → 3,500) ---------------------


def test_magnitude_fixture_finds_the_misread_count_of_the_same_noun():
    findings = lint(fixture("magnitude.txt"), MISMATCH)
    assert len(findings) == 1, [f.message for f in findings]
    (f,) = findings
    assert str(f.severity) == "warning"
    assert "about 4,200" in f.message and "约4.2万名村民" in f.message and "42,000" in f.message
    assert f.start.line == 9
    assert [(r.start.line, r.message) for r in f.related] == [(5, "Chinese: “约4.2万名村民” (about 42,000)")]


@pytest.mark.parametrize(
    "zh_body, summary, english, chinese",
    [
        # the counted noun ties the two (nouns.py): residents = 居民
        ("项目覆盖约6.3万名居民。", "The project covers about 6,300 residents.", "6,300", "6.3万名居民"),
        ("项目覆盖约6.3万名居民。", "The project covers about 630,000 residents.", "630,000", "6.3万名居民"),
        # not a power of ten, still the same noun: a mismatch
        ("全镇有1.8万户居民。", "The town has 13,000 residents.", "13,000", "1.8万户居民"),
        # an English noun the glossary does not know: the same digits off by a
        # power of ten against a figure written with 万/亿 is a misread magnitude
        ("湖区越冬的白鹭约2.7万只。", "About 2,700 egrets winter on the lake.", "2,700", "约2.7万只"),
        ("湖区越冬的白鹭约2.7万只。", "About 270 egrets winter on the lake.", "270", "约2.7万只"),
    ],
)
def test_a_count_of_the_same_thing_with_another_value_fires(zh_body, summary, english, chinese):
    findings = lint(article(zh_body, summary), MISMATCH)
    assert len(findings) == 1, [f.message for f in findings]
    (f,) = findings
    assert str(f.severity) == "warning"
    assert english in f.message and chinese in f.message
    assert any(chinese in r.message for r in f.related)


@pytest.mark.parametrize(
    "zh_body, summary",
    [
        ("项目覆盖约6.3万名居民。", "The project covers about 63,000 residents."),
        ("项目覆盖6.3万余名居民。", "The project covers more than 63,000 residents."),
        ("项目覆盖6.3万名居民。", "The project covers 63 thousand residents."),
        ("湖区越冬的白鹭约2.7万只。", "About 27,000 egrets winter on the lake."),
        ("湖区越冬的白鹭约2.7万只。", "Some 27,000 egrets winter on the lake."),
        ("全市共有12.5亿元投入，惠及4.2万户。", "1.25 billion yuan reached 42,000 households."),
    ],
)
def test_equal_counts_written_with_magnitudes_are_quiet(zh_body, summary):
    assert lint(article(zh_body, summary), MISMATCH) == []


@pytest.mark.parametrize(
    "zh_body, summary",
    [
        # the Chinese 万 figure counts another glossary noun (企业), the English
        # one residents: not the same thing, so no magnitude slip is claimed
        ("新区聚集1.2万家企业。", "About 1,200 residents moved in."),
        # one significant digit (3万 / 3,000) is too weak a tie without the noun
        ("湖区越冬的白鹭约3万只。", "About 3,000 egrets winter on the lake."),
        # a figure written without 万/亿: no magnitude to misread
        ("新区建成2700个停车位。", "About 270 egrets winter on the lake."),
    ],
)
def test_no_magnitude_slip_without_a_tie(zh_body, summary):
    findings = lint(article(zh_body, summary), MISMATCH)
    assert [str(f.severity) for f in findings] == ["info"], [f.message for f in findings]
    assert "no Chinese counterpart" in findings[0].message


# -- zh-en-mismatch: times of day -------------------------------------------


def test_clock_time_fixture_finds_the_changed_hour():
    findings = lint(fixture("clock_times.txt"), MISMATCH)
    assert len(findings) == 1, [f.message for f in findings]
    (f,) = findings
    assert str(f.severity) == "warning"
    assert "nine in the evening" in f.message and "21:00" in f.message
    assert "晚上八点" in f.message and "20:00" in f.message
    assert [r.start.line for r in f.related] == [5]


def test_clock_times_written_differently_are_quiet():
    assert lint(fixture("clock_times_clean.txt"), MISMATCH) == []


@pytest.mark.parametrize(
    "zh_body, summary",
    [
        ("晚上九点，观测开始。", "At nine in the evening, the watch begins."),
        ("晚上九点，观测开始。", "The watch begins at 9 p.m."),
        ("晚上九点，观测开始。", "The watch begins at nine o'clock."),  # the half of the day left open
        ("21时，观测开始。", "The watch begins at 9 pm."),
        ("上午9时30分开幕。", "It opened at 9:30 a.m."),
        ("上午9点半开幕。", "It opened at half past nine in the morning."),
        ("5月8日9时开幕。", "It opened at 9:00 on May 8."),
        ("当晚10点许结束。", "It ended at around 10 pm."),
        ("凌晨两点，雨停了。", "At two in the morning the rain stopped."),
        ("下午3:30左右到达。", "They arrived at about 3:30 p.m."),
    ],
)
def test_equal_times_are_quiet(zh_body, summary):
    assert lint(article(zh_body, summary), MISMATCH) == []


@pytest.mark.parametrize(
    "zh_body, summary, english, chinese",
    [
        ("上午九点开幕。", "It opened at 9 p.m.", "9 p.m.", "上午九点"),
        ("晚上八点半结束。", "It ended at 8 p.m.", "8 p.m.", "晚上八点半"),
        ("下午3时开幕。", "It opened at four o'clock.", "four o'clock", "下午3时"),
    ],
)
def test_a_changed_time_fires(zh_body, summary, english, chinese):
    (f,) = lint(article(zh_body, summary), MISMATCH)
    assert str(f.severity) == "warning"
    assert english in f.message and chinese in f.message
    assert [chinese in r.message for r in f.related] == [True]


def test_a_time_the_chinese_never_gives_is_only_info():
    (f,) = lint(article("观测持续整夜。", "At nine in the evening, the watch begins."), MISMATCH)
    assert str(f.severity) == "info" and "English time" in f.message and "no Chinese counterpart" in f.message


def test_a_bare_at_nine_stays_a_count():
    # "at nine" with no o'clock, a.m./p.m. or part of the day may be a count
    # ("the toll stood at nine"); it is compared as a count, not a time
    assert lint(article("死亡人数升至九人。", "The toll stood at nine."), MISMATCH) == []
