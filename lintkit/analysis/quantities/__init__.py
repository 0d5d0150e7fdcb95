"""Quantities in Chinese and English text: value, unit, kind, approximation, range.

A shared analysis (``doc.analysis(quantities)``): every figure of every
block, read once per document, so that rules comparing an English summary
with its Chinese article, or a headline with its body, speak about the same
objects.

What is read
------------
* numerals: Arabic (``3.6``, ``36,000``), Chinese (``三十一``, ``两``,
  ``十余``, through cn2an), English number words (``seven``, ``thirty-one``,
  ``three decades``) and ordinals (``31st``, ``thirty-first``, ``第三十一届``);
* magnitudes: 万/亿/万亿 against thousand/million/billion/trillion, so
  ``3.6万`` and ``36,000`` (or ``5120亿美元`` and ``$512 billion``) are the
  same value;
* kinds: ``date``, ``year``, ``count``, ``ordinal``, ``percent`` (with
  ``points`` for 个百分点 / percentage points), ``money``, ``measure``,
  ``duration``, ``time``.  Measures and durations are normalised to one base unit
  (W, Wh, m, m², g, s, ...), so ``15兆瓦`` equals ``15 MW`` and
  ``15,000 kilowatts``; money keeps its currency as unit;
* approximation: 余/多/超/超过/逾/以上 and over/more than → ``over``;
  约/左右/上下 and about/around/approximately → ``about``; 近/将近/接近 and
  nearly/almost → ``nearly``; 不到/不足 and less than/under → ``under``;
* times of day (kind ``time``): 晚上九点, 上午9时30分, 9点半, 当晚9点 and
  "nine o'clock", "9 a.m.", "at 9:30", "nine in the evening".  ``value`` is
  minutes after midnight; ``unit`` is ``clock`` when the half of the day is
  known (a period word — 上午/晚上, a.m./p.m., in the morning/evening — or an
  hour above 12), ``clock12`` when it is not, and :func:`same_value` then
  compares modulo twelve hours.  A clock time is read only with such a
  marker: a bare "at nine" or 三点 (also "three points") stays a count, so
  that 三点建议 is never a time;
* ranges: ``3月2日至4日``, ``2%—3%``, ``4-6年``, ``March 2 to 4`` (``high``);
* dates with or without year.  A Chinese month-day without a year gets one
  inferred (``year_source`` says how, or ``""`` when it could not be):
  from the issue date of the article or the document (a ``YYYY年M月D日出版``
  line, or a newspaper source line) — the latest such day not after the issue, or the
  first one after it for an announced event (将于…) — and
  from the article's own words: an article that reports, reviews or sums
  up a year's work (``Y年度工作``, ``Y年工作``) is written after that year.
  When the two disagree the year is left unknown.

Every quantity records the noun it counts (``noun``: the few characters or
words that follow it) so that rules can require the same unit *and* the same
thing counted before they compare values.
"""

from __future__ import annotations

import functools
import math
import pathlib
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

import regex

from ...language import EN

if TYPE_CHECKING:  # pragma: no cover
    from ...document import Document

__all__ = [
    "Quantity",
    "quantities",
    "extract_zh",
    "extract_en",
    "issue_date",
    "infer_years",
    "same_value",
    "same_time",
    "KINDS",
    "ZH_UNITS",
    "EN_UNITS",
    "SYMBOL_UNITS",
    "load_units",
]

KINDS = ("date", "year", "count", "ordinal", "percent", "money", "measure", "duration", "time")

OVER, ABOUT, NEARLY, UNDER = "over", "about", "nearly", "under"


@dataclass(frozen=True)
class Quantity:
    """One figure in the text.

    ``value`` is in the base unit of ``unit`` (W for power, m for length,
    percent for percentages, the currency for money, seconds for durations);
    for dates it is ``None`` and ``year``/``month``/``day`` are set (any may
    be ``None``).  ``high`` is the upper end of a range (``day_high`` for a
    day range).  ``digits`` is the number of significant digits written, to
    judge rounding.
    """

    start: int
    end: int
    text: str
    lang: str  # "zh" | "en"
    kind: str
    value: float | None = None
    unit: str = ""
    approx: str = ""
    high: float | None = None
    noun: str = ""  # what is counted or measured: the words that follow
    digits: int = 0
    year: int | None = None
    month: int | None = None
    day: int | None = None
    day_high: int | None = None
    year_source: str = ""  # "explicit", how it was inferred, or "" (unknown)
    block: int = -1

    def describe(self) -> str:
        """The figure as written, with its reading when that differs."""
        if self.kind == "date":
            parts = []
            if self.year is not None:
                parts.append(f"{self.year:04d}")
            if self.month is not None:
                parts.append(f"{self.month:02d}")
            if self.day is not None:
                parts.append(f"{self.day:02d}")
            reading = "-".join(parts)
            if self.year is not None and self.year_source not in ("explicit", ""):
                reading += f", year inferred from {self.year_source}"
            elif self.year is None and self.lang == "zh":
                reading += ", year unknown"
            return f"“{self.text}” ({reading})"
        return f"“{self.text}” ({format_value(self)})"


def _clock(q: Quantity) -> str:
    """A time of day as 21:00, or 9:00 (a.m. or p.m.) when the half of the day is unknown."""
    minutes = int(q.value or 0)
    h, mm = divmod(minutes, 60)
    if q.unit == "clock12":
        return f"{h % 12 or 12}:{mm:02d} (a.m. or p.m.)"
    return f"{h:02d}:{mm:02d}"


_PREFIXES = ((1e12, "T"), (1e9, "G"), (1e6, "M"), (1e3, "k"), (1, ""), (1e-3, "m"), (1e-6, "µ"), (1e-9, "n"))
_DURATIONS = ((365.25 * 86400, "years"), (30.44 * 86400, "months"), (86400, "days"), (3600, "hours"),
              (60, "minutes"), (1, "seconds"))


def _scaled(q: Quantity) -> tuple[float, float | None, str]:
    """Value, high and unit in a readable scale (15 MW, not 15,000,000 W)."""
    v, h, u = q.value, q.high, q.unit
    if u == "s":
        for f, name in _DURATIONS:
            if abs(v) >= f * 0.999 or f == 1:
                return v / f, (h / f if h is not None else None), name
    if u in ("W", "Wh", "m", "g", "Hz") and v:
        if u == "g" and abs(v) >= 1e6:
            return v / 1e6, (h / 1e6 if h is not None else None), "t"
        for f, p in _PREFIXES:
            if abs(v) >= f * 0.999:
                return v / f, (h / f if h is not None else None), p + u
    return v, h, u


