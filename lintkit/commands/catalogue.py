"""``lintkit rules [ID]`` and ``lintkit plugins``: what is installed, and how
the configuration sets it."""

from __future__ import annotations

import sys

from ..app import Application
from ..config import ConfigError
from . import EXIT_ERROR, EXIT_OK

__all__ = ["cmd_rules", "cmd_plugins"]


def cmd_rules(args, plugins=()) -> int:
    app = Application(plugins=plugins)
    reg = app.registry
    for e in reg.errors:
        print(f"lintkit: error: {e.message}", file=sys.stderr)
    try:
        app.load_config(args.config)
    except ConfigError as exc:
        print(f"lintkit: configuration error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    if args.rule:
        r = reg.rules.get(args.rule)
        if r is None:
            print(f"lintkit: no rule {args.rule!r}; `lintkit rules` lists them", file=sys.stderr)
            return EXIT_ERROR
        print(
            f"{r.id}  (plugin {r.plugin}, default severity {r.severity}, scope {r.scope}"
            f"{'' if r.enabled else ', off by default'})\n"
        )
        print(r.doc or "(undocumented)")
        if r.options:
            print(f"\nOptions (rules.yaml: options → {r.id}):")
            for name, opt in r.options.items():
                print(f"  {name} (default {opt.default!r}): {opt.help}")
        return EXIT_ERROR if reg.errors else EXIT_OK
    try:
        selection = app.make_selection()
    except ConfigError as exc:
        print(f"lintkit: configuration error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    rows = [("RULE", "SEVERITY", "PLUGIN", "STATUS", "SUMMARY")]
    for rule_id in sorted(reg.rules):
        r = reg.rules[rule_id]
        status = "on" if selection.enabled(r) else "off"
        rows.append((r.id, str(selection.severity_of(r)), r.plugin, status, r.summary))
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    for row in rows:
        print("  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row[:4])) + "  " + row[4])
    return EXIT_ERROR if reg.errors else EXIT_OK


def cmd_plugins(args, plugins=()) -> int:
    reg = Application(plugins=plugins).registry
    for p in reg.plugins:
        print(f"{p.name} {p.version or '(no version)'}: {', '.join(p.hooks) or '(no hooks)'}")
    for e in reg.errors:  # the plugins that failed to load, then those that failed to register
        print(f"lintkit: error: {e.message}", file=sys.stderr)
    return EXIT_ERROR if reg.errors else EXIT_OK
