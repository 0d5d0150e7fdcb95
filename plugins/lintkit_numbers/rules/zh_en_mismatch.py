from __future__ import annotations

from lintkit import ARTICLE, Option, Problem, Related, Severity, rule
from lintkit.model.articles import HEADLINE, TRANSLATION
from lintkit.analysis.quantities import format_value

from ..nouns import zh_terms
from ..pairing import strictly_same as strictly_same  # still imported from here (by ..figures)
from ..zh_en.captions import _captions
from ..zh_en.counted import _COUNTLIKE, _head, _noun_changed, _with_noun
from ..zh_en.dates import (
    _GLUED_YEAR,
    _MONTH_NAMES,
    _bare_day,
    _bare_day_slip,
    _relative_day_slip,
    _dateline,
    _days_in,
    _impossible_day,
    _lost_month,
    _year_of_named,
)
from ..zh_en.sides import (
    _aligned_quantities,
    _chinese_order,
    _chinese_quantities,
    _english_quantities,
    _neighbour_quantities,
    _rendered,
)
from ..zh_en.front_matter import _front_matter
from ..zh_en.misprints import _days_past_31, _letter_o
from ..zh_en.verdicts import _judge, _judge_translation, _supports_exactly, _translated


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
    percentage points, a vague magnitude a place off (数百 → "thousands
    of"; 数十, 几百, 上万, 五六百 and "dozens of", "tens of thousands of" are
    compared as the intervals they allow, and "1,369" is never 上千), a
    counted noun changed (N人 → "N families"; the nouns
    are data: ``lintkit/analysis/quantities/nouns.yaml``), a Chinese day that
    lost its 月 (82日 for "August 2", reported on the Chinese), a bare day
    whose month, inferred from the headline's date, is the English month
    while the day differs (21日 → "May 29"), a relative day counted from the
    headline's date and missed by a few days (昨天 under a May 24 dateline
    → "May 22").  A figure whose paragraph has nothing of its kind (a date
    the Chinese gives as 上周, a figure the translator added, "third
    parties" for 第三方) is not a mismatch.  A bare day (8日) stands for
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
    order = _chinese_order(article)  # once per article, not per English figure
    for en, part in en_qs:
        where = part.document  # None: this document
        if en.kind == "date" and en.month and _impossible_day(en):
            yield Problem(
                en.start,
                en.end,
                f"English date “{en.text}” does not exist: "
                f"{_MONTH_NAMES[en.month - 1]} has {_days_in(en.month, en.year)} days",
                document=where,
            )
            continue
        glued = _GLUED_YEAR.match(text if where is None else where.text, en.end)
        if en.kind == "date" and en.day and en.year is None and glued:
            yield Problem(
                en.start,
                glued.end(),
                f"English date “{en.text}{glued.group(0)}” has a year "
                f"of {len(glued['y'])} digits: “{glued['y'][:4]}” with “{glued['y'][4:]}” "
                "glued to it",
                document=where,
            )
            continue
        if (
            en.kind == "date"
            and en.day
            and en.year
            and dateline is not None
            and part.block < first_body
            and part.kind in (TRANSLATION, HEADLINE)
        ):
            # the English heading restates the Chinese heading's date
            if (dateline.year, dateline.month, dateline.day) != (en.year, en.month, en.day):
                yield Problem(
                    en.start,
                    en.end,
                    f"English date {en.describe()} in the heading, but the Chinese heading says {dateline.describe()}",
                    document=where,
                    related=(
                        Related(
                            dateline.start,
                            dateline.end,
                            "Chinese: " + dateline.describe(),
                            document=article.document if where is not None else None,
                        ),
                    ),
                )
            continue
        if part.aligned and part.kind == TRANSLATION:
            # The Chinese this English renders is known: compare with it first.
            # (A headline or a contents line is a summary of the article: its
            # figures are checked against the whole article, below.)
            local, near = _aligned_quantities(article, part, order)
            if en.kind == "date" and en.day:
                lost = _lost_month(en, article.document, part.aligned)
                if lost is not None:
                    s, e, written = lost
                    yield Problem(
                        s,
                        e,
                        f"Chinese “{written}” has lost its 月: the English it renders says "
                        f"“{en.text}” ({en.month}月{en.day}日)",
                        related=(Related(en.start, en.end, "English: " + en.text, document=where),),
                    )
                    continue
            changed = _noun_changed(en, local, text) if en.kind == "count" else None
            if changed is not None:
                yield Problem(
                    en.start,
                    en.end,
                    f"English counts “{_head(en.noun)}” ({format_value(en)}) where the "
                    f"Chinese it translates counts {_with_noun(changed, text)}",
                    document=where,
                    related=(
                        Related(
                            changed.start,
                            changed.end,
                            "Chinese: " + changed.text,
                            document=article.document if where is not None else None,
                        ),
                    ),
                )
                continue
            if en.kind == "date":
                # the dateline a heading restates is no source of a paragraph's
                # date: "on June 26" for 25日 is the briefing's date slipped in
                near = [q for q in near if q.block != article.headline]
            if _translated(en, local, text) or _translated(en, near, text):
                continue
            if en.kind == "date" and en.day and _bare_day(en.day, article.document, part.aligned):
                continue  # 8日 for "April 8": the month goes without saying in Chinese
            if en.kind == "date" and en.day and dateline is not None and not any(q.kind == "date" for q in local):
                bare = _bare_day_slip(en, dateline, article.document, part.aligned)
                if bare is not None:
                    (s, e, written), month = bare
                    yield _date_slip(
                        en,
                        (s, e, written),
                        f" ({month:02d}-{int(written[:-1]):02d}, the month inferred from the dateline "
                        f"{dateline.describe()})",
                        article,
                        where,
                    )
                    continue
                relative = _relative_day_slip(en, dateline, article.document, part.aligned)
                if relative is not None:
                    span, meant = relative
                    yield _date_slip(
                        en,
                        span,
                        f", which the dateline {dateline.describe()} makes {meant.isoformat()}",
                        article,
                        where,
                    )
                    continue
            # Only the aligned figures no other English figure of this
            # paragraph renders can be this one's source.
            free = [q for q in local if q.start not in rendered]
            verdict = _judge_translation(en, free, local, text)
            if verdict is not None:
                closest, message = verdict
                yield _mismatch(en, closest, message, text, article, where)
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
            local, near = _aligned_quantities(article, part, order)
            if not _translated(en, local, text) and not _translated(en, near, text):
                slip = _judge_translation(en, local, local, text)
                if slip is not None:
                    closest, message = slip
                    yield Problem(
                        en.start,
                        en.end,
                        message.replace("the Chinese paragraph it translates", "the Chinese it sums up"),
                        severity=Severity.INFO,
                        related=tuple(Related(q.start, q.end, "Chinese: " + q.describe()) for q in closest),
                    )
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
            yield _mismatch(en, closest, message, text, article, where)
        elif unmatched != "off":
            yield Problem(en.start, en.end, message, severity=Severity.parse(unmatched), document=where)


def _date_slip(en, span: tuple[int, int, str], reading: str, article, where) -> Problem:
    """The finding on an English date that misses the Chinese day it
    translates (``span``: where the Chinese writes it, and what), with how
    that day was read from the dateline."""
    s, e, written = span
    return Problem(
        en.start,
        en.end,
        f"English date {en.describe()} where the Chinese it translates says “{written}”{reading}",
        document=where,
        related=(Related(s, e, "Chinese: " + written, document=article.document if where is not None else None),),
    )


def _mismatch(en, closest, message: str, text: str, article, where) -> Problem:
    """The finding on an English figure, pointing to the Chinese figures
    closest to it (with their counted nouns); ``where`` is the translation
    file the English stands in, if any."""
    return Problem(
        en.start,
        en.end,
        message,
        document=where,
        related=tuple(
            Related(
                q.start,
                q.end,
                "Chinese: " + (_with_noun(q, text, zh_terms(en.noun)) if q.kind in _COUNTLIKE else q.describe()),
                document=article.document if where is not None else None,
            )
            for q in closest
        ),
    )
