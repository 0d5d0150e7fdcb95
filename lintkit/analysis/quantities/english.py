"""The English reader: every figure of a stretch of English text, as quantities.

``extract_en`` reads dates ("March 2 to 4, 2031"), clock times, years, list
items, "Article 12", fractions ("two thirds of"), and then every other
number (digits, number words, ordinals) with its approximation, currency,
magnitude, unit and the noun that follows (``_en_quantity``), including
ranges; ``_singular`` is its plural folding, used by the numbers plugin too.
The unit pattern it matches is rebuilt by ``load_units``, so it reads it from
the units module.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import regex

from . import units
from .model import ABOUT, OVER, Quantity, _Found
from .numerals import _ARABIC, _EN_TENS, _arabic, _digits_of, _en_word_value
from .times import _en_times
from .vague import en_vague
from .units import _EN_APPROX, _EN_MAG, EN_CURRENCY_SIGNS, EN_CURRENCY_WORDS, EN_UNITS, symbol_unit

# --------------------------------------------------------------------------
# small patterns used inside the loops, compiled once (``regex.match(str, ...)``
# looks its pattern up in regex's cache on every call, which costs more than
# the match itself on this many short strings)

_EN_ORD_NOUN = regex.compile(r"[\s-]+((?:[A-Za-z'’-]+\s+){0,3}[A-Za-z-]+)")
_EN_POINTS = regex.compile(r"\s+points?\b")


# --------------------------------------------------------------------------
# English

_EN_ORD = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "thirtieth": 30,
    "fortieth": 40,
    "fiftieth": 50,
    "sixtieth": 60,
    "seventieth": 70,
    "eightieth": 80,
    "ninetieth": 90,
    "hundredth": 100,
}
_MONTHS = {
    m: i + 1
    for i, m in enumerate(
        [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ]
    )
}
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
_EN_YEAR = regex.compile(
    r"(?<![\d.,$\\]|[A-Za-z]-)\b(?P<y>(?:1[89]|20)\d{2})\b(?![.,]\d|\s*(?:%|percent|per cent)|-(?:year|day|ton))"
)
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

# Where _EN_DATE can match (``_date_matches``): at a month name, or at the
# day (one or two ASCII digits and a suffix) before the spaces before one.
_EN_MONTH = regex.compile(rf"\b{_MONTH_RE}", regex.I)
_DAY_LONGEST = len("31st")
_ASCII_DIGITS = frozenset("0123456789")

# Where _EN_NUMBER can match (``_number_matches``): every match holds a
# *core* — a digit, an ordinal or a number word, starting where _EN_CORE
# finds one — and before it, optionally, an approximation word and spaces,
# a currency sign, spaces.  _CURRENCY_BEFORE and _APPROX_BEFORE find those
# ending at a given place (the end of the text searched).
_EN_CORE = regex.compile(rf"(?P<digit>\d)|\b(?:{_ORD_WORD}|{_WORD_NUM})", regex.I)
_CURRENCY_BEFORE = regex.compile(rf"{_EN_CUR_SIGN}\Z", regex.I)
_APPROX_BEFORE = regex.compile(rf"(?:{_EN_APPROX_ALT})\Z", regex.I)
_CURRENCY_LONGEST = 3  # US$, HK$, USD, RMB, …
_APPROX_LONGEST = max(map(len, _EN_APPROX))
_SPACE = regex.compile(r"\s")
# _EN_AFTER_UNIT (what follows an English numeral) lists the units too: see _compile_unit_patterns.
_SKIP_WORD_ALONE = {"one", "a", "an", "zero", "second"}
_IDIOM_AFTER = regex.compile(r"-(?:way|stop|dimensional|pronged|sided|in-one|fold\s+increase)\b", regex.I)
_EN_FRACTION = regex.compile(
    r"\b(?:(?P<n>a|one|two|three|four)[- ](?P<d>third|quarter|fifth|tenth)s?|(?P<half>half))\b(?=\s+(?:of|the)\b)",
    regex.I,
)
_EN_ARTICLE = regex.compile(r"\b(?P<label>Article|Chapter|Section)\s+(?P<n>[1-9]\d{0,3})\b(?![.,]\d)")
_EN_ITEM = regex.compile(r"\s*\((?P<n>[1-9]\d{0,2})\)\s")
_FRACTION_DEN = {"third": 3, "quarter": 4, "fifth": 5, "tenth": 10}


def _en_ord_value(w: str) -> float | None:
    parts = w.lower().replace("-", " ").split()
    if len(parts) == 2:
        return _EN_TENS.get(parts[0], 0) + _EN_ORD.get(parts[1], 0)
    return _EN_ORD.get(parts[0])


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

    for m in _date_matches(text, start, end):
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
        add(
            Quantity(
                m.start(),
                m.end(),
                m.group(0),
                "en",
                "date",
                year=int(y) if y else None,
                month=month,
                day=int(d) if d else None,
                day_high=int(m["d2"]) if m["d2"] else None,
                year_source="explicit" if y else "",
                block=block,
            )
        )
    q: Quantity | None
    for q in en_vague(text, start, end, block):
        add(q)
    for q in _en_times(text, start, end, block):
        if free(q.start, q.end):
            add(q)
    for m in _EN_YEAR.finditer(text, start, end):
        if free(m.start(), m.end()):
            add(
                Quantity(
                    m.start(),
                    m.end(),
                    m.group(0),
                    "en",
                    "year",
                    value=float(m["y"]),
                    year=int(m["y"]),
                    digits=4,
                    block=block,
                )
            )

    m = _EN_ITEM.match(text, start, end)
    if m:  # "(12) appointing ...": the twelfth item of a list, as （十二） in Chinese
        add(Quantity(m.start("n"), m.end("n"), m["n"], "en", "ordinal", value=float(m["n"]), noun="item", block=block))
    for m in _EN_ARTICLE.finditer(text, start, end):
        # "Article 12", "Chapter 3": the twelfth article (第十二条), an ordinal
        if free(m.start(), m.end()):
            add(
                Quantity(
                    m.start("n"),
                    m.end("n"),
                    m["n"],
                    "en",
                    "ordinal",
                    value=float(m["n"]),
                    noun=m["label"].lower(),
                    block=block,
                )
            )
    for m in _EN_FRACTION.finditer(text, start, end):
        if m["half"]:
            v = 50.0
        else:
            v = 100 * (_en_word_value(m["n"]) or 0) / _FRACTION_DEN[m["d"].lower()]
        add(
            Quantity(
                m.start(), m.end(), m.group(0), "en", "percent", value=v, unit="%", approx=ABOUT, digits=2, block=block
            )
        )
    for m in _number_matches(text, start, end):
        if not free(m.start(), m.end()):
            continue
        if m["num"] and m.start("num") >= 2 and text[m.start("num") - 1] == "-" and text[m.start("num") - 2].isalpha():
            continue  # "GPT-4", "COVID-19": names
        q = _en_quantity(text, m, end, block)
        if q is None:
            continue
        rng = _EN_RANGE.match(text, q.end, end)
        if rng and q.kind in ("count", "measure", "duration", "percent", "money"):
            m2 = _EN_NUMBER.match(text, rng.end(), end)
            if m2 and not m2["pre"] and (m2["num"] or m2["word"]):
                q2 = _en_quantity(text, m2, end, block)
                if q2 is not None and q2.value is not None and (not q.unit and q.end == m.end() or q.unit == q2.unit):
                    scale = q2.value / max(_num_of(m2), 1e-12) if not q.unit else 1.0
                    q = replace(
                        q2,
                        start=q.start,
                        text=text[q.start : q2.end],
                        value=(q.value or 0) * (scale if not q.unit else 1.0),
                        high=q2.value,
                        approx=q.approx or q2.approx,
                    )
        q = _as_age(text, q, start, end)
        if free(q.start, q.end):
            add(q)
    out.sort(key=lambda q: q.start)
    return out


def _date_matches(text: str, start: int, end: int) -> Iterator[regex.Match]:
    """``_EN_DATE.finditer(text, start, end)``, the same matches, trying the
    pattern only where one can start: at a month name (_EN_MONTH), or at a
    digit among the four characters before the spaces before one ("12th
    March").  Each place is tried once, in order (see _number_matches)."""
    scan = _Scan(_EN_DATE.match, text, start, end)
    for month in _EN_MONTH.finditer(text, start, end, overlapped=True):
        c = month.start()
        if c < scan.pos or c <= scan.tried:
            continue
        run = _space_before(text, c, scan.pos)
        places = (
            [p for p in range(max(scan.pos, run - _DAY_LONGEST), run) if text[p] in _ASCII_DIGITS] if run < c else []
        )
        places.append(c)
        yield from scan.at(places)


class _Scan:
    """A scan that tries a pattern at chosen places only, in order, each
    once: ``pos`` is where the next match may start (the end of the last
    one), ``tried`` the last place tried.  The first place that matches is
    the match ``finditer`` would find there (a place that failed fails
    again: the patterns depend on the text alone, not on where the search
    began)."""

    __slots__ = ("match", "text", "end", "pos", "tried")

    def __init__(self, match, text: str, start: int, end: int):
        self.match, self.text, self.end = match, text, end
        self.pos, self.tried = start, start - 1

    def at(self, places: list[int]) -> Iterator[regex.Match]:
        for p in places:
            if p < self.pos or p <= self.tried:
                continue
            self.tried = p
            m = self.match(self.text, p, self.end)
            if m is not None and m.end() > p:
                yield m
                self.pos = m.end()
                # (a match ending before a later place: that place is tried next)


def _number_matches(text: str, start: int, end: int) -> Iterator[regex.Match]:
    """``_EN_NUMBER.finditer(text, start, end)``, the same matches, trying
    the pattern only where one can start.

    _EN_NUMBER may start at any character (its approximation word and
    currency sign are optional, and spaces before the figure belong to the
    match): run over English text it is tried at every position, ~1 µs
    each, the largest cost of the quantities analysis.  But every match
    holds a core (_EN_CORE, a pattern cheap to scan for), and starts at
    that core, at the first of the spaces right before it, at a currency
    sign ending there, or at an approximation word ending where the spaces
    before the core or the sign begin.  Those places are tried in order of
    position, each once, from the end of the previous match on: the first
    that matches is the one ``finditer`` finds (a place that failed fails
    again: the pattern depends on the text alone, not on where the search
    began).  A digit right after a digit that failed fails too: only the
    ordinal alternative (``123rd``) can start inside a number, and it
    matches from the number's first digit as well."""
    scan = _Scan(_EN_NUMBER.match, text, start, end)
    last_digit = -2  # the last digit core tried
    for core in _EN_CORE.finditer(text, start, end, overlapped=True):
        c = core.start()
        if c < scan.pos or c <= scan.tried:
            continue
        if core.group("digit") is not None:
            if last_digit == c - 1 and c - 1 >= scan.pos:
                scan.tried = last_digit = c
                continue
            last_digit = c
        places = _places_before(text, c, scan.pos)
        places.append(c)
        yield from scan.at(places)


def _places_before(text: str, c: int, lo: int) -> list[int]:
    """Where a match of _EN_NUMBER with its core at ``c`` may start before
    it, not before ``lo``, in order: an approximation word, a currency
    sign, the spaces right before the core."""
    run = _space_before(text, c, lo)
    if run == lo:
        return [run] if run < c else []  # a sign or a word would start before lo
    places = [run] if run < c else []
    # a currency sign ending where the spaces begin (or at the core), and
    # an approximation word ending where the spaces before either begin
    ends = [] if run == c else [run]
    for sign in _CURRENCY_BEFORE.finditer(text, max(lo, run - _CURRENCY_LONGEST), run, overlapped=True):
        places.append(sign.start())
        gap = _space_before(text, sign.start(), lo)
        if lo < gap < sign.start():
            ends.append(gap)
    for e in ends:
        for word in _APPROX_BEFORE.finditer(text, max(lo, e - _APPROX_LONGEST), e, overlapped=True):
            places.append(word.start())
    places.sort()
    return places


def _space_before(text: str, i: int, lo: int) -> int:
    """The first of the spaces right before ``i`` (not before ``lo``)."""
    while i > lo and _SPACE.match(text, i - 1):
        i -= 1
    return i


# "a 45-year-old", "45 years old", "aged 45": an age, which Chinese writes N岁
# — a count of years of age, not a duration to compare with 45年
_OLD_AFTER = regex.compile(r"(?:-|\s+)old\b", regex.I)
_AGED_BEFORE = regex.compile(r"\baged\s+$", regex.I)
AGE_NOUN = "year-old"


def _as_age(text: str, q: Quantity, start: int, end: int) -> Quantity:
    if q.kind == "duration" and q.value and (old := _OLD_AFTER.match(text, q.end, end)):
        years = round(q.value / 31557600.0, 6)
        return replace(
            q,
            end=old.end(),
            text=text[q.start : old.end()],
            kind="count",
            value=years,
            high=round(q.high / 31557600.0, 6) if q.high else None,
            unit="",
            noun=AGE_NOUN,
        )
    if q.kind == "count" and not q.noun and _AGED_BEFORE.search(text, max(start, q.start - 8), q.start):
        return replace(q, noun=AGE_NOUN)
    return q


def _sentence_start(text: str, i: int) -> bool:
    before = text[max(0, i - 3) : i].rstrip(" \t\"“‘'(")
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
        nm = _EN_ORD_NOUN.match(text[e : min(end, e + 60)])
        return Quantity(s, e, text[s:e], "en", "ordinal", value=float(v), noun=nm.group(1) if nm else "", block=block)
    if m["num"]:
        raw = m["num"]
        if (
            m.end("num") < end
            and text[m.end("num")].isalpha()
            and not (units._EN_AFTER_UNIT.match(text, m.end("num"), end)["sym"])
            and not m["mag"]
            and not m["magk"]
        ):
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
    after = units._EN_AFTER_UNIT.match(text, m.end(), end)
    noun = ""
    if after and after["pct"]:
        kind, unit, qend = "percent", "%", after.end()
        pts = _EN_POINTS.match(text[qend : qend + 10])
        if pts:
            unit = "pp"
            qend += pts.end()
    elif after and after["sym"] and (sym_unit := symbol_unit(after["sym"])):
        u, f, kind = sym_unit
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
        nm = units.EN_NOUN.match(text[m.end() : min(end, m.end() + 60)])
        if nm:
            noun = nm.group(1)
    if kind == "count" and raw.lower() in ("a", "an"):
        return None
    return Quantity(
        qstart,
        qend,
        text[qstart:qend],
        "en",
        kind,
        value=v,
        unit=unit,
        approx=approx,
        noun=noun,
        digits=digits,
        block=block,
    )
