"""Plugin loading from installed distributions, without pip.

Each test builds a fake installed distribution in a temporary folder — a
``<name>-0.1.dist-info`` with METADATA and an ``entry_points.txt`` declaring
a ``[lintkit]`` entry point, beside the plugin module — and runs lintkit in
a subprocess with that folder on PYTHONPATH, exactly as if it were
pip-installed.
"""

import json
import os
import subprocess
import sys
import textwrap

import pytest

from lintkit.plugins import Registry, get_plugin_manager

GOOD = '''
from lintkit import Problem, hookimpl, rule

__version__ = "0.1"


@rule("fake.no-foo")
def no_foo(doc, options):
    """Flags the word foo."""
    i = doc.text.find("foo")
    if i >= 0:
        yield Problem(i, i + 3, "foo found")


@rule("fake.explodes")
def explodes(doc, options):
    """Raises on documents that mention boom."""
    if "boom" in doc.text:
        raise RuntimeError("kaboom")
    return ()


@hookimpl
def register_rules(register):
    register(no_foo)
    register(explodes)
'''

BROKEN_IMPORT = """
raise RuntimeError("this plugin is broken on purpose")
"""

DUPLICATE = '''
from lintkit import hookimpl, rule


@rule("style.repeated-phrase")
def clash(doc, options):
    """Same id as a built-in rule."""
    return ()


@rule("dupe.fine")
def fine(doc, options):
    """A rule that registers fine."""
    return ()


@hookimpl
def register_rules(register):
    register(fine)
    register(clash)
'''

UNKNOWN_HOOK = """
from lintkit import hookimpl


@hookimpl
def register_rulez(register):
    pass
"""


def make_dist(site, dist, module, source, entry_name=None):
    """A fake installed distribution ``dist`` providing ``module`` under [lintkit]."""
    info = site / f"{dist.replace('-', '_')}-0.1.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {dist}\nVersion: 0.1\n", encoding="utf-8")
    (info / "entry_points.txt").write_text(
        f"[lintkit]\n{entry_name or module.split('_', 1)[-1]} = {module}\n", encoding="utf-8"
    )
    (site / f"{module}.py").write_text(textwrap.dedent(source), encoding="utf-8")


def run(args, cwd, site=None, env=None):
    full_env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "LINTKIT_TRACE_HOOKS")}
    if site is not None:
        full_env["PYTHONPATH"] = os.pathsep.join(
            [str(site)] + ([full_env["PYTHONPATH"]] if full_env.get("PYTHONPATH") else [])
        )
    full_env.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "lintkit", *args],
        cwd=cwd,
        capture_output=True,
        env=full_env,
        timeout=60,
        text=True,
        encoding="utf-8",
    )


