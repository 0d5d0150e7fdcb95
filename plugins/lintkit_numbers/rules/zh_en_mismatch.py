from __future__ import annotations

import math

import regex

from lintkit import ARTICLE, Fix, Option, Problem, Related, Severity, rule
from lintkit.articles import HEADLINE, TRANSLATION
from lintkit.analysis.quantities import Quantity, format_value, quantities, same_value

from ..anchors import english_sentence, in_english_range, pinyin_words, year_of, years_about
from ..nouns import zh_terms

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
    k = article.index - 1
    if 0 <= k < len(arts) and arts[k] is article:
        # articles are numbered from 1 in order: the neighbours stand beside it
        # (not every article of the file looked at, for each article)
        arts = [arts[j] for j in (k - 1, k + 1) if 0 <= j < len(arts)]
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
    # the Chinese paragraphs on either side (in bilingual text the blocks
    # next to a Chinese paragraph are English)
    chinese = set(article.chinese_blocks())
    chinese.update(b for b in (article.headline, article.subtitle) if b is not None)
    order = sorted(chinese | blocks)
    near = set()
    if blocks:
        lo, hi = order.index(min(blocks)), order.index(max(blocks))
        near = {order[k] for k in (lo - 1, hi + 1) if 0 <= k < len(order)} - blocks
    if article.headline is not None:
        near.add(article.headline)  # the dateline a heading restates
        near -= blocks
    take = lambda bs: [q for b in sorted(bs) for q in qs.get(b, ()) if q.lang == "zh"]  # noqa: E731
    return take(blocks), take(near)


def _bare_day(day: int, doc, blocks) -> bool:
    """Does one of ``blocks`` name day ``day`` of an unstated month (8日, 8号)?"""
    pattern = regex.compile(rf"(?<![\d月.]){day}\s*[日号]")
    return any(pattern.search(doc.blocks[b].text(doc.text)) for b in blocks)


_BARE_DAY = regex.compile(r"(?<![\d月./\-])(?P<d>3[01]|[12]\d|[1-9])\s*[日号]")


_MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
                "October", "November", "December")


def _days_in(month: int, year: int | None) -> int:
    import calendar

    return calendar.monthrange(year or 2024, month)[1]  # an unknown year may be a leap year


def _impossible_day(q: Quantity) -> bool:
    """A day past the end of its month (June 31, December 34, February 30)."""
    return any(d is not None and d > _days_in(q.month, q.year) for d in (q.day, q.day_high))


_MONTH_ALT = "|".join(_MONTH_NAMES)
# a day no month has, where a date is meant: "on December 34", "May 32, 2021"
_DAY_PAST_31 = regex.compile(
    rf"\b[Oo]n\s+(?P<mon>{_MONTH_ALT})\s+(?P<d>3[2-9]|[4-9]\d)(?:st|nd|rd|th)?\b"
    rf"|\b(?P<mon2>{_MONTH_ALT})\s+(?P<d2>3[2-9]|[4-9]\d)(?:st|nd|rd|th)?,?\s+(?:19|20)\d{{2}}\b"
)


def _days_past_31(article):
    """English dates with a day past 31 ("on December 34"), which the figure
    reader does not take for dates."""
    seen = set()
    for c in article.english:
        doc = article.document_of(c)
        for m in _DAY_PAST_31.finditer(doc.text, c.start, c.end):
            if (id(doc), m.start()) in seen:
                continue
            seen.add((id(doc), m.start()))
            month = m["mon"] or m["mon2"]
            start = m.start("mon") if m["mon"] else m.start("mon2")
            end = m.end("d") if m["d"] else m.end("d2")
            yield Problem(start, end, f"English date “{doc.text[start:end]}” does not exist: {month} has "
                          f"{_days_in(_MONTH_NAMES.index(month) + 1, None)} days",
                          document=c.document)


# a figure typed with the letter O for a zero: 3O min, 1O7.1508E (a figure
# starts with a digit; O1, O157 are names)
_LETTER_O = regex.compile(r"(?<![\p{L}\d.])\d[\dOo]*[Oo][\dOo]*(?:\.[\dOo]+)?(?![\p{Ll}\d])")


