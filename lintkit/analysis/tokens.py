"""Chinese word segmentation with jieba, loaded once per process.

jieba costs ~1 s to load and segment a 300 KB issue, and part-of-speech
tagging more than twice that, so: nothing is imported until a rule asks;
whole-document segmentation uses the cheap ``tokenize`` pass; and POS tags
are computed per block, only for the blocks a rule asks about.

Cheaper still, for rules that only need to know whether a word is a person
name: ``name_tag(word)``, ``block_tokens(doc, block_index)`` (posseg's words
for a block, with posseg's ``nr`` tags) and ``chunk_tokens(doc,
block_index, offset)`` (the same, for the run of text around one place).
They never
import ``jieba.posseg`` (whose import alone loads jieba's 350 000-entry
word-tag table, ~0.5 s): the name-tagged entries of jieba's dictionary are
read once, then cached on disk with ``marshal`` next to jieba's own cache
(``disk_cache``), keyed on the dictionary file's path, size and mtime.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import marshal
import os
import sys
import tempfile
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..language import EN

if TYPE_CHECKING:  # pragma: no cover
    from ..document import Document

__all__ = [
    "Token",
    "tokens",
    "pos_tags",
    "block_tokens",
    "chunk_tokens",
    "name_tag",
    "jieba_tokenizer",
    "disk_cache",
    "cache_dir",
]


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int
    pos: str = ""


@functools.cache
def cache_dir() -> str:
    """This user's cache folder for lintkit and jieba: ``$LINTKIT_CACHE_DIR``,
    else ``$XDG_CACHE_HOME/lintkit`` or ``~/.cache/lintkit``; a private folder
    in the temporary folder when none of those can be written.  Never the
    shared temporary folder itself: there another user's cache file cannot be
    replaced (a PermissionError and a cold start on every run) and can be
    planted."""
    candidates = [os.environ.get("LINTKIT_CACHE_DIR", "")]
    xdg = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    candidates.append(os.path.join(xdg, "lintkit"))
    uid = os.getuid() if hasattr(os, "getuid") else os.environ.get("USERNAME", "user")
    candidates.append(os.path.join(tempfile.gettempdir(), f"lintkit-{uid}"))
    for folder in candidates:
        if not folder:
            continue
        try:
            os.makedirs(folder, mode=0o700, exist_ok=True)
            if os.access(folder, os.W_OK):
                return folder
        except OSError:
            continue
    return tempfile.gettempdir()


@functools.cache
def jieba_tokenizer():
    """The process-wide jieba tokenizer; its dictionary cache file is reused
    from this user's cache folder (``cache_dir``)."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.dt.tmp_dir = cache_dir()
    jieba.initialize()
    return jieba.dt


@functools.cache
def _posseg():
    import jieba.posseg

    # Importing jieba.posseg already built a tagger over the default
    # tokenizer (loading its 350 000-entry tag table, ~0.5 s); reuse it
    # rather than load the table a second time.
    tokenizer = jieba_tokenizer()
    if jieba.posseg.dt.tokenizer is tokenizer:
        return jieba.posseg.dt
    return jieba.posseg.POSTokenizer(tokenizer)


def tokens(doc: "Document") -> list[Token]:
    """Segment every Chinese or mixed block (English blocks are skipped)."""
    tk = jieba_tokenizer()
    out: list[Token] = []
    for block in doc.blocks:
        if block.lang == EN:
            continue
        text = doc.text[block.start : block.end]
        for word, s, e in tk.tokenize(text, HMM=True):
            out.append(Token(word, block.start + s, block.start + e))
    return out


def pos_tags(doc: "Document", block_index: int) -> list[Token]:
    """Tokens with jieba part-of-speech tags for one block, cached per block."""
    cache = doc.analysis(_pos_cache)
    if block_index not in cache:
        block = doc.blocks[block_index]
        text = doc.text[block.start : block.end]
        out, offset = [], block.start
        for pair in _posseg().cut(text):
            out.append(Token(pair.word, offset, offset + len(pair.word), pair.flag))
            offset += len(pair.word)
        cache[block_index] = out
    return cache[block_index]


def _pos_cache(doc: "Document") -> dict[int, list[Token]]:
    return {}


# -- name tags without jieba.posseg ------------------------------------------


