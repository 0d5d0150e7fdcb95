"""Chinese word segmentation with jieba, loaded once per process.

jieba costs ~1 s to load and segment a 300 KB issue, and part-of-speech
tagging more than twice that, so: nothing is imported until a rule asks;
whole-document segmentation uses the cheap ``tokenize`` pass; and POS tags
are computed per block, only for the blocks a rule asks about.

Cheaper still, for rules that only need to know whether a word is a person
name: ``name_tag(word)``, ``block_tokens(doc, block_index)`` (posseg's words
for a block, with posseg's ``nr`` tags) and ``chunk_tokens(doc,
block_index, offset)`` (the same, for the run of text around one place).
(``span_tokens`` and ``cut_tokens`` give the part of that run a question
needs: jieba's POS HMM, the costly part, runs only on the stretches of
the dictionary's route that can change the answer.)  They never
import ``jieba.posseg`` (whose import alone loads jieba's 350 000-entry
word-tag table, ~0.5 s): the name-tagged entries of jieba's dictionary are
read once, then cached on disk with the rest of the dictionary.

jieba's dictionary itself is not loaded whole: ``jieba.initialize`` takes
~0.8 s to load its 500 000-entry cache (and as long to build it), where
the names analysis of a 300 KB issue looks up words starting with some
thousand characters.  lintkit reads the dictionary once into its own cache
(``lintkit.model.datacache``, in this user's cache folder, keyed on jieba's
version and the file's path, size and mtime), bucketed by first character,
and gives jieba a prefix dictionary that loads a bucket when a word
starting with its character is first looked up (``_LazyFreq``): the same
words, frequencies and total, so the same cuts, in ~20 ms plus the buckets
used.  The dictionary route of a run of text (jieba's ``get_DAG`` and
``calc``) is ``jieba_dictionary.dictionary_route``: jieba's computation,
reading those buckets as plain dicts, in half jieba's time.

(rjieba, jieba's algorithms in Rust, was tried in their place: its route is
jieba's, but loading its own copy of the dictionary costs what the route
saves on a 300 KB issue, and its part-of-speech tags are not posseg's —
other words tagged ``nr`` — which lost planted name slips.)
"""

from __future__ import annotations

import bisect
import functools
import os
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..model.document import offer
from ..model.language import EN
from .jieba_dictionary import (  # noqa: F401  # the private three: tests/test_datacache.py
    _TABLES,
    _dictionary_tables,
    _LazyFreq,
    cache_dir,
    dictionary_route,
    disk_cache,
    import_jieba,
    jieba_tokenizer,
    name_tag,
)

if TYPE_CHECKING:  # pragma: no cover
    from ..model.document import Document

