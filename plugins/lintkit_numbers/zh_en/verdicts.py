"""The verdicts: is an English figure supported by the Chinese figures it is
compared with, and if not, which Chinese figures are closest and what the
message says — for a summary (headline, abstract, contents line: rounding
and approximation allowed, :func:`_judge`) and for a translation (strict,
and only where the paragraph has a figure of its kind,
:func:`_judge_translation`).

Kept apart from the rule, which decides which verdict applies to which
English figure and builds the findings.
"""

from __future__ import annotations

import math

import regex

from lintkit.analysis.quantities import VAGUE, Quantity, format_value, same_value

from ..nouns import zh_terms
from ..pairing import (
    _NUMERAL,
    _distance,
    _magnitude_slip,
    _numeral,
    _power_of_ten,
    _summary_same,
    strictly_same,
)
from .counted import _COUNTLIKE, _counts, _counts_other, _head, _ordinal_like, _with_noun


_RELATIVE_YEAR = regex.compile(r"今年|明年|去年|前年|后年|後年|本年|同年|当年|當年|次年|翌年|上年")


_ANNIVERSARY = regex.compile(r"anniversar", regex.I)
_YEAR_S = 365.25 * 86400


def _supports_exactly(en: Quantity, q: Quantity, text: str) -> bool:
    if en.kind == "date":
        return (
            q.kind == "date"
            and (q.month, q.day, q.day_high) == (en.month, en.day, en.day_high)
            and (en.year is None or q.year == en.year and q.year_source == "explicit")
        )
    if en.kind == "year":
        return q.year == en.year
    if en.kind == "time":
        return q.kind == "time" and same_value(en, q)
    if en.kind in _COUNTLIKE:
        terms = zh_terms(en.noun)
        return q.kind in _COUNTLIKE and (not terms or _counts(q, terms, text)) and same_value(en, q)
    return q.kind == en.kind and q.unit == en.unit and same_value(en, q)


def _date_supported(en: Quantity, zh: list[Quantity]) -> tuple[bool, list[Quantity], str]:
    """(supported, conflicting Chinese dates, reason)."""
    dates = [q for q in zh if q.kind == "date"]
    years = {q.year for q in zh if q.kind == "year"}
    if en.day is None:  # "August 2031": a month of a year
        ok = any(q.month == en.month and (q.year is None or en.year is None or q.year == en.year) for q in dates) or (
            en.year in years
        )
        return ok, [], ""
    same_day = [
        q
        for q in dates
        if q.month == en.month and q.day == en.day and (en.day_high is None or q.day_high == en.day_high)
    ]
    if not same_day:
        return False, sorted(dates, key=lambda q: _distance(en, q))[:3], "day"
    if en.year is None or any(q.year is None or q.year == en.year for q in same_day):
        return True, [], ""
    return False, same_day, "year"


