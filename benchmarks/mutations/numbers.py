"""Number mutations: an English figure that translates a Chinese one changed
(a digit, a magnitude, percent to percentage points, a year, an ordinal, a
unit), and one of two mentions of the same Chinese count changed.

It stands alone because figures have their own patterns and arithmetic
(magnitudes, formatting like the original) that no other family uses.
"""

from __future__ import annotations

import random
import re

from mutations.common import Mutation, _mut, _Text, is_chinese_line, is_english_line

_ZH_FIGURE = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)\s*(万亿|亿|万)?")
_EN_FIGURE = re.compile(
    r"(?<![\w.,$])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?![\d,]*\.\d)(?:(st|nd|rd|th)\b)?"
    r"(\s?%|\s+percent(?:age points?)?|\s+per cent)?"
    r"(?:\s+(thousand|million|billion|trillion)\b)?"
    r"(?:\s+(square kilometers|square kilometres|kilometers|kilometres|kilograms|tons|tonnes|hectares|"
    r"yuan|dollars|meters|metres|years|people|students|households|companies|enterprises)\b)?"
)
_MAG = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_ZH_MAG = {"万": 1e4, "亿": 1e8, "万亿": 1e12}
_UNIT_SLIP = {
    "kilometers": "miles",
    "kilometres": "miles",
    "square kilometers": "square miles",
    "square kilometres": "square miles",
    "kilograms": "pounds",
    "tons": "kilograms",
    "tonnes": "kilograms",
    "hectares": "acres",
    "yuan": "dollars",
    "dollars": "yuan",
    "meters": "feet",
    "metres": "feet",
    "people": "households",
    "students": "teachers",
    "households": "people",
    "companies": "projects",
    "enterprises": "projects",
    "years": "months",
}


def _num(s: str) -> float:
    return float(s.replace(",", ""))


def _zh_values(text: str) -> set[float]:
    vals = set()
    for m in _ZH_FIGURE.finditer(text):
        try:
            v = float(m[1]) * _ZH_MAG.get(m[2] or "", 1)
        except ValueError:
            continue
        vals.add(round(v, 6))
    return vals


def _fmt_like(template: str, value: float) -> str:
    """Write ``value`` the way ``template`` is written (commas, decimals)."""
    decimals = len(template.split(".")[1]) if "." in template else 0
    s = f"{value:,.{decimals}f}" if "," in template else f"{value:.{decimals}f}"
    return s


def _change_digit(raw: str, rng: random.Random) -> str:
    digits = [i for i, c in enumerate(raw) if c.isdigit()]
    if len(digits) == 1:
        d = int(raw[digits[0]])
        choices = [x for x in range(1, 10) if x != d]
        return raw[: digits[0]] + str(rng.choice(choices)) + raw[digits[0] + 1 :]
    i = rng.choice(digits[1:])
    d = int(raw[i])
    return raw[:i] + str(rng.choice([x for x in range(10) if x != d])) + raw[i + 1 :]


_ORD = {1: "st", 2: "nd", 3: "rd"}


def _ordinal(n: int) -> str:
    return f"{n}{'th' if 10 <= n % 100 <= 20 else _ORD.get(n % 10, 'th')}"


WINDOW = 120  # lines: how far a figure's Chinese original may stand from its English