def format_value(q: Quantity) -> str:
    if q.value is None:
        return q.text
    if q.kind == "time":
        prefix = {OVER: "after ", ABOUT: "about ", NEARLY: "nearly ", UNDER: "before "}.get(q.approx, "")
        return prefix + _clock(q)
    value, high, unit = _scaled(q)
    v = _fmt(round(value, 9))
    if high is not None:
        v += "–" + _fmt(round(high, 9))
    unit = {"%": "%", "pp": " percentage points"}.get(unit, (" " + unit) if unit else "")
    prefix = {OVER: "over ", ABOUT: "about ", NEARLY: "nearly ", UNDER: "under "}.get(q.approx, "")
    return prefix + v + unit


def _fmt(v: float) -> str:
    if not math.isfinite(v):
        return "an overflowing number"  # 309 digits and more: a float cannot hold it
    if v == int(v) and abs(v) < 1e15:
        return f"{int(v):,}"
    return f"{v:,.6g}" if abs(v) >= 1 else f"{v:.6g}"


# --------------------------------------------------------------------------
# small patterns used inside the loops, compiled once (``regex.match(str, ...)``
# looks its pattern up in regex's cache on every call, which costs more than
# the match itself on this many short strings)

_TIME_AFTER = regex.compile(r"许|左右|前|后|起|开始")
_TIME_ABOUT = regex.compile(r"许|左右")
_ZUOYOU = regex.compile(r"左右")
_DIGIT = regex.compile(r"\d")
_TWO_NUMERALS = regex.compile(r"[一二两三四五六七八九]{2}")
_HAN = regex.compile(r"\p{Han}")
_LATIN = regex.compile(r"[A-Za-z]")
_ZH_POST_AFTER = regex.compile(r"\s*(左右|上下|以上|以下|以内|多|余)")
_EN_ORD_NOUN = regex.compile(r"[\s-]+((?:[A-Za-z'’-]+\s+){0,3}[A-Za-z-]+)")
_EN_POINTS = regex.compile(r"\s+points?\b")
_EN_NOUN = regex.compile(r"[- ]((?:[A-Za-z-]+\s+){0,3}[A-Za-z-]+)")
_ANY_FIGURE = regex.compile(
    r"[\d零〇一二两三四五六七八九十百千万亿]|(?i:\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|dozen|third|fifth|decade)\w*)"
)
_THREE_WORDS = regex.compile(r"[A-Za-z]{3,}\s+[A-Za-z]{3,}\s+[A-Za-z]{3,}")
_EN_RUN = regex.compile(r"[A-Za-z$\\][A-Za-z0-9 ,.$%\\'’\-–]{20,}")


# --------------------------------------------------------------------------
# unit tables (generic vocabulary only)

# The unit tables are data (units.yaml next to this file): unit -> (base unit,
# factor, kind).  Loaded once; load_units() adds a user's file.
_UNITS_FILE = pathlib.Path(__file__).with_name("units.yaml")


def _read_units(path) -> dict:
    import yaml  # noqa: PLC0415

    data = yaml.safe_load(pathlib.Path(path).read_text(encoding="utf-8")) or {}
    table = lambda d: {str(k): (str(v[0]), float(v[1]), str(v[2])) for k, v in (d or {}).items()}  # noqa: E731
    return {"zh": table(data.get("zh")), "symbols": table(data.get("symbols")), "en": table(data.get("en")),
            "needs_numeral": frozenset(data.get("needs_numeral") or ())}


_LOADED = _read_units(_UNITS_FILE)
ZH_UNITS: dict[str, tuple[str, float, str]] = _LOADED["zh"]
# Latin unit symbols accepted after a number in either language.
SYMBOL_UNITS: dict[str, tuple[str, float, str]] = _LOADED["symbols"]
# English unit words (singular; plurals by -s/-es).
EN_UNITS: dict[str, tuple[str, float, str]] = _LOADED["en"]
# Units read only after a numeral: 万里 and 千斤 are idioms, not 5,000 km and 500 kg.
NEEDS_NUMERAL: frozenset[str] = _LOADED["needs_numeral"]

# The English reader matches symbols case-insensitively ("820,000kw",
# "million KWH"): look them up folded too.  A folded form shared by two
# symbols would be ambiguous; none is today, and such a form reads as no unit.
# (Built, with every pattern that lists the units, by _compile_unit_patterns.)
_SYMBOL_FOLDED: dict[str, tuple[str, float, str]] = {}


def symbol_unit(sym: str) -> tuple[str, float, str] | None:
    """(base unit, factor, kind) of a unit symbol as written, in any case; None if unknown."""
    return SYMBOL_UNITS.get(sym) or _SYMBOL_FOLDED.get(sym.casefold())


ZH_CURRENCIES = {
    "美元": "USD", "欧元": "EUR", "日元": "JPY", "英镑": "GBP", "港元": "HKD", "港币": "HKD",
    "卢布": "RUB", "元人民币": "CNY", "人民币": "CNY", "元": "CNY",
}
EN_CURRENCY_WORDS = {
    "yuan": "CNY", "rmb": "CNY", "renminbi": "CNY", "dollar": "USD", "us dollar": "USD",
    "euro": "EUR", "yen": "JPY", "pound": "GBP", "rouble": "RUB", "ruble": "RUB",
}
EN_CURRENCY_SIGNS = {"US$": "USD", "$": "USD", "USD": "USD", "RMB": "CNY", "CNY": "CNY",
                     "¥": "CNY", "€": "EUR", "EUR": "EUR", "£": "GBP", "HK$": "HKD"}

# Chinese classifiers: a numeral followed by one of these counts something.
ZH_CLASSIFIERS = (
    "个|项|位|名|家|所|座|种|类|件|条|次|批|篇|部|台|架|艘|颗|款|户|人|国|场|轮|届|大|支|只|张|"
    "份|册|本|门|层|级|期|组|套|根|片|间|处|股|笔|宗|例|辆|枚|栋|节|段|点|方面|城|省|县|区|园|所|卡"
)

_ZH_MAG = {"万亿": 1e12, "亿": 1e8, "万": 1e4, "千": 1e3}
_EN_MAG = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "k": 1e3, "m": 1e6,
           "bn": 1e9, "mn": 1e6, "tn": 1e12}

_ZH_APPROX_PRE = {
    "超过": OVER, "超出": OVER, "多达": OVER, "超": OVER, "逾": OVER, "达": "",
    "将近": NEARLY, "接近": NEARLY, "近": NEARLY, "大约": ABOUT, "约": ABOUT,
    "不到": UNDER, "不足": UNDER, "不超过": UNDER, "少于": UNDER,
}
_ZH_APPROX_POST = {"余": OVER, "多": OVER}
_ZH_APPROX_AFTER = {"以上": OVER, "多": OVER, "余": OVER, "左右": ABOUT, "上下": ABOUT, "以下": UNDER,
                    "以内": UNDER}
