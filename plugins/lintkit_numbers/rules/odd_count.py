from __future__ import annotations

from lintkit import DOCUMENT, Problem, Related, rule
from lintkit.analysis.quantities import Quantity, format_value, quantities

from ..figures import SENTENCE_END, figure_key, slip


@rule("numbers.odd-count", scope=DOCUMENT, severity="warning", formerly="numbers.contradiction")
def odd_count(doc, options):
    """A count of one named thing that an article gives once with a slipped digit (59 for 50) and elsewhere the same.

    What it catches: a count of one named thing (N位青年教师: the classifier,
    with 位, 名 and 人 alike, and three characters of the noun) that an
    article gives at least twice with one value and once with a slip of it
    — one of two or more digits changed (59 for 50) or a power of ten: the
    odd one out.  Two counts in one sentence are never compared, and a
    smaller count of the same noun (其中3名青年教师) is no slip.

    Why it matters: the odd figure is a typo the reader cannot resolve;
    attendance and participant counts are quoted on.

    Example that fires::

        本次培训共有50位青年教师参加。
        培训期间，50位青年教师分成五个小组开展研讨。
        结业仪式上，59位青年教师获得结业证书。

    Example that does not fire::

        本次培训共有50位青年教师参加。
        培训期间，50位青年教师分成五个小组开展研讨。
        其中3位青年教师获得优秀学员称号。

    Formerly part of ``numbers.contradiction`` (that id still selects,
    ignores and silences it for this release).  No options.
    """
    qs = doc.analysis(quantities)
    text = doc.text
    for article in doc.articles:
        groups: dict[tuple, list[Quantity]] = {}
        for b in article.chinese_blocks():
            for q in qs.get(b, ()):
                key = figure_key(q, counts=True) if q.lang == "zh" and q.kind == "count" else None
                if key is not None and q.value:
                    groups.setdefault(key, []).append(q)
        for key, items in groups.items():
            if not 3 <= len(items) <= 6:
                continue
            by_value: dict[float, list[Quantity]] = {}
            for q in items:
                by_value.setdefault(q.value, []).append(q)
            if len(by_value) != 2:
                continue
            (v1, l1), (v2, l2) = sorted(by_value.items(), key=lambda kv: -len(kv[1]))
            if len(l2) != 1 or len(l1) < 2 or not slip(v1, v2):
                continue
            odd = l2[0]
            if any(not SENTENCE_END.search(text, min(q.end, odd.end), max(q.start, odd.start)) for q in l1):
                continue  # one sentence, two counts
            noun = key[1].partition("|")[2]
            yield Problem(
                odd.start,
                odd.end,
                f"“{odd.text}” {noun}… here, but {len(l1)} other sentences of this article give "
                f"{format_value(l1[0])} for the same count: a slipped digit?",
                related=tuple(Related(q.start, q.end, f"the count is {q.text} here") for q in l1[:4]),
            )