def _letter_o(article):
    """English figures with the letter O for a zero; the message gives the
    Chinese figure when the article states the corrected one."""
    zh = {q.text for q in _chinese_quantities(article)}
    text_zh = article.document.text
    seen = set()
    for c in article.english:
        doc = article.document_of(c)
        for m in _LETTER_O.finditer(doc.text, c.start, c.end):
            if (id(doc), m.start()) in seen:
                continue
            seen.add((id(doc), m.start()))
            fixed = m.group().replace("O", "0").replace("o", "0")
            said = fixed in text_zh or any(fixed in t for t in zh)
            yield Problem(m.start(), m.end(),
                          f"figure “{m.group()}” has the letter O for a zero: {fixed}"
                          + (" (as the Chinese says)" if said else "") + "?",
                          document=c.document,
                          fix=Fix.replace(m.start(), m.end(), fixed, applicability="display",
                                          description=f"write {fixed}") if c.document is None else None)


def _year_of_named(article, en: Quantity, part):
    """A summary's year that every Chinese sentence naming the same place or
    person (the English sentence's pinyin names: "Qinglan" and 青岚) gives
    otherwise, all of them one other year: the English year slipped."""
    text = article.document.text
    if part.document is not None or in_english_range(text, en.start, en.end):
        return None
    s, e = english_sentence(text, part.start, part.end, en.start)
    names = pinyin_words(text, s, e)
    if not names:
        return None
    about = years_about(article, names)
    years = {year_of(q, text) for q in about}
    if len(years) != 1 or int(en.value or 0) in years:
        return None
    (year,) = years
    return Problem(en.start, en.end,
                   f"English year {en.text} where the Chinese sentences about "
                   + ", ".join(sorted({"".join(n).capitalize() for n in names}))
                   + f" say {year}",
                   related=tuple(Related(q.start, q.end, "Chinese: " + q.text) for q in about[:3]))


_HEADING_LINE = regex.compile(r"\s*[^。，；！？:：,;!?]{2,24}\s*")


def _dateline(article) -> tuple[Quantity | None, int]:
    """The full date of the Chinese headline (2021年5月24日…), and the first
    block of the Chinese body: English before it is the heading's translation."""
    after = article.headline if article.headline is not None else -1
    body = [b for b in article.chinese_blocks() if b > after and b not in (article.headline, article.subtitle)]
    doc = article.document
    # a heading broken over lines (…外交部发言人林剑 / 主持例行记者会): short
    # lines with no sentence punctuation right after it are the heading still
    while body and body[0] == after + 1 and _HEADING_LINE.fullmatch(doc.blocks[body[0]].text(doc.text)):
        after = body.pop(0)
    first_body = min(body) if body else article.last_block + 1
    if article.headline is None:
        return None, first_body
    qs = article.document.analysis(quantities)
    for b in (article.headline, article.subtitle):
        for q in qs.get(b, ()) if b is not None else ():
            if q.kind == "date" and q.year_source == "explicit" and q.day is not None and q.day_high is None:
                return q, first_body
    return None, first_body


def _bare_day_slip(en: Quantity, dateline: Quantity, doc, blocks):
    """A bare day of the aligned Chinese (21日) whose month, inferred from the
    dateline (the dateline's month, or the one before for a later day), is
    the English date's month while the day differs."""
    for b in blocks:
        block = doc.blocks[b]
        for m in _BARE_DAY.finditer(doc.text, block.start, block.end):
            day = int(m["d"])
            month = dateline.month if day <= (dateline.day or 31) else (dateline.month or 1) - 1 or 12
            if month == en.month and day != en.day and (en.day_high is None or day != en.day_high):
                return (m.start(), m.end(), m.group(0)), month
    return None


_GLUED_YEAR = regex.compile(r",?\s*(?P<y>(?:19|20)\d{2}\d{1,2})(?![\d,.])")
_GLUED_DATE = regex.compile(r"(?<![\d月./\-])(?P<n>\d{2,4})\s*[日号]")