_EN_APPROX = {
    "more than": OVER, "over": OVER, "above": OVER, "exceeding": OVER, "exceeded": OVER,
    "exceeds": OVER, "exceed": OVER, "surpassing": OVER, "surpassed": OVER, "surpass": OVER,
    "upwards of": OVER, "at least": OVER, "in excess of": OVER, "beyond": OVER,
    "nearly": NEARLY, "almost": NEARLY, "close to": NEARLY, "approaching": NEARLY,
    "about": ABOUT, "around": ABOUT, "approximately": ABOUT, "roughly": ABOUT, "some": ABOUT,
    "an estimated": ABOUT, "approx.": ABOUT,
    "less than": UNDER, "fewer than": UNDER, "under": UNDER, "below": UNDER, "up to": UNDER,
}

# --------------------------------------------------------------------------
# numerals

_CN_NUMERAL = "零〇一二两三四五六七八九十百千"
_ARABIC = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_FULLWIDTH = str.maketrans("０１２３４５６７８９．，％", "0123456789.,%")


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
    except Exception:  # cn2an raises ValueError and friends on odd strings
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
_CN_DIGIT_VALUES = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6,
                    "七": 7, "八": 8, "九": 9}
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


# --------------------------------------------------------------------------
# Chinese

_ZH_NUM = rf"(?:{_ARABIC}|[{_CN_NUMERAL}]+)"
_ZH_DATE = regex.compile(
    rf"(?:(?P<y>(?:1[89]|20)\d{{2}}|[〇零一二]{{1}}[〇零一二三四五六七八九]{{3}})\s*年\s*)?"
    rf"(?P<m>1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])\s*月"
    rf"(?:\s*(?P<d>3[01]|[12]\d|0?[1-9]|[二三]?十[一二三四五六七八九]?|[一二三四五六七八九])\s*[日号])?"
    rf"(?:\s*(?:[至到—–~～-]{{1,2}}|[和及与、])\s*(?:(?P<m2>1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])\s*月\s*)?"
    rf"(?P<d2>3[01]|[12]\d|0?[1-9]|[二三]?十[一二三四五六七八九]?|[一二三四五六七八九])\s*[日号])?"
)
# a list item's number at the start of a block: （十二）, (3)
_ZH_ITEM = regex.compile(r"\s*[（(](?P<n>[一二三四五六七八九十百]{1,4}|[1-9]\d{0,2})[）)]")
# A numeric date in Chinese text: 2021-6-8, 2021/06/08, 2021.6.8 (a dateline, a title)
_ZH_NUMERIC_DATE = regex.compile(r"(?<![\d.\-/])(?P<y>(?:19|20)\d{2})(?P<sep>[-/.])(?P<m>1[0-2]|0?[1-9])(?P=sep)"
                                 r"(?P<d>3[01]|[12]\d|0?[1-9])(?![\d.\-/])")
# "十四五" / "十五五": the Nth Five-Year Plan, written with the ordinal and 五
_ZH_PLAN = regex.compile(r"(?<![一二三四五六七八九十])(?P<n>十[一二三四五六七八九]?|[一二三四五六七八九])五(?=[”\"」]|规划|时期|期间|末|开局|收官|初|计划)")
_ZH_FRACTION = regex.compile(r"(?P<d>[一二三四五六七八九十百千]+)分之(?P<n>[一二三四五六七八九十]+)(?![一二三四五六七八九十])")
_ZH_TENTHS = regex.compile(r"(?P<pre>近|超过|超|约|逾)?(?P<n>[一二三四五六七八九]|\d)成(?P<post>以上|左右|多)?(?![为功果立本员熟就长交绩都效型品])")
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
_ZH_CUR_ALT = "|".join(sorted(ZH_CURRENCIES, key=len, reverse=True))
# _ZH_UNIT_ALT, _SYMBOL_ALT, _ZH_AFTER (what follows a Chinese numeral) and
# _ZH_YEAR list the units: _compile_unit_patterns builds them, at import and
# again after load_units.
_ZH_NOUN = regex.compile(r"[\p{Han}A-Za-z]{1,8}")


# --------------------------------------------------------------------------
# times of day

