"""Run the selected rules over documents and collect findings and errors.

The engine owns the two conversions every rule relies on: offsets to
(line, column) positions, and exceptions to errors.  A rule that raises on
one document is reported (rule id, file, exception) and the run goes on.
"""

from __future__ import annotations

import contextlib
import signal
import sys
import threading
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Iterable, Sequence

import regex

from .config import Config, is_excluded
from .model.decoding import DecodeError, decode
from .model.document import AnalysisError, Document
from .findings import Finding, Location, Problem, RunError, Severity
from .rules import ARTICLE, CORPUS, DOCUMENT, Rule
from .selection import Selection
from .htmlfiles import html_text, is_html
from .wordfiles import WordFileError, is_docx, read_docx

__all__ = ["RunResult", "UnitResult", "ActiveRule", "Engine", "discover", "load_documents", "TEXT_SUFFIXES"]

TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".docx")


@dataclass(frozen=True)
class ActiveRule:
    rule: Rule
    severity: Severity
    options: MappingProxyType


@dataclass
class UnitResult:
    """The per-file work on one unit (a file, or a file and its translation):
    what ``Engine.reduce`` needs of it, and all that a worker process sends
    back or the cache keeps (see ``lintkit.runner``)."""

    documents: list[Document] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    errors: list[RunError] = field(default_factory=list)
    # rule id -> (document, summary) for each corpus rule with summarize
    summaries: dict[str, list[tuple[Document, object]]] = field(default_factory=dict)


@dataclass
class RunResult:
    findings: list[Finding] = field(default_factory=list)
    errors: list[RunError] = field(default_factory=list)
    documents: list[Document] = field(default_factory=list)
    rules: list[ActiveRule] = field(default_factory=list)

    def exit_code(self, fail_on: str) -> int:
        if self.errors:
            return 2
        if fail_on == "never":
            return 0
        threshold = Severity.parse(fail_on)
        return 1 if any(f.severity >= threshold for f in self.findings) else 0


def discover(paths: Iterable[str], exclude: list[str], base: Path) -> tuple[list[str], list[RunError]]:
    """Expand folders (recursively: .txt and .md, hidden folders skipped) into files."""
    files: list[str] = []
    errors: list[RunError] = []
    seen: set[Path] = set()  # a file named twice (`check a.txt .`) is linted once

    def add(path: Path) -> None:
        key = path.resolve()
        if key not in seen:
            seen.add(key)
            files.append(str(path))

    for raw in paths:
        if raw == "-":
            files.append("-")
            continue
        p = Path(raw)
        if p.is_dir():
            for child in sorted(p.rglob("*")):
                rel_parts = child.relative_to(p).parts
                if any(part.startswith(".") for part in rel_parts):
                    continue
                if child.is_file() and child.suffix.lower() in TEXT_SUFFIXES:
                    if not is_excluded(child, exclude, base):
                        add(child)
        elif p.is_file():
            # A file named explicitly is linted whatever its suffix, unless excluded.
            if not is_excluded(p, exclude, base):
                add(p)
        else:
            errors.append(RunError("input", f"{raw}: no such file or folder", path=raw))
    return files, errors


def read_input(name: str) -> bytes:
    """The bytes of an input: a file, standard input (``-``), or with fsspec
    installed (the ``dask`` extra) a URL such as ``s3://bucket/a.txt``."""
    if name == "-":
        return sys.stdin.buffer.read()
    if "://" in name:
        try:
            import fsspec
        except ImportError:
            from . import DISTRIBUTION

            raise OSError(f"reading a URL needs fsspec (pip install '{DISTRIBUTION}[dask]')") from None
        with fsspec.open(name, "rb") as f:
            return f.read()
    return Path(name).read_bytes()


def document_from_bytes(name: str, data: bytes, encoding: str | None = None, stdin_name: str = "<stdin>") -> Document:
    """The document of one input's bytes; raises ``DecodeError`` or
    ``WordFileError`` naming nothing but the cause."""
    if name == "-":
        return Document.from_bytes(data, stdin_name, encoding)
    if is_docx(name):
        import io

        word = read_docx(io.BytesIO(data))
        return Document(word.text, name, encoding="docx", markdown=False, wrapped=False)
    if is_html(name):
        # the prose a reader sees, a paragraph per line; never rewritten
        page = decode(data, encoding)
        return Document(html_text(page.text), name, encoding="html", markdown=False, wrapped=False)
    return Document.from_bytes(data, name, encoding)


