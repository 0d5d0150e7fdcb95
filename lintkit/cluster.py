"""The per-file work on a Dask cluster: ``lintkit check --executor dask --scheduler ADDRESS``.

Why Dask distributed rather than Ray: the work is a map over files and a
small reduce, which both do; Dask is pure-Python wheels of a few MB that
install wherever lintkit does, its ``LocalCluster`` starts in a test in
seconds, it reads inputs through fsspec (``s3://``, ``gs://``, ``http://``)
as the rest of the PyData stack does, and a cluster is two commands
(``dask scheduler``, ``dask worker ADDRESS``).  Ray brings a 100+ MB
runtime, its own object store and a slower start for no gain here.

Each unit is sent to a worker as its paths (or URLs), read there — so the
workers must see the same files, on a shared file system or object store —
and linted by an engine the worker builds once from the run's *spec*: the
text of rules.yaml, the command line's selection and pairs.  Plugins come
from the worker's own installed entry points: install lintkit and the same
plugins on every worker.  The worker sends back the packed unit
(``lintkit.runner.pack``), and the corpus rules run here, on the summaries,
exactly as with ``--jobs``: the findings are those of a local run.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

__all__ = ["DaskUnavailable", "EngineSpec", "dask_executor"]


class DaskUnavailable(Exception):
    """Dask cannot run the work: not installed, no scheduler, unreachable."""


@dataclass(frozen=True)
class EngineSpec:
    """What a worker needs to build the run's engine, without its files."""

    config_source: str
    config_path: str
    base_dir: str
    select: tuple[str, ...] | None
    ignore: tuple[str, ...]
    pairs: tuple[tuple[str, str], ...]
    encoding: str | None
    stdin_name: str


# Engines built in this (worker) process, by spec: built once per run.
_ENGINES: dict[EngineSpec, object] = {}


def _engine(spec: EngineSpec):
    engine = _ENGINES.get(spec)
    if engine is None:
        from .app import Application
        from .config import parse_config

        config = parse_config(spec.config_source, spec.config_path, Path(spec.base_dir))
        app = Application.create(
            config,
            select=list(spec.select) if spec.select is not None else None,
            ignore=spec.ignore,
            pairs=spec.pairs,
            tolerate_broken_plugins=True,
        )
        engine = _ENGINES[spec] = app.engine
    return engine


def lint_remote(names: tuple[str, ...], sources: tuple[str, ...], datas: tuple, spec: EngineSpec) -> bytes:
    """On a worker: lint one unit, reading each input from its source (an
    absolute path or a URL) unless its bytes came along; pack the result."""
    from .engine import read_input
    from .runner import lint_unit, pack

    where = dict(zip(names, sources))
    return pack(
        lint_unit(
            _engine(spec), names, datas, spec.encoding, spec.stdin_name, read=lambda name: read_input(where[name])
        )
    )


def _source(name: str) -> str:
    if name == "-" or "://" in name:
        return name
    return os.path.abspath(name)


class _DaskExecutor:
    def __init__(self, client, spec: EngineSpec):
        self.client, self.spec = client, spec

    def __call__(self, units, datas) -> Iterator[bytes]:
        futures = self.client.map(
            lint_remote,
            [u.names for u in units],
            [tuple(_source(n) for n in u.names) for u in units],
            list(datas),
            spec=self.spec,
            pure=False,
        )
        for future in futures:
            yield future.result()

    def close(self) -> None:
        self.client.close()


def dask_executor(scheduler: str | None, app, args) -> _DaskExecutor:
    """An executor for ``lintkit.runner.check_files`` on the Dask cluster at
    ``scheduler``."""
    if not scheduler:
        raise DaskUnavailable("--executor dask needs --scheduler ADDRESS (the address `dask scheduler` prints)")
    try:
        from distributed import Client
    except ImportError:
        from . import DISTRIBUTION

        raise DaskUnavailable(f"--executor dask needs Dask distributed: pip install '{DISTRIBUTION}[dask]'") from None
    try:
        client = Client(scheduler, timeout="10s")
    except (OSError, TimeoutError) as exc:
        raise DaskUnavailable(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None
    spec = EngineSpec(
        app.config.source,
        app.config.path,
        str(app.config.base_dir),
        tuple(args.select) if args.select is not None else None,
        tuple(args.ignore),
        tuple(args.pair),
        args.encoding,
        args.stdin_filename,
    )
    return _DaskExecutor(client, spec)
