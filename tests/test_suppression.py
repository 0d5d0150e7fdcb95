from lintkit.testing import lint

RULE = "style.repeated-phrase"
SLIP = "以赛促产,以赛促产。"


def lines(findings):
    return [f.start.line for f in findings]


def test_disable_line_and_next_line():
    text = "\n".join(
        [
            SLIP + " <!-- lintkit-disable-line style.repeated-phrase -->",
            "<!-- lintkit-disable-next-line style -->",
            SLIP,
            SLIP,
        ]
    )
    assert lines(lint(text, RULE)) == [4]


def test_disable_enable_block_by_prefix_and_for_all():
    text = "\n".join(
        [
            "<!-- lintkit-disable names, style -->",
            SLIP,
            "<!-- lintkit-enable names, style -->",
            SLIP,
            "<!-- lintkit-disable -->",
            SLIP,
            "<!-- lintkit-enable -->",
            SLIP,
        ]
    )
    assert lines(lint(text, RULE)) == [4, 8]


def test_a_disable_for_another_rule_does_not_hide_this_one():
    text = "<!-- lintkit-disable-next-line names.spelling-variant -->\n" + SLIP
    assert lines(lint(text, RULE)) == [2]


def test_disable_without_enable_runs_to_the_end():
    text = SLIP + "\n<!-- lintkit-disable style.repeated-phrase -->\n" + SLIP + "\n" + SLIP
    assert lines(lint(text, RULE)) == [1]


def test_markdown_comments_work_in_md_files():
    text = "# 标题\n\n<!-- lintkit-disable-next-line -->\n" + SLIP + "\n"
    assert lint(text, RULE, path="a.md") == []


def test_enable_turns_back_on_only_what_it_names():
    from lintkit.model.document import Document
    from lintkit.suppression import suppressions

    text = (
        "<!-- lintkit-disable style, citations -->\na\n<!-- lintkit-enable style -->\nb\n<!-- lintkit-enable -->\nc\n"
    )
    s = suppressions(Document(text, "a.md"))
    assert s.covers("style.repeated-phrase", 2) and s.covers("citations.reference-list", 2)
    assert not s.covers("style.repeated-phrase", 4) and s.covers("citations.reference-list", 4)
    assert not s.covers("citations.reference-list", 6)


def test_a_misspelt_rule_id_in_a_suppression_comment_is_reported_with_a_guess():
    from lintkit import Document
    from lintkit.testing import lint_documents

    text = "<!-- lintkit-disable-next-line style.repeted-phrase -->\n以赛促产,以赛促产。\n"
    findings = lint_documents([Document(text, "a.txt")], "style.repeated-phrase").findings
    unknown = [f for f in findings if f.rule == "lintkit.unknown-rule"]
    (f,) = unknown
    assert f.start.line == 1 and "'style.repeated-phrase'" in f.message and "silences nothing" in f.message
    assert any(g.rule == "style.repeated-phrase" for g in findings)  # and the typo silenced nothing


def test_known_rules_and_plugins_in_suppression_comments_are_quiet():
    from lintkit import Document
    from lintkit.testing import lint_documents

    text = "<!-- lintkit-disable style, names.spelling-variant -->\n以赛促产,以赛促产。\n<!-- lintkit-enable -->\n"
    findings = lint_documents([Document(text, "a.txt")], "style.repeated-phrase").findings
    assert findings == []
