"""lintkit.testing and its pytest plugin: the kit for plugin authors."""

from __future__ import annotations

import importlib.metadata
import subprocess
import sys
from pathlib import Path

import pytest

from lintkit import Problem, hookimpl, rule
from lintkit.testing import (
    Expect,
    assert_findings,
    check_annotated,
    example_documents,
    lint,
    lint_example,
    lint_yaml,
    parse_annotations,
    registry,
    run_cli,
    use_plugin,
)

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE_PLUGIN = ROOT / "plugins" / "lintkit-example-punctuation"


# A throwaway plugin: one rule and one reporter.
@rule("testkit.shout", severity="warning")
def shout(doc, options):
    """SHOUT in capitals.

    Example that fires:

        STOP THAT

    Example that does not fire:

        stop that
    """
    import regex

    for m in regex.finditer(r"\b[A-Z]{4,}\b", doc.text):
        yield Problem(m.start(), m.end(), f"“{m.group()}” is shouted")


class ShoutPlugin:
    @hookimpl
    def register_rules(register):
        register(shout)

    @hookimpl
    def register_reporters(register):
        register("count", lambda result, *, color: f"{len(result.findings)} findings\n")


# -- lint / lint_yaml ------------------------------------------------------------------------


def test_lint_with_a_plugin_passed_in():
    findings = lint("we must STOP now", "testkit.shout", plugins=[("shout", ShoutPlugin)])
    assert_findings(findings, [Expect("testkit.shout", line=1, column=9, message="STOP")])


def test_lint_of_an_unknown_rule_says_what_is_registered():
    with pytest.raises(KeyError, match="registered"):
        lint("x", "testkit.shout")


def test_lint_yaml_runs_only_the_declared_rules_unless_told():
    snippet = """
    rules:
      - id: house.a
        extends: existence
        words: [甲]
      - id: house.b
        extends: existence
        words: [乙]
    """
    assert [f.rule for f in lint_yaml("甲乙", snippet)] == ["house.a", "house.b"]
    assert [f.rule for f in lint_yaml("甲乙", snippet, "house.b")] == ["house.b"]
    with pytest.raises(KeyError):
        lint_yaml("甲乙", snippet, "house.c")


# -- assert_findings ---------------------------------------------------------------------------


def test_assert_findings_accepts_several_spellings_of_an_expectation():
    findings = lint("AAAA and BBBB\nCCCC", "testkit.shout", plugins=[("shout", ShoutPlugin)])
    assert_findings(findings, [(1, 1, "testkit.shout"), (1, "testkit.shout"), "testkit.shout"])


def test_assert_findings_failure_reads_expected_got_missing_unexpected():
    text = "fine\nLOUD here"
    findings = lint(text, "testkit.shout", plugins=[("shout", ShoutPlugin)])
    with pytest.raises(AssertionError) as info:
        assert_findings(findings, [(1, "testkit.shout")], text=text)
    message = str(info.value)
    assert message.splitlines() == [
        "findings differ: expected 1, got 1",
        "expected:",
        "  1:? testkit.shout",
        "got:",
        "  2:1 testkit.shout  “LOUD” is shouted",
        "missing (expected, not got):",
        "  - 1:? testkit.shout",
        "        | fine",
        "unexpected (got, not expected):",
        "  + 2:1 testkit.shout  “LOUD” is shouted",
        "        | LOUD here",
    ]


def test_assert_findings_passes_on_no_findings_expected_none():
    assert_findings([], [])
    with pytest.raises(TypeError):
        assert_findings([], [42])


# -- annotated fixtures -------------------------------------------------------------------------------


def test_parse_annotations_strips_markers_and_keeps_lines_and_columns():
    raw = (
        "<!-- lint: testkit -->\n"
        "quiet line\n"
        "LOUD line <!-- expect: testkit.shout -->\n"
        "TWO LOUDS  <!-- expect: testkit.shout, testkit.shout -->\n"
    )
    text, expected, selected = parse_annotations(raw)
    assert text == "\nquiet line\nLOUD line\nTWO LOUDS\n"
    assert selected == ["testkit"]
    assert [(e.line, e.rule) for e in expected] == [(3, "testkit.shout"), (4, "testkit.shout"), (4, "testkit.shout")]


