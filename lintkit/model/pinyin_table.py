"""The table of pypinyin's readings that ``lintkit.model.pinyin`` reads,
built from pypinyin's data once per installed pypinyin.

``build_pinyin_table`` is the whole of a user's first-run cost for pinyin
(the table is then cached on disk, ``datacache``), so it is built as
cheaply as pypinyin's data allows.  pypinyin's package import costs
~0.15 s beyond its data (its segmenter, trained over every phrase, its
converter, copies of both dictionaries): ``pypinyin_data`` imports only
the modules that hold the data (``pypinyin.pinyin_dict``,
``pypinyin.phrases_dict``) and the one that strips tones
(``pypinyin.style._utils``, what the ``NORMAL`` style calls), without
running ``pypinyin/__init__.py`` (``_without_package_init``).  The table
is then built by columns where it can (each distinct reading string
converted once; the characters grouped by C-level calls).  Together
~0.17 s instead of ~0.25 s, most of it pypinyin's ``json.loads`` of its
phrases.
"""

from __future__ import annotations

import importlib
import importlib.util
import itertools
import operator
import os
import sys
import types
from typing import Callable

__all__ = ["build_pinyin_table", "pypinyin_data"]


def pypinyin_data() -> tuple[dict, dict, Callable[[str], str]]:
    """pypinyin's ``PINYIN_DICT`` (codepoint -> "zhōng,zhòng"),
    ``PHRASES_DICT`` (phrase -> [["zhōng"], ["guó"]]) and the function its
    ``NORMAL`` style applies to a toned reading (tone marks removed).  Read
    from pypinyin's data modules alone when pypinyin is not imported yet
    (``_without_package_init``), else from pypinyin itself — also when its
    modules are not laid out as expected."""
    if "pypinyin" not in sys.modules:
        try:
            mods = _without_package_init(
                "pypinyin", ("pypinyin.pinyin_dict", "pypinyin.phrases_dict", "pypinyin.style._utils")
            )
            chars = mods[0].pinyin_dict
            # pypinyin.constants reads no phrases when this is set
            phrases = {} if os.environ.get("PYPINYIN_NO_PHRASES") else mods[1].phrases_dict
            to_normal = mods[2].replace_symbol_to_no_symbol
            if isinstance(chars, dict) and isinstance(phrases, dict) and callable(to_normal):
                return chars, phrases, to_normal
        except Exception:  # noqa: BLE001, S110 - any surprise: pypinyin's own import below
            pass
    from pypinyin import Style
    from pypinyin.constants import PHRASES_DICT, PINYIN_DICT
    from pypinyin.style import convert

    return PINYIN_DICT, PHRASES_DICT, lambda toned: convert(toned, Style.NORMAL, True, default=toned)


def _without_package_init(package: str, modules) -> list[types.ModuleType]:
    """``modules`` of ``package`` imported without running the package's
    ``__init__.py``: a bare module with the package's search path stands in
    for the package meanwhile.  Afterwards every module imported under it
    is taken out of ``sys.modules`` again, so a later ``import package``
    (lintkit imports pypinyin itself for text its table lacks) runs the
    real one from the start."""
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise ImportError(package)
    stub = types.ModuleType(package)
    stub.__path__ = list(spec.submodule_search_locations)
    before = set(sys.modules)
    sys.modules[package] = stub
    try:
        return [importlib.import_module(name) for name in modules]
    finally:
        for name in set(sys.modules) - before:
            if name == package or name.startswith(package + "."):
                del sys.modules[name]


def build_pinyin_table() -> dict:
    """The table of ``lintkit.model.pinyin._pinyin_table`` from pypinyin's
    data: ``chars`` (codepoint >> 8 -> "\\n王wang:wang\\n..." — each
    character, its default reading, all its readings), ``syllables`` and
    ``phrases`` ("\\n朝阳zhao yang\\n...": the two-character phrases
    pypinyin reads otherwise than character by character).  Each distinct
    toned reading is converted once by pypinyin's own converter, as
    ``pinyin``/``lazy_pinyin`` convert every reading of a character or of a
    phrase (the test suite checks the table against pypinyin itself)."""
    pinyin_dict, phrases_dict, to_normal = pypinyin_data()
    plain: dict[str, str] = {}

    def normal(toned: str) -> str:
        r = plain.get(toned)
        if r is None:
            r = plain[toned] = to_normal(toned).lower()
        return r

    # a character's readings as "first:all" and its default reading, once
    # per distinct reading string (~8 600 of them for 42 000 characters)
    entries: dict[str, str | None] = {}
    firsts: dict[str, str] = {}
    syllables: set[str] = set()
    for toned in set(pinyin_dict.values()):
        readings = frozenset(r for r in map(normal, toned.split(",")) if r)
        syllables |= {r for r in readings if r.isascii() and r.isalpha()}
        firsts[toned] = normal(toned.split(",")[0])
        entries[toned] = f"{firsts[toned]}:{','.join(sorted(readings))}" if readings else None
    codepoints = sorted(pinyin_dict)
    toneds = list(map(pinyin_dict.__getitem__, codepoints))
    known = list(map(entries.__getitem__, toneds))  # None: no reading
    codepoints = list(itertools.compress(codepoints, known))
    toneds = list(itertools.compress(toneds, known))
    chars = list(map(chr, codepoints))
    lines = map(operator.add, chars, map(entries.__getitem__, toneds))
    buckets = {
        key: "\n" + "\n".join(map(operator.itemgetter(1), group)) + "\n"
        for key, group in itertools.groupby(
            zip(map(operator.rshift, codepoints, itertools.repeat(8)), lines), key=operator.itemgetter(0)
        )
    }
    defaults = dict(zip(chars, map(firsts.__getitem__, toneds)))
    # two-character phrases that pypinyin reads otherwise than
    # character by character (a given name such as 朝阳)
    phrases = []
    for phrase in sorted(p for p in phrases_dict if len(p) == 2):
        a, b = phrase
        if a not in defaults or b not in defaults:
            continue
        items = phrases_dict[phrase]
        if len(items) == 2:  # most phrases, read character by character: no list built
            ra, rb = normal(items[0][0]), normal(items[1][0])
            if ra and rb and ra == defaults[a] and rb == defaults[b]:
                continue
        read = [r for r in (normal(item[0]) for item in items) if r]
        if read != [defaults[a], defaults[b]]:
            phrases.append(phrase + " ".join(read))
    return {
        "chars": buckets,
        "syllables": " ".join(sorted(syllables)),
        "phrases": "\n" + "\n".join(phrases) + "\n",
    }
