"""lintkit.app.Application: the one place start-up happens."""

import types

import pytest

import lintkit.plugins
from lintkit import Problem, hookimpl, rule
from lintkit.app import Application
from lintkit.config import Config, ConfigError
from lintkit.model.document import Document
from lintkit.testing import plugins_in_use, run_cli, use_plugin


@rule("acme.shout")
def shout(doc, options):
    """Flag LOUD."""
    i = doc.text.find("LOUD")
    if i >= 0:
        yield Problem(i, i + 4, "shouted")


class AcmePlugin:
    @hookimpl
    def register_rules(register):
        register(shout)


HOUSE = "rules:\n  - id: house.no-x\n    extends: existence\n    words: [xx]\n"


def test_steps_can_stop_after_the_registry():
    app = Application()
    assert "style.repeated-phrase" in app.registry.rules
    assert app.config is app.selection is app.engine is None
    assert app.registry.errors[: len(app.load_errors)] == app.load_errors


def test_extra_plugins_are_an_argument_and_touch_no_module_global():
    get_plugin_manager = lintkit.plugins.get_plugin_manager
    app = Application(plugins=[("acme", AcmePlugin)])
    assert app.registry.rules["acme.shout"].plugin == "acme"
    assert "acme.shout" not in Application().registry.rules
    assert lintkit.plugins.get_plugin_manager is get_plugin_manager
    assert plugins_in_use() == ()


def test_use_plugin_reaches_the_cli_without_patching_it():
    from lintkit import cli

    before = dict(vars(cli))
    with use_plugin(AcmePlugin, "acme"):
        assert plugins_in_use() == (("acme", AcmePlugin),)
        assert dict(vars(cli)) == before
        result = run_cli({"a.txt": "a LOUD line\n"}, "check", "a.txt", "--select", "acme", "--format", "json")
    assert [f["rule"] for f in result.json["findings"]] == ["acme.shout"]
    assert plugins_in_use() == ()
    assert run_cli({"a.txt": "x\n"}, "check", "a.txt", "--select", "acme").exit_code == 2


def test_the_configuration_is_validated_once(tmp_path, monkeypatch):
    calls = []
    validate = Config.validate

    def counting(self, rules, unavailable=frozenset()):
        calls.append(self.path)
        return validate(self, rules, unavailable)

    monkeypatch.setattr(Config, "validate", counting)
    config = tmp_path.resolve() / "rules.yaml"
    config.write_text(HOUSE, encoding="utf-8")
    Application.create(config)
    assert calls == [str(config)]
    calls.clear()
    result = run_cli({"a.txt": "xx\n"}, "check", "a.txt", "--format", "json", root=tmp_path)
    assert result.exit_code == 1 and calls == [str(config)]
    calls.clear()
    run_cli({}, "check", "a.txt", "--ignore", "house", root=tmp_path)
    assert calls == [str(config), "--select/--ignore"]  # the file, then the command line's selectors


def test_a_bad_rules_yaml_is_the_same_config_error_as_on_the_command_line(tmp_path):
    bad = "rules:\n  - id: house.a\n    extends: existence\n    words: yes\n"
    config = tmp_path.resolve() / "rules.yaml"
    config.write_text(bad, encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        Application.create(config)
    assert info.value.line == 4 and "rule house.a: 'words' must be" in info.value.message
    result = run_cli({"t.txt": "x\n"}, "check", ".", root=tmp_path)
    assert result.exit_code == 2
    assert result.stderr == f"lintkit: configuration error: {info.value}\n"


def test_two_applications_with_different_configs_do_not_affect_each_other(tmp_path):
    (tmp_path / "rules.yaml").write_text(HOUSE + "select: [house]\n", encoding="utf-8")
    house = Application.create(tmp_path / "rules.yaml")
    style = Application.create(Config(select=["style"]))
    assert "house.no-x" in house.registry.rules and "house.no-x" not in style.registry.rules
    assert house.registry is not style.registry and house.plugin_manager is not style.plugin_manager
    docs = [Document("xx，xx。\n", "a.txt")]
    assert {f.rule for f in house.run(docs).findings} == {"house.no-x"}
    assert {a.rule.id for a in style.engine.active} <= {r for r in style.registry.rules if r.startswith("style.")}
    assert not {f.rule for f in style.run(docs).findings} & {"house.no-x"}


def test_settings_for_a_plugin_that_failed_are_tolerated_only_when_asked():
    flaky = types.SimpleNamespace(register_rules=hookimpl(lambda register: 1 / 0))
    app = Application(plugins=[("flaky", flaky)])
    assert any(e.plugin == "flaky" for e in app.registry.errors)
    app.load_config(Config(select=["flaky", "style"]))
    with pytest.raises(ConfigError, match="unknown rule or plugin 'flaky'"):
        app.make_selection()
    app.make_selection(tolerate_broken_plugins=True)
    assert app.make_engine().active
