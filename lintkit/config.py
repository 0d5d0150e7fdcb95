"""rules.yaml: find it, read it with line numbers, validate it strictly.

Every mistake is reported as ``rules.yaml:LINE: what is wrong; what was
expected`` — a typo in a rule id must not silently lint with the defaults.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .findings import Severity
from .rules import Rule

__all__ = ["Config", "ConfigError", "find_config", "load_config", "parse_config", "DEFAULT_CONFIG"]

CONFIG_NAME = "rules.yaml"
DEFAULT_CONFIG = Path(__file__).with_name("default_rules.yaml")
TOP_LEVEL_KEYS = {
    "select": "a list of rule ids or plugin prefixes to enable",
    "ignore": "a list of rule ids or plugin prefixes to disable",
    "severity": "a mapping of rule id or plugin prefix to error | warning | info",
    "options": "a mapping of rule id to that rule's options",
    "exclude": "a list of glob patterns of files and folders not to lint",
    "fail-on": "error | warning | info | never",
    "rules": "a list of declarative rules, each a mapping with id: house.NAME and extends: TYPE",
    "pairs": 'a list of translation pairs, each "CHINESE_FILE:ENGLISH_FILE" (paths relative to this file)',
    "time-budget": "seconds one rule may spend on one file before it is stopped (a number; 0 for no limit)",
}
DEFAULT_TIME_BUDGET = 60.0
FAIL_ON = ("error", "warning", "info", "never")


class ConfigError(Exception):
    """A configuration mistake, located."""

    def __init__(self, path: str, line: int | None, message: str):
        self.path, self.line, self.message = path, line, message
        where = f"{path}:{line}" if line else path
        super().__init__(f"{where}: {message}")


class _Lines(yaml.SafeLoader):
    """A YAML loader that remembers the line of every mapping key and list item."""


def _construct_mapping(loader: _Lines, node: yaml.MappingNode) -> _LineDict:
    loader.flatten_mapping(node)
    mapping = _LineDict()
    for key_node, value_node in node.value:
        if not isinstance(key_node, yaml.ScalarNode):
            raise ConfigError("", key_node.start_mark.line + 1, "a key must be a plain name, not a list or a mapping")
        key = loader.construct_object(key_node, deep=True)
        if key in mapping:
            raise ConfigError("", key_node.start_mark.line + 1, f"duplicate key {key!r}")
        mapping[key] = loader.construct_object(value_node, deep=True)
        mapping.lines[key] = key_node.start_mark.line + 1
    mapping.line = node.start_mark.line + 1
    return mapping


def _construct_sequence(loader: _Lines, node: yaml.SequenceNode) -> _LineList:
    seq = _LineList(loader.construct_object(child, deep=True) for child in node.value)
    seq.lines = [child.start_mark.line + 1 for child in node.value]
    seq.line = node.start_mark.line + 1
    return seq


class _LineDict(dict[Any, Any]):
    """A YAML mapping with the line of each key (``lines``) and its own (``line``)."""

    def __init__(self, *a: Any, **k: Any) -> None:
        super().__init__(*a, **k)
        self.lines: dict[Any, int] = {}
        self.line = 0


class _LineList(list[Any]):
    """A YAML list with the line of each item (``lines``; None when unknown) and its own (``line``)."""

    lines: list[int | None] = []
    line = 0


_Lines.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_Lines.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)


# The same loader over libyaml's parser, when PyYAML has it: ~1 ms where the
# pure-Python parser takes ~15 ms for a rules.yaml of 9 KB, read at every
# start.  Whatever it cannot read is read again by _Lines, whose errors
# lintkit reports (``_load_lines``).
def _libyaml_lines() -> Any:
    if getattr(yaml, "CSafeLoader", None) is None:
        return None

    class _CLines(yaml.CSafeLoader):
        """``_Lines`` over libyaml's parser."""

    _CLines.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
    _CLines.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)
    return _CLines


_CLines = _libyaml_lines()


