"""The command line's grammar: every subcommand, option and help text.

Kept apart from what the commands do, so that the whole interface reads
in one place (and ``lintkit --version`` or a usage error needs nothing
else).  A usage error exits 2 with the usage line, like any other error.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .. import __version__
from . import EXIT_ERROR

__all__ = ["build_parser"]


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # usage errors exit 2, with the usage line
        self.print_usage(sys.stderr)
        self.exit(EXIT_ERROR, f"{self.prog}: error: {message}\n")


def _csv(value: str) -> list[str]:
    return [v.strip() for v in value.split(",") if v.strip()]


def _jobs(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        n = 0
    if n < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of processes, 1 or more, not {value!r}")
    return n


def _pair(value: str) -> tuple[str, str]:
    from ..pairs import parse_pair

    try:
        return parse_pair(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="lintkit", description="Lint bilingual Chinese/English articles.")
    parser.add_argument("--version", action="version", version=f"lintkit {__version__}")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)

    check = sub.add_parser("check", help="lint files and folders", description="Lint files and folders.")
    check.add_argument("paths", nargs="*", default=["."], help="files, folders, or - for standard input")
    check.add_argument(
        "--format", default="text", help="text (default), json, github, sarif, html, rdjson, or a plugin's format"
    )
    check.add_argument(
        "--fail-on",
        choices=["error", "warning", "info", "never"],
        default=None,
        help="lowest severity that makes the exit code 1 (default: warning, or rules.yaml)",
    )
    check.add_argument("--config", type=Path, help="rules.yaml to use instead of the one found")
    check.add_argument(
        "--select", type=_csv, help="comma-separated rule ids or prefixes to run (replaces rules.yaml's select)"
    )
    check.add_argument("--ignore", type=_csv, default=[], help="comma-separated rule ids or prefixes not to run")
    check.add_argument("--encoding", help="decode every input with this codec instead of detecting it")
    check.add_argument("--stdin-filename", default="<stdin>", help="path to report for standard input")
    check.add_argument("--color", choices=["auto", "always", "never"], default="auto")
    check.add_argument("--baseline", type=Path, help="report only findings not recorded in this baseline file")
    check.add_argument(
        "--write-baseline",
        type=Path,
        metavar="FILE",
        help="record the current findings in FILE (exit 0 unless an error occurred)",
    )
    check.add_argument("--fix", action="store_true", help="apply safe fixes to the files, then report what is left")
    check.add_argument("--unsafe-fixes", action="store_true", help="with --fix or --diff, also apply unsafe fixes")
    check.add_argument(
        "--diff",
        action="store_true",
        help="print the changes --fix would make as a unified diff, write nothing; exit 1 when there are changes",
    )
    check.add_argument(
        "-o",
        "--output-file",
        type=Path,
        metavar="FILE",
        help="write the report to FILE instead of standard output (errors still go to stderr)",
    )
    check.add_argument(
        "-q",
        "--quiet",
        action="store_true",
        help="text format: one line per finding, no excerpts, no summary, no notices",
    )
    check.add_argument(
        "--statistics", action="store_true", help="after the report, count the findings per rule (on stderr)"
    )
    check.add_argument(
        "--exit-zero", action="store_true", help="exit 0 even when there are findings (errors still exit 2)"
    )
    check.add_argument(
        "--annotate",
        metavar="COPY.docx",
        type=Path,
        help="with one .docx input: write a copy with every finding as a Word comment (the original is not touched)",
    )
    check.add_argument(
        "-j",
        "--jobs",
        type=_jobs,
        default=None,
        metavar="N",
        help="lint files in N worker processes (default: the CPUs available; 1: in this process)",
    )
    check.add_argument(
        "--no-cache",
        action="store_true",
        help="neither read nor write the cache of per-file results (`lintkit cache dir` shows where it is)",
    )
    check.add_argument(
        "--executor",
        choices=["local", "dask"],
        default="local",
        help="where the per-file work runs: this machine (default), or a Dask cluster "
        "(--scheduler; pip install 'lintkit-zh[dask]')",
    )
    check.add_argument(
        "--scheduler", metavar="ADDRESS", help="with --executor dask: the scheduler's address, e.g. tcp://10.0.0.5:8786"
    )
    check.add_argument(
        "--pair",
        action="append",
        default=[],
        metavar="ZH:EN",
        type=_pair,
        help="lint ZH and its English translation EN as one article (repeatable); "
        "X.zh.txt and X.en.txt, or X.txt and X.en.txt, are paired without it",
    )

    cache = sub.add_parser("cache", help="show or clean the cache of per-file results")
    cache.add_argument("action", choices=["dir", "clean"], help="dir: print the cache folder; clean: delete it")

    rules = sub.add_parser("rules", help="list rules, or show one rule's documentation")
    rules.add_argument("rule", nargs="?", help="a rule id")
    rules.add_argument("--config", type=Path)

    sub.add_parser("plugins", help="list loaded plugins, their versions and hooks")
    sub.add_parser("lsp", help="run the language server (LSP over standard input and output) for editors")

    init = sub.add_parser("init", help="write a commented rules.yaml to start from")
    init.add_argument("path", nargs="?", default="rules.yaml", type=Path)
    init.add_argument("--force", action="store_true", help="overwrite an existing file")

    inspect = sub.add_parser("inspect", help="show how lintkit reads a file: blocks and articles")
    inspect.add_argument("path")
    inspect.add_argument("--encoding")
    inspect.add_argument("--blocks", action="store_true", help="also list every block")
    inspect.add_argument(
        "--align", action="store_true", help="also show which Chinese paragraph each English counterpart renders"
    )
    inspect.add_argument(
        "--references",
        action="store_true",
        help="also show the reference lists and citation markers as lintkit read them",
    )
    inspect.add_argument(
        "--names",
        action="store_true",
        help="also list the people found: each name, how often, where, and on what evidence",
    )
    inspect.add_argument(
        "--pair",
        metavar="EN_FILE",
        help="the English translation of PATH (found by name when it is PATH's X.en.* sibling)",
    )
    return parser
