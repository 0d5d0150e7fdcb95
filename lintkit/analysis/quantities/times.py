"""Times of day: 晚上九点, 上午9时30分, "nine o'clock", "9 a.m.", and their comparison.

The Chinese and English clock-time readers (``_zh_times``, ``_en_times``),
which resolve a time to minutes after midnight (``_time_quantity``, with the
period of the day from ``_en_period`` or the Chinese period words), and
``same_time``, which compares two times modulo twelve hours when the half of
the day is unknown.  Both language readers call these first, so times sit
below them.
"""

from __future__ import annotations

import re

import regex

from .model import ABOUT, Quantity
from .numerals import _en_word_value, _zh_value

# --------------------------------------------------------------------------
# small patterns used inside the loops, compiled once (``regex.match(str, ...)``
# looks its pattern up in regex's cache on every call, which costs more than
# the match itself on this many short strings)

_TIME_AFTER = regex.compile(r"许|左右|前|后|起|开始")
_TIME_ABOUT = regex.compile(r"许|左右")
_ZUOYOU = regex.compile(r"左右")


# --------------------------------------------------------------------------
# times of day

_ZH_PERIODS = {
    "凌晨": "am",
    "清晨": "am",
    "早上": "am",
    "早晨": "am",
    "上午": "am",
    "中午": "noon",
    "正午": "noon",
    "午后": "pm",
    "下午": "pm",
    "傍晚": "pm",
    "晚上": "pm",
    "晚间": "pm",
    "当晚": "pm",
    "今晚": "pm",
    "昨晚": "pm",
    "夜里": "night",
    "夜间": "night",
    "深夜": "night",
    "半夜": "night",
    "午夜": "night",
}
_ZH_PERIOD_ALT = "|".join(sorted(_ZH_PERIODS, key=len, reverse=True))
_ZH_TIME = regex.compile(
    rf"(?:(?P<per>{_ZH_PERIOD_ALT})\s*)?"
    rf"(?<![\d.．零〇一二两三四五六七八九十百千])(?P<h>\d{{1,2}}|[零〇一二两三四五六七八九十]{{1,3}})\s*(?P<sep>[点时])"
    rf"(?:\s*(?P<half>半)(?![会刻天])|\s*(?P<q>一刻)|\s*(?P<mm>\d{{1,2}}|[零〇一二三四五六七八九十]{{1,3}})\s*分"
    rf"|(?P<mark>钟|整|许))?"
    rf"|(?:(?P<per2>{_ZH_PERIOD_ALT})\s*)?(?<![\d:：,，.．])(?P<h2>[01]?\d|2[0-3])[:：](?P<mm2>[0-5]\d)"
    rf"(?![\d:：\-–—])"
)
_EN_HOUR_WORD = r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
_EN_TIME = regex.compile(
    rf"(?:(?P<pre>about|around|approximately|shortly\s+after|just\s+after|shortly\s+before|just\s+before)\s+)?"
    rf"(?:(?P<frac>half|(?:a\s+)?quarter)\s+past\s+)?"
    rf"(?<![\w.,:$£€¥])(?P<h>[01]?\d|2[0-4]|\b(?:{_EN_HOUR_WORD})\b)(?::(?P<mm>[0-5]\d))?"
    rf"(?:\s*(?P<ampm>[ap]\.\s?m\.|[ap]m\b)|\s+(?P<oc>o['’]clock)\b"
    rf"|\s+(?P<per>in\s+the\s+(?:morning|afternoon|evening)|at\s+night|tonight"
    rf"|(?:that|this|last)\s+(?:morning|afternoon|evening|night))\b)"
    rf"|(?<=\b(?:[Aa]t|[Ff]rom|[Uu]ntil|[Tt]ill|[Bb]y|[Aa]round|[Aa]bout|[Aa]fter|[Bb]efore|[Ss]ince)\s+)"
    rf"(?<![\w.,:])(?P<h2>[01]?\d|2[0-3]):(?P<mm2>[0-5]\d)\b(?![\-–:]\d)",
    regex.I,
)


def _en_period(m: regex.Match) -> str:
    if m["ampm"]:
        return "am" if m["ampm"][0].lower() == "a" else "pm"
    per = (m["per"] or "").lower()
    if "morning" in per:
        return "am"
    if "afternoon" in per or "evening" in per:
        return "pm"
    if "night" in per:
        return "night"
    return ""