_ZH_PERIODS = {
    "凌晨": "am", "清晨": "am", "早上": "am", "早晨": "am", "上午": "am", "中午": "noon", "正午": "noon",
    "午后": "pm", "下午": "pm", "傍晚": "pm", "晚上": "pm", "晚间": "pm", "当晚": "pm", "今晚": "pm",
    "昨晚": "pm", "夜里": "night", "夜间": "night", "深夜": "night", "半夜": "night", "午夜": "night",
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


def _time_quantity(text: str, start: int, end: int, lang: str, h: float, mm: float, period: str,
                   approx: str, block: int) -> Quantity | None:
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
    return Quantity(start, end, text[start:end], lang, "time", value=float(h * 60 + mm),
                    unit="clock" if resolved else "clock12", approx=approx, digits=2, block=block)


def _zh_times(text: str, start: int, end: int, block: int) -> list[Quantity]:
    out = []
    for m in _ZH_TIME.finditer(text, start, end):
        if m["h2"]:
            per = m["per2"]
            before = text[max(start, m.start("h2") - 1):m.start("h2")]
            after = text[m.end():min(end, m.end() + 2)]
            if not (per or before in ("日", "于", "在", "至", "到", "从")
                    or _TIME_AFTER.match(after)):
                continue
            h, mm = float(m["h2"]), float(m["mm2"])
            approx = ABOUT if _TIME_ABOUT.match(after) else ""
        else:
            per = m["per"]
            before = text[max(start, m.start("h") - 1):m.start("h")]
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
            if not approx and _ZUOYOU.match(text[m.end():m.end() + 2]):
                approx = ABOUT
        s = m.start("per") if m["per"] else m.start("per2") if m["per2"] else m.start("h") if m["h"] \
            else m.start("h2")
        q = _time_quantity(text, s, m.end(), "zh", h, mm, _ZH_PERIODS.get(per or "", ""), approx, block)
        if q is not None:
            out.append(q)
    return out


def _en_times(text: str, start: int, end: int, block: int) -> list[Quantity]:
    out = []
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


def _zh_value(num: str) -> float | None:
    if num == "":
        return 1.0  # a bare magnitude: 万吨, 十万卡
    if _DIGIT.match(num):
        return _arabic(num)
    return cn_number(num)


class _Found:
    """Quantities found so far in a stretch of text; a later, weaker reading
    may not claim characters an earlier one took."""

    def __init__(self) -> None:
        self.out: list[Quantity] = []
        # the offsets taken, one by one: a figure is a few characters long, so
        # a lookup costs its length — not the number of figures found before
        # (a line of 20,000 figures once took minutes)
        self._taken: set[int] = set()

    def free(self, s: int, e: int) -> bool:
        taken = self._taken
        return not any(i in taken for i in range(s, e))

    def add(self, q: Quantity) -> None:
        self.out.append(q)
        self._taken.update(range(q.start, q.end))


def extract_zh(text: str, start: int, end: int, block: int = -1) -> list[Quantity]:
    """Quantities of the Chinese text ``text[start:end]`` (absolute offsets)."""
    found = _Found()
    out, free, add = found.out, found.free, found.add

    m = _ZH_ITEM.match(text, start, end)
    if m:  # （十二）改变或者撤销……: the twelfth item of a list
        v = _zh_value(m["n"])
        if v:
            add(Quantity(m.start("n"), m.end("n"), m["n"], "zh", "ordinal", value=v, noun="item",
                         block=block))
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
        add(Quantity(m.start(), m.end(), m.group(0), "zh", "date", year=int(y) if y else None,
                     month=int(m_), day=int(d) if d else None, day_high=int(d2) if d2 else None,
                     year_source="explicit" if y else "", block=block))
    for m in _ZH_NUMERIC_DATE.finditer(text, start, end):
        if free(m.start(), m.end()):
            add(Quantity(m.start(), m.end(), m.group(0), "zh", "date", year=int(m["y"]), month=int(m["m"]),
                         day=int(m["d"]), year_source="explicit", block=block))
    for q in _zh_times(text, start, end, block):
        if free(q.start, q.end):
            add(q)
    for m in _ZH_YEAR.finditer(text, start, end):
        if not free(m.start(), m.end()):
            continue
        y = int(m["y"])
        add(Quantity(m.start(), m.start() + len(m["y"]) + (1 if m.group(0).rstrip().endswith("年") else 0),
                     m.group(0).strip(), "zh", "year", value=float(y), year=y, digits=4, block=block))
    for m in _ZH_PLAN.finditer(text, start, end):
        v = cn_number(m["n"])
        if v is not None and free(m.start(), m.end()):
            add(Quantity(m.start(), m.end(), m.group(0), "zh", "ordinal", value=v,
                         noun="五年规划", digits=len(str(int(v))), block=block))
    for m in _ZH_FRACTION.finditer(text, start, end):
        d, n = cn_number(m["d"]), cn_number(m["n"])
        if d and n is not None and free(m.start(), m.end()):
            add(Quantity(m.start(), m.end(), m.group(0), "zh", "percent", value=100 * n / d, unit="%",
                         digits=2, block=block))
    for m in _ZH_TENTHS.finditer(text, start, end):
        if m.start("n") > start and text[m.start("n") - 1] in "一二三四五六七八九十" + _WORD_BEFORE_NUMERAL:
            continue
        if text[m.start("n"):m.start("n") + 4] == "一成不变":
            continue
        n = _zh_value(m["n"])
        if n is not None and free(m.start(), m.end()):
            approx = _ZH_APPROX_PRE.get(m["pre"] or "", "") or _ZH_APPROX_AFTER.get(m["post"] or "", "")
            add(Quantity(m.start(), m.end(), m.group(0), "zh", "percent", value=10 * n, unit="%",
                         approx=approx or ABOUT, digits=1, block=block))
    for m in _ZH_DECADES_OF_AGE.finditer(text, start, end):
        if free(m.start(), m.end()):
            pre = (m["pre"] or "").lstrip("年")
            approx = {"近": NEARLY, "逾": OVER, "过": OVER}.get(pre, ABOUT)
            add(Quantity(m.start(), m.end(), m.group(0), "zh", "count", value=10.0 * (cn_number(m["n"]) or 0),
                         approx=approx, noun="岁", digits=1, block=block))
    for m in _ZH_HALF.finditer(text, start, end):
        if free(m.start(), m.end()):
            add(Quantity(m.start(), m.end(), m.group(0), "zh", "percent", value=50.0, unit="%",
                         approx=ABOUT, digits=1, block=block))
    for m in _ZH_PERCENT_WORD.finditer(text, start, end):
        v = _zh_value(m["n"])
        if v is not None and free(m.start(), m.end()):
            add(Quantity(m.start(), m.end(), m.group(0), "zh", "percent", value=v, unit="%",
                         digits=_digits_of(str(v)), block=block))

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
                if q2 is not None and q.value is not None and q2.value is not None and (
                    not q.unit and q.kind == "count" and q.end == m.end() or q.unit == q2.unit
                ):
                    lo_scale = 1.0
                    if not q.unit and q2.unit:
                        # "3-5年": the first number takes the unit of the second
                        lo_scale = q2.value / _zh_value(m2["num"]) if _zh_value(m2["num"]) else 1.0
                        lo_scale /= _ZH_MAG.get(m2["mag"] or "", 1.0)
                        lo_scale *= _ZH_MAG.get(m2["mag"] or "", 1.0) if not m["mag"] else 1.0
                    q = replace(q2, start=q.start, text=text[q.start:q2.end], value=q.value * lo_scale,
                                high=q2.value, approx=q.approx or q2.approx)
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
    after = _ZH_AFTER.match(text, m.end(), end)
    ordinal = bool(m["ord"])
    qstart = m.start() if (m["pre"] or m["ord"]) else m.start("num")
    if m["pre"] == "达":
        qstart = m.start("num")
    prev = text[qstart - 1] if qstart > 0 else ""
    if not arabic and not ordinal and prev and _HAN.match(prev) and prev in _WORD_BEFORE_NUMERAL:
        return None
    if arabic and prev and _LATIN.match(prev):
        return None  # "COVID-19", "H20": names
    if arabic and m.end() < end and _LATIN.match(text[m.end()]) and not (
        after and after["sym"]
    ):
        return None  # "5G", "3D": names, not figures
    if num == "" and not (after and (after["unit"] or after["sym"]
                                     or after["cls"] in ("卡", "台", "颗", "辆", "艘", "架", "套"))):
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
            if num == "" and after["unit"] in NEEDS_NUMERAL:
                return None  # 万里, 千斤: idioms
            unit, factor, kind = (ZH_UNITS.get(after["unit"]) if after["unit"] else symbol_unit(after["sym"]))
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
    post_after = _ZH_POST_AFTER.match(text[qend:min(end, qend + 4)])
    if post_after and not approx:
        approx = _ZH_APPROX_AFTER[post_after.group(1)]
        if post_after.group(1) in ("多", "余"):
            qend += post_after.end()
    noun_m = _ZH_NOUN.match(text, noun_from, end)
    noun = noun_m.group(0) if noun_m else ""
    if after and after["cls"]:
        noun = after["cls"] + "|" + noun
    high = approx_range[1] * mag * factor if approx_range else None
    return Quantity(qstart, qend, text[qstart:qend], "zh", kind, value=value * factor, unit=unit,
                    approx=approx, high=high, noun=noun,
                    digits=_digits_of(num) if arabic else len(str(int(v))), block=block)


# --------------------------------------------------------------------------
# English

_EN_ONES = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
_EN_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
            "eighty": 80, "ninety": 90}
