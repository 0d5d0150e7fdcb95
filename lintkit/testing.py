"""Helpers for testing rules: lint a string with one rule and get findings.

(The full plugin-author kit — pytest plugin, annotated fixtures, CLI
runner — grows here; see docs/.)
"""

from __future__ import annotations

from typing import Any

from .config import Config
from .document import Document
from .engine import Engine, RunResult
from .plugins import Registry, get_plugin_manager

__all__ = ["lint", "lint_documents", "registry"]


def registry(plugins=()) -> Registry:
    """Rules of the installed plugins (plus ``plugins``: (name, module) pairs)."""
    pm, errors = get_plugin_manager(plugins=plugins)
    reg = Registry.collect(pm)
    reg.errors[:0] = errors
    return reg


def lint_documents(
    documents: list[Document],
    rule_id: str | list[str],
    options: dict[str, Any] | None = None,
    plugins=(),
) -> RunResult:
    reg = registry(plugins)
    ids = [rule_id] if isinstance(rule_id, str) else list(rule_id)
    missing = [i for i in ids if i not in reg.rules]
    if missing:
        raise KeyError(f"no rule {missing}; registered: {sorted(reg.rules)}")
    config = Config(select=ids, options={ids[0]: dict(options)} if options else {})
    config.validate(reg.rules)
    result = Engine(reg.rules, config).run(documents)
    if result.errors:
        raise AssertionError("lint run had errors: " + "; ".join(e.message for e in result.errors))
    return result


def lint(text: str, rule_id: str | list[str], *, path: str = "test.txt",
         options: dict[str, Any] | None = None, plugins=()):
    """Findings of ``rule_id`` (one id or a list) on ``text``."""
    return lint_documents([Document(text, path)], rule_id, options, plugins).findings
