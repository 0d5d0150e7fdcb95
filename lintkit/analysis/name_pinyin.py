"""Surnames that sound alike: the "fuzzy pinyin" confusions a surname typed
by sound slips along (郑/曾, 林/凌).

The readings themselves are the document model's (``lintkit.model.pinyin``:
the alignment and the journal front matter need them too); comparing names
by them is the names analysis's own, so it stays here.
"""

from __future__ import annotations

import functools

import regex

from ..model.pinyin import pinyin_readings, surname_readings

# The confusions of "fuzzy pinyin" that input methods offer because speakers
# of many dialects do not tell the sounds apart: zh/z, ch/c, sh/s, n/l at the
# start of a syllable, -ng/-n at its end (郑/曾 zheng/zeng, 林/凌 lin/ling,
# 陈/程 chen/cheng).  A surname typed by sound slips along them.
_FUZZY_INITIAL = regex.compile(r"^(?:zh|ch|sh|n)")
_FUZZY_FINAL = regex.compile(r"(?<=n)g$")


def _fuzzy(reading: str) -> str:
    reading = _FUZZY_INITIAL.sub(lambda m: "l" if m.group() == "n" else m.group()[0], reading)
    return _FUZZY_FINAL.sub("", reading)


def surnames_sound_alike(a: str, b: str) -> bool:
    """Do surnames ``a`` and ``b`` sound the same, or apart only by a fuzzy-
    pinyin confusion (郑/曾, 林/凌)?  Readings as a surname and as a plain
    character both count: a slip is typed by the sound the writer hears."""
    ra, fuzzy_a = _surname_sounds(a)
    rb, fuzzy_b = _surname_sounds(b)
    if not ra.isdisjoint(rb):
        return True
    return not fuzzy_a.isdisjoint(fuzzy_b)


@functools.cache
def _surname_sounds(surname: str) -> tuple[frozenset[str], frozenset[str]]:
    """The readings ``surnames_sound_alike`` hears in ``surname`` (as a
    surname, and as a plain character), and their fuzzy forms: a fixed
    property of one or two characters, worked out once per process rather
    than at every comparison (``_variants`` compares a surname with many)."""
    readings = surname_readings(surname) | (pinyin_readings(surname) if len(surname) == 1 else frozenset())
    return readings, frozenset(_fuzzy(r) for r in readings)