__all__ = [
    "Token",
    "tokens",
    "pos_tags",
    "block_tokens",
    "chunk_tokens",
    "span_tokens",
    "cut_tokens",
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
def _posseg():
    tokenizer = jieba_tokenizer()  # (first: it imports jieba, see import_jieba)
    import jieba.posseg

    # Importing jieba.posseg already built a tagger over the default
    # tokenizer (loading its 350 000-entry tag table, ~0.5 s); reuse it
    # rather than load the table a second time.
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
        _merge(tk, text)
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
        posseg = _posseg()
        _merge(posseg.tokenizer, text)
        for pair in posseg.cut(text):
            out.append(Token(pair.word, offset, offset + len(pair.word), pair.flag))
            offset += len(pair.word)
        cache[block_index] = out
    return cache[block_index]


# doc.tokens and doc.pos_tags(i): the document model cannot import this module
offer("tokens", tokens)
offer("pos_tags", pos_tags)


def _pos_cache(doc: "Document") -> dict[int, list[Token]]:
    return {}


def _merge(tk, text: str) -> None:
    """Before jieba's own cut of ``text``: its dictionary's buckets for
    ``text`` merged (``_LazyFreq.merge``), which jieba's lookups find fastest."""
    if type(tk.FREQ) is _LazyFreq:
        tk.FREQ.merge(text)


class _NameTagger:
    """``jieba.posseg``'s cut, rebuilt over the process-wide tokenizer
    without its word-tag table: the same words (the dictionary's route,
    ``dictionary_route``; jieba's POS HMM for runs of characters the
    dictionary lacks), and
    for each word a tag that starts with ``nr`` exactly when posseg's would.
    Tags other than names are posseg's where they cost nothing (the HMM's,
    ``m``, ``eng``, ``x``), else ``""`` (a dictionary word that is not a
    name).  The HMM tables (~30 ms) are loaded from jieba's files without
    importing ``jieba.posseg`` (whose import loads the whole tag table)."""

    def __init__(self):
        import re

        jieba = import_jieba()
        folder = os.path.join(os.path.dirname(os.path.abspath(jieba.__file__)), "posseg")
        mods = {
            n: _load_module(folder, n) for n in ("viterbi", "char_state_tab", "prob_start", "prob_trans", "prob_emit")
        }
        self.jieba_viterbi = mods["viterbi"].viterbi
        self.tables = (mods["char_state_tab"].P, mods["prob_start"].P, mods["prob_trans"].P, mods["prob_emit"].P)
        self.tk = jieba_tokenizer()
        # the patterns of jieba.posseg, verbatim
        self.re_han_detail = re.compile("([\u4e00-\u9fd5]+)")
        self.re_skip_detail = re.compile("([\\.0-9]+|[a-zA-Z0-9]+)")
        self.re_han_internal = re.compile("([\u4e00-\u9fd5a-zA-Z0-9+#&\\._]+)")
        self.chunk_char = re.compile("[\u4e00-\u9fd5a-zA-Z0-9+#&\\._]")
        self.re_skip_internal = re.compile("(\r\n|\\s)")
        self.re_eng = re.compile("[a-zA-Z0-9]+")
        self.re_num = re.compile("[\\.0-9]+")

    def viterbi(self, obs: str, states: dict, start_p: dict, trans_p: dict, emit_p: dict) -> tuple:
        """``jieba.posseg.viterbi.viterbi``, the same result, without the
        work whose result cannot matter: jieba takes the best of every
        previous state for each state, most of them through a transition
        that does not exist (log probability ``-inf``, which never beats
        the finite score of a transition that does: every state it keeps
        is reachable so, and every score in its tables is finite).  Here
        only the existing transitions are tried, in the same arithmetic
        (``(V + trans) + emit``) and with the same tie-break (the greater
        state), so the same path comes out.  Where the tables would make
        that argument fail (no state of the previous step leads anywhere:
        jieba's ``max`` of nothing), jieba's own function runs.

        A character the tables know allows ~10 states, and ~10 states are
        kept at each step: each allowed state asks each kept state for its
        transition (~100 lookups), rather than every kept state walking
        all its transitions (~20 to 80 each) to find the few allowed."""
        all_states = trans_p.keys()
        c0 = obs[0]
        V = {y: start_p[y] + emit_p[y].get(c0, _MIN_FLOAT) for y in states.get(c0, all_states)}
        back: list[dict] = []
        for t in range(1, len(obs)):
            ch = obs[t]
            prev = [(x, V[x], trans_p[x]) for x in V if trans_p[x]]
            if not prev:
                return self.jieba_viterbi(obs, states, start_p, trans_p, emit_p)
            W: dict = {}
            came: dict = {}
            allowed = states.get(ch)
            if allowed is not None:
                # the allowed states some kept state leads to (jieba's
                # ``expect`` within the allowed ones), each from its best
                for y in allowed:
                    e = emit_p[y].get(ch, _MIN_FLOAT)
                    best = None
                    for y0, v, nxt in prev:
                        tp = nxt.get(y)
                        if tp is not None:
                            p = v + tp + e
                            if best is None or p > best or (p == best and y0 > came[y]):
                                best = p
                                came[y] = y0
                    if best is not None:
                        W[y] = best
            if not W:  # an unknown character, or none of its states reachable: every state reachable
                expect: set = set()
                for _, _, nxt in prev:
                    expect.update(nxt)
                emit = {y: emit_p[y].get(ch, _MIN_FLOAT) for y in expect}
                for y0, v, nxt in prev:
                    for y, tp in nxt.items():
                        e = emit.get(y)
                        if e is not None:
                            p = v + tp + e
                            best = W.get(y)
                            if best is None or p > best or (p == best and y0 > came[y]):
                                W[y] = p
                                came[y] = y0
            V = W
            back.append(came)
        prob, state = max((p, y) for y, p in V.items())
        route = [state] * len(obs)
        for i in range(len(obs) - 1, 0, -1):
            state = back[i - 1][state]
            route[i - 1] = state
        return prob, route

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
        buf = ""
        for word in dictionary_route(sentence):
            if len(word) == 1:
                buf += word
            else:
                if buf:
                    yield from self._flush(buf)
                    buf = ""
                yield word, self.tag(word)
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
    if spec is None or spec.loader is None:  # a .py path always has both
        raise ImportError(f"cannot load {name}.py from {folder}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_MIN_FLOAT = -3.14e100  # jieba.posseg.viterbi.MIN_FLOAT: an emission the tables lack


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
    run = _run_around(doc, block_index, offset)
    if run is None:
        return []
    s, e = run
    cache = doc.analysis(_chunk_token_cache)
    if (s, e) not in cache:
        whole = doc.analysis(_block_token_cache).get(block_index)
        if whole is not None:
            cache[(s, e)] = [t for t in whole if s <= t.start and t.end <= e]
        else:
            cache[(s, e)] = _chunk_at(doc, s, e).tokens(s, e)
    return cache[(s, e)]


def _run_around(doc: "Document", block_index: int, offset: int) -> tuple[int, int] | None:
    """The run jieba cuts on its own (Han characters, ASCII letters and
    digits) around ``offset`` in its block, or None outside any."""
    block = doc.blocks[block_index]
    text = doc.text
    inside = _name_tagger().chunk_char.match
    if not (block.start <= offset < block.end) or not inside(text[offset]):
        return None
    s, e = offset, offset + 1
    while s > block.start and inside(text[s - 1]):
        s -= 1
    while e < block.end and inside(text[e]):
        e += 1
    return s, e


def _chunk_token_cache(doc: "Document") -> dict[tuple[int, int], list[Token]]:
    return {}


def span_tokens(doc: "Document", block_index: int, start: int, end: int) -> list[Token]:
    """The tokens of ``chunk_tokens(doc, block_index, start)`` that overlap
    ``[start, end)`` — and maybe a few more around them, in order, each
    exactly as ``chunk_tokens`` gives it.  A caller must filter by position.

    Cheaper than ``chunk_tokens`` for a question about one place of a long
    run of text: the run's dictionary route is computed whole (jieba's cut
    of a place depends on the whole run), but jieba's POS HMM runs, and
    words are tagged, only for the stretches of the route around
    ``[start, end)`` (``_Chunk``): a stretch of single characters is cut by
    the HMM on its own, so its tokens do not depend on the others."""
    run = _run_around(doc, block_index, start)
    if run is None:
        return []
    s, e = run
    done = doc.analysis(_chunk_token_cache).get((s, e))
    if done is not None:
        return done
    whole = doc.analysis(_block_token_cache).get(block_index)
    if whole is not None:
        return chunk_tokens(doc, block_index, start)
    return _chunk_at(doc, s, e).tokens(start, max(start + 1, min(end, e)))


def cut_tokens(doc: "Document", block_index: int, start: int, end: int, most: int) -> list[Token]:
    """The tokens of ``chunk_tokens(doc, block_index, start)`` that overlap
    ``[start, end)``, in order, when jieba's cut may have token edges at
    both ``start`` and ``end`` with at most ``most`` tokens between them;
    else ``[]``.  Decided first from the dictionary route alone (a word of
    the route crossing either edge, the run ending before ``end``, or more
    than ``most`` segments of the route between the edges: each segment is
    one token or more), so that jieba's POS HMM runs only where its cut can
    still give such tokens (see ``_Chunk``)."""
    block = doc.blocks[block_index]
    text = doc.text
    inside = _name_tagger().chunk_char.match
    if not (block.start <= start < block.end) or not inside(text[start]):
        return []
    s, e = start, start + 1
    while s > block.start and inside(text[s - 1]):
        s -= 1
    while e < block.end and inside(text[e]):
        e += 1
    if end > e:
        return []  # the run, and so its last token, ends before ``end``
    done = doc.analysis(_chunk_token_cache).get((s, e))
    if done is None and doc.analysis(_block_token_cache).get(block_index) is not None:
        done = chunk_tokens(doc, block_index, start)
    if done is not None:
        return [t for t in done if t.start < end and t.end > start]
    chunk = _chunk_at(doc, s, e)
    first, last = chunk.segments(start, end)
    if last - first > most:
        return []
    starts, ends, stretch, lo, hi = chunk.starts, chunk.ends, chunk.stretch, start - s, end - s
    if not stretch[first] and starts[first] != lo or not stretch[last - 1] and ends[last - 1] != hi:
        return []  # a word of the route crosses an edge: so does its token
    return [t for i in range(first, last) for t in chunk._part(i) if t.start < end and t.end > start]


def _chunk_at(doc: "Document", s: int, e: int) -> "_Chunk":
    chunks = doc.analysis(_chunk_cache)
    chunk = chunks.get((s, e))
    if chunk is None:
        chunk = chunks[(s, e)] = _Chunk(_name_tagger(), doc.text[s:e], s, doc.analysis(_stretch_cache))
    return chunk


def _chunk_cache(doc: "Document") -> dict[tuple[int, int], "_Chunk"]:
    return {}


def _stretch_cache(doc: "Document") -> dict[str, list[tuple[str, str]]]:
    """A stretch of single characters (its text) -> ``_NameTagger._flush``'s
    words and tags for it: the same stretch recurs in a document (a name,
    a phrase), and its HMM cut depends on its text alone."""
    return {}


class _Chunk:
    """``_NameTagger._dag`` of one run of text, computed piece by piece: the
    route (``dictionary_route``: the dictionary's DAG and the best path
    through it, which depends on the whole run) at once; then the tokens of each *segment* of the
    route — a word of two characters or more (one token, its tag), or a
    maximal stretch of single-character steps (``_NameTagger._flush``: the
    HMM's cut, or one token per character) — only when asked for.  A
    segment's tokens lie within it and depend on its text alone, so the
    tokens of the segments asked for are exactly ``_dag``'s there."""

    __slots__ = ("tagger", "text", "offset", "starts", "ends", "stretch", "parts", "flushed")

    def __init__(self, tagger: _NameTagger, sentence: str, offset: int, flushed: dict[str, list[tuple[str, str]]]):
        self.tagger = tagger
        self.flushed = flushed  # the document's _stretch_cache
        self.text = sentence
        self.offset = offset
        starts: list[int] = []
        ends: list[int] = []
        stretch: list[bool] = []  # a stretch of single characters, not a word
        x, n, buf = 0, len(sentence), -1  # buf: where the stretch of single characters began
        for word in dictionary_route(sentence):
            y = x + len(word)
            if y - x == 1:
                if buf < 0:
                    buf = x
            else:
                if buf >= 0:
                    starts.append(buf)
                    ends.append(x)
                    stretch.append(True)
                    buf = -1
                starts.append(x)
                ends.append(y)
                stretch.append(False)
            x = y
        if buf >= 0:
            starts.append(buf)
            ends.append(n)
            stretch.append(True)
        self.starts = starts
        self.ends = ends
        self.stretch = stretch
        self.parts: list[list[Token] | None] = [None] * len(starts)

    def _part(self, i: int) -> list[Token]:
        part = self.parts[i]
        if part is None:
            a, b = self.starts[i], self.ends[i]
            piece = self.text[a:b]
            pos = self.offset + a
            part = []
            # a word of the route is a segment of two characters or more
            # that _dag yields whole; a stretch of single characters, even
            # of two or more, goes through _flush (see __init__)
            if self.stretch[i]:
                pairs = self.flushed.get(piece)
                if pairs is None:
                    pairs = self.flushed[piece] = list(self.tagger._flush(piece))
            else:
                pairs = [(piece, self.tagger.tag(piece))]
            for word, tag in pairs:
                part.append(Token(word, pos, pos + len(word), tag))
                pos += len(word)
            self.parts[i] = part
        return part

    def segments(self, start: int, end: int) -> tuple[int, int]:
        """``(first, last)``: the segments ``first`` … ``last - 1`` overlap
        ``[start, end)`` (absolute offsets, ``start`` in the run)."""
        lo, hi = start - self.offset, end - self.offset
        first = max(0, bisect.bisect_right(self.starts, lo) - 1)
        return first, bisect.bisect_left(self.starts, hi, first)

    def tokens(self, start: int, end: int) -> list[Token]:
        """The tokens of the segments that overlap ``[start, end)``
        (absolute offsets)."""
        lo, hi = start - self.offset, end - self.offset
        i = max(0, bisect.bisect_right(self.starts, lo) - 1)
        out: list[Token] = []
        n = len(self.starts)
        while i < n and self.starts[i] < hi:
            out.extend(self._part(i))
            i += 1
        return out
