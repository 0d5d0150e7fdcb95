"""rules.yaml: parsing, validation errors with their line numbers, discovery, exclude globs."""

import os
import pathlib

import pytest

from lintkit.config import DEFAULT_CONFIG, Config, ConfigError, find_config, is_excluded, load_config
from lintkit.findings import Severity
from lintkit.rules import Option, rule


def _rules():
    @rule(
        "demo.first-rule",
        options={
            "limit": Option(3, "a number"),
            "words": Option(["a"], "words"),
            "mode": Option("fast", "how", choices=("fast", "slow")),
        },
    )
    def first(doc, options):
        """First."""
        return ()

    @rule("demo.second-rule")
    def second(doc, options):
        """Second."""
        return ()

    @rule("other.third-rule")
    def third(doc, options):
        """Third."""
        return ()

    rules = {}
    for r in (first, second, third):
        from dataclasses import replace

        rules[r.id] = replace(r, plugin=r.id.split(".")[0])
    return rules


def _write(tmp_path, text, name="rules.yaml"):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def _error(tmp_path, text, validate=True):
    p = _write(tmp_path, text)
    with pytest.raises(ConfigError) as info:
        cfg = load_config(p)
        if validate:
            cfg.validate(_rules())
    return info.value, str(info.value)


# -- a valid file -------------------------------------------------------------------


def test_valid_config_is_read(tmp_path):
    p = _write(
        tmp_path,
        "select: [demo]\n"
        "ignore:\n  - demo.second-rule\n"
        "severity:\n  demo: error\n  demo.first-rule: info\n"
        "options:\n  demo.first-rule:\n    limit: 5\n    words: [x, y]\n"
        "exclude: ['drafts/*']\n"
        "fail-on: error\n",
    )
    cfg = load_config(p)
    cfg.validate(_rules())
    assert cfg.select == ["demo"]
    assert cfg.ignore == ["demo.second-rule"]
    assert cfg.severity == {"demo": Severity.ERROR, "demo.first-rule": Severity.INFO}
    assert cfg.options == {"demo.first-rule": {"limit": 5, "words": ["x", "y"]}}
    assert cfg.exclude == ["drafts/*"]
    assert cfg.fail_on == "error"
    assert cfg.base_dir == tmp_path.resolve()


def test_empty_file_is_the_defaults(tmp_path):
    cfg = load_config(_write(tmp_path, "# nothing\n"))
    assert cfg.select is None and cfg.ignore == [] and cfg.fail_on == "warning"


def test_a_single_string_is_a_one_item_list(tmp_path):
    cfg = load_config(_write(tmp_path, "ignore: demo.second-rule\n"))
    assert cfg.ignore == ["demo.second-rule"]


def test_packaged_default_is_valid():
    from lintkit.testing import registry

    cfg = load_config(DEFAULT_CONFIG)
    assert cfg.path == "rules.yaml (packaged default)"
    cfg.validate(registry().rules)


# -- errors name the file and line ------------------------------------------------------


def test_unknown_top_level_key(tmp_path):
    err, msg = _error(tmp_path, "select: [demo]\n\ncolour: red\n", validate=False)
    assert err.line == 3
    assert msg.startswith(f"{tmp_path / 'rules.yaml'}:3: ")
    assert "unknown key 'colour'" in msg and "select" in msg  # says what was expected


def test_unknown_rule_id_with_did_you_mean(tmp_path):
    err, msg = _error(tmp_path, "ignore:\n  - demo.second-rule\n  - demo.frist-rule\n")
    assert err.line == 3
    assert "rules.yaml:3:" in msg
    assert "'demo.frist-rule'" in msg and "did you mean 'demo.first-rule'" in msg


def test_unknown_rule_without_close_match_has_no_hint(tmp_path):
    _, msg = _error(tmp_path, "select: [zzzz.qqqq]\n")
    assert "rules.yaml:1:" in msg and "did you mean" not in msg


def test_unknown_rule_in_severity(tmp_path):
    err, msg = _error(tmp_path, "severity:\n  demo.first-rule: error\n  demo.secnd-rule: info\n")
    assert err.line == 3 and "did you mean 'demo.second-rule'" in msg


def test_options_for_unknown_rule(tmp_path):
    err, msg = _error(tmp_path, "options:\n  demo.first-rul:\n    limit: 2\n")
    assert err.line == 2 and "did you mean 'demo.first-rule'" in msg


def test_unknown_option_name(tmp_path):
    err, msg = _error(tmp_path, "options:\n  demo.first-rule:\n    limit: 2\n    limt: 3\n")
    assert err.line == 4
    assert "no option 'limt'" in msg and "limit" in msg and "words" in msg


@pytest.mark.parametrize(
    "value, expected",
    [
        ("'five'", "expected an integer"),
        ("true", "got a boolean"),
        ("[1, 2]", "expected an integer"),
    ],
)
def test_bad_option_value(tmp_path, value, expected):
    err, msg = _error(tmp_path, f"options:\n  demo.first-rule:\n\n    limit: {value}\n")
    assert err.line == 4 and "rules.yaml:4:" in msg
    assert "option 'limit' of rule demo.first-rule" in msg and expected in msg


