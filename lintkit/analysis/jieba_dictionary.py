"""jieba's dictionary, loaded cheaply: the process-wide tokenizer
(``jieba_tokenizer``) whose prefix dictionary is read from a marshal cache
bucket by bucket (``_LazyFreq``), the tables built once from the dictionary
file and kept on disk (``disk_cache``, ``_dictionary_tables``), and the
name tags read from them without importing ``jieba.posseg``
(``name_tag``).  jieba itself is imported without ``pkg_resources``
(``import_jieba``), which it would import only to open its own files.
``dictionary_route`` is jieba's dictionary route through a run of text
(``get_DAG`` and ``calc``), computed over the loaded buckets as plain dicts.

A self-contained data layer below the tokenizing functions of
``lintkit.analysis.tokens``, which re-exports its public names (and the
private ones the tests reach for).
"""

from __future__ import annotations

import functools
import itertools
import logging
import marshal
import math
import os
import sys
import threading

from ..model import datacache


def cache_dir() -> str:
    """This user's folder of data caches (``lintkit.model.datacache.data_dir()``:
    ``$LINTKIT_CACHE_DIR/data``, else in ``platformdirs.user_cache_dir``),
    where jieba's dictionary cache lives too.  Never the shared temporary
    folder: there another user's cache file cannot be replaced (a
    PermissionError and a cold start on every run) and can be planted."""
    return str(datacache.data_dir())


def import_jieba():
    """``import jieba``, without the ``pkg_resources`` import it starts with.

    jieba 0.42 imports ``pkg_resources`` (setuptools' legacy resource API,
    ~90 ms: it scans every installed distribution, and newer setuptools warn
    that it is deprecated) only to open its dictionary file, and falls back
    to a plain ``open`` of the same file when the import fails.  The import
    is made to fail for jieba's own import only: ``sys.modules`` holds
    ``None`` for it meanwhile (Python's way to mark a module as not
    importable), unless something imported the real module before."""
    jieba = sys.modules.get("jieba")
    if jieba is not None:
        return jieba
    blocked = "pkg_resources" not in sys.modules
    if blocked:
        sys.modules["pkg_resources"] = None
    try:
        import jieba
    finally:
        if blocked and "pkg_resources" in sys.modules and sys.modules["pkg_resources"] is None:
            del sys.modules["pkg_resources"]
    return jieba


@functools.cache
def jieba_tokenizer():
    """The process-wide jieba tokenizer (``jieba.dt``), initialized from
    lintkit's own cache of its dictionary (``_dictionary_tables``): the
    prefix dictionary bucketed by first character, each bucket loaded the
    first time a word starting with that character is looked up
    (``_LazyFreq``).  The same words and frequencies as ``jieba.initialize``
    (which loads all 500 000 entries, ~0.8 s warm, for a document whose
    names touch a fraction of them), in ~20 ms plus the buckets used."""
    jieba = import_jieba()
    jieba.setLogLevel(logging.WARNING)
    tk = jieba.dt
    folder = cache_dir()
    try:
        os.makedirs(folder, mode=0o700, exist_ok=True)
        if os.access(folder, os.W_OK):
            tk.tmp_dir = folder  # for jieba's own cache, should it ever build one
    except OSError:
        pass
    if not tk.initialized:
        with tk.lock:
            if not tk.initialized:
                tables = _dictionary_tables(tk)
                if tables is not None:
                    tk.FREQ, tk.total = _LazyFreq(tables["freq"]), tables["total"]
                    tk.initialized = True
    if not tk.initialized:  # a dictionary lintkit cannot read: jieba's own way (and error)
        level = logging.getLogger("jieba").level
        jieba.setLogLevel(logging.CRITICAL)  # an unwritable cache is no error to show
        try:
            jieba.initialize()
        finally:
            jieba.setLogLevel(level)
    return tk


_BUCKET_LOCK = threading.Lock()


