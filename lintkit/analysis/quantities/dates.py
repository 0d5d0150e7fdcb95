"""Dates of issue and the years of Chinese month-day dates written without one.

``issue_date`` finds the publication date a document states (an imprint or a
newspaper page line); ``infer_years`` gives a year to a Chinese 月日 date
from that issue date and from the article's own words (a review of a year's
work, ``_article_work_year``), or leaves it unknown when the two disagree.
Runs after the readers, on the quantities they produced.
"""

from __future__ import annotations

import functools
from dataclasses import replace
from typing import TYPE_CHECKING

import regex

from .model import Quantity

if TYPE_CHECKING:  # pragma: no cover
    from ...model.document import Document

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


def infer_years(
    qs: list[Quantity], issue: tuple[int, int, int] | None, article_text: str, text: str = ""
) -> list[Quantity]:
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
        issue_source = ""
        if issue is not None:
            iy, im, id_ = issue
            issue_source = f"the issue date {iy:04d}-{im:02d}-{id_:02d}"
            if future:
                by_issue = iy if (q.month, q.day or 1) >= (im, id_) else iy + 1
            else:
                by_issue = iy if (q.month, q.day or 1) <= (im, id_) else iy - 1
        by_work = work_year + 1 if work_year is not None and not future else None
        if by_issue is not None and by_work is not None:
            if by_issue == by_work:
                out.append(
                    replace(
                        q, year=by_issue, year_source=f"{issue_source} and the article reporting {work_year}'s work"
                    )
                )
            else:
                out.append(q)  # the evidence disagrees: say nothing
        elif by_issue is not None:
            out.append(replace(q, year=by_issue, year_source=issue_source))
        elif by_work is not None:
            out.append(replace(q, year=by_work, year_source=f"the article reporting {work_year}'s work"))
        else:
            out.append(q)
    return out
