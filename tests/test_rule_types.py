"""Declarative rule types: rules.yaml instances of existence, substitution,
consistency, occurrence and pattern-pair."""

from __future__ import annotations

import time

import pytest

from lintkit.config import ConfigError
from lintkit.testing import Expect, assert_findings, lint_yaml, run_cli

# -- existence ------------------------------------------------------------------------

EXISTENCE = """
rules:
  - id: house.banned
    extends: existence
    words: [点赞, email]
    patterns: ['史上最\\p{Han}']
    exceptions: ['点赞数']
    message: "avoid “{match}”"
"""


def test_existence_words_and_patterns_fire_with_the_match_in_the_message():
    findings = lint_yaml("网友点赞。这是史上最难的题。", EXISTENCE)
    assert [f.message for f in findings] == ["avoid “点赞”", "avoid “史上最难”"]
    assert (findings[0].start.column, findings[0].end.column) == (3, 5)


def test_existence_exceptions_and_latin_word_boundaries():
    assert lint_yaml("点赞数过万。Send emails to us; an e-mailing list.", EXISTENCE) == []
    assert len(lint_yaml("Send an email.", EXISTENCE)) == 1


def test_existence_unless_silences_a_sentence_that_names_its_source():
    snippet = """
    rules:
      - id: house.hearsay
        extends: existence
        words: [据悉]
        scope: sentence
        unless: ['介绍|表示']
    """
    assert len(lint_yaml("据悉，项目明年竣工。", snippet)) == 1
    assert lint_yaml("据悉，公司负责人表示项目明年竣工。", snippet) == []
    # `unless` works per sentence: the next sentence is still reported.
    assert len(lint_yaml("据公司介绍，项目明年竣工。据悉还将扩建。", snippet)) == 1


# -- scopes ---------------------------------------------------------------------------------


def _scoped(scope: str) -> str:
    return f"""
rules:
  - id: house.word
    extends: existence
    words: [设计, design]
    scope: {scope}
"""


@pytest.mark.parametrize(
    "scope, lines",
    [
        ("text", [1, 3, 5]),
        ("heading", [1]),
        ("paragraph", [3, 5]),
        ("[paragraph, zh-only]", [3]),
        ("[sentence, en-only]", [5]),
        ("[text, zh-only]", [1, 3]),
    ],
)
def test_scope_units_and_languages(scope, lines):
    text = "# 好的设计\n\n这是一个关于设计的段落。\n\nThis paragraph is about design.\n"
    findings = lint_yaml(text, _scoped(scope), path="a.md")
    assert [f.start.line for f in findings] == lines


def test_summary_scope_looks_only_at_english_summaries():
    text = (
        "城市更新的设计\n\n文 / 王明\n\n这是正文，谈城市更新的设计。\n\n"
        "Summary: Urban renewal needs good design, the author argues.\n"
    )
    findings = lint_yaml(text, _scoped("summary"))
    assert [f.start.line for f in findings] == [7]


# -- substitution --------------------------------------------------------------------------


def test_substitution_literal_with_safe_fix():
    snippet = """
    rules:
      - id: house.account
        extends: substitution
        swap: {帐号: 账号, 做为: 作为}
    """
    text = "请用帐号登录，做为会员。"
    findings = lint_yaml(text, snippet)
    assert [f.message for f in findings] == ["use “账号” instead of “帐号”", "use “作为” instead of “做为”"]
    fixed = text
    for f in reversed(findings):
        (edit,) = f.fix.edits
        fixed = fixed[: edit.start] + edit.replacement + fixed[edit.end :]
        assert str(f.fix.applicability) == "safe"
    assert fixed == "请用账号登录，作为会员。"


def test_substitution_regex_with_lookahead_and_groups():
    snippet = r"""
    rules:
      - id: house.login
        extends: substitution
        regex: true
        fix: display
        swap:
          '登陆(?=账号|网站|系统)': 登录
          '(\d+)\s*公里每小时': '\1 千米/时'
        message: "“{match}” → “{replacement}”"
    """
    findings = lint_yaml("台风登陆福建。请登陆账号。时速 90 公里每小时。", snippet)
    assert [f.message for f in findings] == ["“登陆” → “登录”", "“90 公里每小时” → “90 千米/时”"]
    assert str(findings[0].fix.applicability) == "display"


# -- consistency ------------------------------------------------------------------------