_EN_ORD = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
    "sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90, "hundredth": 100,
}
_MONTHS = {m: i + 1 for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"])}
_MONTH_ABBR = {m[:3]: i for m, i in _MONTHS.items()} | {"sept": 9}
_MONTH_RE = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"

_WORD_NUM = (
    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?"
    r"|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen"
    r"|sixteen|seventeen|eighteen|nineteen|a|an)"
    r"(?:[- ]hundred(?:[- ](?:and[- ])?(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen))?)?"
)
_ORD_WORD = (
    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[- ])?"
    r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth"
    r"|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth|fortieth"
    r"|fiftieth|sixtieth|seventieth|eightieth|ninetieth|hundredth)"
)
_EN_APPROX_ALT = "|".join(sorted(map(regex.escape, _EN_APPROX), key=len, reverse=True))
_EN_CUR_SIGN = r"(?:US\$|HK\$|\\?\$|USD|RMB|CNY|¥|€|EUR|£)"
_EN_DATE = regex.compile(
    rf"\b(?P<mon>{_MONTH_RE})\s+(?P<d>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?\b"
    rf"(?:\s*(?:-|–|—|to|through|and)\s*(?:(?P<mon2>{_MONTH_RE})\s+)?(?P<d2>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?\b)?"
    rf"(?:,?\s+(?P<y>(?:1[89]|20)\d{{2}})\b)?"
    rf"|\b(?P<d_b>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?\s+(?P<mon_b>{_MONTH_RE})(?:,?\s+(?P<y_b>(?:1[89]|20)\d{{2}})\b)?"
    rf"|\b(?P<mon_c>{_MONTH_RE})\s+(?:of\s+)?(?P<y_c>(?:1[89]|20)\d{{2}})\b",
    regex.I,
)
_EN_YEAR = regex.compile(r"(?<![\d.,$\\]|[A-Za-z]-)\b(?P<y>(?:1[89]|20)\d{2})\b(?![.,]\d|\s*(?:%|percent|per cent)|-(?:year|day|ton))")
_EN_NUMBER = regex.compile(
    rf"(?:(?P<pre>{_EN_APPROX_ALT})\s+)?"
    rf"(?P<cur>{_EN_CUR_SIGN})?\s*"
    rf"(?:(?P<ordn>\d+)(?:st|nd|rd|th)\b|(?P<ordw>\b{_ORD_WORD}\b)"
    rf"|(?P<num>(?<![\w.,])(?:{_ARABIC})(?![\d_]|[.,]\d))"
    rf"|(?P<word>\b{_WORD_NUM}\b(?=[- ](?:{_WORD_NUM}|hundred|thousand|million|billion|trillion|dozen)\b|\b)))"
    rf"(?:[- ](?P<mag>thousand|million|billion|trillion|bn|mn|tn)\b|(?P<magk>[kKmM])\b)?"
    rf"(?P<plus>\+|-plus\b)?",
    regex.I,
)
_EN_RANGE = regex.compile(r"\s*(?:-|–|—|to)\s*", regex.I)
# _EN_AFTER_UNIT (what follows an English numeral) lists the units too: see _compile_unit_patterns.
_SKIP_WORD_ALONE = {"one", "a", "an", "zero", "second"}
_IDIOM_AFTER = regex.compile(
    r"-(?:way|stop|dimensional|pronged|sided|in-one|fold\s+increase)\b", regex.I)
_EN_FRACTION = regex.compile(
    r"\b(?:(?P<n>a|one|two|three|four)[- ](?P<d>third|quarter|fifth|tenth)s?|(?P<half>half))\b(?=\s+(?:of|the)\b)",
    regex.I,
)
_EN_ARTICLE = regex.compile(r"\b(?P<label>Article|Chapter|Section)\s+(?P<n>[1-9]\d{0,3})\b(?![.,]\d)")
_EN_ITEM = regex.compile(r"\s*\((?P<n>[1-9]\d{0,2})\)\s")
_FRACTION_DEN = {"third": 3, "quarter": 4, "fifth": 5, "tenth": 10}


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


def _en_ord_value(w: str) -> float | None:
    w = w.lower().replace("-", " ").split()
    if len(w) == 2:
        return _EN_TENS.get(w[0], 0) + _EN_ORD.get(w[1], 0)
    return _EN_ORD.get(w[0])


def _singular(word: str) -> str:
    w = word.lower()
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith(("ches", "shes", "sses", "xes")):
        return w[:-2]
    if w.endswith("s") and not w.endswith("ss") and len(w) > 3:
        return w[:-1]
    return w


def extract_en(text: str, start: int, end: int, block: int = -1) -> list[Quantity]:
    """Quantities of the English text ``text[start:end]`` (absolute offsets)."""
    found = _Found()
    out, free, add = found.out, found.free, found.add

    for m in _EN_DATE.finditer(text, start, end):
        mon = m["mon"] or m["mon_b"] or m["mon_c"]
        key = mon.lower().rstrip(".")
        month = _MONTHS.get(key) or _MONTH_ABBR.get(key[:4] if key.startswith("sept") else key[:3])
        if month is None:
            continue
        if mon[0].islower() and key == "may":
            continue  # the verb "may"
        d = m["d"] or m["d_b"]
        y = m["y"] or m["y_b"] or m["y_c"]
        if not d and not y:
            continue
        add(Quantity(m.start(), m.end(), m.group(0), "en", "date", year=int(y) if y else None,
                     month=month, day=int(d) if d else None,
                     day_high=int(m["d2"]) if m["d2"] else None,
                     year_source="explicit" if y else "", block=block))
    for q in _en_times(text, start, end, block):
        if free(q.start, q.end):
            add(q)
    for m in _EN_YEAR.finditer(text, start, end):
        if free(m.start(), m.end()):
            add(Quantity(m.start(), m.end(), m.group(0), "en", "year", value=float(m["y"]),
                         year=int(m["y"]), digits=4, block=block))

    m = _EN_ITEM.match(text, start, end)
    if m:  # "(12) appointing ...": the twelfth item of a list, as （十二） in Chinese
        add(Quantity(m.start("n"), m.end("n"), m["n"], "en", "ordinal", value=float(m["n"]), noun="item",
                     block=block))
    for m in _EN_ARTICLE.finditer(text, start, end):
        # "Article 12", "Chapter 3": the twelfth article (第十二条), an ordinal
        if free(m.start(), m.end()):
            add(Quantity(m.start("n"), m.end("n"), m["n"], "en", "ordinal", value=float(m["n"]),
                         noun=m["label"].lower(), block=block))
    for m in _EN_FRACTION.finditer(text, start, end):
        if m["half"]:
            v = 50.0
        else:
            v = 100 * (_en_word_value(m["n"]) or 0) / _FRACTION_DEN[m["d"].lower()]
        add(Quantity(m.start(), m.end(), m.group(0), "en", "percent", value=v, unit="%",
                     approx=ABOUT, digits=2, block=block))
    for m in _EN_NUMBER.finditer(text, start, end):
        if not free(m.start(), m.end()):
            continue
        if m["num"] and m.start("num") >= 2 and text[m.start("num") - 1] == "-" and \
                text[m.start("num") - 2].isalpha():
            continue  # "GPT-4", "COVID-19": names
        q = _en_quantity(text, m, end, block)
        if q is None:
            continue
        rng = _EN_RANGE.match(text, q.end, end)
        if rng and q.kind in ("count", "measure", "duration", "percent", "money"):
            m2 = _EN_NUMBER.match(text, rng.end(), end)
            if m2 and not m2["pre"] and (m2["num"] or m2["word"]):
                q2 = _en_quantity(text, m2, end, block)
                if q2 is not None and q2.value is not None and (
                    not q.unit and q.end == m.end() or q.unit == q2.unit
                ):
                    scale = q2.value / max(_num_of(m2), 1e-12) if not q.unit else 1.0
                    q = replace(q2, start=q.start, text=text[q.start:q2.end],
                                value=(q.value or 0) * (scale if not q.unit else 1.0), high=q2.value,
                                approx=q.approx or q2.approx)
        if free(q.start, q.end):
            add(q)
    out.sort(key=lambda q: q.start)
    return out


