"""The Chinese sentences an English summary sentence speaks of, found by the
place and person names they share in pinyin ("Qinglan" and 青岚).

An English summary condenses a whole article, and aligning its sentences
with the Chinese by length and figures is weak: the figure that changed is
the anchor that is gone.  A pinyin name is an anchor the slip leaves alone:
"In 2024, Qinglan High-tech Zone …" speaks of the Chinese sentences that name
青岚, and if every one of them that gives a year says 2023, the English year
slipped.
"""

from __future__ import annotations

import functools

import regex

from lintkit.analysis.names import pinyin_readings, pinyin_syllables
from lintkit.analysis.quantities import Quantity, quantities
from lintkit.model.sentences import sentences_by_block

__all__ = ["pinyin_words", "english_sentence", "years_about", "year_of", "in_english_range"]

_WORD = regex.compile(r"\b[A-Z][a-z]{3,}\b")
_SENTENCE = regex.compile(r"[^.!?;]*(?:[.!?;]|$)")


def _segment(word: str) -> list[str] | None:
    """``yiyang`` -> ["yi", "yang"]: a split into two to four pinyin syllables
    (the longest syllable first), or ``None``."""
    syl = pinyin_syllables()

    @functools.cache
    def walk(i: int) -> tuple[str, ...] | None:
        if i == len(word):
            return ()
        for j in range(min(len(word), i + 6), i, -1):
            if word[i:j] in syl:
                rest = walk(j)
                if rest is not None:
                    return (word[i:j],) + rest
        return None

    out = walk(0)
    return list(out) if out and 2 <= len(out) <= 4 else None


def pinyin_words(text: str, start: int, end: int) -> list[list[str]]:
    """The capitalised words of ``text[start:end]`` that read as pinyin names
    of two to four syllables, as syllables."""
    out = []
    for m in _WORD.finditer(text, start, end):
        seg = _segment(m.group().lower())
        if seg:
            out.append(seg)
    return out


def _spells(sentence: str, syllables: list[str]) -> bool:
    n = len(syllables)
    for i in range(len(sentence) - n + 1):
        if all(s in pinyin_readings(sentence[i + k]) for k, s in enumerate(syllables)):
            return True
    return False


def english_sentence(text: str, start: int, end: int, at: int) -> tuple[int, int]:
    """The English sentence of ``text[start:end]`` around offset ``at``."""
    for m in _SENTENCE.finditer(text, start, end):
        if m.start() <= at < max(m.end(), m.start() + 1):
            return m.start(), m.end()
    return start, end


def year_of(q: Quantity, text: str = "") -> int | None:
    """The year a Chinese figure states (2025年, 2025年3月, the 2023 of
    2023—2025年), if any."""
    if q.kind == "year" and q.value:
        return int(q.value)
    if q.kind == "date" and q.year and q.year_source == "explicit":
        return q.year
    if q.kind == "count" and q.value and 1900 <= q.value <= 2100 and _RANGE_ON.match(text, q.end):
        return int(q.value)  # the start of a range of years
    return None


_RANGE_ON = regex.compile(r"\s*(?:—{1,2}|–|-|~|～|至|到)\s*(?:19|20)\d{2}\s*年")
# an English year inside a range: from 2023 to 2025, 2023–2025, between 2023 and 2025
_EN_RANGE = regex.compile(r"(?:from|between)\s+$|^\s*(?:–|-|—|to|and|through)\s*\d{4}|\d{4}\s*(?:–|-|—|to)\s*$")


def in_english_range(text: str, start: int, end: int) -> bool:
    return bool(_EN_RANGE.search(text[max(0, start - 12) : start]) or _EN_RANGE.match(text[end : end + 12]))


def years_about(article, names: list[list[str]]) -> list[Quantity]:
    """The years stated in the Chinese sentences of ``article`` that spell one
    of ``names`` (as syllables) in their characters."""
    doc = article.document
    text = doc.text
    qs = doc.analysis(quantities)
    by_block = doc.analysis(sentences_by_block)
    out = []
    for s in (s for b in sorted(set(article.chinese_blocks())) for s in by_block.get(b, ())):
        years = [q for q in qs.get(s.block, ()) if s.start <= q.start < s.end and q.lang == "zh" and year_of(q, text)]
        if not years:
            continue
        sentence = text[s.start : s.end]
        if any(_spells(sentence, n) for n in names):
            out.extend(years)
    return out