def _load_lines(text: str) -> Any:
    """``text`` read with ``_Lines``: by libyaml (``_CLines``) when it reads
    it, else (any error) by the pure-Python parser, which raises what
    ``parse_config`` reports."""
    if _CLines is not None:
        try:
            return yaml.load(text, Loader=_CLines)  # noqa: S506 - a SafeLoader
        except Exception:  # noqa: BLE001, S110 - read again below, for the error message
            pass
    return yaml.load(text, Loader=_Lines)  # noqa: S506 - _Lines is a SafeLoader


@dataclass
class Config:
    """A validated configuration.  ``line_of`` keeps where each setting came from."""

    path: str = "<defaults>"
    select: list[str] | None = None
    ignore: list[str] = field(default_factory=list)
    severity: dict[str, Severity] = field(default_factory=dict)
    options: dict[str, dict[str, Any]] = field(default_factory=dict)
    exclude: list[str] = field(default_factory=list)
    fail_on: str = "warning"
    base_dir: Path = field(default_factory=Path.cwd)
    line_of: dict[tuple, int | None] = field(default_factory=dict)  # None: line unknown
    # Declarative rule instances (`rules:`), as read: mappings that remember
    # the line of each key; lintkit.rule_types builds and validates them.
    rules: list[dict] = field(default_factory=list)
    # Translation pairs (Chinese file, English file), paths resolved against base_dir.
    pairs: list[tuple[str, str]] = field(default_factory=list)
    # Seconds one rule may spend on one file (0: no limit).
    time_budget: float = DEFAULT_TIME_BUDGET
    # The file's text as read: part of the cache key (declarative rules), and
    # what a Dask worker rebuilds the configuration from
    source: str = ""

    def validate(self, rules: dict[str, Rule], unavailable: frozenset[str] = frozenset()) -> None:
        """Check every rule id, prefix and option against the registered rules.

        ``unavailable`` names plugins that failed to load: settings for
        their rules cannot be checked, and are not errors of the
        configuration (the load failure is reported, and the other rules
        still run).
        """
        plugins = {r.id.split(".", 1)[0] for r in rules.values()} | {r.plugin for r in rules.values()}
        # ids of rules that were split: each names the rules split out of it
        split: dict[str, list[Rule]] = {}
        for r in rules.values():
            if r.formerly:
                split.setdefault(r.formerly, []).append(r)

        def missing_plugin(selector: str) -> bool:
            return selector.split(".", 1)[0] in unavailable

        def known(selector: str, where: tuple) -> None:
            if (
                selector in rules
                or selector in plugins
                or selector in split
                or selector == "ALL"
                or missing_plugin(selector)
            ):
                return
            hint = _closest(selector, list(rules) + sorted(plugins))
            raise ConfigError(
                self.path,
                self.line_of.get(where),
                f"unknown rule or plugin {selector!r} in {where[0]}"
                + (f" (did you mean {hint!r}?)" if hint else "")
                + "; `lintkit rules` lists them",
            )

        for i, sel in enumerate(self.select or []):
            known(sel, ("select", i))
        for i, sel in enumerate(self.ignore):
            known(sel, ("ignore", i))
        for sel in self.severity:
            known(sel, ("severity", sel))
        for rule_id, values in self.options.items():
            if rule_id not in rules and missing_plugin(rule_id):
                continue
            if "." not in rule_id and any(r.startswith(rule_id + ".") for r in rules):
                self._validate_plugin_options(rule_id, values, rules)
                continue
            if rule_id in split and rule_id not in rules:
                specs = {old: r.options[new] for r in split[rule_id] for old, new in r.formerly_options.items()}
                now = ", ".join(sorted(r.id for r in split[rule_id]))
                self._check_options(
                    rule_id,
                    values,
                    specs,
                    f"rule {rule_id} (now {now})",
                    f"{rule_id} is now {now}; its option {{name}} is gone (options it still passes on: {{accepted}})",
                )
                continue
            if rule_id not in rules:
                hint = _closest(rule_id, list(rules))
                raise ConfigError(
                    self.path,
                    self.line_of.get(("options", rule_id)),
                    f"options for unknown rule {rule_id!r}" + (f" (did you mean {hint!r}?)" if hint else ""),
                )
            self._check_options(
                rule_id,
                values,
                rules[rule_id].options,
                f"rule {rule_id}",
                f"rule {rule_id} has no option {{name}} (its options: {{accepted}})",
            )

    def _validate_plugin_options(self, plugin: str, values: dict, rules) -> None:
        """Options given to a whole plugin (``options: {names: {roles: [...]}}``):
        each must be an option of at least one of its rules."""
        specs: dict[str, Any] = {}
        for rid, r in rules.items():
            if rid.startswith(plugin + "."):
                for name, opt in r.options.items():
                    specs.setdefault(name, opt)
        self._check_options(
            plugin,
            values,
            specs,
            f"plugin {plugin}",
            f"no rule of plugin {plugin} has an option {{name}} (their options: {{accepted}})",
        )

    def _check_options(self, key: str, values: dict, specs: dict, owner: str, unknown: str) -> None:
        """Each of ``values`` is one of ``specs`` and passes its check, else a
        located ConfigError (``unknown`` formats the message of a name none has)."""
        for name, value in values.items():
            line = self.line_of.get(("options", key, name))
            if name not in specs:
                accepted = ", ".join(sorted(specs)) or "none"
                raise ConfigError(self.path, line, unknown.format(name=repr(name), accepted=accepted))
            problem = specs[name].check(value)
            if problem:
                raise ConfigError(self.path, line, f"option {name!r} of {owner}: {problem}")

    def options_for(self, r) -> dict[str, Any]:
        """A rule's options: its defaults, then what the configuration gives
        its whole plugin (for the options the rule has), then the rule's own."""
        shared = {k: v for k, v in self.options.get(r.id.split(".")[0], {}).items() if k in r.options}
        old = self.options.get(r.formerly, {}) if r.formerly else {}
        renamed = {new: old[name] for name, new in r.formerly_options.items() if name in old}
        return r.defaults() | shared | renamed | self.options.get(r.id, {})