def test_check_annotated_passes_and_fails_readably(tmp_path):
    good = tmp_path / "good.lint.txt"
    good.write_text("quiet\nLOUD <!-- expect: testkit.shout -->\n", encoding="utf-8")
    assert len(check_annotated(good, plugins=[("shout", ShoutPlugin)])) == 1
    bad = tmp_path / "bad.lint.txt"
    bad.write_text("<!-- lint: testkit.shout -->\nLOUD\nquiet <!-- expect: testkit.shout -->\n", encoding="utf-8")
    with pytest.raises(AssertionError) as info:
        check_annotated(bad, plugins=[("shout", ShoutPlugin)])
    assert str(bad) in str(info.value)
    assert "  - 3:? testkit.shout" in str(info.value) and "  + 2:1 testkit.shout" in str(info.value)


def test_check_annotated_on_text_and_without_markers():
    assert check_annotated("LOUD <!-- expect: testkit.shout -->\n", plugins=[("shout", ShoutPlugin)])
    with pytest.raises(ValueError, match="no <!-- expect"):
        check_annotated("nothing to see\nhere\n")


def test_annotated_fixtures_are_collected_by_the_pytest_plugin():
    """tests/fixtures/rule_types/*.lint.* are tests of their own (and must pass)."""
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "--collect-only", str(ROOT / "tests" / "fixtures" / "rule_types")],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert "house_rules.lint.txt" in result.stdout and "house_rules_quiet.lint.md" in result.stdout, result.stdout


# -- docstring examples ---------------------------------------------------------------------------------


def test_example_documents_split_multi_file_examples():
    (one,) = example_documents("第一行\n第二行")
    assert one.path == "example.txt" and one.text == "第一行\n第二行\n"
    a, b = example_documents("a.txt:  新华社记者 甲乙丙 摄\nb.txt:  新华社记者 甲乙丁 摄\na.txt:  第二行")
    assert (a.path, a.text) == ("a.txt", "新华社记者 甲乙丙 摄\n第二行\n")
    assert b.path == "b.txt"
    assert len(lint_example("STOP IT", "testkit.shout", plugins=[("shout", ShoutPlugin)])) == 1


# -- the CLI on a temporary project --------------------------------------------------------------------------


def test_run_cli_on_a_dict_of_files():
    files = {
        "rules.yaml": "rules:\n  - id: house.tent\n    extends: substitution\n    swap: {帐号: 账号}\n",
        "news/a.txt": "请输入帐号。\n",
        "news/b.md": "# 标题\n\n一切正常。\n",
    }
    result = run_cli(files, "check", "news", "--format", "json", "--select", "house")
    assert result.exit_code == 1
    (finding,) = result.json["findings"]
    assert (finding["rule"], finding["path"], finding["line"], finding["column"]) == ("house.tent", "news/a.txt", 1, 4)
    assert finding["fix"]["edits"][0]["replacement"] == "账号"
    assert run_cli(files, "check", "news/b.md", "--select", "house").exit_code == 0


def test_run_cli_reports_usage_errors_with_exit_2():
    result = run_cli({}, "check", "--no-such-flag")
    assert result.exit_code == 2 and "usage" in result.stderr


def test_lintkit_cli_fixture(lintkit_cli, tmp_path):
    result = lintkit_cli({"a.txt": "文本。\n"}, "check", "a.txt", "--select", "style")
    assert result.exit_code == 0 and result.root == tmp_path and (tmp_path / "a.txt").exists()


# -- a plugin for one test -----------------------------------------------------------------------------------