class _LazyFreq(dict):
    """jieba's prefix dictionary (``Tokenizer.FREQ``), filled one bucket at
    a time.  The entries whose first character is ``c`` are read the first
    time a key starting with ``c`` is looked up, and answer lookups as a
    dict of their own (``bucket``): copying them into this dict would cost
    as much again as reading them (``marshal.loads``), for the ~1 000
    buckets of a 300 KB issue.  They are copied in (merged) only before a
    key starting with ``c`` is written or deleted (all of them before
    iterating or counting), so a bucket's entries are in exactly one place:
    its bucket, or this dict.  A key's bucket holds every entry that can
    answer for it (a word's prefixes start with its first character), so
    every lookup answers as the whole dictionary would."""

    __slots__ = ("_buckets",)

    def __init__(self, buckets: dict):
        super().__init__()
        # first character -> its entries not merged yet: a dict (read), or marshal of one
        self._buckets = dict(buckets)

    def bucket(self, first: str) -> dict:
        """The dict to look up a key starting with ``first`` in, read-only:
        its bucket, read now if need be, or this dict itself (once merged,
        or when no entry starts with ``first``).  ``dict.get(bucket(c),
        key)`` answers as ``self.get(key)``, without Python-level calls."""
        bucket = self._buckets.get(first)
        if bucket is None:
            return self
        if isinstance(bucket, bytes):
            with _BUCKET_LOCK:
                bucket = self._buckets.get(first)
                if bucket is None:
                    return self  # merged meanwhile
                if isinstance(bucket, bytes):
                    bucket = self._buckets[first] = marshal.loads(bucket)
        return bucket

    def _load(self, key) -> None:
        """Merge the bucket of ``key`` into this dict (before a write)."""
        first = key[:1] if isinstance(key, str) else None
        if first in self._buckets:
            with _BUCKET_LOCK:  # a bucket leaves _buckets only once its entries are in
                bucket = self._buckets.get(first)
                if bucket is not None:
                    dict.update(self, marshal.loads(bucket) if isinstance(bucket, bytes) else bucket)
                    del self._buckets[first]

    def _load_all(self) -> None:
        for first in list(self._buckets):
            self._load(first)

    def merge(self, text: str) -> None:
        """Merge the buckets of the characters of ``text`` into this dict:
        before jieba's own ``get_DAG`` walks ``text``, whose ``FREQ[word]``
        then finds its words without a Python-level call each."""
        buckets = self._buckets
        if buckets:
            for first in [c for c in set(text) if c in buckets]:
                self._load(first)

    def __contains__(self, key) -> bool:
        if dict.__contains__(self, key):
            return True
        if self._buckets and isinstance(key, str):
            bucket = self.bucket(key[:1])
            return bucket is not self and key in bucket
        return False

    def __missing__(self, key):
        if self._buckets and isinstance(key, str):
            bucket = self.bucket(key[:1])
            if bucket is not self and key in bucket:
                return bucket[key]
        raise KeyError(key)

    def get(self, key, default=None):
        if self._buckets and isinstance(key, str) and not dict.__contains__(self, key):
            bucket = self.bucket(key[:1])
            if bucket is not self:
                return bucket.get(key, default)
        return dict.get(self, key, default)

    def __setitem__(self, key, value) -> None:
        self._load(key)
        dict.__setitem__(self, key, value)

    def __delitem__(self, key) -> None:
        self._load(key)
        dict.__delitem__(self, key)

    def setdefault(self, key, default=None):
        self._load(key)
        return dict.setdefault(self, key, default)

    def pop(self, key, *default):
        self._load(key)
        return dict.pop(self, key, *default)


def _whole(name: str):
    method = getattr(dict, name)

    def whole(self, *args, **kwargs):
        self._load_all()
        return method(self, *args, **kwargs)

    whole.__name__ = name
    return whole


for _name in (
    "__iter__",
    "__len__",
    "__eq__",
    "__ne__",
    "__repr__",
    "keys",
    "values",
    "items",
    "copy",
    "popitem",
    "update",
    "__or__",
    "__ior__",
):
    setattr(_LazyFreq, _name, _whole(_name))
_LazyFreq.__hash__ = None


# -- name tags without jieba.posseg ------------------------------------------


def disk_cache(name: str, key: str, build, directory: str | None = None):
    """``build()``, cached with ``marshal`` (``lintkit.model.datacache``: written
    atomically, checked on reading) in ``directory`` (default: this user's
    data cache folder, ``cache_dir()``) under a file named after ``name``
    and a hash of ``key``.  ``key`` must change whenever the data ``build``
    reads changes (put a package's version, a source file's path, size and
    mtime in it).  An unreadable or corrupt cache is rebuilt; an unwritable
    folder only costs the rebuild next time."""
    folder = None if directory is None else os.fspath(directory)
    return datacache.cached(f"lintkit.{name}", key, build, folder=folder)


def _dictionary_path(tk) -> str:
    if tk.dictionary:
        return tk.dictionary
    jieba = import_jieba()
    return os.path.join(os.path.dirname(os.path.abspath(jieba.__file__)), "dict.txt")


# Bumped when the tables of _dictionary_tables change.
_DICTIONARY_FORMAT = 1
_ASCII_SPACE = " \t\n\r\x0b\x0c"  # what bytes.strip() strips, as jieba strips its lines


