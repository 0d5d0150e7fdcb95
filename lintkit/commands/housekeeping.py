"""``lintkit init`` and ``lintkit cache``: the files lintkit keeps for a
project and for a user (a starting rules.yaml; the cached results)."""

from __future__ import annotations

import sys

from . import EXIT_ERROR, EXIT_OK

__all__ = ["cmd_init", "cmd_cache"]


def cmd_init(args, plugins=()) -> int:
    """Write the packaged default configuration, every key commented, as a start."""
    from ..config import DEFAULT_CONFIG

    if args.path.exists() and not args.force:
        print(f"lintkit: {args.path} exists; pass --force to overwrite it", file=sys.stderr)
        return EXIT_ERROR
    args.path.write_text(DEFAULT_CONFIG.read_text(encoding="utf-8"), encoding="utf-8")
    print(f"lintkit: wrote {args.path}; every key is explained in it", file=sys.stderr)
    return EXIT_OK


def cmd_cache(args, plugins=()) -> int:
    from ..cache import clean, results_dir

    if args.action == "dir":
        print(results_dir())
        return EXIT_OK
    n = clean()
    print(f"lintkit: deleted {n} cached result{'s' if n != 1 else ''} from {results_dir()}", file=sys.stderr)
    return EXIT_OK
