"""The Chinese reader: every figure of a stretch of Chinese text, as quantities.

``extract_zh`` reads list-item numbers, dates (with or without a year),
numeric dates, clock times, years, Five-Year Plans, fractions (N分之M),
tenths (N成), ages in decades (N旬), halves, 百分之N and then every other
numeral with its approximation, magnitude, unit or classifier and the noun
that follows (``_zh_quantity``), including ranges.  The unit patterns it
matches are rebuilt by ``load_units``, so it reads them from the units module.
"""

from __future__ import annotations

from dataclasses import replace

import regex

from . import units
from .model import ABOUT, NEARLY, OVER, Quantity, _Found
from .numerals import _ARABIC, _CN_NUMERAL, _digits_of, _zh_value, cn_number
from .times import _zh_times
from .vague import zh_vague
from .units import (
    _ZH_APPROX_AFTER,
    _ZH_APPROX_POST,
    _ZH_APPROX_PRE,
    _ZH_MAG,
    ZH_CURRENCIES,
    ZH_UNITS,
    symbol_unit,
)

# --------------------------------------------------------------------------
# small patterns used inside the loops, compiled once (``regex.match(str, ...)``
# looks its pattern up in regex's cache on every call, which costs more than
# the match itself on this many short strings)

_TWO_NUMERALS = regex.compile(r"[一二两三四五六七八九]{2}")
_HAN = regex.compile(r"\p{Han}")
_LATIN = regex.compile(r"[A-Za-z]")
_ZH_POST_AFTER = regex.compile(r"\s*(左右|上下|以上|以下|以内|多|余)")


# --------------------------------------------------------------------------
# Chinese

_ZH_NUM = rf"(?:{_ARABIC}|[{_CN_NUMERAL}]+)"
_ZH_DATE = regex.compile(
    r"(?:(?P<y>(?:1[89]|20)\d{2}|[〇零一二]{1}[〇零一二三四五六七八九]{3})\s*年\s*)?"
    r"(?P<m>1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])\s*月"
    r"(?:\s*(?P<d>3[01]|[12]\d|0?[1-9]|[二三]?十[一二三四五六七八九]?|[一二三四五六七八九])\s*[日号])?"
    r"(?:\s*(?:[至到—–~～-]{1,2}|[和及与、])\s*(?:(?P<m2>1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])\s*月\s*)?"
    r"(?P<d2>3[01]|[12]\d|0?[1-9]|[二三]?十[一二三四五六七八九]?|[一二三四五六七八九])\s*[日号])?"
)
# a list item's number at the start of a block: （十二）, (3)
_ZH_ITEM = regex.compile(r"\s*[（(](?P<n>[一二三四五六七八九十百]{1,4}|[1-9]\d{0,2})[）)]")
# A numeric date in Chinese text: 2021-6-8, 2021/06/08, 2021.6.8 (a dateline, a title)
_ZH_NUMERIC_DATE = regex.compile(
    r"(?<![\d.\-/])(?P<y>(?:19|20)\d{2})(?P<sep>[-/.])(?P<m>1[0-2]|0?[1-9])(?P=sep)"
    r"(?P<d>3[01]|[12]\d|0?[1-9])(?![\d.\-/])"
)
# "十四五" / "十五五": the Nth Five-Year Plan, written with the ordinal and 五
_ZH_PLAN = regex.compile(
    r"(?<![一二三四五六七八九十])(?P<n>十[一二三四五六七八九]?|[一二三四五六七八九])五(?=[”\"」]|规划|时期|期间|末|开局|收官|初|计划)"
)
_ZH_FRACTION = regex.compile(
    r"(?P<d>[一二三四五六七八九十百千]+)分之(?P<n>[一二三四五六七八九十]+)(?![一二三四五六七八九十])"
)
_ZH_TENTHS = regex.compile(
    r"(?P<pre>近|超过|超|约|逾)?(?P<n>[一二两三四五六七八九]|\d)成(?P<post>以上|左右|多)?(?![为功果立本员熟就长交绩都效型品])"
)
_ZH_HALF = regex.compile(r"(?:一半|半数)")
# an age in decades: 年近八旬 (nearly eighty), 年逾七旬
_ZH_DECADES_OF_AGE = regex.compile(r"(?P<pre>年近|年逾|近|逾|年过|过)?(?P<n>[一二三四五六七八九])旬")
_WORD_BEFORE_NUMERAL = "统唯万之某其每任若专单同逐划整初新全这那哪当数几"
_ZH_PERCENT_WORD = regex.compile(rf"百分之(?P<n>{_ZH_NUM})")
_ZH_CORE = regex.compile(
    rf"(?P<pre>不超过|超过|超出|多达|将近|接近|大约|不到|不足|少于|超|逾|近|约)?\s*"
    rf"(?P<ord>第\s*)?"
    rf"(?P<num>{_ARABIC}|[{_CN_NUMERAL}]+|(?<![\d{_CN_NUMERAL}万亿])(?=[十百千]?万|亿))"
    rf"\s*(?P<post>余|多)?\s*(?P<mag>万亿|亿|万|千(?![瓦克米]))?(?P<post2>余|多)?"
)
_ZH_RANGE_SEP = regex.compile(r"\s*(?:[至到~～]|—{1,2}|–|-|－)\s*")
# _ZH_UNIT_ALT, _SYMBOL_ALT, _ZH_AFTER (what follows a Chinese numeral) and
# _ZH_YEAR list the units: _compile_unit_patterns builds them, at import and
# again after load_units (in units.py; read here as units._ZH_AFTER, ...).