def _dictionary_tables(tk) -> dict | None:
    """jieba's dictionary (``tk``'s: the default one or the one set with
    ``jieba.set_dictionary``) read once into lintkit's cache, keyed on
    jieba's version and the file's path, size and mtime: ``total`` (jieba's
    ``Tokenizer.total``), ``freq`` (``Tokenizer.FREQ`` — each word's
    frequency, 0 for a prefix that is no word — by first character, each
    bucket a marshalled dict) and ``nametags`` (see ``_name_tag_table``).
    ``None`` for a dictionary this reading does not accept (jieba's own
    ``initialize`` then reads it, and reports what is wrong)."""
    key, version = _dictionary_key(tk)
    if key is None:
        return None
    if key in _TABLES:
        return _TABLES[key]

    def valid(t) -> bool:
        return (
            isinstance(t, dict)
            and isinstance(t.get("total"), int)
            and isinstance(t.get("freq"), dict)
            and isinstance(t.get("nametags"), dict)
        )

    # built by this process: its buckets as dicts; loaded: as marshalled bytes
    _TABLES[key] = datacache.cached(
        "lintkit.jieba-dictionary", key, lambda: _read_dictionary(tk), valid, label=f"jieba{version}", prepare=_prepare
    )
    return _TABLES[key]


_TABLES: dict[str, dict | None] = {}


def _dictionary_key(tk) -> tuple[str | None, str]:
    """(the cache key of ``tk``'s dictionary file — jieba's version, the
    file's path, size and mtime — or None when it cannot be read, jieba's
    version)."""
    jieba = import_jieba()
    path = _dictionary_path(tk)
    version = getattr(jieba, "__version__", "")
    try:
        st = os.stat(path)
    except OSError:
        return None, version
    return (
        f"jieba-dictionary|{_DICTIONARY_FORMAT}|{version}|{os.path.abspath(path)}|{st.st_size}|{st.st_mtime_ns}",
        version,
    )


def _prepare(tables):
    """Each bucket marshalled, so that a later process loads only the ones it uses."""
    return dict(tables, freq={first: marshal.dumps(bucket) for first, bucket in tables["freq"].items()})


def prefetch_dictionary() -> None:
    """Read jieba's default dictionary into lintkit's cache in the background
    when no cache holds it yet (``datacache.prefetch``): a user's first run."""
    tk = import_jieba().dt
    key, version = _dictionary_key(tk)
    if key is not None:
        datacache.prefetch(
            "lintkit.jieba-dictionary", key, lambda: _read_dictionary(tk), label=f"jieba{version}", prepare=_prepare
        )


def _read_dictionary(tk) -> dict | None:
    """One pass over jieba's dictionary file: what ``jieba.Tokenizer.gen_pfdict``
    computes (the same words, frequencies, prefixes and total), bucketed by
    first character, and the name-tagged entries."""
    try:
        fh = tk.get_dict_file()
        try:
            text = fh.read().decode("utf-8")
        finally:
            fh.close()
        lines = text.split("\n")
        if lines and lines[-1] == "":
            lines.pop()
        # every line stripped, as jieba strips them: ~9 ms (str.strip returns
        # the line itself when there is nothing to strip), where a regex
        # search for a line that needs it took ~45 ms over 5 MB
        lines = list(map(str.strip, lines, itertools.repeat(_ASCII_SPACE)))
        buckets: dict[str, dict[str, int]] = {}
        tags: dict[str, list[str]] = {}
        total = 0
        get = buckets.get
        # jieba's dictionary lists a character's words together: the bucket
        # is looked up again only when the first character changes
        last: str | None = None
        bucket: dict[str, int] = {}
        for line in lines:
            parts = line.split(" ")
            word = parts[0]
            freq = int(parts[1])  # IndexError or ValueError: jieba's initialize reports it
            total += freq
            first = word[:1]
            if first != last:
                found = get(first)
                if found is None:
                    found = buckets[first] = {}
                bucket, last = found, first
            bucket[word] = freq
            n = len(word)
            if n > 1:  # its prefixes, 0 unless words themselves (most words have 2 or 3 characters)
                if first not in bucket:
                    bucket[first] = 0
                if n > 2:
                    prefix = word[:2]
                    if prefix not in bucket:
                        bucket[prefix] = 0
                    if n > 3:
                        for k in range(3, n):
                            prefix = word[:k]
                            if prefix not in bucket:
                                bucket[prefix] = 0
            if len(parts) == 3 and parts[2][:2] == "nr" and word:
                tags.setdefault(first, []).append(f"{word}:{parts[2]}")
    except (OSError, ValueError, IndexError):
        return None
    return {
        "total": total,
        "freq": buckets,
        "nametags": {k: "\n" + "\n".join(v) + "\n" for k, v in tags.items()},
    }


