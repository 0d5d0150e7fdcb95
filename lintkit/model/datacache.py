"""Where lintkit's data caches live, and how they are read and written.

A data cache holds what lintkit derives from installed data (jieba's
dictionary, pypinyin's readings) so that later processes load it in
milliseconds instead of rebuilding it.  All of them live in one folder,
``data_dir()``: ``$LINTKIT_CACHE_DIR/data`` when that variable is set (tests
set it), else ``data`` in this user's cache folder
(``platformdirs.user_cache_dir("lintkit")``) — never the shared temporary
folder, where another user's file cannot be replaced and can be planted.

``cached(name, key, build)`` returns ``build()``'s value, read from the
cache when a file for ``name`` and ``key`` is there and intact.  ``key``
names the source data (a package version, a file's path, size and mtime):
it is hashed into the file name and checked again in the file's header, so
a changed source never reads a stale cache.  Files are written to a
temporary file in the same folder and renamed over the final name, so a
reader sees a whole file or none, and two processes building at once both
succeed.  Writing a cache removes the files of the same cache for other
keys written more than 30 days before (``SUPERSEDED_AFTER_DAYS``).  A
truncated or corrupt file (its length and CRC-32 are checked)
is ignored and rebuilt; an unwritable folder costs only the rebuild next
time.  Nothing here raises for a cache problem, and no temporary file is
left behind.

The ``lintkit`` command (not a library caller, whose threads a fork would
not copy) lets caches be written by forked children on the machine's other
core (``write_in_background``): ``prefetch`` starts building a missing
cache as a first run starts, ``cached`` waits for that child instead of
building it again, and a cache built in the process itself is written by a
child while the process goes on; the process waits for its children as it
exits.  A user's first run then costs ~1.2× a warm one instead of ~1.5×.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import struct
import tempfile
import time
import zlib
from pathlib import Path

__all__ = [
    "FORMAT",
    "cache_root",
    "data_dir",
    "cache_path",
    "load",
    "store",
    "cached",
    "prefetch",
    "write_in_background",
]

# Bumped whenever the layout of a cache file changes.
FORMAT = 1
_MAGIC = b"LKDC"
_HEADER = struct.Struct("<4sHIQI")  # magic, format, key length, payload length, payload CRC-32
_TMP_SUFFIX = ".tmp"


def cache_root() -> Path:
    """lintkit's cache folder: ``$LINTKIT_CACHE_DIR`` when set, else this
    user's ``platformdirs.user_cache_dir("lintkit")``.  Not created here."""
    env = os.environ.get("LINTKIT_CACHE_DIR")
    if env:
        return Path(env)
    import platformdirs

    return Path(platformdirs.user_cache_dir("lintkit"))


def data_dir() -> Path:
    """The folder of the data caches: ``cache_root() / "data"``.  Not
    created here (``store`` creates it when it writes)."""
    return cache_root() / "data"


def has_any(name: str, folder=None) -> bool:
    """Is there a cache file of ``name``, for any key?  (Cheap: no key is
    computed, nothing is read.)"""
    try:
        return any(Path(folder or data_dir()).glob(_safe(name) + ".v*.cache"))
    except OSError:
        return False


def _safe(text: str) -> str:
    return "".join(c if c.isalnum() or c in "._-" else "_" for c in text)[:60]


def cache_path(name: str, key: str, label: str = "", folder=None) -> Path:
    """The file of cache ``name`` for source ``key``: the name, the format
    version, a readable ``label`` of the source (e.g. ``jieba0.42.1``) and
    a hash of the whole key; in ``folder`` (default ``data_dir()``)."""
    digest = hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    parts = [_safe(name), f"v{FORMAT}"] + ([_safe(label)] if label else []) + [digest]
    return Path(folder if folder is not None else data_dir()) / (".".join(parts) + ".cache")


def load(name: str, key: str, label: str = "", folder=None):
    """The value stored for ``name`` and ``key``, or ``None`` when there is
    none or the file is unreadable, truncated, corrupt or for another key."""
    try:
        data = cache_path(name, key, label, folder).read_bytes()
        magic, fmt, klen, plen, crc = _HEADER.unpack_from(data)
        start = _HEADER.size + klen
        if magic != _MAGIC or fmt != FORMAT or len(data) != start + plen:
            return None
        if data[_HEADER.size : start] != key.encode("utf-8", "surrogatepass"):
            return None
        payload = memoryview(data)[start:]
        if zlib.crc32(payload) != crc:
            return None
        return marshal.loads(payload)
    except (OSError, ValueError, EOFError, TypeError, struct.error):
        return None