def input_error(name: str, exc: Exception) -> RunError:
    """An input that could not be read or decoded, as the run reports it."""
    if isinstance(exc, DecodeError):
        return RunError("input", f"{name}: cannot decode: {exc}", path=name)
    if isinstance(exc, WordFileError):
        return RunError("input", f"{name}: {exc}", path=name)
    return RunError("input", f"{name}: cannot read: {getattr(exc, 'strerror', None) or exc}", path=name)


def load_documents(
    files: list[str], encoding: str | None = None, stdin_name: str = "<stdin>"
) -> tuple[list[Document], list[RunError]]:
    docs, errors = [], []
    for name in files:
        try:
            docs.append(document_from_bytes(name, read_input(name), encoding, stdin_name))
        except (DecodeError, WordFileError, OSError) as exc:
            errors.append(input_error(name, exc))
    return docs, errors


class Engine:
    def __init__(
        self,
        rules: dict[str, Rule],
        config: Config | None = None,
        selection: Selection | None = None,
        pairs: Sequence[tuple[str, str]] = (),
    ):
        config = config or Config()
        # explicit translation pairs: rules.yaml's, then the command line's
        self.pairs = list(config.pairs) + list(pairs)
        self.time_budget = config.time_budget
        selection = selection or Selection(config.select, config.ignore, severity=config.severity)
        # every registered rule, selected or not, and the ids rules were split out of
        self.rule_ids = frozenset(rules) | {r.formerly for r in rules.values() if r.formerly}
        self.active: list[ActiveRule] = []
        for rule_id in sorted(rules):
            r = rules[rule_id]
            if selection.enabled(r):
                opts = config.options_for(r)
                self.active.append(ActiveRule(r, selection.severity_of(r), MappingProxyType(opts)))

    def run(self, documents: list[Document]) -> RunResult:
        """Lint documents held in memory (the editor's buffer, a test's text):
        the per-file work, then the corpus rules.  Files on disk go through
        ``lintkit.runner``, which does the same per-file work in worker
        processes or takes it from the cache."""
        from .pairs import pair_documents

        pair_documents(documents, self.pairs)
        return self.reduce([self.lint(documents)])

    def lint(self, documents: list[Document]) -> "UnitResult":
        """The per-file work on documents linted together (one file, or a
        file and its translation): document and article rules, suppression
        comments, and the summaries the corpus rules take of each document."""
        result = UnitResult(documents=list(documents))
        for doc in documents:
            for active in self.active:
                if active.rule.scope == DOCUMENT:
                    self._apply(active, doc, doc, result)
                elif active.rule.scope == ARTICLE:
                    try:
                        articles = doc.articles
                    except Exception as exc:  # noqa: BLE001
                        result.errors.append(_crash(active.rule, doc.path, exc, "splitting articles"))
                        continue
                    for article in articles:
                        self._apply(active, article, doc, result)
            result.findings.extend(self._unknown_suppressions(doc))
            for active in self.active:
                if active.rule.scope == CORPUS and active.rule.summarize is not None:
                    self._summarize(active, doc, result)
        return result

    def _summarize(self, active: ActiveRule, doc: Document, result: "UnitResult") -> None:
        summarize = active.rule.summarize
        if summarize is None:  # (called only for a rule that has one)
            return
        try:
            with _budget(self.time_budget):
                summary = summarize(doc, active.options)
        except (Exception, SystemExit) as exc:  # noqa: BLE001 - the rule runs on without this file
            result.errors.append(_crash(active.rule, doc.path, exc, "summarizing the file"))
            return
        except KeyboardInterrupt as exc:
            raise RuleInterrupted(active.rule, doc.path) from exc
        result.summaries.setdefault(active.rule.id, []).append((doc, summary))

    def reduce(self, units: list["UnitResult"]) -> RunResult:
        """Put the per-file results together and run the corpus rules over
        the summaries (or, for a rule without ``summarize``, the documents)."""
        result = RunResult(rules=self.active)
        for unit in units:
            result.documents.extend(unit.documents)
            result.findings.extend(unit.findings)
            result.errors.extend(unit.errors)
        for active in self.active:
            if active.rule.scope != CORPUS:
                continue
            items: list[tuple[Document, object]]
            if active.rule.summarize is None:
                items = [(d, d) for d in result.documents]
            else:
                items = [item for unit in units for item in unit.summaries.get(active.rule.id, ())]
            self._apply_corpus(active, items, result)
        result.findings.sort(key=Finding.sort_key)
        return result

    def _unknown_suppressions(self, doc: Document) -> list[Finding]:
        """A suppression comment naming a rule or plugin that does not exist
        (a typo silences nothing): reported as ``lintkit.unknown-rule``."""
        if "lintkit-" not in doc.text:
            return []
        from .suppression import unknown_selectors

        out = []
        for start, end, sel, close in unknown_selectors(doc, self.rule_ids):
            out.append(
                Finding(
                    path=doc.path,
                    start=doc.position(start),
                    end=doc.position(end),
                    rule=UNKNOWN_RULE,
                    severity=Severity.WARNING,
                    message=f"suppression comment names {sel!r}, which is no rule or plugin"
                    + (f" (did you mean {close!r}?)" if close else "")
                    + ": it silences nothing",
                )
            )
        return out

    def _apply(self, active: ActiveRule, target, doc: Document | None, result: UnitResult) -> None:
        try:
            with _budget(self.time_budget):
                problems = list(active.rule.check(target, active.options) or ())
            findings = [_to_finding(active, p, doc) for p in problems]
            findings = [f for f in findings if not _suppressed(f, _document_of(problems, f, doc), active.rule.formerly)]
        except (Exception, SystemExit) as exc:  # noqa: BLE001 - one rule's bug must not stop the run
            # (a rule that calls sys.exit(0) must not end the run green and silent)
            result.errors.append(_crash(active.rule, doc.path if doc else "(all files)", exc))
            return
        except KeyboardInterrupt as exc:
            # Ctrl-C stops the run (or a rule raised it): say which rule was running
            raise RuleInterrupted(active.rule, doc.path if doc else "(all files)") from exc
        result.findings.extend(findings)

    def _apply_corpus(self, active: ActiveRule, items: list[tuple[Document, object]], result: RunResult) -> None:
        """A corpus rule over every document's summary (or document); a
        document whose analysis fails is reported by name and left out, and
        the rule runs again over the rest."""
        while True:
            try:
                with _budget(self.time_budget):
                    problems = list(active.rule.check([v for _, v in items], active.options) or ())
                findings = [_to_finding(active, p, None) for p in problems]
                findings = [
                    f for f in findings if not _suppressed(f, _document_of(problems, f, None), active.rule.formerly)
                ]
            except AnalysisError as exc:
                if not any(d.path == exc.path for d, _ in items):
                    result.errors.append(_crash(active.rule, "(all files)", exc))
                    return
                result.errors.append(_crash(active.rule, exc.path, exc.exc))
                items = [(d, v) for d, v in items if d.path != exc.path]
                continue
            except (Exception, SystemExit) as exc:  # noqa: BLE001 - one rule's bug must not stop the run
                result.errors.append(_crash(active.rule, "(all files)", exc))
                return
            result.findings.extend(findings)
            return