@functools.cache
def _name_tag_table() -> dict[str, str]:
    """The ``nr*`` entries of jieba's dictionary, bucketed by first
    character: each bucket one string of newline-separated ``word:tag``
    lines, with a newline at both ends.  ~80 000 entries stored as ~1 700
    strings load in a few milliseconds; a dict of every entry would cost
    as much as jieba's own cache.  Read with the rest of the dictionary
    (``_dictionary_tables``)."""
    tk = jieba_tokenizer()
    tables = _dictionary_tables(tk)
    return tables["nametags"] if tables is not None else {}


def name_tag(word: str) -> str | None:
    """jieba's tag for ``word`` as far as names go, without ``jieba.posseg``:
    its ``nr`` tag (``nr``, ``nrt``, ``nrfg``) when jieba's dictionary or a
    user dictionary entry tags it as a person name; ``""`` for any other
    word jieba knows; ``None`` for a word its dictionary lacks."""
    tk = jieba_tokenizer()
    tag = tk.user_word_tag_tab.get(word)
    if tag is None:
        # jieba.posseg, once used, moves the user tags into its own table
        posseg = sys.modules.get("jieba.posseg")
        dt = getattr(posseg, "dt", None) if posseg else None
        if dt is not None and getattr(dt, "tokenizer", None) is tk:
            tag = getattr(dt, "word_tag_tab", {}).get(word)
    if tag is None:
        bucket = _name_tag_table().get(word[:1])
        if bucket:
            i = bucket.find("\n" + word + ":")
            if i >= 0:
                j = i + len(word) + 2
                tag = bucket[j : bucket.index("\n", j)]
    if tag is not None:
        return tag if tag.startswith("nr") else ""
    return "" if tk.FREQ.get(word) else None


# -- the dictionary route -----------------------------------------------------


def dictionary_route(sentence: str, tk=None) -> list[str]:
    """The steps of jieba's dictionary route through ``sentence`` (a run of
    text jieba cuts on its own), in order: each a word of the dictionary
    or a single character — what jieba's ``get_DAG`` (the words starting
    at each character) and ``calc`` (the most probable path through them)
    give, walked from the start.  The same computation, in the same
    arithmetic (``log(freq) - log(total) + score of the rest``) and with
    the same tie-break (the longer word), over the same tokenizer state;
    but in one pass from the end, reading the prefix dictionary with
    ``dict.get`` in the buckets of the run's characters (``_LazyFreq.bucket``),
    where jieba looks every prefix up twice through ``_LazyFreq``'s Python
    methods (about half of its time).  ``tk``: a jieba ``Tokenizer``, by
    default the process-wide one (``jieba_tokenizer``)."""
    if tk is None:
        tk = jieba_tokenizer()
    tk.check_initialized()  # as get_DAG does: a dictionary set meanwhile is loaded
    freq = tk.FREQ
    if not isinstance(freq, dict):  # pragma: no cover - jieba's FREQ is a dict
        return _jieba_route(tk, sentence)
    # the dict to look up the words starting with each character in (see _LazyFreq.bucket)
    table = None
    if isinstance(freq, _LazyFreq) and freq._buckets:
        table = {ch: freq.bucket(ch) for ch in set(sentence)}
    get = dict.get
    log = math.log
    logtotal = log(tk.total)
    n = len(sentence)
    score = [0.0] * (n + 1)
    end = [0] * n
    for k in range(n - 1, -1, -1):
        # jieba: max((log(FREQ.get(word) or 1) - logtotal + route[x + 1][0], x) for x in DAG[k])
        best = -logtotal + score[k + 1]  # the character alone (DAG [k], frequency 0 or none: 1)
        best_end = k
        found = False
        i = k
        frag = sentence[k]
        words = table[frag] if table is not None else freq
        while i < n:
            f = get(words, frag)
            if f is None:
                break
            if f:
                s = log(f) - logtotal + score[i + 1]
                if not found or s >= best:  # equal: the later end, as max() of (score, end) takes
                    best, best_end, found = s, i, True
            i += 1
            frag = sentence[k : i + 1]
        score[k] = best
        end[k] = best_end
    steps: list[str] = []
    x = 0
    while x < n:
        y = end[x] + 1
        steps.append(sentence[x:y])
        x = y
    return steps


def _jieba_route(tk, sentence: str) -> list[str]:
    """``dictionary_route`` by jieba's own ``get_DAG`` and ``calc``."""
    dag = tk.get_DAG(sentence)
    route: dict = {}
    tk.calc(sentence, dag, route)
    steps: list[str] = []
    x, n = 0, len(sentence)
    while x < n:
        y = route[x][1] + 1
        steps.append(sentence[x:y])
        x = y
    return steps