def extract_zh(text: str, start: int, end: int, block: int = -1) -> list[Quantity]:
    """Quantities of the Chinese text ``text[start:end]`` (absolute offsets)."""
    found = _Found()
    out, free, add = found.out, found.free, found.add

    m = _ZH_ITEM.match(text, start, end)
    if m:  # （十二）改变或者撤销……: the twelfth item of a list
        v = _zh_value(m["n"])
        if v:
            add(Quantity(m.start("n"), m.end("n"), m["n"], "zh", "ordinal", value=v, noun="item", block=block))
    for m in _ZH_DATE.finditer(text, start, end):
        m_, d = _zh_value(m["m"]), _zh_value(m["d"]) if m["d"] else None
        if m_ is None or not 1 <= m_ <= 12 or (d is not None and not 1 <= d <= 31):
            continue
        if not m["d"] and not m["y"]:
            # "3月" alone is a month only when it is not part of "3个月"
            # (excluded by the pattern) or of a numeral run ("十三月" is not a month).
            if m.start() > start and text[m.start() - 1] in _CN_NUMERAL + "0123456789.":
                continue
        if m.start() > start and text[m.start() - 1] in "0123456789.第":
            continue
        y = _zh_value(m["y"]) if m["y"] else None
        d2 = _zh_value(m["d2"]) if m["d2"] else None
        add(
            Quantity(
                m.start(),
                m.end(),
                m.group(0),
                "zh",
                "date",
                year=int(y) if y else None,
                month=int(m_),
                day=int(d) if d else None,
                day_high=int(d2) if d2 else None,
                year_source="explicit" if y else "",
                block=block,
            )
        )
    for m in _ZH_NUMERIC_DATE.finditer(text, start, end):
        if free(m.start(), m.end()):
            add(
                Quantity(
                    m.start(),
                    m.end(),
                    m.group(0),
                    "zh",
                    "date",
                    year=int(m["y"]),
                    month=int(m["m"]),
                    day=int(m["d"]),
                    year_source="explicit",
                    block=block,
                )
            )
    q: Quantity | None
    for q in zh_vague(text, start, end, block):
        if free(q.start, q.end):
            add(q)
    for q in _zh_times(text, start, end, block):
        if free(q.start, q.end):
            add(q)
    for m in units._ZH_YEAR.finditer(text, start, end):
        if not free(m.start(), m.end()):
            continue
        y = int(m["y"])
        add(
            Quantity(
                m.start(),
                m.start() + len(m["y"]) + (1 if m.group(0).rstrip().endswith("年") else 0),
                m.group(0).strip(),
                "zh",
                "year",
                value=float(y),
                year=y,
                digits=4,
                block=block,
            )
        )
    for m in _ZH_PLAN.finditer(text, start, end):
        v = cn_number(m["n"])
        if v is not None and free(m.start(), m.end()):
            add(
                Quantity(
                    m.start(),
                    m.end(),
                    m.group(0),
                    "zh",
                    "ordinal",
                    value=v,
                    noun="五年规划",
                    digits=len(str(int(v))),
                    block=block,
                )
            )
    for m in _ZH_FRACTION.finditer(text, start, end):
        d, n = cn_number(m["d"]), cn_number(m["n"])
        if d and n is not None and free(m.start(), m.end()):
            add(
                Quantity(
                    m.start(), m.end(), m.group(0), "zh", "percent", value=100 * n / d, unit="%", digits=2, block=block
                )
            )
    for m in _ZH_TENTHS.finditer(text, start, end):
        if m.start("n") > start and text[m.start("n") - 1] in "一二三四五六七八九十" + _WORD_BEFORE_NUMERAL:
            continue
        if text[m.start("n") : m.start("n") + 4] == "一成不变":
            continue
        n = _zh_value(m["n"])
        if n is not None and free(m.start(), m.end()):
            approx = _ZH_APPROX_PRE.get(m["pre"] or "", "") or _ZH_APPROX_AFTER.get(m["post"] or "", "")
            add(
                Quantity(
                    m.start(),
                    m.end(),
                    m.group(0),
                    "zh",
                    "percent",
                    value=10 * n,
                    unit="%",
                    approx=approx or ABOUT,
                    digits=1,
                    block=block,
                )
            )
    for m in _ZH_DECADES_OF_AGE.finditer(text, start, end):
        if free(m.start(), m.end()):
            pre = (m["pre"] or "").lstrip("年")
            approx = {"近": NEARLY, "逾": OVER, "过": OVER}.get(pre, ABOUT)
            add(
                Quantity(
                    m.start(),
                    m.end(),
                    m.group(0),
                    "zh",
                    "count",
                    value=10.0 * (cn_number(m["n"]) or 0),
                    approx=approx,
                    noun="岁",
                    digits=1,
                    block=block,
                )
            )
    for m in _ZH_HALF.finditer(text, start, end):
        if free(m.start(), m.end()):
            add(
                Quantity(
                    m.start(),
                    m.end(),
                    m.group(0),
                    "zh",
                    "percent",
                    value=50.0,
                    unit="%",
                    approx=ABOUT,
                    digits=1,
                    block=block,
                )
            )
    for m in _ZH_PERCENT_WORD.finditer(text, start, end):
        v = _zh_value(m["n"])
        if v is not None and free(m.start(), m.end()):
            add(
                Quantity(
                    m.start(),
                    m.end(),
                    m.group(0),
                    "zh",
                    "percent",
                    value=v,
                    unit="%",
                    digits=_digits_of(str(v)),
                    block=block,
                )
            )

    pos = start
    while True:
        m = _ZH_CORE.search(text, pos, end)
        if not m:
            break
        pos = m.end()
        if not free(m.start("num"), m.end("num")):
            continue
        q = _zh_quantity(text, m, end, block)
        if q is None:
            continue
        # a range: "5%—8%", "3-5年", "20至30个"
        sep = _ZH_RANGE_SEP.match(text, q.end, end)
        if sep and (q.unit in ("", "%") or q.kind in ("count", "measure", "duration", "money", "percent")):
            m2 = _ZH_CORE.match(text, sep.end(), end)
            if m2 and not m2["pre"]:
                q2 = _zh_quantity(text, m2, end, block)
                if (
                    q2 is not None
                    and q.value is not None
                    and q2.value is not None
                    and (not q.unit and q.kind == "count" and q.end == m.end() or q.unit == q2.unit)
                ):
                    lo_scale = 1.0
                    if not q.unit and q2.unit:
                        # "3-5年": the first number takes the unit of the second
                        n2 = _zh_value(m2["num"])
                        lo_scale = q2.value / n2 if n2 else 1.0
                        lo_scale /= _ZH_MAG.get(m2["mag"] or "", 1.0)
                        lo_scale *= _ZH_MAG.get(m2["mag"] or "", 1.0) if not m["mag"] else 1.0
                    q = replace(
                        q2,
                        start=q.start,
                        text=text[q.start : q2.end],
                        value=q.value * lo_scale,
                        high=q2.value,
                        approx=q.approx or q2.approx,
                    )
                    pos = q2.end
        if free(q.start, q.end):
            add(q)
    out.sort(key=lambda q: q.start)
    return out