def _sentence_start(text: str, i: int) -> bool:
    before = text[max(0, i - 3):i].rstrip(" \t\"“‘'(")
    return not before or before[-1] in ".!?:;\n"


def _num_of(m: regex.Match) -> float:
    if m["num"]:
        v = _arabic(m["num"])
    elif m["word"]:
        v = _en_word_value(m["word"]) or 0
    else:
        v = 0
    return v


def _en_quantity(text: str, m: regex.Match, end: int, block: int) -> Quantity | None:
    approx = _EN_APPROX.get((m["pre"] or "").lower(), "")
    if m["plus"]:
        approx = approx or OVER
    qstart = m.start() if m["pre"] else (m.start("cur") if m["cur"] else None)
    if qstart is None:
        qstart = next(m.start(g) for g in ("ordn", "ordw", "num", "word") if m[g])
    if m["ordn"] or m["ordw"]:
        v = _arabic(m["ordn"]) if m["ordn"] else _en_ord_value(m["ordw"])
        if v is None or (m["ordw"] and m["ordw"].lower() in ("first", "second")):
            return None  # "first"/"second" are too often not figures ("for the first time")
        if m["ordw"] and m["ordw"][0].isupper() and not _sentence_start(text, m.start("ordw")):
            return None  # "Third-Generation Semiconductor", "Fifth Session": part of a name
        s = m.start("ordn") if m["ordn"] else m.start("ordw")
        e = m.end("ordn") + 2 if m["ordn"] else m.end("ordw")
        nm = _EN_ORD_NOUN.match(text[e:min(end, e + 60)])
        return Quantity(s, e, text[s:e], "en", "ordinal", value=float(v),
                        noun=nm.group(1) if nm else "", block=block)
    if m["num"]:
        raw = m["num"]
        if m.end("num") < end and text[m.end("num")].isalpha() and not (
            _EN_AFTER_UNIT.match(text, m.end("num"), end)["sym"]
        ) and not m["mag"] and not m["magk"]:
            return None  # "6G", "3D", "H20": names, not figures
        v = _arabic(raw)
        digits = _digits_of(raw)
    else:
        raw = m["word"]
        if raw.lower() in _SKIP_WORD_ALONE and not m["mag"]:
            return None
        if raw[0].isupper() and not _sentence_start(text, m.start("word")):
            return None  # "Five-Year Plan", "Two Sessions": part of a name
        if _IDIOM_AFTER.match(text, m.end("word"), end):
            return None  # "two-way", "one-stop", "three-dimensional": not figures
        v = _en_word_value(raw)
        if v is None:
            return None
        digits = len(str(int(v)).rstrip("0")) or 1
    mag = m["mag"] or m["magk"]
    if mag:
        if m["magk"] and not (m["cur"]):
            return None  # "5m" is five metres or a name; only "$5m" is money
        v *= _EN_MAG[mag.lower()]
    qend = m.end()
    kind, unit = "count", ""
    if m["cur"]:
        kind, unit = "money", EN_CURRENCY_SIGNS.get(m["cur"].lstrip("\\"), "USD")
    after = _EN_AFTER_UNIT.match(text, m.end(), end)
    noun = ""
    if after and after["pct"]:
        kind, unit, qend = "percent", "%", after.end()
        pts = _EN_POINTS.match(text[qend:qend + 10])
        if pts:
            unit = "pp"
            qend += pts.end()
    elif after and after["sym"] and symbol_unit(after["sym"]):
        u, f, kind = symbol_unit(after["sym"])
        unit, v, qend = u, v * f, after.end()
    elif after and after["word"]:
        w = after["word"]
        words = w.split("-")
        lw = w.lower()
        single = _singular(lw)
        cur_word = EN_CURRENCY_WORDS.get(single) or EN_CURRENCY_WORDS.get(lw)
        if kind != "money" and cur_word:
            kind, unit, qend = "money", cur_word, after.end()
        elif kind != "money" and (single in EN_UNITS or _singular(words[0]) in EN_UNITS):
            key = single if single in EN_UNITS else _singular(words[0])
            u, f, kind = EN_UNITS[key]
            if key == "second" and not m["num"]:
                return None
            unit, v = u, v * f
            qend = after.start("word") + (len(w) if single in EN_UNITS else len(words[0]))
        noun = w
        nm = _EN_NOUN.match(text[m.end():min(end, m.end() + 60)])
        if nm:
            noun = nm.group(1)
    if kind == "count" and raw.lower() in ("a", "an"):
        return None
    return Quantity(qstart, qend, text[qstart:qend], "en", kind, value=v, unit=unit, approx=approx,
                    noun=noun, digits=digits, block=block)


# --------------------------------------------------------------------------
# issue date and year inference

_ISSUE = regex.compile(
    r"(?P<y>(?:19|20)\d{2})\s*年\s*(?P<m>1[0-2]|0?[1-9])\s*月\s*(?P<d>3[01]|[12]\d|0?[1-9])\s*日\s*"
    r"(?:出版|出刊|发行|刊印|第\s*\d+\s*版|[A-Z]?\d+\s*版|星期|周[一二三四五六日])"
)
_WORK_YEAR = regex.compile(
    r"(?:回顾|总结|报告|汇报|述职|盘点|通报|部署|表彰)[^。；]{0,20}?(?P<y>(?:19|20)\d{2})\s*年度?"
    r"(?:[^。；]{0,6})?(?:工作|成绩|成果|业绩)"
    r"|(?P<y2>(?:19|20)\d{2})\s*年度?工作(?:报告|总结|回顾)"
)