CONSISTENCY = """
rules:
  - id: house.terms
    extends: consistency
    groups:
      - [email, e-mail, electronic mail]
      - [在线, 线上, 网上]
"""


def test_consistency_reports_the_minority_forms_n_way():
    text = (
        "Write an email or an e-mail. Email us. E-mails are fine? No: e-mail.\n"
        "在线办理、在线预约、线上缴费，也可网上查询。\n"
    )
    findings = lint_yaml(text, CONSISTENCY)
    got = [(f.start.line, f.message.split("”")[0].lstrip("“")) for f in findings]
    # email (2, case ignored) vs e-mail (2: "E-mails" is not the word e-mail):
    # a tie goes to the form used first; 在线 (2) beats 线上 and 网上.
    assert got == [(1, "e-mail"), (1, "e-mail"), (2, "线上"), (2, "网上")]
    assert findings[2].related[0].message == "“在线” (2×) first used here"
    assert str(findings[2].fix.applicability) == "display"


def test_consistency_one_form_or_overlapping_forms_are_quiet():
    assert lint_yaml("在线办理，在线预约。Email, email.", CONSISTENCY) == []
    # "在线上" holds 在线 and 线上: ambiguous, counted as neither.
    assert lint_yaml("在线办理。他在线上签了字。", CONSISTENCY) == []


# -- occurrence --------------------------------------------------------------------------------


def test_occurrence_counts_characters_for_chinese_and_words_for_english():
    snippet = """
    rules:
      - id: house.long
        extends: occurrence
        max: 10
    """
    text = "短句。这句话一共有十一个字啊。\nThis one has exactly ten words in it, no more.\nThis one has eleven words in it, which is too many.\n"
    findings = lint_yaml(text, snippet)
    assert [(f.start.line, f.message.split(",")[0]) for f in findings] == [(1, "11 characters"), (3, "11 words")]


def test_occurrence_min_and_matches():
    snippet = """
    rules:
      - id: house.numbers
        extends: occurrence
        scope: paragraph
        count: matches
        patterns: ['\\d+']
        max: 2
      - id: house.short
        extends: occurrence
        scope: paragraph
        min: 3
        message: "only {count} {unit}"
    """
    findings = lint_yaml("1、2、3 个数字。\n\n好。\n", snippet)
    assert_findings(findings, [(1, "house.numbers"), Expect("house.short", line=3, message="only 1 characters")])


# -- pattern-pair ------------------------------------------------------------------------------

PAIR = """
rules:
  - id: house.year
    extends: pattern-pair
    patterns: ['(?<![0-9])(?P<key>(?:19|20)[0-9]{2})(?![0-9])']
"""
ARTICLE = "城市更新的故事\n\n文 / 王明\n\n{body}\n\nSummary: {summary}\n"


def test_pattern_pair_fires_on_a_year_only_the_english_summary_has():
    text = ARTICLE.format(body="2023年，该市启动城市更新。", summary="In 2024 the city began its renewal.")
    (finding,) = lint_yaml(text, PAIR)
    assert finding.start.line == 7
    assert finding.message == "“2024” in the English summary is not in the Chinese article"


def test_pattern_pair_quiet_when_both_sides_agree_or_no_counterpart():
    agree = ARTICLE.format(body="２０２３年，该市启动城市更新。", summary="In 2023 the city began its renewal.")
    assert lint_yaml(agree, PAIR) == []  # full-width digits are normalized
    assert lint_yaml("城市更新\n\n2023年启动。In 2024 it ended.\n", PAIR) == []


def test_pattern_pair_both_directions():
    snippet = PAIR + "    direction: both\n"
    text = ARTICLE.format(body="2023年启动，2025年完工。", summary="Work began in 2023.")
    (finding,) = lint_yaml(text, snippet)
    assert finding.start.line == 5 and "2025" in finding.message


# -- validation: rules.yaml:LINE errors naming the rule ------------------------------------------------


