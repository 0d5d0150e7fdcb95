"""The ``lintkit`` command: check, rules, plugins, inspect.

Exit codes, as in the mature linters: 0 — no finding at or above
``--fail-on``; 1 — at least one; 2 — a usage or configuration error, an
unreadable input, or a plugin or rule that failed.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from . import __version__
from .app import Application
from .config import ConfigError
from .engine import discover

__all__ = ["main"]

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


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
    from .pairs import parse_pair

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


def _use_color(mode: str) -> bool:
    if mode == "always":
        return True
    if mode == "never" or os.environ.get("NO_COLOR"):
        return False
    return sys.stdout.isatty()


def cmd_check(args, plugins=()) -> int:
    app = Application(plugins=plugins)
    reg = app.registry
    try:
        config = app.load_config(args.config)
        app.make_selection(args.select, args.ignore, tolerate_broken_plugins=True)
    except ConfigError as exc:
        for e in reg.errors:  # a plugin that failed to load explains an "unknown rule"
            print(f"lintkit: error: {e.message}", file=sys.stderr)
        print(f"lintkit: configuration error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    render = reg.reporters.get(args.format)
    if args.quiet and args.format == "text":
        from .reporters.text import render_concise as render
    if render is None:
        print(
            f"lintkit: unknown --format {args.format!r}; available: {', '.join(sorted(reg.reporters))}", file=sys.stderr
        )
        return EXIT_ERROR
    files, errors = discover(args.paths, config.exclude, config.base_dir)
    app.make_engine(args.pair)
    try:
        result = _run(app, args, files)
    except _ExecutorError as exc:
        print(f"lintkit: {exc}", file=sys.stderr)
        return EXIT_ERROR
    load_errors: list = []  # the runner reports unreadable files among the run's errors
    report_stream = None  # standard output, unless the fixed text goes there
    if args.diff:
        diff, changed = _diff(result, args.unsafe_fixes, app.run)
        sys.stdout.write(diff)
        all_errors = reg.errors + errors + load_errors + result.errors
        for e in all_errors:
            print(f"lintkit: error: {e.message}", file=sys.stderr)
        return EXIT_ERROR if all_errors else (1 if changed else EXIT_OK)
    if args.fix and "-" in files:
        # the fixed text goes to standard output; the report to standard error
        documents, fix_errors = _fix(result, args.unsafe_fixes, args.stdin_filename, rerun=app.run, quiet=args.quiet)
        result = app.run(documents)
        errors += fix_errors
        report_stream = sys.stderr
    elif args.fix:
        documents, fix_errors = _fix(
            result, args.unsafe_fixes, args.stdin_filename if "-" in files else None, rerun=app.run, quiet=args.quiet
        )
        result = app.run(documents)
        errors += fix_errors
    result.errors[:0] = reg.errors + errors + load_errors
    if args.write_baseline or args.baseline:
        from .baseline import filter_new, read_baseline, write_baseline

        texts = {d.path: d.text for d in result.documents}
        if args.write_baseline:
            n = write_baseline(args.write_baseline, result.findings, texts)
            print(f"lintkit: wrote {n} finding(s) to the baseline {args.write_baseline}", file=sys.stderr)
            return EXIT_ERROR if result.errors else EXIT_OK
        try:
            result.findings = filter_new(result.findings, read_baseline(args.baseline), texts)
        except ValueError as exc:
            print(f"lintkit: {exc}", file=sys.stderr)
            return EXIT_ERROR
    if args.annotate:
        status = _annotate(args, result)
        if status:
            return status
    try:
        report = render(result, color=_use_color(args.color))
    except Exception as exc:  # noqa: BLE001 - an output format from a plugin may fail
        print(f"lintkit: error: the {args.format!r} output format failed: {type(exc).__name__}: {exc}", file=sys.stderr)
        return EXIT_ERROR
    if report_stream is not None and not args.output_file:
        report_stream.write(report)
    elif args.output_file:
        try:
            args.output_file.write_text(report, encoding="utf-8")
        except OSError as exc:
            print(f"lintkit: cannot write {args.output_file}: {exc.strerror or exc}", file=sys.stderr)
            return EXIT_ERROR
    else:
        sys.stdout.write(report)
    if args.format != "text" or args.output_file:
        for e in result.errors:
            print(f"lintkit: error: {e.message}", file=sys.stderr)
    if args.statistics:
        from collections import Counter

        counts = Counter((f.rule, str(f.severity)) for f in result.findings)
        for (rule_id, severity), n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
            print(f"{n:6}  {severity:8} {rule_id}", file=sys.stderr)
    status = result.exit_code(args.fail_on or config.fail_on)
    return EXIT_OK if args.exit_zero and status == EXIT_FINDINGS else status


class _ExecutorError(Exception):
    """--executor dask cannot run (no scheduler, distributed not installed)."""


def _run(app, args, files):
    """The per-file work where the options say, then the corpus rules."""
    from .cache import ResultCache, fingerprint, results_dir
    from .runner import check_files, default_jobs

    executor = None
    if args.executor == "dask":
        from .cluster import DaskUnavailable, dask_executor

        try:
            executor = dask_executor(args.scheduler, app, args)
        except DaskUnavailable as exc:
            raise _ExecutorError(str(exc)) from None
    cache = None
    if not args.no_cache and executor is None:
        cache = ResultCache(results_dir(), fingerprint(app.engine, app.config.source))
    try:
        return check_files(
            app.engine,
            files,
            encoding=args.encoding,
            stdin_name=args.stdin_filename,
            jobs=args.jobs or default_jobs(),
            cache=cache,
            executor=executor,
            progress=not args.quiet,
        )
    finally:
        if executor is not None:
            executor.close()


def cmd_cache(args, plugins=()) -> int:
    from .cache import clean, results_dir

    if args.action == "dir":
        print(results_dir())
        return EXIT_OK
    n = clean()
    print(f"lintkit: deleted {n} cached result{'s' if n != 1 else ''} from {results_dir()}", file=sys.stderr)
    return EXIT_OK


def _annotate(args, result) -> int:
    """Write the findings of the one .docx input as comments into a copy."""
    from .wordfiles import annotate_docx, is_docx

    word_docs = [d for d in result.documents if is_docx(d.path)]
    if len(word_docs) != 1 or len(result.documents) != 1:
        print("lintkit: --annotate needs exactly one .docx file to check", file=sys.stderr)
        return EXIT_ERROR
    source = word_docs[0].path
    if Path(args.annotate).resolve() == Path(source).resolve():
        print("lintkit: --annotate writes a copy: give it another file name than the original", file=sys.stderr)
        return EXIT_ERROR
    try:
        n = annotate_docx(source, str(args.annotate), [f for f in result.findings if f.path == source])
    except (OSError, ValueError) as exc:
        print(f"lintkit: cannot write {args.annotate}: {exc}", file=sys.stderr)
        return EXIT_ERROR
    print(f"lintkit: wrote {args.annotate} with {n} comment{'s' if n != 1 else ''}", file=sys.stderr)
    return 0


def _findings_by_path(findings) -> dict[str, list]:
    by_path: dict[str, list] = {}
    for f in findings:
        by_path.setdefault(f.path, []).append(f)
    return by_path


def _fix(result, unsafe: bool, stdin_name: str | None = None, rerun=None, quiet: bool = False):
    """Apply fixes file by file; return the documents to lint again.

    The fixed text is linted and fixed again, in memory, until no fix is
    left (``fixes.fixed_text``), and written once.  Standard input is never
    written back, not even to the file named by ``--stdin-filename`` (its
    contents may differ from what was piped in): its fixed text is printed
    on standard output instead, as an editor's format-on-save expects."""
    from .model.document import Document
    from .findings import RunError
    from .fixes import MAX_FIX_PASSES, fixable_edits, fixed_text, write_document_text

    by_path = _findings_by_path(result.findings)
    documents, errors, fixed = [], [], 0
    for doc in result.documents:
        findings = by_path.get(doc.path, [])
        stdin = doc.path in ("<stdin>", stdin_name)
        if not fixable_edits(findings, unsafe):
            if doc.path in ("<stdin>", stdin_name):
                sys.stdout.write(doc.text)
            documents.append(doc)
            continue
        if doc.encoding == "docx":
            # a Word file is never rewritten: its formatting would not survive
            errors.append(
                RunError(
                    "input",
                    f"{doc.path}: --fix does not rewrite Word files; "
                    "use --annotate COPY.docx to get the findings as comments",
                    path=doc.path,
                )
            )
            documents.append(doc)
            continue
        text, count, settled = fixed_text(doc, findings, unsafe, rerun)
        if not settled:
            errors.append(
                RunError(
                    "input",
                    f"{doc.path}: fixes did not settle after {MAX_FIX_PASSES} passes; "
                    "the file has the fixes made so far — run --fix again",
                    path=doc.path,
                )
            )
        if stdin:
            sys.stdout.write(text)
        elif not Path(doc.path).is_file():
            errors.append(RunError("input", f"{doc.path}: not a file; not fixed", path=doc.path))
            documents.append(doc)
            continue
        else:
            try:
                write_document_text(doc, text)
            except (OSError, ValueError) as exc:
                errors.append(RunError("input", f"{doc.path}: not fixed, file left as it was: {exc}", path=doc.path))
                documents.append(doc)
                continue
        fixed += count
        documents.append(Document(text, doc.path, encoding=doc.encoding, bom=doc.bom, markdown=doc.markdown))
    if fixed and not quiet:
        print(f"lintkit: applied {fixed} fix{'es' if fixed != 1 else ''}", file=sys.stderr)
    return documents, errors


