"""Start-up, in one place: plugins → registry → rules.yaml → selection → engine.

Every way into lintkit — the ``lintkit`` command, the helpers of
``lintkit.testing``, the docs generator, the quality benchmark — needs the
same pipeline before it can lint anything.  It used to be written out in
each of them, and the copies drifted (one validated the configuration
twice, one reached its test plugins through a patched module global).
``Application`` is now the only place that builds it, as flake8's
``Application`` builds its formatter, style guide and checker manager.

The steps are separate methods, called in order, so a caller can stop after
the one it needs (``lintkit plugins`` stops after the registry, ``lintkit
rules ID`` after the configuration) or adjust the configuration between
two steps (``lintkit.testing`` selects the rules under test)::

    app = Application(plugins=[("mine", my_plugin)])   # plugin manager, registry
    app.load_config(path)                               # rules.yaml and its declarative rules
    app.make_selection(cli_select, cli_ignore)          # validation (once), selection
    app.make_engine(pairs)                              # the engine
    result = app.run(documents)

or all at once: ``Application.create(path, select=..., ...).run(documents)``.
Each ``Application`` has its own plugin manager, registry and configuration:
two of them never affect each other.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterable

from .config import Config, find_config, load_config
from .model.document import Document
from .engine import Engine, RunResult
from .plugins import Registry, get_plugin_manager
from .rule_types import add_declarative_rules
from .selection import Selection

__all__ = ["Application"]


class Application:
    """lintkit set up for one run: the plugins, their registry, one
    configuration, the selection it makes and the engine that applies it.

    ``plugins`` are ``(name, module_or_object)`` pairs registered besides
    lintkit's own plugins and the installed entry points (skipped with
    ``entry_points=False``).  A plugin that fails to load is in
    ``load_errors`` and, before the registry's own errors, in
    ``registry.errors``.  Each later step raises ``ConfigError`` at the first
    mistake of the configuration.
    """

    def __init__(self, *, plugins: Iterable[tuple[str, object]] = (), entry_points: bool = True):
        self.plugin_manager, self.load_errors = get_plugin_manager(entry_points=entry_points, plugins=list(plugins))
        self.registry: Registry = Registry.collect(self.plugin_manager)
        self.registry.errors[:0] = self.load_errors
        self.config: Config | None = None
        self.selection: Selection | None = None
        self.engine: Engine | None = None

    @classmethod
    def create(
        cls,
        config: Config | Path | str | None = None,
        *,
        plugins: Iterable[tuple[str, object]] = (),
        select: list[str] | None = None,
        ignore: Iterable[str] = (),
        pairs: Iterable[tuple[str, str]] = (),
        tolerate_broken_plugins: bool = False,
    ) -> "Application":
        """Every step: an application ready to ``run``."""
        app = cls(plugins=plugins)
        app.load_config(config)
        app.make_selection(select, ignore, tolerate_broken_plugins=tolerate_broken_plugins)
        app.make_engine(pairs)
        return app

    def load_config(self, config: Config | Path | str | None = None) -> Config:
        """Use ``config`` — a ``Config``, the path of a rules.yaml, or None for
        the rules.yaml found from the current folder (else the packaged one) —
        and add the rules it declares (``rules:``) to the registry."""
        if not isinstance(config, Config):
            config = load_config(config if config is not None else find_config())
        add_declarative_rules(config, self.registry)
        self.config = config
        return config

    def make_selection(
        self, select: list[str] | None = None, ignore: Iterable[str] = (), *, tolerate_broken_plugins: bool = False
    ) -> Selection:
        """Validate the configuration, then ``select``/``ignore`` (the command
        line's, which take precedence over the file's), against the registered
        rules, once; and decide which rules run at what severity.

        With ``tolerate_broken_plugins``, settings that name a plugin that
        failed to load are not errors (the failure is reported elsewhere and
        the other rules still run), as ``lintkit check`` wants."""
        if self.config is None:
            raise RuntimeError("Application.load_config() must come before make_selection()")
        ignore = list(ignore)
        failed: frozenset[str] = frozenset()
        if tolerate_broken_plugins:
            failed = frozenset(e.plugin for e in self.registry.errors if e.plugin)
        self.config.validate(self.registry.rules, failed)
        if select is not None or ignore:
            Config(select=select, ignore=ignore, path="--select/--ignore").validate(self.registry.rules, failed)
        self.selection = Selection(
            self.config.select, self.config.ignore, cli_select=select, cli_ignore=ignore, severity=self.config.severity
        )
        return self.selection

    def make_engine(self, pairs: Iterable[tuple[str, str]] = ()) -> Engine:
        """The engine of the selected rules; ``pairs`` are translation pairs
        (Chinese file, English file) besides those of the configuration."""
        self.engine = Engine(self.registry.rules, self.config, self.selection, pairs=list(pairs))
        return self.engine

    def run(self, documents: list[Document]) -> RunResult:
        """Lint ``documents``.  The result's errors are the run's own; the
        start-up's are in ``registry.errors``."""
        if self.engine is None:
            raise RuntimeError("Application.make_engine() must come before run()")
        return self.engine.run(documents)