def _lost_month(en: Quantity, doc, blocks) -> tuple[int, int, str] | None:
    """A Chinese day that is a month and a day run together (82日 for 8月2日,
    a page that lost its 月) where the English says that month and day."""
    for b in blocks:
        block = doc.blocks[b]
        for m in _GLUED_DATE.finditer(doc.text, block.start, block.end):
            n = m["n"]
            if int(n) <= 31:
                continue
            for k in (1, 2):
                mon, day = n[:k], n[k:]
                if day and not day.startswith("0") and int(mon) == en.month and int(day) in (en.day, en.day_high):
                    return m.start(), m.end(), m.group(0)
    return None


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
                and (en.day_high is None or q.day_high == en.day_high)]
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
    precision written is accepted (down for "over", up for "nearly"), and an
    approximation on one side only ("over 40" / 40, 约/about, 近/nearly)
    allows a slack of 20%; two approximations in the same direction keep
    their anchor ("surpass 45%" is not 超过40%).  Units are converted with
    the table in ``lintkit/analysis/quantities/units.yaml`` (data a user can
    extend with ``load_units``): 3000斤 = "1,500 kg" = "3,000 jin", 15亩 =
    "1 hectare", 度电 = kWh.  Counts are compared only with Chinese counts of the same
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

    Ages: "a 45-year-old", "45 years old" and "aged 45" are ages, compared
    with the Chinese N岁 (not durations to compare with N年).

    Summaries and pinyin names: a year in an English summary sentence that
    names a place or person in pinyin ("In 2024, Qinglan High-tech Zone…")
    is compared with the Chinese sentences of the article that spell that
    name (青岚) and give a year: when all of them give one other year, the
    English year slipped — whatever years the rest of the issue mentions.

    Headings and front matter: an English heading that restates the Chinese
    heading's date must give that date (year, month and day), a heading
    broken over lines included (…发言人陈海 / 主持例行记者会); a date with a
    digit glued to its year ("May 24, 20311") is reported, and so is a day
    its month does not have ("on December 34", "June 31", "February 30,
    2023"; "In May 35 people…" is no date), and an English figure typed
    with the letter O for a zero ("3O min", "1O7.15E"; names such as O157
    start with the letter and are left alone).  In a paper, the
    English Received / accepted / published dates, the copyright year and
    the online publication month restate 收稿日期 / 录用日期 / 发布日期,
    and an English caption (Figure 4. …, Table 2. …) states the figures of
    the Chinese caption with its number next to it (图4. …).  A list item's
    number ("(12)") answers to the Chinese item's (（十二）), "Article 12"
    to 第十二条.  LaTeX and Markdown noise from PDF conversion is read
    through: ``$9 9 . 5 \\%$`` is 99.5%, not nine dollars; ``2\\%`` is 2%.

    Translations: in bilingual text and in a translation kept in another file
    (``X.zh.txt`` + ``X.en.txt``, ``--pair``), each English paragraph is
    aligned with the Chinese paragraph it renders, and its figures are
    compared with that paragraph (and the Chinese paragraphs on either side,
    and the headline's dateline) — strictly, since a translation keeps its
    source's figures: an approximation keeps its anchor (70多 is "more than
    70", never "more than 72"), and an English figure may round the Chinese
    but not be more precise than it (15600吨 is not "15,601 tons").  A
    figure that no Chinese figure there gives is reported when the aligned
    paragraph has a figure of its kind that no other English figure of the
    paragraph renders: a count or ordinal written in digits (the closest
    one), a year, a date, an anniversary (N周年 ↔ "the Nth anniversary"), a
    magnitude changed (8亿 → "800 billion"), a numeral kept with another unit
    (30年 → "30 months", 100亿元 → "10 billion dollars"), per cent for
    percentage points, a counted noun changed (N人 → "N families"; the nouns
    are data: ``lintkit/analysis/quantities/nouns.yaml``), a Chinese day that
    lost its 月 (82日 for "August 2", reported on the Chinese), a bare day
    whose month, inferred from the headline's date, is the English month
    while the day differs (21日 → "May 29").  A figure whose paragraph has
    nothing of its kind (a date the Chinese gives as 昨天, a figure the
    translator added, "third parties" for 第三方) is not a mismatch.  A bare day (8日) stands for
    "April 8".  Headlines, summaries and contents lines are compared with
    the whole article.

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

    Options: ``unmatched`` — an English figure of a kind or unit the Chinese
    never uses (a year the Chinese leaves implicit, a figure the translator
    added) is reported at ``info`` (default), ``warning``, or not at all
    (``off``).
    """
    yield from _front_matter(article)
    yield from _captions(article)
    yield from _days_past_31(article)
    yield from _letter_o(article)
    en_qs = _english_quantities(article)
    if not en_qs:
        return
    zh = _chinese_quantities(article)
    text = article.document.text
    unmatched = options["unmatched"]
    neighbours = None
    rendered = _rendered(article, en_qs)
    dateline, first_body = _dateline(article)
    for en, part in en_qs:
        where = part.document  # None: this document
        if en.kind == "date" and en.month and _impossible_day(en):
            yield Problem(en.start, en.end, f"English date “{en.text}” does not exist: "
                          f"{_MONTH_NAMES[en.month - 1]} has {_days_in(en.month, en.year)} days", document=where)
            continue
        glued = _GLUED_YEAR.match(text if where is None else where.text, en.end)
        if en.kind == "date" and en.day and en.year is None and glued:
            yield Problem(en.start, glued.end(), f"English date “{en.text}{glued.group(0)}” has a year "
                          f"of {len(glued['y'])} digits: “{glued['y'][:4]}” with “{glued['y'][4:]}” "
                          "glued to it", document=where)
            continue
        if en.kind == "date" and en.day and en.year and dateline is not None and part.block < first_body \
                and part.kind in (TRANSLATION, HEADLINE):
            # the English heading restates the Chinese heading's date
            if (dateline.year, dateline.month, dateline.day) != (en.year, en.month, en.day):
                yield Problem(en.start, en.end, f"English date {en.describe()} in the heading, but the "
                              f"Chinese heading says {dateline.describe()}", document=where,
                              related=(Related(dateline.start, dateline.end, "Chinese: " + dateline.describe(),
                                               document=article.document if where is not None else None),))
            continue
        if part.aligned and part.kind == TRANSLATION:
            # The Chinese this English renders is known: compare with it first.
            # (A headline or a contents line is a summary of the article: its
            # figures are checked against the whole article, below.)
            local, near = _aligned_quantities(article, part)
            if en.kind == "date" and en.day:
                lost = _lost_month(en, article.document, part.aligned)
                if lost is not None:
                    s, e, written = lost
                    yield Problem(s, e, f"Chinese “{written}” has lost its 月: the English it renders says "
                                  f"“{en.text}” ({en.month}月{en.day}日)",
                                  related=(Related(en.start, en.end, "English: " + en.text, document=where),))
                    continue
            changed = _noun_changed(en, local, text) if en.kind == "count" else None
            if changed is not None:
                yield Problem(en.start, en.end, f"English counts “{_head(en.noun)}” ({format_value(en)}) where the "
                              f"Chinese it translates counts {_with_noun(changed, text)}", document=where,
                              related=(Related(changed.start, changed.end, "Chinese: " + changed.text,
                                               document=article.document if where is not None else None),))
                continue
            if _translated(en, local, text) or _translated(en, near, text):
                continue
            if en.kind == "date" and en.day and _bare_day(en.day, article.document, part.aligned):
                continue  # 8日 for "April 8": the month goes without saying in Chinese
            if en.kind == "date" and en.day and dateline is not None and not any(q.kind == "date" for q in local):
                bare = _bare_day_slip(en, dateline, article.document, part.aligned)
                if bare is not None:
                    (s, e, written), month = bare
                    yield Problem(en.start, en.end, f"English date {en.describe()} where the Chinese it "
                                  f"translates says “{written}” ({month:02d}-{int(written[:-1]):02d}, the month "
                                  f"inferred from the dateline {dateline.describe()})", document=where,
                                  related=(Related(s, e, "Chinese: " + written,
                                                   document=article.document if where is not None else None),))
                    continue
            # Only the aligned figures no other English figure of this
            # paragraph renders can be this one's source.
            free = [q for q in local if q.start not in rendered]
            verdict = _judge_translation(en, free, local, text)
            if verdict is not None:
                closest, message = verdict
                yield Problem(en.start, en.end, message, document=where, related=tuple(
                    Related(q.start, q.end, "Chinese: " + (
                        _with_noun(q, text, zh_terms(en.noun)) if q.kind in _COUNTLIKE else q.describe()),
                        document=article.document if where is not None else None)
                    for q in closest))
            # Nothing of its kind where it belongs: a date the Chinese gives
            # as 昨天, a figure the translator spelt out or added: a
            # translation says more than its source, which is no mismatch.
            continue
        verdict = _judge(en, zh, text)
        if en.kind == "year" and (named := _year_of_named(article, en, part)) is not None:
            yield named
            continue
        if verdict is None and en.kind == "year" and part.aligned and where is None:
            # a summary sentence aligned with the Chinese it sums up: a year the
            # article gives elsewhere, but not there where a year is given
            local, near = _aligned_quantities(article, part)
            if not _translated(en, local, text) and not _translated(en, near, text):
                slip = _judge_translation(en, local, local, text)
                if slip is not None:
                    closest, message = slip
                    yield Problem(en.start, en.end, message.replace("the Chinese paragraph it translates",
                                                                    "the Chinese it sums up"),
                                  severity=Severity.INFO,
                                  related=tuple(Related(q.start, q.end, "Chinese: " + q.describe()) for q in closest))
            continue
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
                en.start, en.end, message, document=where,
                related=tuple(Related(q.start, q.end, "Chinese: " + (
                    _with_noun(q, text, zh_terms(en.noun)) if q.kind in _COUNTLIKE else q.describe()),
                    document=article.document if where is not None else None)
                    for q in closest),
            )
        elif unmatched != "off":
            yield Problem(en.start, en.end, message, severity=Severity.parse(unmatched), document=where)


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
        if any(_summary_same(en, q) for q in times):
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
            if any(_summary_same(en, q) for q in same_thing):
                return None
            # another Chinese count of equal value may still count the same
            # thing under a different word: only a clear conflict is reported
            near = sorted(same_thing, key=lambda q: _distance(en, q))[:3]
            return near, (f"English says “{en.text} {_head(en.noun)}” ({format_value(en)}) where the "
                          f"Chinese says {_with_noun(near[0], text, terms)}")
        if any(_summary_same(en, q) for q in zh if q.kind in _COUNTLIKE + ("duration", "measure", "year")
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
        return near, (f"English “{en.text}” ({format_value(en)}) is not supported by the Chinese "
                      f"article; closest Chinese figure: {near[0].describe()}")
    return [], f"English “{en.text}” ({format_value(en)}) has no Chinese counterpart of that kind"


def _summary_same(en: Quantity, q: Quantity) -> bool:
    """A summary may round and approximate, but two approximations in the same
    direction keep their anchor ("surpass 45%" is not 超过40%)."""
    if en.approx and en.kind not in ("date", "time", "year") and not (_fuzzy(en) or _fuzzy(q)):
        return strictly_same(en, q) or not q.approx and same_value(en, q) and en.approx != q.approx \
            and _rounds_to(en.value or 0, q.value or 0, en.digits, en.approx)
    return same_value(en, q)


def _points_swapped(en: Quantity, zh: list[Quantity], same) -> tuple[list[Quantity], str] | None:
    """个百分点 rendered as "%" (or the reverse), which changes the meaning:
    (the Chinese figure, message), or None."""
    other = "pp" if en.unit == "%" else "%"
    swapped = [q for q in zh if q.kind == "percent" and q.unit == other and same(en, q)]
    if not swapped:
        return None
    names = {"%": "per cent", "pp": "percentage points"}
    return swapped[:1], (f"English “{en.text}” is in {names[en.unit]}, but the Chinese "
                         f"“{swapped[0].text}” is in {names[other]}")


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
    # the noun as read (traditional characters read as simplified: 國家 as 国家)
    window = cls + noun if cls else (noun or text[q.end:q.end + 8])
    # the word counted stands on the numeral's line (nor does the analysis read
    # a noun across a line break): the next line's words, nearer with LF than
    # with CRLF, are not it
    head = regex.split(r"[，、。\r\n]", window, maxsplit=1)[0]
    return any(t in head for t in terms)


# --------------------------------------------------------------------------
# translations: a paragraph compared with the paragraph it renders

_RELATIVE_YEAR = regex.compile(r"今年|明年|去年|前年|后年|後年|本年|同年|当年|當年|次年|翌年|上年")
_NUMERAL = regex.compile(r"\d[\d,]*(?:\.\d+)?")
_ANNIVERSARY = regex.compile(r"anniversar", regex.I)
_YEAR_S = 365.25 * 86400


def _ordinal_like(q: Quantity) -> bool:
    """第N…, or N届/N次/N期 (a session, a round: "the Nth")."""
    return q.kind == "ordinal" or q.kind == "count" and q.noun[:1] in ("届", "次", "期", "轮", "任", "屆", "輪")


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
    if en.kind == "time" or zh.kind == "time" or _fuzzy(en) or _fuzzy(zh):
        return same_value(en, zh)
    digits = en.digits if (not zh.digits or en.digits <= zh.digits) else 0
    a = en.approx
    if en.high is None and zh.high is None:
        return _rounds_to(en.value, zh.value, digits, a)
    if en.high is not None and zh.high is not None:
        return _rounds_to(en.value, zh.value, digits, a) and _rounds_to(en.high, zh.high, digits, a)
    if en.high is None:  # "three" for 三四个? only an end
        return _rounds_to(en.value, zh.value, digits, a) or _rounds_to(en.value, zh.high, digits, a)
    return False  # an English range for one Chinese figure


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
        return any(strictly_same(en, q) for q in zh if q.kind in _COUNTLIKE + ("duration", "measure", "year")
                   or q.value is not None and not q.unit)
    return any(q.unit == en.unit and strictly_same(en, q) for q in zh)


def _rendered(article, en_qs) -> set[int]:
    """Offsets of the Chinese figures of aligned paragraphs that an English
    figure of a translation renders: they are not the source of another one."""
    qs = article.document.analysis(quantities)
    text = article.document.text
    out: set[int] = set()
    for en, part in en_qs:
        if not (part.aligned and part.kind == TRANSLATION):
            continue
        # one Chinese figure per English one: "30 years" twice renders 30年 twice
        match = next((q for b in part.aligned for q in qs.get(b, ())
                      if q.lang == "zh" and q.start not in out and _translated(en, [q], text)), None)
        if match is not None:
            out.add(match.start)
    return out


def _numeral(q: Quantity) -> float | None:
    m = _NUMERAL.search(q.text)
    return float(m.group().replace(",", "")) if m else None


def _power_of_ten(a: float, b: float) -> int:
    """k when a = b × 10^k exactly (k ≠ 0), else 0."""
    if not a or not b or a <= 0 or b <= 0:
        return 0
    k = math.log10(a / b)
    return round(k) if abs(k - round(k)) < 1e-9 else 0


def _judge_translation(en: Quantity, free: list[Quantity], local: list[Quantity],
                       text: str) -> tuple[list[Quantity], str] | None:
    """(closest Chinese figures, message) when the paragraph an English one
    renders gives a figure of its kind that it contradicts; None when the
    paragraph has nothing to compare it with (an addition, a paraphrase)."""
    if en.kind in ("date", "time"):
        verdict = _judge(en, free, text)
        return verdict if verdict and verdict[0] else None
    if en.kind == "year":
        zh_text = "".join(text[q.start - 8 if q.start >= 8 else 0:q.end + 8] for q in local)
        years = [q for q in free if q.kind == "year" or q.kind == "date" and q.year_source == "explicit"]
        if not years or _RELATIVE_YEAR.search(zh_text):
            return None
        near = sorted(years, key=lambda q: abs((q.year or 0) - (en.year or 0)))[:1]
        return near, (f"English year “{en.text}” where the Chinese paragraph it translates says "
                      f"“{near[0].text}”")
    if en.kind in _COUNTLIKE:
        terms = zh_terms(en.noun)
        if en.kind == "ordinal" and _ANNIVERSARY.match(en.noun):
            years = [q for q in free if q.kind == "duration" and q.value and q.high is None
                     and q.value / _YEAR_S == int(q.value / _YEAR_S) and q.text.endswith("周年")]
            if years:
                return years[:1], (f"English “{en.text} anniversary” where the Chinese it translates "
                                   f"says “{years[0].text}”")
        cands = [q for q in free if (_ordinal_like(q) if en.kind == "ordinal" else q.kind == en.kind)
                 and q.value is not None and q.high is None]
        if en.noun == "item" or any(q.noun == "item" for q in cands):
            # a list item's number answers only to the Chinese item's number
            cands = [q for q in cands if (q.noun == "item") == (en.noun == "item")]
        same_thing = [q for q in cands if terms and _counts(q, terms, text)]
        if same_thing:
            near = sorted(same_thing, key=lambda q: _distance(en, q))[:1]
            return near, (f"English says “{en.text} {_head(en.noun)}” ({format_value(en)}) where the "
                          f"Chinese it translates says {_with_noun(near[0], text, terms)}")
        if not _NUMERAL.search(en.text) or en.high is not None:
            return None  # "three", "third parties", "two sides": words a translator adds
        if terms:
            cands = [q for q in cands if not _counts_other(q, text)]
        slips = [q for q in cands if _power_of_ten(q.value, en.value or 0)]
        if slips:
            q = slips[0]
            k = _power_of_ten(q.value, en.value)
            return [q], (f"English “{en.text}” ({format_value(en)}) renders the Chinese "
                         f"{_with_noun(q, text, terms)} with its magnitude changed "
                         f"(the Chinese is ×{10 ** k:,.0f})" if k > 0 else
                         f"English “{en.text}” ({format_value(en)}) renders the Chinese "
                         f"{_with_noun(q, text, terms)} with its magnitude changed "
                         f"(the Chinese is ÷{10 ** -k:,.0f})")
        cands = [q for q in cands if en.value and 0.1 < q.value / en.value < 10]
        if not cands:
            return None
        near = sorted(cands, key=lambda q: _distance(en, q))[:1]
        return near, (f"English “{en.text}” ({format_value(en)}) where the Chinese it translates "
                      f"says {_with_noun(near[0], text, terms)}")
    same_kind = [q for q in free if q.kind == en.kind and q.value is not None]
    if en.kind == "percent" and (swapped := _points_swapped(en, local, same_value)):
        return swapped
    n_en = _numeral(en)
    if en.kind in ("money", "duration", "measure"):
        # the numeral kept, the unit changed: 30年 → "30 months", 100亿元 → "10 billion dollars"
        for q in same_kind:
            if (q.unit != en.unit or not math.isclose(q.value, en.value, rel_tol=1e-6)) and (
                q.unit != en.unit and en.kind == "money" and math.isclose(q.value, en.value, rel_tol=1e-9)
                or en.kind != "money" and q.unit == en.unit and n_en is not None and _numeral(q) == n_en
                and _power_of_ten(q.value, en.value) == 0
            ):
                return [q], (f"English “{en.text}” ({format_value(en)}) keeps the figure of the Chinese "
                             f"{q.describe()} but changes its unit")
    same_unit = [q for q in same_kind if q.unit == en.unit]
    if not same_unit or en.high is not None:
        return None
    slips = [q for q in same_unit if _power_of_ten(q.value, en.value or 0)]
    if slips:
        return slips[:1], (f"English “{en.text}” ({format_value(en)}) renders the Chinese "
                           f"{slips[0].describe()} with its magnitude changed")
    near = [q for q in same_unit if en.value and q.value and 0.1 < q.value / en.value < 10]
    if not near:
        return None
    near = sorted(near, key=lambda q: _distance(en, q))[:1]
    return near, (f"English “{en.text}” ({format_value(en)}) where the Chinese it translates says "
                  f"{near[0].describe()}")


# --------------------------------------------------------------------------
# a paper's front matter: the English dates restate the Chinese ones

_ZH_STAGES = regex.compile(r"(?P<label>收稿日期|录用日期|發布日期|发布日期|接受日期|录用)\s*[:：]\s*")
_EN_STAGES = regex.compile(r"(?P<label>Received|Accepted|Published(?:\s+Online)?|Copyright\s*©)\s*:?\s*", regex.I)
_STAGE = {"收稿日期": "received", "录用日期": "accepted", "录用": "accepted", "接受日期": "accepted",
          "发布日期": "published", "發布日期": "published"}


def _date_at(doc, pos: int, lang: str) -> Quantity | None:
    """The date (or year) that starts right after ``pos``."""
    from lintkit.analysis.quantities import in_span  # noqa: PLC0415

    for q in in_span(doc, pos, min(len(doc.text), pos + 40)):
        if q.start - pos <= 2 and q.kind in ("date", "year"):
            return q
        if q.start - pos > 2:
            break
    return None


def _front_matter(article):
    """Received / accepted / published (and the copyright year) of a paper's
    English front matter against 收稿日期 / 录用日期 / 发布日期."""
    doc = article.document
    text = doc.text
    head = text[article.start:min(article.end, article.start + 20000)]
    if "收稿日期" not in head:
        return
    zh: dict[str, Quantity] = {}
    for m in _ZH_STAGES.finditer(text, article.start, article.start + len(head)):
        q = _date_at(doc, m.end(), "zh")
        if q is not None and q.kind == "date" and q.year_source == "explicit":
            zh.setdefault(_STAGE[m["label"]], q)
    if "published" not in zh:
        return
    for m in _EN_STAGES.finditer(text, article.start, article.start + len(head)):
        label = m["label"].lower()
        stage = "copyright" if label.startswith("copyright") else "online" if "online" in label else label
        q = _date_at(doc, m.end(), "en")
        if q is None or q.lang != "en":
            continue
        if stage in ("copyright", "online"):
            ref = zh["published"]
            wrong = q.year != ref.year or (stage == "online" and q.month is not None and q.month != ref.month)
        elif stage in zh:
            ref = zh[stage]
            wrong = (q.year, q.month, q.day) != (ref.year, ref.month, ref.day)
        else:
            continue
        if wrong:
            what = {"copyright": "copyright year", "online": "online publication date"}.get(stage, f"{stage} date")
            yield Problem(q.start, q.end, f"English {what} “{q.text}” where the Chinese front matter says "
                          f"{ref.describe()}", related=(Related(ref.start, ref.end, "Chinese: " + ref.text),))


_PERSON = frozenset("人名位")
_NOT_PERSONS = frozenset({"户", "家庭", "家", "企业", "公司", "国家", "国", "机构", "单位", "项目"})


def _noun_changed(en: Quantity, local: list[Quantity], text: str) -> Quantity | None:
    """The Chinese count of the English value counts another glossary noun
    (1876人 rendered "1,876 families"), and no count of that value counts the
    English noun."""
    from ..nouns import NOUNS  # noqa: PLC0415

    terms = zh_terms(en.noun)
    if not terms or not _NUMERAL.search(en.text):
        return None
    same = [q for q in local if q.kind == "count" and strictly_same(en, q)]
    if not same or any(_counts(q, terms, text) for q in same):
        return None
    for q in same:
        cls, _, noun = q.noun.partition("|")
        head = (cls + noun)[:4]
        others = {t for ts in NOUNS.values() if not set(ts) & set(terms) for t in ts if head.startswith(t)}
        if head[:1] in _PERSON and not set(terms) & _NOT_PERSONS:
            continue  # N人/N名/N位 count any kind of person: representatives, residents
        if others and not any(t in head for t in terms):
            return q
    return None


# --------------------------------------------------------------------------
# a paper's figure and table captions, given in both languages

_EN_CAPTION = regex.compile(r"\s*(?P<k>Figure|Fig\.|Table)\s*(?P<n>\d{1,3})\b\.?")
_ZH_CAPTION = regex.compile(r"\s*(?P<k>图|表)\s*(?P<n>\d{1,3})(?!\d)\.?")


def _caption_figures(doc, qs, blocks: list[int], after: int, lang: str) -> list[Quantity]:
    return [q for b in blocks for q in qs.get(b, ()) if q.lang == lang and q.start >= after
            and q.value is not None and q.kind not in ("date", "time") and _NUMERAL.search(q.text)]


def _captions(article):
    """An English caption (Figure 4. …) and the Chinese one with its number
    (图4. …) next to it state the same figures: an English figure that no
    Chinese figure of the caption gives, where the Chinese caption has one
    that no English figure renders, is reported (257 caves for 217 窟)."""
    doc = article.document
    text, blocks = doc.text, doc.blocks
    if "图" not in text[article.start:article.end] and "表" not in text[article.start:article.end]:
        return
    qs = doc.analysis(quantities)
    zh_caps: dict[tuple[str, int], list[tuple[int, int]]] = {}
    en_caps = []
    for i in range(article.first_block, article.last_block + 1):
        b = blocks[i]
        if b.lang == "en":
            m = _EN_CAPTION.match(text, b.start, b.end)
            if m:
                en_caps.append((i, m))
        else:
            m = _ZH_CAPTION.match(text, b.start, b.end)
            if m:
                zh_caps.setdefault((m["k"], int(m["n"])), []).append((i, m.end()))
    for i, m in en_caps:
        kind = "表" if m["k"] == "Table" else "图"
        near = [(j, e) for j, e in zh_caps.get((kind, int(m["n"])), []) if abs(j - i) <= 4]
        if len(near) != 1:
            continue
        j, after = near[0]
        zh_blocks = [j]
        if j + 1 <= article.last_block and blocks[j + 1].lang != "en" and not _ZH_CAPTION.match(
                text, blocks[j + 1].start, blocks[j + 1].end):
            zh_blocks.append(j + 1)  # a hard-wrapped Chinese caption
        zh = _caption_figures(doc, qs, zh_blocks, after, "zh")
        en = _caption_figures(doc, qs, [i], m.end(), "en")
        if not zh or not en:
            continue
        taken: set[int] = set()
        missing = []
        for q in en:
            match = next((z for z in zh if z.start not in taken and _rounds_to(q.value, z.value, q.digits)), None)
            if match is None:
                missing.append(q)
            else:
                taken.add(match.start)
        for q in missing:
            free = [z for z in zh if z.start not in taken and q.value and z.value and 0.1 < z.value / q.value < 10]
            if not free:
                continue
            z = min(free, key=lambda z: abs(math.log(z.value / q.value)))
            taken.add(z.start)
            yield Problem(q.start, q.end, f"English caption figure “{q.text}” ({format_value(q)}) where the "
                          f"Chinese caption {kind}{m['n']} says “{z.text}”",
                          related=(Related(z.start, z.end, "Chinese: " + z.text),))
