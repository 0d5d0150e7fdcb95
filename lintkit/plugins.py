"""The plugin manager: the only global-looking thing lintkit has, built
fresh by a factory so tests (and embedders) get their own.

Entry points in the ``lintkit`` group are loaded one at a time: a plugin
that fails to import becomes a ``RunError`` naming its distribution and
entry point, and every other plugin still loads (the opposite of a tool
that crashes because one plugin is broken).
"""

from __future__ import annotations

import importlib.metadata
import os
import sys
from dataclasses import dataclass, field
from typing import Callable, Iterable

import pluggy

from . import hookspecs
from .findings import RunError
from .rules import RULE_ID, Rule

__all__ = ["get_plugin_manager", "Registry", "PluginInfo", "DEFAULT_PLUGINS"]

ENTRY_POINT_GROUP = "lintkit"
DEFAULT_PLUGINS = ("lintkit.reporters", "lintkit.rule_types")  # part of lintkit itself, not a distribution
TRACE_ENV = "LINTKIT_TRACE_HOOKS"


class _PluginManager(pluggy.PluginManager):
    """pluggy's plugin manager, with the distribution each entry point came from."""

    def __init__(self, project_name: str) -> None:
        super().__init__(project_name)
        self.lintkit_dists: dict[str, importlib.metadata.Distribution | None] = {}  # for `lintkit plugins`


@dataclass
class PluginInfo:
    name: str
    version: str
    hooks: list[str]


def get_plugin_manager(
    *, entry_points: bool = True, plugins: Iterable[tuple[str, object]] = ()
) -> tuple[pluggy.PluginManager, list[RunError]]:
    """A plugin manager with the hookspecs, lintkit's defaults, the installed
    entry points and ``plugins`` (``(name, module_or_object)`` pairs)."""
    pm = _PluginManager("lintkit")
    pm.add_hookspecs(hookspecs)
    errors: list[RunError] = []
    for modname in DEFAULT_PLUGINS:
        pm.register(__import__(modname, fromlist=["_"]), name=modname)
    if entry_points:
        for ep in sorted(importlib.metadata.entry_points(group=ENTRY_POINT_GROUP), key=lambda e: e.name):
            dist = ep.dist.name if ep.dist else "?"
            label = f"{ep.name} (from {dist})"
            if pm.has_plugin(ep.name) or pm.is_blocked(ep.name):
                continue
            try:
                plugin = ep.load()
                pm.register(plugin, name=ep.name)
                pm.lintkit_dists[ep.name] = ep.dist
            except Exception as exc:  # noqa: BLE001 - any failure must be reported, not raised
                errors.append(
                    RunError(
                        "plugin",
                        f"plugin {label} failed to load: {type(exc).__name__}: {exc}",
                        plugin=ep.name,
                    )
                )
    for name, plugin in plugins:
        pm.register(plugin, name=name)
    try:
        pm.check_pending()
    except pluggy.PluginValidationError as exc:
        errors.append(RunError("plugin", f"plugin implements an unknown hook: {exc}"))
    if os.environ.get(TRACE_ENV):
        pm.trace.root.setwriter(sys.stderr.write)
        pm.enable_tracing()
    return pm, errors


def _version(pm: pluggy.PluginManager, plugin: object, name: str) -> str:
    dist = getattr(pm, "lintkit_dists", {}).get(name)
    if dist is not None:
        return getattr(dist, "version", "") or ""
    if name in DEFAULT_PLUGINS:
        from . import __version__

        return __version__
    return getattr(plugin, "__version__", "")


@dataclass
class Registry:
    """Everything the plugins registered, each rule attributed to its plugin."""

    rules: dict[str, Rule] = field(default_factory=dict)
    reporters: dict[str, Callable] = field(default_factory=dict)
    rule_types: dict[str, object] = field(default_factory=dict)  # name -> lintkit.rule_types.RuleType
    errors: list[RunError] = field(default_factory=list)
    plugins: list[PluginInfo] = field(default_factory=list)

    @classmethod
    def collect(cls, pm: pluggy.PluginManager) -> "Registry":
        reg = cls()
        for name, plugin in pm.list_name_plugin():
            if plugin is None:
                continue
            impls = [h.name for h in pm.get_hookcallers(plugin) or []]
            reg.plugins.append(PluginInfo(name, _version(pm, plugin, name), sorted(impls)))
        reg.plugins.sort(key=lambda p: p.name)
        for impl in pm.hook.register_rules.get_hookimpls():
            reg._call(impl, "rules")
        for impl in pm.hook.register_reporters.get_hookimpls():
            reg._call(impl, "reporters")
        for impl in pm.hook.register_rule_types.get_hookimpls():
            reg._call(impl, "rule types")
        return reg

    def _call(self, impl, what: str) -> None:
        plugin = impl.plugin_name
        if os.environ.get(TRACE_ENV):  # called directly, so pluggy's tracing does not see it
            sys.stderr.write(f"lintkit: hook {impl.function.__name__} of plugin {plugin!r}\n")

        def register_rule(r: Rule) -> None:
            if not isinstance(r, Rule):
                raise TypeError(f"register() expects a lintkit.Rule, got {type(r).__name__}")
            if not RULE_ID.match(r.id):
                raise ValueError(f"rule id {r.id!r} must read '<plugin>.<rule-name>'")
            if r.id in self.rules:
                # Rejected without aborting the plugin's other rules.  Which
                # one is kept must not depend on plugin names' alphabetical
                # order: the plugin that owns the id's prefix keeps it.
                other = self.rules[r.id].plugin
                if plugin == r.id.split(".", 1)[0] != other:
                    self.rules[r.id], loser, owner = _with_plugin(r, plugin), other, plugin
                else:
                    loser, owner = plugin, other
                self.errors.append(
                    RunError(
                        "plugin",
                        f"plugin {loser!r} registers rule {r.id}, which is already registered "
                        f"by plugin {owner!r}; {loser!r}'s rule is ignored",
                        plugin=loser,
                    )
                )
                return
            self.rules[r.id] = _with_plugin(r, plugin)

        def register_reporter(name: str, render: Callable) -> None:
            if name in self.reporters:
                raise ValueError(f"output format {name!r} is already registered")
            self.reporters[name] = render

        def register_rule_type(rule_type) -> None:
            name = getattr(rule_type, "name", None)
            if not isinstance(name, str) or not callable(getattr(rule_type, "build", None)):
                raise TypeError(f"register() expects a lintkit.rule_types.RuleType, got {type(rule_type).__name__}")
            if name in self.rule_types:
                raise ValueError(f"rule type {name!r} is already registered")
            self.rule_types[name] = rule_type

        callbacks = {"rules": register_rule, "reporters": register_reporter, "rule types": register_rule_type}
        try:
            impl.function(register=callbacks[what])
        except Exception as exc:  # noqa: BLE001
            self.errors.append(
                RunError(
                    "plugin",
                    f"plugin {plugin!r} failed to register its {what}: {type(exc).__name__}: {exc}",
                    plugin=plugin,
                )
            )


def _with_plugin(r: Rule, plugin: str) -> Rule:
    from dataclasses import replace

    return replace(r, plugin=plugin)