def _diff(result, unsafe: bool, rerun) -> tuple[str, int]:
    """The unified diff the fixes would make, file by file, and how many
    files would change; nothing is written."""
    import difflib

    from .fixes import fixed_text

    by_path = _findings_by_path(result.findings)
    out: list[str] = []
    changed = 0
    for doc in result.documents:
        if doc.encoding in ("docx", "html"):
            continue  # never rewritten, so no diff to show
        text, count, _ = fixed_text(doc, by_path.get(doc.path, []), unsafe, rerun)
        if count and text != doc.text:
            changed += 1
            out.extend(
                difflib.unified_diff(
                    doc.text.splitlines(keepends=True),
                    text.splitlines(keepends=True),
                    fromfile=doc.path,
                    tofile=doc.path,
                )
            )
            if out and not out[-1].endswith("\n"):
                out[-1] += "\n"
    return "".join(out), changed


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


def cmd_init(args, plugins=()) -> int:
    """Write the packaged default configuration, every key commented, as a start."""
    from .config import DEFAULT_CONFIG

    if args.path.exists() and not args.force:
        print(f"lintkit: {args.path} exists; pass --force to overwrite it", file=sys.stderr)
        return EXIT_ERROR
    args.path.write_text(DEFAULT_CONFIG.read_text(encoding="utf-8"), encoding="utf-8")
    print(f"lintkit: wrote {args.path}; every key is explained in it", file=sys.stderr)
    return EXIT_OK