def _zh_quantity(text: str, m: regex.Match, end: int, block: int) -> Quantity | None:
    num = m["num"]
    if num == "" and not m["mag"]:
        return None
    arabic = num[:1].isdigit()
    if not arabic and num in ("千", "百") and not m["pre"]:
        return None  # 百 and 千 alone are figures only as 近百 / 超千
    # a Chinese numeral inside a word (统一, 唯一, 万一, 一些, 十分) is not a figure:
    # require a classifier, unit or magnitude after it, and no Han numeral-word before.
    approx_range = None
    v: float | None
    if not arabic and _TWO_NUMERALS.fullmatch(num):
        # 三四个, 七八年, 一两项: "three or four", a range, not 34
        lo, hi = cn_number(num[0]), cn_number(num[1])
        if lo is None or hi is None or hi != lo + 1 and num != "一两":
            return None
        approx_range = (lo, hi if num != "一两" else 2.0)
        v = lo
    else:
        v = _zh_value(num)
    if v is None:
        return None
    mag = _ZH_MAG.get(m["mag"] or "", 1.0)
    value = v * mag
    approx = _ZH_APPROX_PRE.get(m["pre"] or "", "") or _ZH_APPROX_POST.get(m["post"] or m["post2"] or "", "")
    after = units._ZH_AFTER.match(text, m.end(), end)
    ordinal = bool(m["ord"])
    qstart = m.start() if (m["pre"] or m["ord"]) else m.start("num")
    if m["pre"] == "达":
        qstart = m.start("num")
    prev = text[qstart - 1] if qstart > 0 else ""
    if not arabic and not ordinal and prev and _HAN.match(prev) and prev in _WORD_BEFORE_NUMERAL:
        return None
    if arabic and prev and _LATIN.match(prev):
        return None  # "COVID-19", "H20": names
    if arabic and m.end() < end and _LATIN.match(text[m.end()]) and not (after and after["sym"]):
        return None  # "5G", "3D": names, not figures
    if num == "" and not (
        after and (after["unit"] or after["sym"] or after["cls"] in ("卡", "台", "颗", "辆", "艘", "架", "套"))
    ):
        return None  # 千家万户, 万人空巷: idioms; （单位：亿美元）: a unit label
    if arabic and len(num) > 1 and num[0] == "0" and num[1].isdigit():
        return None  # "006": a page number
    kind, unit, qend, factor = "count", "", m.end(), 1.0
    noun_from = m.end()
    if after:
        qend = after.end()
        if after["pct"]:
            kind, unit = "percent", "%"
        elif after["cur"]:
            kind, unit = "money", ZH_CURRENCIES[after["cur"]]
        elif after["unit"] or after["sym"]:
            if num == "" and after["unit"] in units.NEEDS_NUMERAL:
                return None  # 万里, 千斤: idioms
            found = ZH_UNITS.get(after["unit"]) if after["unit"] else symbol_unit(after["sym"])
            if found is None:  # _ZH_AFTER lists exactly the known units and symbols
                raise LookupError(f"unknown unit {after.group(0)!r}")
            unit, factor, kind = found
        elif after["yr"]:
            if arabic and len(num) == 4 and not m["mag"]:
                return None  # a year, read by _ZH_YEAR
            kind, unit, factor = "duration", "s", 365.25 * 86400
        elif after["cls"]:
            kind = "ordinal" if ordinal else "count"
            unit = ""
        elif after["ri"]:
            if value <= 31 or ordinal:
                return None  # a day of a month, read with its date
            kind, unit, factor = "duration", "s", 86400.0
        noun_from = after.end()
        if kind in ("count", "ordinal") and after["cls"] in ("点",) and not arabic:
            return None
    else:
        if not arabic and not m["mag"] or num == "":
            return None  # a bare Chinese numeral: part of a word
        if ordinal:
            kind = "ordinal"
    if ordinal and kind in ("count", "duration"):
        kind, unit, factor = "ordinal", "", 1.0  # 第三年: the third year, not three years
    if kind == "count" and not arabic and v == 1 and not m["mag"] and not approx:
        return None  # 一个 / 一项: an article, not a figure
    post_after = _ZH_POST_AFTER.match(text[qend : min(end, qend + 4)])
    if post_after and not approx:
        approx = _ZH_APPROX_AFTER[post_after.group(1)]
        if post_after.group(1) in ("多", "余"):
            qend += post_after.end()
    noun_m = units.ZH_NOUN.match(text, noun_from, end)
    noun = noun_m.group(0) if noun_m else ""
    if after and after["cls"]:
        noun = after["cls"] + "|" + noun
    high = approx_range[1] * mag * factor if approx_range else None
    return Quantity(
        qstart,
        qend,
        text[qstart:qend],
        "zh",
        kind,
        value=value * factor,
        unit=unit,
        approx=approx,
        high=high,
        noun=noun,
        digits=_digits_of(num) if arabic else len(str(int(v))),
        block=block,
    )
