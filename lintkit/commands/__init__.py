"""The subcommands of ``lintkit``, one module each (``lintkit/cli.py`` parses
the command line and dispatches).

Exit codes, as in the mature linters: 0 — no finding at or above
``--fail-on``; 1 — at least one; 2 — a usage or configuration error, an
unreadable input, or a plugin or rule that failed.
"""

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