def test_bad_list_item_and_yaml_boolean_hint(tmp_path):
    _, msg = _error(tmp_path, "options:\n  demo.first-rule:\n    words: [yes, b]\n")
    assert "rules.yaml:3:" in msg and "quote it" in msg


def test_option_choice(tmp_path):
    _, msg = _error(tmp_path, "options:\n  demo.first-rule:\n    mode: medium\n")
    assert "rules.yaml:3:" in msg and "'fast'" in msg and "'slow'" in msg


def test_options_must_be_mapping(tmp_path):
    err, msg = _error(tmp_path, "options:\n  demo.first-rule: 3\n", validate=False)
    assert err.line == 2 and "mapping" in msg


def test_bad_severity(tmp_path):
    err, msg = _error(tmp_path, "severity:\n  demo: warn\n", validate=False)
    assert err.line == 2
    assert "unknown severity 'warn'" in msg and "error, warning, info" in msg


def test_bad_fail_on(tmp_path):
    err, msg = _error(tmp_path, "ignore: []\nfail-on: sometimes\n", validate=False)
    assert err.line == 2 and "error, warning, info, never" in msg


def test_select_must_be_list_of_strings(tmp_path):
    err, msg = _error(tmp_path, "select:\n  demo: 1\n", validate=False)
    assert err.line == 1 and "'select' must be a list" in msg


def test_invalid_yaml_names_the_line(tmp_path):
    err, msg = _error(tmp_path, "select: [demo]\nignore: [a, b\nseverity: {}\n", validate=False)
    assert err.line is not None and err.line >= 2
    assert "invalid YAML" in msg and f"rules.yaml:{err.line}:" in msg


def test_invalid_yaml_bad_indentation(tmp_path):
    err, msg = _error(tmp_path, "options:\n  demo.first-rule:\n    limit: 1\n   words: [a]\n", validate=False)
    assert err.line == 4 and "invalid YAML" in msg


def test_duplicate_key(tmp_path):
    err, msg = _error(tmp_path, "ignore: []\nselect: [demo]\nignore: [demo]\n", validate=False)
    assert err.line == 3 and "duplicate key 'ignore'" in msg


def test_top_level_must_be_mapping(tmp_path):
    _, msg = _error(tmp_path, "- demo\n- other\n", validate=False)
    assert "rules.yaml:1:" in msg and "mapping" in msg


def test_unreadable_config(tmp_path):
    with pytest.raises(ConfigError, match="cannot read"):
        load_config(tmp_path / "missing.yaml")


def test_prefix_and_plugin_name_and_all_are_known(tmp_path):
    cfg = load_config(_write(tmp_path, "select: [ALL, demo, other]\nignore: [demo.second-rule]\n"))
    cfg.validate(_rules())  # no error


# -- discovery -------------------------------------------------------------------------


def test_find_config_walks_up(tmp_path):
    (tmp_path / "rules.yaml").write_text("ignore: []\n")
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    assert find_config(deep) == (tmp_path / "rules.yaml").resolve()


def test_find_config_nearest_wins(tmp_path):
    (tmp_path / "rules.yaml").write_text("ignore: []\n")
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "rules.yaml").write_text("ignore: []\n")
    assert find_config(tmp_path / "a") == (tmp_path / "a" / "rules.yaml").resolve()


def test_find_config_falls_back_to_packaged_default(tmp_path):
    if any((p / "rules.yaml").is_file() for p in (tmp_path.resolve(), *tmp_path.resolve().parents)):
        pytest.skip("a rules.yaml exists above the temporary folder")
    assert find_config(tmp_path) == DEFAULT_CONFIG
    assert DEFAULT_CONFIG.is_file()


def test_find_config_defaults_to_cwd(tmp_path, monkeypatch):
    (tmp_path / "rules.yaml").write_text("ignore: []\n")
    monkeypatch.chdir(tmp_path)
    assert find_config() == (tmp_path / "rules.yaml").resolve()


def test_packaged_default_is_the_repository_rules_yaml():
    repo = pathlib.Path(__file__).resolve().parent.parent / "rules.yaml"
    assert DEFAULT_CONFIG.read_text(encoding="utf-8") == repo.read_text(encoding="utf-8")


# -- exclude globs ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "rel, patterns, excluded",
    [
        ("drafts/a.txt", ["drafts"], True),
        ("x/drafts/a.txt", ["drafts"], True),  # no "/" in pattern: any depth
        ("x/drafts/a.txt", ["drafts/*"], False),  # with "/": relative to the base
        ("drafts/a.txt", ["drafts/*"], True),
        ("a.min.md", ["*.min.md"], True),
        ("sub/a.min.md", ["*.min.md"], True),
        ("a.md", ["*.min.md"], False),
        ("sub/deep/a.txt", ["sub/deep"], True),
        ("sub/deep/a.txt", ["./sub/deep/"], True),
        ("sub/other/a.txt", ["sub/deep"], False),
    ],
)
def test_is_excluded(tmp_path, rel, patterns, excluded):
    path = tmp_path / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("x")
    assert is_excluded(path, patterns, tmp_path.resolve()) is excluded