def _time_quantity(
    text: str, start: int, end: int, lang: str, h: float, mm: float, period: str, approx: str, block: int
) -> Quantity | None:
    """A time of day: minutes after midnight, resolved to 24 hours when the period is known."""
    if not (0 <= h <= 24 and 0 <= mm <= 59):
        return None
    h, mm = int(h), int(mm)
    resolved = h > 12 or h == 0
    if h == 24:
        h = 0
    elif not resolved and period:
        resolved = True
        if period == "am":
            h = 0 if h == 12 else h
        elif period == "pm":
            h = h if h == 12 else h + 12
        elif period == "noon":
            h = h if h >= 11 else h + 12
        else:  # night: 9 at night is 21:00, 2 at night is 02:00
            h = 0 if h == 12 else (h + 12 if h >= 6 else h)
    if not resolved:
        h %= 12
    return Quantity(
        start,
        end,
        text[start:end],
        lang,
        "time",
        value=float(h * 60 + mm),
        unit="clock" if resolved else "clock12",
        approx=approx,
        digits=2,
        block=block,
    )


# What every match of _ZH_TIME holds: 点 or 时 (9点半, 21时), or the colon
# of h:mm.  A stretch without one is not scanned with the long pattern.
_ZH_TIME_HINT = re.compile("[点时:：]")


def _zh_times(text: str, start: int, end: int, block: int) -> list[Quantity]:
    out: list[Quantity] = []
    if _ZH_TIME_HINT.search(text, start, end) is None:
        return out
    h: float | None
    mm: float | None
    for m in _ZH_TIME.finditer(text, start, end):
        if m["h2"]:
            per = m["per2"]
            before = text[max(start, m.start("h2") - 1) : m.start("h2")]
            after = text[m.end() : min(end, m.end() + 2)]
            if not (per or before in ("日", "于", "在", "至", "到", "从") or _TIME_AFTER.match(after)):
                continue
            h, mm = float(m["h2"]), float(m["mm2"])
            approx = ABOUT if _TIME_ABOUT.match(after) else ""
        else:
            per = m["per"]
            before = text[max(start, m.start("h") - 1) : m.start("h")]
            marked = m["half"] or m["q"] or m["mm"] or m["mark"]
            if m["mark"] == "钟" and m["sep"] != "点":
                continue
            clock24 = m["h"].isdigit() and 13 <= int(m["h"]) <= 23  # 21时: only a time
            if not (per or marked or m["sep"] == "时" and m["h"].isdigit() and (before == "日" or clock24)):
                continue  # 三点建议, 一时: not a time without a period word or minutes
            h = _zh_value(m["h"])
            mm = 30.0 if m["half"] else 15.0 if m["q"] else (_zh_value(m["mm"]) if m["mm"] else 0.0)
            if h is None or mm is None:
                continue
            approx = ABOUT if m["mark"] == "许" else ""
            if not approx and _ZUOYOU.match(text[m.end() : m.end() + 2]):
                approx = ABOUT
        s = m.start("per") if m["per"] else m.start("per2") if m["per2"] else m.start("h") if m["h"] else m.start("h2")
        q = _time_quantity(text, s, m.end(), "zh", h, mm, _ZH_PERIODS.get(per or "", ""), approx, block)
        if q is not None:
            out.append(q)
    return out


# What every match of _EN_TIME holds: a half of the day (a.m., pm), o'clock,
# a part of the day (morning … night), or the colon of h:mm.  Text without
# one (most English paragraphs) is not scanned with the long pattern.
_EN_TIME_HINT = regex.compile(r"[ap]\.\s?m\.|[ap]m\b|o['’]clock|morning|afternoon|evening|night|:", regex.I)


def _en_times(text: str, start: int, end: int, block: int) -> list[Quantity]:
    out: list[Quantity] = []
    if _EN_TIME_HINT.search(text, start, end) is None:
        return out
    h: float | None
    for m in _EN_TIME.finditer(text, start, end):
        if m["h2"]:
            h, mm, per = float(m["h2"]), float(m["mm2"]), ""
        else:
            raw = m["h"]
            h = float(raw) if raw.isdigit() else _en_word_value(raw)
            if h is None:
                continue
            if not raw.isdigit() and m["ampm"] and m["ampm"].lower().startswith(("am", "pm")):
                continue  # "one am": not written that way; "I am"
            mm = float(m["mm"]) if m["mm"] else 0.0
            if m["frac"]:
                if m["mm"]:
                    continue
                mm = 30.0 if m["frac"].lower() == "half" else 15.0
            per = _en_period(m)
        approx = ABOUT if m["pre"] and m["pre"].lower() in ("about", "around", "approximately") else ""
        q = _time_quantity(text, m.start(), m.end(), "en", h, mm, per, approx, block)
        if q is not None:
            out.append(q)
    return out


def same_time(a: Quantity, b: Quantity) -> bool:
    """Two times of day agree: equal minutes, modulo twelve hours when either
    leaves the half of the day open; an approximate one (约, 许, about) within
    half an hour."""
    if a.value is None or b.value is None:
        return False
    x, y = a.value, b.value
    if a.unit == "clock12" or b.unit == "clock12":
        x, y = x % 720, y % 720
        diff = min(abs(x - y), 720 - abs(x - y))
    else:
        diff = min(abs(x - y), 1440 - abs(x - y))
    return diff == 0 or bool(a.approx or b.approx) and diff <= 30
