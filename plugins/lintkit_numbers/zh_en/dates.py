"""Dates and years of an article: the Chinese headline's dateline and where
its body starts, bare days (8日) and their inferred month, a day that lost
its 月 (82日), relative days (昨天) counted from the dateline, days a month does not have, a summary's year checked against
the Chinese sentences that name the same place or person.

Dates need evidence of their own (the month a bare day implies, the year an
issue implies): kept apart from the comparison of values.
"""

from __future__ import annotations

import datetime

import regex

from lintkit import Problem, Related
from lintkit.analysis.quantities import Quantity, quantities

from ..anchors import english_sentence, in_english_range, pinyin_words, year_of, years_about


def _bare_day(day: int, doc, blocks) -> bool:
    """Does one of ``blocks`` name day ``day`` of an unstated month (8日, 8号)?"""
    pattern = regex.compile(rf"(?<![\d月.]){day}\s*[日号]")
    return any(pattern.search(doc.blocks[b].text(doc.text)) for b in blocks)


_BARE_DAY = regex.compile(r"(?<![\d月./\-])(?P<d>3[01]|[12]\d|[1-9])\s*[日号]")


_MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def _days_in(month: int, year: int | None) -> int:
    import calendar

    return calendar.monthrange(year or 2024, month)[1]  # an unknown year may be a leap year


def _impossible_day(q: Quantity) -> bool:
    """A day past the end of its month (June 31, December 34, February 30)."""
    if q.month is None:  # the caller checks: a date with a month
        return False
    month = q.month
    return any(d is not None and d > _days_in(month, q.year) for d in (q.day, q.day_high))


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
    return Problem(
        en.start,
        en.end,
        f"English year {en.text} where the Chinese sentences about "
        + ", ".join(sorted({"".join(n).capitalize() for n in names}))
        + f" say {year}",
        related=tuple(Related(q.start, q.end, "Chinese: " + q.text) for q in about[:3]),
    )


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


# a day named relative to the dateline, and how many days from it
_RELATIVE_DAY = regex.compile(r"前天|昨天|昨日|今天|今日|明天|明日|后天|後天")
_DAYS_FROM_DATELINE = {
    "前天": -2,
    "昨天": -1,
    "昨日": -1,
    "今天": 0,
    "今日": 0,
    "明天": 1,
    "明日": 1,
    "后天": 2,
    "後天": 2,
}


def _relative_day_slip(en: Quantity, dateline: Quantity, doc, blocks):
    """The one relative day of the aligned Chinese (昨天) whose date, counted
    from the dateline, the English date misses by a few days ("July 23" for
    昨天 under a July 25 dateline).  ``((start, end, word), date)``, or None —
    also when the Chinese names two different relative days (which of them
    the English renders is a guess) or the English date is more than a week
    away (it renders something else)."""
    if not (dateline.year and dateline.month and dateline.day and en.month and en.day):
        return None
    found = [m for b in blocks for m in _RELATIVE_DAY.finditer(doc.text, doc.blocks[b].start, doc.blocks[b].end)]
    offsets = {_DAYS_FROM_DATELINE[m.group()] for m in found}
    if len(offsets) != 1:
        return None
    try:
        meant = datetime.date(dateline.year, dateline.month, dateline.day) + datetime.timedelta(days=offsets.pop())
        written = datetime.date(en.year or meant.year, en.month, en.day)
    except ValueError:
        return None
    if written == meant or abs((written - meant).days) > 7 or en.day_high is not None:
        return None
    m = found[0]
    return (m.start(), m.end(), m.group()), meant


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
