import pytest

from lintkit.testing import lint

RULE = "style.repeated-phrase"


@pytest.mark.parametrize(
    "text, phrase",
    [
        ("以赛为媒,以赛促产,以赛促产。", "以赛促产"),
        ("将风险管理与创新深度融合发展深度融合，同时提升。", "深度融合"),
        ("It was held in the the city.", "the"),
        ("One of the of the best.", "of the"),
        ("我们推动新质生产力新质生产力发展。", "新质生产力"),
    ],
)
def test_fires_on_accidental_repetition(text, phrase):
    findings = lint(text, RULE)
    assert len(findings) == 1
    assert phrase in findings[0].message


@pytest.mark.parametrize(
    "text",
    [
        "我们要研究研究这个问题，常常看看，谢谢谢谢。",
        "高高兴兴地回家，一步一步成长，特别特别感慨。",
        "He had had enough, and said that that was fine.",
        "They engaged in in-depth talks.",
        "哈哈哈哈哈哈，太好笑了。",
        "坚持创新引领新质生产力发展,发展壮大高精尖产业。",
        "越开放越发展,越发展越开放。",
        "在自然科学领域和社会科学领域的应用。",
    ],
)
def test_legitimate_repetition_is_quiet(text):
    assert lint(text, RULE) == []


def test_fix_removes_exactly_the_repetition():
    text = "以赛为媒,以赛促产,以赛促产。"
    (finding,) = lint(text, RULE)
    (edit,) = finding.fix.edits
    assert text[: edit.start] + edit.replacement + text[edit.end :] == "以赛为媒,以赛促产。"
    assert str(finding.fix.applicability) == "safe"


def test_allow_option_extends_the_english_allow_list():
    assert lint("Bora Bora is far.", RULE, options={"allow": ["bora"]}) == []
    assert len(lint("Bora Bora is far.", RULE)) == 1


def test_columns_count_characters(tmp_path):
    (finding,) = lint("𠀀中文。\n以赛促产,以赛促产。", RULE)
    assert (finding.start.line, finding.start.column) == (2, 6)
    assert (finding.end.line, finding.end.column) == (2, 10)


def test_on_the_seeds_finds_the_three_known_slips(seeds):
    from lintkit.model.document import Document
    from lintkit.testing import lint_documents

    docs = [Document.from_path(p) for p in sorted(seeds.glob("*.txt"))]
    findings = lint_documents(docs, RULE).findings
    got = sorted((f.path.rsplit("/", 1)[-1][:3], f.message) for f in findings)
    assert got == [
        ("002", '"the" is repeated'),
        ("002", "“深度融合” is repeated"),
        ("004", "“以赛促产” is repeated"),
    ]


def test_letters_and_latex_are_not_repeated_phrases():
    from lintkit.testing import lint

    text = "降水量 $5 2 8 \\mathrm { m m }$ ，基于 ${ \\mathrm { G E E } }$ 计算。[HAN G X, XU Z Z. Title.]\n"
    assert lint(text, "style.repeated-phrase", path="p.md") == []


def test_a_range_from_one_to_another_is_not_a_slip():
    from lintkit.testing import lint

    assert lint("从首届世界杯到本届世界杯的全部历史。\n", "style.repeated-phrase") == []
    assert lint("the the cat\n", "style.repeated-phrase")  # still fires on words