def store(name: str, key: str, value, label: str = "", folder=None) -> bool:
    """Write ``value`` (marshal-able) for ``name`` and ``key`` atomically;
    ``False`` (and nothing left behind) when it cannot be written."""
    try:
        path = cache_path(name, key, label, folder)
        payload = marshal.dumps(value)
        kbytes = key.encode("utf-8", "surrogatepass")
        header = _HEADER.pack(_MAGIC, FORMAT, len(kbytes), len(payload), zlib.crc32(payload))
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=_TMP_SUFFIX)
    except (OSError, ValueError):
        return False
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(header)
            fh.write(kbytes)
            fh.write(payload)
        os.replace(tmp, path)
    except BaseException as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if isinstance(exc, OSError):
            return False
        raise
    # temporary files of writers killed mid-write, over an hour old
    _remove_old(path.parent, lambda n: n.startswith(".") and n.endswith(_TMP_SUFFIX), 3600.0)
    # this cache's files for other keys (jieba upgraded, a virtual environment
    # recreated), megabytes each, that nothing else would ever remove
    prefix = _safe(name) + ".v"  # any format version, any key
    _remove_old(
        path.parent,
        lambda n: n.startswith(prefix) and n.endswith(".cache") and n != path.name,
        SUPERSEDED_AFTER_DAYS * 86400,
    )
    return True


# How long a cache of another key of the same data is kept after a new one is
# written: another environment of the same user (another jieba, another
# checkout) may still read it, but one not rewritten for this long is stale.
SUPERSEDED_AFTER_DAYS = 30


def _remove_old(folder: Path, matches, age: float) -> None:
    """Remove the files of ``folder`` whose name ``matches`` and that were
    last written over ``age`` seconds ago; never raises."""
    try:
        now = time.time()
        for entry in os.scandir(folder):
            if matches(entry.name):
                try:
                    if now - entry.stat().st_mtime > age:
                        os.unlink(entry.path)
                except OSError:
                    pass
    except OSError:
        pass


def cached(name: str, key: str, build, valid=None, label: str = "", folder=None, prepare=None):
    """``build()``, read from the cache of ``name`` for ``key`` when there
    (and ``valid(value)`` is true, if given), else built and stored (unless
    ``None``): as ``prepare(value)`` when given (the form later processes
    load, which this one need not wait for), in the background when the
    command allows it (``write_in_background``)."""
    _wait_for_prefetch(name, key)
    value = load(name, key, label, folder)
    if value is not None and (valid is None or valid(value)):
        return value
    value = build()
    if value is not None:
        _store_soon(name, key, value, prepare, label, folder)
    return value


# The writers still running, when the lintkit command lets caches be written
# in the background (``write_in_background``); None: written in place.
_WRITERS: list[int] | None = None


def write_in_background() -> None:
    """Let this process write its data caches from a forked child, on the
    other core, while it goes on linting; it waits for them as it exits.
    For the ``lintkit`` command only: a library's caller may hold threads
    or resources a fork must not copy."""
    global _WRITERS
    if _WRITERS is None and hasattr(os, "fork"):
        _WRITERS = []
        import atexit

        atexit.register(_wait_for_writers)


def _wait_for_writers() -> None:
    me = os.getpid()
    pids = list(_WRITERS or ()) + [pid for owner, pid in _PREFETCHING.values() if owner == me]
    for pid in pids:
        try:
            os.waitpid(pid, 0)
        except OSError:
            pass


# (name, key) -> (the process that started it, the child building it)
_PREFETCHING: dict[tuple[str, str], tuple[int, int]] = {}


def prefetch(name: str, key: str, build, label: str = "", folder=None, prepare=None) -> None:
    """Start building the cache of ``name`` for ``key`` in a forked child
    when it is missing and the command allows background writes: a first
    run builds it on the other core while it reads and splits its files,
    and ``cached`` waits for the child instead of building it again."""
    if _WRITERS is None or cache_path(name, key, label, folder).exists():
        return

    def work() -> bool:
        value = build()
        return value is not None and store(name, key, prepare(value) if prepare else value, label, folder)

    pid = _in_child(work)
    if pid is not None:
        _PREFETCHING[(name, key)] = (os.getpid(), pid)


def _wait_for_prefetch(name: str, key: str) -> None:
    started = _PREFETCHING.pop((name, key), None)
    if started and started[0] == os.getpid():  # (a forked worker does not wait for its parent's child)
        try:
            os.waitpid(started[1], 0)
        except OSError:
            pass


def _store_soon(name: str, key: str, value, prepare, label: str, folder) -> None:
    """``store`` the prepared value, from a forked child when allowed."""
    pid = _in_child(lambda: store(name, key, prepare(value) if prepare else value, label, folder))
    if pid is None:
        store(name, key, prepare(value) if prepare else value, label, folder)
    else:
        assert _WRITERS is not None
        _WRITERS.append(pid)


def _in_child(work) -> int | None:
    """Run ``work()`` in a forked child, which then leaves without running
    this process's exit handlers; its pid, or None when background work is
    not allowed (not the command), fork fails, or another thread runs (a
    fork copies only this one)."""
    import threading

    if _WRITERS is None or threading.active_count() != 1:
        return None
    try:
        pid = os.fork()
    except OSError:
        return None
    if pid == 0:
        code = 1
        try:
            code = 0 if work() else 1
        finally:
            os._exit(code)
    return pid
