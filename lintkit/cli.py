"""The ``lintkit`` command: check, rules, plugins, inspect, init, lsp, cache.

This module parses the command line (``commands/arguments.py``), hands it
to the subcommand (``lintkit/commands/``, one module each) and turns what
escapes into an exit code: a broken pipe is not an error, Ctrl-C is 130,
anything else a one-line message and 2, never a traceback.  The exit codes
are described in ``lintkit/commands/__init__.py``.  ``run`` is the command
itself (the console script, ``python -m lintkit``): ``main`` and a quick
exit.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import NoReturn

from .commands import EXIT_ERROR, EXIT_OK
from .commands.arguments import build_parser
from .commands.catalogue import cmd_plugins, cmd_rules
from .commands.check import cmd_check
from .commands.housekeeping import cmd_cache, cmd_init
from .commands.inspection import cmd_inspect

__all__ = ["main", "run"]


def cmd_lsp(args, plugins=()) -> int:
    from .lsp import main as lsp_main

    return lsp_main()


def main(argv: list[str] | None = None, *, plugins=None) -> int:
    """Run ``lintkit ARGV``; return the exit code.  ``plugins``: (name,
    plugin) pairs to register besides the installed ones (default: those
    of the ``lintkit.testing.use_plugin`` blocks this call is inside)."""
    if plugins is None:
        # a use_plugin block needs lintkit.testing imported: when it is not,
        # none is open, and its import (~2.5 ms) is not paid
        testing = sys.modules.get("lintkit.testing")
        plugins = testing.plugins_in_use() if testing is not None else ()
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return EXIT_ERROR
    handler = {
        "check": cmd_check,
        "rules": cmd_rules,
        "plugins": cmd_plugins,
        "inspect": cmd_inspect,
        "init": cmd_init,
        "lsp": cmd_lsp,
        "cache": cmd_cache,
    }
    try:
        return handler[args.command](args, plugins)
    except BrokenPipeError:  # `lintkit check | head`
        return EXIT_OK
    except KeyboardInterrupt as exc:  # Ctrl-C: the conventional 130, and which rule was running if one was
        print(f"lintkit: {exc}" if str(exc) else "lintkit: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # noqa: BLE001 - every failure is a message and exit 2, never a traceback
        import traceback

        frame = traceback.extract_tb(exc.__traceback__)[-1] if exc.__traceback__ else None
        where = f" at {Path(frame.filename).name}:{frame.lineno}" if frame else ""
        print(
            f"lintkit: internal error: {type(exc).__name__}: {exc}{where} "
            "(please report it with the command that caused it)",
            file=sys.stderr,
        )
        return EXIT_ERROR


def run() -> NoReturn:
    """The ``lintkit`` command: ``main()`` on ``sys.argv``, in a process
    whose garbage collector is tuned for a short run (``_tune_gc``), and
    which ends without freeing its objects one by one, as mypy's command
    does.

    That freeing is the last thing an ordinary exit does, and it is not
    cheap: ~0.04 s after a check of a 300 KB magazine issue, ~0.17 s after
    the first check of a user, whose process built jieba's 500 000-entry
    dictionary.  Output is flushed and the exit handlers (``atexit``) run
    first; only the freeing is skipped.  Where another thread still runs,
    a profiler or tracer watches (``python -m cProfile -m lintkit``,
    coverage: they write their results as the interpreter ends) or output
    cannot be flushed (``lintkit check | head``), the ordinary exit, with
    its usual status."""
    import atexit
    import threading

    _tune_gc()
    from .model import datacache

    datacache.write_in_background()
    code = main()
    if threading.active_count() > 1 or sys.getprofile() is not None or sys.gettrace() is not None:
        sys.exit(code)
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except Exception:  # noqa: BLE001 - e.g. a closed pipe: the ordinary exit reports it as it always did
        sys.exit(code)
    atexit._run_exitfuncs()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except Exception:  # noqa: BLE001
        sys.exit(code)
    os._exit(code)


# A full collection every this many allocations of container objects (net),
# instead of Python's 700 (mypy's command sets 200 000).
GC_THRESHOLD = 100_000


def _tune_gc() -> None:
    """The garbage collector of the ``lintkit`` command's process: what is
    loaded so far (lintkit's modules, alive to the end) is frozen out of
    the collections (``gc.freeze``), and the youngest generation is
    collected every ``GC_THRESHOLD`` allocations instead of every 700.

    lintkit makes little cyclic garbage, but Python's default collects
    young objects ~200 times in a check of a 300 KB magazine issue and
    ~470 times (3 full collections over the whole heap, ~65 ms) in a
    user's first check, which loads pypinyin's 150 000 lists of readings to
    build its table.  Measured: a first check ~60 ms faster, a later one
    ~20 ms, 10 MB in 143 files ~5 % less CPU time for ~5 MB more peak
    memory.  ``main()`` called by tests or an embedder leaves the
    collector alone."""
    import gc

    gc.freeze()
    _, older, oldest = gc.get_threshold()
    gc.set_threshold(GC_THRESHOLD, older, oldest)


if __name__ == "__main__":
    run()