def _en_figure_mutations(doc: _Text, zh_text: str | None, rng: random.Random) -> list[Mutation]:
    """English figures that translate a figure of the Chinese, changed one way or another.

    The Chinese is ``zh_text`` (the other file of a translation pair) or, in
    one bilingual file, the Chinese lines within ``WINDOW`` lines of the
    English: an English figure whose value the Chinese does not give is not
    a translation and is left alone.
    """
    if zh_text is not None:
        whole = _zh_values(zh_text)
    else:
        per_line = [_zh_values(line) if is_chinese_line(line) else set() for line in doc.lines]
    out = []
    for no, start, line in doc.line_spans():
        if not is_english_line(line):
            continue
        if zh_text is None:
            zh_vals = set().union(*per_line[max(0, no - 1 - WINDOW) : no - 1 + WINDOW])
        else:
            zh_vals = whole
        for m in _EN_FIGURE.finditer(line):
            raw, ordsfx, pct, mag, unit = m[1], m[2], m[3], m[4], m[5]
            v = _num(raw)
            full = v * _MAG.get(mag or "", 1)
            if round(full, 6) not in zh_vals or (v < 10 and not (pct or mag or unit or ordsfx)):
                continue  # not a figure of the Chinese, or a small bare number
            is_year = not (pct or mag or unit or ordsfx) and 1900 <= v <= 2100 and "." not in raw and "," not in raw
            options = ["digit"]
            if is_year:
                options = ["year"]
            elif ordsfx:
                options = ["ordinal"]
            else:
                if mag:
                    options.append("magnitude")
                elif v >= 1000:
                    options.append("scale")
                if pct and "point" not in pct:
                    options.append("points")
                if unit:
                    options.append("unit")
            how = rng.choice(options)
            s = start + m.start()
            old = m.group(0).rstrip()
            if how == "digit":
                new_raw = _change_digit(raw, rng)
                new = new_raw + old[len(raw) :]
                why = f"{raw} changed to {new_raw}"
            elif how == "year":
                new = str(int(v) + rng.choice((-1, 1)))
                why = f"year {raw} changed to {new}"
            elif how == "ordinal":
                new = _ordinal(int(v) + 1) + old[len(raw) + len(ordsfx) :]
                why = f"ordinal {raw}{ordsfx} changed"
            elif how == "magnitude":
                swap = {
                    "thousand": "million",
                    "million": rng.choice(("thousand", "billion")),
                    "billion": "million",
                    "trillion": "billion",
                }[mag]
                new = old.replace(mag, swap, 1)
                why = f"{mag} written {swap}"
            elif how == "scale":
                factor = rng.choice((10, 0.1))
                new_raw = _fmt_like(raw, v * factor)
                new = new_raw + old[len(raw) :]
                why = f"{raw} written {new_raw} (×{factor:g})"
            elif how == "points":
                new = raw + " percentage points" + old[len(raw) + len(pct) :]
                why = "percent written as percentage points"
            else:  # unit
                new = old[: len(old) - len(unit)] + _UNIT_SLIP[unit]
                why = f"{unit} written {_UNIT_SLIP[unit]}"
            if new == old:
                continue
            out.append(_mut(doc, "en-figure", s, old, new, f"English figure: {why}", ("fig", round(full, 6))))
    return out


_ZH_COUNT = re.compile(
    r"(?<![\d.])(\d+(?:\.\d+)?)(万|亿)?(名|人|个|家|项|件|所|座|台|辆|份|篇|次|吨|公里|千米|亿元|万元|元|户|位|处|条|种|倍|岁)"
    r"([\u3400-\u9fff]{2})"
)


def _zh_contradiction_mutations(doc: _Text, rng: random.Random) -> list[Mutation]:
    seen: dict[str, list[tuple[int, str]]] = {}
    for _, start, line in doc.line_spans():
        if not is_chinese_line(line):
            continue
        for m in _ZH_COUNT.finditer(line):
            if len(m[1].replace(".", "")) < 2 and not m[2]:
                continue  # 3个, 5人: too common to be the same count twice
            seen.setdefault(m.group(0), []).append(start + m.start())
    out = []
    for fig in sorted(seen):
        offs = seen[fig]
        lines = sorted({doc.line_of(o) for o in offs})
        if len(lines) < 2 or lines[-1] - lines[0] > WINDOW:
            continue  # the same count of the same thing, in one article
        at = rng.choice(offs)
        raw = _ZH_COUNT.match(fig)[1]
        new_raw = _change_digit(raw, rng)
        new = new_raw + fig[len(raw) :]
        v = _num(raw) * _ZH_MAG.get(_ZH_COUNT.match(fig)[2] or "", 1)
        out.append(
            _mut(
                doc,
                "zh-contradiction",
                at,
                fig,
                new,
                f"{fig} (stated {len(offs)}×) written {new} once",
                ("fig", round(v, 6)),
            )
        )
    return out