def _judge(en: Quantity, zh: list[Quantity], text: str) -> tuple[list[Quantity], str] | None:
    """None when supported; else (closest Chinese figures, message)."""
    if en.kind == "date":
        ok, near, why = _date_supported(en, zh)
        if ok:
            return None
        if why == "year":
            q = near[0]
            how = f"inferred from {q.year_source}" if q.year_source not in ("explicit", "") else "as written"
            return near, (
                f"English date {en.describe()} has year {en.year}, but the Chinese “{q.text}” is in {q.year} ({how})"
            )
        if near:
            return near, (
                f"English date {en.describe()} does not occur in the Chinese article; "
                f"closest Chinese date: {near[0].describe()}"
            )
        return [], f"English date {en.describe()} has no Chinese counterpart"
    if en.kind == "year":
        if any(q.year == en.year for q in zh if q.kind in ("year", "date")) or any(
            q.value == en.value for q in zh if q.kind == "count"
        ):
            return None
        return [], f"English year “{en.text}” does not occur in the Chinese article"
    if en.kind == "time":
        times = [q for q in zh if q.kind == "time"]
        if any(_summary_same(en, q) for q in times):
            return None
        if times:
            # one time of day is seldom mistaken for another three hours off: show the closest only
            near = sorted(times, key=lambda q: _distance(en, q))[:1]
            return near, (
                f"English time “{en.text}” ({format_value(en)}) is not a time the Chinese "
                f"article gives; closest Chinese time: {near[0].describe()}"
            )
        return [], f"English time “{en.text}” ({format_value(en)}) has no Chinese counterpart"

    if en.kind in _COUNTLIKE:
        terms = zh_terms(en.noun)
        counts = [q for q in zh if q.kind in _COUNTLIKE]
        same_thing = [q for q in counts if terms and _counts(q, terms, text)]
        if same_thing:
            if any(_summary_same(en, q) for q in same_thing):
                return None
            # another Chinese count of equal value may still count the same
            # thing under a different word: only a clear conflict is reported
            near = sorted(same_thing, key=lambda q: _distance(en, q))[:3]
            return near, (
                f"English says “{en.text} {_head(en.noun)}” ({format_value(en)}) where the "
                f"Chinese says {_with_noun(near[0], text, terms)}"
            )
        if any(
            _summary_same(en, q)
            for q in zh
            if q.kind in _COUNTLIKE + ("duration", "measure", "year") or q.value is not None and not q.unit
        ):
            return None
        slips = [q for q in counts if _magnitude_slip(en, q) and not (terms and _counts_other(q, text))]
        if slips:
            q = slips[0]
            assert q.value and en.value  # _magnitude_slip takes only figures with values
            factor = q.value / en.value
            how = f"×{factor:,.0f}" if factor > 1 else f"÷{1 / factor:,.0f}"
            return slips[:3], (
                f"English “{en.text}” ({format_value(en)}) looks like the Chinese "
                f"{_with_noun(q, text, terms)} with its magnitude misread "
                f"(the Chinese is {how})"
            )
        return [], f"English “{en.text}” ({format_value(en)}) has no Chinese counterpart"

    same_unit = [q for q in zh if q.kind == en.kind and q.unit == en.unit]
    if en.kind == "duration" and en.value:
        # hours and years are both durations, but not the same quantity
        same_unit = [q for q in same_unit if q.value and 0.1 <= q.value / en.value <= 10]
    if any(_summary_same(en, q) for q in same_unit):
        return None
    # written in another kind: 3万千瓦 for "30 MW" is a measure either way, but
    # a percentage may be given as a count ("3 in 10"): value equality suffices
    if any(_summary_same(en, q) for q in zh if q.unit == en.unit):
        return None
    if en.kind == "percent" and (swapped := _points_swapped(en, zh, _summary_same)):
        return swapped
    if same_unit:
        near = sorted(same_unit, key=lambda q: _distance(en, q))[:3]
        return near, (
            f"English “{en.text}” ({format_value(en)}) is not supported by the Chinese "
            f"article; closest Chinese figure: {near[0].describe()}"
        )
    return [], f"English “{en.text}” ({format_value(en)}) has no Chinese counterpart of that kind"


def _points_swapped(en: Quantity, zh: list[Quantity], same) -> tuple[list[Quantity], str] | None:
    """个百分点 rendered as "%" (or the reverse), which changes the meaning:
    (the Chinese figure, message), or None."""
    other = "pp" if en.unit == "%" else "%"
    swapped = [q for q in zh if q.kind == "percent" and q.unit == other and same(en, q)]
    if not swapped:
        return None
    names = {"%": "per cent", "pp": "percentage points"}
    return swapped[:1], (
        f"English “{en.text}” is in {names[en.unit]}, but the Chinese “{swapped[0].text}” is in {names[other]}"
    )


def _translated(en: Quantity, zh: list[Quantity], text: str) -> bool:
    """Does one of ``zh`` (the paragraph an English one renders) give ``en``?"""
    if en.kind in ("date", "year", "time"):
        return _judge(en, zh, text) is None
    if en.kind in _COUNTLIKE:
        if _ANNIVERSARY.match(en.noun) and any(
            q.kind == "duration" and q.value and math.isclose(q.value / _YEAR_S, en.value or 0, rel_tol=1e-6)
            for q in zh
        ):
            return True  # 10周年 is "the 10th anniversary"
        if en.kind == "ordinal":  # "the 25th summit": 第25次, 二十五届 — not any 25 of the paragraph
            return any(strictly_same(en, q) for q in zh if _ordinal_like(q))
        return any(
            strictly_same(en, q)
            for q in zh
            if q.kind in _COUNTLIKE + ("duration", "measure", "year") or q.value is not None and not q.unit
        )
    return any(q.unit == en.unit and strictly_same(en, q) for q in zh)