class RuleTimeout(Exception):
    """A rule ran past its time budget on one file and was stopped."""


@contextlib.contextmanager
def _budget(seconds: float):
    """Stop what runs inside after ``seconds`` (``RuleTimeout``), so that one
    rule stuck on one file — a pathological input, a plugin that loops — costs
    that rule on that file, not the run.  A real-time timer (SIGALRM) on the
    main thread of a POSIX system; elsewhere, or with 0, no limit."""
    usable = (
        seconds
        and seconds > 0
        and hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
    )
    if not usable:
        yield
        return

    def stop(signum, frame):
        raise RuleTimeout(f"took longer than {seconds:g} s and was stopped (time-budget in rules.yaml)")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _document_of(problems, finding: Finding, doc: Document | None) -> Document | None:
    """The document a finding lies in (corpus rules name it on the problem)."""
    if doc is not None and finding.path == doc.path:
        return doc
    for p in problems:
        if p.document is not None and p.document.path == finding.path:
            return p.document
    return doc


_CODE_SPAN = regex.compile(r"(?<!`)(`+)(?!`)[^\n]*?(?<!`)\1(?!`)")


def _code_spans(doc: Document) -> list[tuple[int, int]]:
    """Markdown inline code (`the the`): not prose, never reported or fixed."""
    if not doc.markdown or "`" not in doc.text:
        return []
    return [m.span() for m in _CODE_SPAN.finditer(doc.text)]


