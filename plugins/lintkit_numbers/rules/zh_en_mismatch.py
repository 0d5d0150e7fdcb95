from __future__ import annotations

import math

import regex

from lintkit import ARTICLE, Option, Problem, Related, Severity, rule
from lintkit.articles import TRANSLATION
from lintkit.analysis.quantities import Quantity, format_value, quantities, same_value

from ..nouns import zh_terms

_NUMERIC_KINDS = ("count", "ordinal", "percent", "money", "measure", "duration")
_COUNTLIKE = ("count", "ordinal")


def _chinese_quantities(article) -> list[Quantity]:
    doc = article.document
    qs = doc.analysis(quantities)
    blocks = set(article.chinese_blocks())
    for b in (article.headline, article.subtitle):
        if b is not None:
            blocks.add(b)
    blocks.update(c.block for c in article.contents)
    return [q for b in sorted(blocks) for q in qs.get(b, ()) if q.lang == "zh"]


def _neighbour_quantities(article) -> list[Quantity]:
    arts = article.document.articles
    out: list[Quantity] = []
    for a in arts:
        if abs(a.index - article.index) == 1:
            out.extend(_chinese_quantities(a))
    return out


def _supports_exactly(en: Quantity, q: Quantity, text: str) -> bool:
    if en.kind == "date":
        return q.kind == "date" and (q.month, q.day, q.day_high) == (en.month, en.day, en.day_high) and (
            en.year is None or q.year == en.year and q.year_source == "explicit")
    if en.kind == "year":
        return q.year == en.year
    if en.kind == "time":
        return q.kind == "time" and same_value(en, q)
    if en.kind in _COUNTLIKE:
        terms = zh_terms(en.noun)
        return q.kind in _COUNTLIKE and (not terms or _counts(q, terms, text)) and same_value(en, q)
    return q.kind == en.kind and q.unit == en.unit and same_value(en, q)


def _english_quantities(article) -> list[tuple[Quantity, object]]:
    """Every English figure of the article's counterparts, with its counterpart."""
    seen: set[tuple[int, int, int]] = set()
    out = []
    for c in article.english:
        doc = article.document_of(c)
        for q in doc.analysis(quantities).get(c.block, ()):
            key = (id(doc), q.start, q.end)
            if q.lang == "en" and c.start <= q.start < c.end and key not in seen:
                seen.add(key)
                out.append((q, c))
    return out


def _aligned_quantities(article, c) -> tuple[list[Quantity], list[Quantity]]:
    """The Chinese figures of the blocks a counterpart renders, and of the
    blocks on either side of them (an alignment can be one paragraph off)."""
    qs = article.document.analysis(quantities)
    blocks = set(c.aligned)
    near = {b + d for b in blocks for d in (-1, 1)} - blocks
    take = lambda bs: [q for b in sorted(bs) for q in qs.get(b, ()) if q.lang == "zh"]  # noqa: E731
    return take(blocks), take(near)


def _bare_day(day: int, doc, blocks) -> bool:
    """Does one of ``blocks`` name day ``day`` of an unstated month (8日, 8号)?"""
    pattern = regex.compile(rf"(?<![\d月.]){day}\s*[日号]")
    return any(pattern.search(doc.blocks[b].text(doc.text)) for b in blocks)


def _comparable(en: Quantity, zh: list[Quantity]) -> bool:
    """Does ``zh`` hold a figure of the English figure's kind (and unit)?"""
    if en.kind == "date":
        return any(q.kind == "date" for q in zh)
    if en.kind == "year":
        return any(q.kind in ("year", "date") for q in zh)
    if en.kind == "time":
        return any(q.kind == "time" for q in zh)
    if en.kind in _COUNTLIKE:
        return any(q.kind in _COUNTLIKE for q in zh)
    return any(q.kind == en.kind and q.unit == en.unit for q in zh)


def _distance(a: Quantity, b: Quantity) -> float:
    if a.kind == "date":
        return abs(((a.month or 0) * 31 + (a.day or 0)) - ((b.month or 0) * 31 + (b.day or 0)))
    if a.kind == "time":
        d = abs((a.value or 0) - (b.value or 0)) % 1440
        return min(d, 1440 - d)
    if a.value and b.value and a.value > 0 and b.value > 0:
        return abs(math.log(a.value / b.value))
    return abs((a.value or 0) - (b.value or 0))