@pytest.mark.parametrize(
    "snippet, line, words",
    [
        (
            "rules:\n  - id: house.x\n    extends: nonsense\n",
            3,
            ["house.x", "'extends' must name a rule type", "existence"],
        ),
        ("rules:\n  - id: x-rule\n    extends: existence\n    words: [a]\n", 2, ["house.NAME"]),
        ("rules:\n  - extends: existence\n    words: [a]\n", 2, ["rules item 1", "needs an 'id'"]),
        ("rules:\n  - id: house.x\n    extends: existence\n", 2, ["house.x", "needs 'words' or 'patterns'"]),
        (
            "rules:\n  - id: house.x\n    extends: existence\n    patterns: ['(unclosed']\n",
            4,
            ["house.x", "invalid pattern"],
        ),
        (
            "rules:\n  - id: house.x\n    extends: existence\n    words: [a]\n    colour: red\n",
            5,
            ["unknown key 'colour'"],
        ),
        (
            "rules:\n  - id: house.x\n    extends: existence\n    words: [a]\n    scope: chapter\n",
            5,
            ["unknown scope 'chapter'"],
        ),
        (
            "rules:\n  - id: house.x\n    extends: existence\n    words: [a]\n    severity: fatal\n",
            5,
            ["unknown severity"],
        ),
        (
            "rules:\n  - id: house.x\n    extends: existence\n    words: [a]\n    message: 'bad {nope}'\n",
            5,
            ["{nope}", "{match}"],
        ),
        ("rules:\n  - id: house.x\n    extends: substitution\n    swap: [a, b]\n", 4, ["'swap' must be a mapping"]),
        ("rules:\n  - id: house.x\n    extends: consistency\n    groups: [[only-one]]\n", 4, ["two or more forms"]),
        (
            "rules:\n  - id: house.x\n    extends: occurrence\n    count: lines\n    max: 3\n",
            4,
            ["'count' must be one of"],
        ),
        (
            "rules:\n  - id: house.x\n    extends: occurrence\n    max: yes\n",
            4,
            ["'max' must be an integer, got a boolean"],
        ),
        (
            "rules:\n  - id: house.x\n    extends: pattern-pair\n    patterns: ['a']\n    counterparts: [footer]\n",
            5,
            ["unknown counterpart 'footer'"],
        ),
        (
            "rules:\n  - id: house.x\n    extends: existence\n    words: [a]\n  - id: house.x\n    extends: existence\n    words: [b]\n",
            5,
            ["defined twice"],
        ),
        ("rules:\n  - just a string\n", 2, ["rules item 1 must be a mapping"]),
        ("rules: {id: house.x}\n", 1, ["'rules' must be a list"]),
    ],
)
def test_mistakes_are_located(snippet, line, words):
    with pytest.raises(ConfigError) as info:
        lint_yaml("文本。", snippet, rule_id="house.x")
    assert info.value.line == line, str(info.value)
    assert str(info.value).startswith(f"rules.yaml:{line}: ")
    for w in words:
        assert w in str(info.value)


def test_a_pathological_pattern_times_out_with_an_error_naming_the_rule():
    files = {
        "rules.yaml": "rules:\n  - id: house.slow\n    extends: existence\n"
        "    patterns: ['(a|aa)+$']\n    timeout: 0.2\n",
        "a.txt": "a" * 40 + "b\n",
    }
    started = time.monotonic()
    result = run_cli(files, "check", ".", "--format", "json")
    assert time.monotonic() - started < 20
    assert result.exit_code == 2
    (error,) = result.json["errors"]
    assert error["kind"] == "rule" and error["rule"] == "house.slow"
    assert "house.slow" in error["message"] and "ran longer than 0.2s" in error["message"]


# -- declarative rules are rules like any other -----------------------------------------------------------


HOUSE = {
    "rules.yaml": "severity: {house.b: error}\n"
    "rules:\n"
    "  - id: house.a\n    extends: existence\n    words: [甲]\n"
    "  - id: house.b\n    extends: existence\n    words: [乙]\n"
    "  - id: house.c\n    extends: existence\n    words: [丙]\n    enabled: false\n",
    "t.txt": "甲乙丙。\n",
}


def test_declarative_rules_are_listed_and_documented_by_lintkit_rules():
    result = run_cli(HOUSE, "rules")
    assert result.exit_code == 0, result.stderr
    rows = {line.split()[0]: line.split()[1:4] for line in result.stdout.splitlines()[1:] if line.startswith("house.")}
    assert rows == {
        "house.a": ["warning", "rules.yaml", "on"],
        "house.b": ["error", "rules.yaml", "on"],
        "house.c": ["warning", "rules.yaml", "off"],
    }
    shown = run_cli(HOUSE, "rules", "house.a")
    assert shown.exit_code == 0 and "extends: existence" in shown.stdout