def cmd_plugins(args, plugins=()) -> int:
    reg = Application(plugins=plugins).registry
    for p in reg.plugins:
        print(f"{p.name} {p.version or '(no version)'}: {', '.join(p.hooks) or '(no hooks)'}")
    for e in reg.errors:  # the plugins that failed to load, then those that failed to register
        print(f"lintkit: error: {e.message}", file=sys.stderr)
    return EXIT_ERROR if reg.errors else EXIT_OK


def cmd_inspect(args, plugins=()) -> int:
    from .model.decoding import DecodeError
    from .model.document import Document

    from .pairs import pair_documents

    try:
        doc = Document.from_path(args.path, args.encoding)
        docs = [doc]
        partner = args.pair or _sibling_translation(args.path)
        if partner:
            docs.append(Document.from_path(partner, args.encoding))
    except (OSError, DecodeError) as exc:
        print(f"lintkit: {args.path}: {exc}", file=sys.stderr)
        return EXIT_ERROR
    pair_documents(docs, [(args.path, args.pair)] if args.pair else [])
    pos = doc.position

    def clip(s: str, n: int = 60) -> str:
        s = s.replace("\n", " ")
        return s if len(s) <= n else s[: n - 1] + "…"

    print(
        f"{doc.path}: {doc.encoding}{' with BOM' if doc.bom else ''}, {doc.line_count} lines, "
        f"{len(doc.blocks)} blocks, {'markdown' if doc.markdown else 'plain text'}"
    )
    if args.blocks:
        for i, b in enumerate(doc.blocks):
            print(f"  block {i:4} L{pos(b.start).line:<5} {b.kind:9} {b.lang or '-':5} {clip(b.text(doc.text))}")
    articles = doc.articles
    genre = articles[0].genre if articles else "-"
    print(
        f"{len(articles)} article{'s' if len(articles) != 1 else ''}, genre {genre}"
        + (f", translated in {doc.translation.path}" if doc.translation is not None else "")
    )
    for a in articles:
        print(f"\n#{a.index} lines {pos(a.start).line}-{pos(a.end).line}: {clip(a.title) or '(no headline)'}")
        for s, e in a.bylines:
            print(f"   byline      L{pos(s).line:<5} {doc.text[s:e]}")
        for (zs, ze), (es, ee) in a.author_pairs:
            print(f"   author      L{pos(zs).line:<5} {doc.text[zs:ze]} = {doc.text[es:ee]} (L{pos(es).line})")
        for c in a.contents:
            print(f"   contents    L{pos(c.start).line:<5} {clip(doc.text[c.start : c.end])}")
        for c in a.english:
            where = a.document_of(c)
            line = f"{'' if c.document is None else where.path + ':'}L{where.position(c.start).line}"
            print(f"   {'en-' + c.kind:<12}{line:<6} {clip(a.text_of(c))}")
            if args.align and c.aligned:
                for b in c.aligned:
                    blk = doc.blocks[b]
                    print(f"   {'':12}  ↳ L{pos(blk.start).line:<5} {clip(blk.text(doc.text), 56)}")
            elif args.align:
                print(f"   {'':12}  ↳ (no Chinese paragraph)")
    if args.names:
        _print_cast(doc)
    if args.references:
        from .analysis.citations import describe_references

        print()
        print(describe_references(doc))
    return EXIT_OK