def test_is_excluded_relative_path_and_outside_base(tmp_path, monkeypatch):
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "a.txt").write_text("x")
    monkeypatch.chdir(tmp_path)
    assert is_excluded(pathlib.Path("drafts/a.txt"), ["drafts"], tmp_path.resolve())
    other = tmp_path / "base"
    other.mkdir()
    assert not is_excluded(tmp_path / "drafts" / "a.txt", ["drafts/*"], other.resolve())


def test_config_error_without_line():
    assert str(ConfigError("rules.yaml", None, "boom")) == "rules.yaml: boom"
    assert str(ConfigError("rules.yaml", 7, "boom")) == "rules.yaml:7: boom"
    assert isinstance(Config().base_dir, os.PathLike)


def test_hostile_yaml_is_a_located_configuration_error(tmp_path):
    import pytest

    from lintkit.config import ConfigError, load_config

    p = tmp_path / "rules.yaml"
    p.write_text("? [a, b]\n: 1\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="rules.yaml:1: a key must be a plain name"):
        load_config(p)
    p.write_text("select: " + "[" * 300 + "]" * 300 + "\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="nested too deeply"):
        load_config(p)


# -- options of a whole plugin ----------------------------------------------------------


def test_options_given_to_a_plugin_reach_each_of_its_rules_that_has_them(tmp_path):
    p = _write(tmp_path, "options:\n  demo:\n    limit: 7\n  demo.first-rule:\n    words: [z]\n")
    cfg = load_config(p)
    rules = _rules()
    cfg.validate(rules)
    assert cfg.options_for(rules["demo.first-rule"]) == {"limit": 7, "words": ["z"], "mode": "fast"}
    assert cfg.options_for(rules["demo.second-rule"]) == {}


def test_a_rule_s_own_option_beats_its_plugin_s(tmp_path):
    p = _write(tmp_path, "options:\n  demo:\n    limit: 7\n  demo.first-rule:\n    limit: 9\n")
    cfg = load_config(p)
    assert cfg.options_for(_rules()["demo.first-rule"])["limit"] == 9


def test_a_plugin_option_no_rule_has_is_an_error_naming_the_plugin(tmp_path):
    err, msg = _error(tmp_path, "options:\n  demo:\n    limt: 7\n")
    assert "plugin demo" in msg and "'limt'" in msg and "limit" in msg and err.line == 3


def test_a_plugin_option_of_the_wrong_type_is_an_error(tmp_path):
    _, msg = _error(tmp_path, "options:\n  demo:\n    mode: medium\n")
    assert "option 'mode' of plugin demo" in msg


def _with_lines(value):
    """A value read by the config loader, with the line numbers it carries."""
    if isinstance(value, dict):
        return ("map", value.line, dict(value.lines), [(k, _with_lines(v)) for k, v in value.items()])
    if isinstance(value, list):
        return ("seq", value.line, list(value.lines), [_with_lines(v) for v in value])
    return (type(value).__name__, value)


def test_rules_yaml_is_read_by_libyaml_as_by_the_pure_python_reader():
    """A rules.yaml is read by libyaml when it can (``_CLines``): the same
    values, types, order and line numbers as PyYAML's own reader gives."""
    import yaml

    from lintkit import config

    if config._CLines is None:
        pytest.skip("PyYAML without libyaml")
    root = pathlib.Path(__file__).resolve().parent.parent
    texts = [p.read_text(encoding="utf-8") for p in root.glob("**/*.yaml") if ".venv" not in p.parts]
    texts.append("select: [a, b]\nseverity:\n  a: error\nrules:\n  - id: x.y\n    words: [1, 2.5, yes, ~, '3']\n")
    assert len(texts) > 10
    for text in texts:
        fast = yaml.load(text, Loader=config._CLines)  # noqa: S506
        assert _with_lines(fast) == _with_lines(yaml.load(text, Loader=config._Lines))  # noqa: S506
        assert _with_lines(config._load_lines(text)) == _with_lines(fast)


@pytest.mark.parametrize(
    "text",
    ["select: [a\n", "a: 1\na: 2\n", "? [a]\n: 1\n", "a: b: c\n", "a:\n\t- b\n"],
)
def test_a_rules_yaml_libyaml_rejects_is_reported_as_pyyaml_reports_it(text):
    import yaml

    from lintkit import config

    with pytest.raises((yaml.YAMLError, ConfigError)) as pure:
        yaml.load(text, Loader=config._Lines)  # noqa: S506
    with pytest.raises(type(pure.value)) as got:
        config._load_lines(text)
    assert str(got.value) == str(pure.value)