def issue_date(doc: "Document") -> tuple[int, int, int] | None:
    """The publication date of a document, when it states one.

    A ``YYYY年M月D日`` followed by 出版/出刊/第N版/a weekday — a magazine's
    imprint or a newspaper's page line.  The first one in the file wins.
    """
    m = _ISSUE.search(doc.text)
    if not m:
        return None
    return int(m["y"]), int(m["m"]), int(m["d"])


@functools.lru_cache(maxsize=64)  # infer_years asks once per block of the same article
def _article_work_year(text: str) -> int | None:
    years = {int(m["y"] or m["y2"]) for m in _WORK_YEAR.finditer(text)}
    return max(years) if len(years) == 1 else None


_FUTURE = regex.compile(r"(?:将于|将在|即将|定于|拟于|计划于|预计于|将|拟|届时)[^。；！？]{0,12}$")


def infer_years(qs: list[Quantity], issue: tuple[int, int, int] | None, article_text: str,
                text: str = "") -> list[Quantity]:
    """Give a year to Chinese month-day dates without one (see the module docstring).

    ``text`` is the document text, to read what precedes each date: an event
    announced (将于5月8日举办) lies after the issue date, not before it.
    """
    work_year = _article_work_year(article_text)
    out = []
    for q in qs:
        if q.kind != "date" or q.lang != "zh" or q.year is not None or q.month is None:
            out.append(q)
            continue
        future = bool(text) and bool(_FUTURE.search(text, max(0, q.start - 16), q.start))
        by_issue = None
        if issue is not None:
            iy, im, id_ = issue
            if future:
                by_issue = iy if (q.month, q.day or 1) >= (im, id_) else iy + 1
            else:
                by_issue = iy if (q.month, q.day or 1) <= (im, id_) else iy - 1
        by_work = work_year + 1 if work_year is not None and not future else None
        if by_issue is not None and by_work is not None:
            if by_issue == by_work:
                out.append(replace(q, year=by_issue,
                                   year_source=f"the issue date {issue[0]:04d}-{issue[1]:02d}-{issue[2]:02d} "
                                   f"and the article reporting {work_year}'s work"))
            else:
                out.append(q)  # the evidence disagrees: say nothing
        elif by_issue is not None:
            out.append(replace(q, year=by_issue,
                               year_source=f"the issue date {issue[0]:04d}-{issue[1]:02d}-{issue[2]:02d}"))
        elif by_work is not None:
            out.append(replace(q, year=by_work, year_source=f"the article reporting {work_year}'s work"))
        else:
            out.append(q)
    return out


# --------------------------------------------------------------------------
# the document analysis


# Traditional characters of the numeral, magnitude, classifier and unit
# vocabulary, read as their simplified forms (one character for one, so
# offsets do not move): 70多個國家 is read as 70多个国家.
_TRADITIONAL = str.maketrans(
    "個項條屆種類場輪張冊門層級組間處筆輛棟節點萬億兩臺隻顆歲週時鐘號約餘幾將達過噸畝國區縣倉範軍會際萬",
    "个项条届种类场轮张册门层级组间处笔辆栋节点万亿两台只颗岁周时钟号约余几将达过吨亩国区县仓范军会际万",
)
_TRADITIONAL_ANY = regex.compile("[個項條屆種類場輪張冊門層級組間處筆輛棟節點萬億兩臺隻顆歲週時鐘號約餘幾將達過噸畝國]")


_LATEX_FIGURE = regex.compile(r"\$(?P<body>(?:[\d\s.,~+\-]|\\%|\\sim\b)+)\$")
_MD_ESCAPE = regex.compile(r"\\(?=[%~])")


def _figure_in_math(m: regex.Match) -> str:
    """``$9 9 . 5 \\%$`` → ``99.5%`` padded with spaces to the same length."""
    body = m["body"].replace("\\sim", "~").replace("\\%", "%")
    compact = regex.sub(r"(?<=[\d.])\s+(?=[\d.%])", "", body).strip()
    return compact + " " * (len(m.group(0)) - len(compact))


def _unescape(text: str) -> tuple[str, list[tuple[int, int]]]:
    """The text with figures in LaTeX math and Markdown escapes (\\%, \\~)
    written plainly, every offset kept (padding with spaces); and the spans
    rewritten, so that a figure read there can be given its whole span."""
    spans = [(m.start(), m.end()) for m in _LATEX_FIGURE.finditer(text)]
    spans += [(m.start(), m.end() + 1) for m in _MD_ESCAPE.finditer(text)]
    spans.sort()
    text = _LATEX_FIGURE.sub(_figure_in_math, text)
    return text.replace("\\%", "% ").replace("\\~", "~ "), spans


def _as_written(q: Quantity, text: str, spans: list[tuple[int, int]]) -> Quantity:
    """``q`` read from rewritten text: its span widened to the rewritten
    spans it touches, its text as written."""
    import bisect  # noqa: PLC0415

    s, e = q.start, q.end
    k = bisect.bisect_right(spans, (e, len(text) + 1)) - 1
    while k >= 0 and spans[k][1] > s:
        if spans[k][0] < e:
            s, e = min(s, spans[k][0]), max(e, spans[k][1])
        k -= 1
    return replace(q, start=s, end=e, text=text[s:e].strip())


def quantities(doc: "Document") -> dict[int, list[Quantity]]:
    """Quantities per block index; Chinese dates get their year inferred per article."""
    text = doc.text
    # Chinese is read in simplified characters (a copy of the text, translated
    # once); each quantity keeps the text as written.
    zh_text = text.translate(_TRADITIONAL) if _TRADITIONAL_ANY.search(text) else text
    # LaTeX and Markdown escapes of PDF conversion, read as the figures they are
    # ($9 9 . 5 \%$ is 99.5%, not nine dollars; 2\~3 is 2~3), offsets kept
    en_text, spans = text, []
    if "\\" in text:
        en_text, spans = _unescape(text)
        zh_text, _ = _unescape(zh_text)
    per_block: dict[int, list[Quantity]] = {}
    for i, b in enumerate(doc.blocks):
        segment = text[b.start:b.end]
        if not _ANY_FIGURE.search(segment):
            continue
        if b.lang == EN:
            qs = extract_en(en_text, b.start, b.end, i)
            if en_text is not text:
                qs = [_as_written(q, text, spans) for q in qs]
        else:
            qs = extract_zh(zh_text, b.start, b.end, i)
            if zh_text is not text:
                qs = [_as_written(q, text, spans) for q in qs]
            # English sentences inside a mixed block
            if _THREE_WORDS.search(segment):
                for s in _EN_RUN.finditer(segment):
                    en_q = extract_en(en_text, b.start + s.start(), b.start + s.end(), i)
                    if en_text is not text:
                        en_q = [_as_written(q, text, spans) for q in en_q]
                    qs.extend(q for q in en_q if not any(q.start < o.end and o.start < q.end for o in qs))
                qs.sort(key=lambda q: q.start)
        if qs:
            per_block[i] = qs
    issue = issue_date(doc)
    for a in doc.articles:
        body = "".join(text[doc.blocks[i].start:doc.blocks[i].end] for i in a.chinese_blocks())
        # a reprint carries its own source line (《X报》Y年M月D日第N版): it dates the article
        own = _ISSUE.search(text, a.start, a.end)
        article_issue = (int(own["y"]), int(own["m"]), int(own["d"])) if own else issue
        for i in range(a.first_block, a.last_block + 1):
            if i in per_block:
                per_block[i] = infer_years(per_block[i], article_issue, body, text)
    return per_block


