"""``lintkit check``: lint files and folders, then report.

The run itself (``_run``: worker processes or a Dask cluster, the results
cache), the baseline, ``--annotate`` and the choice of output; fixing is
``fixing.py``'s job.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from ..app import Application
from ..config import ConfigError
from ..engine import discover
from . import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK
from .fixing import apply_fixes, diff_of_fixes

__all__ = ["cmd_check"]


def _use_color(mode: str) -> bool:
    if mode == "always":
        return True
    if mode == "never" or os.environ.get("NO_COLOR"):
        return False
    return sys.stdout.isatty()


def cmd_check(args, plugins=()) -> int:
    _prefetch_data_caches()
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
        from ..reporters.text import render_concise as render
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
        diff, changed = diff_of_fixes(result, args.unsafe_fixes, app.run)
        sys.stdout.write(diff)
        all_errors = reg.errors + errors + load_errors + result.errors
        for e in all_errors:
            print(f"lintkit: error: {e.message}", file=sys.stderr)
        return EXIT_ERROR if all_errors else (1 if changed else EXIT_OK)
    if args.fix and "-" in files:
        # the fixed text goes to standard output; the report to standard error
        documents, fix_errors = apply_fixes(
            result, args.unsafe_fixes, args.stdin_filename, rerun=app.run, quiet=args.quiet
        )
        result = app.run(documents)
        errors += fix_errors
        report_stream = sys.stderr
    elif args.fix:
        documents, fix_errors = apply_fixes(
            result, args.unsafe_fixes, args.stdin_filename if "-" in files else None, rerun=app.run, quiet=args.quiet
        )
        result = app.run(documents)
        errors += fix_errors
    result.errors[:0] = reg.errors + errors + load_errors
    if args.write_baseline or args.baseline:
        from ..baseline import filter_new, read_baseline, write_baseline

        texts = {d.path: d.text for d in result.documents}
        if args.write_baseline:
            n = write_baseline(args.write_baseline, result.findings, texts)
            print(f"lintkit: wrote {n} finding(s) to the baseline {args.write_baseline}", file=sys.stderr)
            return EXIT_ERROR if result.errors else EXIT_OK
        try:
            formerly = {r.id: r.formerly for r in app.registry.rules.values() if r.formerly}
            result.findings = filter_new(result.findings, read_baseline(args.baseline), texts, formerly)
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
    from ..cache import ResultCache, fingerprint, results_dir
    from ..runner import check_files, default_jobs

    executor = None
    if args.executor == "dask":
        from ..cluster import DaskUnavailable, dask_executor

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


def _annotate(args, result) -> int:
    """Write the findings of the one .docx input as comments into a copy."""
    from ..wordfiles import annotate_docx, is_docx

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


def _prefetch_data_caches() -> None:
    """On a user's first run, jieba's dictionary and the pinyin table are
    built by forked children on the other core while this process loads
    its plugins and reads its files (``datacache.prefetch``, allowed by the
    ``lintkit`` command only).  A run that finds them cached starts no
    child and imports nothing for them."""
    from ..analysis.jieba_dictionary import prefetch_dictionary
    from ..model import datacache
    from ..model.pinyin import prefetch_pinyin_table

    try:
        if not datacache.has_any("lintkit.jieba-dictionary"):
            prefetch_dictionary()
        if not datacache.has_any("lintkit.pinyin"):
            prefetch_pinyin_table()
    except Exception:  # noqa: BLE001, S110 - a cache that cannot be prefetched is built when needed
        pass