def disk_cache(name: str, key: str, build, directory: str | None = None):
    """``build()``, cached with ``marshal`` in ``directory`` (default: this
    user's ``cache_dir()``, where jieba keeps its cache too) under a file named
    after ``name`` and a hash of ``key``.  ``key`` must change whenever the
    data ``build`` reads changes (put a source file's path, size and mtime in
    it).  An unreadable or corrupt cache is rebuilt; an unwritable folder
    only costs the rebuild next time."""
    folder = directory or cache_dir()
    digest = hashlib.md5(key.encode("utf-8")).hexdigest()[:16]
    path = os.path.join(folder, f"lintkit.{name}.{digest}.cache")
    try:
        with open(path, "rb") as fh:
            return marshal.load(fh)
    except (OSError, EOFError, ValueError, TypeError):
        pass
    data = build()
    try:
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f"lintkit.{name}.")
        try:
            with os.fdopen(fd, "wb") as fh:
                marshal.dump(data, fh)
            os.replace(tmp, path)
        except BaseException:
            os.unlink(tmp)
            raise
    except OSError:
        pass
    return data


def _dictionary_path(tk) -> str:
    if tk.dictionary:
        return tk.dictionary
    import jieba

    return os.path.join(os.path.dirname(os.path.abspath(jieba.__file__)), "dict.txt")


@functools.cache
def _name_tag_table() -> dict[str, str]:
    """The ``nr*`` entries of jieba's dictionary, bucketed by first
    character: each bucket one string of newline-separated ``word:tag``
    lines, with a newline at both ends.  ~80 000 entries stored as ~1 700
    strings load in a few milliseconds; a dict of every entry would cost
    as much as jieba's own cache."""
    tk = jieba_tokenizer()
    path = _dictionary_path(tk)
    try:
        st = os.stat(path)
        key = f"v1|{os.path.abspath(path)}|{st.st_size}|{st.st_mtime_ns}"
    except OSError:
        key = f"v1|{path}"

    def build() -> dict[str, str]:
        buckets: dict[str, list[str]] = {}
        fh = tk.get_dict_file()
        try:
            for raw in fh:
                parts = raw.strip().decode("utf-8").split(" ")
                if len(parts) == 3 and parts[2].startswith("nr") and parts[0]:
                    buckets.setdefault(parts[0][0], []).append(f"{parts[0]}:{parts[2]}")
        finally:
            fh.close()
        return {k: "\n" + "\n".join(v) + "\n" for k, v in buckets.items()}

    table = disk_cache("nametags", key, build, tk.tmp_dir)
    return table if isinstance(table, dict) else build()


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


class _NameTagger:
    """``jieba.posseg``'s cut, rebuilt over the process-wide tokenizer
    without its word-tag table: the same words (the dictionary's DAG and
    route; jieba's POS HMM for runs of characters the dictionary lacks), and
    for each word a tag that starts with ``nr`` exactly when posseg's would.
    Tags other than names are posseg's where they cost nothing (the HMM's,
    ``m``, ``eng``, ``x``), else ``""`` (a dictionary word that is not a
    name).  The HMM tables (~30 ms) are loaded from jieba's files without
    importing ``jieba.posseg`` (whose import loads the whole tag table)."""

    def __init__(self):
        import re

        import jieba

        folder = os.path.join(os.path.dirname(os.path.abspath(jieba.__file__)), "posseg")
        mods = {n: _load_module(folder, n) for n in ("viterbi", "char_state_tab", "prob_start", "prob_trans", "prob_emit")}
        self.viterbi = mods["viterbi"].viterbi
        self.tables = (mods["char_state_tab"].P, mods["prob_start"].P, mods["prob_trans"].P, mods["prob_emit"].P)
        self.tk = jieba_tokenizer()
        # the patterns of jieba.posseg, verbatim
        self.re_han_detail = re.compile("([\u4E00-\u9FD5]+)")
        self.re_skip_detail = re.compile("([\\.0-9]+|[a-zA-Z0-9]+)")
        self.re_han_internal = re.compile("([\u4E00-\u9FD5a-zA-Z0-9+#&\\._]+)")
        self.chunk_char = re.compile("[\u4E00-\u9FD5a-zA-Z0-9+#&\\._]")
        self.re_skip_internal = re.compile("(\r\n|\\s)")
        self.re_eng = re.compile("[a-zA-Z0-9]+")
        self.re_num = re.compile("[\\.0-9]+")

    def tag(self, word: str) -> str:
        t = name_tag(word)
        return "x" if t is None else t

    def _hmm(self, sentence):
        _, pos_list = self.viterbi(sentence, *self.tables)
        begin = nexti = 0
        for i, char in enumerate(sentence):
            pos = pos_list[i][0]
            if pos == "B":
                begin = i
            elif pos == "E":
                yield sentence[begin : i + 1], pos_list[i][1]
                nexti = i + 1
            elif pos == "S":
                yield char, pos_list[i][1]
                nexti = i + 1
        if nexti < len(sentence):
            yield sentence[nexti:], pos_list[nexti][1]

    def _detail(self, sentence):
        for blk in self.re_han_detail.split(sentence):
            if self.re_han_detail.match(blk):
                yield from self._hmm(blk)
            else:
                for x in self.re_skip_detail.split(blk):
                    if x:
                        yield x, "m" if self.re_num.match(x) else "eng" if self.re_eng.match(x) else "x"

    def _flush(self, buf):
        if len(buf) == 1:
            yield buf, self.tag(buf)
        elif not self.tk.FREQ.get(buf):
            yield from self._detail(buf)
        else:
            for elem in buf:
                yield elem, self.tag(elem)

    def _dag(self, sentence):
        dag = self.tk.get_DAG(sentence)
        route: dict = {}
        self.tk.calc(sentence, dag, route)
        x, buf, n = 0, "", len(sentence)
        while x < n:
            y = route[x][1] + 1
            word = sentence[x:y]
            if y - x == 1:
                buf += word
            else:
                if buf:
                    yield from self._flush(buf)
                    buf = ""
                yield word, self.tag(word)
            x = y
        if buf:
            yield from self._flush(buf)

    def cut(self, sentence):
        for blk in self.re_han_internal.split(sentence):
            if self.re_han_internal.match(blk):
                yield from self._dag(blk)
                continue
            for x in self.re_skip_internal.split(blk):
                if self.re_skip_internal.match(x):
                    yield x, "x"
                    continue
                for xx in x:
                    yield xx, "m" if self.re_num.match(xx) else "eng" if self.re_eng.match(x) else "x"


