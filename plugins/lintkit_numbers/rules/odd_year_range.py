from __future__ import annotations

import regex

from lintkit import DOCUMENT, Problem, Related, rule
from lintkit.analysis.citations import reference_lists

from ..figures import sentence_around, year_slip
from ..restated import han_bigrams

_YEAR_RANGE = regex.compile(
    r"(?<!\d)(?P<a>(?:19|20)\d{2})\s*年?\s*(?:—{1,2}|–|-|~|～|至|到)\s*(?P<b>(?:19|20)\d{2})\s*年"
)


@rule("numbers.odd-year-range", scope=DOCUMENT, severity="warning", formerly="numbers.contradiction")
def odd_year_range(doc, options):
    """A span of years an article gives twice one way (2020–2022年) and once with one end slipped (2019–2022年).

    What it catches: a span of years given at least twice one way and once
    with one end a year or a digit off, in a sentence about the same thing
    (the two sentences share a two-character word): the odd one out.  The
    reference list is not read (its entries cite other works).

    Why it matters: the period a study or a plan covers is quoted from the
    text; one slipped year makes the reader doubt all three.

    Example that fires::

        本数据集时间跨度为2020–2022年，覆盖三个生长季。
        数据集时间跨度为2019–2022年。
        观测数据的时间跨度为2020–2022年。

    Example that does not fire::

        本数据集时间跨度为2020–2022年，覆盖三个生长季。
        观测数据的时间跨度为2020–2022年。
        上一轮规划期为2016–2018年。

    Formerly part of ``numbers.contradiction`` (that id still selects,
    ignores and silences it for this release).  No options.
    """
    text = doc.text
    refs = doc.analysis(reference_lists)
    for article in doc.articles:
        limit = doc.blocks[refs[article.index].heading].start if article.index in refs else article.end
        spans: dict[tuple[int, int], list[regex.Match]] = {}
        for m in _YEAR_RANGE.finditer(text, article.start, limit):
            spans.setdefault((int(m["a"]), int(m["b"])), []).append(m)
        if len(spans) < 2:
            continue
        for (a, b), ones in spans.items():
            if len(ones) != 1:
                continue
            odd = ones[0]
            for (a2, b2), many in spans.items():
                if len(many) < 2 or not ((a == a2 and year_slip(b2, b)) or (b == b2 and year_slip(a2, a))):
                    continue
                words = han_bigrams(sentence_around(text, odd.start()))
                if not any(words & han_bigrams(sentence_around(text, m.start())) for m in many):
                    continue
                yield Problem(
                    odd.start(),
                    odd.end(),
                    f"“{odd.group()}” here, but {len(many)} other places of this article give {a2}–{b2}: "
                    "a slipped year?",
                    related=tuple(Related(m.start(), m.end(), f"{m.group()} here") for m in many[:4]),
                )
                break