def _in_code(finding: Finding, doc: Document | None) -> bool:
    if doc is None:
        return False
    spans = doc.analysis(_code_spans)
    if not spans:
        return False
    import bisect

    i = bisect.bisect_right(spans, (finding.start.offset, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= finding.start.offset < spans[i][1]


def _suppressed(finding: Finding, doc: Document | None, formerly: str = "") -> bool:
    if _in_code(finding, doc):
        return True
    if doc is None or not doc.analysis(_has_suppressions):
        return False
    from .suppression import suppressions

    return doc.analysis(suppressions).covers(finding.rule, finding.start.line, formerly)


def _has_suppressions(doc: Document) -> bool:
    """Once per document, not once per finding: a search of the whole text."""
    return "lintkit-" in doc.text


def _crash(rule: Rule, path: str, exc: BaseException, doing: str = "") -> RunError:
    if isinstance(exc, AnalysisError):
        exc = exc.exc
    if isinstance(exc, RuleTimeout):
        return RunError(
            "rule",
            f"rule {rule.id} (plugin {rule.plugin or '?'}) on {path} {exc}",
            path=path,
            rule=rule.id,
            plugin=rule.plugin,
        )
    frame = traceback.extract_tb(exc.__traceback__)[-1] if exc.__traceback__ else None
    where = f" at {Path(frame.filename).name}:{frame.lineno}" if frame else ""
    return RunError(
        "rule",
        f"rule {rule.id} (plugin {rule.plugin or '?'}) failed on {path}"
        + (f" while {doing}" if doing else "")
        + f": {type(exc).__name__}: {exc}{where}",
        path=path,
        rule=rule.id,
        plugin=rule.plugin,
    )


class RuleInterrupted(KeyboardInterrupt):
    """The run was interrupted while a rule ran: the message names it."""

    def __init__(self, rule, path: str):
        super().__init__(f"interrupted while rule {rule.id} (plugin {rule.plugin or '?'}) ran on {path}")


# The id of the engine's own finding about a suppression comment that names
# no rule (it is no plugin's rule: it checks the comments that silence them).
UNKNOWN_RULE = "lintkit.unknown-rule"

# A message longer than this is cut (a rule quoting a whole paragraph, a list
# of a hundred spellings): reports stay readable and an injected text cannot
# flood a terminal, a CI log or a review comment.
MAX_MESSAGE = 500


def _bounded(message: str) -> str:
    return message if len(message) <= MAX_MESSAGE else message[: MAX_MESSAGE - 1] + "…"


def _check_fix(fix, length: int) -> None:
    """A fix whose edits fall outside the text, run backwards or overlap would
    delete or duplicate text when applied: the rule is reported instead."""
    end = -1
    for e in sorted(fix.edits, key=lambda e: (e.start, e.end)):
        if not (0 <= e.start <= e.end <= length):
            raise ValueError(f"fix edit {e.start}..{e.end} is outside the document or reversed")
        if e.start < end:
            raise ValueError(f"fix edits overlap at {e.start}")
        end = e.end


def _to_finding(active: ActiveRule, p: Problem, doc: Document | None) -> Finding:
    if not isinstance(p, Problem):
        raise TypeError(f"rule yielded {type(p).__name__}, expected lintkit.Problem")
    where = p.document or doc
    if where is None:
        raise ValueError("a corpus rule must set Problem.document")
    if not (0 <= p.start <= p.end <= len(where.text)):
        raise ValueError(f"problem span {p.start}..{p.end} is outside the document")
    if p.fix is not None:
        _check_fix(p.fix, len(where.text))
    for r in p.related:
        if not (0 <= r.start <= r.end <= len((r.document or where).text)):
            raise ValueError(f"related span {r.start}..{r.end} is outside its document")
    related = tuple(
        Location(
            (r.document or where).path,
            (r.document or where).position(r.start),
            (r.document or where).position(r.end),
            _bounded(r.message),
        )
        for r in p.related
    )
    return Finding(
        path=where.path,
        start=where.position(p.start),
        end=where.position(p.end),
        rule=active.rule.id,
        severity=p.severity or active.severity,
        message=_bounded(p.message),
        related=related,
        fix=p.fix,
        fix_positions=tuple((where.position(e.start), where.position(e.end)) for e in p.fix.edits)
        if p.fix is not None
        else (),
    )