def _load_module(folder: str, name: str):
    import importlib.util

    spec = importlib.util.spec_from_file_location(f"lintkit._jieba_posseg_{name}", os.path.join(folder, name + ".py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@functools.cache
def _name_tagger() -> _NameTagger:
    return _NameTagger()


def block_tokens(doc: "Document", block_index: int) -> list[Token]:
    """The tokens ``pos_tags`` gives for one block — the same words — with a
    ``pos`` that starts with ``nr`` exactly when ``pos_tags``'s does (other
    tags may be ``""``: see ``_NameTagger``).  For rules that only need to
    know which words jieba reads as person names; about as cheap as
    ``tokenize`` (no ``jieba.posseg`` import, no 350 000-entry tag table).
    Cached per block."""
    cache = doc.analysis(_block_token_cache)
    if block_index not in cache:
        block = doc.blocks[block_index]
        out, offset = [], block.start
        for word, tag in _name_tagger().cut(doc.text[block.start : block.end]):
            out.append(Token(word, offset, offset + len(word), tag))
            offset += len(word)
        cache[block_index] = out
    return cache[block_index]


def _block_token_cache(doc: "Document") -> dict[int, list[Token]]:
    return {}


def chunk_tokens(doc: "Document", block_index: int, offset: int) -> list[Token]:
    """The ``block_tokens`` of the stretch around ``offset`` that jieba.posseg
    cuts on its own (a run of Han characters, ASCII letters and digits
    between punctuation or spaces); ``[]`` when ``offset`` is not in such a
    run.  The same tokens as ``block_tokens`` there, for a fraction of the
    cost when a rule asks about one place of a long paragraph."""
    block = doc.blocks[block_index]
    text = doc.text
    tagger = _name_tagger()
    inside = tagger.chunk_char.match
    if not (block.start <= offset < block.end) or not inside(text[offset]):
        return []
    s, e = offset, offset + 1
    while s > block.start and inside(text[s - 1]):
        s -= 1
    while e < block.end and inside(text[e]):
        e += 1
    cache = doc.analysis(_chunk_token_cache)
    if (s, e) not in cache:
        whole = doc.analysis(_block_token_cache).get(block_index)
        if whole is not None:
            cache[(s, e)] = [t for t in whole if s <= t.start and t.end <= e]
        else:
            out, pos = [], s
            for word, tag in tagger._dag(text[s:e]):
                out.append(Token(word, pos, pos + len(word), tag))
                pos += len(word)
            cache[(s, e)] = out
    return cache[(s, e)]


def _chunk_token_cache(doc: "Document") -> dict[tuple[int, int], list[Token]]:
    return {}
