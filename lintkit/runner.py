"""Lint files on disk: the per-file work in this process, in worker processes
or on a Dask cluster, taken from the cache when a file has not changed.

The work is cut into *units*: a file, or a Chinese file and its translation
(they are read as one article, so they are linted together).  Each unit is
read, linted by ``Engine.lint`` — the document and article rules and the
summaries the corpus rules take of each file — and its documents release
their analyses; only then does the main process run the corpus rules over
the summaries (``Engine.reduce``).  A worker sends back the unit's result
*packed* (``pack``): findings, errors, summaries, and each document as its
text only, so no analysis crosses a process boundary and the main process
holds the texts of the run, not their analyses.  The cache keeps the same
packed bytes under a key of the unit's bytes and everything that decides
its findings (``lintkit.cache``).

Findings do not depend on where the work ran: the units are reduced in
input order and the findings sorted, so ``--jobs 2`` reports exactly what
``--jobs 1`` reports, in the same order.
"""

from __future__ import annotations

import io
import os
import pickle
import sys
from dataclasses import dataclass
from typing import Callable, Iterable, Iterator

from .model.decoding import DecodeError
from .model.document import Document
from .engine import Engine, RunResult, UnitResult, document_from_bytes, input_error, read_input
from .findings import RunError
from .pairs import pair_documents, pair_paths
from .wordfiles import WordFileError

__all__ = ["Unit", "units_of", "lint_unit", "pack", "unpack", "default_jobs", "check_files"]

# Below this many files a run shows no progress bar: it is over before one
# would help.
PROGRESS_MIN_FILES = 10


@dataclass(frozen=True)
class Unit:
    """Files linted together: one file, or a Chinese file and its translation."""

    names: tuple[str, ...]


def units_of(files: list[str], pairs: Iterable[tuple[str, str]] = ()) -> list[Unit]:
    """The units of a run, in input order (a pair where its first file is)."""
    partner: dict[str, str] = {}
    for zh, en in pair_paths(files, pairs):
        partner[zh], partner[en] = en, zh
    units: list[Unit] = []
    placed: set[str] = set()
    for name in files:
        if name in placed:
            continue
        other = partner.get(name)
        group = (name, other) if other is not None and other not in placed else (name,)
        placed.update(group)
        units.append(Unit(group))
    return units


def lint_unit(
    engine: Engine,
    names: tuple[str, ...],
    datas: Iterable[bytes | None],
    encoding: str | None = None,
    stdin_name: str = "<stdin>",
    read: Callable[[str], bytes] = read_input,
) -> UnitResult:
    """Read (unless the bytes are given: ``read(name)``), lint, and release one unit."""
    docs, errors = [], []
    for name, data in zip(names, datas):
        try:
            if data is None:
                data = read(name)
            docs.append(document_from_bytes(name, data, encoding, stdin_name))
        except (DecodeError, WordFileError, OSError) as exc:
            errors.append(input_error(name, exc))
    pair_documents(docs, engine.pairs)
    unit = engine.lint(docs)
    unit.errors[:0] = errors
    for doc in docs:
        doc.release()
    return unit


# -- packing: a unit's result as bytes, documents as their text ---------------


class _Packer(pickle.Pickler):
    def __init__(self, file, index: dict[int, int]):
        super().__init__(file, protocol=pickle.HIGHEST_PROTOCOL)
        self.index = index

    def persistent_id(self, obj):
        # a summary's reference to a document travels as its index in the unit
        if isinstance(obj, Document):
            return self.index.get(id(obj))
        return None


class _Unpacker(pickle.Unpickler):
    def __init__(self, file, documents: list[Document]):
        super().__init__(file)
        self.documents = documents

    def persistent_load(self, pid):
        return self.documents[pid]


def pack(unit: UnitResult) -> bytes:
    """The unit's result as bytes: each document as its text and settings
    (no analysis), the findings, errors and summaries with every reference
    to a document kept as a reference."""
    head = pickle.dumps(
        [(d.text, d.path, d.encoding, d.bom, d.markdown, d.wrapped) for d in unit.documents],
        protocol=pickle.HIGHEST_PROTOCOL,
    )
    body = io.BytesIO()
    _Packer(body, {id(d): i for i, d in enumerate(unit.documents)}).dump((unit.findings, unit.errors, unit.summaries))
    return len(head).to_bytes(8, "little") + head + body.getvalue()


def unpack(data: bytes) -> UnitResult:
    """``pack`` undone: documents with their text and no analysis yet."""
    n = int.from_bytes(data[:8], "little")
    documents = [
        Document(text, path, encoding=enc, bom=bom, markdown=md, wrapped=wrapped)
        for text, path, enc, bom, md, wrapped in pickle.loads(data[8 : 8 + n])
    ]
    findings, errors, summaries = _Unpacker(io.BytesIO(data[8 + n :]), documents).load()
    return UnitResult(documents, findings, errors, summaries)


# -- worker processes ---------------------------------------------------------

# The engine of a worker process, set once when the process starts (it is
# inherited from the main process, never pickled: declarative rules and
# plugins registered in a test need not be picklable).
_WORKER: tuple[Engine, str | None, str] | None = None


def _start_worker(engine: Engine, encoding: str | None, stdin_name: str) -> None:
    global _WORKER
    _WORKER = (engine, encoding, stdin_name)


def _work(names: tuple[str, ...], datas: tuple[bytes | None, ...]) -> bytes:
    if _WORKER is None:
        raise RuntimeError("_work runs in a worker process started by _start_worker")
    engine, encoding, stdin_name = _WORKER
    return pack(lint_unit(engine, names, datas, encoding, stdin_name))


