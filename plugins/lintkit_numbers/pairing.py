"""When an English figure and a Chinese one have the same value: rounding to
the precision written, approximations and their anchors, a magnitude off by
a power of ten, the distance between two figures.

Shared by ``numbers.zh-en-mismatch`` (a summary may round, a translation may
not be more precise than its source: :func:`strictly_same`) and by
``numbers.contradiction``; it knows values only, not what they count.
"""

from __future__ import annotations

import math

import regex

from lintkit.analysis.quantities import VAGUE, Quantity, same_value


_NUMERAL = regex.compile(r"\d[\d,]*(?:\.\d+)?")


def _distance(a: Quantity, b: Quantity) -> float:
    if a.kind == "date":
        return abs(((a.month or 0) * 31 + (a.day or 0)) - ((b.month or 0) * 31 + (b.day or 0)))
    if a.kind == "time":
        d = abs((a.value or 0) - (b.value or 0)) % 1440
        return min(d, 1440 - d)
    if a.value and b.value and a.value > 0 and b.value > 0:
        return abs(math.log(a.value / b.value))
    return abs((a.value or 0) - (b.value or 0))


def _summary_same(en: Quantity, q: Quantity) -> bool:
    """A summary may round and approximate, but two approximations in the same
    direction keep their anchor ("surpass 45%" is not 超过40%)."""
    if en.approx and en.kind not in ("date", "time", "year") and not (_fuzzy(en) or _fuzzy(q)):
        return (
            strictly_same(en, q)
            or not q.approx
            and same_value(en, q)
            and en.approx != q.approx
            and _rounds_to(en.value or 0, q.value or 0, en.digits, en.approx)
        )
    return same_value(en, q)


def _magnitude_slip(en: Quantity, q: Quantity) -> bool:
    """The English count is the Chinese one with its 万/亿 misread: the same
    significant digits (at least two: 3.5万 and 3,500), a value off by a
    power of ten, and the Chinese written with a magnitude character."""
    if not (
        en.value
        and q.value
        and en.digits >= 2
        and q.digits >= 2
        and en.high is None
        and q.high is None
        and regex.search(r"[万亿]", q.text)
    ):
        return False
    k = math.log10(q.value / en.value)
    return abs(k - round(k)) < 1e-9 and 1 <= abs(round(k)) <= 4


def _fuzzy(q: Quantity) -> bool:
    """A figure read from a word rather than digits (两成, 一半, 三分之一, "a third",
    "half"): its value is a reading, so the 20% slack of approximations applies."""
    return q.kind == "percent" and not _NUMERAL.search(q.text)


def _rounds_to(en_value: float, zh_value: float, digits: int, approx: str = "") -> bool:
    """The English value is the Chinese one rounded to the English precision
    (down for "over 3,400" of 3467, up for "nearly 3,500")."""
    if math.isclose(en_value, zh_value, rel_tol=1e-9):
        return True
    if not en_value or not zh_value or not digits:
        return False
    step = 10 ** (math.floor(math.log10(abs(en_value))) - digits + 1)
    if approx == "over" and en_value <= zh_value < en_value + step:
        return True
    if approx in ("nearly", "under") and en_value - step < zh_value <= en_value:
        return True
    return abs(round(zh_value / step) * step - en_value) <= step * 1e-6


def strictly_same(en: Quantity, zh: Quantity) -> bool:
    """A translation keeps its source's figure: the same value, or the
    Chinese rounded to the English precision — never an English figure more
    precise than its source (15600吨 is not "15,601 tons"), and an
    approximation keeps its anchor (70多 is "more than 70", not "more than 72")."""
    if en.value is None or zh.value is None:
        return False
    if en.kind == "time" or zh.kind == "time" or _fuzzy(en) or _fuzzy(zh) or VAGUE in (en.approx, zh.approx):
        return same_value(en, zh)
    digits = en.digits if (not zh.digits or en.digits <= zh.digits) else 0
    a = en.approx
    if en.high is None and zh.high is None:
        return _rounds_to(en.value, zh.value, digits, a)
    if en.high is not None and zh.high is not None:
        return _rounds_to(en.value, zh.value, digits, a) and _rounds_to(en.high, zh.high, digits, a)
    if en.high is None and zh.high is not None:  # "three" for 三四个? only an end
        return _rounds_to(en.value, zh.value, digits, a) or _rounds_to(en.value, zh.high, digits, a)
    return False  # an English range for one Chinese figure


def _numeral(q: Quantity) -> float | None:
    m = _NUMERAL.search(q.text)
    return float(m.group().replace(",", "")) if m else None


def _power_of_ten(a: float | None, b: float | None) -> int:
    """k when a = b × 10^k exactly (k ≠ 0), else 0."""
    if not a or not b or a <= 0 or b <= 0:
        return 0
    k = math.log10(a / b)
    return round(k) if abs(k - round(k)) < 1e-9 else 0
