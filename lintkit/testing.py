"""Helpers for testing rules — lintkit's kit for plugin authors.

* ``lint(text, rule_id)``: findings of one rule (or a list) on a string;
  ``lint_yaml(text, rules_yaml)``: findings of the rules a rules.yaml
  snippet declares;
* ``assert_findings(findings, expected)``: compare with a readable
  "expected / got" failure;
* ``check_annotated(path_or_text)``: a fixture that carries its expected
  findings as ``<!-- expect: rule-id -->`` markers at the end of lines;
* ``run_cli(files, *args)``: the ``lintkit`` command on a temporary project
  made from a dict of files;
* ``use_plugin(plugin)``: register a plugin (a module or object with
  ``@hookimpl`` functions) for the duration of a ``with`` block.

The pytest plugin ``lintkit.pytest_plugin`` (installed with lintkit)
wraps them as fixtures and collects annotated fixture files.  See
docs/testing.md.
"""

from __future__ import annotations

import textwrap
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

import regex

from .app import Application
from .config import Config, ConfigError
from .model.document import Document
from .engine import RunResult
from .findings import Finding
from .plugins import Registry

__all__ = [
    "lint",
    "lint_documents",
    "lint_yaml",
    "lint_example",
    "example_documents",
    "registry",
    "Expect",
    "assert_findings",
    "format_finding",
    "parse_annotations",
    "check_annotated",
    "run_cli",
    "CliResult",
    "use_plugin",
    "plugins_in_use",
]

# The (name, plugin) pairs of the ``use_plugin`` blocks open in this context:
# an immutable tuple, replaced (never mutated) on entering and leaving a block.
_PLUGINS_IN_USE: ContextVar[tuple[tuple[str, object], ...]] = ContextVar("lintkit_plugins_in_use", default=())


def plugins_in_use() -> tuple[tuple[str, object], ...]:
    """The plugins of the ``use_plugin`` blocks open here, outermost first."""
    return _PLUGINS_IN_USE.get()


def _app(plugins=()) -> Application:
    return Application(plugins=plugins_in_use() + tuple(plugins))


def registry(plugins=()) -> Registry:
    """Rules of the installed plugins (plus ``plugins``: (name, module) pairs)."""
    return _app(plugins).registry


def lint_documents(
    documents: list[Document],
    rule_id: str | list[str],
    options: dict[str, Any] | None = None,
    plugins=(),
) -> RunResult:
    app = _app(plugins)
    ids = [rule_id] if isinstance(rule_id, str) else list(rule_id)
    # an id rules were split out of names them all, as in rules.yaml
    former = {r.formerly for r in app.registry.rules.values() if r.formerly}
    missing = [i for i in ids if i not in app.registry.rules and i not in former]
    if missing:
        raise KeyError(f"no rule {missing}; registered: {sorted(app.registry.rules)}")
    app.load_config(Config(select=ids, options={ids[0]: dict(options)} if options else {}))
    app.make_selection()
    app.make_engine()
    result = app.run(documents)
    if result.errors:
        raise AssertionError("lint run had errors: " + "; ".join(e.message for e in result.errors))
    return result


def lint(
    text: str, rule_id: str | list[str], *, path: str = "test.txt", options: dict[str, Any] | None = None, plugins=()
):
    """Findings of ``rule_id`` (one id or a list) on ``text``."""
    return lint_documents([Document(text, path)], rule_id, options, plugins).findings


_EXAMPLE_FILE = regex.compile(r"^(?P<name>[\w.-]+\.(?:txt|md|markdown)):[ \t]*(?P<line>.*)$")


def example_documents(text: str) -> list[Document]:
    """The documents of a docstring example.  An example whose every line
    starts with a file name (``a.txt:  新华社记者 …``) is several files,
    for a corpus rule; any other example is one file, ``example.txt``."""
    lines = [line for line in text.splitlines() if line.strip()]
    if lines and all(_EXAMPLE_FILE.match(line) for line in lines):
        files: dict[str, list[str]] = {}
        for line in lines:
            m = _EXAMPLE_FILE.match(line)
            files.setdefault(m.group("name"), []).append(m.group("line"))
        return [Document("\n".join(body) + "\n", name) for name, body in files.items()]
    return [Document(text if text.endswith("\n") else text + "\n", "example.txt")]


def lint_example(text: str, rule_id: str, plugins=()) -> list[Finding]:
    """Findings of ``rule_id`` on a docstring example (see ``example_documents``)."""
    return lint_documents(example_documents(text), rule_id, plugins=plugins).findings


# -- rules.yaml snippets ---------------------------------------------------------