def _judge_translation(
    en: Quantity, free: list[Quantity], local: list[Quantity], text: str
) -> tuple[list[Quantity], str] | None:
    """(closest Chinese figures, message) when the paragraph an English one
    renders gives a figure of its kind that it contradicts; None when the
    paragraph has nothing to compare it with (an addition, a paraphrase)."""
    if en.kind in ("date", "time"):
        verdict = _judge(en, free, text)
        return verdict if verdict and verdict[0] else None
    if en.kind == "year":
        zh_text = "".join(text[q.start - 8 if q.start >= 8 else 0 : q.end + 8] for q in local)
        years = [q for q in free if q.kind == "year" or q.kind == "date" and q.year_source == "explicit"]
        if not years or _RELATIVE_YEAR.search(zh_text):
            return None
        near = sorted(years, key=lambda q: abs((q.year or 0) - (en.year or 0)))[:1]
        return near, (f"English year “{en.text}” where the Chinese paragraph it translates says “{near[0].text}”")
    if en.kind in _COUNTLIKE:
        terms = zh_terms(en.noun)
        if en.kind == "ordinal" and _ANNIVERSARY.match(en.noun):
            years = [
                q
                for q in free
                if q.kind == "duration"
                and q.value
                and q.high is None
                and q.value / _YEAR_S == int(q.value / _YEAR_S)
                and q.text.endswith("周年")
            ]
            if years:
                return years[:1], (
                    f"English “{en.text} anniversary” where the Chinese it translates says “{years[0].text}”"
                )
        cands = [
            q
            for q in free
            if (_ordinal_like(q) if en.kind == "ordinal" else q.kind == en.kind)
            and q.value is not None
            and (q.high is None or q.approx == VAGUE)  # a range answers to a range; 数千 to anything
        ]
        if en.noun == "item" or any(q.noun == "item" for q in cands):
            # a list item's number answers only to the Chinese item's number
            cands = [q for q in cands if (q.noun == "item") == (en.noun == "item")]
        same_thing = [q for q in cands if terms and _counts(q, terms, text)]
        if same_thing:
            near = sorted(same_thing, key=lambda q: _distance(en, q))[:1]
            return near, (
                f"English says “{en.text} {_head(en.noun)}” ({format_value(en)}) where the "
                f"Chinese it translates says {_with_noun(near[0], text, terms)}"
            )
        if not _NUMERAL.search(en.text) or en.high is not None:
            return None  # "three", "third parties", "two sides": words a translator adds
        if terms:
            cands = [q for q in cands if not _counts_other(q, text)]
        slips = [q for q in cands if _power_of_ten(q.value, en.value or 0)]
        if slips:
            q = slips[0]
            k = _power_of_ten(q.value, en.value)
            return [q], (
                f"English “{en.text}” ({format_value(en)}) renders the Chinese "
                f"{_with_noun(q, text, terms)} with its magnitude changed "
                f"(the Chinese is ×{10**k:,.0f})"
                if k > 0
                else f"English “{en.text}” ({format_value(en)}) renders the Chinese "
                f"{_with_noun(q, text, terms)} with its magnitude changed "
                f"(the Chinese is ÷{10**-k:,.0f})"
            )
        cands = [q for q in cands if en.value and q.value is not None and 0.1 < q.value / en.value < 10]
        if not cands:
            return None
        near = sorted(cands, key=lambda q: _distance(en, q))[:1]
        return near, (
            f"English “{en.text}” ({format_value(en)}) where the Chinese it translates "
            f"says {_with_noun(near[0], text, terms)}"
        )
    same_kind = [q for q in free if q.kind == en.kind and q.value is not None]
    if en.kind == "percent" and (swapped := _points_swapped(en, local, same_value)):
        return swapped
    n_en = _numeral(en)
    if en.kind in ("money", "duration", "measure") and en.value is not None:  # (only a date has no value)
        # the numeral kept, the unit changed: 30年 → "30 months", 100亿元 → "10 billion dollars"
        for q in same_kind:
            if q.value is None:  # (same_kind holds figures with a value)
                continue
            if (q.unit != en.unit or not math.isclose(q.value, en.value, rel_tol=1e-6)) and (
                q.unit != en.unit
                and en.kind == "money"
                and math.isclose(q.value, en.value, rel_tol=1e-9)
                or en.kind != "money"
                and q.unit == en.unit
                and n_en is not None
                and _numeral(q) == n_en
                and _power_of_ten(q.value, en.value) == 0
            ):
                return [q], (
                    f"English “{en.text}” ({format_value(en)}) keeps the figure of the Chinese "
                    f"{q.describe()} but changes its unit"
                )
    same_unit = [q for q in same_kind if q.unit == en.unit]
    if not same_unit or en.high is not None:
        return None
    slips = [q for q in same_unit if _power_of_ten(q.value, en.value or 0)]
    if slips:
        return slips[:1], (
            f"English “{en.text}” ({format_value(en)}) renders the Chinese "
            f"{slips[0].describe()} with its magnitude changed"
        )
    near = [q for q in same_unit if en.value and q.value and 0.1 < q.value / en.value < 10]
    if not near:
        return None
    near = sorted(near, key=lambda q: _distance(en, q))[:1]
    return near, (f"English “{en.text}” ({format_value(en)}) where the Chinese it translates says {near[0].describe()}")