def _date_supported(en: Quantity, zh: list[Quantity]) -> tuple[bool, list[Quantity], str]:
    """(supported, conflicting Chinese dates, reason)."""
    dates = [q for q in zh if q.kind == "date"]
    years = {q.year for q in zh if q.kind == "year"}
    if en.day is None:  # "August 2031": a month of a year
        ok = any(q.month == en.month and (q.year is None or en.year is None or q.year == en.year)
                 for q in dates) or (en.year in years)
        return ok, [], ""
    same_day = [q for q in dates if q.month == en.month and q.day == en.day
                and (en.day_high is None or q.day_high in (None, en.day_high))]
    if not same_day:
        return False, sorted(dates, key=lambda q: _distance(en, q))[:3], "day"
    if en.year is None or any(q.year is None or q.year == en.year for q in same_day):
        return True, [], ""
    return False, same_day, "year"


@rule(
    "numbers.zh-en-mismatch",
    scope=ARTICLE,
    severity="warning",
    options={
        "unmatched": Option(
            "info",
            "what to do with an English figure whose kind and unit the Chinese article never "
            "uses (an addition rather than a slip): report it at 'info' or 'warning', or 'off'",
            choices=("off", "info", "warning"),
        ),
    },
)
def zh_en_mismatch(article, options):
    """An English headline, summary or contents line states a figure its Chinese article does not.

    What it catches: a figure in an article's English counterparts (headline,
    summary or abstract, contents line) that no figure of the Chinese article
    supports — a count that changed ("seven key areas" for N大领域 with
    N ≠ 7), a capacity, a sum of money, a percentage, a date whose day or
    year differs.  The finding names both values and points to the closest
    Chinese figures of the same kind and unit.

    Why it matters: English summaries are written after the Chinese, often by
    another hand; that is where figures slip, and few readers of one
    language check the other.

    How figures are compared (``lintkit.analysis.quantities``): values are
    normalised — 3.6万 = 36,000, 5120亿美元 = $512 billion, 15兆瓦 = 15 MW —
    so equal values written differently never fire; rounding to the
    precision written is accepted, and an approximation on either side
    ("over 40" / 40余, "more than ten" / 十余, 约/about, 近/nearly) allows a
    slack of 20%.  Counts are compared only with Chinese counts of the same
    thing: the English noun ("areas") must translate (``nouns.py``) to a
    word that follows the Chinese numeral (领域); when none does, any Chinese
    count of equal value supports it.  A Chinese count of the same thing
    with another value fires, whatever the difference ("about 3,500
    residents" for 约3.5万名居民).  When the English noun is not in the
    glossary, one tie is still trusted: the same significant digits (at least
    two), a value off by a power of ten, and a Chinese figure written with
    万 or 亿 — a misread magnitude (3.5万 read as 3,500) — unless that Chinese
    figure counts another glossary noun (1.2万家企业 is not "1,200 residents").
    Times of day (kind ``time``: 晚上九点, 上午9时30分, 9点半 ↔ "nine in the
    evening", "9:30 a.m.", "nine o'clock") are compared only with Chinese
    times: equal minutes, modulo twelve hours when either side leaves the
    half of the day open, within half an hour when either is approximate
    (许, 左右, about); a bare "at nine" with no o'clock, a.m./p.m. or part of
    the day is not taken for a time.  Dates match on month and day; an
    English year is checked against the Chinese year, which is inferred
    when the Chinese omits it (from the issue date and from an article that
    reports a given year's work — the message says how), and never guessed
    when the evidence is missing or disagrees.

    Example that fires (the Chinese meeting reports the previous year's work
    in an issue dated this year, so it took place this year; and it gives
    three areas, not seven)::

        某刊 2031年6月30日出版

        某协会召开年会

        文 / 林一

        3月12日，某协会召开年会，总结2030年度工作，聚焦三大领域。

        Summary: On March 12, 2030, the association held its annual meeting, focusing on seven key areas.

    Example that does not fire::

        某协会召开年会

        文 / 林一

        晚上九点，超3.6万项成果实现转化，十余名专家出席，营业收入5120亿美元。

        Summary: At nine in the evening, over 36,000 results were transferred; more than ten experts attended; revenue reached $512 billion.

    Translations: in bilingual text and in a translation kept in another file
    (``X.zh.txt`` + ``X.en.txt``, ``--pair``), each English paragraph is
    aligned with the Chinese paragraph it renders, and its figures are
    compared with that paragraph (and its neighbours) first: a figure that
    differs from the aligned paragraph's figure of the same kind is
    reported even if the article states it elsewhere; a figure whose
    paragraph has nothing of its kind (a date the Chinese gives as 昨天, a
    figure the translator added) is not a mismatch.  A bare day (8日) stands
    for "April 8".  Headlines, summaries and contents lines are compared
    with the whole article.

    Options: ``unmatched`` — an English figure of a kind or unit the Chinese
    never uses (a year the Chinese leaves implicit, a figure the translator
    added) is reported at ``info`` (default), ``warning``, or not at all
    (``off``).
    """
    en_qs = _english_quantities(article)
    if not en_qs:
        return
    zh = _chinese_quantities(article)
    text = article.document.text
    unmatched = options["unmatched"]
    neighbours = None
    for en, part in en_qs:
        where = part.document  # None: this document
        if part.aligned and part.kind == TRANSLATION:
            # The Chinese this English renders is known: compare with it first.
            # (A headline or a contents line is a summary of the article: its
            # figures are checked against the whole article, below.)
            local, near = _aligned_quantities(article, part)
            if _judge(en, local, text) is None or _judge(en, near, text) is None:
                continue
            if en.kind in _COUNTLIKE and any(q.kind in _COUNTLIKE and same_value(en, q) for q in local):
                continue  # the same count in the sentence it renders, under another word
            if en.kind == "date" and en.day and _bare_day(en.day, article.document, part.aligned):
                continue  # 8日 for "April 8": the month goes without saying in Chinese
            if _comparable(en, local):
                closest, message = _judge(en, local, text)
                if closest:
                    yield Problem(en.start, en.end, message, document=where, related=tuple(
                        Related(q.start, q.end, "Chinese: " + (
                            _with_noun(q, text, zh_terms(en.noun)) if q.kind in _COUNTLIKE else q.describe()),
                            document=article.document if where is not None else None)
                        for q in closest))
                    continue
            # Nothing of its kind where it belongs: a date the Chinese gives
            # as 昨天, a figure the translator spelt out or added: a
            # translation says more than its source, which is no mismatch.
            continue
        verdict = _judge(en, zh, text)
        if verdict is None:
            continue
        # Page layout interleaves articles (a summary on one page, the end of
        # its body after the next article's start): a figure the neighbouring
        # articles state exactly is given the benefit of the doubt.
        if neighbours is None:
            neighbours = _neighbour_quantities(article)
        if any(_supports_exactly(en, q, text) for q in neighbours):
            continue
        closest, message = verdict
        if closest:
            yield Problem(
                en.start, en.end, message,
                related=tuple(Related(q.start, q.end, "Chinese: " + (
                    _with_noun(q, text, zh_terms(en.noun)) if q.kind in _COUNTLIKE else q.describe()))
                    for q in closest),
            )
        elif unmatched != "off":
            yield Problem(en.start, en.end, message, severity=Severity.parse(unmatched))


