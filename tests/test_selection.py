"""Which rules run and at what severity: the most specific selector wins."""

from dataclasses import replace

import pytest

from lintkit.config import Config
from lintkit.model.document import Document
from lintkit.engine import Engine
from lintkit.findings import Problem, Severity
from lintkit.rules import Option, rule
from lintkit.selection import Selection, specificity


def _rule(rule_id, enabled=True, plugin=None, severity="warning"):
    @rule(rule_id, enabled=enabled, severity=severity, options={"n": Option(1, "n")})
    def check(doc, options):
        """Doc."""
        yield Problem(0, 1, f"{rule_id} n={options['n']}")

    return replace(check, plugin=plugin or rule_id.split(".")[0])


A = _rule("names.spelling-variant")
B = _rule("names.english-variant")
C = _rule("style.repeated-phrase")
OFF = _rule("style.optional-check", enabled=False)
ALL_RULES = [A, B, C, OFF]


def _on(sel):
    return sorted(r.id for r in ALL_RULES if sel.enabled(r))


def test_specificity():
    assert specificity("names.spelling-variant", "names.spelling-variant") == 3
    assert specificity("names", "names.spelling-variant") == 2
    assert specificity("ALL", "names.spelling-variant") == 1
    assert specificity("name", "names.spelling-variant") == 0
    assert specificity("names.spelling", "names.spelling-variant") == 0


def test_default_runs_rules_on_by_default():
    assert _on(Selection()) == ["names.english-variant", "names.spelling-variant", "style.repeated-phrase"]


def test_select_by_prefix():
    assert _on(Selection(select=["names"])) == ["names.english-variant", "names.spelling-variant"]


def test_select_by_id():
    assert _on(Selection(select=["style.repeated-phrase"])) == ["style.repeated-phrase"]


def test_explicit_select_enables_rule_off_by_default():
    assert "style.optional-check" in _on(Selection(select=["style.optional-check"]))
    assert "style.optional-check" in _on(Selection(select=["style"]))
    assert "style.optional-check" in _on(Selection(select=["ALL"]))


def test_more_specific_ignore_beats_prefix_select():
    assert _on(Selection(select=["names"], ignore=["names.english-variant"])) == ["names.spelling-variant"]


def test_more_specific_select_beats_prefix_ignore():
    assert _on(Selection(select=["ALL", "names.english-variant"], ignore=["names"])) == [
        "names.english-variant",
        "style.optional-check",
        "style.repeated-phrase",
    ]


def test_ignore_beats_select_at_equal_specificity():
    assert _on(Selection(select=["names"], ignore=["names"])) == []
    assert _on(Selection(select=["style.repeated-phrase"], ignore=["style.repeated-phrase"])) == []


def test_ignore_without_select_keeps_defaults():
    assert _on(Selection(ignore=["names"])) == ["style.repeated-phrase"]


def test_cli_select_replaces_config_select():
    sel = Selection(select=["names"], cli_select=["style.repeated-phrase"])
    assert _on(sel) == ["style.repeated-phrase"]


def test_cli_ignore_adds_to_config_ignore():
    sel = Selection(select=["names", "style"], ignore=["style"], cli_ignore=["names.english-variant"])
    assert _on(sel) == ["names.spelling-variant"]


def test_cli_ignore_prefix_beats_config_select_of_id():
    sel = Selection(select=["style.repeated-phrase"], cli_ignore=["style"])
    assert _on(sel) == []


def test_cli_select_of_id_beats_config_ignore_of_prefix():
    sel = Selection(ignore=["style"], cli_select=["style.repeated-phrase"])
    assert _on(sel) == ["style.repeated-phrase"]


def test_cli_select_overrides_config_ignore_as_in_ruff():
    # ruff: `--select F401` with `ignore = ["F401"]` in the file enforces F401
    assert _on(Selection(ignore=["style.repeated-phrase"], cli_select=["style.repeated-phrase"])) == [
        "style.repeated-phrase"
    ]
    assert _on(Selection(ignore=["style.optional-check"], cli_select=["style"])) == [
        "style.optional-check",
        "style.repeated-phrase",
    ]


def test_within_the_command_line_most_specific_wins():
    sel = Selection(cli_select=["names.spelling-variant"], cli_ignore=["names"])
    assert _on(sel) == ["names.spelling-variant"]


def test_cli_ignore_beats_cli_select_of_same_rule():
    sel = Selection(cli_select=["names.spelling-variant"], cli_ignore=["names.spelling-variant"])
    assert _on(sel) == []


def test_plugin_name_differing_from_id_prefix_selects():
    r = _rule("house.no-hearsay", plugin="acme_house")
    assert Selection(select=["acme_house"]).enabled(r)
    assert not Selection(ignore=["acme_house"]).enabled(r)
    # ... and sets its severity (it was accepted by validation but ignored)
    assert Selection(severity={"acme_house": Severity.ERROR}).severity_of(r) == Severity.ERROR
    assert (
        Selection(severity={"acme_house": Severity.ERROR, "house.no-hearsay": Severity.INFO}).severity_of(r)
        == Severity.INFO
    )


def test_severity_most_specific_wins():
    sel = Selection(severity={"ALL": Severity.INFO, "names": Severity.ERROR, "names.english-variant": Severity.WARNING})
    assert sel.severity_of(A) == Severity.ERROR
    assert sel.severity_of(B) == Severity.WARNING
    assert sel.severity_of(C) == Severity.INFO


def test_severity_default_is_the_rules():
    assert Selection().severity_of(_rule("x.y", severity="error")) == Severity.ERROR


# -- the engine applies selection, severity and options --------------------------------


def test_engine_uses_selection_severity_and_options():
    rules = {r.id: r for r in ALL_RULES}
    cfg = Config(
        select=["names"],
        ignore=["names.english-variant"],
        severity={"names": Severity.ERROR},
        options={"names.spelling-variant": {"n": 7}},
    )
    result = Engine(rules, cfg).run([Document("文本", "a.txt")])
    assert [(f.rule, str(f.severity), f.message) for f in result.findings] == [
        ("names.spelling-variant", "error", "names.spelling-variant n=7")
    ]


@pytest.mark.parametrize("fail_on, code", [("error", 0), ("warning", 1), ("info", 1), ("never", 0)])
def test_exit_code_thresholds(fail_on, code):
    rules = {C.id: C}
    result = Engine(rules, Config()).run([Document("x", "a.txt")])
    assert result.exit_code(fail_on) == code
