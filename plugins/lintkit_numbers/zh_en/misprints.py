"""Misprints an English figure shows on its own, with no Chinese figure to
compare: a day no month has ("on December 34") and the letter O typed for a
zero ("3O min").

The figure reader does not take these for figures, so they are found in the
English text directly, apart from the comparison of figures.
"""

from __future__ import annotations

import regex

from lintkit import Fix, Problem

from .dates import _MONTH_NAMES, _days_in
from .sides import _chinese_quantities


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
            yield Problem(
                start,
                end,
                f"English date “{doc.text[start:end]}” does not exist: {month} has "
                f"{_days_in(_MONTH_NAMES.index(month) + 1, None)} days",
                document=c.document,
            )


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
            yield Problem(
                m.start(),
                m.end(),
                f"figure “{m.group()}” has the letter O for a zero: {fixed}"
                + (" (as the Chinese says)" if said else "")
                + "?",
                document=c.document,
                fix=Fix.replace(m.start(), m.end(), fixed, applicability="display", description=f"write {fixed}")
                if c.document is None
                else None,
            )
