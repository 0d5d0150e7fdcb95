"""Vague magnitudes: 数十, 几百, 上万, 五六百 and "dozens of", "tens of thousands of".

A translator renders 数千人 as "thousands of people" and 上万名 as "tens of
thousands" or "over 10,000": neither side is a number, but both are an
interval, and two intervals that do not meet are a slipped magnitude (数百
for "thousands of").  Each is read as a quantity marked ``VAGUE`` whose
``value`` and ``high`` are the interval's ends; ``compare.same_value``
compares such a quantity by overlap, not by its ends.

The Chinese forms: 数/几 before 十, 百, 千, 万 (two to nine of them), 上 before
百, 千, 万 (one to ten of them: 上万 is 10,000 and more), two neighbouring
numerals before a place (五六百 is 500–600, an ordinary range, not vague).
The English: "dozens of", "hundreds of", "thousands of",
"millions of", "billions of", and "tens of" or "hundreds of" before a
magnitude ("tens of thousands of").
"""

from __future__ import annotations

import regex

from . import units
from .model import VAGUE, Quantity
from .numerals import cn_number

_ZH_PLACES = {"十": 10.0, "百": 100.0, "千": 1000.0, "万": 1e4, "十万": 1e5, "百万": 1e6, "千万": 1e7, "亿": 1e8}
_ZH_VAGUE = regex.compile(
    r"(?P<how>数|几|上)(?P<place>十万|百万|千万|十|百|千|万|亿)(?P<mag>万|亿)?"
    r"|(?<![一二两三四五六七八九十百千万\d])(?P<pair>[一二两三四五六七八九]{2})(?P<place2>十|百|千|万)(?P<mag2>万|亿)?"
)
# the characters that make 数 or 上 the end of another word (人数十分可观,
# 以上万元, 会上千人): then no vague magnitude starts there
_ENDS_WORD = {
    "数": frozenset(
        "人次分指函总基倍件户岁系参变少多无半单双复整实虚奇偶字页票步位个天年条项名家点度级轮组批台辆例股张篇"
    ),
    "上": frozenset("以之向网线路会晚早马身手地天楼山街台场面海岸车船桌墙头迎赶跟加而北南往至"),
}
_EN_VAGUE = regex.compile(
    r"\b(?:(?P<times>tens|hundreds)\s+of\s+)?(?P<mag>dozens|hundreds|thousands|millions|billions)\s+of\b",
    regex.I,
)
_EN_MAGS = {"dozens": 12.0, "hundreds": 100.0, "thousands": 1e3, "millions": 1e6, "billions": 1e9}


def zh_vague(text: str, start: int, end: int, block: int) -> list[Quantity]:
    """The vague magnitudes of Chinese ``text[start:end]``, with the unit or
    classifier that follows (数百米 is a length, 数千名 a count)."""
    out = []
    for m in _ZH_VAGUE.finditer(text, start, end):
        before = text[m.start() - 1] if m.start() > start else ""
        if m["how"] and before in _ENDS_WORD.get(m["how"], ()):
            continue
        if m["how"]:
            if m["how"] == "上" and m["place"] == "十":
                continue  # 上十 is not said; 上十二楼 is a floor
            place = _ZH_PLACES[m["place"]] * _ZH_PLACES.get(m["mag"] or "", 1.0)
            lo, hi, approx = (place, 10 * place, VAGUE) if m["how"] == "上" else (2 * place, 9 * place, VAGUE)
        else:
            a, b = cn_number(m["pair"][0]), cn_number(m["pair"][1])
            if a is None or b is None or b != a + 1:
                continue  # 三五百 ("a few hundred") is vaguer than it reads; 九十百 is no number
            place = _ZH_PLACES[m["place2"]] * _ZH_PLACES.get(m["mag2"] or "", 1.0)
            lo, hi, approx = a * place, b * place, ""
        kind, unit, factor, qend, noun = "count", "", 1.0, m.end(), ""
        after = units._ZH_AFTER.match(text, m.end(), end)
        if after and (after["unit"] or after["cur"] or after["cls"] or after["pct"] or after["yr"]):
            qend = after.end()
            if after["yr"]:
                kind, unit, factor = "duration", "s", 365.25 * 86400
            elif after["unit"]:
                found = units.ZH_UNITS.get(after["unit"])
                if found is None:
                    continue
                unit, factor, kind = found
            elif after["cur"]:
                kind, unit = "money", units.ZH_CURRENCIES[after["cur"]]
            elif after["pct"]:
                continue  # 数十% is not said
            else:
                noun = after["cls"] + "|"
        elif m["pair"] and not m["mag2"] and m["place2"] != "万":
            continue  # 五六十 alone, no unit or classifier: an age, a score — too little to compare
        found_noun = units.ZH_NOUN.match(text, qend, end)
        noun += found_noun.group(0) if found_noun else ""
        out.append(
            Quantity(
                m.start(),
                qend,
                text[m.start() : qend],
                "zh",
                kind,
                value=lo * factor,
                unit=unit,
                approx=approx,
                high=hi * factor,
                noun=noun,
                digits=1,
                block=block,
            )
        )
    return out


def en_vague(text: str, start: int, end: int, block: int) -> list[Quantity]:
    """The vague magnitudes of English ``text[start:end]`` ("thousands of
    people"), as counts of the noun that follows."""
    out = []
    for m in _EN_VAGUE.finditer(text, start, end):
        mag = _EN_MAGS[m["mag"].lower()]
        # loosely: from one of the magnitude ("thousands of" for 万套级, ten
        # thousand, is no slip) up to the next ("thousands" for 上万)
        if m["times"]:
            if mag < 1e3:
                continue  # "hundreds of dozens of": not said
            lo, hi = (10 * mag, 100 * mag) if m["times"].lower() == "tens" else (100 * mag, 1000 * mag)
        elif mag == 12.0:
            lo, hi = mag, 100.0  # "dozens of": up to a hundred
        else:
            lo, hi = mag, 10 * mag
        noun = units.EN_NOUN.match(text, m.end(), min(end, m.end() + 60))
        out.append(
            Quantity(
                m.start(),
                m.end(),
                m.group(0),
                "en",
                "count",
                value=lo,
                approx=VAGUE,
                high=hi,
                noun=noun.group(1) if noun else "",
                digits=1,
                block=block,
            )
        )
    return out