def default_jobs() -> int:
    """The CPUs this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def _fork_context():
    """Worker processes are forked, so that they inherit the engine as built
    (plugins, declarative rules, a test's plugins); where fork does not
    exist the work stays in this process.  (multiprocessing and
    concurrent.futures are imported only here and for the pool, ~8 ms a
    check of one file does not pay.)"""
    import multiprocessing

    if "fork" not in multiprocessing.get_all_start_methods():
        return None
    return multiprocessing.get_context("fork")


# -- the run --------------------------------------------------------------------


def check_files(
    engine: Engine,
    files: list[str],
    *,
    encoding: str | None = None,
    stdin_name: str = "<stdin>",
    jobs: int = 1,
    cache=None,
    progress: bool = False,
    executor: Callable | None = None,
) -> RunResult:
    """Lint ``files``: ``jobs`` worker processes (1: in this process), the
    results of unchanged units from ``cache`` (a ``lintkit.cache.ResultCache``
    or None), a progress bar on standard error when ``progress``.

    ``executor``, when given, runs the units elsewhere (``lintkit.dask``):
    called with the list of units and the bytes read here (``None`` where
    the worker reads the input itself), it yields each unit's packed result
    in order.
    """
    units = units_of(files, engine.pairs)
    results: list[UnitResult | None] = [None] * len(units)
    pending: list[tuple[int, tuple[bytes | None, ...], str | None]] = []
    read_errors: dict[int, list[RunError]] = {}
    for i, unit in enumerate(units):
        if executor is not None:
            given = tuple(read_input("-") if n == "-" else None for n in unit.names)
            pending.append((i, given, None))
            continue
        datas: list[bytes] = []
        names: list[str] = []
        for name in unit.names:
            try:
                datas.append(read_input(name))
                names.append(name)
            except OSError as exc:
                read_errors.setdefault(i, []).append(input_error(name, exc))
        units[i] = Unit(tuple(names))
        if not names:
            results[i] = UnitResult()
            continue
        key = cache.key(names, datas, encoding) if cache is not None and "-" not in names else None
        packed = cache.get(key) if key else None
        if packed is not None:
            try:
                results[i] = unpack(packed)
                continue
            except Exception:  # noqa: BLE001 - an unreadable entry is a miss
                pass
        pending.append((i, tuple(datas), key))

    keys = {i: key for i, _, key in pending}
    with _progress(progress and len(units) >= PROGRESS_MIN_FILES, len(units), len(units) - len(pending)) as advance:
        for i, packed_or_unit in _run_pending(engine, units, pending, jobs, executor, encoding, stdin_name):
            if isinstance(packed_or_unit, UnitResult):
                unit_result, packed = packed_or_unit, None
            else:
                packed = packed_or_unit
                unit_result = unpack(packed)
            key = keys[i]
            if key:
                cache.put(key, packed if packed is not None else pack(unit_result))
            results[i] = unit_result
            advance()
    for i, errors in read_errors.items():
        done = results[i]
        if done is not None:  # (every unit has its result by now)
            done.errors[:0] = errors
    return engine.reduce([r for r in results if r is not None])


def _run_pending(
    engine, units, pending, jobs, executor, encoding, stdin_name
) -> Iterator[tuple[int, bytes | UnitResult]]:
    """(index, packed bytes or UnitResult) of each pending unit, as they finish."""
    if not pending:
        return
    if executor is not None:
        yield from zip(
            (i for i, _, _ in pending), executor([units[i] for i, _, _ in pending], [d for _, d, _ in pending])
        )
        return
    context = _fork_context() if jobs > 1 and len(pending) > 1 else None
    if context is None:
        for i, datas, _ in pending:
            yield i, lint_unit(engine, units[i].names, datas, encoding, stdin_name)
        return
    from concurrent.futures import ProcessPoolExecutor, as_completed
    from concurrent.futures.process import BrokenProcessPool

    with ProcessPoolExecutor(
        min(jobs, len(pending)), mp_context=context, initializer=_start_worker, initargs=(engine, encoding, stdin_name)
    ) as pool:
        futures = {pool.submit(_work, units[i].names, datas): i for i, datas, _ in pending}
        try:
            for future in as_completed(futures):
                i = futures[future]
                try:
                    yield i, future.result()
                except BrokenProcessPool:
                    names = ", ".join(units[i].names)
                    yield (
                        i,
                        UnitResult(
                            errors=[
                                RunError(
                                    "input",
                                    f"{names}: the worker process linting it died (out of memory, or killed)",
                                    path=units[i].names[0],
                                )
                            ]
                        ),
                    )
        except BaseException:
            pool.shutdown(wait=False, cancel_futures=True)
            raise


class _progress:
    """A progress bar on standard error (rich), or nothing."""

    def __init__(self, enabled: bool, total: int, done: int):
        self.enabled, self.total, self.done = enabled and sys.stderr.isatty(), total, done

    def __enter__(self) -> Callable[[], None]:
        if not self.enabled:
            return lambda: None
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        self.bar = Progress(
            TextColumn("linting"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeRemainingColumn(),
            console=Console(stderr=True),
            transient=True,
        )
        self.bar.__enter__()
        task = self.bar.add_task("lint", total=self.total, completed=self.done)
        return lambda: self.bar.advance(task)

    def __exit__(self, *exc) -> None:
        if self.enabled:
            self.bar.__exit__(*exc)