def lint_yaml(
    text: str, rules_yaml: str, rule_id: str | list[str] | None = None, *, path: str = "test.txt", plugins=()
):
    """Findings on ``text`` of the rules declared in ``rules_yaml`` (a
    rules.yaml snippet with a ``rules:`` section; its ``options``,
    ``severity`` etc. apply too).  ``rule_id`` limits the run to some of
    them (default: every rule the snippet declares).  A mistake in the
    snippet raises ``ConfigError`` reading ``rules.yaml:LINE: ...``."""
    import tempfile
    from pathlib import Path

    from .config import load_config

    with tempfile.TemporaryDirectory() as tmp:
        config_path = Path(tmp) / "rules.yaml"
        config_path.write_text(textwrap.dedent(rules_yaml), encoding="utf-8")
        try:
            config = load_config(config_path)
        except ConfigError as exc:
            raise ConfigError("rules.yaml", exc.line, exc.message) from None
    config.path = "rules.yaml"
    app = _app(plugins)
    app.load_config(config)
    declared = [r.get("id") for r in config.rules]
    ids = declared if rule_id is None else [rule_id] if isinstance(rule_id, str) else list(rule_id)
    if not ids:
        raise ValueError("the snippet declares no rules and no rule_id was given")
    missing = [i for i in ids if i not in app.registry.rules]
    if missing:
        raise KeyError(f"no rule {missing}; declared: {declared}")
    config.select = [str(i) for i in ids]  # (every one is a registered rule's id)
    config.ignore = []
    app.make_selection()
    app.make_engine()
    result = app.run([Document(text, path)])
    if result.errors:
        raise AssertionError("lint run had errors: " + "; ".join(e.message for e in result.errors))
    return result.findings


# -- asserting findings -----------------------------------------------------------


@dataclass(frozen=True)
class Expect:
    """An expected finding; ``None`` fields match anything.  ``message`` is a substring."""

    rule: str
    line: int | None = None
    column: int | None = None
    message: str | None = None

    def matches(self, f: Finding) -> bool:
        return (
            f.rule == self.rule
            and (self.line is None or f.start.line == self.line)
            and (self.column is None or f.start.column == self.column)
            and (self.message is None or self.message in f.message)
        )

    def __str__(self) -> str:
        where = f"{self.line if self.line is not None else '?'}:{self.column if self.column is not None else '?'}"
        return f"{where} {self.rule}" + (f"  …{self.message}…" if self.message else "")


def _expect(item) -> Expect:
    if isinstance(item, Expect):
        return item
    if isinstance(item, str):
        return Expect(item)
    if isinstance(item, tuple):
        if len(item) == 2:
            return Expect(item[1], line=item[0])
        if len(item) == 3:
            return Expect(item[2], line=item[0], column=item[1])
    raise TypeError(f"expected an Expect, a rule id, (line, rule) or (line, column, rule); got {item!r}")


def format_finding(f: Finding) -> str:
    return f"{f.start.line}:{f.start.column} {f.rule}  {f.message}"


def assert_findings(findings, expected, *, text: str | None = None) -> None:
    """Assert that ``findings`` are exactly ``expected`` (in any order).

    Each expected item is an ``Expect``, a rule id, ``(line, rule)`` or
    ``(line, column, rule)``.  On a mismatch the error lists what was
    expected, what was got, and the difference; with ``text``, the line
    of each missing or unexpected finding is quoted.
    """
    wanted = [_expect(e) for e in expected]
    got = sorted(findings, key=lambda f: f.sort_key())
    unmatched = list(got)
    missing = []
    for e in wanted:
        hit = next((f for f in unmatched if e.matches(f)), None)
        if hit is None:
            missing.append(e)
        else:
            unmatched.remove(hit)
    if not missing and not unmatched:
        return
    lines = text.splitlines() if text is not None else None

    def quote(line):
        if lines is None or line is None or not 0 < line <= len(lines):
            return ""
        return f"\n        | {lines[line - 1]}"

    out = [f"findings differ: expected {len(wanted)}, got {len(got)}", "expected:"]
    out += [f"  {e}" for e in wanted] or ["  (none)"]
    out.append("got:")
    out += [f"  {format_finding(f)}" for f in got] or ["  (none)"]
    if missing:
        out.append("missing (expected, not got):")
        out += [f"  - {e}{quote(e.line)}" for e in missing]
    if unmatched:
        out.append("unexpected (got, not expected):")
        out += [f"  + {format_finding(f)}{quote(f.start.line)}" for f in unmatched]
    raise AssertionError("\n".join(out))


# -- annotated fixtures ------------------------------------------------------------

# ``<!-- expect: rule-a, rule-b -->`` at the end of a line: that line has one
# finding of each rule named (repeat a rule to expect it twice).
# ``<!-- lint: rule-a, house -->`` anywhere: the rules (or prefixes) to run;
# without it, the rules named in expect markers.
EXPECT_MARKER = regex.compile(r"[ \t]*<!--\s*expect:\s*(?P<ids>[^>]*?)\s*-->[ \t]*$", regex.M)
LINT_MARKER = regex.compile(r"^[ \t]*<!--\s*lint:\s*(?P<ids>[^>]*?)\s*-->[ \t]*$", regex.M)