def _judge(en: Quantity, zh: list[Quantity], text: str) -> tuple[list[Quantity], str] | None:
    """None when supported; else (closest Chinese figures, message)."""
    if en.kind == "date":
        ok, near, why = _date_supported(en, zh)
        if ok:
            return None
        if why == "year":
            q = near[0]
            how = (f"inferred from {q.year_source}" if q.year_source not in ("explicit", "")
                   else "as written")
            return near, (f"English date {en.describe()} has year {en.year}, but the Chinese "
                          f"“{q.text}” is in {q.year} ({how})")
        if near:
            return near, (f"English date {en.describe()} does not occur in the Chinese article; "
                          f"closest Chinese date: {near[0].describe()}")
        return [], f"English date {en.describe()} has no Chinese counterpart"
    if en.kind == "year":
        if any(q.year == en.year for q in zh if q.kind in ("year", "date")) or any(
            q.value == en.value for q in zh if q.kind == "count"
        ):
            return None
        return [], f"English year “{en.text}” does not occur in the Chinese article"
    if en.kind == "time":
        times = [q for q in zh if q.kind == "time"]
        if any(same_value(en, q) for q in times):
            return None
        if times:
            # one time of day is seldom mistaken for another three hours off: show the closest only
            near = sorted(times, key=lambda q: _distance(en, q))[:1]
            return near, (f"English time “{en.text}” ({format_value(en)}) is not a time the Chinese "
                          f"article gives; closest Chinese time: {near[0].describe()}")
        return [], f"English time “{en.text}” ({format_value(en)}) has no Chinese counterpart"

    if en.kind in _COUNTLIKE:
        terms = zh_terms(en.noun)
        counts = [q for q in zh if q.kind in _COUNTLIKE]
        same_thing = [q for q in counts if terms and _counts(q, terms, text)]
        if same_thing:
            if any(same_value(en, q) for q in same_thing):
                return None
            # another Chinese count of equal value may still count the same
            # thing under a different word: only a clear conflict is reported
            near = sorted(same_thing, key=lambda q: _distance(en, q))[:3]
            return near, (f"English says “{en.text} {_head(en.noun)}” ({format_value(en)}) where the "
                          f"Chinese says {_with_noun(near[0], text, terms)}")
        if any(same_value(en, q) for q in zh if q.kind in _COUNTLIKE + ("duration", "measure", "year")
               or q.value is not None and not q.unit):
            return None
        slips = [q for q in counts if _magnitude_slip(en, q) and not (terms and _counts_other(q, text))]
        if slips:
            q = slips[0]
            factor = q.value / en.value
            how = f"×{factor:,.0f}" if factor > 1 else f"÷{1 / factor:,.0f}"
            return slips[:3], (f"English “{en.text}” ({format_value(en)}) looks like the Chinese "
                               f"{_with_noun(q, text, terms)} with its magnitude misread "
                               f"(the Chinese is {how})")
        return [], f"English “{en.text}” ({format_value(en)}) has no Chinese counterpart"

    same_unit = [q for q in zh if q.kind == en.kind and q.unit == en.unit]
    if en.kind == "duration" and en.value:
        # hours and years are both durations, but not the same quantity
        same_unit = [q for q in same_unit if q.value and 0.1 <= q.value / en.value <= 10]
    if any(same_value(en, q) for q in same_unit):
        return None
    # written in another kind: 3万千瓦 for "30 MW" is a measure either way, but
    # a percentage may be given as a count ("3 in 10"): value equality suffices
    if any(same_value(en, q) for q in zh if q.unit == en.unit):
        return None
    if en.kind == "percent":
        # 个百分点 rendered as "%" (or the reverse) changes the meaning
        other = "pp" if en.unit == "%" else "%"
        swapped = [q for q in zh if q.kind == "percent" and q.unit == other and same_value(en, q)]
        if swapped:
            names = {"%": "per cent", "pp": "percentage points"}
            return swapped[:1], (f"English “{en.text}” is in {names[en.unit]}, but the Chinese "
                                 f"“{swapped[0].text}” is in {names[other]}")
    if same_unit:
        near = sorted(same_unit, key=lambda q: _distance(en, q))[:3]
        return near, (f"English “{en.text}” ({format_value(en)}) is not supported by the Chinese "
                      f"article; closest Chinese figure: {near[0].describe()}")
    return [], f"English “{en.text}” ({format_value(en)}) has no Chinese counterpart of that kind"


