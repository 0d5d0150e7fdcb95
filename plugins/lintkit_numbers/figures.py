"""What the numbers rules that compare one file with itself share: which
blocks are titles, the subject words around a figure, the key that says two
figures measure the same thing, and what a slipped digit looks like.

Kept apart from the rules so that none imports another (each of
``numbers.heading-contradiction``, ``numbers.part-count``,
``numbers.odd-count``, ``numbers.odd-year-range`` reads some of it).
"""

from __future__ import annotations

import regex

from lintkit.analysis.quantities import Quantity
from lintkit.model.language import MIXED, ZH

from .pairing import strictly_same
from .restated import han_bigrams

__all__ = [
    "TITLE_END",
    "SENTENCE_END",
    "is_title",
    "subject",
    "figure_key",
    "same_count",
    "slip",
    "year_slip",
    "sentence_around",
]

TITLE_END = regex.compile(r"[。！？；：:;!?，,]\s*[”’」』]?\s*$")
SENTENCE_END = regex.compile(r"[。！？；]")
_HAN_RUN = regex.compile(r"\p{Han}{3}")
# kinds whose unit says what is measured; a bare count says too little
_COMPARABLE = ("measure", "money", "percent", "duration")
_PERSONS = frozenset("位名人")


def is_title(doc, i: int) -> bool:
    """Block ``i`` reads as a heading: short Chinese text with no sentence end."""
    b = doc.blocks[i]
    if b.lang not in (ZH, MIXED):
        return False
    t = b.text(doc.text)
    return 4 <= len(t) <= 40 and not TITLE_END.search(t) and not SENTENCE_END.search(t)


def subject(text: str, q: Quantity, before: int, after: int, lo: int, hi: int) -> set[str]:
    """Han bigrams just before and after a figure, the figure itself removed."""
    return han_bigrams(text[max(lo, q.start - before) : q.start]) | han_bigrams(text[q.end : min(hi, q.end + after)])


def figure_key(q: Quantity, counts: bool = False) -> tuple[str, str] | None:
    """What a figure measures — its kind and unit — or, with ``counts``, what a
    count counts (the classifier, with 位, 名 and 人 alike, and the noun's
    first three characters); None when it says too little to compare."""
    if q.kind in _COMPARABLE:
        return (q.kind, q.unit)
    if counts and q.kind == "count" and not q.high:
        cls, _, noun = q.noun.partition("|")
        if cls and len(noun) >= 3 and _HAN_RUN.match(noun):
            return ("count", ("人" if cls in _PERSONS else cls) + "|" + noun[:3])
    return None


def same_count(a: Quantity, b: Quantity) -> bool:
    """A count restated: equal, or the same anchor rounded (约50名 for 50位);
    an approximation does not stretch 50 into 57."""
    return strictly_same(a, b) or strictly_same(b, a)


def slip(a: float, b: float) -> bool:
    """``b`` is ``a`` with one of its two or more digits changed (50 → 59), or
    ``a`` times a power of ten."""
    if a <= 0 or b <= 0 or a == b:
        return False
    x, y = f"{a:g}", f"{b:g}"
    # two digits at least: 6 and 8 are two counts, not a slip
    if len(x) == len(y) >= 2 and sum(c != d for c, d in zip(x, y)) == 1:
        return True
    ratio = max(a, b) / min(a, b)
    return ratio in (10, 100, 1000)


def year_slip(a: int, b: int) -> bool:
    """One year for another a digit or a year apart (2020/2019, 2022/2023, 2021/2024)."""
    return a != b and (abs(a - b) == 1 or slip(a, b))


def sentence_around(text: str, i: int) -> str:
    # the line's ends bound the search for the other marks (a mark the rest
    # of the text lacks must not send each call to the end of the file)
    line_start = text.rfind("\n", 0, i)
    s = max([line_start] + [text.rfind(c, line_start + 1, i) for c in "。！？"]) + 1
    line_end = text.find("\n", i)
    bound = len(text) if line_end == -1 else line_end
    ends = [x for x in (text.find(c, i, bound) for c in "。！？") if x != -1]
    if line_end != -1:
        ends.append(line_end)
    return text[s : min(ends) if ends else len(text)]