def in_block(doc: "Document", block: int) -> list[Quantity]:
    return doc.analysis(quantities).get(block, [])


def in_span(doc: "Document", start: int, end: int) -> list[Quantity]:
    """Quantities lying within ``[start, end)``."""
    out = []
    qs = doc.analysis(quantities)
    first = doc.block_at(start)
    if first is None:
        first = 0
    for i in range(first, len(doc.blocks)):
        if doc.blocks[i].start >= end:
            break
        out.extend(q for q in qs.get(i, ()) if start <= q.start and q.end <= end)
    return out


# --------------------------------------------------------------------------
# comparing values


def same_value(a: Quantity, b: Quantity) -> bool:
    """Whether ``a`` and ``b`` can be the same figure written two ways.

    Equal after normalisation; or equal once the more precise one is rounded
    to the precision the other was written with (36,123 vs 3.6万); or, when
    either is approximate (over/about/nearly/under), within the slack the
    approximation allows.  Ranges match when their ends do.
    """
    if a.value is None or b.value is None:
        return False
    if a.kind == "time" or b.kind == "time":
        return a.kind == b.kind and same_time(a, b)
    if _close(a.value, b.value, a, b) and (
        a.high is None and b.high is None or a.high is not None and b.high is not None and _close(a.high, b.high, a, b)
    ):
        return True
    lo_a, hi_a = a.value, a.high if a.high is not None else a.value
    lo_b, hi_b = b.value, b.high if b.high is not None else b.value
    if (a.high is None) != (b.high is None):
        single, rng = (a, b) if a.high is None else (b, a)
        if _close(single.value, rng.value, a, b) or _close(single.value, rng.high, a, b):
            return True
    approx = a.approx or b.approx
    if approx:
        for x, y in ((lo_a, lo_b), (hi_a, hi_b)):
            if x and y and abs(x - y) / max(abs(x), abs(y)) <= 0.2:
                return True
    return False


def _close(x: float, y: float, a: Quantity, b: Quantity) -> bool:
    if x == y or math.isclose(x, y, rel_tol=1e-9):
        return True
    if not x or not y:
        return False
    # rounding: the value written with fewer significant digits is the other, rounded
    for v, w, q in ((x, y, a), (y, x, b)):
        if q.digits:
            mag = math.floor(math.log10(abs(v)))
            step = 10 ** (mag - q.digits + 1)
            if abs(round(w / step) * step - v) <= step * 1e-6:
                return True
    return False


# --------------------------------------------------------------------------
# extending the unit tables


def _compile_unit_patterns() -> None:
    """Rebuild the patterns that list the units (after load_units)."""
    global _ZH_UNIT_ALT, _SYMBOL_ALT, _ZH_AFTER, _ZH_YEAR, _EN_AFTER_UNIT, _SYMBOL_FOLDED
    _ZH_UNIT_ALT = "|".join(sorted(map(regex.escape, ZH_UNITS), key=len, reverse=True))
    _SYMBOL_ALT = "|".join(sorted(map(regex.escape, SYMBOL_UNITS), key=len, reverse=True))
    _ZH_AFTER = regex.compile(
        rf"\s*(?:(?P<pct>[%％])|(?P<cur>{_ZH_CUR_ALT})|(?P<unit>{_ZH_UNIT_ALT})|"
        rf"(?P<sym>(?:{_SYMBOL_ALT})(?![A-Za-z]))|(?P<yr>年(?!代|度|级|初|底|末|轻|龄|会|鉴|报|份))|"
        rf"(?P<cls>{ZH_CLASSIFIERS})|(?P<ri>日))"
    )
    # a bare four-digit number before a name is a year (2031某协会年会), before
    # a unit or classifier it is a figure (3500吨, 2031家)
    _ZH_YEAR = regex.compile(
        r"(?<![\d.])(?P<y>(?:1[89]|20)\d{2})\s*(?:年(?!代|前|后|来|间)|"
        rf"(?=\p{{Han}})(?!年|{_ZH_UNIT_ALT}|{_ZH_CUR_ALT}|{ZH_CLASSIFIERS}|多|余|万|亿|千))"
    )
    _EN_AFTER_UNIT = regex.compile(
        r"[- ]?(?P<pct>%|\s*percent\b|\s*per\s+cent\b)"
        rf"|[- ]?(?P<sym>(?:{_SYMBOL_ALT}))(?![A-Za-z])"
        r"|[- ](?:(?:key|major|main|core|new|more|other|different|separate|distinct|consecutive|full|whole|"
        r"straight|successive|additional|national-level|international|large|small|top|leading)[- ]){0,2}"
        r"(?P<word>[A-Za-z][A-Za-z-]*(?:\s+(?:hour|meter|metre|kilometer|kilometre|celsius|point|dollar)s?)?)"
        r"|(?P<nothing>)",
        regex.I,
    )
    folded: dict = {}
    for sym, val in SYMBOL_UNITS.items():
        folded[sym.casefold()] = val if folded.get(sym.casefold(), val) == val else None
    _SYMBOL_FOLDED = folded


_compile_unit_patterns()


def load_units(path) -> None:
    """Add the units of a YAML file (the layout of ``units.yaml``: ``zh``,
    ``symbols``, ``en``, ``needs_numeral``) to the tables, for the rest of the
    process.  Documents read afterwards see them; cached analyses do not change."""
    global NEEDS_NUMERAL
    extra = _read_units(path)
    ZH_UNITS.update(extra["zh"])
    SYMBOL_UNITS.update(extra["symbols"])
    EN_UNITS.update(extra["en"])
    NEEDS_NUMERAL = NEEDS_NUMERAL | extra["needs_numeral"]
    _compile_unit_patterns()