def _magnitude_slip(en: Quantity, q: Quantity) -> bool:
    """The English count is the Chinese one with its 万/亿 misread: the same
    significant digits (at least two: 3.5万 and 3,500), a value off by a
    power of ten, and the Chinese written with a magnitude character."""
    if not (en.value and q.value and en.digits >= 2 and q.digits >= 2 and en.high is None
            and q.high is None and regex.search(r"[万亿]", q.text)):
        return False
    k = math.log10(q.value / en.value)
    return abs(k - round(k)) < 1e-9 and 1 <= abs(round(k)) <= 4


def _counts_other(q: Quantity, text: str) -> bool:
    """The Chinese count names a thing of its own in the glossary (N家企业),
    so it cannot be the English noun's count."""
    from ..nouns import NOUNS  # noqa: PLC0415

    cls, _, noun = q.noun.partition("|")
    head = (cls + noun)[:6] if cls else noun[:6]
    return any(t in head for terms in NOUNS.values() for t in terms if len(t) >= 2)


def _with_noun(q: Quantity, text: str, terms: tuple[str, ...] = ()) -> str:
    """“N大领域” (N): a Chinese count shown with the word it counts."""
    noun = q.noun.partition("|")[2]
    head = regex.match(r"\p{Han}{0,2}", noun).group(0) if noun else ""
    for t in terms:
        if t in noun[:6]:
            head = noun[: noun.index(t) + len(t)]
            break
    return f"“{q.text}{head}” ({format_value(q)})"


def _head(noun: str) -> str:
    """The English noun phrase up to its head: "key dimensions" of "key dimensions of X"."""
    words = noun.split()
    for k, w in enumerate(words):
        if w.lower() in ("of", "in", "for", "to", "and", "with", "from", "on", "that", "which"):
            return " ".join(words[:k])
        if w.lower().endswith("s") and k < 3:
            return " ".join(words[: k + 1])
    return " ".join(words[:2])


def _counts(q: Quantity, terms: tuple[str, ...], text: str) -> bool:
    """The Chinese count ``q`` counts one of ``terms``: the word follows its
    numeral closely (N大维度, N个国家和地区, N位院士)."""
    cls, _, noun = q.noun.partition("|")
    window = (cls + text[q.end:q.end + 8]) if cls else text[q.end:q.end + 8]
    head = window.split("，")[0].split("、")[0].split("。")[0]
    return any(t in head for t in terms)
