"""The hooks a lintkit plugin may implement.

A plugin is a module (or object) registered under the ``lintkit``
entry-point group; it implements any of these hooks with
``@lintkit.hookimpl``.  Registration hooks receive a ``register`` callback,
so lintkit knows which plugin each rule came from and can refuse duplicate
ids with a message naming both.

Compatibility promise: hook arguments are only ever added, never changed or
removed.
"""

from __future__ import annotations

from typing import Callable

import pluggy

__all__ = ["hookspec", "hookimpl", "register_rules", "register_reporters", "register_rule_types"]

hookspec = pluggy.HookspecMarker("lintkit")
hookimpl = pluggy.HookimplMarker("lintkit")


# -- registration ----------------------------------------------------------


@hookspec
def register_rules(register: Callable) -> None:
    """Register rules.

    :param register: call ``register(rule)`` for every ``lintkit.Rule`` the
        plugin provides (usually made with the ``@lintkit.rule`` decorator).

    .. versionadded:: 0.1
    """


@hookspec
def register_reporters(register: Callable) -> None:
    """Register output formats for ``lintkit check --format NAME``.

    :param register: call ``register(name, render)`` where
        ``render(result, *, color: bool) -> str`` turns a ``RunResult`` into
        the text written to standard output.

    .. versionadded:: 0.1
    """


@hookspec
def register_rule_types(register: Callable) -> None:
    """Register declarative rule types that ``rules.yaml`` instantiates with ``extends:``.

    :param register: call ``register(rule_type)`` for every
        ``lintkit.rule_types.RuleType`` the plugin provides; a type's
        ``name`` is what ``extends:`` names (``existence``,
        ``substitution``, ...), and names must be unique across plugins.

    .. versionadded:: 0.1
    """
