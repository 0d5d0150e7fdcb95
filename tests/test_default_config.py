"""The packaged rules.yaml is the documentation of every option: it must
load, and the values it writes out must be the rules' real defaults."""

from lintkit.config import DEFAULT_CONFIG, load_config
from lintkit.testing import registry


def test_packaged_default_is_the_top_level_rules_yaml():
    from pathlib import Path

    top = Path(__file__).resolve().parent.parent / "rules.yaml"
    assert DEFAULT_CONFIG.read_text(encoding="utf-8") == top.read_text(encoding="utf-8")


def test_default_config_validates_against_the_registered_rules():
    reg = registry()
    config = load_config(DEFAULT_CONFIG)
    config.validate(reg.rules)


def test_written_out_options_are_the_rule_defaults():
    reg = registry()
    config = load_config(DEFAULT_CONFIG)
    for rule_id, values in config.options.items():
        if rule_id in reg.rules:
            defaults = reg.rules[rule_id].defaults()
        else:  # options of a whole plugin: the default of each rule that has it
            defaults = {}
            for r in reg.rules.values():
                if r.plugin == rule_id:
                    defaults |= r.defaults()
        for name, value in values.items():
            assert value == defaults[name], (
                f"rules.yaml gives {rule_id}.{name}={value!r}, the rule's default is {defaults[name]!r}"
            )


def test_every_option_of_the_core_plugins_is_documented_in_rules_yaml():
    reg = registry()
    config = load_config(DEFAULT_CONFIG)
    for rule in reg.rules.values():
        if rule.plugin not in {"style", "names", "numbers", "citations"}:
            continue
        missing = set(rule.options) - set(config.options.get(rule.id, {})) - set(config.options.get(rule.plugin, {}))
        assert not missing, f"rules.yaml does not document {rule.id} options {sorted(missing)}"
