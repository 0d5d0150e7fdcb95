"""Spelling comparisons of names: English pinyin renderings against Chinese
given names (``_given_agrees``, ``_EnglishGivens``), surnames by reading,
edit distance and near spellings, and look-alike characters (形近字).

Pure functions over strings and cached data tables, used by the extractor
to find one-off misspellings and by the names plugins to compare
renderings; they stand alone because they know nothing of documents.
``lintkit.analysis.names`` re-exports the public ones (and ``_near``).
"""

from __future__ import annotations

import functools
from collections import defaultdict

import regex

from ..model.pinyin import pinyin_readings, surname_readings

_EN_PINYIN_NAME = regex.compile(
    r"(?<![\p{L}-])(?P<a>[A-Z][a-z]{0,5}|[A-Z]{2,6})[ \u00a0](?P<b>[A-Z][a-z]+(?:-[a-z]+)?|[A-Z]{2,})(?![\p{L}-])"
)


def _given_agrees(given: str, english: str) -> bool:
    """Does an English given name spell the Chinese one, or miss it by one
    syllable (a two-syllable name with one syllable in place, a one-syllable
    name one letter or two off)?"""
    readings = [pinyin_readings(c) for c in given]
    if not all(readings):
        return False
    if len(given) == 1:
        return any(_near(english, r) for r in readings[0])
    for k in range(1, len(english)):
        a, b = english[:k], english[k:]
        if (a in readings[0]) != (b in readings[1]):  # exactly one in place
            return True
        if a in readings[0] and b in readings[1]:
            return True
    return False


@functools.cache
def _surnames_by_reading(surnames: frozenset[str], compound: frozenset[str]) -> dict[str, tuple[str, ...]]:
    """Each pinyin reading -> the surnames of a vocabulary that read so
    (``surname_readings``): vocabulary data, worked out once per process."""
    out: dict[str, list[str]] = defaultdict(list)
    for surname in list(surnames) + list(compound):
        for r in surname_readings(surname):
            out[r].append(surname)
    return {r: tuple(v) for r, v in out.items()}


class _EnglishGivens:
    """``any(_given_agrees(given, g) for g in givens)`` for the many
    candidates of one document, without trying every candidate against every
    English given name of its surname: a two-character given name agrees
    with ``g`` when a proper prefix of ``g`` reads its first character or a
    proper suffix its second, so the prefixes and suffixes of a surname's
    English given names are collected once, as sets; a one-character given
    name agrees when one of its readings is near some ``g``, which is
    worked out once per surname and reading.  Per document (an
    ``_Extractor._repeated`` run), never across documents."""

    def __init__(self) -> None:
        self._affixes: dict[str, tuple[frozenset[str], frozenset[str]]] = {}
        self._near: dict[tuple[str, str], bool] = {}
        self._distinct: dict[str, list[str]] = {}

    def agrees(self, sur: str, given: str, givens: list[str]) -> bool:
        distinct = self._distinct.get(sur)
        if distinct is None:  # (a name the English text repeats is tried once)
            distinct = self._distinct[sur] = list(dict.fromkeys(givens))
        givens = distinct
        if len(given) == 2:
            first, second = pinyin_readings(given[0]), pinyin_readings(given[1])
            if not first or not second:
                return False
            affixes = self._affixes.get(sur)
            if affixes is None:
                affixes = self._affixes[sur] = (
                    frozenset(g[:k] for g in givens for k in range(1, len(g))),
                    frozenset(g[k:] for g in givens for k in range(1, len(g))),
                )
            return not first.isdisjoint(affixes[0]) or not second.isdisjoint(affixes[1])
        if len(given) == 1:
            near = self._near
            for r in pinyin_readings(given):
                known = near.get((sur, r))
                if known is None:
                    known = near[(sur, r)] = any(_near(g, r) for g in givens)
                if known:
                    return True
            return False
        return any(_given_agrees(given, g) for g in givens)


def edit_distance(a: str, b: str) -> int:
    """Levenshtein distance: insertions, deletions and substitutions."""
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def _near(a: str, b: str) -> bool:
    """``a`` and ``b`` one or two letters apart (yi/ye, kang/kuang)."""
    return abs(len(a) - len(b)) <= 2 and edit_distance(a, b) <= 2


def lookalikes(x: str, y: str) -> bool:
    """Do ``x`` and ``y`` look alike (形近字: 刚/钢, 辉/晖)?  From a maintained
    confusion set (``lintkit/data/lookalikes.txt``, pycorrector's, Apache-2.0),
    not a hand list."""
    groups = _lookalike_groups()
    return bool(groups.get(x, frozenset()) & groups.get(y, frozenset()))


@functools.cache
def _lookalike_groups() -> dict[str, frozenset[int]]:
    from importlib.resources import files

    out: dict[str, set[int]] = defaultdict(set)
    text = files("lintkit").joinpath("data/lookalikes.txt").read_text(encoding="utf-8")
    for n, line in enumerate(text.splitlines()):
        if line.startswith("#"):
            continue
        for ch in line.split("\t"):
            ch = ch.strip()
            if len(ch) == 1:
                out[ch].add(n)
    return {k: frozenset(v) for k, v in out.items()}
