"""Tests of the example plugin, written with lintkit.testing (copy them too)."""

import pytest

from lintkit.testing import Expect, assert_findings, check_annotated, lint

RULE = "punctuation.halfwidth-in-chinese"


def apply(text, finding):
    for edit in sorted(finding.fix.edits, reverse=True):
        text = text[: edit.start] + edit.replacement + text[edit.end :]
    return text


@pytest.mark.parametrize(
    "text, fixed",
    [
        ("以赛为媒,以赛促产。", "以赛为媒，以赛促产。"),
        ("以赛为媒 , 以赛促产。", "以赛为媒，以赛促产。"),
        ("原因有二;其一是成本。", "原因有二；其一是成本。"),
        ("他说:“明天见。”", "他说：“明天见。”"),
        ("真的吗?", "真的吗？"),
        ("(记者 王明)报道。", "（记者 王明）报道。"),
    ],
)
def test_fires_and_fixes(text, fixed):
    (finding,) = lint(text, RULE)
    assert apply(text, finding) == fixed
    assert str(finding.fix.applicability) == "safe"


@pytest.mark.parametrize(
    "text",
    [
        "增长了 1,000 倍，会议 10:30 开始。",
        "记者来自 Beijing, China，报道了此事。",
        "国内生产总值(GDP)增长。",
        "用 `a,b` 分隔，见 https://example.com/a,中文 页面。",
        "Hello, world! Is it? Yes (really).",
        "[6] 李明, 王芳. 牧原: 养殖场也用上 AI 了. 河南日报, 2026-01-16.",
        "陈玉萍. 人工智能的应用[J]. 师范学院学报(自然科学版), 2025.",
    ],
)
def test_quiet(text):
    assert lint(text, RULE) == []


def test_marks_option_limits_the_marks_checked():
    assert_findings(lint("甲,乙;丙。", RULE, options={"marks": ";"}), [Expect(RULE, line=1, column=4)])


def test_annotated_fixture(tmp_path):
    fixture = tmp_path / "sample.lint.txt"
    fixture.write_text(
        "第一段,没有问题吗?  <!-- expect: punctuation.halfwidth-in-chinese, punctuation.halfwidth-in-chinese -->\n"
        "第二段，完全正确。\n",
        encoding="utf-8",
    )
    assert len(check_annotated(fixture)) == 2
