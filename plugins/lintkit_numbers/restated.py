"""The same rounded count restated in two sentences: shared by the
single-file rule ``numbers.restated-count`` and the cross-file rule
``numbers.cross-file-contradiction``."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import regex

from lintkit import Problem, Related, Severity
from lintkit.analysis.quantities import Quantity, quantities

if TYPE_CHECKING:  # pragma: no cover
    from lintkit.model.document import Document

__all__ = ["Restatement", "restatements", "compare", "han_bigrams"]

_HAN = regex.compile(r"\p{Han}")
_SENTENCE_END = regex.compile(r"[。！？；!?;]")
_YEAR = regex.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")


def han_bigrams(s: str) -> set[str]:
    han = "".join(_HAN.findall(s))
    return {han[i : i + 2] for i in range(len(han) - 1)}


@dataclass(frozen=True)
class Restatement:
    key: str  # classifier + the first two characters of the noun: 个|国家
    quantity: Quantity
    words: frozenset[str]  # the two-character words of its sentence, the figure removed
    document: Document
    years: frozenset[str] = frozenset()  # the years its sentence names (an annual event's edition)


def _sentence(text: str, lo: int, hi: int, q: Quantity) -> str:
    s = max([text.rfind(c, lo, q.start) for c in "。！？；"] + [lo - 1]) + 1
    ends = [x for x in (text.find(c, q.end, hi) for c in "。！？；") if x != -1]
    return text[s : min(ends + [hi])]


def restatements(doc) -> list[Restatement]:
    """Every approximate Chinese count with a classifier and a noun (超过N个国家和地区,
    N余位院士): the figures reporters round, and round differently."""
    qs = doc.analysis(quantities)
    text, blocks = doc.text, doc.blocks
    out = []
    for bi in sorted(qs):
        b = blocks[bi]
        for q in qs[bi]:
            cls, _, noun = q.noun.partition("|")
            if q.lang != "zh" or q.kind != "count" or not q.approx or not cls or len(noun) < 2:
                continue
            sent = _sentence(text, b.start, b.end, q)
            out.append(
                Restatement(
                    cls + noun[:2],
                    q,
                    frozenset(han_bigrams(sent.replace(q.text, " "))),
                    doc,
                    frozenset(_YEAR.findall(sent)),
                )
            )
    return out


def interval(q: Quantity) -> tuple[float, float]:
    """The values a rounded count allows: 300多 → [300, 400), 超过320 → (320, 330)."""
    v = q.value or 0.0
    digits = str(int(v)) if v == int(v) else ""
    step = 10 ** (len(digits) - len(digits.rstrip("0"))) if digits and digits != "0" else 1
    if q.approx == "over":
        return v, v + step
    if q.approx == "about":
        return v - step / 2, v + step / 2
    if q.approx == "nearly":
        return v - step / 2, v
    if q.approx == "under":
        return 0.0, v
    return v, v


def compare(first: Restatement, second: Restatement, min_shared: int, cross_file: bool = False):
    """A Problem on ``second`` when it restates ``first`` with another figure, else None."""
    q1, q2 = first.quantity, second.quantity
    if first.key != second.key or (q1.value, q1.approx) == (q2.value, q2.approx):
        return None
    if (
        first.document is second.document
        and q1.block == q2.block
        and not _SENTENCE_END.search(first.document.text, min(q1.end, q2.end), max(q1.start, q2.start))
    ):
        return None  # one sentence, two counts: 70多个国家表达意愿，30多个国家签署协议
    if len(first.words & second.words) < min_shared:
        return None
    if first.years and second.years and not first.years & second.years:
        return None  # the same annual event, two different editions
    lo1, hi1 = interval(q1)
    lo2, hi2 = interval(q2)
    overlap = lo1 < hi2 and lo2 < hi1 or lo1 == lo2
    noun = q1.noun.partition("|")[2][:5]
    where = "another file" if cross_file else "another sentence"
    return Problem(
        q2.start,
        q2.end,
        f"“{q2.text}{noun}” restates “{q1.text}{noun}” from {where} about the same "
        + (
            "thing with a figure that cannot be the same"
            if not overlap
            else "thing with a different figure; harmonise them"
        ),
        related=(
            Related(
                q1.start, q1.end, f"the other figure: {q1.describe()}", document=first.document if cross_file else None
            ),
        ),
        severity=None if not overlap else Severity.INFO,
        document=second.document if cross_file else None,
    )