_CUES = {
    "role-before": "role before",
    "role-after": "role after",
    "verb": "speech verb",
    "byline": "byline",
    "credit": "photo credit",
    "answer": "“name：” answer",
    "list": "、 list",
    "dictionary": "user dictionary",
    "lookup": "another mention",
    "variant": "one-off spelling of a name found",
}


def _print_cast(doc) -> None:
    """The people of a file, as the names rules see them: an editor's cast list."""
    from .analysis.names import names

    found = names(doc)
    by_name = found.by_name
    print(f"\n{len(by_name)} name{'s' if len(by_name) != 1 else ''} found")
    for name in sorted(by_name, key=lambda n: (-len(by_name[n]), n)):
        ms = by_name[name]
        lines = sorted({doc.position(m.start).line for m in ms})
        cues = sorted({_CUES.get(m.cue, m.cue) for m in ms})
        roles = sorted({m.role for m in ms if m.role and m.role not in (":", "byline", "list")})
        where = ", ".join(f"L{n}" for n in lines[:8]) + (" …" if len(lines) > 8 else "")
        print(
            f"   {name:<6} {len(ms)}×  {where}  — {'; '.join(cues)}" + (f"; roles: {', '.join(roles)}" if roles else "")
        )


def _sibling_translation(path: str) -> str | None:
    """X.en.* beside X.zh.* or X.*, as `lintkit check` pairs them."""
    from .pairs import _stem_and_tag

    st = _stem_and_tag(path)
    if not st or st[1] == "en":
        return None
    for suffix in (".txt", ".md", ".markdown"):
        candidate = Path(st[0] + ".en" + suffix)
        if candidate.is_file():
            return str(candidate)
    return None


def cmd_lsp(args, plugins=()) -> int:
    from .lsp import main as lsp_main

    return lsp_main()


def main(argv: list[str] | None = None, *, plugins=None) -> int:
    """Run ``lintkit ARGV``; return the exit code.  ``plugins``: (name,
    plugin) pairs to register besides the installed ones (default: those
    of the ``lintkit.testing.use_plugin`` blocks this call is inside)."""
    if plugins is None:
        from .testing import plugins_in_use

        plugins = plugins_in_use()
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


if __name__ == "__main__":
    sys.exit(main())
