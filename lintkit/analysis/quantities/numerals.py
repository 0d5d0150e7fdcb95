"""Numerals: the value of a figure as written, in Arabic digits, Chinese or English words.

Arabic numerals (``_arabic``, ``_digits_of`` for the significant digits
written), Chinese numerals (``cn_number``, with the fast ``_cn_short`` path
that avoids importing cn2an), the value of an Arabic-or-Chinese numeral
(``_zh_value``) and of English cardinal number words (``_en_word_value``),
and the numeral patterns the readers build on.  Kept apart from the readers
because the clock-time reader and both language readers need them alike.
"""

from __future__ import annotations

import functools

import regex

# --------------------------------------------------------------------------
# small patterns used inside the loops, compiled once (``regex.match(str, ...)``
# looks its pattern up in regex's cache on every call, which costs more than
# the match itself on this many short strings)

_DIGIT = regex.compile(r"\d")

# --------------------------------------------------------------------------
# numerals

_CN_NUMERAL = "零〇一二两三四五六七八九十百千"
_ARABIC = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"


def _digits_of(s: str) -> int:
    s = s.replace(",", "").lstrip("0").replace(".", "")
    return len(s.rstrip("0")) or 1


@functools.lru_cache(maxsize=4096)
def cn_number(s: str) -> float | None:
    """Value of a Chinese numeral (三十一, 两, 十, 二〇三一), or None.

    Memoized: cn2an re-parses its own patterns on every call, and an issue
    repeats the same few numerals hundreds of times.  Short numerals made of
    零〇一二两三四五六七八九十百千 are read by :func:`_cn_short` (cn2an's own
    reading, without importing cn2an, whose import alone costs ~0.1 s)."""
    if not s:
        return None
    if s in ("百", "千"):
        return {"百": 100.0, "千": 1000.0}[s]
    if len(s) <= _CN_SHORT_MAX and _CN_SHORT_CHARS.issuperset(s):
        return _cn_short(s)
    import cn2an  # noqa: PLC0415 (loaded only when a longer numeral occurs)

    try:
        return float(cn2an.cn2an(s, "smart"))
    except Exception:  # noqa: BLE001  # cn2an (untyped) raises ValueError and friends on odd strings
        return None


# cn2an's "smart" reading of a numeral written only with 零〇一二两三四五六七八九十百千
# (no 万/亿, no Arabic digits, no 点/负), restated step by step from cn2an 0.5.x:
# 零十 → 零一十; 千二十 → 千零二十; 百十 → 百一十; then a regular numeral below
# 10 000 (value by place), else a run of digits read one by one (二〇三五 → 2035),
# else the spoken form (三百四 → 340), else not a numeral (None).
# It was checked against cn2an on every string of up to _CN_SHORT_MAX such
# characters (12.2 million of six; tests/test_fast_paths.py repeats the check
# up to four); longer strings still go to cn2an.
_CN_SHORT_MAX = 6
_CN_DIGIT_VALUES = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_CN_UNIT_VALUES = {"十": 10, "百": 100, "千": 1000}
_CN_SHORT_CHARS = frozenset(_CN_DIGIT_VALUES) | frozenset(_CN_UNIT_VALUES)


@functools.cache
def _cn_short_patterns():
    import re  # noqa: PLC0415 (cn2an's own engine, for identical matching)

    n19, zero, digit = "[一二两三四五六七八九]", "[零〇]", "[零〇一二两三四五六七八九]"
    r10_99 = f"{n19}?[十]{n19}?"
    r10_99_one = f"{n19}[十]{n19}?"
    r1_99 = f"(?:{r10_99}|{n19})"
    r100_999 = f"(?:{n19}[百](?:{zero}{n19})?|{n19}[百]{r10_99_one})"
    r1_999 = f"(?:{r100_999}|{r1_99})"
    r1000_9999 = f"(?:{n19}[千](?:{zero}{r1_99})?|{n19}[千]{r100_999})"
    r1_9999 = f"(?:{r1000_9999}|{r1_999})"
    return (
        re.compile(f"^(?:{zero}|{r1_9999})$"),  # a regular numeral
        re.compile(f"([千])({digit}?[十])"),  # 千二十 → 千零二十
        re.compile("([百])([十])"),  # 百十 → 百一十
        re.compile(f"^{digit}+$"),  # digits read one by one
        re.compile(f"^({digit}{{0,2}}[十百千])+{digit}$"),  # spoken: 三百四, 两千三
    )


def _cn_place_value(s: str) -> int:
    """cn2an's value of a numeral by place (units scale the digits after them)."""
    total, unit = 0, 1
    for i, c in enumerate(reversed(s)):
        if c in _CN_DIGIT_VALUES:
            total += _CN_DIGIT_VALUES[c] * unit
        else:
            unit = _CN_UNIT_VALUES[c]
            if i == len(s) - 1:
                total += unit
    return total


def _cn_short(s: str) -> float | None:
    regular, thousand_zero, hundred_one, all_digits, spoken = _cn_short_patterns()
    s = s.replace("零十", "零一十").replace("零百", "零一百")
    s = thousand_zero.sub(r"\1零\2", s)
    s = hundred_one.sub(r"\1一\2", s)
    s = s.replace("零十", "零一十")
    m = regular.search(s)
    if m and m.group() == s:
        return float(_cn_place_value(s))
    m = all_digits.search(s)
    if m and m.group() == s:
        value = 0
        for c in s:
            value = value * 10 + _CN_DIGIT_VALUES[c]
        return float(value)
    m = spoken.search(s)
    if len(s) >= 3 and m and m.group() == s:
        lower = {100: "十", 1000: "百"}.get(_CN_UNIT_VALUES[m.groups()[-1][-1]])
        if lower is None:
            return None  # cn2an fails on a spoken form ending in 十
        return float(_cn_place_value(s + lower))
    return None


def _arabic(s: str) -> float:
    return float(s.replace(",", ""))


def _zh_value(num: str) -> float | None:
    if num == "":
        return 1.0  # a bare magnitude: 万吨, 十万卡
    if _DIGIT.match(num):
        return _arabic(num)
    return cn_number(num)


# English number words

_EN_ONES = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_EN_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}


def _en_word_value(w: str) -> float | None:
    w = w.lower().replace("-", " ")
    parts = [p for p in w.split() if p != "and"]
    total, cur = 0.0, 0.0
    for p in parts:
        if p in ("a", "an"):
            cur += 1
        elif p in _EN_ONES:
            cur += _EN_ONES[p]
        elif p in _EN_TENS:
            cur += _EN_TENS[p]
        elif p == "hundred":
            cur = (cur or 1) * 100
        else:
            return None
    return total + cur
