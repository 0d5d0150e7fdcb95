from lintkit.testing import lint

RULE = "style.contents-mismatch"


def issue(headline: str, *contents: str) -> str:
    toc = "\n".join(f"- {12 + 6 * i:03d} {c}" for i, c in enumerate(contents))
    return f"目录\n{toc}\n- 030 湖畔人家\n- 036 山里的学校\n\n{headline}\n\n文 / 记者甲\n\n正文第一段。\n"


def test_headline_against_two_agreeing_contents_lines():
    cover = "封面\n骏马奔腾迎新春\nGalloping Horses Greet the Spring\n湖畔人家\nHomes by the Lake\n\n"
    text = cover + issue("骏马奔滕迎新春", "骏马奔腾迎新春")
    (f,) = lint(text, RULE)
    assert text.splitlines()[f.start.line - 1] == "骏马奔滕迎新春"
    assert "“滕”" in f.message and "“腾”" in f.message
    assert len(f.related) == 2
    (edit,) = f.fix.edits
    assert edit.replacement == "腾" and str(f.fix.applicability) == "display"


def test_on_a_tie_the_contents_line_is_reported():
    (f,) = lint(issue("骏马奔腾迎新春", "骏马奔滕迎新春"), RULE)
    assert f.message.startswith("contents line has “滕”")


def test_rewording_spacing_and_punctuation_are_not_slips():
    assert lint(issue("骏马奔腾 迎新春", "骏马奔腾迎新春"), RULE) == []
    assert lint(issue("骏马奔腾：迎新春", "骏马奔腾，迎新春"), RULE) == []
    assert lint(issue("骏马奔腾迎新春来临", "骏马奔腾迎新春"), RULE) == []


def test_a_difference_inside_a_person_name_is_left_to_the_names_rules():
    text = issue("王建国院士： 期待新方向", "王建华院士：期待新方向")
    assert lint(text, RULE) == []


def test_on_the_seed_magazine_the_headline_typo_is_found(seed_magazine):
    from lintkit.model.document import Document
    from lintkit.testing import lint_documents

    findings = lint_documents([Document.from_path(seed_magazine)], RULE).findings
    assert [(f.start.line, f.message.split(":")[0]) for f in findings] == [
        (1940, "headline has “骥” where the contents has “骐”")
    ]