def _closest(word: str, candidates: list[str]) -> str | None:
    import difflib

    found = difflib.get_close_matches(word, candidates, n=1, cutoff=0.75)
    return found[0] if found else None


def find_config(start: Path | None = None) -> Path:
    """``rules.yaml`` in ``start`` or the nearest parent, else the packaged default."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        candidate = folder / CONFIG_NAME
        if candidate.is_file():
            return candidate
    return DEFAULT_CONFIG


def _string_list(data: _LineDict, key: str, path: str) -> list[str]:
    value = data[key]
    line = data.lines.get(key)
    if value is None:
        return []
    if isinstance(value, str):
        value = _LineList([value])
        value.lines = [line]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(path, line, f"{key!r} must be {TOP_LEVEL_KEYS[key]}")
    return list(value)


def load_config(path: Path | str) -> Config:
    """Read and structurally validate a rules.yaml (rule ids are checked later,
    by ``Config.validate``, once the plugins have registered their rules)."""
    path = Path(path)
    shown = str(path) if path != DEFAULT_CONFIG else "rules.yaml (packaged default)"
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(shown, None, f"cannot read: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise ConfigError(shown, None, "is not UTF-8 text") from None
    return parse_config(text, shown, path.parent.resolve())


def parse_config(text: str, shown: str, base_dir: Path) -> Config:
    """A rules.yaml's text, read as ``load_config`` reads the file at
    ``shown`` in ``base_dir`` (a Dask worker rebuilds the configuration
    from it, without the file)."""
    try:
        data = _load_lines(text)
    except ConfigError as exc:
        raise ConfigError(shown, exc.line, exc.message) from None
    except RecursionError:
        raise ConfigError(shown, None, "nested too deeply to be a configuration") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc)
        raise ConfigError(shown, mark.line + 1 if mark else None, f"invalid YAML: {problem}") from None
    cfg = Config(path=shown, base_dir=base_dir, source=text)
    if data is None:
        return cfg
    if not isinstance(data, _LineDict):  # (the _Lines loader makes every mapping a _LineDict)
        raise ConfigError(shown, 1, "must be a mapping with keys " + ", ".join(TOP_LEVEL_KEYS))
    lines = data.lines
    for key in data:
        if key not in TOP_LEVEL_KEYS:
            raise ConfigError(
                shown,
                lines.get(key),
                f"unknown key {key!r}; expected one of: " + ", ".join(TOP_LEVEL_KEYS),
            )
    for key in ("select", "ignore", "exclude"):
        if key in data:
            values = _string_list(data, key, shown)
            item_lines = getattr(data[key], "lines", None) or [lines.get(key)] * len(values)
            for i, line in enumerate(item_lines):
                cfg.line_of[(key, i)] = line
            if key == "select":
                cfg.select = values
            else:
                setattr(cfg, key, values)
    if "severity" in data:
        sev = data["severity"]
        if not isinstance(sev, _LineDict):
            raise ConfigError(shown, lines.get("severity"), f"'severity' must be {TOP_LEVEL_KEYS['severity']}")
        for sel, level in sev.items():
            line = sev.lines.get(sel)
            cfg.line_of[("severity", sel)] = line
            try:
                cfg.severity[str(sel)] = Severity.parse(level)
            except ValueError as exc:
                raise ConfigError(shown, line, f"severity of {sel!r}: {exc}") from None
    if "options" in data:
        opts = data["options"]
        if not isinstance(opts, _LineDict):
            raise ConfigError(shown, lines.get("options"), f"'options' must be {TOP_LEVEL_KEYS['options']}")
        for rule_id, given in opts.items():
            cfg.line_of[("options", rule_id)] = opts.lines.get(rule_id)
            if given is None:
                given = _LineDict()
            if not isinstance(given, _LineDict):
                raise ConfigError(
                    shown, opts.lines.get(rule_id), f"options of {rule_id!r} must be a mapping of option: value"
                )
            for name in given:
                cfg.line_of[("options", rule_id, name)] = given.lines.get(name)
            cfg.options[str(rule_id)] = dict(given)
    if "rules" in data:
        value = data["rules"]
        if value is None:
            value = []
        if not isinstance(value, list):
            raise ConfigError(shown, lines.get("rules"), f"'rules' must be {TOP_LEVEL_KEYS['rules']}")
        for i, item in enumerate(value):
            if not isinstance(item, dict):
                line = value.lines[i] if isinstance(value, _LineList) and value.lines else lines.get("rules")
                raise ConfigError(
                    shown, line, f"rules item {i + 1} must be a mapping with id: house.NAME and extends: TYPE"
                )
        cfg.rules = list(value)
        cfg.line_of[("rules",)] = lines.get("rules")
    if "pairs" in data:
        from .pairs import parse_pair

        values = _string_list(data, "pairs", shown)
        item_lines = getattr(data["pairs"], "lines", None) or [lines.get("pairs")] * len(values)
        for value, line in zip(values, item_lines):
            try:
                zh, en = parse_pair(value)
            except ValueError as exc:
                raise ConfigError(shown, line, f"pairs: {exc}") from None
            cfg.pairs.append((str(cfg.base_dir / zh), str(cfg.base_dir / en)))
    if "time-budget" in data:
        value = data["time-budget"]
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
            raise ConfigError(shown, lines.get("time-budget"), f"'time-budget' must be {TOP_LEVEL_KEYS['time-budget']}")
        cfg.time_budget = float(value)
    if "fail-on" in data:
        value = data["fail-on"]
        if value not in FAIL_ON:
            raise ConfigError(shown, lines.get("fail-on"), "'fail-on' must be one of " + ", ".join(FAIL_ON))
        cfg.fail_on = value
    return cfg


def is_excluded(path: Path, patterns: list[str], base: Path) -> bool:
    """Does a glob in ``patterns`` match ``path`` (relative to ``base``), or a
    folder it is in?  A pattern without ``/`` matches a name at any depth."""
    from fnmatch import fnmatchcase

    try:
        rel = path.resolve().relative_to(base)
    except ValueError:
        rel = Path(os.path.relpath(path.resolve(), base))
    parts = rel.as_posix().split("/")
    for pattern in patterns:
        pat = pattern.rstrip("/")
        if "/" in pat:
            prefixes = ["/".join(parts[: i + 1]) for i in range(len(parts))]
            if any(fnmatchcase(p, pat) or fnmatchcase(p, pat.lstrip("./")) for p in prefixes):
                return True
        elif any(fnmatchcase(part, pat) for part in parts):
            return True
    return False