@pytest.fixture
def work(tmp_path):
    (tmp_path / "rules.yaml").write_text("select: [style.repeated-phrase, fake]\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("foo 以赛促产,以赛促产。\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("boom foo\n", encoding="utf-8")
    return tmp_path


def test_installed_plugin_is_loaded_and_runs(work, tmp_path_factory):
    site = tmp_path_factory.mktemp("site")
    make_dist(site, "lintkit-fake", "lintkit_fake", GOOD)
    p = run(["check", "a.txt", "--format", "json"], work, site)
    assert p.returncode == 1, p.stderr
    data = json.loads(p.stdout)
    assert data["errors"] == []
    assert sorted(f["rule"] for f in data["findings"]) == ["fake.no-foo", "style.repeated-phrase"]

    p = run(["plugins"], work, site)
    assert p.returncode == 0
    assert "fake 0.1: register_rules" in p.stdout.splitlines()

    p = run(["rules"], work, site)
    row = next(line for line in p.stdout.splitlines() if line.startswith("fake.no-foo"))
    assert row.split()[1:4] == ["warning", "fake", "on"] and "Flags the word foo." in row


def test_rule_that_raises_is_an_error_and_the_run_continues(work, tmp_path_factory):
    site = tmp_path_factory.mktemp("site")
    make_dist(site, "lintkit-fake", "lintkit_fake", GOOD)
    p = run(["check", "a.txt", "b.txt", "--format", "json"], work, site)
    assert p.returncode == 2
    data = json.loads(p.stdout)
    (e,) = data["errors"]
    assert e["kind"] == "rule" and e["rule"] == "fake.explodes" and e["path"] == "b.txt"
    assert e["plugin"] == "fake"
    assert "fake.explodes" in e["message"] and "b.txt" in e["message"] and "kaboom" in e["message"]
    # the same rule on the other file, and the other rules on the failing file, still ran
    got = sorted((f["path"], f["rule"]) for f in data["findings"])
    assert got == [("a.txt", "fake.no-foo"), ("a.txt", "style.repeated-phrase"), ("b.txt", "fake.no-foo")]
    p = run(["check", "a.txt", "b.txt"], work, site)
    assert p.returncode == 2
    assert "error: rule fake.explodes (plugin fake) failed on b.txt: RuntimeError: kaboom" in p.stdout


def test_plugin_that_fails_to_import(work, tmp_path_factory):
    site = tmp_path_factory.mktemp("site")
    make_dist(site, "lintkit-broken", "lintkit_broken", BROKEN_IMPORT)
    make_dist(site, "lintkit-fake", "lintkit_fake", GOOD)
    p = run(["check", "a.txt", "--format", "json"], work, site)
    assert p.returncode == 2
    data = json.loads(p.stdout)
    (e,) = data["errors"]
    assert e["kind"] == "plugin" and e["plugin"] == "broken"
    assert "broken (from lintkit-broken)" in e["message"]
    assert "this plugin is broken on purpose" in e["message"]
    # every other plugin still loaded and ran
    assert sorted(f["rule"] for f in data["findings"]) == ["fake.no-foo", "style.repeated-phrase"]

    p = run(["plugins"], work, site)
    assert p.returncode == 2
    assert "broken (from lintkit-broken)" in p.stderr
    assert any(line.startswith("fake 0.1") for line in p.stdout.splitlines())

    p = run(["rules"], work, site)
    assert p.returncode == 2 and "broken (from lintkit-broken)" in p.stderr
    assert "fake.no-foo" in p.stdout


def test_duplicate_rule_id_is_rejected(work, tmp_path_factory):
    site = tmp_path_factory.mktemp("site")
    make_dist(site, "lintkit-dupe", "lintkit_dupe", DUPLICATE)
    (work / "rules.yaml").write_text("select: [style, dupe]\n", encoding="utf-8")
    p = run(["check", "a.txt", "--format", "json"], work, site)
    assert p.returncode == 2
    data = json.loads(p.stdout)
    (e,) = data["errors"]
    assert e["kind"] == "plugin" and e["plugin"] == "dupe"
    assert ("plugin 'dupe' registers rule style.repeated-phrase, which is already registered by plugin 'style'") in e[
        "message"
    ]
    # the built-in rule is untouched and still runs
    assert [f["rule"] for f in data["findings"]] == ["style.repeated-phrase"]
    # the clashing plugin's other rules still registered
    p = run(["rules"], work, site)
    assert "dupe.fine" in p.stdout
    row = next(line for line in p.stdout.splitlines() if line.startswith("style.repeated-phrase"))
    assert row.split()[2] == "style"


def test_unknown_hook_is_reported(work, tmp_path_factory):
    site = tmp_path_factory.mktemp("site")
    make_dist(site, "lintkit-typo", "lintkit_typo", UNKNOWN_HOOK)
    (work / "rules.yaml").write_text("select: [style]\n", encoding="utf-8")
    p = run(["check", "a.txt"], work, site)
    assert p.returncode == 2
    assert "register_rulez" in p.stdout


def test_trace_hooks(work, tmp_path_factory):
    site = tmp_path_factory.mktemp("site")
    make_dist(site, "lintkit-fake", "lintkit_fake", GOOD)
    p = run(["check", "a.txt"], work, site, env={"LINTKIT_TRACE_HOOKS": "1"})
    assert "register_rules" in p.stderr and "'fake'" in p.stderr
    quiet = run(["check", "a.txt"], work, site)
    assert "register_rules" not in quiet.stderr


# -- in process -------------------------------------------------------------------------------


class _Plugin:
    """A plugin object registered directly (no entry point)."""

    def __init__(self, rules):
        self._rules = rules

    from lintkit import hookimpl as _hookimpl

    @_hookimpl
    def register_rules(self, register):
        for r in self._rules:
            register(r)


def test_registry_attributes_rules_to_their_plugin():
    from lintkit import rule

    @rule("acme.thing")
    def thing(doc, options):
        """Thing."""
        return ()

    pm, errors = get_plugin_manager(entry_points=False, plugins=[("acme_plugin", _Plugin([thing]))])
    assert errors == []
    reg = Registry.collect(pm)
    assert reg.rules["acme.thing"].plugin == "acme_plugin"
    assert {"text", "json", "github"} <= set(reg.reporters)
    assert any(p.name == "acme_plugin" and p.hooks == ["register_rules"] for p in reg.plugins)


def test_register_rejects_non_rules_and_bad_ids():
    from lintkit import Rule

    bad_id = Rule(id="NoDot", check=lambda d, o: ())
    pm, _ = get_plugin_manager(entry_points=False, plugins=[("a", _Plugin([bad_id])), ("b", _Plugin(["x"]))])
    reg = Registry.collect(pm)
    messages = sorted(e.message for e in reg.errors)
    assert len(messages) == 2
    assert "plugin 'a' failed to register its rules" in messages[0] and "NoDot" in messages[0]
    assert "plugin 'b'" in messages[1] and "expects a lintkit.Rule" in messages[1]


def test_plugin_managers_are_independent():
    from lintkit import rule

    @rule("acme.only-here")
    def only(doc, options):
        """Only."""
        return ()

    pm1, _ = get_plugin_manager(entry_points=False, plugins=[("acme", _Plugin([only]))])
    pm2, _ = get_plugin_manager(entry_points=False)
    assert "acme.only-here" in Registry.collect(pm1).rules
    assert "acme.only-here" not in Registry.collect(pm2).rules


def _clash_rule(rule_id, tag):
    from lintkit import rule

    @rule(rule_id)
    def clash(doc, options):
        return ()

    return clash


def test_duplicate_id_owner_of_prefix_keeps_it_whatever_the_order():
    for order in (["aaa", "acme"], ["acme", "aaa"]):
        plugins = [(name, _Plugin([_clash_rule("acme.x", name), _clash_rule(f"{name}.own", name)])) for name in order]
        pm, _ = get_plugin_manager(entry_points=False, plugins=plugins)
        reg = Registry.collect(pm)
        assert reg.rules["acme.x"].plugin == "acme", order
        assert {"aaa.own", "acme.own"} <= set(reg.rules)  # the other rules still registered
        (e,) = reg.errors
        assert e.plugin == "aaa" and "'aaa' registers rule acme.x" in e.message


def test_duplicate_id_neither_owner_first_wins():
    plugins = [("p1", _Plugin([_clash_rule("zed.x", "p1")])), ("p2", _Plugin([_clash_rule("zed.x", "p2")]))]
    pm, _ = get_plugin_manager(entry_points=False, plugins=plugins)
    reg = Registry.collect(pm)
    assert len(reg.errors) == 1
    loser = reg.errors[0].plugin
    assert {loser, reg.rules["zed.x"].plugin} == {"p1", "p2"}


def test_config_naming_a_broken_plugin_still_runs_the_other_rules(work, tmp_path_factory):
    """Settings for a plugin that failed to load cannot be checked; they are
    not a configuration error, so the rest of the run still happens."""
    site = tmp_path_factory.mktemp("site")
    make_dist(site, "lintkit-broken", "lintkit_broken", BROKEN_IMPORT)
    (work / "rules.yaml").write_text(
        "select: [broken, style]\noptions:\n  broken.some-rule: {x: 1}\n", encoding="utf-8"
    )
    p = run(["check", "a.txt", "--format", "json"], work, site)
    assert p.returncode == 2
    assert "configuration error" not in p.stderr
    data = json.loads(p.stdout)
    assert [e["plugin"] for e in data["errors"]] == ["broken"]
    assert "broken (from lintkit-broken) failed to load" in data["errors"][0]["message"]
    assert [f["rule"] for f in data["findings"]] == ["style.repeated-phrase"]


def test_unknown_plugin_in_config_is_still_a_configuration_error(work):
    (work / "rules.yaml").write_text("select: [brokne]\n", encoding="utf-8")
    p = run(["check", "a.txt"], work)
    assert p.returncode == 2
    assert "unknown rule or plugin 'brokne'" in p.stderr