def test_declarative_rules_are_selected_ignored_and_graded_like_others():
    def rules(*args):
        result = run_cli(HOUSE, "check", ".", "--format", "json", *args)
        return sorted((f["rule"], f["severity"]) for f in result.json["findings"])

    assert rules("--select", "house") == [("house.a", "warning"), ("house.b", "error"), ("house.c", "warning")]
    assert rules("--select", "house", "--ignore", "house.b") == [("house.a", "warning"), ("house.c", "warning")]
    assert rules("--select", "house.c") == [("house.c", "warning")]
    assert [r for r, _ in rules("--select", "house,style")] == ["house.a", "house.b", "house.c"]


def test_a_config_error_in_rules_stops_check_with_exit_2():
    files = {"rules.yaml": "rules:\n  - id: house.a\n    extends: existence\n    words: yes\n", "t.txt": "x\n"}
    result = run_cli(files, "check", ".")
    assert result.exit_code == 2
    assert "rules.yaml:4: rule house.a: 'words' must be" in result.stderr


def test_a_plugin_can_register_its_own_rule_type():
    from lintkit import Problem, hookimpl
    from lintkit.rule_types import RuleType
    from lintkit.testing import use_plugin

    def build(spec):
        limit = spec.require("limit", int, "an integer")

        def check(doc, options):
            if len(doc.text) > limit:
                yield Problem(0, 1, f"file longer than {limit} characters")

        return check

    class Plugin:
        @hookimpl
        def register_rule_types(register):
            register(RuleType("file-length", build, keys={"limit": "the most characters a file may have"}))

    snippet = "rules:\n  - id: house.short-file\n    extends: file-length\n    limit: 5\n"
    with use_plugin(Plugin, "file-length-plugin"):
        assert [f.message for f in lint_yaml("一二三四五六七。", snippet)] == ["file longer than 5 characters"]
        assert lint_yaml("一二。", snippet) == []
    with pytest.raises(ConfigError, match="'extends' must name a rule type"):
        lint_yaml("一二。", snippet)


# -- the rules shipped in rules.yaml -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def shipped():
    from lintkit.config import DEFAULT_CONFIG

    return DEFAULT_CONFIG.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "rule, fires, quiet",
    [
        ("house.vague-source", "据悉，该项目明年竣工。", "据该公司负责人介绍，项目明年竣工。记者获悉此事。"),
        ("house.vague-source", "据了解，比赛将于下月举行。", "据悉，公司发言人表示比赛将于下月举行。"),
        ("house.preferred-form", "请输入帐号。", "请输入账号。他在帐篷里。"),
        ("house.login-spelling", "请登陆账号后操作。", "台风登陆福建，探测器登陆月球。"),
        ("house.login-spelling", "扫码登陆即可。", "部队成功登陆。"),
        (
            "house.consistent-terms",
            "在线办理、在线预约和线上缴费。",
            "在线办理，生产线上的工人。推动线上线下融合，在线预约。",
        ),
        ("house.consistent-terms", "Send an email or an e-mail, then email again.", "Send an email; emails are fine."),
    ],
)
def test_shipped_house_rules(shipped, rule, fires, quiet):
    assert [f.rule for f in lint_yaml(fires, shipped, rule)] == [rule]
    assert lint_yaml(quiet, shipped, rule) == []


def test_a_house_id_taken_by_a_plugin_is_an_error_at_its_line():
    from lintkit.testing import use_plugin

    @__import__("lintkit").rule("house.taken")
    def taken(doc, options):
        """Taken."""
        return ()

    class Plugin:
        @__import__("lintkit").hookimpl
        def register_rules(register):
            register(taken)

    with use_plugin(Plugin, "house"), pytest.raises(ConfigError) as info:
        lint_yaml("x", "rules:\n  - extends: existence\n    id: house.taken\n    words: [x]\n")
    assert str(info.value) == "rules.yaml:3: rule house.taken: id house.taken is already registered by plugin 'house'"


def test_a_second_type_of_the_same_name_is_an_error_naming_the_plugin():
    from lintkit import hookimpl
    from lintkit.rule_types import RuleType
    from lintkit.testing import registry

    class Clash:
        @hookimpl
        def register_rule_types(register):
            register(RuleType("existence", lambda spec: None))

    reg = registry(plugins=[("clash-plugin", Clash)])
    assert reg.rule_types["existence"].build is not None
    assert any("clash-plugin" in e.message and "'existence' is already registered" in e.message for e in reg.errors)
    assert "lintkit.rule_types" in {p.name for p in reg.plugins if "register_rule_types" in p.hooks}
