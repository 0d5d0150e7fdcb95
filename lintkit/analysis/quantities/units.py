"""The vocabulary of units, currencies, classifiers, magnitudes and approximation words.

The unit tables are data (``units.yaml`` next to this file, read here) and
``load_units`` extends them at run time; the patterns that list the units
(``_ZH_AFTER``, ``_ZH_YEAR``, ``_EN_AFTER_UNIT``, ...) are built in one place,
``_compile_unit_patterns``, at import and again after ``load_units``.  Since
that rebinds module globals, the readers look them up as attributes of this
module (``units._ZH_AFTER``), never as names copied at import time.
"""

from __future__ import annotations

import pathlib

import regex

from .model import ABOUT, NEARLY, OVER, UNDER

# --------------------------------------------------------------------------
# unit tables (generic vocabulary only)

# The unit tables are data (units.yaml next to this file): unit -> (base unit,
# factor, kind).  Loaded once; load_units() adds a user's file.
_UNITS_FILE = pathlib.Path(__file__).with_name("units.yaml")


def _read_units(path, shipped: bool = False) -> dict:
    import yaml  # noqa: PLC0415

    from ..shipped_yaml import load_shipped_yaml  # noqa: PLC0415

    source = pathlib.Path(path).read_text(encoding="utf-8")
    # lintkit's own table, read at every start, by libyaml; a user's file
    # keeps the pure-Python reader
    data = (load_shipped_yaml(source) if shipped else yaml.safe_load(source)) or {}
    table = lambda d: {str(k): (str(v[0]), float(v[1]), str(v[2])) for k, v in (d or {}).items()}  # noqa: E731
    return {
        "zh": table(data.get("zh")),
        "symbols": table(data.get("symbols")),
        "en": table(data.get("en")),
        "needs_numeral": frozenset(data.get("needs_numeral") or ()),
    }


_LOADED = _read_units(_UNITS_FILE, shipped=True)
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
    "美元": "USD",
    "欧元": "EUR",
    "日元": "JPY",
    "英镑": "GBP",
    "港元": "HKD",
    "港币": "HKD",
    "卢布": "RUB",
    "元人民币": "CNY",
    "人民币": "CNY",
    "元": "CNY",
}
EN_CURRENCY_WORDS = {
    "yuan": "CNY",
    "rmb": "CNY",
    "renminbi": "CNY",
    "dollar": "USD",
    "us dollar": "USD",
    "euro": "EUR",
    "yen": "JPY",
    "pound": "GBP",
    "rouble": "RUB",
    "ruble": "RUB",
}
EN_CURRENCY_SIGNS = {
    "US$": "USD",
    "$": "USD",
    "USD": "USD",
    "RMB": "CNY",
    "CNY": "CNY",
    "¥": "CNY",
    "€": "EUR",
    "EUR": "EUR",
    "£": "GBP",
    "HK$": "HKD",
}

# Chinese classifiers: a numeral followed by one of these counts something.
ZH_CLASSIFIERS = (
    "个|项|位|名|家|所|座|种|类|件|条|次|批|篇|部|台|架|艘|颗|款|户|人|国|场|轮|届|大|支|只|张|"
    "份|册|本|门|层|级|期|组|套|根|片|间|处|股|笔|宗|例|辆|枚|栋|节|段|点|方面|城|省|县|区|园|所|卡"
)

_ZH_MAG = {"万亿": 1e12, "亿": 1e8, "万": 1e4, "千": 1e3}
_EN_MAG = {
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
    "k": 1e3,
    "m": 1e6,
    "bn": 1e9,
    "mn": 1e6,
    "tn": 1e12,
}

_ZH_APPROX_PRE = {
    "超过": OVER,
    "超出": OVER,
    "多达": OVER,
    "超": OVER,
    "逾": OVER,
    "达": "",
    "将近": NEARLY,
    "接近": NEARLY,
    "近": NEARLY,
    "大约": ABOUT,
    "约": ABOUT,
    "不到": UNDER,
    "不足": UNDER,
    "不超过": UNDER,
    "少于": UNDER,
}
_ZH_APPROX_POST = {"余": OVER, "多": OVER}
_ZH_APPROX_AFTER = {"以上": OVER, "多": OVER, "余": OVER, "左右": ABOUT, "上下": ABOUT, "以下": UNDER, "以内": UNDER}
_EN_APPROX = {
    "more than": OVER,
    "over": OVER,
    "above": OVER,
    "exceeding": OVER,
    "exceeded": OVER,
    "exceeds": OVER,
    "exceed": OVER,
    "surpassing": OVER,
    "surpassed": OVER,
    "surpass": OVER,
    "upwards of": OVER,
    "at least": OVER,
    "in excess of": OVER,
    "beyond": OVER,
    "nearly": NEARLY,
    "almost": NEARLY,
    "close to": NEARLY,
    "approaching": NEARLY,
    "about": ABOUT,
    "around": ABOUT,
    "approximately": ABOUT,
    "roughly": ABOUT,
    "some": ABOUT,
    "an estimated": ABOUT,
    "approx.": ABOUT,
    "less than": UNDER,
    "fewer than": UNDER,
    "under": UNDER,
    "below": UNDER,
    "up to": UNDER,
}

_ZH_CUR_ALT = "|".join(sorted(ZH_CURRENCIES, key=len, reverse=True))

# What a figure counts: the words after it, read by both readers and by the
# vague magnitudes (vague.py), which the readers import.
ZH_NOUN = regex.compile(r"[\p{Han}A-Za-z]{1,8}")
# An English noun phrase stops before the next figure: in "two sides signed
# seven agreements" the two count sides, not agreements.
_EN_NUMBER_WORD = (
    r"(?i:(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|"
    r"eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|dozens?)\b)"
)
EN_NOUN = regex.compile(rf"[- ]((?:(?!{_EN_NUMBER_WORD})[A-Za-z-]+\s+){{0,3}}(?!{_EN_NUMBER_WORD})[A-Za-z-]+)")

# The patterns that list the units, bound by _compile_unit_patterns below (at
# import and after load_units); declared here so the readers' lookups type-check.
_ZH_UNIT_ALT: str
_SYMBOL_ALT: str
_ZH_AFTER: regex.Pattern
_ZH_YEAR: regex.Pattern
_EN_AFTER_UNIT: regex.Pattern


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
