"""Japanese places and bodies named in characters in the Chinese and
romanized in the English of one article, and the romanizations that read
none of them.

Used by ``names.organisation-mismatch``.  A Chinese name is taken as
Japanese only where the text says so: it follows 日本 (日本松本市医疗中心),
and it ends at a generic word of ``lintkit/data/names-japanese.yaml``
(市, 医疗, 中心).  An English word is compared with it only when it reads
as Hepburn romanization, the words after it render one of the name's head
words ("Medical Center" for 中心), and it begins with a reading of the
name's first character: "Matsuyama" for 松本 is that name misread (matsu,
then not moto), while "Chuanxi" or an unrelated English name never links.
Before reporting, the article's Chinese is searched for any run of
characters the English word does read (a second city named elsewhere
without 日本): then it names that one.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from dataclasses import dataclass

import regex

from lintkit.model.language import EN, MIXED, ZH

from .japanese import _long_vowels, is_romanized, readings, reads_as, starts_with_reading, vocabulary

__all__ = ["JapaneseName", "japanese_slips"]

_AFTER_JAPAN = regex.compile(r"日本(?:的)?(\p{Han}{3,16})")
_WORD_THEN = regex.compile(r"\b(?P<w>[A-Z][\p{Ll}'’]{3,})\b(?=(?P<after>(?:[ \t-]+[\p{L}'’]+){1,4}))")
_HAN = regex.compile(r"\p{Han}+")
# particles that end a phrase, not a name (日本传统的乡村)
_NOT_IN_NAMES = frozenset("的之和与及等在是了对为")


@dataclass(frozen=True)
class JapaneseName:
    name: str  # the name in characters, 松本
    heads: frozenset[str]  # the head words after it, {市, 中心}
    start: int  # offset of the name in the document
    phrase: str  # the whole Chinese name, 松本市医疗中心


@functools.cache
def _generic_words() -> tuple[tuple[str, ...], dict[str, tuple[str, ...]]]:
    heads, generic = vocabulary()
    words = tuple(sorted(set(heads) | set(generic), key=len, reverse=True))
    return words, heads


def _heads_after(rest: str) -> tuple[frozenset[str], int]:
    """The head words of the generic words that open ``rest``, and where they end."""
    words, heads = _generic_words()
    found: set[str] = set()
    i = 0
    while i < len(rest):
        w = next((w for w in words if rest.startswith(w, i)), None)
        if w is None:
            break
        if w in heads:
            found.add(w)
        i += len(w)
    return frozenset(found), i


def chinese_names(text: str, start: int, end: int) -> list[JapaneseName]:
    """Japanese names of two to four characters after 日本 in ``text[start:end]``."""
    known = readings()
    out = []
    for m in _AFTER_JAPAN.finditer(text, start, end):
        run = m.group(1)
        for k in range(2, min(4, len(run) - 1) + 1):
            heads, used = _heads_after(run[k:])
            if heads:
                name = run[:k]
                if all(c in known and c not in _NOT_IN_NAMES for c in name) and not _heads_after(name)[1]:
                    out.append(JapaneseName(name, heads, m.start(1), run[: k + used]))
                break
    return out


def _renders(after: str, heads: frozenset[str]) -> bool:
    _, stems = _generic_words()
    words = [w.lower() for w in regex.findall(r"[\p{L}'’]+", after)]
    return any(w.startswith(stems[h]) for h in heads for w in words)


@functools.cache
def _first_forms() -> dict[str, frozenset[str]]:
    """Letters a romanization starts with → the characters one of whose
    readings starts so (the first two letters), for finding what else a
    word may read."""
    index: dict[str, set[str]] = defaultdict(set)
    for ch, rs in readings().items():
        for r in rs:
            for f in _long_vowels(r):  # ookii is also oki-: Osaka
                index[f[:2]].add(ch)
    return {k: frozenset(v) for k, v in index.items()}


class _ChineseIndex:
    """Where each character occurs in an article's Chinese (and where its run
    of characters ends), built once and only when a romanization is about
    to be reported."""

    def __init__(self, text: str, spans: list[tuple[int, int]]):
        self.text = text
        self.at: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for s, e in spans:
            for m in _HAN.finditer(text, s, e):
                for i, c in enumerate(m.group()):
                    self.at[c].append((m.start() + i, m.end()))

    def reads_anything(self, word: str) -> bool:
        """Does ``word`` read some run of two to four characters here?"""
        for ch in _first_forms().get(word.lower()[:2], ()):
            for i, stop in self.at.get(ch, ()):
                if any(reads_as(word, self.text[i : i + k]) for k in range(2, min(4, stop - i) + 1)):
                    return True
        return False


def japanese_slips(doc):
    """(start, end, the Japanese name, a fix or None) for each English
    romanization that misreads the one Japanese name it renders; the fix is
    a romanization of that name the article writes elsewhere."""
    text = doc.text
    for art in doc.articles:
        blocks = [doc.blocks[i] for i in range(art.first_block, art.last_block + 1)]
        zh = [(b.start, b.end) for b in blocks if b.lang in (ZH, MIXED)]
        names = [n for s, e in zh if "日本" in text[s:e] for n in chinese_names(text, s, e)]
        if not names:
            continue
        by_name: dict[str, JapaneseName] = {}
        for n in names:
            by_name.setdefault(n.name, n)
        words = [m for b in blocks if b.lang in (EN, MIXED) for m in _WORD_THEN.finditer(text, b.start, b.end)]
        words = [m for m in words if is_romanized(m["w"])]
        good = {n: [m["w"] for m in words if reads_as(m["w"], n)] for n in by_name}
        index = None
        for m in words:
            w = m["w"]
            if any(w in ws for ws in good.values()):
                continue
            linked = [n for n in by_name.values() if _renders(m["after"], n.heads) and starts_with_reading(w, n.name)]
            if len({n.name for n in linked}) != 1:
                continue
            if index is None:
                index = _ChineseIndex(text, zh)
            if index.reads_anything(w):
                continue  # it reads another name in this article's Chinese
            n = linked[0]
            fix = next(iter(dict.fromkeys(good[n.name])), None)
            yield m.start("w"), m.end("w"), n, fix
