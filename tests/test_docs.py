"""The docs do not drift from the code: generated pages are fresh, every hook
is documented and tested, every rule documents (and passes) an example that
fires and one that does not."""

from __future__ import annotations

import inspect
import re
from pathlib import Path

import pytest

from lintkit import hookspecs
from lintkit.docgen import examples, generate, main as docgen_main
from lintkit.testing import lint_example, registry

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
TESTS = ROOT / "tests"

HOOKS = sorted(name for name, func in vars(hookspecs).items() if callable(func) and hasattr(func, "lintkit_spec"))
RULES = registry().rules


def _read(name: str) -> str:
    return (DOCS / name).read_text(encoding="utf-8")


# -- generated pages -----------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(generate()))
def test_generated_docs_are_fresh(name):
    expected = generate()[name]
    assert (DOCS / name).exists(), f"docs/{name} is missing; run `python -m lintkit.docgen`"
    assert _read(name) == expected, f"docs/{name} is stale; run `python -m lintkit.docgen` and review the diff"


def test_docgen_check_mode(tmp_path, capsys):
    assert docgen_main(["--check", "--output", str(tmp_path)]) == 1
    assert "stale" in capsys.readouterr().err
    assert docgen_main(["--output", str(tmp_path)]) == 0
    assert docgen_main(["--check", "--output", str(tmp_path)]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(generate())


def test_builtin_rule_docs_leave_out_third_party_plugins():
    text = generate()["rules.md"]
    assert "`style.repeated-phrase`" in text
    assert "punctuation.halfwidth-in-chinese" not in text  # the example plugin is not built in
    assert "`house.vague-source`" in text  # the packaged rules.yaml's house rules are


def test_docs_index_links_every_page():
    index = _read("index.md")
    for page in sorted(p.name for p in DOCS.glob("*.md") if p.name != "index.md"):
        assert f"({page})" in index, f"docs/index.md does not link {page}"


# -- hooks --------------------------------------------------------------------------------------------


def test_there_are_hooks_to_check():
    assert {"register_rules", "register_reporters", "register_rule_types"} <= set(HOOKS)


@pytest.mark.parametrize("hook", HOOKS)
def test_hook_is_documented_with_every_argument(hook):
    func = getattr(hookspecs, hook)
    args = list(inspect.signature(func).parameters)
    doc = inspect.getdoc(func) or ""
    for arg in args:
        assert f":param {arg}:" in doc, f"hookspec {hook}: docstring does not describe {arg!r}"
    assert "versionadded::" in doc, f"hookspec {hook}: docstring does not say which version added it"
    reference = _read("hooks.md")
    heading = f"### `{hook}({', '.join(args)})`"
    assert heading in reference, f"docs/hooks.md has no section {heading!r}"
    section = reference.split(heading, 1)[1].split("\n### ", 1)[0]
    for arg in args:
        assert f"`{arg}`" in section, f"docs/hooks.md: {hook} does not describe its argument {arg!r}"


@pytest.mark.parametrize("hook", HOOKS)
def test_hook_has_a_test(hook):
    """A test implements the hook (``def hook(``) outside this file."""
    implemented = [
        p.name
        for p in TESTS.rglob("test_*.py")
        if not p.name.startswith("test_docs") and re.search(rf"\bdef {hook}\(", p.read_text(encoding="utf-8"))
    ]
    assert implemented, f"no test implements the hook {hook}"


# -- rules ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("rule_id", sorted(RULES))
def test_rule_docstring_has_summary_and_examples(rule_id):
    r = RULES[rule_id]
    assert r.summary, f"{rule_id} has no docstring"
    found = examples(r.doc)
    assert found["fires"], f'{rule_id}: docstring has no indented "Example that fires:" section'
    assert found["quiet"], f'{rule_id}: docstring has no indented "Example that does not fire:" section'


@pytest.mark.parametrize("rule_id", sorted(RULES))
def test_rule_docstring_examples_behave(rule_id):
    found = examples(RULES[rule_id].doc)
    if not (found["fires"] or found["quiet"]):
        pytest.skip("no examples (test_rule_docstring_has_summary_and_examples fails for it)")
    for text in found["fires"]:
        got = [f for f in lint_example(text, rule_id) if f.rule == rule_id]
        assert got, f"{rule_id}: its 'Example that fires' does not fire:\n{text}"
    for text in found["quiet"]:
        got = [f for f in lint_example(text, rule_id) if f.rule == rule_id]
        assert not got, f"{rule_id}: its 'Example that does not fire' fires: {[f.message for f in got]}\n{text}"


def test_examples_parser():
    doc = """Summary.

    Example that fires (a note,
    on two lines)::

        第一行
          indented more

        第三行

    Example that does not fire: inline text is not an example.

    Example that does not fire:

        quiet text
    Options: none.
    """
    found = examples(inspect.cleandoc(doc))
    assert found == {"fires": ["第一行\n  indented more\n\n第三行"], "quiet": ["quiet text"]}


# -- rules.yaml and JSON references ----------------------------------------------------------------------


def test_rules_yaml_reference_covers_every_key_and_type():
    from lintkit.config import TOP_LEVEL_KEYS
    from lintkit.rule_types import BUILTIN_TYPES, COMMON_KEYS

    reference = _read("rules-yaml.md")
    for key in list(TOP_LEVEL_KEYS) + list(COMMON_KEYS):
        assert f"| `{key}` |" in reference, f"docs/rules-yaml.md does not document {key!r}"
    types = _read("rule-types.md")
    for t in BUILTIN_TYPES:
        assert f"`{t.name}`" in reference
        for key in t.keys:
            assert f"| `{key}` |" in types


def test_json_reference_names_every_key_the_reporter_writes():
    from lintkit.testing import run_cli

    files = {
        "rules.yaml": "rules:\n  - id: house.x\n    extends: consistency\n    groups: [[email, e-mail]]\n",
        "a.txt": "email, email, e-mail\n",
    }
    data = run_cli(files, "check", "a.txt", "--format", "json").json
    (finding,) = data["findings"]
    keys = set(finding) | set(finding["related"][0]) | set(finding["fix"]) | set(finding["fix"]["edits"][0])
    reference = _read("json-output.md")
    for key in sorted(keys):
        assert f'"{key}"' in reference, f"docs/json-output.md does not show the key {key!r}"


@pytest.mark.parametrize("type_name", ["existence", "substitution", "consistency", "occurrence", "pattern-pair"])
def test_rule_type_docstring_example_is_a_valid_rules_yaml(type_name):
    """The YAML example in each type's documentation is accepted as written."""
    from lintkit.rule_types import BUILTIN_TYPES
    from lintkit.testing import lint_yaml

    (rule_type,) = [t for t in BUILTIN_TYPES if t.name == type_name]
    doc = inspect.cleandoc(rule_type.doc)
    block = doc.split("::\n", 1)[1]
    yaml_lines = [line[4:] for line in block.splitlines() if line.startswith("    ") or not line.strip()]
    snippet = "rules:\n" + "\n".join("  " + line for line in yaml_lines).rstrip() + "\n"
    assert lint_yaml("示例文本。", snippet) == []
