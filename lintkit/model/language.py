"""Tag a stretch of text as Chinese, English or mixed.

Counting characters would let one English sentence outweigh a Chinese one
(an English word is ~5 letters, a Chinese word ~2 characters), so we count
Han characters against Latin *words*.
"""

from __future__ import annotations

import re

import regex

__all__ = ["language_of", "HAN", "ZH", "EN", "MIXED", "NONE"]

ZH, EN, MIXED, NONE = "zh", "en", "mixed", ""

HAN = regex.compile(r"\p{Han}")
_HAN_RUN = regex.compile(r"\p{Han}+")
# (the standard ``re``: the same matches for a pattern of ASCII letters,
# found about twice as fast in text that is mostly Han)
_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")


# A block is Chinese (or English) when at least this share of its letters —
# Han characters against Latin words, a word weighing as much as a character
# — is Chinese (or English); in between it is mixed (a Chinese sentence
# quoting an English name is still Chinese, a bilingual caption is not).
DOMINANT_SHARE = 0.7


def language_of(text: str) -> str:
    """Return ``zh``, ``en``, ``mixed``, or ``""`` for text with no letters."""
    # (counted in runs: one string per run, not one per character)
    han = len("".join(_HAN_RUN.findall(text)))
    words = len(_LATIN_WORD.findall(text))
    total = han + words
    if not total:
        return NONE
    if han >= DOMINANT_SHARE * total:
        return ZH
    if words >= DOMINANT_SHARE * total:
        return EN
    return MIXED
