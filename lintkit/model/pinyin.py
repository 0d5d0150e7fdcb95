"""Pinyin readings of characters, surnames and short names.

The readings come from a table of pypinyin's data cached on disk
(``_pinyin_table``, in ``lintkit.model.datacache``), not from pypinyin
itself (~0.35 s to import), with the surname readings that differ from a
character's commonest one.  It is part of the document model because the
model needs it: the alignment anchors a Chinese name on its pinyin in the
English (``alignment_anchors``), and a journal paper's Chinese and English
author lines are paired by the surnames' readings (``article_journal``).
The names analysis, which reads it too (``lintkit.analysis.names``
re-exports it for the plugins), adds the comparisons of names on top
(``lintkit.analysis.name_pinyin``: surnames that sound alike).
"""

from __future__ import annotations

import functools
import os

import regex

from . import datacache
from .pinyin_table import build_pinyin_table

# Surname readings that differ from the commonest reading of the character.
_SURNAME_READINGS = {
    "单": {"shan"},
    "曾": {"zeng"},
    "解": {"xie"},
    "朴": {"piao"},
    "区": {"ou"},
    "仇": {"qiu"},
    "查": {"zha"},
    "盖": {"ge"},
    "缪": {"miao"},
    "翟": {"zhai"},
    "覃": {"qin"},
    "尉迟": {"yuchi"},
    "乐": {"yue", "le"},
    "召": {"shao"},
    "繁": {"po"},
    "纪": {"ji"},
    "员": {"yun"},
    "万俟": {"moqi"},
    "种": {"chong"},
    "秘": {"bi"},
    "朝": {"chao"},
    "长孙": {"zhangsun"},
    "华": {"hua"},
    "任": {"ren"},
    "燕": {"yan"},
    "宿": {"su"},
    "洗": {"xian"},
    "冼": {"xian"},
    "黑": {"he"},
    "重": {"chong"},
}


def _pypinyin_readings(text: str) -> frozenset[str]:
    from pypinyin import Style, pinyin

    out = pinyin(text, style=Style.NORMAL, heteronym=True, errors="ignore", v_to_u=False)
    return frozenset(r.lower() for group in out for r in group)


@functools.cache
def _pinyin_table() -> dict:
    """pypinyin's readings of every character it knows, computed once per
    installed pypinyin and cached on disk (``datacache.cached``): importing
    pypinyin costs ~0.35 s (its phrase dictionary and segmenter), more than
    the names analysis itself.  The table holds ``chars`` (by codepoint
    >> 8, one string of lines "王wang:wang" — the character, its default
    reading, then all its readings), ``syllables`` (every syllable, space
    separated) and ``phrases`` (lines "朝阳zhao yang": two-character
    phrases pypinyin reads otherwise than character by character).  A few
    hundred strings load in a few milliseconds, where a dict of 42 000
    characters would take ~80 ms.  Built by ``pinyin_table.build_pinyin_table``."""

    def valid(table) -> bool:
        return (
            isinstance(table, dict)
            and isinstance(table.get("chars"), dict)
            and isinstance(table.get("syllables"), str)
            and isinstance(table.get("phrases"), str)
        )

    table = datacache.cached("lintkit.pinyin", _table_key(), build_pinyin_table)
    return table if valid(table) else build_pinyin_table()


def _table_key() -> str:
    """What the pinyin table is built from: the installed pypinyin's version
    and the size and time of its data files."""
    import importlib.util

    spec = importlib.util.find_spec("pypinyin")
    folder = os.path.dirname(spec.origin) if spec and spec.origin else ""
    parts = ["v2", _pypinyin_version(folder)]
    for name in ("__init__.py", "pinyin_dict.json", "pinyin_dict.py", "phrases_dict.json", "core.py"):
        try:
            st = os.stat(os.path.join(folder, name))
            parts.append(f"{folder}/{name}|{st.st_size}|{st.st_mtime_ns}")
        except OSError:
            parts.append(name)
    return "|".join(parts)


def prefetch_pinyin_table() -> None:
    """Build the pinyin table in the background when no cache holds it yet
    (``datacache.prefetch``): a user's first run."""
    datacache.prefetch("lintkit.pinyin", _table_key(), build_pinyin_table)


def _pypinyin_version(folder: str) -> str:
    """pypinyin's ``__version__``, read from its ``__init__.py`` (importing
    pypinyin would cost the ~0.35 s the table saves)."""
    try:
        with open(os.path.join(folder, "__init__.py"), encoding="utf-8") as fh:
            m = regex.search(r"""^__version__\s*=\s*['"]([^'"]+)['"]""", fh.read(), regex.M)
        return f"pypinyin {m.group(1)}" if m else "pypinyin ?"
    except OSError:
        return "pypinyin ?"


def _char_entry(char: str) -> tuple[str, frozenset[str]] | None:
    bucket = _pinyin_table()["chars"].get(ord(char) >> 8, "")
    i = bucket.find("\n" + char)
    if i < 0:
        return None
    i += 2
    first, _, rest = bucket[i : bucket.index("\n", i)].partition(":")
    return first, frozenset(rest.split(","))


@functools.cache
def pinyin_readings(char: str) -> frozenset[str]:
    """Toneless pinyin readings of one character (all heteronyms), ü as v
    (pypinyin's, read from the cached table without importing pypinyin)."""
    if len(char) != 1:
        return _pypinyin_readings(char)
    entry = _char_entry(char)
    return entry[1] if entry else frozenset()


def plain_pinyin(text: str) -> str:
    """The default reading of ``text`` joined (北京 beijing, 黑龙江
    heilongjiang) from the cached table: two-character phrases from its
    phrase list, longer text character by character — which agrees with
    pypinyin wherever no phrase in the text reads differently."""
    if len(text) <= 2:
        return "".join(default_pinyin(text))
    entries = [e for c in text if (e := _char_entry(c)) is not None]
    if len(entries) == len(text):  # every character in the table
        return "".join(e[0] for e in entries)
    return "".join(default_pinyin(text))


@functools.cache
def default_pinyin(text: str) -> tuple[str, ...]:
    """pypinyin's ``lazy_pinyin(text, style=NORMAL)`` for a surname or a
    given name of one or two characters, from the cached table (pypinyin is
    imported only for longer text or a character the table lacks)."""
    if 1 <= len(text) <= 2:
        phrases = _pinyin_table()["phrases"]
        i = phrases.find("\n" + text) if len(text) == 2 else -1
        if i >= 0:
            i += 1 + len(text)
            return tuple(phrases[i : phrases.index("\n", i)].split(" "))
        entries = [e for c in text if (e := _char_entry(c)) is not None]
        if len(entries) == len(text):  # every character in the table
            return tuple(e[0] for e in entries)
    from pypinyin import Style, lazy_pinyin

    return tuple(r.lower() for r in lazy_pinyin(text, style=Style.NORMAL))


@functools.cache
def pinyin_syllables() -> frozenset[str]:
    """Every toneless pinyin syllable of pypinyin's dictionary (ü as v)."""
    return frozenset(_pinyin_table()["syllables"].split())


def surname_readings(surname: str) -> frozenset[str]:
    if surname in _SURNAME_READINGS:
        return frozenset(_SURNAME_READINGS[surname])
    if len(surname) == 2:
        return frozenset(a + b for a in pinyin_readings(surname[0]) for b in pinyin_readings(surname[1]))
    return pinyin_readings(surname)
