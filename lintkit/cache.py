"""The results cache: a unit's packed result, kept until its input or the
linter changes.

Like ruff's and textlint's ``--cache``, a file that has not changed since
the last run is not linted again.  An entry is the packed result of a unit
(``lintkit.runner.pack``: findings, errors, the corpus rules' summaries and
the text), filed under a key of

* the unit's paths and bytes, and ``--encoding``;
* the *fingerprint* of the run: lintkit's version, each selected rule with
  its plugin, severity and options, the translation pairs, the time budget,
  the text of rules.yaml (declarative rules live there), and the size and
  modification time of every source and data file of lintkit and of each
  plugin that contributes a selected rule — so that editing a rule (an
  editable install, a plugin under development) or a user dictionary named
  in an option is never answered from a stale entry.

Corpus rules are not cached: they rerun from the cached summaries, since
another file of the run may have changed.

Entries live in ``$LINTKIT_CACHE_DIR/results`` or the user's cache folder
(``platformdirs``), are written atomically (a temporary file in the same
folder, then ``os.replace``: two runs at once never see half an entry), and
an entry that cannot be read is a miss.  A cache folder that cannot be
written is no error: the run goes on without a cache.  ``lintkit cache
clean`` deletes the entries; ``--no-cache`` neither reads nor writes them.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Iterable

from .model.datacache import cache_root

__all__ = ["ResultCache", "cache_root", "results_dir", "fingerprint", "clean"]

# Bumped when the packed format or the key changes.
FORMAT = 1

_SOURCE_SUFFIXES = {".py", ".txt", ".yaml", ".yml", ".json", ".tsv", ".csv"}


def results_dir() -> Path:
    return cache_root() / "results"


def _tree_stamp(folder: Path, h) -> None:
    for path in sorted(folder.rglob("*")):
        if path.suffix in _SOURCE_SUFFIXES and "__pycache__" not in path.parts:
            try:
                st = path.stat()
            except OSError:
                continue
            h.update(f"{path.relative_to(folder)}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())


def _package_folder(module_name: str) -> Path | None:
    module = sys.modules.get(module_name.split(".")[0])
    file = getattr(module, "__file__", None)
    if not file:
        return None
    path = Path(file).parent
    return path if Path(file).name == "__init__.py" else None


def fingerprint(engine, config_source: str = "") -> str:
    """Everything besides the input that decides a unit's findings."""
    from . import __version__

    h = hashlib.sha256(f"lintkit {__version__} cache {FORMAT}\n".encode())
    folders = {Path(__file__).parent}
    for active in engine.active:
        rule = active.rule
        options = sorted((k, repr(v)) for k, v in active.options.items())
        h.update(repr((rule.id, rule.plugin, rule.scope, str(active.severity), options)).encode())
        for _, value in options:
            _stamp_file(value, h)
        folder = _package_folder(getattr(rule.check, "__module__", "") or "")
        if folder is not None:
            folders.add(folder)
    h.update(repr((sorted(engine.pairs), engine.time_budget)).encode())
    h.update(config_source.encode())
    for folder in sorted(folders):
        h.update(str(folder).encode())
        _tree_stamp(folder, h)
    return h.hexdigest()


def _stamp_file(value: str, h) -> None:
    """An option naming a file (a user dictionary): its size and time count."""
    text = value.strip("'\"")
    if not text or len(text) > 1024 or "\n" in text:
        return
    try:
        if os.path.isfile(text):
            st = os.stat(text)
            h.update(f"{text}\0{st.st_size}\0{st.st_mtime_ns}".encode())
    except (OSError, ValueError):
        pass


class ResultCache:
    """Packed unit results by key, in ``folder``."""

    def __init__(self, folder: Path, fingerprint: str):
        self.folder = Path(folder)
        self.fingerprint = fingerprint
        self.writable = True

    def key(self, names: Iterable[str], datas: Iterable[bytes], encoding: str | None = None) -> str:
        h = hashlib.sha256(self.fingerprint.encode())
        h.update(repr(encoding).encode())
        for name, data in zip(names, datas):
            h.update(f"\0{name}\0{len(data)}\0".encode())
            h.update(hashlib.sha256(data).digest())
        return h.hexdigest()

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / key[2:]

    def get(self, key: str) -> bytes | None:
        try:
            return self._path(key).read_bytes()
        except OSError:
            return None

    def put(self, key: str, data: bytes) -> None:
        """Write atomically; a folder that cannot be written turns the cache off."""
        if not self.writable:
            return
        path = self._path(key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
            try:
                with os.fdopen(fd, "wb") as f:
                    f.write(data)
                os.replace(tmp, path)
            except BaseException:
                with _ignored():
                    os.unlink(tmp)
                raise
        except OSError:
            self.writable = False


class _ignored:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return exc[0] is not None and issubclass(exc[0], OSError)


def clean(folder: Path | None = None) -> int:
    """Delete every cached result; returns how many entries there were."""
    folder = Path(folder or results_dir())
    if not folder.is_dir():
        return 0
    n = sum(1 for p in folder.rglob("*") if p.is_file())
    shutil.rmtree(folder, ignore_errors=True)
    return n
