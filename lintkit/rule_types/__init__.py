"""Declarative rule types: code that ``rules.yaml`` instantiates.

A newsroom describes its own style in its ``rules.yaml`` without writing
Python::

    rules:
      - id: house.preferred-form
        extends: substitution
        swap: {做为: 作为}

Each ``rules:`` item names a *type* with ``extends:``; the built-in types
are ``existence``, ``substitution``, ``consistency``, ``occurrence`` and
``pattern-pair``, and a plugin adds its own through the
``register_rule_types`` hook.  The instances become ordinary rules: they
are listed by ``lintkit rules``, selected, ignored and given a severity
like any other, under the plugin name ``rules.yaml``.
"""

from __future__ import annotations

from typing import Any, Callable

from ..config import Config, ConfigError  # noqa: F401 - re-exported: rule types raise it
from ..hookspecs import hookimpl
from ..rules import ARTICLE, DOCUMENT, Rule
from .base import COMMON_KEYS, PATTERN_TIMEOUT, PatternTimeout, RuleType, Spec, check_id, parse_severity
from .consistency import CONSISTENCY
from .existence import EXISTENCE
from .occurrence import OCCURRENCE
from .pattern_pair import PATTERN_PAIR
from .substitution import SUBSTITUTION

__all__ = [
    "RuleType",
    "Spec",
    "BUILTIN_TYPES",
    "COMMON_KEYS",
    "PATTERN_TIMEOUT",
    "PatternTimeout",
    "build_rules",
    "add_declarative_rules",
    "register_rule_types",
]

BUILTIN_TYPES = (EXISTENCE, SUBSTITUTION, CONSISTENCY, OCCURRENCE, PATTERN_PAIR)
PLUGIN_NAME = "rules.yaml"


@hookimpl
def register_rule_types(register):
    for t in BUILTIN_TYPES:
        register(t)


def _unbuilt(spec: Spec) -> Callable[..., Any]:
    """The build of the placeholder type of a probe ``Spec`` (made to read an
    item's id and lines before its type is known): never called."""
    raise NotImplementedError("a probe's rule type is never built")


def build_rules(config: Config, types: dict[str, RuleType]) -> dict[str, Rule]:
    """The rules described by ``config.rules``, validated; ``ConfigError`` at the first mistake."""
    out: dict[str, Rule] = {}
    for index, data in enumerate(config.rules):
        probe = Spec(data, config.path, RuleType("?", _unbuilt), index)
        rule_id = check_id(probe)
        if rule_id in out:
            raise probe.error("id", f"id {rule_id} is defined twice in 'rules'")
        type_name = data.get("extends")
        if not isinstance(type_name, str) or type_name not in types:
            known = ", ".join(sorted(types))
            raise probe.error(
                "extends" if "extends" in data else None,
                f"'extends' must name a rule type ({known}), got {type_name!r}",
            )
        rule_type = types[type_name]
        spec = Spec(data, config.path, rule_type, index)
        for key in data:
            if key not in COMMON_KEYS and key not in rule_type.keys:
                accepted = ", ".join(list(COMMON_KEYS) + list(rule_type.keys))
                raise spec.error(key, f"unknown key {key!r} for type {type_name}; accepted: {accepted}")
        severity = parse_severity(spec)
        enabled = spec.get("enabled", True, bool, "true or false")
        check = rule_type.build(spec)
        out[rule_id] = Rule(
            id=rule_id,
            check=check,
            scope=ARTICLE if rule_type.scope == ARTICLE else DOCUMENT,
            severity=severity,
            options={},
            enabled=enabled,
            doc=_doc(spec, rule_type),
            plugin=PLUGIN_NAME,
        )
    return out


def add_declarative_rules(config: Config, registry) -> None:
    """Add the rules of ``config.rules`` to ``registry.rules`` (``ConfigError`` on a mistake)."""
    if not config.rules:
        return
    built = build_rules(config, registry.rule_types)
    for index, data in enumerate(config.rules):
        rule_id = data.get("id")
        if rule_id in registry.rules:
            spec = Spec(data, config.path, RuleType("?", _unbuilt), index)
            raise spec.error("id", f"id {rule_id} is already registered by plugin {registry.rules[rule_id].plugin!r}")
    registry.rules.update(built)


def _doc(spec: Spec, rule_type: RuleType) -> str:
    import json

    import regex
    import yaml

    data = spec.data
    message = data.get("message") or rule_type.default_message
    summary = data.get("description") or regex.sub(r"\{[^{}]*\}", "…", message)
    plain = json.loads(json.dumps({k: v for k, v in data.items() if k != "description"}, ensure_ascii=False))
    body = yaml.safe_dump([plain], allow_unicode=True, sort_keys=False, width=100).rstrip("\n")
    lines = [str(summary), "", f"A house rule declared in {spec.path} (extends: {rule_type.name}):", ""]
    lines += ["    " + line for line in body.splitlines()]
    if data.get("link"):
        lines += ["", f"See {data['link']}"]
    return "\n".join(lines)