def test_use_plugin_registers_rules_and_reporters_for_the_block_only():
    with use_plugin(ShoutPlugin, "shout"):
        assert "testkit.shout" in registry().rules
        assert lint("HELLO", "testkit.shout")
        result = run_cli({"a.txt": "HELLO THERE\n"}, "check", "a.txt", "--select", "testkit", "--format", "count")
        assert (result.exit_code, result.stdout) == (1, "2 findings\n")
        assert "shout" in run_cli({}, "plugins").stdout
    assert "testkit.shout" not in registry().rules
    assert run_cli({"a.txt": "x\n"}, "check", "a.txt", "--format", "count").exit_code == 2


def test_lintkit_plugin_fixture(lintkit_plugin, lintkit_cli):
    lintkit_plugin(ShoutPlugin, "shout")
    result = lintkit_cli({"a.txt": "QUIET? NO\n"}, "check", ".", "--select", "testkit", "--format", "json")
    assert [f["message"] for f in result.json["findings"]] == ["“QUIET” is shouted"]


def test_a_broken_plugin_is_an_error_naming_it_not_a_crash():
    class Broken:
        @hookimpl
        def register_rules(register):
            raise RuntimeError("boom")

    with use_plugin(Broken, "broken-plugin"):
        result = run_cli({"a.txt": "x\n"}, "check", "a.txt", "--format", "json")
    assert result.exit_code == 2
    assert any("broken-plugin" in e["message"] and "boom" in e["message"] for e in result.json["errors"])


# -- the example third-party plugin ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def example_plugin_installed(tmp_path_factory):
    """The example plugin made visible the way an installed distribution is —
    a ``.dist-info`` folder with its entry point, on ``sys.path`` beside its
    source — without installing anything into the environment running the
    tests (a user's own environment, whose `lintkit check` would then report
    the example's findings too).  Yields the plugin's folder."""
    import tomllib

    conf = tomllib.loads((EXAMPLE_PLUGIN / "pyproject.toml").read_text(encoding="utf-8"))
    project = conf["project"]
    site = tmp_path_factory.mktemp("site")
    info = site / f"{project['name'].replace('-', '_')}-{project['version']}.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(
        f"Metadata-Version: 2.1\nName: {project['name']}\nVersion: {project['version']}\n", encoding="utf-8"
    )
    points = "".join(f"{k} = {v}\n" for k, v in project["entry-points"]["lintkit"].items())
    (info / "entry_points.txt").write_text("[lintkit]\n" + points, encoding="utf-8")
    added = [str(site), str(EXAMPLE_PLUGIN)]
    sys.path[:0] = added
    importlib.invalidate_caches()
    try:
        yield EXAMPLE_PLUGIN
    finally:
        for entry in added:
            sys.path.remove(entry)
        for name in [m for m in sys.modules if m.startswith("lintkit_example_punctuation")]:
            del sys.modules[name]
        importlib.invalidate_caches()


def test_example_plugin_loads_through_its_entry_point(example_plugin_installed):
    result = run_cli({}, "plugins")
    line = next(line for line in result.stdout.splitlines() if line.startswith("punctuation "))
    assert line == "punctuation 0.1.0: register_rules"
    rules = run_cli({}, "rules").stdout
    assert "punctuation.halfwidth-in-chinese" in rules
    checked = run_cli(
        {"a.txt": "以赛为媒,以赛促产。\n"}, "check", "a.txt", "--select", "punctuation", "--format", "json"
    )
    assert [f["rule"] for f in checked.json["findings"]] == ["punctuation.halfwidth-in-chinese"]


def test_example_plugin_own_tests_pass(example_plugin_installed):
    import os

    env = dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path[:2] + [os.environ.get("PYTHONPATH", "")]))
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(example_plugin_installed / "tests")],
        capture_output=True,
        text=True,
        cwd=example_plugin_installed,
        timeout=300,
        env=env,
    )
    assert result.returncode == 0, result.stdout[-3000:]
    assert " passed" in result.stdout