def parse_annotations(text: str) -> tuple[str, list[Expect], list[str]]:
    """Split an annotated fixture into (clean text, expected findings, rules to run).

    The markers are removed; an ``expect`` marker sits at the end of its
    line, so removing it shifts no column a finding can have.  A line made
    only of a ``lint`` marker is blanked, not removed, so line numbers hold.
    """
    selected: list[str] = []
    for m in LINT_MARKER.finditer(text):
        selected += [i.strip() for i in m.group("ids").split(",") if i.strip()]
    text = LINT_MARKER.sub("", text)
    expected: list[Expect] = []
    lines = text.split("\n")
    for n, line in enumerate(lines, 1):
        m = EXPECT_MARKER.search(line)
        if m:
            expected += [Expect(i.strip(), line=n) for i in m.group("ids").split(",") if i.strip()]
            lines[n - 1] = line[: m.start()]
    clean = "\n".join(lines)
    if not selected:
        selected = sorted({e.rule for e in expected})
    return clean, expected, selected


def check_annotated(source, *, rules: list[str] | None = None, config: str | None = None, plugins=()) -> list[Finding]:
    """Lint an annotated fixture (a path, or text) and assert its markers.

    ``rules`` overrides the rules to run; ``config`` is the path of a
    rules.yaml to use (default: the nearest one to the fixture file, as the
    CLI finds it — so a fixture of house rules sits beside its rules.yaml).
    Returns the findings.
    """
    from pathlib import Path

    from .config import find_config
    from .selection import specificity

    if isinstance(source, Path) or (isinstance(source, str) and "\n" not in source and Path(source).is_file()):
        path = Path(source)
        raw, name = Document.from_path(path).text, str(path)
        config_path: Path | None = Path(config) if config else find_config(path.parent)
    else:
        raw, name = source, "fixture.txt"
        config_path = Path(config) if config else None
    text, expected, selected = parse_annotations(raw)
    selected = rules or selected
    if not selected:
        raise ValueError(f"{name}: no <!-- expect: ... --> or <!-- lint: ... --> marker says which rules to run")
    app = _app(plugins)
    cfg = app.load_config(config_path or Config())
    cfg.select, cfg.ignore = list(selected), []
    app.make_selection()
    app.make_engine()
    suffix = Path(name).suffix or ".txt"
    result = app.run([Document(text, "fixture" + suffix)])
    if result.errors:
        raise AssertionError(f"{name}: lint run had errors: " + "; ".join(e.message for e in result.errors))
    findings = [f for f in result.findings if any(specificity(s, f.rule) for s in selected)]
    try:
        assert_findings(findings, expected, text=text)
    except AssertionError as exc:
        raise AssertionError(f"{name}: {exc}") from None
    return findings


# -- the command line on a temporary project -----------------------------------------


@dataclass
class CliResult:
    exit_code: int
    stdout: str
    stderr: str
    root: "object"  # pathlib.Path of the project

    @property
    def json(self):
        import json

        return json.loads(self.stdout)


def run_cli(files: dict[str, str | bytes], *args: str, root=None) -> CliResult:
    """Write ``files`` (relative path -> text or bytes) into a project folder
    and run ``lintkit ARGS`` there, in this process.

    ``root`` is the folder to use (pytest's ``tmp_path``); default: a fresh
    temporary folder, removed afterwards.  Plugins registered with
    ``use_plugin`` take part.  Example::

        result = run_cli({"rules.yaml": "...", "a.txt": "..."}, "check", ".", "--format", "json")
        assert result.exit_code == 1 and result.json["findings"][0]["rule"] == "house.x"
    """
    import contextlib
    import io
    import os
    import tempfile
    from pathlib import Path

    from . import cli

    with contextlib.ExitStack() as stack:
        if root is None:
            root = Path(stack.enter_context(tempfile.TemporaryDirectory()))
        root = Path(root)
        for rel, content in files.items():
            target = root / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                target.write_bytes(content)
            else:
                target.write_text(textwrap.dedent(content) if content.startswith("\n") else content, encoding="utf-8")
        out, err = io.StringIO(), io.StringIO()
        old = os.getcwd()
        os.chdir(root)
        try:
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                try:
                    code = cli.main(list(args))
                except SystemExit as exc:  # argparse usage errors
                    code = exc.code if isinstance(exc.code, int) else 2
        finally:
            os.chdir(old)
        return CliResult(code, out.getvalue(), err.getvalue(), root)


# -- a plugin for one test -----------------------------------------------------------------


@contextmanager
def use_plugin(plugin, name: str | None = None):
    """Register ``plugin`` (a module, class or object with ``@hookimpl``
    functions) for every lintkit set up inside the ``with`` block —
    ``lint``, ``registry``, ``run_cli`` and the CLI itself (``cli.main``),
    which pass ``plugins_in_use()`` to ``lintkit.app.Application``.

    The block's plugins belong to the current context (thread or task), not
    to the process: nothing global is patched."""
    entry = (name or getattr(plugin, "__name__", None) or f"test-plugin-{id(plugin)}", plugin)
    _PLUGINS_IN_USE.set(_PLUGINS_IN_USE.get() + (entry,))
    try:
        yield plugin
    finally:
        # by identity, not by token: blocks closed out of order still leave only their own plugin
        _PLUGINS_IN_USE.set(tuple(e for e in _PLUGINS_IN_USE.get() if e is not entry))
